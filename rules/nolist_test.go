package rules

import (
	"slices"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// TestNoListInForce checks that a shipment with a DPRK nexus from a state
// whose lists the catalogue holds, on a day none of them is in force, is
// reviewed: the catalogue's silence is not clearance. A state that never
// had a list of its own is bound by the UN lists alone.
func TestNoListInForce(t *testing.T) {
	from := time.Date(2017, 6, 2, 0, 0, 0, 0, time.UTC)
	e := &lists.Entry{ID: "au-watches", ListID: "au-list", Category: "Watches", Citation: "Instrument, item 1", Basis: lists.Derived,
		Confidence: lists.PrimaryText, InForce: lists.Period{From: from},
		Codes: []lists.Pattern{{Code: hs.MustParse("9101"), Edition: hs.HS2022, Rationale: "watches"}}}
	l := &lists.List{ID: "au-list", Jurisdiction: "AU", Title: "AU", Kind: lists.Luxury, Measure: lists.Prohibition, Direction: lists.ExportTo,
		Target: "KP", InForce: lists.Period{From: from}, Confidence: lists.PrimaryText, Entries: []*lists.Entry{e}}
	// A state whose only list is sectoral, from 2016: before the UN's
	// first sectoral ban it was obliged to no such list.
	se := &lists.Entry{ID: "cn-coal", ListID: "cn-list", Category: "Coal", Citation: "Announcement, item 1", Basis: lists.Published,
		Confidence: lists.PrimaryText, InForce: lists.Period{From: time.Date(2016, 4, 5, 0, 0, 0, 0, time.UTC)},
		Codes: []lists.Pattern{{Code: hs.MustParse("2701"), Edition: hs.HS2012}}}
	sl := &lists.List{ID: "cn-list", Jurisdiction: "CN", Title: "CN", Kind: lists.Sectoral, Measure: lists.Prohibition, Direction: lists.ImportFrom,
		Target: "KP", InForce: se.InForce, Confidence: lists.PrimaryText, Entries: []*lists.Entry{se}}
	un := &lists.Entry{ID: "un-coal", ListID: "un-list", Category: "Coal", Citation: "S/RES/2270 (2016), paragraph 29", Basis: lists.Published,
		Confidence: lists.PrimaryText, InForce: lists.Period{From: time.Date(2016, 3, 2, 0, 0, 0, 0, time.UTC)},
		Codes: []lists.Pattern{{Code: hs.MustParse("2701"), Edition: hs.HS2012}}}
	ul := &lists.List{ID: "un-list", Jurisdiction: "UN", Title: "UN", Kind: lists.Sectoral, Measure: lists.Prohibition, Direction: lists.ImportFrom,
		Target: "KP", InForce: un.InForce, Confidence: lists.PrimaryText, Entries: []*lists.Entry{un}}
	cat, err := lists.New(l, sl, ul)
	if err != nil {
		t.Fatal(err)
	}
	eng := newTestEngine(t, cat, newFakeScreener(nil))
	ship := func(country, date string) *Shipment {
		return &Shipment{ID: country + date, Date: date,
			Parties:     []Party{{Role: Exporter, Name: "Southern Cross Trading", Country: country}, {Role: Consignee, Name: "Korea Ungum Trading", Country: "KP"}},
			Destination: "KP",
			Lines:       []Line{{Description: "gold wrist-watches", HS: "9101.11", Quantity: 2, Unit: "item", Value: 9000, Currency: "USD"}}}
	}
	tests := []struct {
		name string
		s    *Shipment
		want bool
	}{
		{"before the state's first list", ship("AU", "2012-06-01"), true},
		{"while its list is in force", ship("AU", "2019-06-01"), false},
		{"a state that never had a list", ship("TH", "2012-06-01"), false},
		{"a state with only a sectoral list, before any UN sectoral ban", ship("CN", "2012-06-01"), false},
		{"the same state between the UN ban and its own list", ship("CN", "2016-03-20"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustCheck(t, eng, tt.s)
			got := slices.Contains(ruleIDs(d), "review no-list-in-force")
			if got != tt.want {
				t.Errorf("no-list-in-force: %v, want %v; findings %v", got, tt.want, ruleIDs(d))
			}
			if d.Verdict == VerdictClear {
				t.Errorf("a shipment to the DPRK came out clear")
			}
		})
	}
}
