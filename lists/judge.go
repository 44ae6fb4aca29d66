package lists

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/luxscreen/luxscreen/hs"
)

// Applicability says whether a catalogue entry applies to a goods line.
type Applicability string

// The answers a judgement can give.
const (
	Applies      Applicability = "applies"
	DoesNotApply Applicability = "does not apply"
	CannotTell   Applicability = "cannot tell"
)

// Judgement is whether one catalogue entry covers one goods line, and why.
type Judgement struct {
	Match
	Applies Applicability
	// Why explains the answer: the code covered, the category keyword
	// found, the threshold or price-floor comparison, or what is missing
	// to decide.
	Why string
	// Presumption is the ID of the price floor that ruled the entry out
	// ([Presumption]), or "".
	Presumption string
}

// Facts are what a judgement reads of a goods line besides its code.
type Facts struct {
	// Description is the line's goods description; an "ex" entry applies
	// when it names one of the entry's keywords.
	Description string
	Value       Money
	// Quantity is the number of Units of the line, as written on the
	// documents ("10", "btl"); see [ParseUnit].
	Quantity float64
	Unit     string
	// Date is the day the line is judged as of; zero means any time.
	Date time.Time
	// Tentative is set when the code is one of several the goods may fall
	// in (a classification that stopped at a heading): the entry then
	// cannot be said to apply, though a value within its threshold still
	// rules it out.
	Tentative bool

	words []string // Description split into stemmed words, when needed
}

// Judge decides whether the entry of m covers a goods line classified
// under code: code pattern and "ex" scope, the description's keywords,
// the threshold with its unit, currency and value, and the date. It is
// the one judgement of a goods line against the lists; lookup, classify,
// check and the HTTP API all report it. It never answers DoesNotApply for
// lack of data: a missing value, quantity or rate is CannotTell, with
// what is missing.
//
// A luxury entry of "ex" scope with no threshold of its own ("high-quality
// garments" ex 61) is judged by the catalogue's price floors when the
// description does not name its category: a unit value below the floor
// of the line's code ([Presumptions.For]) rules the entry out, and the
// Why names the presumption and its source. Without a value, a quantity
// in the floor's unit or a rate it stays CannotTell.
func (c *Catalogue) Judge(m Match, code hs.Code, f *Facts, rates *Rates) Judgement {
	p := c.Prejudge(m, code, f.Tentative)
	return c.Finish(&p, f, rates)
}

// Prejudged is the part of a judgement that depends on the code alone,
// which callers judging many lines of one code cache (see
// [Catalogue.Prejudge]).
type Prejudged struct {
	Judgement
	// noValue is, for an entry with a threshold, why it cannot be judged
	// without a value, and noValueJoined the Why followed by it: lines
	// without a value are the common case in batches, and these answers
	// are then known in advance.
	noValue, noValueJoined string
	tentative              bool
	// presume is the price floor for a luxury entry of "ex" scope without
	// a threshold, when one covers the code.
	presume *Presumption
}

// Prejudge judges m for code before the line's facts: [Catalogue.Finish]
// completes the judgement with them. Judge is Prejudge then Finish.
func (c *Catalogue) Prejudge(m Match, code hs.Code, tentative bool) Prejudged {
	p := Prejudged{Judgement: Judgement{Match: m}, tentative: tentative}
	p.Applies, p.Why = judgeScope(&m, code, tentative)
	if th := m.Entry.Threshold; th != nil {
		_, p.noValue = judgeThreshold(th, &Facts{}, nil)
		p.noValueJoined = p.Why + "; " + p.noValue
	} else if m.List.Kind == Luxury && m.Pattern.Ex && m.Coverage != Full {
		p.presume = c.presumption(m, code)
	}
	return p
}

