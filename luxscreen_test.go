package luxscreen

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
)

func TestOpenErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.xml")
	tests := []struct {
		name string
		cfg  Config
		want error
	}{
		{"missing list", Config{Lists: []string{missing}}, fs.ErrNotExist},
		{"missing rules", Config{Rules: []string{missing}}, fs.ErrNotExist},
		{"missing rates", Config{RatesFile: missing}, fs.ErrNotExist},
		{"missing prices", Config{PricesFile: missing}, fs.ErrNotExist},
		{"missing nomenclature", Config{Nomenclature: missing}, fs.ErrNotExist},
		{"demo refused", Config{NoDemoList: true}, ErrNoLists},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(context.Background(), tt.cfg)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open: got %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := Open(context.Background(), Config{RatesFile: missing, Rates: &lists.Rates{Base: "USD"}}); err == nil {
		t.Error("Open with RatesFile and Rates: got no error")
	}
}

// TestClassifyRates checks that the rates of the configuration reach the
// classifier Classify answers with: a copy of the wiring once left them
// out.
func TestClassifyRates(t *testing.T) {
	rates := &lists.Rates{Base: "USD", PerUnit: map[string]float64{"EUR": 1.1, "KRW": 0.00075}}
	tests := []struct {
		name  string
		rates *lists.Rates
		want  bool // a control says that a rate is missing
	}{
		{"no rates", nil, true},
		{"rates", rates, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sys, err := Open(context.Background(), Config{Rates: tt.rates})
			if err != nil {
				t.Fatal(err)
			}
			if sys.view != sys.classifier {
				t.Error("an unrestricted configuration built two classifiers")
			}
			res, err := sys.Classify(context.Background(), classify.Item{Description: "Ski-Doo snowmobile", Value: 20000, Currency: "EUR"})
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, c := range res.Controls {
				got = got || strings.Contains(c.Why, "no rate for")
			}
			if got != tt.want {
				t.Errorf("a control lacks a rate: got %v, want %v; controls: %+v", got, tt.want, res.Controls)
			}
		})
	}
}

func TestReload(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	list := filepath.Join(dir, "un.xml")
	copyFile(t, "screen/testdata/un_small.xml", list)
	sys, err := Open(ctx, Config{Lists: []string{list}})
	if err != nil {
		t.Fatal(err)
	}
	before := sys.Versions().Sanctions

	// A reload that fails keeps the old lists.
	if err := os.WriteFile(list, []byte("<not a list"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := sys.Reload(ctx); err == nil {
		t.Fatal("Reload of a broken file: got no error")
	}
	if diff := cmp.Diff(before, sys.Versions().Sanctions); diff != "" {
		t.Errorf("lists after a failed reload (-before +after):\n%s", diff)
	}

	// Screenings go on while the lists are swapped.
	copyFile(t, "screen/testdata/un_small.xml", list)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := sys.Screen(ctx, party.New("Example Sea Shipping Company", party.KindOrganisation, "", "", ""))
				if err != nil || res.Verdict != screen.Match {
					t.Errorf("Screen during reload: %v, %v", res.Verdict, err)
					return
				}
			}
		})
	}
	for range 5 {
		if err := sys.Reload(ctx); err != nil {
			t.Error(err)
		}
	}
	close(stop)
	wg.Wait()

	if err := sys.Close(); err != nil {
		t.Fatal(err)
	}
	if err := sys.Reload(ctx); !errors.Is(err, ErrClosed) {
		t.Errorf("Reload after Close: got %v, want ErrClosed", err)
	}
	if _, err := sys.Check(ctx, &rules.Shipment{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Check after Close: got %v, want ErrClosed", err)
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want []string
	}{
		{"demo", Config{}, []string{screen.DemoWarning}},
		{"official", Config{Lists: []string{"screen/testdata/un_small.xml"}, Now: day(2026, 1, 20)}, nil},
		{"official, stale", Config{Lists: []string{"screen/testdata/un_small.xml"}, Now: day(2026, 3, 1)},
			[]string{"luxscreen: sanctions list un is 58 days old (published 2026-01-02), past the limit of 30 days: fetch the current list"}},
		{"official, stale past a longer limit", Config{Lists: []string{"screen/testdata/un_small.xml"}, Now: day(2026, 3, 1), MaxListAge: 60 * 24 * time.Hour}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sys, err := Open(context.Background(), tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, sys.Warnings()); diff != "" {
				t.Errorf("Warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// day returns a clock stopped at midnight UTC of the day.
func day(y int, m time.Month, d int) func() time.Time {
	return func() time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b := testenv.ReadFile(t, from)
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReloadReachesCheck checks that a reload reaches the decisions of
// Check at once, although the engine remembers the screenings of the
// parties it has seen.
func TestReloadReachesCheck(t *testing.T) {
	ctx := context.Background()
	demo, err := screen.DemoList()
	if err != nil {
		t.Fatal(err)
	}
	extra := screen.List{
		Version: screen.ListVersion{Source: "TEST", Format: "test", SHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Entities: 1},
		Entities: []screen.Entity{{ID: "TEST:1", Source: "TEST", Ref: "1", Kind: screen.KindOrganisation,
			Names: []screen.Name{{Value: "ZEPHYRANTHES QUILLBRIDGE HOLDINGS", Kind: screen.NamePrimary}}}},
	}
	withExtra := false
	sys, err := Open(ctx, Config{ListSource: func(context.Context) ([]screen.List, error) {
		if withExtra {
			return []screen.List{demo, extra}, nil
		}
		return []screen.List{demo}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	ship := func() *rules.Shipment {
		return &rules.Shipment{ID: "s1", Date: "2024-03-01", Origin: "NL", Destination: "TH",
			Parties: []rules.Party{{Role: rules.Consignee, Name: "Zephyranthes Quillbridge Holdings", Kind: "organisation", Country: "TH"}},
			Lines:   []rules.Line{{Description: "office chairs", HS: "9401.30", Quantity: 10, Unit: "pcs", Value: 900, Currency: "USD"}}}
	}
	matched := func() bool {
		d, err := sys.Check(ctx, ship())
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range d.Findings {
			for _, ev := range f.Evidence {
				if ev.Party != "" && strings.Contains(ev.Detail, "TEST") {
					return true
				}
			}
		}
		return false
	}
	for _, step := range []struct {
		extra bool
		want  bool
	}{{false, false}, {false, false}, {true, true}, {true, true}, {false, false}} {
		if step.extra != withExtra {
			withExtra = step.extra
			if err := sys.Reload(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if got := matched(); got != step.want {
			t.Fatalf("with the extra list %v: party matched %v, want %v", step.extra, got, step.want)
		}
	}
}
