package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/lists"
)

// lineSpec is a set of tests one line must pass together.
type lineSpec struct {
	controlled      *controlledSpec
	mismatch        bool
	refFactor       float64
	valueAbove      *money
	unknownCurrency bool
	needsReview     bool
	luxuryUnknown   bool
	hs              []string
	// key identifies the tests, so that rules with equal line tests share
	// one evaluation per line.
	key string
}

type controlledSpec struct {
	by    []string
	kinds []string
	dated string // shipment or check
}

// match evaluates the tests on line i, once per shipment for each spec.
// A shipment has a few lines and a rule set a few specs, so the memo is a
// short list searched by pointer.
func (s *lineSpec) match(c *evalCtx, i int) outcome {
	for k := range c.memo {
		if c.memo[k].spec == s && c.memo[k].line == i {
			return c.memo[k].o
		}
	}
	o := s.eval(c, i)
	c.memo = append(c.memo, memoEntry{spec: s, line: i, o: o})
	return o
}

type memoEntry struct {
	spec *lineSpec
	line int
	o    outcome
}

func (s *lineSpec) eval(c *evalCtx, i int) outcome {
	ls := &c.lines[i]
	l := &c.s.Lines[i]
	out := outcome{ok: true, certain: true}
	add := func(detail string, uncertain bool) {
		out.ev = append(out.ev, Evidence{Line: i + 1, Detail: ls.label + ": " + detail, Uncertain: uncertain})
		if uncertain {
			out.certain = false
		}
	}
	if s.hs != nil {
		code := ls.a.Code
		if code == "" || !slices.ContainsFunc(s.hs, func(p string) bool { return strings.HasPrefix(code, p) }) {
			return outcome{}
		}
		add("code "+code, false)
	}
	if s.needsReview {
		if ls.err == nil && len(ls.a.NeedsReview) == 0 {
			return outcome{}
		}
		if ls.err != nil {
			add("goods could not be judged: "+ls.err.Error(), false)
		}
		for _, r := range ls.a.NeedsReview {
			add(r, false)
		}
	}
	if s.luxuryUnknown {
		reasons, ok := luxuryUnknown(ls, c.asOf)
		if !ok {
			return outcome{}
		}
		for _, r := range reasons {
			add("luxury unknown: "+r, false)
		}
	}
	if s.unknownCurrency {
		if !ls.currencyUnknown {
			return outcome{}
		}
		add(fmt.Sprintf("no exchange rate for %s to %s", l.Currency, c.base()), false)
	}
	if s.mismatch {
		mm := ls.a.Mismatch
		if mm == nil {
			return outcome{}
		}
		add(fmt.Sprintf("declared %s, description fits %s: %s: %s", mm.Declared, mm.Described, mm.Kind, mm.Reason), false)
	}
	if s.valueAbove != nil {
		v, err := c.rates.Convert(l.Value, l.Currency, s.valueAbove.currency)
		switch {
		case err != nil:
			add(fmt.Sprintf("value %.2f %s cannot be compared with %.2f %s: no rate", l.Value, l.Currency, s.valueAbove.amount, s.valueAbove.currency), true)
		case v <= s.valueAbove.amount:
			return outcome{}
		default:
			add(fmt.Sprintf("value %.2f %s above %.2f %s", v, s.valueAbove.currency, s.valueAbove.amount, s.valueAbove.currency), false)
		}
	}
	if s.refFactor > 0 {
		detail, uncertain, ok := c.aboveReference(l, ls.a.Code, s.refFactor)
		if !ok {
			return outcome{}
		}
		add(detail, uncertain)
	}
	if s.controlled != nil {
		applied := c.applicable(i, s.controlled)
		if len(applied) == 0 {
			return outcome{}
		}
		detail, certain, cites := c.controlledBy(applied)
		out.cites = cites
		add(detail, !certain)
	}
	return out
}

// luxuryUnknown reports whether a line's luxury is unknown, as a
// classifier's result would say it (see classify.Luxury), and why: no luxury
// control in force on date applies, and the line could not be judged, its
// classifier asks for review, or a luxury control cannot be ruled out.
func luxuryUnknown(ls *lineState, date time.Time) ([]string, bool) {
	var open []string
	for k := range ls.a.Controls {
		j := &ls.a.Controls[k]
		if j.List.Kind != lists.Luxury || !j.InForce(date) {
			continue
		}
		switch j.Applies {
		case lists.Applies:
			return nil, false
		case lists.CannotTell:
			open = append(open, j.List.ID+"/"+j.Entry.ID+" cannot be ruled out: "+j.Why)
		}
	}
	var why []string
	if ls.err != nil {
		why = append(why, "goods could not be judged: "+ls.err.Error())
	}
	why = append(why, ls.a.NeedsReview...)
	why = append(why, ls.a.Unsettled...)
	why = append(why, open...)
	return why, len(why) > 0
}

// aboveReference tests a line's unit value against the reference range of
// its code: ok is false when the code has no range or the value is within
// factor times its top.
func (c *evalCtx) aboveReference(l *Line, code string, factor float64) (detail string, uncertain, ok bool) {
	ref := c.prices.lookup(code)
	if ref == nil {
		return "", false, false
	}
	uv, known := lists.UnitValue(lists.Money{Amount: l.Value, Currency: l.Currency}, l.Quantity, l.Unit, ref.Unit, ref.Currency, c.rates)
	switch {
	case !known:
		return fmt.Sprintf("unit value cannot be compared with the reference range for %s (%.2f-%.2f %s per %s): quantity, unit or currency unknown", ref.HS, ref.Low, ref.High, ref.Currency, ref.Unit), true, true
	case uv <= factor*ref.High:
		return "", false, false
	}
	return fmt.Sprintf("unit value %.2f %s per %s is %.1f times the top of the normal range %.2f-%.2f for %s (%s)", uv, ref.Currency, ref.Unit, uv/ref.High, ref.Low, ref.High, ref.HS, ref.Source), false, true
}

