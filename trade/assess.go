package trade

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// Assessor judges flows to and from the DPRK against a catalogue of
// control lists. It is safe for concurrent use.
type Assessor struct {
	cat *lists.Catalogue
	// bound says which jurisdictions' lists bind a country on a date (the
	// UN, its unions, itself).
	bound *lists.Membership
	// national holds the jurisdictions, other than the UN, that have a
	// list of goods in the catalogue; luxury those with a luxury list, of
	// which alone "not listed by the reporter" can be said.
	national, luxury map[string]bool
}

// NewAssessor returns an assessor over cat. Membership of unions (the EU
// list binds Germany; it bound the United Kingdom until the end of 2020)
// comes from j.
func NewAssessor(cat *lists.Catalogue, j *lists.Membership) *Assessor {
	a := &Assessor{cat: cat, bound: j, national: map[string]bool{}, luxury: map[string]bool{}}
	for _, l := range cat.Lists() {
		if l.Jurisdiction == "UN" || !slices.Contains(lists.GoodsKinds(), l.Kind) {
			continue
		}
		a.national[l.Jurisdiction] = true
		a.luxury[l.Jurisdiction] = a.luxury[l.Jurisdiction] || l.Kind == lists.Luxury
	}
	return a
}

// DefaultAssessor returns an assessor over the embedded catalogue
// ([lists.Default]) and its union membership.
func DefaultAssessor(ctx context.Context) (*Assessor, error) {
	cat, err := lists.Default(ctx)
	if err != nil {
		return nil, fmt.Errorf("trade: loading the catalogue: %w", err)
	}
	return NewAssessor(cat, cat.Membership()), nil
}

// Assessment is the judgement of one flow.
type Assessment struct {
	// Verdict is the strongest verdict that applies.
	Verdict Verdict
	// Coverage says how much of the goods under the flow's code the
	// deciding entry controls: all of them ([lists.Full]), only those its
	// category describes ([lists.Ex]), or some, because the flow's code is
	// less specific than the entry's ([lists.Partial]). It is empty when
	// no entry decides.
	Coverage lists.Coverage
	// WholePeriod reports whether the deciding entry was in force, and
	// bound the reporter, for the whole period; when false the flow mixes
	// trade before and after the entry took effect (or ended).
	WholePeriod bool
	// Basis is the deciding entry; nil for NotControlled and Review.
	Basis *Citation
	// Reason says why, in one sentence, for people.
	Reason string
	// Direction is the flow in the terms of the lists: supply to the DPRK
	// or procurement from it.
	Direction lists.Direction
	// Counterparty is the side that is not the DPRK, whose lists apply.
	Counterparty Country
	// Jurisdictions are the national or union jurisdictions whose lists
	// bind the counterparty in the period and that the catalogue holds
	// ("EU" for Germany, "RU" for Russia); empty when it holds none.
	Jurisdictions []string
	// UN, Reporter and Other are the entries that cover the code in the
	// period: the UN's, those of Jurisdictions, and other jurisdictions'
	// luxury lists.
	UN, Reporter, Other []Citation
}

// Citation is one catalogue entry that covers a flow's code in its period.
type Citation struct {
	// List and Entry are the catalogue IDs of the list and entry.
	List, Entry string
	// Jurisdiction and Kind are the list's: "UN", "EU", "RU"…; luxury,
	// sectoral or catch-all.
	Jurisdiction string
	Kind         lists.Kind
	// Instrument is the instrument's official reference, e.g. "S/RES/2397
	// (2017)".
	Instrument string
	// Citation locates the entry in the instrument, e.g. "S/RES/2397
	// (2017), paragraph 7".
	Citation string
	// Category is the entry's description of the goods it controls.
	Category string
	// Basis and Confidence say where the entry's codes come from and how
	// its transcription was checked, shown beside every cited entry.
	Basis      lists.Basis
	Confidence lists.Confidence
	// Pattern is the entry's code that matched; Ex marks an ex code,
	// which covers only the goods the entry's category describes. See
	// [Citation.PatternText].
	Pattern hs.Code
	Ex      bool
	// Coverage says how the pattern covers the flow's code.
	Coverage lists.Coverage
	// Threshold is the entry's value threshold in words ("> 250000 RUB
	// per item"), empty when it has none: the entry then covers only goods
	// above it.
	Threshold string
	// From and Until bound the time the entry was in force and bound the
	// counterparty, clipped to nothing: Until is zero while in force.
	From, Until time.Time
	// WholePeriod reports whether the entry was in force, and bound the
	// counterparty, for the whole period of the flow.
	WholePeriod bool
}

