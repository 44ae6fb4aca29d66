package screen

import (
	"fmt"
	"strings"
	"sync"

	"github.com/luxscreen/luxscreen/screen/names"
)

// The index is plain maps and slices built once per Reload and never
// changed afterwards: a generation. Screenings read the current generation
// through an atomic pointer, so a Reload swaps the lists whole while
// screenings continue, and a screening sees either the old or the new
// lists. Every read is a point lookup (a blocking key's postings, an IMO
// number's entities) on an immutable snapshot, which a Go map answers
// faster than a radix tree.

// posting is one row carrying a key, with the row's tokens the key stands
// for.
type posting struct {
	row  *nameRow
	toks uint64
}

// nameRow is one name variant of one entity: a listed name or alias, or a
// variant derived from it (the name without its parenthetical, as in
// "DAEDONG CREDIT BANK (DCB)").
type nameRow struct {
	entity *listed
	name   Name
	// variant names a derived variant ("without-parenthetical"), or "".
	variant string
	a       *analysed
	w       []float64
	bk      []blockKey
	// idx is the row's position in its generation.
	idx int
	// total and unkeyed are the sums of all token weights and of the
	// weights of tokens no key stands for (legal forms, numbers…), for the
	// candidate bound.
	total, unkeyed float64
}

// listed is a listed entity with the list it was loaded from.
type listed struct {
	*Entity
	list string // the list's SHA-256
}

// generation is everything one Reload installs: the list versions, the
// name rows, the postings of each blocking key and the entities by IMO
// number. It is immutable once built.
type generation struct {
	// scratch pools per-query candidate buffers sized to this
	// generation's rows, so candidate collection allocates nothing.
	scratch  sync.Pool
	versions []ListVersion
	stats    *tokenStats
	// postings are the rows of each blocking key; the length of a key's
	// postings is its document frequency.
	postings map[string][]posting
	byIMO    map[string][]*listed
	rows     int
}

// build analyses every name of every list into a generation. It touches
// no shared state, so screening continues while it runs.
func build(az *names.Analyzer, w *Weights, lists []List) (*generation, error) {
	gen := &generation{postings: make(map[string][]posting), byIMO: make(map[string][]*listed)}
	var rows []*nameRow
	seen := make(map[string]string)
	for li := range lists {
		l := &lists[li]
		gen.versions = append(gen.versions, l.Version)
		for ei := range l.Entities {
			e := &listed{Entity: &l.Entities[ei], list: l.Version.SHA256}
			if e.ID == "" {
				return nil, fmt.Errorf("list %s (%s): entity %d: empty ID", l.Version.Source, l.Version.File, ei)
			}
			if prev, dup := seen[e.ID]; dup {
				return nil, fmt.Errorf("list %s (%s): entity %s already loaded from %s", l.Version.Source, l.Version.File, e.ID, prev)
			}
			seen[e.ID] = l.Version.Source + " " + l.Version.File
			for _, id := range e.Identifiers {
				if id.Type.IsIMO() {
					gen.byIMO[id.Value] = append(gen.byIMO[id.Value], e)
				}
			}
			rows = appendRows(rows, az, w, e)
		}
	}
	for i, r := range rows {
		r.idx = i
		for _, k := range r.bk {
			gen.postings[k.key] = append(gen.postings[k.key], posting{row: r, toks: k.toks})
		}
	}
	n := len(rows)
	gen.rows = n
	gen.scratch.New = func() any { return &candScratch{cov: make([]rowCover, n)} }
	gen.stats = newTokenStats(w, gen.postings, n)
	for _, r := range rows {
		r.w = gen.stats.weights(r.a)
		var keyed uint64
		for _, k := range r.bk {
			keyed |= k.toks
		}
		for i, w := range r.w {
			r.total += w
			if keyed&(1<<(i&63)) == 0 {
				r.unkeyed += w
			}
		}
		r.bk = nil
	}
	return gen, nil
}

// appendRows appends the name rows of e: each reading of each name (see
// names.Analyzer.Readings: a name in Han, Hangul, Cyrillic or another
// script is also indexed as read by Sino-Korean sounds, the glossary,
// Kontsevich or transliteration), and the same for each name without its
// parentheticals when that differs.
func appendRows(rows []*nameRow, az *names.Analyzer, w *Weights, e *listed) []*nameRow {
	vessel := e.Kind == KindVessel
	var buf [4]names.Name
	add := func(n Name, value, variant string) {
		for _, rd := range az.AppendReadings(buf[:0], value) {
			a := analyseName(w, rd, vessel)
			if len(a.toks) == 0 {
				continue
			}
			v := variant
			if rd.Reading != names.ReadingDefault {
				v = strings.TrimSpace(variant + " " + rd.Reading + "-reading")
			}
			rows = append(rows, &nameRow{entity: e, name: n, variant: v, a: a, bk: blockingKeys(a, w)})
		}
	}
	for _, n := range e.Names {
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
