package classify

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// matched is one dictionary phrase found in a description.
type matched struct {
	p      *phrase
	factor float64 // the weak factor of its first token, as the grammar left it
	text   string  // the words as they appear
	// look marks words that name what the goods look like ("Louis XV
	// style"): they set no attribute either.
	look bool
	// from and to are the tokens matched, [from, to); zero for a signal
	// the grammar adds.
	from, to int
}

// match finds the lexicon's phrases in t: at each token the longest phrase
// that starts there, so that "watch strap" is read as a strap and "gold
// plated" as plating, then the keys matched as substrings. The grammar
// marks t's tokens first (packing, what the goods serve or resemble) and
// weighs the matches after (see [GrammarFile]).
func (lx *Lexicon) match(t *text, out []matched) []matched {
	lx.grammar.apply(t)
	first := len(out)
	toks := t.tokens
	end := 0 // tokens before end are covered by an accepted phrase
	for i := range toks {
		best, n := lx.longest(toks, i, len(toks))
		// A phrase is taken when it reaches past what is covered, so that
		// "akoya pearl necklace" yields "akoya pearl" and "pearl necklace"
		// but "watch strap" does not also yield "strap".
		if best == nil || i+n <= end {
			continue
		}
		out = append(out, matched{p: best, factor: lx.grammar.matchFactor(toks, i, n), text: t.norm[toks[i].start:toks[i+n-1].end], from: i, to: i + n,
			look: toks[i].role == roleResembles})
		out = lx.inner(t, best, i, i+n, out)
		end = i + n
	}
	if t.cjk {
		norm := cjkCompact(t.norm)
		from := len(out)
		for _, p := range lx.substrings {
			f, ok := 1.0, strings.Contains(norm, p.words[0].s)
			if ok && len(p.hits) > 0 {
				f, ok = lx.substringFactor(norm, p.words[0].s)
			}
			if ok {
				out = append(out, matched{p: p, factor: f, text: p.source})
			}
		}
		lx.cjkHeads(t.norm, out[from:])
	}
	return append(out[:first], lx.grammar.postMatch(lx, t, out[first:])...)
}

// inner finds, inside the span [from, to) of outer, the phrases that say
// what outer does not: an attribute inside a product phrase ("sailing"
// in "sailing catamaran", "silver" in "silver tray") or a product inside
// an attribute phrase ("horse" in "riding horse"). Noise spans are left
// alone: "silver dial" says nothing about the case.
func (lx *Lexicon) inner(t *text, outer *phrase, from, to int, out []matched) []matched {
	if outer.noise || to-from < 2 {
		return out
	}
	toks := t.tokens
	for j := from; j < to; j++ {
		limit := to
		if j == from {
			limit = to - 1 // a phrase starting with outer must be shorter
		}
		p, n := lx.longest(toks, j, limit)
		if p == nil || p == outer || p.noise {
			continue
		}
		// A product inside an attribute phrase counts only as its head, the
		// last word: "riding horse" is a horse, "rose gold" is no rosé.
		product := len(outer.hits) == 0 && len(p.hits) > 0 && j+n == to
		// An attribute phrase may name another attribute: "hand-knotted
		// wool" is a construction and a fibre.
		other := len(outer.attrs) > 0 && !product && otherAttrs(outer.attrs, p.attrs) != nil
		if (len(outer.attrs) == 0 && len(p.attrs) > 0) || product || other {
			q := *p
			switch {
			case len(outer.attrs) == 0:
				q.hits = nil // the product is outer's; take only the attributes
			case other:
				q.hits, q.attrs = nil, otherAttrs(outer.attrs, p.attrs)
			default:
				q.attrs = nil
			}
			out = append(out, matched{p: &q, factor: lx.grammar.matchFactor(toks, j, n), text: t.norm[toks[j].start:toks[j+n-1].end], from: j, to: j + n,
				look: toks[j].role == roleResembles})
			j += n - 1
		}
	}
	return out
}

// longest returns the longest phrase starting at token i and ending by
// token limit, and its length in tokens; an exact phrase wins a tie with a
// prefix phrase.
func (lx *Lexicon) longest(toks []token, i, limit int) (*phrase, int) {
	var best *phrase
	toks = toks[:limit]
	for _, p := range lx.byFirst[toks[i].stem] {
		if p.matchAt(toks, i) {
			best = p
			break
		}
	}
	if len(lx.byPrefix) > 0 && !toks[i].isNum {
		for _, p := range lx.byPrefix[firstRunes(toks[i].text, 3)] {
			if best != nil && len(p.words) <= len(best.words) {
				break
			}
			if p.matchAt(toks, i) {
				best = p
				break
			}
		}
	}
	if best == nil {
		return nil, 0
	}
	return best, len(best.words)
}

// matchAt reports whether the phrase matches the tokens from i.
func (p *phrase) matchAt(toks []token, i int) bool {
	if i+len(p.words) > len(toks) {
		return false
	}
	for k, w := range p.words {
		tk := &toks[i+k]
		if w.prefix {
			if !strings.HasPrefix(tk.text, w.s) {
				return false
			}
		} else if tk.stem != w.s {
			return false
		}
	}
	return true
}

// numericAttr reports whether an attribute holds a number.
func numericAttr(a attr) bool {
	switch a {
	case attrCC, attrKW, attrLength, attrWeight, attrFineness, attrAge, attrContainer, attrModelCC:
		return true
	}
	return false
}

