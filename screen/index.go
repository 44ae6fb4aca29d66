package screen

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/luxscreen/luxscreen/screen/names"
)

// The index is plain slices and maps built once per Reload and never
// changed afterwards: a generation. Screenings read the current generation
// through an atomic pointer, so a Reload swaps the lists whole while
// screenings continue, and a screening sees either the old or the new
// lists.
//
// Listed names are indexed by terms: the skeleton of each word, stopword,
// number and initial, and of each joined span of syllable-length words.
// Each term has the sorted ids of the rows carrying it (its postings, with
// no cap on their length: candidates decides what to fetch with a bound,
// see candidates.go). Typo tolerance lives at the level of the vocabulary,
// not of the rows: a deletion index maps each term's spelling and skeleton,
// and each of their one-letter deletions, to the term, so that a query
// word finds every term within one edit without the rows paying for it.

// nameRow is one name variant of one entity: a listed name or alias, or a
// variant derived from it (the name without its parenthetical, as in
// "DAEDONG CREDIT BANK (DCB)").
//
// A million listed names keep a row each, so it holds pointers where it
// can: the name is the entity's own, and the variant's text is shared by
// every row of that variant. The rows of a generation are held in large
// arrays (rowArrays), and their tokens, spans, spellings and weights are
// cut from a few large ones (see slab), so that scoring a row follows no
// pointer to its analysis and the collector marks a few hundred objects
// for them, not millions.
type nameRow struct {
	entity *listed
	name   *Name
	// variant names a derived variant ("without-parenthetical"), or is
	// nil.
	variant *string
	// a is the name analysed; a row of an identifier match (see
	// screening.identifiers) has no tokens.
	a analysed
	w []float64
}

// listed is a listed entity with the list it was loaded from.
type listed struct {
	*Entity
	list string // the list's SHA-256
	// countries and nationalities are the entity's Countries and
	// Nationalities as canonical codes (countries.canon), worked out once
	// at build rather than for every candidate of every screening.
	countries, nationalities []string
	// sigs are the signatures of its names (nameSigs) when it has twins
	// (see findTwins): only they are merged into a hit with another.
	sigs []wordSig
}

// nameSigs returns the signatures of e's names.
func (e *listed) nameSigs() []wordSig {
	if e.sigs != nil {
		return e.sigs
	}
	return nameSigs(nil, e.Names)
}

// generation is everything one Reload installs: the list versions, the
// name rows, the term index and the entities by IMO number. It is
// immutable once built.
type generation struct {
	// scratch holds idle per-query candidate buffers, so candidate
	// collection allocates little. It is a plain free list, not a
	// sync.Pool: a pool is emptied by every collection, and each refill
	// would grow the buffers again.
	scratchMu sync.Mutex
	scratch   []*candScratch
	versions  []ListVersion
	stats     *tokenStats
	ix        *termIndex
	// all holds the rows by id (see rowArrays), grouped by their
	// entities' kind (see kindOrder); kindNames are the kinds in that
	// order, and kindEnd the end of each kind's run of row ids. A
	// query's kind is compatible with a few kinds, so candidates walk
	// only their runs of each posting list: at OpenSanctions scale most
	// postings of a Korean syllable or an initial are persons', which an
	// organisation query would otherwise read one by one to reject.
	all       rowArrays
	kindNames []Kind
	kindEnd   []uint32
	// long are the rows of more than 64 tokens, which the scorer compares
	// by exact token overlap only (compareLong) and the candidate bound's
	// token masks cannot hold: they are always scored.
	long  []uint32
	byIMO map[string][]*listed
	// lists are the lists as loaded, and byID their entities by ID, for
	// callers that show or compare listed records.
	lists []List
	byID  map[string]*listed
	// twins holds, for each entity that has any, the entries of the
	// other lists that are the same party (see findTwins).
	twins map[*listed][]twin
	rows  int
	// vessels counts the listed vessels: with none, a vessel cannot be
	// cleared (see vesselCoverage).
	vessels int
}

