package lists

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	memdb "github.com/hashicorp/go-memdb"

	"github.com/luxscreen/luxscreen/hs"
)

// Catalogue is an indexed, immutable set of lists. It is safe for
// concurrent use.
type Catalogue struct {
	db    *memdb.MemDB
	lists []*List // in ID order
	byID  map[string]*List
	// keywords holds each entry's category keywords split into words
	// once, for the judgement of "ex" entries.
	keywords map[*Entry][][]string
	// membership widens a lookup's jurisdictions to the unions they
	// belonged to on its date.
	membership *Membership
	// presumptions are the price floors judging luxury entries of "ex"
	// scope without a threshold (see [Catalogue.Judge]).
	presumptions *Presumptions

	versionOnce sync.Once
	version     string
}

// patternRow is one code pattern of one entry: the unit the index stores.
type patternRow struct {
	ID           string // list/entry/index, unique
	Code         string // the pattern's digits
	List         string
	Jurisdiction string
	Kind         string
	list         *List
	entry        *Entry
	pattern      int
	rank         int // the entry's place in match order, see compareMatches
}

const patternTable = "patterns"

func schema() *memdb.DBSchema {
	field := func(name, f string, unique bool) *memdb.IndexSchema {
		return &memdb.IndexSchema{Name: name, Unique: unique, Indexer: &memdb.StringFieldIndex{Field: f}}
	}
	return &memdb.DBSchema{Tables: map[string]*memdb.TableSchema{
		patternTable: {
			Name: patternTable,
			Indexes: map[string]*memdb.IndexSchema{
				"id":           field("id", "ID", true),
				"code":         field("code", "Code", false),
				"list":         field("list", "List", false),
				"jurisdiction": field("jurisdiction", "Jurisdiction", false),
				"kind":         field("kind", "Kind", false),
			},
		},
	}}
}

// New indexes lists into a catalogue, with the embedded union membership
// and price-floor presumptions (see [Catalogue.WithMembership] and
// [Catalogue.WithPresumptions]). List IDs must be unique, and so must
// entry IDs across all lists, because findings cite entries by ID alone.
func New(lists ...*List) (*Catalogue, error) {
	db, err := memdb.NewMemDB(schema())
	if err != nil {
		return nil, fmt.Errorf("lists: building index: %w", err)
	}
	ms, err := DefaultMembership()
	if err != nil {
		return nil, err
	}
	ps, err := DefaultPresumptions()
	if err != nil {
		return nil, err
	}
	c := &Catalogue{db: db, byID: make(map[string]*List, len(lists)), keywords: map[*Entry][][]string{}, membership: ms, presumptions: ps}
	entryOwner := map[string]string{}
	rank := entryRanks(lists)
	txn := db.Txn(true)
	defer txn.Abort()
	for _, l := range lists {
		if _, dup := c.byID[l.ID]; dup {
			return nil, fmt.Errorf("lists: %s: list id %q is used twice", l.File, l.ID)
		}
		c.byID[l.ID] = l
		c.lists = append(c.lists, l)
		for _, e := range l.Entries {
			if other, dup := entryOwner[e.ID]; dup {
				return nil, fmt.Errorf("lists: %s: entry id %q is also used in list %q", l.File, e.ID, other)
			}
			entryOwner[e.ID] = l.ID
			for _, k := range e.Keywords {
				c.keywords[e] = append(c.keywords[e], keywordWords(k))
			}
			for i, p := range e.Codes {
				row := &patternRow{
					ID:           l.ID + "/" + e.ID + "/" + strconv.Itoa(i),
					Code:         p.Code.Digits(),
					List:         l.ID,
					Jurisdiction: l.Jurisdiction,
					Kind:         string(l.Kind),
					list:         l,
					entry:        e,
					pattern:      i,
					rank:         rank[e],
				}
				if err := txn.Insert(patternTable, row); err != nil {
					return nil, fmt.Errorf("lists: indexing %s: %w", row.ID, err)
				}
			}
		}
	}
	txn.Commit()
	slices.SortFunc(c.lists, func(a, b *List) int { return cmp.Compare(a.ID, b.ID) })
	return c, nil
}

// WithMembership returns a catalogue of the same lists that widens
// jurisdictions by m instead of the embedded membership.
func (c *Catalogue) WithMembership(m *Membership) *Catalogue {
	return &Catalogue{db: c.db, lists: c.lists, byID: c.byID, keywords: c.keywords, membership: m, presumptions: c.presumptions}
}

// WithPresumptions returns a catalogue of the same lists that judges
// luxury entries of "ex" scope by the price floors of p instead of the
// embedded ones; nil means none.
func (c *Catalogue) WithPresumptions(p *Presumptions) *Catalogue {
	return &Catalogue{db: c.db, lists: c.lists, byID: c.byID, keywords: c.keywords, membership: c.membership, presumptions: p}
}