// Assess judges a flow to or from the DPRK; it returns an error wrapping
// [ErrNotDPRK] for any other flow.
//
// A trade statistic covers a period, not a day. An entry counts if it was
// in force on any day of the period; its citation says whether that was
// the whole period. The verdict prefers entries in force for the whole
// period, then the widest coverage, so an annual 2017 flow of cars is
// judged under UNSCR 2094 (in force all year) and cites UNSCR 2397 (from
// 22 December 2017) as in force for part of the period.
func (a *Assessor) Assess(f Flow) (Assessment, error) {
	return a.assess(f, nil)
}

// assessCache holds what judging the flows of one analysis looks up again
// and again: the catalogue's matches by code and direction (a lookup costs
// tens of allocations, and the flows of a large file share a few thousand
// codes), and the jurisdictions binding a counterparty at the start and on
// the last day of a period (a file has a few hundred of each). It is used
// by one goroutine.
type assessCache struct {
	matches map[matchKey][]lists.Match
	bound   map[boundKey][2][]string
}

func newAssessCache() *assessCache {
	return &assessCache{matches: map[matchKey][]lists.Match{}, bound: map[boundKey][2][]string{}}
}

type boundKey struct {
	country string
	period  Period
}

// boundBy returns the jurisdictions whose lists bind country at the start
// and on the last day of p, from cache when it is not nil. The slices are
// shared and must not be changed.
func (a *Assessor) boundBy(country string, p Period, cache *assessCache) (first, last []string) {
	if cache == nil {
		return a.bound.Of(country, p.Start()), a.bound.Of(country, p.LastDay())
	}
	k := boundKey{country, p}
	b, ok := cache.bound[k]
	if !ok {
		b = [2][]string{a.bound.Of(country, p.Start()), a.bound.Of(country, p.LastDay())}
		cache.bound[k] = b
	}
	return b[0], b[1]
}

type matchKey struct {
	code string
	dir  lists.Direction
}

// lookup returns the catalogue's matches for code in direction dir, from
// cache when it is not nil.
func (a *Assessor) lookup(code hs.Code, dir lists.Direction, cache *assessCache) []lists.Match {
	// A flow is judged against the lists of goods: an embargo covers every
	// flow of its state and says nothing about the goods.
	opts := lists.Options{Direction: dir, Kinds: lists.GoodsKinds()}
	if cache == nil {
		return a.cat.Lookup(code, opts)
	}
	k := matchKey{code.Digits(), dir}
	ms, ok := cache.matches[k]
	if !ok {
		ms = a.cat.Lookup(code, opts)
		cache.matches[k] = ms
	}
	return ms
}

// assess is Assess with the catalogue's matches and the jurisdictions
// binding the counterparty taken from cache.
func (a *Assessor) assess(f Flow, cache *assessCache) (Assessment, error) {
	if !f.DPRKSide() {
		return Assessment{}, fmt.Errorf("trade: %s:%d: %s to %s: %w", f.File, f.Line, f.Reporter.Code, f.Partner.Code, ErrNotDPRK)
	}
	return a.assessDPRK(f, cache), nil
}