// newGeneration returns the generation of lists with their entities
// checked and found by ID, and nothing indexed yet (see index), and the
// entities in list order. It touches no shared state, so screening
// continues while it runs.
func newGeneration(cc countries, lists []List) (*generation, []*listed, error) {
	entities := 0
	for _, l := range lists {
		entities += len(l.Entities)
	}
	gen := &generation{byIMO: make(map[string][]*listed), lists: lists, byID: make(map[string]*listed, entities)}
	ents := make([]*listed, 0, entities)
	for li := range lists {
		l := &lists[li]
		gen.versions = append(gen.versions, l.Version)
		for ei := range l.Entities {
			e := &listed{Entity: &l.Entities[ei], list: l.Version.SHA256}
			e.countries, e.nationalities = cc.canonAll(e.Countries), cc.canonAll(e.Nationalities)
			if e.ID == "" {
				return nil, nil, fmt.Errorf("list %s (%s): entity %d: empty ID", l.Version.Source, l.Version.File, ei)
			}
			if prev, dup := gen.byID[e.ID]; dup {
				v := gen.versions[slices.IndexFunc(gen.versions, func(v ListVersion) bool { return v.SHA256 == prev.list })]
				return nil, nil, fmt.Errorf("list %s (%s): entity %s already loaded from %s %s", l.Version.Source, l.Version.File, e.ID, v.Source, v.File)
			}
			gen.byID[e.ID] = e
			ents = append(ents, e)
			if e.Kind == KindVessel {
				gen.vessels++
			}
			for _, id := range e.Identifiers {
				if id.Type.IsIMO() {
					gen.byIMO[id.Value] = append(gen.byIMO[id.Value], e)
				}
			}
		}
	}
	return gen, ents, nil
}

// index analyses every name of ents, gen's entities, into rows and
// indexes them. It writes only the fields of gen that hold the rows and
// the index, so findTwins, which reads the entities alone, may run
// beside it.
func (gen *generation) index(az *names.Analyzer, w *Weights, ents []*listed) error {
	// The entities are analysed kind by kind, so that their rows come in
	// kind order (see generation.all) and are never moved.
	rows := analyseAll(az, w, byKind(ents, func(e *listed) Kind { return e.Kind }))
	n := rows.len()
	gen.rows, gen.all = n, rows
	for i, r := range rows.each() {
		if k := len(gen.kindNames); k == 0 || gen.kindNames[k-1] != r.entity.Kind {
			if k == math.MaxUint8 {
				return fmt.Errorf("screen: more than %d entity kinds", math.MaxUint8)
			}
			gen.kindNames = append(gen.kindNames, r.entity.Kind)
			gen.kindEnd = append(gen.kindEnd, 0)
		}
		gen.kindEnd[len(gen.kindEnd)-1] = uint32(i + 1)
		if len(r.a.toks) > 64 {
			gen.long = append(gen.long, uint32(i))
		}
	}
	ib := newIndexBuilder(w)
	for i, r := range rows.each() {
		ib.addRow(uint32(i), &r.a)
	}
	// The deletion index needs only the vocabulary, complete now: it is
	// built beside the rest, which needs the rows' weights.
	nTerms := len(ib.posts)
	del := async(func() delIndex { return ib.deletions(az, nTerms) })
	gen.ix = ib.postings()
	gen.stats = newTokenStats(w, gen.ix, n)
	toks := 0
	for _, r := range rows.each() {
		toks += len(r.a.toks)
	}
	weights := make([]float64, 0, toks)
	for _, r := range rows.each() {
		at := len(weights)
		weights = gen.stats.appendWeights(weights, &r.a)
		r.w = weights[at:len(weights):len(weights)]
	}
	ib.finish(gen.ix, rows, del)
	gen.ix.cutByKind(gen.kindEnd)
	return nil
}

// async runs f on a goroutine of its own and returns a function that
// waits for its result. A panic of f is raised again by that function,
// in the goroutine that waits, where the caller's recovery (the
// server's, around a reload) sees it as it would have seen it had f run
// there: on f's own goroutine it would end the process.
func async[T any](f func() T) func() T {
	type result struct {
		v T
		p error
	}
	ch := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r.p = newGoPanic(p)
			}
			ch <- r
		}()
		r.v = f()
	}()
	return func() T {
		r := <-ch
		if r.p != nil {
			panic(r.p)
		}
		return r.v
	}
}

// goPanic is a panic recovered on a goroutine of the build, with that
// goroutine's stack, to be raised again in the one that waits for it.
type goPanic struct {
	value any
	stack []byte
}

// newGoPanic returns the goPanic of value p, recovered just now.
func newGoPanic(p any) *goPanic { return &goPanic{value: p, stack: debug.Stack()} }

func (p *goPanic) Error() string {
	return fmt.Sprintf("%v\n\ngoroutine of the build:\n%s", p.value, p.stack)
}

