package hs

import (
	"fmt"
	"iter"
	"slices"
	"strings"
)

// Item is one line of a nomenclature.
type Item struct {
	Code        Code
	Description string
}

// Nomenclature is a set of codes of one edition with their descriptions.
// Implementations must be safe for concurrent reads.
type Nomenclature interface {
	// Edition returns the edition the codes belong to.
	Edition() Edition
	// Item returns the line for exactly this code.
	Item(c Code) (Item, bool)
	// Exists reports whether the code is valid in the edition; see
	// [Table.Exists] for how national codes padded with zeros are treated.
	Exists(c Code) bool
	// Items yields every line in code order.
	Items() iter.Seq[Item]
}

// Table is an in-memory [Nomenclature]. It is immutable once built and safe
// for concurrent use.
type Table struct {
	edition Edition
	items   map[string]Item
	// nodes holds every line and every even-length prefix of a line, since
	// national files leave levels implicit: the EU CN has no line for HS6
	// 2203 00 (heading 2203 goes straight to CN8 2203 00 01), and TARIC
	// 0106 90 00 10 has no CN8 line 0106 90 00 above it. The value is true
	// when the node has a node one level deeper, so that Exists can tell
	// "9101 21 00", a CN8 that repeats an undivided HS6, from "8703 24 00"
	// or "2203 00 00", whose parent is divided into other codes.
	nodes map[string]bool
	order []string // the lines' digits, sorted
	depth int      // digits of the deepest line
}

// NewTable builds a table from items. Items with the same code are merged,
// their distinct descriptions joined with " — " in the order given, because
// national nomenclatures repeat a code on each indented line that leads to
// it.
func NewTable(ed Edition, items []Item) (*Table, error) {
	if ed.IsZero() {
		return nil, fmt.Errorf("hs: NewTable: no edition")
	}
	t := &Table{edition: ed, items: make(map[string]Item, len(items)), nodes: make(map[string]bool, len(items))}
	for _, it := range items {
		if it.Code.IsZero() {
			return nil, fmt.Errorf("hs: NewTable: item %q has no code", it.Description)
		}
		d := it.Code.digits
		if prev, ok := t.items[d]; ok {
			if it.Description != "" && !slices.Contains(strings.Split(prev.Description, descSep), it.Description) {
				if prev.Description != "" {
					prev.Description += descSep
				}
				prev.Description += it.Description
				t.items[d] = prev
			}
			continue
		}
		t.items[d] = it
		t.order = append(t.order, d)
		t.depth = max(t.depth, len(d))
		for n := 2; n <= len(d); n += 2 {
			t.nodes[d[:n]] = t.nodes[d[:n]] || n < len(d)
		}
	}
	slices.Sort(t.order)
	return t, nil
}

// descSep joins the descriptions of the lines a nomenclature repeats.
const descSep = " — "

// Edition returns the table's edition.
func (t *Table) Edition() Edition { return t.edition }

// Len returns the number of distinct codes.
func (t *Table) Len() int { return len(t.order) }

// Item returns the line for exactly c.
func (t *Table) Item(c Code) (Item, bool) {
	it, ok := t.items[c.digits]
	return it, ok
}

// Exists reports whether c is valid in the table's edition. A code is valid
// when the table has a line for it or for a code below it (the HS6 2203 00
// of CN8 2203 00 10), or when it is such a code padded with "00" and that
// code is not divided further: national nomenclatures write an undivided
// HS6 910121 as CN8 9101 21 00, but 2203 00 00 does not exist because
// 2203 00 is divided into 2203 00 01, 2203 00 09 and 2203 00 10. A code
// deeper than every line of the table (a 10-digit code checked against an
// HS6 table) is judged by its prefix of the table's depth, since the table
// cannot judge the national digits.
func (t *Table) Exists(c Code) bool {
	d := c.digits
	if d == "" || t.depth == 0 {
		return false
	}
	if len(d) > t.depth {
		d = d[:t.depth]
	}
	if _, ok := t.nodes[d]; ok {
		return true
	}
	for len(d) > 2 && strings.HasSuffix(d, "00") {
		d = d[:len(d)-2]
		if divided, ok := t.nodes[d]; ok {
			return !divided
		}
	}
	return false
}

// Children returns the lines directly below c, in code order: the lines c
// covers with no other line of the table between them and c. Where a
// national nomenclature skips a level, they are more than two digits
// longer than c (the children of heading 2203 in the EU CN are CN8 lines).
func (t *Table) Children(c Code) []Item {
	if c.IsZero() {
		return nil
	}
	var out []Item
	last := "" // the last child taken; lines it covers are grandchildren
	i, _ := slices.BinarySearch(t.order, c.digits)
	for ; i < len(t.order) && strings.HasPrefix(t.order[i], c.digits); i++ {
		d := t.order[i]
		if d == c.digits || (last != "" && strings.HasPrefix(d, last)) {
			continue
		}
		out = append(out, t.items[d])
		last = d
	}
	return out
}

// Items yields every line in code order.
func (t *Table) Items() iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for _, d := range t.order {
			if !yield(t.items[d]) {
				return
			}
		}
	}
}

// ExistsIn reports whether code exists in edition ed according to the
// nomenclatures of ns of that edition (compared by [Edition.Base], so that
// CN2026 answers for HS2022 and any other CN year on the same base). known
// is false when ns holds no nomenclature of ed: nothing can then be said,
// and callers must not read a missing answer as "exists". A nomenclature
// of the HS system judges the first six digits only, since national digits
// are beyond it; a national one judges every digit. The code exists when
// any of them has it.
func ExistsIn(ns []Nomenclature, ed Edition, code Code) (exists, known bool) {
	for _, n := range ns {
		if n.Edition().Base() != ed.Base() {
			continue
		}
		known = true
		probe := code
		if n.Edition().System == "HS" {
			probe = code.Truncate(6)
		}
		if n.Exists(probe) {
			return true, true
		}
	}
	return false, known
}