// Presumptions returns the price floors the catalogue judges with.
func (c *Catalogue) Presumptions() *Presumptions { return c.presumptions }

// Membership returns the union membership the catalogue applies.
func (c *Catalogue) Membership() *Membership { return c.membership }

// Lists returns the lists in ID order.
func (c *Catalogue) Lists() []*List { return slices.Clone(c.lists) }

// List returns the list with the given ID.
func (c *Catalogue) List(id string) (*List, bool) {
	l, ok := c.byID[id]
	return l, ok
}

// Coverage says how a code relates to the pattern that matched it.
type Coverage string

// The coverages of a match.
const (
	// Full: the pattern covers the code and all goods under the pattern are
	// controlled.
	Full Coverage = "full"
	// Ex: the pattern covers the code, but the pattern is an "ex" code, so
	// only the goods the entry's category describes are controlled.
	Ex Coverage = "ex"
	// Partial: the code is less specific than the pattern, so only some of
	// the goods under the code are controlled.
	Partial Coverage = "partial"
)

// Match is one entry that covers a looked-up code.
type Match struct {
	List     *List
	Entry    *Entry
	Pattern  Pattern
	Coverage Coverage
	rank     int // 1-based match order within its catalogue; 0 if unknown
}

// Options filter a lookup. The zero Options matches every list at any date.
type Options struct {
	// Date selects lists and entries in force on that day; zero means any
	// time.
	Date time.Time
	// Jurisdictions keeps only lists of these jurisdictions ("UN", "EU",
	// "GB"…) and of the unions they belonged to on Date (the EU for GB
	// until 2021); empty means all. See [CanonicalJurisdiction].
	Jurisdictions []string
	// Kinds keeps only lists of these kinds; empty means all.
	Kinds []Kind
	// Direction keeps only lists that restrict trade in this direction;
	// empty means any.
	Direction Direction
	// Lists keeps only the lists with these IDs; empty means all.
	Lists []string
}

func (o *Options) keep(r *patternRow) bool {
	return o.keepList(r.list) && r.list.InForce.Contains(o.Date) && r.entry.InForce.Contains(o.Date)
}

// keepList applies the filters of o on lists, not on dates.
func (o *Options) keepList(l *List) bool {
	if len(o.Jurisdictions) > 0 && !slices.Contains(o.Jurisdictions, l.Jurisdiction) {
		return false
	}
	if len(o.Kinds) > 0 && !slices.Contains(o.Kinds, l.Kind) {
		return false
	}
	if len(o.Lists) > 0 && !slices.Contains(o.Lists, l.ID) {
		return false
	}
	return l.Direction.Covers(o.Direction)
}

// Resolve returns opts with its jurisdictions widened by the catalogue's
// membership on opts.Date, as [Catalogue.Lookup] applies them. A caller
// that caches lookups of any date and jurisdiction filters them with the
// resolved options' [Options.Keep].
func (c *Catalogue) Resolve(opts Options) Options {
	opts.Jurisdictions = c.membership.Expand(opts.Jurisdictions, opts.Date)
	return opts
}

// Keep reports whether m passes the filters of resolved options (see
// [Catalogue.Resolve]), date included.
func (o *Options) Keep(m *Match) bool {
	return o.keepList(m.List) && m.InForce(o.Date)
}

// Lookup returns every entry with a code pattern that covers code, and, as
// [Partial] matches, every entry with a pattern more specific than code. An
// entry appears once, with its most specific matching pattern. Matches are
// ordered UN first, then by jurisdiction, list and entry.
func (c *Catalogue) Lookup(code hs.Code, opts Options) []Match {
	if code.IsZero() {
		return nil
	}
	opts = c.Resolve(opts)
	// Collect row pointers and sort those: sorting the large Match values
	// themselves dominated the cost of a lookup.
	var buf [32]lookupHit
	hits := buf[:0]
	d := code.Digits()
	txn := c.db.Txn(false)
	// Patterns at or above the code cover it (fully, or as an "ex" code);
	// patterns below it cover part of it. The radix index answers both:
	// an exact read per shorter prefix, one prefix walk below.
	for n := 2; n < len(d); n += 2 {
		hits = c.addRows(hits, txn, "code", d[:n], 0, &opts)
	}
	hits = c.addRows(hits, txn, "code_prefix", d, len(d), &opts)
	slices.SortFunc(hits, func(a, b lookupHit) int { return cmp.Compare(a.r.rank, b.r.rank) })
	out := make([]Match, 0, len(hits))
	for _, h := range hits {
		cov, ok := excepted(h.r.entry, code, h.cov)
		if !ok {
			continue
		}
		out = append(out, Match{List: h.r.list, Entry: h.r.entry, Pattern: h.r.entry.Codes[h.r.pattern], Coverage: cov, rank: h.r.rank})
	}
	return out
}

