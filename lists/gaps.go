package lists

import "time"

// Gap is a category of a baseline list (the UN floor) that a jurisdiction
// does not control, or controls only in part.
type Gap struct {
	Jurisdiction string `json:"jurisdiction"`
	// Baseline is the ID of the baseline entry, e.g. an item of UNSCR 2270
	// Annex V.
	Baseline string `json:"baseline_entry"`
	Category string `json:"category"`
	Citation string `json:"citation"`
	// Extent is None when no code of the category is controlled, Some when
	// part is (some codes not covered, or covered only by "ex" codes or
	// narrower codes).
	Extent Extent `json:"extent"`
	// Uncovered are the category's codes the jurisdiction does not touch.
	Uncovered []string `json:"uncovered,omitempty"`
}

// Gaps returns, for every jurisdiction of lists other than the baseline's
// own, the baseline entries it does not fully control, in the order of the
// jurisdictions ([InForce] order) and of the baseline entries. A baseline
// entry is fully controlled when each of its codes is covered by a pattern
// of the jurisdiction at or above it that is not "ex"; an "ex" baseline code
// is still only partly matched by an "ex" national code, since the two may
// describe different goods. Filter both inputs to the lists in force on a day
// with [InForce] and [List.At] first.
func Gaps(baseline, lists []*List) []Gap {
	var base []*Entry
	baseJ := map[string]bool{}
	for _, l := range baseline {
		base = append(base, l.Entries...)
		baseJ[l.Jurisdiction] = true
	}
	var order []string
	byJ := map[string][]*Entry{}
	for _, l := range InForce(lists, time.Time{}) {
		if baseJ[l.Jurisdiction] {
			continue
		}
		if _, ok := byJ[l.Jurisdiction]; !ok {
			order = append(order, l.Jurisdiction)
		}
		byJ[l.Jurisdiction] = append(byJ[l.Jurisdiction], l.Entries...)
	}
	var out []Gap
	for _, j := range order {
		for _, b := range base {
			g := Gap{Jurisdiction: j, Baseline: b.ID, Category: b.Category, Citation: b.Citation, Extent: All}
			touched := false
			for _, p := range b.Codes {
				x, _ := extentOf(byJ[j], p.Code.Digits())
				if x == None {
					g.Uncovered = append(g.Uncovered, p.Code.Digits())
				} else {
					touched = true
				}
				g.Extent = min(g.Extent, x)
			}
			if g.Extent == All {
				continue
			}
			if touched {
				g.Extent = Some
			}
			out = append(out, g)
		}
	}
	return out
}
