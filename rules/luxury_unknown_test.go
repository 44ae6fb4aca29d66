package rules

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/lists"
)

// unsettledAssessor places every line in one code with no controls, and
// says the classifier still asks for review: the line's luxury is unknown.
type unsettledAssessor struct{ unsettled []string }

func (u unsettledAssessor) AssessGoods(_ context.Context, g lists.Goods, _ *lists.Rates) (lists.Assessment, error) {
	return lists.Assessment{Code: "430400", HS6: "430400", Source: "classified", Unsettled: u.unsettled}, nil
}

func (unsettledAssessor) Version() string { return "unsettled" }

// TestLuxuryUnknownWithNexus checks that a line whose luxury is unknown
// never lets a shipment with a DPRK nexus clear, and that without a nexus
// the doubt of a placed line raises no review of its own.
func TestLuxuryUnknownWithNexus(t *testing.T) {
	const rule = "review dprk-nexus-goods-unknown"
	doubt := []string{"ambiguous: artificial fur (4.5) vs apparel of furskin (3.5)"}
	nexus := func(s *Shipment) *Shipment {
		s.Route = append(s.Route, Stop{LOCODE: "CNDAL"})
		return s
	}
	// want says whether the rule is raised; to the DPRK it is not, since
	// dprk-destination reviews the shipment already, but no shipment with
	// a nexus and an unknown line is clear.
	tests := []struct {
		name      string
		unsettled []string
		ship      func(*Shipment) *Shipment
		want      bool
		nexus     bool
	}{
		{"unknown, via Dalian", doubt, nexus, true, true},
		{"unknown, to the DPRK", doubt, func(s *Shipment) *Shipment { s.Destination = "KP"; return s }, false, true},
		{"unknown, no nexus", doubt, func(s *Shipment) *Shipment { return s }, false, false},
		{"settled, via Dalian", nil, nexus, false, true},
	}
	got, want := map[string]bool{}, map[string]bool{}
	for _, tt := range tests {
		e := newTestEngine(t, unsettledAssessor{tt.unsettled}, newFakeScreener(nil))
		s := tt.ship(exampleShipment(t, "rice-humanitarian.json"))
		d := mustCheck(t, e, s)
		got[tt.name], want[tt.name] = slices.Contains(ruleIDs(d), rule), tt.want
		if tt.nexus && tt.unsettled != nil && d.Verdict == VerdictClear {
			t.Errorf("%s: clear with a line whose luxury is unknown", tt.name)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s raised (-want +got):\n%s", rule, diff)
	}
}
