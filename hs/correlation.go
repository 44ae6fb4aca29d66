package hs

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	// Partial is set where the table marks the link "ex": only part of the
	// source code's goods moved to the target.
	Partial bool
}

// Correlation maps HS6 codes between two editions in both directions. It is
// immutable once read and safe for concurrent use.
type Correlation struct {
	a, b    Edition
	forward map[string][]Link // a → b
	reverse map[string][]Link // b → a
}

// ReadCorrelation reads a UNSD correlation or conversion table in CSV form.
// The header names the two editions ("HS2022,HS2017"); an optional
// "relationship" column gives the relation from the first edition to the
// second and an optional "partial_ex" column marks partial links. A
// conversion table without relationships is read as one-to-one links.
func ReadCorrelation(r io.Reader) (*Correlation, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, &LoadError{Line: 1, Err: fmt.Errorf("reading header: %w", err)}
	}
	if len(header) < 2 {
		return nil, &LoadError{Line: 1, Err: errors.New("want at least two edition columns")}
	}
	a, err := ParseEdition(strings.TrimPrefix(header[0], "\ufeff"))
	if err != nil {
		return nil, &LoadError{Line: 1, Field: header[0], Err: err}
	}
	b, err := ParseEdition(header[1])
	if err != nil {
		return nil, &LoadError{Line: 1, Field: header[1], Err: err}
	}
	relCol, exCol := -1, -1
	for i, h := range header {
		switch strings.TrimSpace(h) {
		case "relationship":
			relCol = i
		case "partial_ex":
			exCol = i
		}
	}
	c := &Correlation{a: a, b: b, forward: map[string][]Link{}, reverse: map[string][]Link{}}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, &LoadError{Line: line, Err: err}
		}
		if len(rec) < len(header) {
			return nil, &LoadError{Line: line, Err: fmt.Errorf("%d fields, header has %d", len(rec), len(header))}
		}
		from, err := Parse(rec[0])
		if err != nil {
			return nil, &LoadError{Line: line, Field: header[0], Err: err}
		}
		to, err := Parse(rec[1])
		if err != nil {
			return nil, &LoadError{Line: line, Field: header[1], Err: err}
		}
		rel := OneToOne
		if relCol >= 0 {
			rel = Relation(strings.TrimSpace(rec[relCol]))
			switch rel {
			case OneToOne, Split, Merge, ManyToMany:
			default:
				return nil, &LoadError{Line: line, Field: "relationship", Err: fmt.Errorf("unknown relationship %q", rec[relCol])}
			}
		}
		partial := exCol >= 0 && strings.TrimSpace(rec[exCol]) != ""
		c.forward[from.digits] = append(c.forward[from.digits], Link{From: from, To: to, Relation: rel, Partial: partial})
		c.reverse[to.digits] = append(c.reverse[to.digits], Link{From: to, To: from, Relation: rel.inverse(), Partial: partial})
	}
	if len(c.forward) == 0 {
		return nil, &LoadError{Err: errors.New("no correspondences")}
	}
	return c, nil
}

// OpenCorrelation reads a correlation table from a file.
func OpenCorrelation(ctx context.Context, path string) (*Correlation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := ReadCorrelation(f)
	if err != nil {
		var le *LoadError
		if errors.As(err, &le) {
			le.File = filepath.Base(path)
		}
		return nil, err
	}
	return c, nil
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
// edition from. Codes are linked at six digits: a heading or chapter maps to
// the headings or chapters of all its subheadings' targets, and digits
// beyond HS6 are dropped because national lines do not carry across
// editions. The links are sorted by target code; more than one target means
// the goods of code are split across them.
func (c *Correlation) Map(code Code, from Edition) ([]Link, error) {
	var m map[string][]Link
	switch from {
	case c.a:
		m = c.forward
	case c.b:
		m = c.reverse
	default:
		return nil, fmt.Errorf("hs: correlation links %s and %s, not %s", c.a, c.b, from)
	}
	if code.Len() >= 6 {
		links := slices.Clone(m[code.HS6()])
		if len(links) == 0 {
			return nil, fmt.Errorf("hs: %s %s: %w", from, code, ErrNotInEdition)
		}
		slices.SortFunc(links, func(x, y Link) int { return strings.Compare(x.To.digits, y.To.digits) })
		return links, nil
	}
	// Shorter codes: gather every HS6 below and cut targets to the same depth.
	seen := map[string]bool{}
	var links []Link
	for d, ls := range m {
		if !strings.HasPrefix(d, code.digits) {
			continue
		}
		for _, l := range ls {
			t := l.To.Truncate(code.Len())
			if seen[t.digits] {
				continue
			}
			seen[t.digits] = true
			rel := OneToOne
			if t.digits != code.digits {
				rel = ManyToMany
			}
			links = append(links, Link{From: code, To: t, Relation: rel, Partial: t.digits != code.digits})
		}
	}
	if len(links) == 0 {
		return nil, fmt.Errorf("hs: %s %s: %w", from, code, ErrNotInEdition)
	}
	slices.SortFunc(links, func(x, y Link) int { return strings.Compare(x.To.digits, y.To.digits) })
	if len(links) > 1 {
		for i := range links {
			links[i].Relation = Split
		}
	}
	return links, nil
}
