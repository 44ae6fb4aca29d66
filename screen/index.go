package screen

import (
	"cmp"
	"fmt"
	"math"
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
// every row of that variant.
type nameRow struct {
	entity *listed
	name   *Name
	// variant names a derived variant ("without-parenthetical"), or is
	// nil.
	variant *string
	a       *analysed
	w       []float64
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
	// all holds the rows by id, grouped by their entities' kind (see
	// kindOrder); kindNames are the kinds in that order, and kindEnd the
	// end of each kind's run of row ids. A query's kind is compatible
	// with a few kinds, so candidates walk only their runs of each
	// posting list: at OpenSanctions scale most postings of a Korean
	// syllable or an initial are persons', which an organisation query
	// would otherwise read one by one to reject.
	all       []*nameRow
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

// build analyses every name of every list into a generation. It touches
// no shared state, so screening continues while it runs.
func build(az *names.Analyzer, w *Weights, cc countries, lists []List) (*generation, error) {
	entities := 0
	for _, l := range lists {
		entities += len(l.Entities)
	}
	gen := &generation{byIMO: make(map[string][]*listed), lists: lists, byID: make(map[string]*listed, entities)}
	rows := make([]*nameRow, 0, entities*3/2)
	in := make(interner)
	variants := make(map[string]*string)
	for li := range lists {
		l := &lists[li]
		gen.versions = append(gen.versions, l.Version)
		for ei := range l.Entities {
			e := &listed{Entity: &l.Entities[ei], list: l.Version.SHA256}
			e.countries, e.nationalities = cc.canonAll(e.Countries), cc.canonAll(e.Nationalities)
			if e.ID == "" {
				return nil, fmt.Errorf("list %s (%s): entity %d: empty ID", l.Version.Source, l.Version.File, ei)
			}
			if prev, dup := gen.byID[e.ID]; dup {
				v := gen.versions[slices.IndexFunc(gen.versions, func(v ListVersion) bool { return v.SHA256 == prev.list })]
				return nil, fmt.Errorf("list %s (%s): entity %s already loaded from %s %s", l.Version.Source, l.Version.File, e.ID, v.Source, v.File)
			}
			gen.byID[e.ID] = e
			if e.Kind == KindVessel {
				gen.vessels++
			}
			for _, id := range e.Identifiers {
				if id.Type.IsIMO() {
					gen.byIMO[id.Value] = append(gen.byIMO[id.Value], e)
				}
			}
			rows = appendRows(rows, az, w, e, in, variants)
		}
	}
	in, variants = nil, nil
	// Stable, so that an entity's names keep their order.
	slices.SortStableFunc(rows, func(a, b *nameRow) int { return kindOrder(a.entity.Kind, b.entity.Kind) })
	n := len(rows)
	gen.rows, gen.all = n, rows
	for i, r := range rows {
		if k := len(gen.kindNames); k == 0 || gen.kindNames[k-1] != r.entity.Kind {
			if k == math.MaxUint8 {
				return nil, fmt.Errorf("screen: more than %d entity kinds", math.MaxUint8)
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
	for i, r := range rows {
		ib.addRow(uint32(i), r.a)
	}
	gen.ix = ib.postings()
	gen.stats = newTokenStats(w, gen.ix, n)
	for _, r := range rows {
		r.w = gen.stats.weights(r.a)
	}
	ib.finish(gen.ix, rows, az)
	return gen, nil
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

// appendRows appends the name rows of e: each reading of each name (see
// names.Analyzer.Readings: a name in Han, Hangul, Cyrillic or another
// script is also indexed as read by Sino-Korean sounds, the glossary,
// Kontsevich or transliteration), and the same for each name without its
// parentheticals when that differs, with the spellings shared through in
// and the variants' texts through variants.
func appendRows(rows []*nameRow, az *names.Analyzer, w *Weights, e *listed, in interner, variants map[string]*string) []*nameRow {
	vessel := e.Kind == KindVessel
	var buf [4]names.Name
	add := func(n *Name, value, variant string) {
		for _, rd := range az.AppendReadings(buf[:0], value) {
			a := analyseInterned(w, rd, vessel, in)
			if len(a.toks) == 0 {
				continue
			}
			v := variant
			if rd.Reading != names.ReadingDefault {
				v = strings.TrimSpace(variant + " " + rd.Reading + "-reading")
			}
			var vp *string
			if v != "" {
				if vp = variants[v]; vp == nil {
					vp = &v
					variants[v] = vp
				}
			}
			rows = append(rows, &nameRow{entity: e, name: n, variant: vp, a: a})
		}
	}
	for i := range e.Names {
		n := &e.Names[i]
		add(n, n.Value, "")
		if stripped := stripParenthetical(n.Value); stripped != n.Value && strings.TrimSpace(stripped) != "" {
			add(n, stripped, "without-parenthetical")
		}
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
