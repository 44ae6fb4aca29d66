package lists

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
)

func defaultLists(tb testing.TB) []*List {
	tb.Helper()
	ls, err := DefaultLists(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return ls
}

func byID(tb testing.TB, ls []*List, id string) *List {
	tb.Helper()
	for _, l := range ls {
		if l.ID == id {
			return l
		}
	}
	tb.Fatalf("no list %q in the catalogue", id)
	return nil
}

func utc(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestEUAnnexVIIIKnownFacts checks codes TARIC shows under Regulation
// 2017/2062 for both the export and the import ban. They are read from the
// tariff's measures, not from the annex text, so their basis is tariff.
func TestEUAnnexVIIIKnownFacts(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, code := range []string{"0101 21 00", "2402 10 00", "5702 91 00"} {
		for _, dir := range []Direction{ExportTo, ImportFrom} {
			ms := cat.Lookup(hs.MustParse(code), Options{Lists: []string{"eu-2017-1509-luxury"}, Direction: dir, Date: utc(2026, 1, 1)})
			if len(ms) != 1 || ms[0].Coverage != Full || ms[0].Entry.Basis != Tariff {
				t.Errorf("EU Annex VIII lookup %s %s = %+v, want one full match on a tariff entry", code, dir, ms)
			}
		}
	}
	// TARIC shows no KP luxury measure on tufted wool carpets.
	if ms := cat.Lookup(hs.MustParse("5703 10 00"), Options{Lists: []string{"eu-2017-1509-luxury"}}); len(ms) != 0 {
		t.Errorf("EU Annex VIII covers tufted carpets 5703 10 00: %+v", ms)
	}
}

func TestEUEditionsByDate(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, tc := range []struct {
		date time.Time
		want []string
	}{
		{utc(2010, 6, 1), []string{"eu-2007-329-luxury"}},
		{utc(2017, 9, 1), []string{"eu-2017-1509-original-luxury"}}, // original Annex VIII of 2017/1509
		{utc(2018, 6, 1), []string{"eu-2017-1509-luxury"}},
	} {
		var got []string
		for _, m := range cat.Lookup(hs.MustParse("0101 21 00"), Options{Jurisdictions: []string{"EU"}, Date: tc.date}) {
			got = append(got, m.List.ID)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("EU lists covering horses on %s (-want +got):\n%s", formatDate(tc.date), diff)
		}
	}
}

// TestUKListIsNotRussian guards against the UK's Russia luxury schedule
// (SI 2019/855 Schedule 3A, GBP 250 thresholds) leaking into DPRK lists.
func TestUKListIsNotRussian(t *testing.T) {
	ls := defaultLists(t)
	gb := byID(t, ls, "gb-2019-411-luxury")
	if gb.Instrument.Reference != "SI 2019/411" || gb.Target != "KP" {
		t.Errorf("UK list instrument %q target %q", gb.Instrument.Reference, gb.Target)
	}
	for _, l := range ls {
		if strings.Contains(l.Instrument.Reference, "2019/855") {
			t.Errorf("%s cites the UK Russia regulations", l.ID)
		}
		for _, e := range l.Entries {
			if e.Threshold != nil && e.Threshold.Currency == "GBP" {
				t.Errorf("%s/%s has a GBP threshold %+v; no UK DPRK threshold is known", l.ID, e.ID, e.Threshold)
			}
		}
	}
}

func TestUNSCR2321Thresholds(t *testing.T) {
	var l *List
	for _, c := range defaultLists(t) {
		if c.Jurisdiction == "UN" && c.Kind == Luxury && strings.Contains(c.Instrument.Reference, "2321") {
			l = c
		}
	}
	if l == nil {
		t.Fatal("no UNSCR 2321 luxury list in the catalogue")
	}
	var got []Threshold
	for _, e := range l.Entries {
		if e.Threshold != nil {
			t := *e.Threshold
			t.Note = ""
			got = append(got, t)
		}
	}
	want := []Threshold{{Amount: 500, Currency: "USD", Per: Item, PerQuantity: 1}, {Amount: 100, Currency: "USD", Per: Item, PerQuantity: 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("UNSCR 2321 thresholds (-want +got):\n%s", diff)
	}
}

func TestCatalogueBreadth(t *testing.T) {
	ls := defaultLists(t)
	js := map[string]bool{}
	for _, l := range ls {
		if l.Kind == Luxury && l.Jurisdiction != "UN" {
			js[l.Jurisdiction] = true
		}
		if l.Instrument.URL == "" && l.SourceURL == "" {
			t.Errorf("%s cites no URL", l.ID)
		}
		if len(l.Entries) == 0 {
			t.Errorf("%s has no entries", l.ID)
		}
		for _, e := range l.Entries {
			if strings.TrimSpace(e.Citation) == "" || e.Confidence == "" {
				t.Errorf("%s/%s lacks a citation or confidence", l.ID, e.ID)
			}
		}
	}
	if len(js) < 12 {
		t.Errorf("national luxury lists cover %d jurisdictions, want at least 12: %v", len(js), js)
	}
	if !slices.ContainsFunc(ls, func(l *List) bool { return l.Jurisdiction == "UN" }) {
		t.Errorf("no UN list")
	}
}

// TestThresholdCurrencies checks that thresholds stay in the instrument's
// currency: the catalogue never converts.
func TestThresholdCurrencies(t *testing.T) {
	ls := defaultLists(t)
	for _, tc := range []struct {
		list, currency string
		amounts        []float64
	}{
		{"ru-2007-decree-luxury", "RUB", []float64{250000}},
	} {
		var got []float64
		for _, e := range byID(t, ls, tc.list).Entries {
			if e.Threshold == nil {
				continue
			}
			if e.Threshold.Currency != tc.currency {
				t.Errorf("%s/%s threshold in %s, want %s", tc.list, e.ID, e.Threshold.Currency, tc.currency)
			}
			if !slices.Contains(got, e.Threshold.Amount) {
				got = append(got, e.Threshold.Amount)
			}
		}
		if diff := cmp.Diff(tc.amounts, got); diff != "" {
			t.Errorf("%s threshold amounts (-want +got):\n%s", tc.list, diff)
		}
	}
}

func TestJapan2017Additions(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, tc := range []struct {
		date time.Time
		want int
	}{{utc(2017, 2, 21), 0}, {utc(2017, 2, 22), 1}} {
		ms := cat.Lookup(hs.MustParse("5805"), Options{Lists: []string{"jp-etco-2-2-luxury"}, Date: tc.date})
		if len(ms) != tc.want {
			t.Errorf("JP tapestries on %s: %d matches, want %d", formatDate(tc.date), len(ms), tc.want)
		}
	}
}

func TestGapsDefault(t *testing.T) {
	ls := defaultLists(t)
	var un []*List
	for _, l := range ls {
		if l.Jurisdiction == "UN" && l.Kind == Luxury {
			un = append(un, l)
		}
	}
	gaps := Gaps(un, InForce(ls, utc(2026, 1, 1), Luxury))
	// The US 2007 list names neither snowmobiles nor lead crystal.
	for _, g := range gaps {
		if g.Jurisdiction == "EU" && g.Extent == None && slices.Contains(g.Uncovered, "7113") {
			t.Errorf("EU reported as not covering jewellery: %+v", g)
		}
	}
	if len(gaps) == 0 {
		t.Errorf("no gaps against the UN floor; the US list at least lacks some UN items")
	}
}
