package hs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Relation says how codes of two editions correspond, seen from the edition
// being mapped from: Split means one code became several.
type Relation string

// The relations of the UNSD correlation tables, oriented from the source
// edition to the target edition.
const (
	OneToOne   Relation = "1:1" // unchanged or renumbered
	Split      Relation = "1:n" // one source code became several targets
	Merge      Relation = "n:1" // several source codes became one target
	ManyToMany Relation = "n:n" // parts of several codes were regrouped
)

// Link is one correspondence between a code of one edition and a code of
// another.
type Link struct {
	From, To Code
	Relation Relation
	// Partial reports that only part of From's goods correspond to To: From
	// is linked to other codes as well. The UNSD tables mark such codes
	// "ex".
	Partial bool
}

// Correlation maps HS6 codes between two editions in both directions. It is
// immutable once read and safe for concurrent use.
type Correlation struct {
	a, b    Edition
	forward linkIndex // a → b
	reverse linkIndex // b → a
}

// linkIndex holds the links out of the HS6 codes of one edition.
type linkIndex struct {
	links map[string][]Link // by From, each sorted by To
	keys  []string          // the keys of links, sorted, for prefix ranges
}

// ReadCorrelation reads a UNSD correlation or conversion table in CSV form.
// The header names the two editions ("HS2022,HS2017"), and every row links
// an HS6 code of the first to an HS6 code of the second. An optional
// "relationship" column gives the relation from the first edition to the
// second; without it, as in a conversion table, the relation of each link
// is worked out from how many links its two codes have. An optional
// "partial_ex" column holds "ex" where the UNSD marks the second edition's
// code as only partly covered.
func ReadCorrelation(r io.Reader) (*Correlation, error) {
	f, err := readCSVHeader(r, true)
	if err != nil {
		return nil, err
	}
	h, err := readCorrelationHeader(f.header)
	if err != nil {
		return nil, err
	}
	var rows []correlationRow
	firstLine := map[[2]string]int{} // where each pair was first seen
	outA, outB := map[string]int{}, map[string]int{}
	err = f.each(func(line int, rec []string) error {
		row, err := h.row(line, rec)
		if err != nil {
			return err
		}
		pair := [2]string{row.from.digits, row.to.digits}
		if first, ok := firstLine[pair]; ok {
			return &LoadError{Line: line, Err: fmt.Errorf("link %s → %s repeats line %d", row.from, row.to, first)}
		}
		firstLine[pair] = line
		outA[row.from.digits]++
		outB[row.to.digits]++
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, &LoadError{Err: errors.New("no correspondences")}
	}
	c := &Correlation{a: h.a, b: h.b, forward: linkIndex{links: map[string][]Link{}}, reverse: linkIndex{links: map[string][]Link{}}}
	for _, r := range rows {
		splits, merges := outA[r.from.digits] > 1, outB[r.to.digits] > 1
		rel := r.rel
		if rel == "" {
			rel = relation(splits, merges)
		}
		c.forward.links[r.from.digits] = append(c.forward.links[r.from.digits], Link{From: r.from, To: r.to, Relation: rel, Partial: splits})
		c.reverse.links[r.to.digits] = append(c.reverse.links[r.to.digits], Link{From: r.to, To: r.from, Relation: rel.inverse(), Partial: merges || r.ex})
	}
	c.forward.sort()
	c.reverse.sort()
	return c, nil
}

// correlationHeader is the layout of a correlation table: its two
// editions and the columns of the optional relationship and partial_ex
// fields (-1 when absent).
type correlationHeader struct {
	names         []string
	a, b          Edition
	relCol, exCol int
}

// correlationRow is one link of a correlation table as read.
type correlationRow struct {
	from, to Code
	rel      Relation
	ex       bool
}

func readCorrelationHeader(header []string) (*correlationHeader, error) {
	if len(header) < 2 {
		return nil, &LoadError{Line: 1, Err: errors.New("want at least two edition columns")}
	}
	h := &correlationHeader{names: header, relCol: -1, exCol: -1}
	var err error
	if h.a, err = ParseEdition(header[0]); err != nil {
		return nil, &LoadError{Line: 1, Field: header[0], Err: err}
	}
	if h.b, err = ParseEdition(header[1]); err != nil {
		return nil, &LoadError{Line: 1, Field: header[1], Err: err}
	}
	if h.a == h.b {
		return nil, &LoadError{Line: 1, Field: header[1], Err: fmt.Errorf("both columns are %s", h.a)}
	}
	for i, name := range header {
		switch strings.TrimSpace(name) {
		case "relationship":
			h.relCol = i
		case "partial_ex":
			h.exCol = i
		}
	}
	return h, nil
}

// row reads the link of one record.
func (h *correlationHeader) row(line int, rec []string) (correlationRow, error) {
	var row correlationRow
	if len(rec) < len(h.names) {
		return row, &LoadError{Line: line, Err: fmt.Errorf("%d fields, header has %d", len(rec), len(h.names))}
	}
	var err error
	if row.from, err = hs6(rec[0]); err != nil {
		return row, &LoadError{Line: line, Field: h.names[0], Err: err}
	}
	if row.to, err = hs6(rec[1]); err != nil {
		return row, &LoadError{Line: line, Field: h.names[1], Err: err}
	}
	if h.relCol >= 0 {
		row.rel = Relation(strings.TrimSpace(rec[h.relCol]))
		switch row.rel {
		case OneToOne, Split, Merge, ManyToMany:
		default:
			return row, &LoadError{Line: line, Field: "relationship", Err: fmt.Errorf("unknown relationship %q (want 1:1, 1:n, n:1 or n:n)", rec[h.relCol])}
		}
	}
	if h.exCol >= 0 {
		switch v := strings.TrimSpace(rec[h.exCol]); v {
		case "":
		case "ex":
			row.ex = true
		default:
			return row, &LoadError{Line: line, Field: "partial_ex", Err: fmt.Errorf("%q is neither empty nor \"ex\"", rec[h.exCol])}
		}
	}
	return row, nil
}

// hs6 parses a code of a correlation table, which links six-digit codes.
func hs6(s string) (Code, error) {
	c, err := Parse(s)
	if err != nil {
		return Code{}, err
	}
	if c.Len() != 6 {
		return Code{}, fmt.Errorf("code %s has %d digits, want an HS6 subheading", c, c.Len())
	}
	return c, nil
}

func (x *linkIndex) sort() {
	for k, ls := range x.links {
		slices.SortFunc(ls, func(p, q Link) int { return strings.Compare(p.To.digits, q.To.digits) })
		x.keys = append(x.keys, k)
	}
	slices.Sort(x.keys)
}

// prefixed returns the keys that start with prefix.
func (x *linkIndex) prefixed(prefix string) []string {
	i, _ := slices.BinarySearch(x.keys, prefix)
	j := i
	for j < len(x.keys) && strings.HasPrefix(x.keys[j], prefix) {
		j++
	}
	return x.keys[i:j]
}

// relation names the relation of a link whose source has other targets
// (splits) or whose target has other sources (merges).
func relation(splits, merges bool) Relation {
	switch {
	case splits && merges:
		return ManyToMany
	case splits:
		return Split
	case merges:
		return Merge
	}
	return OneToOne
}

// OpenCorrelation reads a correlation table from a file.
func OpenCorrelation(ctx context.Context, path string) (*Correlation, error) {
	return readFile(ctx, path, ReadCorrelation)
}

func (r Relation) inverse() Relation {
	switch r {
	case Split:
		return Merge
	case Merge:
		return Split
	}
	return r
}

// Editions returns the two editions the table links.
func (c *Correlation) Editions() (Edition, Edition) { return c.a, c.b }

// ErrNotInEdition reports a code that the correlation table does not have.
var ErrNotInEdition = errors.New("code not in the correlation table")

// Map returns the codes of the other edition that correspond to code of
// edition from, sorted by target code; more than one target means the goods
// of code are split across them. Codes are linked at six digits, so digits
// beyond HS6 are dropped (national lines do not carry across editions) and
// the links' From is the HS6 code. A heading or chapter maps to the headings
// or chapters of its subheadings' targets, with the relation worked out at
// that level: heading 8903 of HS2017 maps one-to-one to heading 8903 of
// HS2022 although subheading 8903 92 was split.
func (c *Correlation) Map(code Code, from Edition) ([]Link, error) {
	var src, dst *linkIndex
	switch from {
	case c.a:
		src, dst = &c.forward, &c.reverse
	case c.b:
		src, dst = &c.reverse, &c.forward
	default:
		return nil, fmt.Errorf("hs: correlation links %s and %s, not %s", c.a, c.b, from)
	}
	if code.IsZero() {
		return nil, fmt.Errorf("hs: %s: no code to map", from)
	}
	if code.Len() >= 6 {
		links := src.links[code.HS6()]
		if len(links) == 0 {
			return nil, fmt.Errorf("hs: %s %s: %w", from, code, ErrNotInEdition)
		}
		return slices.Clone(links), nil
	}
	n := code.Len()
	// A heading's links lead to few distinct headings, so a linear search
	// keeps the targets distinct more cheaply than a map.
	var targets []Code
	for _, k := range src.prefixed(code.digits) {
		for _, l := range src.links[k] {
			if t := l.To.Truncate(n); !slices.Contains(targets, t) {
				targets = append(targets, t)
			}
		}
	}
	if len(targets) == 0 {
		return nil, fmt.Errorf("hs: %s %s: %w", from, code, ErrNotInEdition)
	}
	slices.SortFunc(targets, func(p, q Code) int { return strings.Compare(p.digits, q.digits) })
	splits := len(targets) > 1
	links := make([]Link, 0, len(targets))
	for _, t := range targets {
		// The target merges codes when any of its subheadings leads back to
		// a code outside the one being mapped.
		merges := false
	back:
		for _, k := range dst.prefixed(t.digits) {
			for _, l := range dst.links[k] {
				if !code.Covers(l.To) {
					merges = true
					break back
				}
			}
		}
		links = append(links, Link{From: code, To: t, Relation: relation(splits, merges), Partial: splits})
	}
	return links, nil
}