// set records a metal word: a precious metal, or what makes an article
// base metal or no metal.
func (m *metalSignals) set(metal string) {
	switch metal {
	case "gold":
		m.gold = true
	case "silver":
		m.silver = true
	case "platinum":
		m.platinum = true
	case "palladium":
		m.palladium = true
	case "plated":
		m.plated = true
	case "clad":
		m.clad = true
	case "imitation":
		m.imitation = true
	case "costume":
		m.costume = true
	case "base":
		m.base = true
	case "nonmetal":
		m.nonmetal = true
	}
}

// applyAttrs records the attributes that matched phrases set. Metal words
// feed the metal signals, which are resolved together with hallmarks.
func applyAttrs(ms []matched, a *attrs, m *metalSignals) {
	for _, mt := range ms {
		if mt.look {
			continue
		}
		for _, s := range mt.p.attrs {
			if s.a == attrMetal && !s.implied {
				m.set(s.v)
				if s.v == "silver" && m.fineness == 0 && (strings.Contains(mt.text, "sterling") || strings.Contains(mt.text, "925")) {
					m.fineness = 925
				}
				m.ev = append(m.ev, mt.text)
				continue
			}
			if numericAttr(s.a) {
				v := parseInterval(s.v)
				v.ev, v.implied = mt.text, s.implied
				v.dated = s.a == attrAge && strings.HasPrefix(s.v, ">250")
				if a[s.a].set && (!a[s.a].implied || s.implied) {
					continue
				}
				a[s.a] = v
				continue
			}
			if s.a == attrFuel && a[attrFuel].set && !s.implied && !a[attrFuel].implied {
				if f := combineFuel(a[attrFuel].str, s.v); f != a[attrFuel].str {
					a[attrFuel] = value{set: true, str: f, ev: a[attrFuel].ev + " " + mt.text}
				}
				continue
			}
			a.setStr(s.a, s.v, mt.text, s.implied)
		}
	}
}

// otherAttrs returns the assignments of inner whose attributes outer does
// not set, or nil.
func otherAttrs(outer, inner []attrAssign) []attrAssign {
	var out []attrAssign
	for _, x := range inner {
		if !slices.ContainsFunc(outer, func(o attrAssign) bool { return o.a == x.a }) {
			out = append(out, x)
		}
	}
	return out
}

// combineFuel merges two fuel words of one description: "diesel" and
// "hybrid" make a diesel hybrid, "hybrid" and "electric" a hybrid.
func combineFuel(have, add string) string {
	diesel := have == "diesel" || add == "diesel" || strings.HasSuffix(have, "-diesel")
	var kind string
	switch {
	case have == "phev" || add == "phev" || strings.HasPrefix(have, "phev"):
		kind = "phev"
	case have == "hybrid" || add == "hybrid" || strings.HasPrefix(have, "hybrid"):
		kind = "hybrid"
	case have == "electric" && (add == "petrol" || add == "diesel") || add == "electric" && (have == "petrol" || have == "diesel"):
		kind = "hybrid"
	default:
		return have
	}
	if diesel {
		return kind + "-diesel"
	}
	return kind
}

// parseInterval reads an authored numeric value: "6750", ">100" (more than
// 100, by how much unknown), "<=100" or ">2000,<=15000".
func parseInterval(s string) value {
	v := value{set: true, num: 0, max: math.Inf(1)}
	exact := true
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		switch {
		case strings.HasPrefix(part, ">"):
			f, _ := strconv.ParseFloat(strings.TrimLeft(part, ">="), 64)
			v.num, exact = math.Nextafter(f, math.Inf(1)), false
		case strings.HasPrefix(part, "<"):
			f, _ := strconv.ParseFloat(strings.TrimLeft(part, "<="), 64)
			v.max, exact = f, false
		default:
			f, _ := strconv.ParseFloat(part, 64)
			v.num, v.max = f, f
		}
	}
	if exact {
		v.max = v.num
	}
	return v
}

// vague returns the words of t that stand for goods without naming them
// ("general merchandise", "samples") when that is all t says: every other
// word is filler ("as per invoice"), a number or a stopword in stop. It
// returns "" when t names anything else, so that "spare parts for
// excavators" and "skin care creams, assorted" are not vague.
func (lx *Lexicon) vague(t *text, stop map[string]bool) string {
	var found []string
	toks := t.tokens
	for i := 0; i < len(toks); i++ {
		if p, n := lx.longest(toks, i, len(toks)); p != nil && (p.vague || p.filler) {
			if p.vague {
				found = append(found, t.norm[toks[i].start:toks[i+n-1].end])
			}
			i += n - 1
			continue
		}
		if !toks[i].isNum && !stop[toks[i].stem] {
			return ""
		}
	}
	if t.cjk {
		// Keys in scripts without spaces are cut out of the text; any
		// such letter left names something.
		rest := t.norm
		for _, p := range lx.substrings {
			if (p.vague || p.filler) && strings.Contains(rest, p.words[0].s) {
				if p.vague {
					found = append(found, p.words[0].s)
				}
				rest = strings.ReplaceAll(rest, p.words[0].s, " ")
			}
		}
		if strings.IndexFunc(rest, isCJK) >= 0 {
			return ""
		}
	}
	return strings.Join(found, ", ")
}
