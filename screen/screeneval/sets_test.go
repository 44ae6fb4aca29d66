package screeneval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEmbeddedSets checks the authored sets without the lists: the
// inventories decode, give 50,000 distinct names in every script the issue
// names, the same names every time, and the company set has at least 300
// companies.
func TestEmbeddedSets(t *testing.T) {
	invs, err := readInventories(SetsFS())
	if err != nil {
		t.Fatal(err)
	}
	empty := newCorpus(nil)
	names, listed := generateOrdinary(invs, OrdinaryNames, empty)
	if len(names) != OrdinaryNames || listed != 0 {
		t.Fatalf("%d names (%d listed), want %d", len(names), listed, OrdinaryNames)
	}
	again, _ := generateOrdinary(invs, OrdinaryNames, empty)
	if diff := cmp.Diff(names[:20], again[:20], cmp.AllowUnexported(ordinaryName{})); diff != "" {
		t.Errorf("generation is not deterministic (-first +second):\n%s", diff)
	}
	seen := map[string]bool{}
	scripts := map[string]int{}
	for _, n := range names {
		if seen[n.name] {
			t.Fatalf("%q twice", n.name)
		}
		seen[n.name] = true
		scripts[scriptOf(n.name)]++
	}
	for _, s := range []string{"Arabic", "Devanagari", "Thai", "Han", "Japanese kana", "Hangul", "Cyrillic", "Greek",
		"Hebrew", "Georgian", "Armenian", "Latin", "Latin (diacritics)"} {
		if scripts[s] < 500 {
			t.Errorf("script %s: %d names, want 500 or more", s, scripts[s])
		}
	}
	ps, err := companyProbes(SetsFS(), empty)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) < 2*300 {
		t.Errorf("%d company probes, want two for each of 300 or more companies", len(ps))
	}
}
