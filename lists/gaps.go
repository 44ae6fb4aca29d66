package lists

import (
	"slices"
	"time"
)

// Gap is a category of a baseline list (the UN floor) that a jurisdiction
// does not control, or controls only in part.
type Gap struct {
	// Record is "gap", telling a gap from a [Copy] in one stream.
	Record       string `json:"record"`
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

// Copy is a category of a baseline list that a jurisdiction covers only
// with entries whose codes copy the baseline's own derivation
// ([Entry.DerivedFrom]): the jurisdiction's text is known only as a
// repetition of the baseline's wording, so "no gap" there says nothing
// about the national law.
type Copy struct {
	// Record is "same-derivation", telling a copy from a [Gap] in one
	// stream.
	Record       string   `json:"record"`
	Jurisdiction string   `json:"jurisdiction"`
	Baseline     string   `json:"baseline_entry"`
	Category     string   `json:"category"`
	Entries      []string `json:"entries"`
}

// Copies returns, for every jurisdiction of lists other than the
// baseline's, the baseline entries it covers only through entries derived
// from a baseline list, in the order of [Gaps].
func Copies(baseline, lists []*List) []Copy {
	baseIDs := map[string]bool{}
	for _, l := range baseline {
		baseIDs[l.ID] = true
	}
	base, order, byJ := againstBaseline(baseline, lists)
	var out []Copy
	for _, j := range order {
		for _, b := range base {
			var touching []*Entry
			for _, p := range b.Codes {
				for _, e := range byJ[j] {
					if _, n := extentOf([]*Entry{e}, p.Code.Digits()); n > 0 && !slices.Contains(touching, e) {
						touching = append(touching, e)
					}
				}
			}
			if len(touching) == 0 || slices.ContainsFunc(touching, func(e *Entry) bool { return !baseIDs[e.DerivedFrom] }) {
				continue
			}
			out = append(out, Copy{Record: "same-derivation", Jurisdiction: j, Baseline: b.ID, Category: b.Category, Entries: ids(touching)})
		}
	}
	return out
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
	base, order, byJ := againstBaseline(baseline, lists)
	var out []Gap
	for _, j := range order {
		for _, b := range base {
			g := Gap{Record: "gap", Jurisdiction: j, Baseline: b.ID, Category: b.Category, Citation: b.Citation, Extent: All}
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

// againstBaseline returns the baseline's entries, and the entries of every
// other jurisdiction of lists by jurisdiction, in [InForce] order: what
// [Gaps] and [Copies] compare.
func againstBaseline(baseline, lists []*List) (base []*Entry, order []string, byJ map[string][]*Entry) {
	baseJ := map[string]bool{}
	for _, l := range baseline {
		base = append(base, l.Entries...)
		baseJ[l.Jurisdiction] = true
	}
	byJ = map[string][]*Entry{}
	for _, l := range InForce(lists, time.Time{}) {
		if baseJ[l.Jurisdiction] {
			continue
		}
		if _, ok := byJ[l.Jurisdiction]; !ok {
			order = append(order, l.Jurisdiction)
		}
		byJ[l.Jurisdiction] = append(byJ[l.Jurisdiction], l.Entries...)
	}
	return base, order, byJ
}
