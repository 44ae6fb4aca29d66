package screen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestByKind checks that byKind orders entities by kind as a stable sort
// by kindOrder would.
func TestByKind(t *testing.T) {
	kinds := []Kind{KindPerson, KindOrganisation, KindVessel, "aircraft", KindUnknown, "address"}
	rng := rand.New(rand.NewPCG(5, 6))
	var ents []*listed
	for i := range 500 {
		ents = append(ents, &listed{Entity: &Entity{ID: strconv.Itoa(i), Kind: kinds[rng.IntN(len(kinds))]}})
	}
	kind := func(e *listed) Kind { return e.Kind }
	want := slices.Clone(ents)
	slices.SortStableFunc(want, func(a, b *listed) int { return kindOrder(a.Kind, b.Kind) })
	describe := func(es []*listed) []string {
		var out []string
		for _, e := range es {
			out = append(out, string(e.Kind)+" "+e.ID)
		}
		return out
	}
	if diff := cmp.Diff(describe(want), describe(byKind(ents, kind))); diff != "" {
		t.Errorf("byKind differs from a stable sort by kind (-want +got):\n%s", diff)
	}
	if got := byKind(nil, kind); len(got) != 0 {
		t.Errorf("byKind(nil) = %d entities, want none", len(got))
	}
}

