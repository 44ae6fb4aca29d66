package lists

import (
	"cmp"
	"slices"
	"time"
)

// Step is one list in the succession of lists that bound a jurisdiction.
type Step struct {
	List *List
	// Via is the union through which the list bound the jurisdiction
	// ("EU" for GB until 2020); empty for the jurisdiction's own lists.
	Via string
	// Period is when the list bound the jurisdiction: its period in
	// force, cut to the jurisdiction's membership of Via.
	Period Period
}

// History returns the succession of lists that bound jurisdiction j, its
// own and those of the unions it belonged to while it was a member,
// ordered by the day each began to bind it, then by list ID. The UN lists,
// which bind every state, are history of "UN" only.
func (c *Catalogue) History(j string) []Step {
	var out []Step
	for _, l := range c.lists {
		if l.Jurisdiction == j {
			out = append(out, Step{List: l, Period: l.InForce})
			continue
		}
		for _, m := range c.membership.periods(l.Jurisdiction, j) {
			if p, ok := overlap(l.InForce, m); ok {
				out = append(out, Step{List: l, Via: l.Jurisdiction, Period: p})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Step) int {
		return cmp.Or(a.Period.From.Compare(b.Period.From), cmp.Compare(a.List.ID, b.List.ID))
	})
	return out
}

// periods returns the periods country was a member of union.
func (m *Membership) periods(union, country string) []Period {
	if m == nil {
		return nil
	}
	var out []Period
	for _, u := range m.unions {
		if u.id != union {
			continue
		}
		for _, ms := range u.members {
			if ms.country != country {
				continue
			}
			p := Period{From: ms.from}
			if !ms.until.IsZero() {
				until := ms.until
				p.Until = &until
			}
			out = append(out, p)
		}
	}
	return out
}

// overlap returns the days two periods share.
func overlap(a, b Period) (Period, bool) {
	from := a.From
	if b.From.After(from) {
		from = b.From
	}
	var until *time.Time
	for _, u := range []*time.Time{a.Until, b.Until} {
		if u != nil && (until == nil || u.Before(*until)) {
			until = u
		}
	}
	if until != nil && !until.After(from) {
		return Period{}, false
	}
	return Period{From: from, Until: until}, true
}
