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
	// subdivided holds every code that has a line one level deeper, so that
	// Exists can tell "8703.24.00", a CN8 that repeats an undivided HS6,
	// from "8703.24.99", which does not exist.
	subdivided map[string]bool
	order      []string
}

// NewTable builds a table from items. Items with the same code are merged,
// their descriptions joined with " — " in the order given, because national
// nomenclatures repeat a code on each indented line that leads to it.
func NewTable(ed Edition, items []Item) (*Table, error) {
	if ed.IsZero() {
		return nil, fmt.Errorf("hs: NewTable: no edition")
	}
	t := &Table{edition: ed, items: make(map[string]Item, len(items)), subdivided: make(map[string]bool)}
	for _, it := range items {
		if it.Code.IsZero() {
			return nil, fmt.Errorf("hs: NewTable: item %q has no code", it.Description)
		}
		d := it.Code.digits
		if prev, ok := t.items[d]; ok {
			if it.Description != "" && !strings.Contains(prev.Description, it.Description) {
				prev.Description += " — " + it.Description
				t.items[d] = prev
			}
			continue
		}
		t.items[d] = it
		t.order = append(t.order, d)
		if p, ok := it.Code.Parent(); ok {
			t.subdivided[p.digits] = true
		}
	}
	slices.Sort(t.order)
	return t, nil
}

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
// when the table has it, or when it is its valid parent padded with "00" and
// that parent is not subdivided: national nomenclatures write an undivided
// HS6 910121 as CN8 9101 21 00. A code deeper than every line of the table
// (a 10-digit code checked against an HS6 table) is valid when its deepest
// covered prefix is valid, since the table cannot judge national digits.
func (t *Table) Exists(c Code) bool {
	d := c.digits
	if d == "" {
		return false
	}
	if _, ok := t.items[d]; ok {
		return true
	}
	for len(d) > 2 && strings.HasSuffix(d, "00") {
		p := d[:len(d)-2]
		if _, ok := t.items[p]; ok {
			return !t.subdivided[p]
		}
		d = p
	}
	// A code longer than anything the table holds below an existing prefix.
	for n := len(c.digits) - 2; n >= 6; n -= 2 {
		p := c.digits[:n]
		if _, ok := t.items[p]; ok {
			return !t.subdivided[p]
		}
	}
	return false
}

// Children returns the lines one level below c, in code order.
func (t *Table) Children(c Code) []Item {
	var out []Item
	want := len(c.digits) + 2
	i, _ := slices.BinarySearch(t.order, c.digits)
	for ; i < len(t.order) && strings.HasPrefix(t.order[i], c.digits); i++ {
		if len(t.order[i]) == want {
			out = append(out, t.items[t.order[i]])
		}
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
