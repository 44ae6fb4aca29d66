package screen

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/party"
)

// TestSweepSameResults checks that sweeping the items on many rows
// changes no screening result: a swept row is bounded with exactly what
// it would have been fetched with, and a fetched row gains what the
// swept items it carries reach. Three screeners are compared: one that
// never sweeps (every item fetched row by row, the unfetched ones looked
// up as before), the default, and one that sweeps every item it can
// (sweep_min_rows 1), so that rows marked by one item and by several, and
// fetched rows carrying swept items, all occur. With the shared lists it
// checks UN + OFAC too.
func TestSweepSameResults(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 3))
	ls, _ := completeLists(t, rng)
	def, err := DefaultWeights()
	if err != nil {
		t.Fatal(err)
	}
	screeners := blockingVariants(t, ls,
		func(w *Weights) { w.Blocking.SweepMinRows = math.MaxInt },
		func(*Weights) {},
		func(w *Weights) { w.Blocking.SweepMinRows = 1 })
	nq := 600
	if testing.Short() || raceEnabled {
		nq = 120
	}
	gen := screeners[0].gen.Load()
	swept, sweptDefault, hits := 0, 0, 0
	for i := range nq {
		name, kind := sampleQuery(rng, gen, i)
		if n, _ := sweepPlan(screeners[2], name, kind); n > 0 {
			swept++
		}
		if _, fetched := sweepPlan(screeners[1], name, kind); fetched > 0 {
			sweptDefault++
		}
		e := party.Entity{Names: []string{name}, Kind: kind}
		want, err := screeners[0].Screen(context.Background(), e)
		if err != nil {
			t.Fatal(err)
		}
		hits += len(want.Hits)
		for j, s := range screeners[1:] {
			got, err := s.Screen(context.Background(), e)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s query %q: result with sweep_min_rows %d differs (-never swept +swept):\n%s",
					kind, name, []int{def.Blocking.SweepMinRows, 1}[j], diff)
			}
		}
	}
	t.Logf("%d queries, %d swept at sweep_min_rows 1, %d sweeping fetched items at the default; %d hits", nq, swept, sweptDefault, hits)
	if swept < nq/2 || sweptDefault == 0 {
		t.Errorf("only %d of %d queries swept (%d at the default): the check is too weak", swept, nq, sweptDefault)
	}
}

// sweepPlan returns how many items screener s sweeps for a query name of
// kind, and how many of them MaxScore fetches.
func sweepPlan(s *Screener, name string, kind Kind) (n, fetched int) {
	gen := s.gen.Load()
	qa := analyse(s.az, s.w, name, kind == KindVessel)
	if len(qa.toks) == 0 || len(qa.toks) > 64 {
		return 0, 0
	}
	qw := gen.stats.weights(qa)
	b := s.newBounder(gen, qa, qw, kind)
	if b.total == 0 || b.initials != 0 || b.free != 0 {
		return 0, 0
	}
	floor := s.floor(&query{e: &party.Entity{Kind: kind}})
	if b.person && floor <= b.om {
		return 0, 0
	}
	sc := gen.getScratch()
	defer sc.release(gen)
	s.queryItems(sc, gen, qa)
	k, _ := sc.essential(&b, floor, true)
	if !sc.planSweep(gen, &b, k, s.w.Blocking.SweepMinRows) {
		return 0, 0
	}
	for j, in := range sc.sw.in {
		if in && j < k {
			fetched++
		}
	}
	return len(sc.sw.items), fetched
}
