package rules

import (
	"slices"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen/lists"
)

// TestNoListInForce checks that a shipment with a DPRK nexus from a state
// whose lists the catalogue holds, on a day none of them is in force, is
// reviewed: the catalogue's silence is not clearance. A state that never
// had a list of its own is bound by the UN lists alone.
func TestNoListInForce(t *testing.T) {
	// Australia's list from 2017; a state whose only list is sectoral,
	// from 2016: before the UN's first sectoral ban it was obliged to no
	// such list.
	day := func(s string) time.Time { d, _ := time.Parse(dateLayout, s); return d }
	cat, err := lists.New(
		oneEntryList("au-list", "AU", lists.Luxury, lists.ExportTo, day("2017-06-02"), lists.PrimaryText, "9101"),
		oneEntryList("cn-list", "CN", lists.Sectoral, lists.ImportFrom, day("2016-04-05"), lists.PrimaryText, "2701"),
		oneEntryList("un-list", "UN", lists.Sectoral, lists.ImportFrom, day("2016-03-02"), lists.PrimaryText, "2701"),
	)
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
