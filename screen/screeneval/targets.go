package screeneval

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Target is one of the targets, judged on a run.
type Target struct {
	// What names the measure ("typos, entities: found").
	What string
	// Goal is the target as the issue states it ("≥ 99%").
	Goal string
	// Value is the measure on this run.
	Value string
	Met   bool
}

// goal is a target on one row of one set: a share of the row's probes
// (found, match or review) compared with a bound, or the row's p50.
type goal struct {
	what, set, row string
	measure        func(*Tally) float64
	// atLeast says whether the measure must reach bound (recall) or stay
	// at or under it (false alerts, time).
	atLeast bool
	bound   float64
	unit    string
}

func foundPct(t *Tally) float64  { return pct(t.Found, t.N) }
func matchPct(t *Tally) float64  { return pct(t.Match, t.N) }
func reviewPct(t *Tally) float64 { return pct(t.Review, t.N) }
func p50(t *Tally) float64       { return t.P50 }
func alertPct(t *Tally) float64  { return pct(t.Match+t.Review, t.N) }

// goals are the screening targets the sets measure:
// single-typo variants of UN DPRK names found (entities ≥ 99%, persons
// ≥ 98%); same name with a disjoint birth year and another country ≤ 5%
// automatic match; innocent companies no automatic match, and the
// README's rice shipper clear; 50,000 ordinary
// names ≤ 0.1% automatic match and ≤ 3% review; the cross-script names
// found; p50 ≤ 50 µs per organisation query on UN+OFAC.
var goals = []goal{
	{"typos, entities: found", "Typos", "entities", foundPct, true, 99, "%"},
	{"typos, persons: found", "Typos", "persons", foundPct, true, 98, "%"},
	{"typos, entities: p50 per query", "Typos", "entities", p50, false, 50, " µs"},
	{"numerals: found", "Numerals", "all", foundPct, true, 99, "%"},
	{"same name, different person: automatic match", "Same name, different person", "all", matchPct, false, 5, "%"},
	{"innocent companies, name only: automatic match", "Innocent companies", "name only", matchPct, false, 0, "%"},
	{"innocent companies, with country: automatic match", "Innocent companies", "with country", matchPct, false, 0, "%"},
	{"README rice shipper (Siam Rice Exporters): not clear", "Innocent companies", "README rice shipper", alertPct, false, 0, "%"},
	{"cross-script DPRK names: found", "Cross-script", "dprk", foundPct, true, 100, "%"},
	{"ordinary names with nationality and birth date: automatic match", "Ordinary names, with nationality and birth date", "all", matchPct, false, 0.1, "%"},
	{"ordinary names with nationality and birth date: review", "Ordinary names, with nationality and birth date", "all", reviewPct, false, 3, "%"},
	{"ordinary names, name only: automatic match", "Ordinary names, name only", "all", matchPct, false, 0.1, "%"},
	{"ordinary names, name only: review", "Ordinary names, name only", "all", reviewPct, false, 3, "%"},
}

// judge returns the targets whose sets ran.
func (r *Report) judge() []Target {
	var out []Target
	for _, g := range goals {
		t := r.row(g.set, g.row)
		if t == nil || t.N == 0 {
			continue
		}
		v := g.measure(t)
		met := v <= g.bound
		op := "≤"
		if g.atLeast {
			met, op = v >= g.bound, "≥"
		}
		out = append(out, Target{What: g.what, Goal: fmt.Sprintf("%s %g%s", op, g.bound, g.unit),
			Value: fmt.Sprintf("%.2f%s", v, g.unit), Met: met})
	}
	return out
}

// row finds a row, a total or an extra total of a set by its group.
func (r *Report) row(set, group string) *Tally {
	for i := range r.Sets {
		s := &r.Sets[i]
		if s.Name != set {
			continue
		}
		if s.Total.Group == group {
			return &s.Total
		}
		for j := range s.Rows {
			if s.Rows[j].Group == group {
				return &s.Rows[j]
			}
		}
		for j := range s.Totals {
			if s.Totals[j].Group == group {
				return &s.Totals[j]
			}
		}
	}
	return nil
}

// printTargets writes the targets as a table.
func printTargets(w io.Writer, ts []Target) {
	if len(ts) == 0 {
		return
	}
	fmt.Fprintln(w, "\nTargets (UN + OFAC loaded together):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  measure\ttarget\tthis run\tmet\t")
	for _, t := range ts {
		met := "no"
		if t.Met {
			met = "yes"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t\n", t.What, t.Goal, t.Value, met)
	}
	tw.Flush()
}
