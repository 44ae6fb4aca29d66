package trade

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestUnitValueCompare(t *testing.T) {
	tests := []struct {
		name  string
		value float64
		known bool
		peers []float64
		want  UnitValue
	}{
		{name: "no peers", value: 5, known: true, want: UnitValue{Known: true, Value: 5, Note: "no peer partners"}},
		{name: "one peer", value: 5, known: true, peers: []float64{1}, want: UnitValue{Known: true, Value: 5, Peers: 1, Note: "1 peer partner, too few to compare"}},
		{name: "unknown value", peers: []float64{1, 2}, want: UnitValue{Peers: 2}},
		{
			// Peers that agree exactly have no spread: the ratio decides.
			name: "identical peers, three times", value: 300, known: true, peers: []float64{100, 100},
			want: UnitValue{Known: true, Value: 300, Peers: 2, PeerMedian: 100, Ratio: 3, Flag: High},
		},
		{
			name: "identical peers, half as much again", value: 150, known: true, peers: []float64{100, 100},
			want: UnitValue{Known: true, Value: 150, Peers: 2, PeerMedian: 100, Ratio: 1.5},
		},
		{
			name: "tight peers, four times", value: 400, known: true, peers: []float64{100, 120, 80, 110, 90},
			want: UnitValue{Known: true, Value: 400, Peers: 5, PeerMedian: 100, PeerMAD: 10, Ratio: 4, Z: 300 / (madScale * 10), Flag: High},
		},
		{
			// Two and a half times the median, but the peers themselves
			// range from 20 to 300: not an outlier.
			name: "spread-out peers", value: 250, known: true, peers: []float64{100, 300, 50, 200, 20},
			want: UnitValue{Known: true, Value: 250, Peers: 5, PeerMedian: 100, PeerMAD: 80, Ratio: 2.5, Z: 150 / (madScale * 80)},
		},
		{
			name: "a tenth of the median", value: 10, known: true, peers: []float64{100, 110, 90},
			want: UnitValue{Known: true, Value: 10, Peers: 3, PeerMedian: 100, PeerMAD: 10, Ratio: 0.1, Z: -90 / (madScale * 10), Flag: Low},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := UnitValue{Known: tt.known, Value: tt.value}
			u.compare(tt.peers, DefaultThresholds())
			if diff := cmp.Diff(tt.want, u, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
				t.Errorf("compare (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMedian(t *testing.T) {
	for _, tt := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{3, 1}, 2},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(append([]float64(nil), tt.in...)); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("median(%v) = %g, want %g", tt.in, got, tt.want)
		}
	}
}
