package lists

import (
	"cmp"
	"slices"
)

// Comparison is what two lists control, heading by heading: the result of
// [Compare].
type Comparison struct {
	A string `json:"a"` // ID of the first list
	B string `json:"b"` // ID of the second list
	// Rows has one row for every chapter or heading that either list
	// controls any goods of, in code order.
	Rows []HeadingRow `json:"rows"`
	// Thresholds lists the headings both lists control but with different
	// value thresholds (including a threshold on one side only).
	Thresholds []ThresholdDiff `json:"threshold_differences"`
}

// HeadingRow is one heading (four digits) or, where a list names a whole
// chapter, one chapter (two digits), with how much of it each list controls
// and which entries do.
type HeadingRow struct {
	Heading  string   `json:"heading"`
	A        Extent   `json:"a"`
	B        Extent   `json:"b"`
	AEntries []string `json:"a_entries,omitempty"`
	BEntries []string `json:"b_entries,omitempty"`
	// SameDerivation is the ID of the list whose derivation every entry on
	// both sides copies (or belongs to), when there is one: the two sides
	// then agree by construction, not because the laws agree.
	SameDerivation string `json:"same_derivation,omitempty"`
}

// ThresholdDiff is a heading both lists control under different value
// thresholds. A nil Threshold in a ref means that entry has none.
type ThresholdDiff struct {
	Heading string         `json:"heading"`
	A       []ThresholdRef `json:"a"`
	B       []ThresholdRef `json:"b"`
}

// ThresholdRef is the threshold of one entry touching a heading.
type ThresholdRef struct {
	Entry     string     `json:"entry"`
	Threshold *Threshold `json:"threshold"`
}

// Compare reports, by HS heading, what a controls that b does not, what b
// controls that a does not, where both control a heading to different
// extents, and where their value thresholds differ. Codes are compared by
// digits whatever their edition, which is sound at heading level for the
// editions since HS2012 except for the few headings the HS revisions moved.
// Compare the lists as they stand on a day with [List.At].
func Compare(a, b *List) Comparison {
	keys := map[string]bool{}
	for _, l := range []*List{a, b} {
		for _, e := range l.Entries {
			for _, p := range e.Codes {
				d := p.Code.Digits()
				keys[d[:min(len(d), 4)]] = true
			}
		}
	}
	c := Comparison{A: a.ID, B: b.ID}
	for _, k := range sortedKeys(keys) {
		ea, ta := touching(a.Entries, k)
		eb, tb := touching(b.Entries, k)
		row := HeadingRow{Heading: k, A: ea, B: eb, AEntries: ids(ta), BEntries: ids(tb), SameDerivation: sameOrigin(ta, tb)}
		c.Rows = append(c.Rows, row)
		if ea > None && eb > None && !sameThresholds(ta, tb) {
			c.Thresholds = append(c.Thresholds, ThresholdDiff{Heading: k, A: thresholdRefs(ta), B: thresholdRefs(tb)})
		}
	}
	return c
}

// OnlyA returns the rows a controls and b does not control at all.
func (c Comparison) OnlyA() []HeadingRow {
	return c.filter(func(r HeadingRow) bool { return r.A > None && r.B == None })
}

// OnlyB returns the rows b controls and a does not control at all.
func (c Comparison) OnlyB() []HeadingRow {
	return c.filter(func(r HeadingRow) bool { return r.B > None && r.A == None })
}

// Differ returns the rows both lists control, but to different extents.
func (c Comparison) Differ() []HeadingRow {
	return c.filter(func(r HeadingRow) bool { return r.A > None && r.B > None && r.A != r.B })
}

// Same returns the rows both lists control to the same extent.
func (c Comparison) Same() []HeadingRow {
	return c.filter(func(r HeadingRow) bool { return r.A > None && r.A == r.B })
}

func (c Comparison) filter(keep func(HeadingRow) bool) []HeadingRow {
	var out []HeadingRow
	for _, r := range c.Rows {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// touching returns the extent to which entries control key and the
// entries that touch it.
func touching(entries []*Entry, key string) (Extent, []*Entry) {
	var out []*Entry
	best := None
	for _, e := range entries {
		if x, n := extentOf([]*Entry{e}, key); n > 0 {
			out = append(out, e)
			best = max(best, x)
		}
	}
	return best, out
}

// Origin is the list whose wording an entry's codes were derived from:
// the list named by DerivedFrom, or else the entry's own list.
func (e *Entry) Origin() string {
	if e.DerivedFrom != "" {
		return e.DerivedFrom
	}
	return e.ListID
}

// sameOrigin returns the origin every entry of a and b shares, or "" when
// a side is empty or the origins differ. Two entries of one list do not
// count: a list compared with itself is not news.
func sameOrigin(a, b []*Entry) string {
	if len(a) == 0 || len(b) == 0 {
		return ""
	}
	o := a[0].Origin()
	for _, e := range append(slices.Clone(a), b...) {
		if e.Origin() != o || e.Basis != Derived {
			return ""
		}
	}
	return o
}

// SameDerivation returns the rows both sides control whose entries all
// copy one derivation (see [HeadingRow.SameDerivation]).
func (c Comparison) SameDerivation() []HeadingRow {
	return c.filter(func(r HeadingRow) bool { return r.SameDerivation != "" })
}

func ids(es []*Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func thresholdRefs(es []*Entry) []ThresholdRef {
	var out []ThresholdRef
	for _, e := range es {
		out = append(out, ThresholdRef{Entry: e.ID, Threshold: e.Threshold})
	}
	return out
}

// sameThresholds reports whether two sets of entries apply the same set
// of thresholds, "no threshold" included.
func sameThresholds(a, b []*Entry) bool {
	set := func(es []*Entry) []Threshold {
		var out []Threshold
		for _, e := range es {
			t := Threshold{}
			if e.Threshold != nil {
				t = *e.Threshold
				t.Note = "" // notes explain, they do not change the control
			}
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
		slices.SortFunc(out, func(x, y Threshold) int {
			return cmp.Or(cmp.Compare(x.Currency, y.Currency), cmp.Compare(x.Amount, y.Amount), cmp.Compare(x.Per, y.Per), cmp.Compare(x.PerQuantity, y.PerQuantity))
		})
		return out
	}
	return slices.Equal(set(a), set(b))
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
