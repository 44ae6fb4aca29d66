package screeneval

import (
	"context"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"strings"
	"testing"
)

// TestAcceptance runs the full evaluation on the shared development sets
// and fails when a metric falls below the acceptance thresholds of the
// screening issue, so that regressions fail CI.
func TestAcceptance(t *testing.T) {
	shared := testenv.Shared(t)
	rep, err := Run(context.Background(), shared)
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	rep.Print(&buf)
	t.Log("\n" + buf.String())

	tp, tpN, hn, hnMatch := rep.dprkTotals()
	if tpN != 387 || hn != 81 {
		t.Errorf("DPRK pairs: %d true and %d false, want 387 and 81", tpN, hn)
	}
	if float64(tp) < 0.99*float64(tpN) {
		t.Errorf("DPRK true pairs at review or match: %d/%d, want ≥ 99%%", tp, tpN)
	}
	if float64(hnMatch) > 0.02*float64(hn) {
		t.Errorf("DPRK hard negatives at match: %d/%d, want ≤ 2%%", hnMatch, hn)
	}
	if rep.Bench.N != 826 || rep.Bench.AtMatch.F1 <= 0.80 {
		t.Errorf("nomenklatura bench: n %d, F1 at the match threshold %.3f, want 826 and > 0.80", rep.Bench.N, rep.Bench.AtMatch.F1)
	}
	if rep.Negatives.N != 1000 || float64(rep.Negatives.Match) > 0.005*float64(rep.Negatives.N) {
		t.Errorf("synthetic negatives at match: %d/%d, want ≤ 0.5%%", rep.Negatives.Match, rep.Negatives.N)
	}
	if rep.Self.Names == 0 || rep.Self.Top != rep.Self.Names {
		t.Errorf("self-screen: own record first for %d/%d names, want all", rep.Self.Top, rep.Self.Names)
	}
}

func TestSisterVessels(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Zu Zag Bong 6", "Zu Zag Bong 5", true},
		{"Snow Storm 1", "Snow Storm 2", true},
		{"Victory", "Victory 3", false},
		{"Ryong Gang 2", "RYONG GANG 2", false},
	}
	for _, tt := range tests {
		if got := sisterVessels(tt.a, tt.b); got != tt.want {
			t.Errorf("sisterVessels(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestEntityIDs(t *testing.T) {
	got := entityIDs("KPe.008|11599")
	if len(got) != 2 || got[0] != "UN:KPe.008" || got[1] != "OFAC:11599" {
		t.Errorf("entityIDs = %v", got)
	}
}
