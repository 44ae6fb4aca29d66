package screen

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/party"
)

// TestVesselCoverage checks that a vessel screened only against lists
// without vessels is review with the reason, not clear.
func TestVesselCoverage(t *testing.T) {
	ctx := context.Background()
	un, err := Load(ctx, "testdata/un_small.xml")
	if err != nil {
		t.Fatal(err)
	}
	ofac, err := Load(ctx, "testdata/ofac_small")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		lists   []List
		kind    Kind
		want    Verdict
		reasons []string
	}{
		{"vessel, UN only", []List{un}, KindVessel, Review, []string{"no_vessel_list"}},
		{"organisation, UN only", []List{un}, KindOrganisation, Clear, nil},
		{"vessel, UN and OFAC", []List{un, ofac}, KindVessel, Clear, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewScreener(tt.lists...)
			if err != nil {
				t.Fatal(err)
			}
			res, err := s.Screen(ctx, party.New("Morning Harvest Glory", tt.kind, "", "", ""))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range res.Reasons {
				got = append(got, r.Feature)
			}
			if res.Verdict != tt.want || !cmp.Equal(got, tt.reasons) {
				t.Errorf("verdict %v, reasons %v; want %v, %v", res.Verdict, res.Reasons, tt.want, tt.reasons)
			}
		})
	}
}
