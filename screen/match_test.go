package screen

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestExplainAligned checks that a hit is explained as the scorer scored
// it: aligning again only the pairs compareInto aligned gives the score
// and the features of a full comparison with explain, for every listed
// name sharing a term with 120 queries (names as listed and with a typo,
// of every kind), whatever the score.
func TestExplainAligned(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 3))
	ls, _ := completeLists(t, rng)
	s := mustScreener(t, ls...)
	gen := s.gen.Load()
	nq := 120
	if testing.Short() || raceEnabled {
		nq = 40
	}
	checked := 0
	for i := range nq {
		name, kind := sampleQuery(rng, gen, i)
		qa := analyse(s.az, s.w, name, kind == KindVessel)
		if len(qa.toks) == 0 {
			continue
		}
		qw := gen.stats.weights(qa)
		sc := gen.getScratch()
		s.queryItems(sc, gen, qa)
		for _, r := range sharingRows(gen, sc) {
			c := gen.all.at(r)
			ck := compareKind(kind, c.entity.Kind)
			want := s.cmp.compare(qa, qw, &c.a, c.w, ck, true)
			res, aligned := s.cmp.compareInto(nil, qa, qw, &c.a, c.w, ck, false)
			if res.score != want.score {
				t.Fatalf("query %q, listed %q: compareInto scores %v, compare with explain %v", name, c.name.Value, res.score, want.score)
			}
			got := s.cmp.explainAligned(nil, aligned, qa, qw, &c.a, c.w, ck)
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(scored{})); diff != "" {
				t.Fatalf("query %q, listed %q: explained from the aligned pairs (-full +aligned):\n%s", name, c.name.Value, diff)
			}
			checked++
		}
		sc.release(gen)
	}
	if checked < nq*10 {
		t.Fatalf("checked %d pairs, want at least %d", checked, nq*10)
	}
	t.Logf("%d pairs", checked)
}
