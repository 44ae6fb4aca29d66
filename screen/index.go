package screen

import (
	"fmt"
	"strings"
	"sync"

	"github.com/hashicorp/go-memdb"
	"github.com/luxscreen/luxscreen/screen/names"
)

// memdb tables.
const (
	tableNames    = "names"
	tableEntities = "entities"
	tableMeta     = "meta"
	tableKeys     = "keys"
	metaCurrent   = "current"
)

// postingRow is one blocking key and the name rows that carry it. Keys are
// stored one row per key rather than as a multi-valued index on the name
// rows, which keeps the radix trees about three times smaller.
type postingRow struct {
	Key  string
	rows []posting
}

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
	ID       string
	EntityID string
	Keys     []string
	entity   *Entity
	name     Name
	variant  string
	a        *analysed
	w        []float64
	bk       []blockKey
	// idx is the row's position in its generation.
	idx int
	// total and unkeyed are the sums of all token weights and of the
	// weights of tokens no key stands for (legal forms, numbers…), for the
	// candidate bound.
	total, unkeyed float64
}

// rowCover is what a query's blocking keys cover of one row: the query
// tokens and the row's tokens they stand for.
type rowCover struct {
	q, c uint64
	seen bool
}

// candScratch is the per-query buffer of candidates.
type candScratch struct {
	cov     []rowCover
	touched []*nameRow
}

// entityRow indexes an entity by its IMO numbers.
type entityRow struct {
	ID     string
	IMOs   []string
	entity *Entity
}

// generation is everything one Reload installs besides the rows: the list
// versions, the token statistics and the row count. It is stored in the
// meta table, so a reader's snapshot always pairs rows with their own
// statistics.
type generation struct {
	ID string
	// scratch pools per-query candidate buffers sized to this
	// generation's rows, so candidate collection allocates nothing.
	scratch  sync.Pool
	versions []ListVersion
	weights  *weights
	keyDF    map[string]int
	rows     int
}

func schema() *memdb.DBSchema {
	return &memdb.DBSchema{Tables: map[string]*memdb.TableSchema{
		tableNames: {
			Name: tableNames,
			Indexes: map[string]*memdb.IndexSchema{
				"id": {Name: "id", Unique: true, Indexer: &memdb.StringFieldIndex{Field: "ID"}},
			},
		},
		tableKeys: {
			Name: tableKeys,
			Indexes: map[string]*memdb.IndexSchema{
				"id": {Name: "id", Unique: true, Indexer: &memdb.StringFieldIndex{Field: "Key"}},
			},
		},
		tableEntities: {
			Name: tableEntities,
			Indexes: map[string]*memdb.IndexSchema{
				"id":  {Name: "id", Unique: true, Indexer: &memdb.StringFieldIndex{Field: "ID"}},
				"imo": {Name: "imo", AllowMissing: true, Indexer: &memdb.StringSliceFieldIndex{Field: "IMOs"}},
			},
		},
		tableMeta: {
			Name: tableMeta,
			Indexes: map[string]*memdb.IndexSchema{
				"id": {Name: "id", Unique: true, Indexer: &memdb.StringFieldIndex{Field: "ID"}},
			},
		},
	}}
}

// build analyses every name of every list into rows and statistics. It
// touches no shared state, so screening continues while it runs.
func build(az *names.Analyzer, lists []List) (*generation, []*nameRow, []*entityRow, []*postingRow, error) {
	gen := &generation{ID: metaCurrent, keyDF: make(map[string]int)}
	var rows []*nameRow
	var ents []*entityRow
	seen := make(map[string]string)
	for li := range lists {
		l := &lists[li]
		gen.versions = append(gen.versions, l.Version)
		for ei := range l.Entities {
			e := &l.Entities[ei]
			if e.ID == "" {
				return nil, nil, nil, nil, fmt.Errorf("list %s (%s): entity %d: empty ID", l.Version.Source, l.Version.File, ei)
			}
			if prev, dup := seen[e.ID]; dup {
				return nil, nil, nil, nil, fmt.Errorf("list %s (%s): entity %s already loaded from %s", l.Version.Source, l.Version.File, e.ID, prev)
			}
			seen[e.ID] = l.Version.Source + " " + l.Version.File
			er := &entityRow{ID: e.ID, entity: e}
			for _, id := range e.Identifiers {
				if id.Type == IDShipIMO || id.Type == IDCompanyIMO || id.Type == IDIMOUnchecked {
					er.IMOs = append(er.IMOs, id.Value)
				}
			}
			ents = append(ents, er)
			vessel := e.Kind == KindVessel
			for ni, n := range e.Names {
				add := func(value, variant string) {
					a := analyse(az, value, vessel)
					if len(a.toks) == 0 {
						return
					}
					bk := blockingKeys(a)
					r := &nameRow{
						ID:       fmt.Sprintf("%s#%d%s", e.ID, ni, variant),
						EntityID: e.ID,
						entity:   e,
						name:     n,
						variant:  variant,
						a:        a,
						Keys:     keyStrings(bk),
						bk:       bk,
					}
					rows = append(rows, r)
				}
				add(n.Value, "")
				if stripped := stripParenthetical(n.Value); stripped != n.Value && strings.TrimSpace(stripped) != "" {
					add(stripped, "/without-parenthetical")
				}
			}
		}
	}
	byKey := make(map[string]*postingRow)
	var posts []*postingRow
	for _, r := range rows {
		for _, k := range r.bk {
			p := byKey[k.key]
			if p == nil {
				p = &postingRow{Key: k.key}
				byKey[k.key] = p
				posts = append(posts, p)
			}
			p.rows = append(p.rows, posting{row: r, toks: k.toks})
			gen.keyDF[k.key]++
		}
	}
	gen.rows = len(rows)
	for i, r := range rows {
		r.idx = i
	}
	n := len(rows)
	gen.scratch.New = func() any { return &candScratch{cov: make([]rowCover, n)} }
	gen.weights = newWeights(gen.keyDF, len(rows))
	for _, r := range rows {
		r.w = tokenWeights(gen.weights, r.a)
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
	return gen, rows, ents, posts, nil
}

// tokenWeights returns the weight of each token of a.
func tokenWeights(w *weights, a *analysed) []float64 {
	out := make([]float64, len(a.toks))
	for i := range a.toks {
		out[i] = w.of(&a.toks[i])
	}
	return out
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