// assessDPRK is assess for a flow known to be to or from the DPRK.
func (a *Assessor) assessDPRK(f Flow, cache *assessCache) Assessment {
	cp := f.Counterparty()
	out := Assessment{Direction: f.Direction(), Counterparty: cp}
	start, end := f.Period.Start(), f.Period.End()
	// Membership of a union can change within a period (the United Kingdom
	// left the EU list at the end of 2020), so it is read at both ends.
	member := map[string]bool{} // jurisdiction → binds for the whole period
	first, last := a.boundBy(cp.Code, f.Period, cache)
	for _, j := range first {
		member[j] = slices.Contains(last, j)
	}
	for _, j := range last {
		if _, ok := member[j]; !ok {
			member[j] = false
		}
	}
	for j := range member {
		if a.national[j] {
			out.Jurisdictions = append(out.Jurisdictions, j)
		}
	}
	slices.Sort(out.Jurisdictions)

	switch {
	case f.Code.IsZero():
		out.Verdict = Review
		out.Reason = fmt.Sprintf("code %s is not a commodity code (all commodities together), so no list can be applied to it", f.CodeText)
		return out
	case f.Code.Chapter() == "99":
		out.Verdict = Review
		out.Reason = fmt.Sprintf("code %s is in chapter 99, goods not specified by kind, so no list can be applied to it", f.Code)
		return out
	}

	for _, m := range a.lookup(f.Code, out.Direction, cache) {
		from, until := inForce(m)
		if !overlaps(from, until, start, end) {
			continue
		}
		c := citationOf(m, from, until)
		c.WholePeriod = !from.After(start) && (until.IsZero() || !until.Before(end))
		switch j := m.List.Jurisdiction; {
		case j == "UN":
			out.UN = append(out.UN, c)
		case slices.Contains(out.Jurisdictions, j):
			c.WholePeriod = c.WholePeriod && member[j]
			out.Reporter = append(out.Reporter, c)
		case m.List.Kind == lists.Luxury:
			out.Other = append(out.Other, c)
		}
	}

	decide := func(v Verdict, cs []Citation) bool {
		b := Strongest(cs)
		if b == nil {
			return false
		}
		out.Verdict, out.Basis, out.Coverage, out.WholePeriod = v, b, b.Coverage, b.WholePeriod
		return true
	}
	switch {
	case decide(ProhibitedUN, out.UN):
	case decide(ProhibitedReporter, out.Reporter):
	case watched(&out):
	case slices.ContainsFunc(out.Jurisdictions, func(j string) bool { return a.luxury[j] }) && decide(LuxuryNotListed, out.Other):
	case decide(LuxuryNoReporterList, out.Other):
	default:
		out.Verdict = NotControlled
	}
	out.Reason = reason(f, out)
	return out
}

// watched decides Review when a catch-all watch list of the UN or of the
// reporter covers the code and nothing prohibits it: such a list calls for
// a person to look, so the flow is not "not controlled".
func watched(a *Assessment) bool {
	for _, cs := range [][]Citation{a.UN, a.Reporter} {
		for i := range cs {
			if cs[i].Kind == lists.CatchAll {
				c := cs[i]
				a.Verdict, a.Basis, a.Coverage, a.WholePeriod = Review, &c, c.Coverage, c.WholePeriod
				return true
			}
		}
	}
	return false
}

// inForce returns when the entry of m was in force: the intersection of
// its list's and its own periods. A zero until means still in force.
func inForce(m lists.Match) (from, until time.Time) {
	from = m.List.InForce.From
	if m.Entry.InForce.From.After(from) {
		from = m.Entry.InForce.From
	}
	for _, u := range []*time.Time{m.List.InForce.Until, m.Entry.InForce.Until} {
		if u != nil && (until.IsZero() || u.Before(until)) {
			until = *u
		}
	}
	return from, until
}

func overlaps(from, until, start, end time.Time) bool {
	return from.Before(end) && (until.IsZero() || until.After(start))
}

func citationOf(m lists.Match, from, until time.Time) Citation {
	c := Citation{
		List:         m.List.ID,
		Entry:        m.Entry.ID,
		Jurisdiction: m.List.Jurisdiction,
		Kind:         m.List.Kind,
		Instrument:   m.List.Instrument.Reference,
		Citation:     m.Entry.Citation,
		Category:     m.Entry.Category,
		Basis:        m.Entry.Basis,
		Confidence:   m.Entry.Confidence,
		Pattern:      m.Pattern.Code,
		Ex:           m.Pattern.Ex,
		Coverage:     m.Coverage,
		From:         from,
		Until:        until,
	}
	if t := m.Entry.Threshold; t != nil {
		op := ">"
		if t.Inclusive {
			op = "≥"
		}
		per := string(t.Per)
		if t.PerQuantity != 0 && t.PerQuantity != 1 {
			per = strconv.FormatFloat(t.PerQuantity, 'f', -1, 64) + " " + per
		}
		c.Threshold = fmt.Sprintf("%s %s %s per %s", op, strconv.FormatFloat(t.Amount, 'f', -1, 64), t.Currency, per)
	}
	return c
}

