package lists

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
)

// mkEntry builds an entry from codes written "7113" or "ex 8903".
func mkEntry(id string, codes ...string) *Entry {
	e := &Entry{ID: id, Category: id, Citation: "test " + id, Basis: Derived, Confidence: PrimaryText}
	for _, c := range codes {
		ex := strings.HasPrefix(c, "ex ")
		e.Codes = append(e.Codes, Pattern{Code: hs.MustParse(strings.TrimPrefix(c, "ex ")), Ex: ex, Edition: hs.HS2022})
	}
	return e
}

func mkList(id, jurisdiction string, entries ...*Entry) *List {
	l := &List{ID: id, Jurisdiction: jurisdiction, Title: id, Kind: Luxury, Direction: ExportTo, Target: "KP",
		InForce: Period{From: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)}, Confidence: PrimaryText, Entries: entries}
	for _, e := range entries {
		e.ListID = id
		e.InForce = l.InForce
	}
	return l
}

func withThreshold(e *Entry, amount float64, currency string) *Entry {
	e.Threshold = &Threshold{Amount: amount, Currency: currency, Per: Item, PerQuantity: 1}
	return e
}

func TestCompare(t *testing.T) {
	a := mkList("a", "AA",
		mkEntry("a-jewel", "7113", "7116"),
		mkEntry("a-yacht", "ex 8903"),
		withThreshold(mkEntry("a-rugs", "5701", "5805"), 500, "USD"),
		mkEntry("a-clothes", "ex 61"),
	)
	b := mkList("b", "BB",
		mkEntry("b-jewel", "711319"),
		mkEntry("b-yacht", "8903"),
		mkEntry("b-rugs", "5701"),
		mkEntry("b-cars", "ex 8703"),
		mkEntry("b-coats", "6101"),
	)
	got := Compare(a, b)
	want := Comparison{
		A: "a", B: "b",
		Rows: []HeadingRow{
			{Heading: "5701", A: All, B: All, AEntries: []string{"a-rugs"}, BEntries: []string{"b-rugs"}},
			{Heading: "5805", A: All, B: None, AEntries: []string{"a-rugs"}},
			{Heading: "61", A: Some, B: Some, AEntries: []string{"a-clothes"}, BEntries: []string{"b-coats"}},
			{Heading: "6101", A: Some, B: All, AEntries: []string{"a-clothes"}, BEntries: []string{"b-coats"}},
			{Heading: "7113", A: All, B: Some, AEntries: []string{"a-jewel"}, BEntries: []string{"b-jewel"}},
			{Heading: "7116", A: All, B: None, AEntries: []string{"a-jewel"}},
			{Heading: "8703", A: None, B: Some, BEntries: []string{"b-cars"}},
			{Heading: "8903", A: Some, B: All, AEntries: []string{"a-yacht"}, BEntries: []string{"b-yacht"}},
		},
		Thresholds: []ThresholdDiff{{
			Heading: "5701",
			A:       []ThresholdRef{{Entry: "a-rugs", Threshold: &Threshold{Amount: 500, Currency: "USD", Per: Item, PerQuantity: 1}}},
			B:       []ThresholdRef{{Entry: "b-rugs"}},
		}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
	heads := func(rs []HeadingRow) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Heading)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		got  []HeadingRow
		want []string
	}{
		{"OnlyA", got.OnlyA(), []string{"5805", "7116"}},
		{"OnlyB", got.OnlyB(), []string{"8703"}},
		{"Differ", got.Differ(), []string{"6101", "7113", "8903"}},
		{"Same", got.Same(), []string{"5701", "61"}},
	} {
		if diff := cmp.Diff(tc.want, heads(tc.got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestCompareThresholds(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b *Entry
		diff bool
	}{
		{"same amount and currency", withThreshold(mkEntry("x", "6911"), 100, "USD"), withThreshold(mkEntry("y", "6911"), 100, "USD"), false},
		{"different amount", withThreshold(mkEntry("x", "6911"), 100, "USD"), withThreshold(mkEntry("y", "6911"), 200, "USD"), true},
		{"different currency", withThreshold(mkEntry("x", "6911"), 100, "USD"), withThreshold(mkEntry("y", "6911"), 100, "EUR"), true},
		{"one side only", mkEntry("x", "6911"), withThreshold(mkEntry("y", "6911"), 100, "USD"), true},
		{"neither", mkEntry("x", "6911"), mkEntry("y", "691110"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Compare(mkList("a", "AA", tc.a), mkList("b", "BB", tc.b))
			if got := len(c.Thresholds) > 0; got != tc.diff {
				t.Errorf("threshold difference = %v, want %v (%+v)", got, tc.diff, c.Thresholds)
			}
		})
	}
}

func TestListAt(t *testing.T) {
	early := mkEntry("early", "7113")
	late := mkEntry("late", "5805")
	l := mkList("l", "AA", early, late)
	late.InForce = Period{From: time.Date(2017, 2, 22, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		date time.Time
		want []string
	}{
		{time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), []string{"early"}},
		{time.Date(2017, 2, 22, 0, 0, 0, 0, time.UTC), []string{"early", "late"}},
		{time.Time{}, []string{"early", "late"}},
	} {
		if diff := cmp.Diff(tc.want, ids(l.At(tc.date).Entries)); diff != "" {
			t.Errorf("At(%v) (-want +got):\n%s", tc.date, diff)
		}
	}
	if len(l.Entries) != 2 {
		t.Errorf("At changed the list it was called on")
	}
}

func TestCombine(t *testing.T) {
	a := mkList("a1", "US", mkEntry("x", "7113"))
	b := mkList("a2", "US", mkEntry("y", "8482"))
	b.Direction = ImportFrom
	b.AsOf = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := Combine("US", a, b)
	if diff := cmp.Diff([]string{"x", "y"}, ids(c.Entries)); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if c.ID != "US" || c.Jurisdiction != "US" || c.Direction != Both || !c.AsOf.Equal(b.AsOf) {
		t.Errorf("Combine = %+v", c)
	}
	if Combine("none") != nil {
		t.Errorf("Combine of no lists is not nil")
	}
}

func BenchmarkCompareDefault(b *testing.B) {
	ls := defaultLists(b)
	eu, us := byID(b, ls, "eu-2017-1509-luxury"), byID(b, ls, "us-746-luxury")
	b.ReportAllocs()
	for b.Loop() {
		Compare(eu, us)
	}
}
