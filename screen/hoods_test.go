package screen

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen/names"
)

// TestHoodsSameResults checks that merging the rare terms of the
// frequent words' neighbourhoods changes no screening result: the merged
// item stands for its members in every bound, and the members stay in
// the term table, so every row the members fetched one by one would make
// a hit is still a candidate. (The candidate sets themselves may differ
// by rows that cannot score: the order of the items changes where
// MaxScore stops, and a row the token-by-token bound overrates may be
// fetched by one and left by the other.) The neighbourhoods are made as
// wide as they go (every word on two rows, every term of up to 64 rows
// merged) so that most query words have one; with the shared lists it
// checks UN + OFAC too.
func TestHoodsSameResults(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 5))
	ls, _ := completeLists(t, rng)
	vs := blockingVariants(t, ls,
		func(w *Weights) { w.Blocking.HoodMinRows, w.Blocking.HoodRare, w.Blocking.HoodMinMerged = 2, 64, 1 },
		func(w *Weights) { w.Blocking.HoodMinRows = math.MaxInt })
	with, without := vs[0], vs[1]
	gw, gwo := with.gen.Load(), without.gen.Load()
	if n := len(gwo.ix.hoods.of); n != 0 {
		t.Fatalf("%d neighbourhoods with hood_min_rows at its largest", n)
	}
	nq := 600
	if testing.Short() || raceEnabled {
		nq = 120
	}
	queried, hooded, hits := 0, 0, 0
	for i := range nq {
		name, kind := sampleQuery(rng, gw, i)
		queried++
		qa := analyse(with.az, with.w, name, kind == KindVessel)
		for _, tk := range qa.toks {
			if _, _, _, ok := gw.ix.hood(tk.text); ok && tk.class == names.Word {
				hooded++
				break
			}
		}
		e := party.Entity{Names: []string{name}, Kind: kind}
		want, err := without.Screen(context.Background(), e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := with.Screen(context.Background(), e)
		if err != nil {
			t.Fatal(err)
		}
		hits += len(got.Hits)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s query %q: result with neighbourhoods differs (-without +with):\n%s", kind, name, diff)
		}
	}
	t.Logf("%d neighbourhoods; %d queries, %d with a word that has one; %d hits", len(gw.ix.hoods.of), queried, hooded, hits)
	if hooded < queried/2 {
		t.Errorf("only %d of %d queries have a word with a neighbourhood: the check is too weak", hooded, queried)
	}
}

// TestPackedReach checks that what a row's neighbourhood members stand
// for unpacks no smaller than it was, within 1/1024, and unbounded past
// the range.
func TestPackedReach(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 10000 {
		w, relief := rng.Float32()*8, rng.Float32()*2
		if rng.IntN(10) == 0 {
			relief = 0
		}
		gw, gr := packReach(w, relief).unpack()
		if gw < w || gr < relief || gw-w > 1.0/reachScale || gr-relief > 1.0/reachScale {
			t.Errorf("packReach(%v, %v).unpack() = %v, %v", w, relief, gw, gr)
		}
	}
	if gw, gr := packReach(100, 70).unpack(); gw != math.MaxFloat32 || gr != math.MaxFloat32 {
		t.Errorf("past the range: %v, %v, want unbounded", gw, gr)
	}
}
