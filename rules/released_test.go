package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/party"
)

// TestReleasedFinding checks that a hit a reviewer released leaves the
// decision to the rest of the screening and shows who released it, for
// the party and for the vessel.
func TestReleasedFinding(t *testing.T) {
	released := party.Released{
		Hit: party.Hit{Entity: "UN:KPe.006", List: "UN", Ref: "KPe.006", Name: "KOREA HYOKSIN TRADING CORPORATION"},
		By:  "ana.kim", At: time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC), Reason: "false-positive", Note: "Dalian seafood trader", Case: 7,
	}
	sc := newFakeScreener(map[string]party.Result{
		"KOREA HYOKSIN TRADING CORP": {Verdict: party.Clear, Hits: []party.Hit{}, Released: []party.Released{released}},
		"HYOKSIN STAR":               {Verdict: party.Clear, Hits: []party.Hit{}, Released: []party.Released{released}},
	})
	eng := testEngine(t, sc)
	s := &Shipment{ID: "BKG-1", Date: "2026-12-01", Origin: "DE", Destination: "CN",
		Parties: []Party{{Role: Exporter, Name: "Hamburger Werkzeug GmbH", Country: "DE"}, {Role: Consignee, Name: "Korea Hyoksin Trading Corp", Country: "CN"}},
		Vessel:  &Vessel{Name: "HYOKSIN STAR", IMO: "9312345", Flag: "PA"},
		Lines:   []Line{{Description: "hand-operated spanners of steel", HS: "8204.11", Quantity: 100, Unit: "pcs", Value: 1200, Currency: "EUR"}}}
	d := mustCheck(t, eng, s)
	var got []string
	for _, f := range d.Findings {
		if f.Rule != "released-false-positive" {
			continue
		}
		if f.Severity != Info {
			t.Errorf("released-false-positive is %s, want info", f.Severity)
		}
		for _, e := range f.Evidence {
			got = append(got, e.Party+e.Vessel+" | "+e.Detail)
		}
	}
	want := []string{
		"consignee: Korea Hyoksin Trading Corp | UN:KPe.006 (KOREA HYOKSIN TRADING CORPORATION) released by ana.kim on 2026-12-04, reason false-positive (case 7): Dalian seafood trader",
		"HYOKSIN STAR | UN:KPe.006 (KOREA HYOKSIN TRADING CORPORATION) released by ana.kim on 2026-12-04, reason false-positive (case 7): Dalian seafood trader",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("released-false-positive evidence (-want +got):\n%s", diff)
	}
	if strings.Contains(strings.Join(ruleIDs(d), " "), "designated") {
		t.Errorf("a released hit still made a screening finding: %v", ruleIDs(d))
	}
}
