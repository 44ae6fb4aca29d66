package lists

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/testenv"
)

func embargoCatalogue(t *testing.T) *Catalogue {
	t.Helper()
	return catalogueOf(t, "testdata/valid.yaml", "testdata/embargo.yaml")
}

func TestEmbargoLookup(t *testing.T) {
	c := embargoCatalogue(t)
	opts := Options{Date: day("2012-06-01"), Kinds: []Kind{Embargo}}
	tests := []struct {
		code string
		want []hit
	}{
		// A good in no exception is covered in full by its chapter.
		{"9101.11", []hit{{"test-embargo-all", "91", Full}}},
		// An exception at or above the code removes the control.
		{"0303.11", nil},
		{"0303", nil},
		// An exception below the code leaves it partly covered.
		{"3004", []hit{{"test-embargo-all", "30", Partial}}},
		{"03", []hit{{"test-embargo-all", "03", Partial}}},
		{"3004.10", []hit{{"test-embargo-all", "30", Full}}},
	}
	for _, tt := range tests {
		got := hits(c.Lookup(hs.MustParse(tt.code), opts))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Lookup(%s) (-want +got):\n%s", tt.code, diff)
		}
	}
	if got := c.Lookup(hs.MustParse("9101.11"), Options{Date: day("2009-01-01"), Kinds: []Kind{Embargo}}); len(got) != 0 {
		t.Errorf("embargo applied before it came into force: %v", hits(got))
	}
	l, _ := c.List("test-embargo")
	if l.Measure != Licence || !l.Entries[0].AllGoods || len(l.Entries[0].Codes) != 96 {
		t.Errorf("measure %q, all goods %v, %d chapters; want licence, true, 96", l.Measure, l.Entries[0].AllGoods, len(l.Entries[0].Codes))
	}
	if diff := cmp.Diff([]string{"humanitarian aid approved by the ministry"}, l.Entries[0].Exemptions); diff != "" {
		t.Errorf("exemptions (-want +got):\n%s", diff)
	}
	if len(l.Amendments) != 1 || l.Amendments[0].Date != day("2016-02-10") {
		t.Errorf("amendments %+v", l.Amendments)
	}
}

func TestAnswerNoList(t *testing.T) {
	c := embargoCatalogue(t)
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{"list in force", Options{Date: day("2012-06-01"), Jurisdictions: []string{"AU"}}, nil},
		{"before any list", Options{Date: day("2009-06-01"), Jurisdictions: []string{"AU"}}, []string{"AU"}},
		{"no list of the kind", Options{Date: day("2012-06-01"), Jurisdictions: []string{"AU"}, Kinds: []Kind{Luxury}}, []string{"AU"}},
		{"a jurisdiction never listed", Options{Date: day("2012-06-01"), Jurisdictions: []string{"NZ", "AU"}}, []string{"NZ"}},
		{"no jurisdiction asked", Options{Date: day("2009-06-01")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := c.Answer(hs.MustParse("9101.11"), tt.opts)
			var got []string
			for _, n := range a.NoList {
				got = append(got, n.Jurisdiction)
				if !strings.Contains(n.Message, "not the same as not controlled") {
					t.Errorf("message %q does not say absence is not clearance", n.Message)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("NoList (-want +got):\n%s", diff)
			}
		})
	}
	// A jurisdiction with a list in force that does not cover the code
	// is answered "not covered", with the list that says so.
	a := c.Answer(hs.MustParse("0303.11"), Options{Date: day("2012-06-01"), Jurisdictions: []string{"AU"}})
	if diff := cmp.Diff([]NotCovered{{Jurisdiction: "AU", Lists: []string{"test-embargo"}}}, a.NotCovered); diff != "" {
		t.Errorf("NotCovered (-want +got):\n%s", diff)
	}
	if a := c.Answer(hs.MustParse("9101.11"), Options{Date: day("2012-06-01"), Jurisdictions: []string{"AU"}}); len(a.NotCovered) != 0 {
		t.Errorf("a covered code is reported not covered: %+v", a.NotCovered)
	}
}

func TestParseEmbargoErrors(t *testing.T) {
	src := string(testenv.ReadFile(t, "testdata/embargo.yaml"))
	tests := []struct {
		name, old, new, field string
		want                  error
	}{
		{"all goods with codes", "    all_goods: true\n", "    all_goods: true\n    codes:\n      - {code: \"91\", edition: HS2022}\n", "entries[0].codes", ErrInvalid},
		{"embargo without all goods", "    all_goods: true\n", "    codes:\n      - {code: \"91\", edition: HS2022}\n", "entries", ErrMissing},
		{"except without rationale", "        rationale: \"Article 2(a): frozen fish for food\"\n", "", "entries[0].except[0].rationale", ErrMissing},
		{"bad measure", "measure: licence", "measure: tax", "measure", ErrInvalid},
		{"amendment without date", "    date: 2016-02-10\n", "", "amendments[0].date", ErrMissing},
		{"all goods on a luxury list", "kind: embargo", "kind: luxury", "entries[0].all_goods", ErrInvalid},
		{"bad derived_from", "    all_goods: true\n", "    all_goods: true\n    derived_from: UN 2270\n", "entries[0].derived_from", ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(src, tt.old) {
				t.Fatalf("edit %q not in embargo.yaml", tt.old)
			}
			_, err := ParseFile("bad.yaml", []byte(strings.Replace(src, tt.old, tt.new, 1)))
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %v, want a *LoadError", err)
			}
			found := false
			for _, p := range problems(err) {
				if p.Field == tt.field && errors.Is(p, tt.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %v at %s in %v", tt.want, tt.field, err)
			}
		})
	}
}

// problems returns every *LoadError of a joined error.
func problems(err error) []*LoadError {
	var out []*LoadError
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, problems(e)...)
		}
		return out
	}
	var le *LoadError
	if errors.As(err, &le) {
		out = append(out, le)
	}
	return out
}
