package screen

import (
	"context"
	"fmt"
	"math"
	"math/bits"
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
	swept, sweptDefault, passive, hits := 0, 0, 0, 0
	for i := range nq {
		name, kind := sampleQuery(rng, gen, i)
		if n, _, p := sweepPlan(screeners[2], name, kind); n > 0 {
			swept++
			if p > 0 && p < n {
				passive++
			}
		}
		if _, fetched, _ := sweepPlan(screeners[1], name, kind); fetched > 0 {
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
	t.Logf("%d queries, %d swept at sweep_min_rows 1 (%d with passive items and others), %d sweeping fetched items at the default; %d hits",
		nq, swept, passive, sweptDefault, hits)
	if swept < nq/2 || sweptDefault == 0 || passive < swept/4 {
		t.Errorf("only %d of %d queries swept (%d with passive items, %d at the default): the check is too weak", swept, nq, passive, sweptDefault)
	}
}

// sweepPlan returns how many items screener s sweeps for a query name of
// kind, how many of them MaxScore fetches, and how many are passive in
// the first run of rows swept when nothing is added to the items' reach
// (the screener adds what the query's legal forms may align with).
func sweepPlan(s *Screener, name string, kind Kind) (n, fetched, passive int) {
	gen := s.gen.Load()
	qa := analyse(s.az, s.w, name, kind == KindVessel)
	if len(qa.toks) == 0 || len(qa.toks) > 64 {
		return 0, 0, 0
	}
	qw := gen.stats.weights(qa)
	b := s.newBounder(gen, qa, qw, kind)
	if b.total == 0 || b.initials != 0 || b.free != 0 {
		return 0, 0, 0
	}
	floor := s.floor(&query{e: &party.Entity{Kind: kind}})
	if b.person && floor <= b.om {
		return 0, 0, 0
	}
	sc := gen.getScratch()
	defer sc.release(gen)
	sc.runs = gen.runs(sc.runs[:0], kind)
	s.queryItems(sc, gen, qa)
	k, _ := sc.essential(&b, floor, true)
	if !sc.planSweep(gen, &b, k, s.w.Blocking.SweepMinRows) {
		return 0, 0, 0
	}
	for j, in := range sc.sw.in {
		if in && j < k {
			fetched++
		}
	}
	if runs := gen.runs(nil, kind); len(runs) > 0 {
		person := compareKind(kind, gen.kindNames[runs[0].kind]) == KindPerson
		_, p := sc.sw.startRun(gen.ix, &b, runs[0], tokReach{}, floor, person)
		passive = bits.OnesCount64(p)
	}
	return len(sc.sw.items), fetched, passive
}

// TestSweepRunRows checks that an item is swept for the rows it is on
// among those the query is compared with: a word on many persons' names
// and a few organisations' is swept for a person and fetched for an
// organisation.
func TestSweepRunRows(t *testing.T) {
	var es []Entity
	for i := range 200 {
		es = append(es, Entity{ID: fmt.Sprintf("P%d", i), Kind: KindPerson, Names: []Name{{Value: "ZORBAL " + syntheticWord(i), Kind: NamePrimary}}})
	}
	for i := range 5 {
		es = append(es, Entity{ID: fmt.Sprintf("O%d", i), Kind: KindOrganisation, Names: []Name{{Value: "ZORBAL " + syntheticWord(1000+i) + " TRADING", Kind: NamePrimary}}})
	}
	s, err := NewScreener(List{Version: ListVersion{Source: "TEST", SHA256: "test"}, Entities: es})
	if err != nil {
		t.Fatal(err)
	}
	if n, _, _ := sweepPlan(s, "Zorbal Quexin", KindPerson); n == 0 {
		t.Errorf("person query: ZORBAL, on 200 persons' names, is not swept")
	}
	if n, _, _ := sweepPlan(s, "Zorbal Quexin Trading", KindOrganisation); n != 0 {
		t.Errorf("organisation query: %d items swept, want none (ZORBAL is on 5 organisations' names)", n)
	}
}

// syntheticWord returns a distinct made-up word of four letters for
// each i below 26^3: Q and i in base 26.
func syntheticWord(i int) string {
	return string([]byte{'Q', byte('A' + i/676%26), byte('A' + i/26%26), byte('A' + i%26)})
}

// TestProbeBlock checks that a passive item adds to the rows marked
// before it in the block, recording for a look those not yet recorded,
// and leaves the others unmarked.
func TestProbeBlock(t *testing.T) {
	const base = 3 * sweepBlock
	stamp := uint64(5) << sweepStampBits
	entry := new([sweepBlock]uint64)
	// An entry of an earlier block reads as empty.
	entry[7] = uint64(4)<<sweepStampBits | 1<<2
	// Rows 1 and 2 are marked by item 0; row 2 is recorded (fetched, or
	// marked by two items already).
	entry[1] = stamp | 1
	entry[2] = stamp | 1 | sweepRecorded
	post := []uint32{base, base + 1, base + 2, base + 7, base + sweepBlock}
	look := make([]sweepLook, len(post))
	got := probeBlock(entry, post, base, base+sweepBlock, stamp|1<<3, look, 10, 3)
	if diff := cmp.Diff(marked{n: 4, looks: 1}, got, cmp.AllowUnexported(marked{})); diff != "" {
		t.Errorf("probeBlock (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]sweepLook{{off: 1, j: 11, l: 3}}, look[:got.looks], cmp.AllowUnexported(sweepLook{})); diff != "" {
		t.Errorf("looks (-want +got):\n%s", diff)
	}
	want := map[int]uint64{
		0: 0,
		1: stamp | 1 | 1<<3 | sweepRecorded,
		2: stamp | 1 | 1<<3 | sweepRecorded,
		7: uint64(4)<<sweepStampBits | 1<<2,
	}
	for off, w := range want {
		if entry[off] != w {
			t.Errorf("entry %d = %#x, want %#x", off, entry[off], w)
		}
	}
}

// TestMarkBlock checks that an item marks the rows of its postings in
// the block, stamping those no item marked before (an entry of an earlier
// block reads as empty), and records for a look a row it marks second, or
// first when its reach alone may pass (liveRec), never one recorded
// already; it stops at the first posting past the block.
func TestMarkBlock(t *testing.T) {
	const base = 5 * sweepBlock
	const l = sweepMaxItems - 1
	stamp := uint64(9) << sweepStampBits
	bit := uint64(1) << l
	for _, live := range []bool{false, true} {
		entry := new([sweepBlock]uint64)
		entry[3] = uint64(8)<<sweepStampBits | sweepItemBits | sweepRecorded // an earlier block's
		entry[4] = stamp | 1                                                 // marked by item 0
		entry[5] = stamp | sweepRecorded                                     // fetched
		liveRec := uint64(0)
		wantLooks := []sweepLook{{off: 4, j: 22, l: l}}
		if live {
			liveRec = sweepRecorded
			wantLooks = []sweepLook{{off: 2, j: 20, l: l}, {off: 3, j: 21, l: l}, {off: 4, j: 22, l: l}}
		}
		post := []uint32{base + 2, base + 3, base + 4, base + 5, base + sweepBlock, base + sweepBlock + 1}
		look := make([]sweepLook, len(post))
		got := markBlock(entry, post, base, base+sweepBlock, stamp|bit, liveRec, look, 20, l)
		if diff := cmp.Diff(marked{n: 4, looks: len(wantLooks)}, got, cmp.AllowUnexported(marked{})); diff != "" {
			t.Errorf("live %v: markBlock (-want +got):\n%s", live, diff)
		}
		if diff := cmp.Diff(wantLooks, look[:got.looks], cmp.AllowUnexported(sweepLook{})); diff != "" {
			t.Errorf("live %v: looks (-want +got):\n%s", live, diff)
		}
		want := map[int]uint64{
			0: 0, // the posting at the block's end is past it
			2: stamp | bit | liveRec,
			3: stamp | bit | liveRec,
			4: stamp | 1 | bit | sweepRecorded,
			5: stamp | bit | sweepRecorded,
			6: 0,
		}
		for off, w := range want {
			if entry[off] != w {
				t.Errorf("live %v: entry %d = %#x, want %#x", live, off, entry[off], w)
			}
		}
	}
}