// controlledBy spells out the controls a line is controlled by, the first
// maxShownControls in full, and cites them all. certain is false when
// none of them certainly applies.
func (c *evalCtx) controlledBy(applied []appliedControl) (detail string, certain bool, cites []Citation) {
	var parts []string
	cites = make([]Citation, 0, len(applied))
	// Law before reconstruction: the controls shown in full are those
	// closest to the instrument's text.
	slices.SortStableFunc(applied, func(a, b appliedControl) int { return a.ctl.Entry.Trust() - b.ctl.Entry.Trust() })
	recalled := true
	for k, a := range applied {
		recalled = recalled && a.ctl.Entry.Confidence == lists.Recalled
		certain = certain || a.certain
		cites = append(cites, c.citation(&a.ctl.Match))
		if k >= maxShownControls {
			continue
		}
		how := a.ctl.Pattern.Code.String()
		if a.ctl.Coverage != lists.Full {
			how = string(a.ctl.Coverage) + " " + how
		}
		p := fmt.Sprintf("%s %s %s (%s; %s/%s", a.ctl.List.Jurisdiction, a.ctl.List.Kind, a.ctl.Entry.ID, how, a.ctl.Entry.Basis.Short(), a.ctl.Entry.Confidence.Short())
		if !a.certain {
			p += "; uncertain"
		}
		if a.note != "" {
			p += "; " + a.note
		}
		parts = append(parts, p+")")
	}
	if n := len(applied) - maxShownControls; n > 0 {
		var js []string
		for _, a := range applied[maxShownControls:] {
			if !slices.Contains(js, a.ctl.List.Jurisdiction) {
				js = append(js, a.ctl.List.Jurisdiction)
			}
		}
		parts = append(parts, fmt.Sprintf("and %d more (%s)", n, strings.Join(js, ", ")))
	}
	detail = "controlled by " + strings.Join(parts, "; ")
	if recalled && len(applied) > 0 {
		detail += "; every one of these controls rests on recalled entries, not yet seen in a source: confirm against the instrument"
	}
	return detail, certain, cites
}

// maxShownControls is how many controls a line's evidence spells out; the
// citations name them all.
const maxShownControls = 4

// appliedControl is a control that applies to a line under a rule.
type appliedControl struct {
	ctl     *lists.Judgement
	certain bool
	note    string
}

// applicable returns the controls of line i that a controlled test
// selects: of the kinds and jurisdictions asked, in force on the date
// asked, and not judged out (below a value threshold, for one). The
// judgement is the goods assessor's; nothing here re-derives it.
func (c *evalCtx) applicable(i int, spec *controlledSpec) []appliedControl {
	ls := &c.lines[i]
	date := c.asOf
	if spec.dated == "check" {
		date = c.now
	}
	var out []appliedControl
	for k := range ls.a.Controls {
		j := &ls.a.Controls[k]
		if j.Applies == lists.DoesNotApply {
			continue
		}
		if len(spec.kinds) > 0 && !slices.Contains(spec.kinds, string(j.List.Kind)) {
			continue
		}
		if !c.binds(spec.by, j.List.Jurisdiction) || !j.InForce(date) {
			continue
		}
		a := appliedControl{ctl: j, certain: j.Applies == lists.Applies}
		// Notes are spelled out only for the controls the evidence shows;
		// the rest are cited by reference.
		if len(out) < maxShownControls {
			if !a.certain || j.Entry.Threshold != nil {
				a.note = j.Why
			}
			if spec.dated == "check" && !j.InForce(c.asOf) {
				a.note = join2(a.note, fmt.Sprintf("list in force from %s, after the shipment date; applied as of the check", j.Period().From.Format(dateLayout)))
			}
		}
		out = append(out, a)
	}
	return out
}

// citation returns the citation of the list entry of m, built once per
// entry.
func (c *evalCtx) citation(m *lists.Match) Citation {
	if v, ok := c.cites.Load(m.Entry); ok {
		return v.(Citation)
	}
	ct := Citation{Kind: "list", Ref: m.List.ID + "/" + m.Entry.ID, Text: m.Entry.Citation + ": " + m.Entry.Category, URL: m.List.Instrument.URL,
		Basis: m.Entry.Basis, Confidence: m.Entry.Confidence}
	c.cites.Store(m.Entry, ct)
	return ct
}

func join2(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// binds reports whether a list of jurisdiction j binds the shipment under
// a controlled test's "by".
func (c *evalCtx) binds(by []string, j string) bool {
	for _, b := range by {
		switch b {
		case "any":
			return true
		case "exporter":
			if c.exporterUnknown() || slices.Contains(c.exporterJ, j) {
				return true
			}
		case "transit":
			if slices.Contains(c.transitJ, j) {
				return true
			}
		default:
			if b == j {
				return true
			}
		}
	}
	return false
}

func (c *evalCtx) base() string {
	if c.rates == nil || c.rates.Base == "" {
		return defaultBase
	}
	return c.rates.Base
}

// defaultBase is the currency amounts are compared in when the caller
// gives no rates: the one most DPRK thresholds and reports use.
const defaultBase = "USD"