// excepted applies an entry's exceptions to a code it covers with cov:
// an exception at or above the code removes the match; one below it
// leaves the code only partly covered.
func excepted(e *Entry, code hs.Code, cov Coverage) (Coverage, bool) {
	for _, x := range e.Except {
		switch {
		case x.Code.Covers(code) && !x.Ex:
			return cov, false
		case code.Covers(x.Code) || x.Code.Covers(code):
			cov = Partial
		}
	}
	return cov, true
}

// addRows adds the rows of an index read: a row whose pattern is longer
// than n digits covers only part of the code looked up.
func (c *Catalogue) addRows(hits []lookupHit, txn *memdb.Txn, index, value string, n int, opts *Options) []lookupHit {
	it, err := txn.Get(patternTable, index, value)
	if err != nil {
		return hits // both indexes are in the schema
	}
	for obj := it.Next(); obj != nil; obj = it.Next() {
		r := obj.(*patternRow)
		cov := Full
		switch {
		case n > 0 && len(r.Code) > n:
			cov = Partial
		case r.entry.Codes[r.pattern].Ex:
			cov = Ex
		}
		hits = addHit(hits, r, cov, opts)
	}
	return hits
}

// lookupHit is a matching row and how it covers the looked-up code.
type lookupHit struct {
	r   *patternRow
	cov Coverage
}

// addHit adds r unless opts filter it out. An entry is kept once, with its
// most specific covering pattern; a covering pattern beats a partial one.
func addHit(hits []lookupHit, r *patternRow, cov Coverage, opts *Options) []lookupHit {
	if !opts.keep(r) {
		return hits
	}
	for i := range hits {
		if hits[i].r.entry == r.entry {
			if cov != Partial && (hits[i].cov == Partial || len(r.Code) > len(hits[i].r.Code)) {
				hits[i] = lookupHit{r, cov}
			}
			return hits
		}
	}
	return append(hits, lookupHit{r, cov})
}

// entryRanks numbers every entry of lists in match order, so that sorting
// the matches of a lookup compares integers rather than strings.
func entryRanks(ls []*List) map[*Entry]int {
	var all []Match
	for _, l := range ls {
		for _, e := range l.Entries {
			all = append(all, Match{List: l, Entry: e})
		}
	}
	slices.SortFunc(all, compareMatches)
	rank := make(map[*Entry]int, len(all))
	for i, m := range all {
		rank[m.Entry] = i + 1
	}
	return rank
}

func compareMatches(a, b Match) int {
	if a.rank > 0 && b.rank > 0 {
		return cmp.Compare(a.rank, b.rank)
	}
	return cmp.Or(
		cmp.Compare(jurisdictionRank(a.List.Jurisdiction), jurisdictionRank(b.List.Jurisdiction)),
		cmp.Compare(a.List.Jurisdiction, b.List.Jurisdiction),
		cmp.Compare(a.List.ID, b.List.ID),
		cmp.Compare(a.Entry.ID, b.Entry.ID),
	)
}

// jurisdictionRank puts the UN floor first and the EU before member and
// other states, the order a compliance officer reads them in.
func jurisdictionRank(j string) int {
	switch j {
	case "UN":
		return 0
	case "EU":
		return 1
	}
	return 2
}

// Entries returns every entry of the lists that pass opts, in the order of
// [Catalogue.Lookup]. It reads the index by list, jurisdiction or kind,
// whichever filter is given first.
func (c *Catalogue) Entries(opts Options) []Match {
	opts = c.Resolve(opts)
	index, values := "id", []string{""}
	switch {
	case len(opts.Lists) > 0:
		index, values = "list", opts.Lists
	case len(opts.Jurisdictions) > 0:
		index, values = "jurisdiction", opts.Jurisdictions
	case len(opts.Kinds) > 0:
		index, values = "kind", nil
		for _, k := range opts.Kinds {
			values = append(values, string(k))
		}
	}
	if index == "id" {
		index = "id_prefix"
	}
	txn := c.db.Txn(false)
	seen := map[*Entry]bool{}
	var out []Match
	for _, v := range values {
		it, err := txn.Get(patternTable, index, v)
		if err != nil {
			continue // every index named above is in the schema
		}
		for obj := it.Next(); obj != nil; obj = it.Next() {
			r := obj.(*patternRow)
			if seen[r.entry] || !opts.keep(r) {
				continue
			}
			seen[r.entry] = true
			out = append(out, Match{List: r.list, Entry: r.entry, Pattern: r.entry.Codes[0], Coverage: Full, rank: r.rank})
		}
	}
	slices.SortFunc(out, compareMatches)
	return out
}
