package lists

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/testenv"
)

func testCatalogue(t testing.TB) *Catalogue {
	t.Helper()
	return catalogueOf(t, "testdata/valid.yaml", "testdata/sectoral.yaml")
}

// catalogueOf is the catalogue of the named list files.
func catalogueOf(t testing.TB, names ...string) *Catalogue {
	t.Helper()
	var ls []*List
	for _, name := range names {
		l, err := ParseFile(name, testenv.ReadFile(t, name))
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
	}
	c, err := New(ls...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func day(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// hit is the part of a Match the lookup tests compare.
type hit struct {
	Entry    string
	Code     string
	Coverage Coverage
}

func hits(ms []Match) []hit {
	var out []hit
	for _, m := range ms {
		out = append(out, hit{m.Entry.ID, m.Pattern.Code.Digits(), m.Coverage})
	}
	return out
}

func TestLookup(t *testing.T) {
	c := testCatalogue(t)
	tests := []struct {
		name string
		code string
		opts Options
		want []hit
	}{
		{"CN8 under heading", "9101 21 00", Options{Date: day("2021-01-01")}, []hit{{"test-watches", "9101", Full}}},
		{"national 10-digit under CN8", "9102.11.00.10", Options{Date: day("2021-01-01")}, []hit{{"test-watches", "91021100", Full}}},
		{"heading query is partial", "9102", Options{Date: day("2021-01-01")}, []hit{{"test-watches", "91021100", Partial}}},
		{"chapter query", "91", Options{Date: day("2021-01-01")}, []hit{{"test-watches", "9101", Partial}}},
		{"no match", "0101", Options{}, nil},
		{"UN first, ex pattern", "8703.10.10", Options{Date: day("2023-01-01")}, []hit{
			{"test-snowmobiles", "870310", Ex}, {"test-vehicles", "87", Full},
		}},
		{"entry-level date: cars from 2022-06-01", "870324", Options{Date: day("2022-07-01")}, []hit{
			{"test-vehicles", "87", Full}, {"test-cars", "870324", Ex},
		}},
		{"entry not yet in force", "870324", Options{Date: day("2021-07-01")}, []hit{{"test-vehicles", "87", Full}}},
		{"list expired", "9101", Options{Date: day("2025-01-01")}, nil},
		{"before sectoral ban", "8703", Options{Date: day("2017-01-01")}, nil},
		{"any date", "8703", Options{}, []hit{
			{"test-snowmobiles", "870310", Partial}, {"test-vehicles", "87", Full}, {"test-cars", "870324", Partial},
		}},
		{"jurisdiction filter", "8703", Options{Jurisdictions: []string{"EU"}}, []hit{{"test-cars", "870324", Partial}}},
		{"kind filter", "8703", Options{Kinds: []Kind{Luxury}}, []hit{{"test-cars", "870324", Partial}}},
		{"direction: imports", "8703", Options{Direction: ImportFrom}, []hit{{"test-cars", "870324", Partial}}},
		{"list filter", "8703", Options{Lists: []string{"test-sectoral"}}, []hit{
			{"test-snowmobiles", "870310", Partial}, {"test-vehicles", "87", Full},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hits(c.Lookup(hs.MustParse(tt.code), tt.opts))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup(%s) mismatch (-want +got):\n%s", tt.code, diff)
			}
		})
	}
}

func TestLookupZeroCode(t *testing.T) {
	if got := testCatalogue(t).Lookup(hs.Code{}, Options{}); got != nil {
		t.Errorf("Lookup(zero) = %v, want nil", got)
	}
}

func TestEntries(t *testing.T) {
	c := testCatalogue(t)
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{"all", Options{}, []string{"test-snowmobiles", "test-vehicles", "test-cars", "test-watches"}},
		{"by list", Options{Lists: []string{"test-luxury"}}, []string{"test-cars", "test-watches"}},
		{"by jurisdiction", Options{Jurisdictions: []string{"UN"}}, []string{"test-snowmobiles", "test-vehicles"}},
		{"by kind", Options{Kinds: []Kind{Luxury}}, []string{"test-cars", "test-watches"}},
		{"by date", Options{Date: day("2021-01-01")}, []string{"test-snowmobiles", "test-vehicles", "test-watches"}},
		{"by date before the ban", Options{Date: day("2017-01-01")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range c.Entries(tt.opts) {
				got = append(got, m.Entry.ID)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Entries mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewRejectsDuplicates(t *testing.T) {
	c := testCatalogue(t)
	l, _ := c.List("test-luxury")
	if _, err := New(l, l); err == nil {
		t.Error("New with a repeated list: no error")
	}
	copyList := *l
	copyList.ID = "other"
	if _, err := New(l, &copyList); err == nil {
		t.Error("New with a repeated entry id: no error")
	}
}

func TestDefaultLoads(t *testing.T) {
	c := embeddedCatalogue(t)
	if len(c.Lists()) == 0 {
		t.Fatal("no embedded lists")
	}
}

func BenchmarkLookupCN8(b *testing.B) {
	c := embeddedCatalogue(b)
	code := hs.MustParse("9101 21 00")
	opts := Options{Date: day("2024-01-01")}
	b.ReportAllocs()
	for b.Loop() {
		c.Lookup(code, opts)
	}
}

func BenchmarkLookupPartial(b *testing.B) {
	c := embeddedCatalogue(b)
	code := hs.MustParse("87")
	b.ReportAllocs()
	for b.Loop() {
		c.Lookup(code, Options{})
	}
}

func BenchmarkDefault(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