// Unwrap returns the value recovered when it is an error.
func (p *goPanic) Unwrap() error {
	err, _ := p.value.(error)
	return err
}

// readChunk is the readings of the names of a run of entities (see
// analyseAll): for each name, and each name without its parentheticals
// where that differs, its readings, which are names[at[i]:at[i+1]].
type readChunk struct {
	of    []nameOf
	at    []int
	names []names.Name
}

// nameOf is a name, or a variant of it, whose readings a readChunk holds.
type nameOf struct {
	e       *listed
	n       *Name
	variant string
}

// analyseAll returns the name rows of ents in order (see appendRows).
// Reading the names (names.Analyzer.AppendReadings) is a third of the
// work and needs nothing shared, so it runs ahead on another goroutine,
// a run of entities at a time, while this one interns the spellings of
// the runs already read, which must be done in order and alone.
func analyseAll(az *names.Analyzer, w *Weights, ents []*listed) rowArrays {
	const run = 1024
	var rows rowArrays
	var buf []nameRow
	read := make(chan *readChunk, 4)
	// The runs' buffers go back to the reader once interned, so that a
	// build makes a few rather than one per run.
	free := make(chan *readChunk, cap(read)+2)
	stop := make(chan struct{})
	// A panic here must not leave the reader blocked for ever.
	defer close(stop)
	// A panic of the reader is raised again here, where the caller's
	// recovery (the server's, around a reload) sees it: on the reader's
	// own goroutine it would end the process.
	var readPanic error
	go func() {
		defer close(read)
		defer func() {
			if p := recover(); p != nil {
				readPanic = newGoPanic(p)
			}
		}()
		for lo := 0; lo < len(ents); lo += run {
			var c *readChunk
			select {
			case c = <-free:
			default:
				c = &readChunk{at: []int{0}}
			}
			for _, e := range ents[lo:min(lo+run, len(ents))] {
				c.read(az, e)
			}
			select {
			case read <- c:
			case <-stop:
				return
			}
		}
	}()
	in := newInterner()
	variants := make(map[string]*string)
	for c := range read {
		for i, o := range c.of {
			buf = appendRows(buf[:0], w, o, c.names[c.at[i]:c.at[i+1]], in, variants)
			rows = rows.append(buf)
		}
		clear(c.of)
		clear(c.names)
		c.of, c.at, c.names = c.of[:0], c.at[:1], c.names[:0]
		select {
		case free <- c:
		default:
		}
	}
	if readPanic != nil {
		panic(readPanic)
	}
	return rows
}

// read adds the readings of e's names to c: each name, and each name
// without its parentheticals when that differs.
func (c *readChunk) read(az *names.Analyzer, e *listed) {
	add := func(n *Name, value, variant string) {
		c.names = az.AppendReadings(c.names, value)
		c.of = append(c.of, nameOf{e, n, variant})
		c.at = append(c.at, len(c.names))
	}
	for i := range e.Names {
		n := &e.Names[i]
		add(n, n.Value, "")
		if stripped := stripParenthetical(n.Value); stripped != n.Value && strings.TrimSpace(stripped) != "" {
			add(n, stripped, "without-parenthetical")
		}
	}
}

// byKind returns xs ordered by kind (kindOrder), keeping the order of
// the xs of one kind. The kinds are few: xs are counted by kind and
// placed, not sorted.
func byKind[T any](xs []T, kind func(T) Kind) []T {
	var kinds []Kind
	at := make(map[Kind]int)
	for _, x := range xs {
		k := kind(x)
		if _, ok := at[k]; !ok {
			kinds = append(kinds, k)
		}
		at[k]++
	}
	slices.SortFunc(kinds, kindOrder)
	start := 0
	for _, k := range kinds {
		start, at[k] = start+at[k], start
	}
	out := make([]T, len(xs))
	for _, x := range xs {
		k := kind(x)
		out[at[k]] = x
		at[k]++
	}
	return out
}

// rowArrays holds a generation's rows by id in arrays of rowArrayLen
// rows, filled in order as the names are analysed: a million rows of
// 128 bytes are never copied from an array outgrown to a larger one,
// which would hold both for a while.
type rowArrays [][]nameRow

// rowArrayBits is the log2 of rowArrayLen, the rows of one array.
const (
	rowArrayBits = 12
	rowArrayLen  = 1 << rowArrayBits
)

// at returns row r.
func (ra rowArrays) at(r uint32) *nameRow {
	return &ra[r>>rowArrayBits][r&(rowArrayLen-1)]
}