// Strongest returns the citation that decides a verdict among cs: the
// prohibiting kinds only (a catch-all watch list calls for review, it does
// not prohibit), in force for the whole period first, then the widest
// coverage, then without a threshold, then in catalogue order.
func Strongest(cs []Citation) *Citation {
	var best *Citation
	for i := range cs {
		c := &cs[i]
		if c.Kind == lists.CatchAll {
			continue
		}
		if best == nil || compareStrength(c, best) < 0 {
			best = c
		}
	}
	if best == nil {
		return nil
	}
	b := *best
	return &b
}

func compareStrength(a, b *Citation) int {
	rank := func(c lists.Coverage) int {
		switch c {
		case lists.Full:
			return 0
		case lists.Ex:
			return 1
		}
		return 2
	}
	boolRank := func(v bool) int {
		if v {
			return 0
		}
		return 1
	}
	return cmp.Or(
		cmp.Compare(boolRank(a.WholePeriod), boolRank(b.WholePeriod)),
		cmp.Compare(rank(a.Coverage), rank(b.Coverage)),
		cmp.Compare(boolRank(a.Threshold == ""), boolRank(b.Threshold == "")),
	)
}

// reason writes the one-sentence explanation of an assessment.
func reason(f Flow, a Assessment) string {
	if a.Basis == nil {
		if len(a.Jurisdictions) == 0 {
			return fmt.Sprintf("no UN measure and no luxury list in the catalogue covers %s in %s; %s has no list in the catalogue", f.Code, f.Period, f.Counterparty().Label())
		}
		return fmt.Sprintf("no UN measure, no %s list and no other luxury list covers %s in %s", strings.Join(a.Jurisdictions, " or "), f.Code, f.Period)
	}
	b := a.Basis
	var s string
	switch a.Verdict {
	case ProhibitedUN:
		s = "UN " + b.Citation
	case ProhibitedReporter:
		s = b.Jurisdiction + " " + b.Citation
	case Review:
		s = fmt.Sprintf("no list prohibits it, but the %s watch list %s (a call for review, not a ban)", b.Jurisdiction, b.Citation)
	default:
		s = fmt.Sprintf("not on the UN's or %s's lists, but %s %s", f.Counterparty().Label(), b.Jurisdiction, b.Citation)
		if a.Verdict == LuxuryNoReporterList {
			s = fmt.Sprintf("not on the UN's lists (no luxury list of %s's in the catalogue), but %s %s", f.Counterparty().Label(), b.Jurisdiction, b.Citation)
		}
	}
	switch b.Coverage {
	case lists.Full:
		s += fmt.Sprintf(" covers all goods under %s", f.Code)
	case lists.Ex:
		s += fmt.Sprintf(" covers only the goods its category describes (%s: %s)", b.PatternText(), b.Category)
	case lists.Partial:
		s += fmt.Sprintf(" covers part of the goods under %s (its code is %s)", f.Code, b.PatternText())
	}
	if b.Threshold != "" {
		s += ", above " + b.Threshold
	}
	if b.WholePeriod {
		s += fmt.Sprintf(", in force for the whole of %s", f.Period)
	} else {
		s += fmt.Sprintf(", in force for part of %s only (%s)", f.Period, b.Span())
	}
	return s
}

// PatternText writes the matched code as the catalogue does: "8703.24",
// or "ex 8703" for an ex code.
func (c Citation) PatternText() string {
	if c.Ex {
		return "ex " + c.Pattern.String()
	}
	return c.Pattern.String()
}

// Span writes the citation's in-force span: "from 2017-12-22",
// "2007-03-29 to 2019-12-31" (the last day in force).
func (c Citation) Span() string {
	if c.Until.IsZero() {
		return "from " + c.From.Format(time.DateOnly)
	}
	return c.From.Format(time.DateOnly) + " to " + c.Until.AddDate(0, 0, -1).Format(time.DateOnly)
}
