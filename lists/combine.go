package lists

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Combine returns one list holding the entries of ls, so that a
// jurisdiction with several lists (a luxury list and a watch list, or two
// editions of one list) can be compared or drawn as a whole. The result has
// the given ID, the jurisdiction of the first list, the latest AsOf and the
// titles of its parts; its entries are shared with ls, not copied. It
// returns nil when ls is empty.
func Combine(id string, ls ...*List) *List {
	if len(ls) == 0 {
		return nil
	}
	out := &List{ID: id, Jurisdiction: ls[0].Jurisdiction, Target: ls[0].Target, Kind: ls[0].Kind, Direction: ls[0].Direction}
	var titles []string
	for _, l := range ls {
		titles = append(titles, l.Title)
		out.Entries = append(out.Entries, l.Entries...)
		if l.AsOf.After(out.AsOf) {
			out.AsOf = l.AsOf
		}
		if l.Direction != out.Direction {
			out.Direction = Both
		}
	}
	out.Title = strings.Join(titles, "; ")
	return out
}

// InForce returns the lists in force on date whose kind is one of kinds
// (all kinds when kinds is empty), ordered by jurisdiction (UN first, then
// EU, then the rest alphabetically) and ID. The zero date means any time.
func InForce(ls []*List, date time.Time, kinds ...Kind) []*List {
	var out []*List
	for _, l := range ls {
		if !l.InForce.Contains(date) || (len(kinds) > 0 && !slices.Contains(kinds, l.Kind)) {
			continue
		}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b *List) int {
		return cmp.Or(
			cmp.Compare(jurisdictionRank(a.Jurisdiction), jurisdictionRank(b.Jurisdiction)),
			cmp.Compare(a.Jurisdiction, b.Jurisdiction),
			cmp.Compare(a.ID, b.ID),
		)
	})
	return out
}

// inForceEntries returns the entries of l in force on date.
func inForceEntries(l *List, date time.Time) []*Entry {
	var out []*Entry
	for _, e := range l.Entries {
		if e.InForce.Contains(date) {
			out = append(out, e)
		}
	}
	return out
}

// At returns a copy of l that holds only the entries in force on date, for
// comparing lists as they stood on a day. The zero date keeps every entry.
func (l *List) At(date time.Time) *List {
	c := *l
	c.Entries = inForceEntries(l, date)
	return &c
}