// len returns the number of rows.
func (ra rowArrays) len() int {
	if len(ra) == 0 {
		return 0
	}
	return (len(ra)-1)*rowArrayLen + len(ra[len(ra)-1])
}

// append returns ra with rows added after its last.
func (ra rowArrays) append(rows []nameRow) rowArrays {
	for _, r := range rows {
		if k := len(ra); k == 0 || len(ra[k-1]) == rowArrayLen {
			ra = append(ra, make([]nameRow, 0, rowArrayLen))
		}
		last := &ra[len(ra)-1]
		*last = append(*last, r)
	}
	return ra
}

// each yields each row with its id, in order.
func (ra rowArrays) each() iter.Seq2[int, *nameRow] {
	return func(yield func(int, *nameRow) bool) {
		for a, rows := range ra {
			for i := range rows {
				if !yield(a<<rowArrayBits+i, &rows[i]) {
					return
				}
			}
		}
	}
}

// kindOrder orders the kinds of rows: organisations, unknown, persons,
// vessels, then any other kind by name. Each known kind is compared with
// its own and the unknown kind (Kind.Compatible), so organisation and
// person queries each read one contiguous run of every posting list.
func kindOrder(a, b Kind) int {
	rank := func(k Kind) int {
		switch k {
		case KindOrganisation:
			return 0
		case KindUnknown:
			return 1
		case KindPerson:
			return 2
		case KindVessel:
			return 3
		}
		return 4
	}
	return cmp.Or(cmp.Compare(rank(a), rank(b)), strings.Compare(string(a), string(b)))
}

// rowRun is a run of row ids [lo, hi) of one kind, kindNames[kind].
type rowRun struct {
	lo, hi uint32
	kind   uint8
}

// runs appends to dst the runs of the rows whose kinds query kind q is
// compatible with, in row order.
func (gen *generation) runs(dst []rowRun, q Kind) []rowRun {
	lo := uint32(0)
	for i, k := range gen.kindNames {
		if q.Compatible(k) {
			dst = append(dst, rowRun{lo: lo, hi: gen.kindEnd[i], kind: uint8(i)})
		}
		lo = gen.kindEnd[i]
	}
	return dst
}

// kindOf returns the index in kindNames of row r's kind.
func (gen *generation) kindOf(r uint32) int {
	i, _ := slices.BinarySearch(gen.kindEnd, r+1)
	return i
}

// getScratch returns an idle candidate buffer, or a new one.
func (gen *generation) getScratch() *candScratch {
	gen.scratchMu.Lock()
	defer gen.scratchMu.Unlock()
	if k := len(gen.scratch); k > 0 {
		sc := gen.scratch[k-1]
		gen.scratch = gen.scratch[:k-1]
		return sc
	}
	return &candScratch{}
}

// putScratch returns a candidate buffer to the free list.
func (gen *generation) putScratch(sc *candScratch) {
	gen.scratchMu.Lock()
	defer gen.scratchMu.Unlock()
	gen.scratch = append(gen.scratch, sc)
}

// appendRows appends the name rows of one name of an entity, or of the
// name without its parentheticals (o), one for each of its readings rds
// (see names.Analyzer.Readings: a name in Han, Hangul, Cyrillic or
// another script is also indexed as read by Sino-Korean sounds, the
// glossary, Kontsevich or transliteration), with the spellings shared
// through in and the variants' texts through variants.
func appendRows(rows []nameRow, w *Weights, o nameOf, rds []names.Name, in *interner, variants map[string]*string) []nameRow {
	vessel := o.e.Kind == KindVessel
	for _, rd := range rds {
		a := analyseInterned(w, rd, vessel, in)
		if len(a.toks) == 0 {
			continue
		}
		v := o.variant
		if rd.Reading != names.ReadingDefault {
			v = strings.TrimSpace(v + " " + rd.Reading + "-reading")
		}
		var vp *string
		if v != "" {
			if vp = variants[v]; vp == nil {
				vp = &v
				variants[v] = vp
			}
		}
		rows = append(rows, nameRow{entity: o.e, name: o.n, variant: vp, a: a})
	}
	return rows
}

// stripParenthetical removes "(…)" groups: lists append acronyms and places
// in brackets ("FOREIGN TRADE BANK (FTB)", "LEADER (HONG KONG)
// INTERNATIONAL") that trade documents leave out.
func stripParenthetical(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
			b.WriteByte(' ')
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
