package screeneval

import (
	"context"
	"strings"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
)

// TestAcceptance runs the full evaluation on the shared development sets.
// It holds the older sets (DPRK pairs, bench, self-screen) to the figures
// they already reach, so that a regression fails, and the newer sets to
// the targets they meet: the typo recall, the namesakes' automatic-match
// rate, innocent companies stated with their country, the README's rice
// shipper and ordinary names with nationality and birth date. The targets
// not yet met (speed, numerals, name-only companies and names, the last
// cross-script names) are printed, not enforced.
func TestAcceptance(t *testing.T) {
	shared := testenv.Shared(t)
	rep, err := RunOptions(context.Background(), shared, Options{Sample: 50})
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
	if rep.Self.Names == 0 || rep.Self.Top != rep.Self.Names {
		t.Errorf("self-screen: own record first for %d/%d names, want all", rep.Self.Top, rep.Self.Names)
	}
	enforced := map[string]bool{
		"typos, entities: found":                                          true,
		"typos, persons: found":                                           true,
		"same name, different person: automatic match":                    true,
		"innocent companies, with country: automatic match":               true,
		"README rice shipper (Siam Rice Exporters): not clear":            true,
		"ordinary names with nationality and birth date: automatic match": true,
		"ordinary names with nationality and birth date: review":          true,
	}
	for _, tg := range rep.judge() {
		if enforced[tg.What] && !tg.Met {
			t.Errorf("%s: %s, want %s", tg.What, tg.Value, tg.Goal)
		}
	}
	checkSums(t, rep)
}