// Finish completes a judgement with the line's facts: its date, the
// description's keywords for an "ex" or partial entry, and its value
// against the entry's threshold. f.Tentative is ignored: the prejudgement
// took it.
func (c *Catalogue) Finish(p *Prejudged, f *Facts, rates *Rates) Judgement {
	j := p.Judgement
	if !f.Date.IsZero() && !j.InForce(f.Date) {
		j.Applies, j.Why = DoesNotApply, "not in force on "+f.Date.Format(dateLayout)
		return j
	}
	kw := ""
	if !p.tentative && j.Coverage != Full {
		if kw = c.named(j.Entry, f); kw != "" {
			j.Applies, j.Why = Applies, describedWhy(&j.Match, kw)
		}
	}
	if p.presume != nil && f.Value.Amount > 0 && (kw == "" && (!p.tentative || c.named(j.Entry, f) == "")) {
		// The description does not say the goods are of the category;
		// their price may say they cannot be.
		if a, why := judgeFloor(p.presume, f, rates); a == DoesNotApply {
			j.Applies, j.Why, j.Presumption = DoesNotApply, why, p.presume.ID
		} else {
			j.Why += "; " + why
		}
	}
	th := j.Entry.Threshold
	switch {
	case th == nil:
	case f.Value.Amount <= 0 && j.Applies == Applies:
		j.Applies, j.Why = CannotTell, p.noValue
	case f.Value.Amount <= 0:
		j.Why = p.noValueJoined
	default:
		// A value within the threshold rules the entry out even when the
		// goods are uncertain: had they been its goods, they would still
		// be below it.
		a, why := judgeThreshold(th, f, rates)
		switch {
		case a == DoesNotApply:
			j.Applies, j.Why = DoesNotApply, why
		case a == CannotTell && j.Applies == Applies:
			j.Applies, j.Why = CannotTell, why
		default:
			j.Why += "; " + why
		}
	}
	return j
}

// InForce reports whether the list and entry of m are both in force on
// date; the zero date means any time.
func (m *Match) InForce(date time.Time) bool {
	return m.List.InForce.Contains(date) && m.Entry.InForce.Contains(date)
}

// judgeScope judges the code alone: whether the goods are those of the
// entry, before the description, the value and the date.
func judgeScope(m *Match, code hs.Code, tentative bool) (Applicability, string) {
	p := m.Pattern.String()
	switch {
	case tentative:
		return CannotTell, "classified only to " + code.String() + " (" + code.Level().String() + "); the entry covers " + p
	case m.Coverage == Full:
		return Applies, "code " + code.Digits() + " is covered by " + m.Pattern.Code.String()
	case m.Coverage == Ex:
		return CannotTell, p + ": only goods of the category are controlled, and the description does not say it is one"
	}
	return CannotTell, "the entry covers only " + p + " within " + code.String()
}

// presumption returns the price floor that judges m for code, or nil:
// none where the entry is excluded from the floors, and none where the
// entry's pattern is more specific than code and has another floor or
// none (snowmobiles under a heading of cars).
func (c *Catalogue) presumption(m Match, code hs.Code) *Presumption {
	if _, excluded := c.presumptions.Excluded(m.Entry.ID); excluded {
		return nil
	}
	p := c.presumptions.For(code)
	if p != nil && m.Pattern.Code.Len() > code.Len() && c.presumptions.For(m.Pattern.Code) != p {
		return nil
	}
	return p
}

// describedWhy says why an "ex" or partial entry applies: the description
// names its category.
func describedWhy(m *Match, kw string) string {
	if m.Coverage == Ex {
		return m.Pattern.String() + ": description matches the category (" + kw + ")"
	}
	return "the entry covers only " + m.Pattern.String() + ", and the description names it (" + kw + ")"
}

// String writes the pattern as lists print it: "9101", or "ex 8703" for
// an "ex" code.
func (p Pattern) String() string {
	if p.Ex {
		return "ex " + p.Code.String()
	}
	return p.Code.String()
}

// named returns the first keyword of e that the description names as
// whole words, or "".
func (c *Catalogue) named(e *Entry, f *Facts) string {
	kws := c.keywords[e]
	if len(kws) == 0 || f.Description == "" {
		return ""
	}
	if f.words == nil {
		f.words = keywordWords(f.Description)
	}
	for k, kw := range kws {
		for i := 0; i+len(kw) <= len(f.words); i++ {
			if equalWords(f.words[i:i+len(kw)], kw) {
				return e.Keywords[k]
			}
		}
	}
	return ""
}

