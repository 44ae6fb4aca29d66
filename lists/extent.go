package lists

import "strings"

// Extent says how much of the goods under a commodity code a set of entries
// controls. It is the cell value of a coverage matrix and the unit of a
// comparison between lists.
type Extent int

// The extents, in increasing order, so that the larger of two extents is
// the wider control.
const (
	// None: no entry covers any goods under the code.
	None Extent = iota
	// Some: entries cover part of the goods under the code, either
	// because their patterns are more specific than the code or because
	// a covering pattern is an "ex" code.
	Some
	// All: a pattern that is not "ex" covers the whole code.
	All
)

// String returns "none", "partial" or "full", the names the CLI prints.
func (x Extent) String() string {
	switch x {
	case Some:
		return "partial"
	case All:
		return "full"
	}
	return "none"
}

// MarshalText encodes the extent by name.
func (x Extent) MarshalText() ([]byte, error) { return []byte(x.String()), nil }

// extentOf returns how much of the goods under the code digits key the
// entries control, and how many of the entries touch key at all. Patterns
// match by prefix in either direction: a pattern at or above key covers it
// (fully unless "ex"), a pattern below key covers part of it.
func extentOf(entries []*Entry, key string) (Extent, int) {
	best, n := None, 0
	for _, e := range entries {
		touched := false
		for _, p := range e.Codes {
			d := p.Code.Digits()
			x := None
			switch {
			case len(d) <= len(key) && strings.HasPrefix(key, d):
				x = All
				if p.Ex {
					x = Some
				}
			case len(d) > len(key) && strings.HasPrefix(d, key):
				x = Some
			}
			if x > None {
				touched = true
				best = max(best, x)
			}
		}
		if touched {
			n++
		}
	}
	return best, n
}
