package classify

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/hs"
)

// rule picks a subheading when all its conditions hold.
type rule struct {
	conds []condition
	code  hs.Code
}

// condition tests one attribute: a set of allowed values, or numeric
// bounds in the HS manner ("exceeding 1,000 cc but not exceeding 1,500").
type condition struct {
	a      attr
	values []string // allowed enumerated values; empty for numeric tests
	lo     float64  // exclusive lower bound (−Inf when none)
	loIncl bool
	hi     float64 // inclusive upper bound (+Inf when none)
	hiExcl bool
	src    string
}

// tri is a three-valued truth: a condition on an attribute the description
// does not give is unknown, not false.
type tri int8

const (
	triFalse tri = iota
	triUnknown
	triTrue
)

// parseCondition reads "petrol|diesel", "true", "<=1000" or
// ">1000,<=1500".
func parseCondition(name, s string) (condition, error) {
	a, ok := attrByName(name)
	if !ok {
		return condition{}, fmt.Errorf("%w: unknown attribute %q", ErrLexicon, name)
	}
	c := condition{a: a, lo: math.Inf(-1), hi: math.Inf(1), src: name + " " + s}
	s = strings.TrimSpace(s)
	if s == "" {
		return c, fmt.Errorf("%w: empty condition", ErrLexicon)
	}
	if s[0] != '<' && s[0] != '>' {
		c.values = strings.Split(s, "|")
		return c, nil
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		op := part[:1]
		rest := part[1:]
		incl := false
		if strings.HasPrefix(rest, "=") {
			incl, rest = true, rest[1:]
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
		if err != nil {
			return c, fmt.Errorf("%w: condition %q: %v", ErrLexicon, s, err)
		}
		switch op {
		case ">":
			c.lo, c.loIncl = f, incl
		case "<":
			c.hi, c.hiExcl = f, !incl
		default:
			return c, fmt.Errorf("%w: condition %q: want <, <=, > or >=", ErrLexicon, s)
		}
	}
	return c, nil
}

// eval tests the condition against the value v.
func (c condition) eval(v value) tri {
	if !v.set || v.str == unknownValue {
		return triUnknown
	}
	if c.values != nil {
		for _, want := range c.values {
			// Nylon is a synthetic fibre; it is told apart only where a
			// subheading names polyamides.
			if v.str == want || want == "synthetic" && v.str == "nylon" {
				return triTrue
			}
		}
		return triFalse
	}
	if v.str != "" { // an enumerated value cannot meet a numeric test
		return triFalse
	}
	in := func(x float64) bool {
		if x < c.lo || (x == c.lo && !c.loIncl) {
			return false
		}
		if x > c.hi || (x == c.hi && c.hiExcl) {
			return false
		}
		return true
	}
	lo, hi := v.num, v.max
	if lo == hi {
		if in(lo) {
			return triTrue
		}
		return triFalse
	}
	// An interval of possible values (an antique is over 100 years old,
	// but how much over is not said).
	if in(lo) && (in(hi) || (math.IsInf(hi, 1) && math.IsInf(c.hi, 1))) {
		return triTrue
	}
	if hi < c.lo || (hi == c.lo && !c.loIncl) || lo > c.hi || (lo == c.hi && c.hiExcl) {
		return triFalse
	}
	return triUnknown
}

// attrValue returns the attribute for rule evaluation, with the
// concept's documented trade assumptions and the derived engine capacity
// of a "4.0 L" engine.
func attrValue(a *attrs, c *concept, k attr) (value, bool) {
	v := a[k]
	if v.set {
		return v, false
	}
	switch k {
	case attrCC:
		for _, src := range [...]attr{attrContainer, attrEngineL} {
			if l := a[src]; l.set && l.num >= 0.6 && l.num <= 8.5 {
				cc := math.Round(l.num * 1000)
				return value{set: true, num: cc, max: cc, ev: l.ev}, false
			}
		}
	case attrGVW:
		// Goods vehicles are sold by gross weight: "3.5t van".
		if w := a[attrWeight]; w.set {
			return w, false
		}
	}
	for _, as := range c.assume {
		if as.a == k {
			return value{set: true, str: as.v, ev: "assumed " + as.v}, true
		}
	}
	return v, false
}

// decision is the outcome of applying a concept's rules.
type decision struct {
	code    hs.Code   // the chosen code; zero when undecided
	missing []attr    // attributes that would decide it
	options []hs.Code // codes still possible when undecided
	used    []string  // the conditions that held, for evidence
	assumed []string  // assumptions the decision relies on
}

// decide applies the rules of c. Rules are mutually exclusive by
// construction, as HS subheadings are: any rule that holds decides; if none
// holds but some are unknown, the missing attributes are reported; if all
// fail, the otherwise code applies.
func (c *concept) decide(a *attrs) decision {
	if len(c.rules) == 0 {
		return decision{code: c.code}
	}
	var d decision
	for i := range c.rules {
		r := &c.rules[i]
		res := triTrue
		var used, assumed []string
		var missing []attr
		for _, cond := range r.conds {
			v, isAssumed := attrValue(a, c, cond.a)
			switch cond.eval(v) {
			case triFalse:
				res = triFalse
			case triUnknown:
				if res == triTrue {
					res = triUnknown
				}
				missing = append(missing, cond.a)
			case triTrue:
				used = append(used, cond.a.String()+"="+describe(v))
				if isAssumed {
					assumed = append(assumed, cond.a.String()+"="+v.str)
				}
			}
			if res == triFalse {
				break
			}
		}
		switch res {
		case triTrue:
			return decision{code: r.code, used: used, assumed: assumed}
		case triUnknown:
			d.options = appendCode(d.options, r.code)
			for _, m := range missing {
				if !containsAttr(d.missing, m) {
					d.missing = append(d.missing, m)
				}
			}
		}
	}
	if len(d.options) == 0 && !c.otherwise.IsZero() {
		return decision{code: c.otherwise, used: []string{"no other subheading applies"}}
	}
	if len(d.options) == 0 {
		// Every rule failed and there is no residual subheading: the
		// attributes contradict the concept.
		for _, r := range c.rules {
			d.options = appendCode(d.options, r.code)
		}
	}
	if !c.otherwise.IsZero() {
		d.options = appendCode(d.options, c.otherwise)
	}
	return d
}

func describe(v value) string {
	if v.str != "" {
		return v.str
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', 7, 64) }
	if v.num != v.max {
		if math.IsInf(v.max, 1) {
			return ">" + f(v.num)
		}
		if v.num == 0 {
			return "<=" + f(v.max)
		}
		return f(v.num) + "-" + f(v.max)
	}
	return f(v.num)
}

func appendCode(cs []hs.Code, c hs.Code) []hs.Code {
	for _, x := range cs {
		if x == c {
			return cs
		}
	}
	return append(cs, c)
}

func containsAttr(as []attr, a attr) bool {
	for _, x := range as {
		if x == a {
			return true
		}
	}
	return false
}
