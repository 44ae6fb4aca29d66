package classify

import (
	"slices"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// unitKind groups the units a line's quantity may be given in.
type unitKind int

const (
	unitUnknown unitKind = iota
	unitCount            // pieces, items, heads, bottles
	unitPair
	unitSet
	unitKg
	unitGram
	unitLitre
	unitCarat
	unitM2
)

// parseUnit reads the unit of a line's quantity as written on documents.
func parseUnit(s string) unitKind {
	switch strings.ToLower(strings.TrimSpace(strings.TrimSuffix(s, "."))) {
	case "pcs", "pc", "piece", "pieces", "unit", "units", "u", "nos", "no", "ea", "each", "item", "items",
		"head", "heads", "animal", "animals", "btl", "btls", "bottle", "bottles", "nar", "stk", "pce", "pces":
		return unitCount
	case "pair", "pairs", "pr", "prs", "npr":
		return unitPair
	case "set", "sets":
		return unitSet
	case "kg", "kgs", "kilogram", "kilograms", "kgm":
		return unitKg
	case "g", "gr", "gram", "grams", "grm":
		return unitGram
	case "l", "lt", "ltr", "litre", "liter", "litres", "liters", "ltr.":
		return unitLitre
	case "ct", "carat", "carats", "car":
		return unitCarat
	case "m2", "sqm", "mtk":
		return unitM2
	}
	return unitUnknown
}

func thresholdUnit(u lists.Unit) unitKind {
	switch u {
	case lists.Item, lists.Animal:
		return unitCount
	case lists.Pair:
		return unitPair
	case lists.Set:
		return unitSet
	case lists.Kg:
		return unitKg
	case lists.Gram:
		return unitGram
	case lists.Litre:
		return unitLitre
	case lists.Carat:
		return unitCarat
	case lists.M2:
		return unitM2
	}
	return unitUnknown
}

func money(v float64, cur string) string {
	return strconv.FormatFloat(v, 'f', 2, 64) + " " + cur
}

// evalThreshold compares the line's unit value with a threshold. It never
// answers DoesNotApply for lack of data: a missing value, quantity or rate
// is CannotTell with the reason.
func evalThreshold(th *lists.Threshold, it *Item, rates Rates) (Applicability, string) {
	limit := money(th.Amount, th.Currency)
	per := string(th.Per)
	if th.PerQuantity > 0 && th.PerQuantity != 1 {
		per = strconv.FormatFloat(th.PerQuantity, 'f', -1, 64) + " " + per
	}
	if it.Value <= 0 {
		return CannotTell, "threshold " + limit + " per " + per + ": no value given"
	}
	if it.Currency == "" {
		return CannotTell, "threshold " + limit + " per " + per + ": the value has no currency"
	}
	v, err := rates.Convert(it.Value, it.Currency, th.Currency)
	if err != nil {
		return CannotTell, "threshold " + limit + " per " + per + ": " + strings.TrimPrefix(err.Error(), ErrRate.Error()+": ")
	}
	want := thresholdUnit(th.Per)
	have := parseUnit(it.Unit)
	pq := th.PerQuantity
	if pq <= 0 {
		pq = 1
	}
	qty := it.Quantity
	if have == unitUnknown && it.Unit == "" && qty > 0 && (want == unitCount) {
		have = unitCount // a bare count of goods
	}
	switch {
	case have == unitGram && want == unitKg:
		qty, have = qty/1000, unitKg
	case have == unitKg && want == unitGram:
		qty, have = qty*1000, unitGram
	}
	countLike := want == unitCount || want == unitPair || want == unitSet
	if qty <= 0 || have != want {
		// The whole line's value bounds each unit's value when there is at
		// least one unit of the threshold's kind.
		if countLike && pq <= 1 && !th.Exceeds(v) {
			return DoesNotApply, "line value " + money(v, th.Currency) + " does not exceed " + limit + " per " + per + ", so no single unit can"
		}
		why := "no quantity in " + per
		if qty > 0 {
			why = "quantity is in " + it.Unit + ", threshold is per " + per
		}
		return CannotTell, "threshold " + limit + " per " + per + ": " + why
	}
	unit := v / qty * pq
	if th.Exceeds(unit) {
		op := ">"
		if th.Inclusive {
			op = "≥"
		}
		return Applies, "unit value " + money(unit, th.Currency) + " per " + per + " " + op + " " + limit
	}
	return DoesNotApply, "unit value " + money(unit, th.Currency) + " per " + per + " is within " + limit
}

// controlsFor looks up the controls covering code and decides whether each
// applies. final is false when code is a heading the classifier could not
// resolve further (or one of several possible headings): then no control
// can be said to apply.
func (c *Classifier) controlsFor(code hs.Code, final bool, it *Item, t *text, opts lists.Options, out []Control) []Control {
	cl := c.lookup(code, final, opts.Direction)
	if cap(out)-len(out) < len(cl.base) {
		out = slices.Grow(out, len(cl.base))
	}
	// The catalogue names an entry once per lookup, so only controls of
	// earlier lookups (other headings of an undecided item) can repeat.
	earlier := out[:len(out):len(out)]
	for i := range cl.base {
		m := &cl.matches[i]
		if !opts.Date.IsZero() && !(m.List.InForce.Contains(opts.Date) && m.Entry.InForce.Contains(opts.Date)) {
			continue
		}
		if !c.keep(m.List) {
			continue
		}
		if slices.ContainsFunc(earlier, func(x Control) bool { return x.Entry == m.Entry.ID }) {
			continue
		}
		ctl := cl.base[i]
		if final && m.Coverage == lists.Ex {
			if kw := keywordIn(m.Entry.Keywords, c.keywords[m.Entry], t); kw != "" {
				ctl.Applies, ctl.Why = Applies, "ex "+m.Pattern.Code.String()+": description matches the category ("+kw+")"
			}
		}
		if m.Entry.Threshold != nil && it.Value <= 0 {
			// Without a value the answer is known in advance (see lookup).
			if ctl.Applies == Applies {
				ctl.Applies, ctl.Why = CannotTell, cl.noValue[i]
			} else {
				ctl.Why = cl.noValueJoined[i]
			}
		} else if m.Entry.Threshold != nil {
			// A value within the threshold rules the entry out even when
			// the goods are uncertain: had they been its goods, they would
			// still be below it.
			switch a, why := evalThreshold(m.Entry.Threshold, it, c.rates); a {
			case DoesNotApply:
				ctl.Applies, ctl.Why = DoesNotApply, why
			case CannotTell:
				if ctl.Applies == Applies {
					ctl.Applies, ctl.Why = CannotTell, why
				} else {
					ctl.Why += "; " + why
				}
			default:
				ctl.Why += "; " + why
			}
		}
		out = append(out, ctl)
	}
	return out
}

// keep reports whether a list passes the classifier's jurisdiction and
// kind filters.
func (c *Classifier) keep(l *lists.List) bool {
	if len(c.jurisdictions) > 0 && !slices.Contains(c.jurisdictions, l.Jurisdiction) {
		return false
	}
	return len(c.kinds) == 0 || slices.Contains(c.kinds, l.Kind)
}

// cachedLookup is the catalogue's answer for one code and direction at any
// date, with each control's answer before the item's value, text and date
// are considered.
type cachedLookup struct {
	matches []lists.Match
	base    []Control
	// noValue is, for entries with a threshold, why it cannot be judged
	// without a value, and noValueJoined the base Why followed by it: code
	// lookups without a value are the common case in batches.
	noValue, noValueJoined []string
}

func patternText(p lists.Pattern) string {
	if p.Ex {
		return "ex " + p.Code.String()
	}
	return p.Code.String()
}

// keywordIn returns the first category keyword found in the description
// as whole words, or "". stems are the keywords tokenised.
func keywordIn(keywords []string, stems [][]string, t *text) string {
	if t == nil {
		return ""
	}
	toks := t.tokens
	for k, kw := range stems {
		for i := 0; i+len(kw) <= len(toks); i++ {
			ok := true
			for j := range kw {
				if toks[i+j].stem != kw[j] {
					ok = false
					break
				}
			}
			if ok {
				return keywords[k]
			}
		}
	}
	return ""
}

// lookup returns the catalogue entries covering code for a direction at
// any date and every jurisdiction, with their base controls. The catalogue
// is asked once per code; repeated codes cost a map read.
func (c *Classifier) lookup(code hs.Code, final bool, dir lists.Direction) *cachedLookup {
	key := lookupKey{code: code.Digits(), dir: dir, final: final}
	if v, ok := c.lookups.Load(key); ok {
		return v.(*cachedLookup)
	}
	ms := c.cat.Lookup(code, lists.Options{Direction: dir})
	cl := &cachedLookup{matches: ms, base: make([]Control, len(ms)), noValue: make([]string, len(ms)), noValueJoined: make([]string, len(ms))}
	for i, m := range ms {
		ctl := Control{ControlEntry: &ControlEntry{
			List: m.List.ID, Jurisdiction: m.List.Jurisdiction, Kind: m.List.Kind, Entry: m.Entry.ID,
			Category: m.Entry.Category, Basis: m.Entry.Basis, Citation: m.Entry.Citation,
			Code: m.Pattern.Code.Digits(), Coverage: m.Coverage, Threshold: m.Entry.Threshold,
		}}
		switch {
		case !final:
			ctl.Applies, ctl.Why = CannotTell, "classified only to "+code.String()+" ("+code.Level().String()+"); the entry covers "+patternText(m.Pattern)
		case m.Coverage == lists.Partial:
			ctl.Applies, ctl.Why = CannotTell, "the entry covers only "+patternText(m.Pattern)+" within "+code.String()
		case m.Coverage == lists.Ex:
			ctl.Applies, ctl.Why = CannotTell, "ex "+m.Pattern.Code.String()+": only goods of the category are controlled, and the description does not say it is one"
		default:
			ctl.Applies, ctl.Why = Applies, "code "+code.Digits()+" is covered by "+m.Pattern.Code.String()
		}
		cl.base[i] = ctl
		if th := m.Entry.Threshold; th != nil {
			_, cl.noValue[i] = evalThreshold(th, &Item{}, nil)
			cl.noValueJoined[i] = ctl.Why + "; " + cl.noValue[i]
		}
	}
	v, _ := c.lookups.LoadOrStore(key, cl)
	return v.(*cachedLookup)
}

// matchesFor returns the catalogue entries covering code that are in force
// on date and pass the classifier's filters.
func (c *Classifier) matchesFor(code hs.Code, opts lists.Options) []lists.Match {
	cl := c.lookup(code, true, opts.Direction)
	out := make([]lists.Match, 0, len(cl.matches))
	for _, m := range cl.matches {
		if !c.keep(m.List) {
			continue
		}
		if !opts.Date.IsZero() && !(m.List.InForce.Contains(opts.Date) && m.Entry.InForce.Contains(opts.Date)) {
			continue
		}
		out = append(out, m)
	}
	return out
}