// equalWords reports whether the description words a are the keyword
// words b, ignoring case.
func equalWords(a, b []string) bool {
	for i := range b {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// keywordWords splits s into words reduced to their singular, the form
// keywords and descriptions are compared in (ignoring case).
func keywordWords(s string) []string {
	ws := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range ws {
		ws[i] = singular(w)
	}
	if ws == nil {
		ws = []string{}
	}
	return ws
}

// singular strips an English plural ending, in either case: "watches"
// and "watch" are one word, and so are "HORSES" and "horse".
func singular(w string) string {
	suffix := func(x string) bool { return len(w) > len(x) && strings.EqualFold(w[len(w)-len(x):], x) }
	switch {
	case len(w) > 4 && (suffix("ches") || suffix("shes") || suffix("sses") || suffix("xes")):
		return w[:len(w)-2]
	case len(w) > 3 && suffix("s") && !suffix("ss"):
		return w[:len(w)-1]
	}
	return w
}

// judgeThreshold compares the line's unit value with a threshold. It
// never answers DoesNotApply for lack of data.
func judgeThreshold(th *Threshold, f *Facts, rates *Rates) (Applicability, string) {
	limit := Money{th.Amount, th.Currency}.String()
	per := string(th.Per)
	pq := th.PerQuantity
	if pq <= 0 {
		pq = 1
	}
	if pq != 1 {
		per = strconv.FormatFloat(pq, 'f', -1, 64) + " " + per
	}
	head := "threshold " + limit + " per " + per + ": "
	if f.Value.Amount <= 0 {
		return CannotTell, head + "no value given"
	}
	if f.Value.Currency == "" {
		return CannotTell, head + "the value has no currency"
	}
	v, err := rates.Convert(f.Value.Amount, f.Value.Currency, th.Currency)
	if err != nil {
		return CannotTell, head + strings.TrimPrefix(err.Error(), ErrRate.Error()+": ")
	}
	qty, ok := quantityIn(f.Quantity, f.Unit, th.Per)
	if !ok {
		// The whole line's value bounds each unit's value when there is at
		// least one unit of the threshold's kind.
		if (th.Per.counted() || th.Per == Pair || th.Per == Set) && pq <= 1 && !th.Exceeds(v) {
			return DoesNotApply, "line value " + Money{v, th.Currency}.String() + " does not exceed " + limit + " per " + per + ", so no single unit can"
		}
		why := "no quantity in " + per
		if f.Quantity > 0 {
			why = "quantity is in " + f.Unit + ", threshold is per " + per
		}
		return CannotTell, head + why
	}
	unit := Money{v / qty * pq, th.Currency}.String()
	if th.Exceeds(v / qty * pq) {
		op := ">"
		if th.Inclusive {
			op = "≥"
		}
		return Applies, "unit value " + unit + " per " + per + " " + op + " " + limit
	}
	return DoesNotApply, "unit value " + unit + " per " + per + " is within " + limit
}

// judgeFloor compares the line's unit value with the floor of presumption
// p. It answers DoesNotApply when the unit value is below the floor and
// CannotTell otherwise, with what was compared or what is missing.
func judgeFloor(p *Presumption, f *Facts, rates *Rates) (Applicability, string) {
	fl := p.Floor
	per := string(fl.Per)
	floor, of := p.texts()
	notUsed := func(why string) (Applicability, string) {
		return CannotTell, "the floor of " + floor + of + " cannot be used: " + why
	}
	if f.Value.Currency == "" {
		return notUsed("the value has no currency")
	}
	v, err := rates.Convert(f.Value.Amount, f.Value.Currency, fl.Currency)
	if err != nil {
		return notUsed(strings.TrimPrefix(err.Error(), ErrRate.Error()+": "))
	}
	qty, ok := quantityIn(f.Quantity, f.Unit, fl.Per)
	if !ok {
		why := "no quantity in " + per
		if f.Quantity > 0 {
			why = "quantity is in " + f.Unit + ", the floor is per " + per
		}
		return notUsed(why)
	}
	unit := Money{f.Value.Amount / qty, f.Value.Currency}.String()
	if f.Value.Currency != fl.Currency {
		unit += " (" + Money{v / qty, fl.Currency}.String() + ")"
	}
	if v/qty < fl.Amount {
		return DoesNotApply, "unit value " + unit + " per " + per + " is below the " + floor + of
	}
	return CannotTell, "unit value " + unit + " per " + per + " is not below the " + floor + of + ", so only the description can tell"
}

// quantityIn converts a quantity written in unit (as on the documents)
// into a quantity of want. A bare count with no unit counts items.
func quantityIn(qty float64, unit string, want Unit) (float64, bool) {
	if qty <= 0 {
		return 0, false
	}
	have, ok := ParseUnit(unit)
	if !ok {
		if unit != "" || !want.counted() {
			return 0, false
		}
		have = Item
	}
	return perUnit(qty, have, want)
}

// UnitValue is the value of one unit of want of a line worth v for qty
// units as written on its documents, in currency. It fails when the
// quantity, its unit or a rate is missing.
func UnitValue(v Money, qty float64, unit string, want Unit, currency string, rates *Rates) (float64, bool) {
	q, ok := quantityIn(qty, unit, want)
	if !ok || v.Amount <= 0 {
		return 0, false
	}
	x, err := rates.Convert(v.Amount, v.Currency, currency)
	if err != nil {
		return 0, false
	}
	return x / q, true
}