// TestRowArrays checks that rows appended in batches of any size across
// many arrays are found by id, counted and walked in order.
func TestRowArrays(t *testing.T) {
	names := make([]Name, 3*rowArrayLen+17)
	var ra rowArrays
	if ra.len() != 0 {
		t.Errorf("empty rowArrays: len %d, want 0", ra.len())
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < len(names); {
		batch := make([]nameRow, min(rng.IntN(40), len(names)-n))
		for i := range batch {
			names[n].Value = strconv.Itoa(n)
			batch[i].name = &names[n]
			n++
		}
		ra = ra.append(batch)
	}
	if ra.len() != len(names) {
		t.Fatalf("len %d, want %d", ra.len(), len(names))
	}
	next := 0
	for id, r := range ra.each() {
		if id != next || r.name != &names[id] || ra.at(uint32(id)) != r {
			t.Fatalf("row %d: id %d, name %q, at %p, want id %d, name %q, at %p", next, id, r.name.Value, ra.at(uint32(id)), next, names[next].Value, r)
		}
		next++
	}
	if next != len(names) {
		t.Errorf("each yielded %d rows, want %d", next, len(names))
	}
	for _, a := range ra[:len(ra)-1] {
		if len(a) != rowArrayLen {
			t.Errorf("an array before the last holds %d rows, want %d", len(a), rowArrayLen)
		}
	}
}

// TestSpanWordWeight checks that a word that is also a joined span of
// other names ("CHANGGWANG" and "CHANG GWANG") weighs by the names that
// carry either, as any other word by its own: common, it is light.
func TestSpanWordWeight(t *testing.T) {
	var es []Entity
	add := func(kind Kind, name string) {
		id := strconv.Itoa(len(es))
		es = append(es, Entity{ID: "T:" + id, Source: "T", Ref: id, Kind: kind, Names: []Name{{Value: name, Kind: NamePrimary}}})
	}
	for i := range 60 {
		add(KindOrganisation, fmt.Sprintf("CHANGGWANG %s TRADING", alphaWord(i)))
	}
	add(KindOrganisation, "CHANG GWANG SHIPPING")
	for i := range 200 {
		add(KindPerson, alphaWord(i+1000)+" "+alphaWord(i+2000))
	}
	s, err := NewScreener(List{Version: ListVersion{Source: "T", SHA256: "t"}, Entities: es})
	if err != nil {
		t.Fatal(err)
	}
	gen := s.gen.Load()
	rare, common := -1.0, -1.0
	for _, r := range gen.all.each() {
		for j, tk := range r.a.toks {
			switch tk.text {
			case "changgwang":
				common = r.w[j]
				if got := gen.ix.df(tk.skel); got != 61 {
					t.Errorf("df(%s) = %d, want 61 (60 words and one span)", tk.skel, got)
				}
			case strings.ToLower(alphaWord(0)):
				rare = r.w[j]
			}
		}
	}
	if !(common < rare) {
		t.Errorf("weight of changgwang (61 names) %.3f, of a word of one name %.3f: want the common word lighter", common, rare)
	}
}

// alphaWord returns a distinct word of letters for i.
func alphaWord(i int) string {
	var b []byte
	for i++; i > 0; i /= 26 {
		b = append(b, byte('A'+i%26))
	}
	return "Q" + string(b) + "X"
}

// TestKindRuns checks that the rows are grouped by kind and that a
// query's runs hold exactly the rows of the kinds it is compatible with.
func TestKindRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := []Kind{KindPerson, KindOrganisation, KindVessel, KindUnknown, KindAircraft}
	var es []Entity
	for i := range 300 {
		k := kinds[rng.IntN(len(kinds))]
		id := strconv.Itoa(i)
		es = append(es, Entity{ID: "T:" + id, Source: "T", Ref: id, Kind: k, Names: []Name{
			{Value: "NAME " + alphaWord(i), Kind: NamePrimary}, {Value: alphaWord(i) + " OTHER", Kind: NameAKA}}})
	}
	s, err := NewScreener(List{Version: ListVersion{Source: "T", SHA256: "t"}, Entities: es})
	if err != nil {
		t.Fatal(err)
	}
	gen := s.gen.Load()
	for r, row := range gen.all.each() {
		if got := gen.kindNames[gen.kindOf(uint32(r))]; got != row.entity.Kind {
			t.Fatalf("row %d: kindOf says %q, entity is %q", r, got, row.entity.Kind)
		}
		if r > 0 && gen.all.at(uint32(r-1)).entity == row.entity && row.name.Kind == NamePrimary {
			t.Errorf("row %d: the primary name of %s comes after another of its names", r, row.entity.ID)
		}
	}
	for _, q := range kinds {
		var got, want []uint32
		for _, run := range gen.runs(nil, q) {
			for r := run.lo; r < run.hi; r++ {
				if gen.kindNames[run.kind] != gen.all.at(r).entity.Kind {
					t.Errorf("query %q: run of kind %q holds row %d of kind %q", q, gen.kindNames[run.kind], r, gen.all.at(r).entity.Kind)
				}
				got = append(got, r)
			}
		}
		for r, row := range gen.all.each() {
			if q.Compatible(row.entity.Kind) {
				want = append(want, uint32(r))
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("query %q: runs (-compatible rows +runs):\n%s", q, diff)
		}
	}
}

// TestInRun checks that the postings inRun returns hold every posting of
// the run, that a long list is cut to the run, and that runOf cuts every
// list exactly, for each kind of rows and lists that start, end and lie
// within a kind's run, of terms and of a neighbourhood, with rows of
// several kinds and of one.
func TestInRun(t *testing.T) {
	for _, kindEnd := range [][]uint32{{4, 11, 20, 30, 400}, {400}} {
		testInRun(t, kindEnd)
	}
}

func testInRun(t *testing.T, kindEnd []uint32) {
	var runs []rowRun
	lo := uint32(0)
	for k, end := range kindEnd {
		runs = append(runs, rowRun{lo: lo, hi: end, kind: uint8(k)})
		lo = end
	}
	long := make([]uint32, 40)
	for i := range long {
		long[i] = uint32(3 * i)
	}
	late := make([]uint32, 20)
	for i := range late {
		late[i] = uint32(300 + i)
	}
	lists := [][]uint32{{0, 3, 4, 9, 10, 11, 20}, long, late, {12, 13}}
	ix := &termIndex{terms: make([]termInfo, len(lists)+1)}
	for i, p := range lists {
		ix.post = append(ix.post, p...)
		ix.terms[i+1].start = uint32(len(ix.post))
	}
	// One neighbourhood, item len(lists), holds the long list again.
	ix.hoods.post = long
	ix.hoods.info = []termInfo{{start: 0}, {start: uint32(len(long))}}
	lists = append(lists, long)
	ix.cutByKind(kindEnd)
	for i, post := range lists {
		for _, run := range runs {
			var want []uint32
			for _, r := range post {
				if r >= run.lo && r < run.hi {
					want = append(want, r)
				}
			}
			lo, hi := ix.inRun(uint32(i), run)
			sub := post[lo:hi]
			var got []uint32
			for _, r := range sub {
				if r >= run.lo && r < run.hi {
					got = append(got, r)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%d kinds: inRun(%v, [%d, %d)) (-want +got):\n%s", len(kindEnd), post, run.lo, run.hi, diff)
			}
			if len(post) > shortPostings && len(sub) != len(want) {
				t.Errorf("%d kinds: inRun(%d postings, [%d, %d)) = %d postings, want cut to %d", len(kindEnd), len(post), run.lo, run.hi, len(sub), len(want))
			}
			lo, hi = ix.runOf(uint32(i), run)
			if diff := cmp.Diff(want, post[lo:hi], cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%d kinds: runOf(%v, [%d, %d)) (-want +got):\n%s", len(kindEnd), post, run.lo, run.hi, diff)
			}
		}
	}
}

// TestSeenTable checks that the table finds every row inserted at its
// place, through growth, and nothing else.
func TestSeenTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var st seenTable
	for _, n := range []int{0, 5, 1000, 20000} {
		st.reset(n / 4) // too small: it must grow
		var touched []uint32
		where := map[uint32]int{}
		for range n {
			r := rng.Uint32N(1 << 20)
			slot := st.slot(r)
			if _, dup := where[r]; dup {
				if *slot == 0 || int(uint32(*slot)) != where[r] {
					t.Fatalf("n=%d: row %d inserted at %d, found slot %x", n, r, where[r], *slot)
				}
				continue
			}
			if *slot != 0 {
				t.Fatalf("n=%d: row %d never inserted, found slot %x", n, r, *slot)
			}
			where[r] = len(touched)
			*slot = uint64(r+1)<<32 | uint64(len(touched))
			touched = append(touched, r)
			if st.full(len(touched)) {
				st.grow(touched)
			}
		}
		for r, pos := range where {
			if slot := st.slot(r); *slot == 0 || int(uint32(*slot)) != pos {
				t.Errorf("n=%d: row %d at %d, slot %x", n, r, pos, *slot)
			}
		}
	}
}

// TestAnalyseAllOrder checks that analyseAll, which reads the names of
// runs of entities on another goroutine, returns the rows of reading and
// interning each entity's names in turn, in the same order, across
// several runs.
func TestAnalyseAllOrder(t *testing.T) {
	s := demoScreener(t)
	rng := rand.New(rand.NewPCG(3, 4))
	var es []Entity
	for i := range 2600 {
		id := strconv.Itoa(i)
		e := Entity{ID: "T:" + id, Source: "T", Ref: id, Kind: KindOrganisation}
		e.Names = append(e.Names, Name{Value: alphaWord(rng.IntN(300)) + " TRADING " + alphaWord(i), Kind: NamePrimary})
		switch i % 5 {
		case 1:
			e.Names = append(e.Names, Name{Value: "KOREA " + alphaWord(i) + " (" + alphaWord(i+1) + ")", Kind: NameAKA})
		case 2:
			e.Names = append(e.Names, Name{Value: "조선광업개발무역회사", Kind: NameAKA})
		case 3:
			e.Kind = KindPerson
			e.Names[0].Value = "KIM " + alphaWord(i)
		}
		es = append(es, e)
	}
	_, ents, err := newGeneration(s.cc, []List{{Version: ListVersion{Source: "T", SHA256: "t"}, Entities: es}})
	if err != nil {
		t.Fatal(err)
	}
	describe := func(rows []nameRow) []string {
		var out []string
		for _, r := range rows {
			d := r.entity.ID + " " + r.name.Value
			if r.variant != nil {
				d += " [" + *r.variant + "]"
			}
			for _, tk := range r.a.toks {
				d += " " + tk.text + "/" + tk.skel
			}
			out = append(out, d)
		}
		return out
	}
	var want []nameRow
	in, variants := newInterner(), map[string]*string{}
	for _, e := range ents {
		for i := range e.Names {
			n := &e.Names[i]
			want = appendRows(want, s.w, nameOf{e, n, ""}, s.az.Readings(n.Value), in, variants)
			if st := stripParenthetical(n.Value); st != n.Value && strings.TrimSpace(st) != "" {
				want = appendRows(want, s.w, nameOf{e, n, "without-parenthetical"}, s.az.Readings(st), in, variants)
			}
		}
	}
	got := slices.Concat(analyseAll(s.az, s.w, ents)...)
	if len(got) < 3000 {
		t.Fatalf("analyseAll: %d rows, want more than 3,000", len(got))
	}
	if diff := cmp.Diff(describe(want), describe(got)); diff != "" {
		t.Errorf("analyseAll rows differ from reading each entity in turn (-want +got):\n%s", diff)
	}
}

// TestBuildPanics checks that a panic on a goroutine of the build is
// raised again in the goroutine that waits for it, where a caller's
// recovery sees it, and does not end the process.
func TestBuildPanics(t *testing.T) {
	recovered := func(f func()) (err error) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			var ok bool
			if err, ok = p.(error); !ok {
				t.Fatalf("recovered %T %v, want an error", p, p)
			}
		}()
		f()
		return nil
	}
	sentinel := errors.New("sentinel")
	err := recovered(func() { async(func() int { panic(sentinel) })() })
	if !errors.Is(err, sentinel) || !strings.Contains(err.Error(), "goroutine of the build") {
		t.Errorf("async: recovered %v, want the sentinel with the goroutine's stack", err)
	}
	if got := async(func() int { return 7 })(); got != 7 {
		t.Errorf("async: %d, want 7", got)
	}
	// A nil analyser makes the reader panic.
	s := demoScreener(t)
	_, ents, err := newGeneration(s.cc, s.Lists())
	if err != nil {
		t.Fatal(err)
	}
	if err := recovered(func() { analyseAll(nil, s.w, ents) }); err == nil || !strings.Contains(err.Error(), "nil pointer") {
		t.Errorf("analyseAll with a reader that panics: recovered %v, want the reader's nil pointer panic", err)
	}
}
