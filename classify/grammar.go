package classify

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// GrammarFile is the name of the description grammar among the lexicon
// files: the tables that say when a word naming goods does not name the
// goods of the line (packing, what the goods serve or resemble, an
// ordinary article named after a luxury one, imitation jewellery).
const GrammarFile = "grammar.yaml"

// markerKind is what a marker word says about the words after it.
type markerKind uint8

const (
	markNone     markerKind = iota
	markServes              // "for", "fits", "compatible": what the goods serve
	markIncludes            // "with", "incl": what the goods come with
	markPlace               // "in", "on": where the goods are, what holds them
	markOf                  // "of": "parts of", "bags of", "set of"
)

// markerKindByName returns the kind authored as name.
func markerKindByName(name string) (markerKind, bool) {
	switch name {
	case "serves":
		return markServes, true
	case "includes":
		return markIncludes, true
	case "place":
		return markPlace, true
	case "of":
		return markOf, true
	}
	return markNone, false
}

// marker is one marker word: its kind and the factor of the lexicon
// matches after it.
type marker struct {
	kind   markerKind
	factor float64
}

// markers are the marker words of a grammar, by word. A nil map has none.
type markers map[string]marker

// role is what the grammar made of a token.
type role uint8

const (
	roleNone      role = iota
	rolePackaging      // the packing of the goods, or a quantity
	roleMaybePack      // a packaging word without packing syntax ("rice bags")
	roleServed         // what the goods serve ("for Nintendo Switch")
	roleResembles      // what the goods look like ("watch-shaped")
	roleModifier       // a word modifying an ordinary head ("diamond" saw blade)
	roleHead           // a head naming goods these are not ("scriber pen")
	roleGoodsHead      // the head of modifiers, naming the goods ("wine opener")
)

var roleNames = [...]string{roleNone: "", rolePackaging: "packaging", roleMaybePack: "packaging?", roleServed: "served",
	roleResembles: "resembles", roleModifier: "modifier", roleHead: "head", roleGoodsHead: "head (goods)"}

func (r role) String() string { return roleNames[r] }

// yamlGrammar is the layout of the grammar section of a lexicon file.
type yamlGrammar struct {
	Markers   []yamlMarker `yaml:"markers"`
	Served    yamlServed   `yaml:"served"`
	Resembles yamlResemble `yaml:"resembles"`
	Packaging yamlPacking  `yaml:"packaging"`
	Modifiers struct {
		Factor   float64          `yaml:"factor"`
		Search   float64          `yaml:"search"`
		Patterns []yamlModPattern `yaml:"patterns"`
	} `yaml:"modifiers"`
	Compound struct {
		Factor float64 `yaml:"factor"`
		Gap    int     `yaml:"gap"`
	} `yaml:"compound"`
	Imitation struct {
		Concepts  []string `yaml:"concepts"`
		Materials []string `yaml:"materials"`
		Stones    []string `yaml:"stones"`
	} `yaml:"imitation"`
}

type yamlMarker struct {
	Kind   string   `yaml:"kind"`
	Factor float64  `yaml:"factor"`
	Words  []string `yaml:"words"`
}

type yamlServed struct {
	Factor float64  `yaml:"factor"`
	Parts  []string `yaml:"parts"`
}

type yamlResemble struct {
	Factor float64  `yaml:"factor"`
	After  []string `yaml:"after"`
	// Phrase are look words after which the look may be up to three
	// words: "Louis XV style", "18th century style".
	Phrase []string `yaml:"phrase"`
	Before []string `yaml:"before"`
	Except []string `yaml:"except"`
}

type yamlPacking struct {
	Factor     float64  `yaml:"factor"`
	Words      []string `yaml:"words"`
	Intro      []string `yaml:"intro"`
	Qualifiers []string `yaml:"qualifiers"`
	Units      []string `yaml:"units"`
	Goods      []string `yaml:"goods"`
	Empty      []string `yaml:"empty"`
	Measures   []string `yaml:"measures"`
}

type yamlModPattern struct {
	Modifiers []string `yaml:"modifiers"`
	Heads     []string `yaml:"heads"`
	// HeadMisleads says the head names goods the lexicon knows that these
	// are not ("scriber pen"); otherwise the head keeps its reading and
	// only the modifiers are discounted ("vodka glasses" are glassware).
	HeadMisleads bool `yaml:"head_misleads"`
	// Alone keeps the modifiers to the pattern's own words; otherwise the
	// words before them in their clause modify the head too.
	Alone bool `yaml:"alone"`
}

// seqs is a set of word sequences (stems), indexed by their first stem,
// longest first.
type seqs map[string][][]string

// at returns the length in tokens of the longest sequence of s that
// starts at token i and stays in i's clause, or 0.
func (s seqs) at(toks []token, i int) int {
	for _, q := range s[toks[i].stem] {
		if i+len(q) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(q) && ok; k++ {
			ok = toks[i+k].stem == q[k] && toks[i+k].clause == toks[i].clause
		}
		if ok {
			return len(q)
		}
	}
	return 0
}

// endingAt returns the length of the longest sequence of s that ends at
// token i (inclusive) in i's clause, or 0.
func (s seqs) endingAt(toks []token, i int, maxLen int) int {
	best := 0
	for n := 1; n <= maxLen && i-n+1 >= 0; n++ {
		j := i - n + 1
		if toks[j].clause != toks[i].clause {
			break
		}
		if s.at(toks, j) >= n && s.exact(toks, j, n) {
			best = n
		}
	}
	return best
}

// exact reports whether s holds the sequence of the n tokens from j.
func (s seqs) exact(toks []token, j, n int) bool {
	for _, q := range s[toks[j].stem] {
		if len(q) != n {
			continue
		}
		ok := true
		for k := 1; k < n && ok; k++ {
			ok = toks[j+k].stem == q[k]
		}
		if ok {
			return true
		}
	}
	return false
}

func (s seqs) has(stem string) bool {
	for _, q := range s[stem] {
		if len(q) == 1 {
			return true
		}
	}
	return false
}

// modPattern is one modifier/head pattern; anyMod is set for "*".
type modPattern struct {
	anyMod       bool
	headMisleads bool
	alone        bool
	modifiers    seqs
	heads        seqs
}

// grammar is a compiled description grammar.
type grammar struct {
	served struct {
		factor float64
		parts  seqs
	}
	resembles struct {
		factor                        float64
		after, phrase, before, except seqs
	}
	packaging struct {
		factor                                                  float64
		words, intro, qualifiers, units, goods, empty, measures seqs
	}
	modifiers struct {
		factor, search float64
		patterns       []modPattern
	}
	compound struct {
		factor float64
		gap    int
	}
	imitation struct {
		conceptIDs        []string
		concepts          []int
		materials, stones seqs
		phrase            *phrase
	}
	stop map[string]bool
}

// grammarError is a problem at a path below the grammar section.
func grammarError(err error, p ...any) error {
	return &fieldError{path: append([]any{"grammar"}, p...), err: err}
}

// compileGrammar compiles the grammar section y; the markers are compiled
// first, since every other word list is tokenised with them.
func compileGrammar(y *yamlGrammar) (markers, *grammar, []error) {
	var errs []error
	mk := markers{}
	for i, m := range y.Markers {
		kind, ok := markerKindByName(m.Kind)
		if !ok {
			errs = append(errs, grammarError(fmt.Errorf("%w: unknown marker kind %q (want serves, includes, place or of)", ErrLexicon, m.Kind), "markers", i, "kind"))
			continue
		}
		if m.Factor <= 0 || m.Factor > 1 {
			errs = append(errs, grammarError(fmt.Errorf("%w: factor must be in (0, 1]", ErrLexicon), "markers", i, "factor"))
		}
		for j, w := range m.Words {
			n := normKey(w)
			if n == "" || strings.ContainsRune(n, ' ') {
				errs = append(errs, grammarError(fmt.Errorf("%w: a marker is one word, not %q", ErrLexicon, w), "markers", i, "words", j))
				continue
			}
			mk[n] = marker{kind: kind, factor: m.Factor}
		}
	}
	g := &grammar{stop: stopwords()}
	words := func(ws []string, p ...any) seqs {
		s := seqs{}
		for j, w := range ws {
			t := tokenize(w, mk)
			if len(t.tokens) == 0 {
				errs = append(errs, grammarError(fmt.Errorf("%w: %q has no words (or only markers)", ErrLexicon, w), append(p, j)...))
				continue
			}
			q := make([]string, len(t.tokens))
			for k, tk := range t.tokens {
				q[k] = tk.stem
			}
			s[q[0]] = append(s[q[0]], q)
		}
		for _, qs := range s {
			slices.SortStableFunc(qs, func(a, b []string) int { return len(b) - len(a) })
		}
		return s
	}
	factor := func(f float64, p ...any) float64 {
		if f < 0 || f > 1 {
			errs = append(errs, grammarError(fmt.Errorf("%w: factor must be in [0, 1]", ErrLexicon), p...))
		}
		return f
	}
	g.served.factor = factor(y.Served.Factor, "served", "factor")
	g.served.parts = words(y.Served.Parts, "served", "parts")
	r := &g.resembles
	r.factor = factor(y.Resembles.Factor, "resembles", "factor")
	r.after = words(y.Resembles.After, "resembles", "after")
	r.phrase = words(y.Resembles.Phrase, "resembles", "phrase")
	r.before = words(y.Resembles.Before, "resembles", "before")
	r.except = words(y.Resembles.Except, "resembles", "except")
	pk := &g.packaging
	pk.factor = factor(y.Packaging.Factor, "packaging", "factor")
	pk.words = words(y.Packaging.Words, "packaging", "words")
	pk.intro = words(y.Packaging.Intro, "packaging", "intro")
	pk.qualifiers = words(y.Packaging.Qualifiers, "packaging", "qualifiers")
	pk.units = words(y.Packaging.Units, "packaging", "units")
	pk.goods = words(y.Packaging.Goods, "packaging", "goods")
	pk.empty = words(y.Packaging.Empty, "packaging", "empty")
	pk.measures = words(y.Packaging.Measures, "packaging", "measures")
	g.modifiers.factor = factor(y.Modifiers.Factor, "modifiers", "factor")
	g.modifiers.search = factor(y.Modifiers.Search, "modifiers", "search")
	for i, p := range y.Modifiers.Patterns {
		if len(p.Heads) == 0 || len(p.Modifiers) == 0 {
			errs = append(errs, grammarError(fmt.Errorf("%w: a pattern needs modifiers and heads", ErrLexicon), "modifiers", "patterns", i))
			continue
		}
		mp := modPattern{heads: words(p.Heads, "modifiers", "patterns", i, "heads"), headMisleads: p.HeadMisleads, alone: p.Alone}
		if len(p.Modifiers) == 1 && p.Modifiers[0] == "*" {
			mp.anyMod = true
		} else {
			mp.modifiers = words(p.Modifiers, "modifiers", "patterns", i, "modifiers")
		}
		g.modifiers.patterns = append(g.modifiers.patterns, mp)
	}
	g.compound.factor = factor(y.Compound.Factor, "compound", "factor")
	if y.Compound.Gap < 0 || y.Compound.Gap > 4 {
		errs = append(errs, grammarError(fmt.Errorf("%w: gap must be 0 to 4 words", ErrLexicon), "compound", "gap"))
	}
	g.compound.gap = y.Compound.Gap
	im := &g.imitation
	im.conceptIDs = y.Imitation.Concepts
	im.materials = words(y.Imitation.Materials, "imitation", "materials")
	im.stones = words(y.Imitation.Stones, "imitation", "stones")
	im.phrase = &phrase{source: "imitation material", attrs: []attrAssign{{a: attrMetal, v: "costume"}}}
	return mk, g, errs
}

// resolveConcepts finds the concepts the imitation rule reads.
func (g *grammar) resolveConcepts(lx *Lexicon) error {
	for i, id := range g.imitation.conceptIDs {
		ci, ok := lx.conceptIndex(id)
		if !ok {
			return grammarError(fmt.Errorf("%w: unknown concept %q", ErrLexicon, id), "imitation", "concepts", i)
		}
		g.imitation.concepts = append(g.imitation.concepts, ci)
	}
	return nil
}

var errTwoGrammars = errors.New("the grammar is defined in another file too")

// apply marks the tokens of t that name packing, what the goods serve or
// resemble, and modifiers of ordinary heads, setting their factors. It
// only sets values, so applying it twice changes nothing.
func (g *grammar) apply(t *text) {
	if g == nil {
		return
	}
	toks := t.tokens
	g.applyServed(toks)
	g.applyResembles(t)
	// Packing syntax first: "sugar 50kg pp bags" is sugar in bags, though
	// "pp bags" alone are goods.
	g.applyPackaging(toks)
	g.applyModifiers(toks)
}

// applyServed weakens what follows a "serves" marker when goods were named
// before it, unless those goods are parts or accessories.
func (g *grammar) applyServed(toks []token) {
	for k := 0; k < len(toks); k++ {
		if !toks[k].opens || toks[k].lead != markServes {
			continue
		}
		if k > 0 && g.served.parts.endingAt(toks, k-1, 2) > 0 {
			continue
		}
		// "For iPhone 15 case": a title that opens with the marker names
		// what the goods serve and the goods after it, in no telling
		// order; no lexicon match there may place them, and the
		// nomenclature search keeps the marker's factor.
		lead := !g.names(toks[:k])
		for j := k; j < len(toks) && toks[j].lead == markServes && (j == k || !toks[j].opens); j++ {
			if !lead {
				toks[j].weak = g.served.factor
			}
			toks[j].role = roleServed
		}
	}
}

// applyResembles marks the words a look word says the goods resemble.
func (g *grammar) applyResembles(t *text) {
	toks := t.tokens
	r := &g.resembles
	for i := range toks {
		phrase := r.phrase.has(toks[i].stem)
		if i > 0 && (phrase || r.after.has(toks[i].stem)) && toks[i-1].clause == toks[i].clause {
			for j := i - 1; j >= 0; j-- {
				toks[j].weak, toks[j].role = r.factor, roleResembles
				// "sports-car-shaped": the words joined by hyphens go
				// together; "Louis XV style", "1920s style" too.
				if j == 0 || toks[j-1].clause != toks[j].clause || toks[j-1].role != roleNone {
					break
				}
				if t.norm[toks[j-1].end:toks[j].start] != "-" && !(phrase && i-j < 3) {
					break
				}
			}
		}
		if r.before.has(toks[i].stem) {
			for j := i + 1; j < len(toks) && toks[j].clause == toks[i].clause; j++ {
				if r.except.has(toks[j].stem) {
					break
				}
				if !toks[j].isNum {
					toks[j].weak, toks[j].role = r.factor, roleResembles
				}
			}
		}
	}
}

// applyModifiers marks modifier/head pairs of the modifier patterns. The
// token factors stay: the nomenclature search reads "diamond saw blade"
// whole; only lexicon matches are discounted (see matchFactor).
func (g *grammar) applyModifiers(toks []token) {
	for i := 1; i < len(toks); i++ {
		for _, p := range g.modifiers.patterns {
			n := p.heads.at(toks, i)
			if n == 0 || toks[i-1].clause != toks[i].clause || toks[i].role == rolePackaging {
				continue
			}
			if p.anyMod {
				if !g.modifyBefore(toks, i, i) {
					continue
				}
			} else {
				m := p.modifiers.endingAt(toks, i-1, 3)
				if m == 0 {
					continue
				}
				for j := i - m; j < i; j++ {
					g.modify(&toks[j])
				}
				if !p.alone {
					g.modifyBefore(toks, i-m, i)
				}
			}
			hr := roleGoodsHead
			if p.headMisleads {
				hr = roleHead
			}
			for j := i; j < i+n; j++ {
				toks[j].role = hr
			}
			i += n - 1
			break
		}
	}
}

// modifyBefore marks as modifiers the words before token from in its
// clause, up to four words before head; it reports whether it marked any.
// A word the grammar has read already (a look word, packing) keeps its
// role.
func (g *grammar) modifyBefore(toks []token, from, head int) bool {
	marked := false
	for j := from - 1; j >= 0 && j >= head-4 && toks[j].clause == toks[head].clause; j-- {
		if r := toks[j].role; r == roleHead || r == roleGoodsHead {
			break
		}
		if r := toks[j].role; !toks[j].isNum && (r == roleNone || r == roleModifier || r == roleMaybePack) {
			g.modify(&toks[j])
			marked = true
		}
	}
	return marked
}

// modify marks tok as a modifier: it counts by the search factor in the
// nomenclature search, where the head decides ("wine opener" is searched
// as an opener).
func (g *grammar) modify(tok *token) {
	if tok.role != roleModifier {
		tok.weak *= g.modifiers.search
	}
	tok.role = roleModifier
}

// applyPackaging marks packaging words and the quantities before them.
func (g *grammar) applyPackaging(toks []token) {
	pk := &g.packaging
	if g.empties(toks) {
		return
	}
	content := -1 // whether the description names anything but packing; -1 not yet known
	for i := 0; i < len(toks); i++ {
		n := pk.words.at(toks, i)
		if n == 0 || toks[i].role != roleNone {
			continue
		}
		// A word that makes the packaging word goods: "leather bags".
		if i > 0 && toks[i-1].clause == toks[i].clause && pk.goods.has(toks[i-1].stem) {
			i += n - 1
			continue
		}
		// "bags of rice"; "bags 50kg", "sacs de 25 kg": a measure after
		// the packing word is what each holds.
		syntax := i+n < len(toks) && toks[i+n].opens && toks[i+n].lead == markOf || g.measureAfter(toks, i+n)
		j := i - 1
		for ; j >= 0 && toks[j].clause == toks[i].clause && !syntax; j-- {
			s := toks[j].stem
			switch {
			case toks[j].isNum || pk.units.has(s) || pk.intro.has(s):
				syntax = true
			case pk.qualifiers.has(s):
				continue
			}
			break
		}
		// "in bags", "on pallets": the marker's clause opens with the
		// packing word.
		placed := toks[i].lead == markPlace && clauseStart(toks, i) == i
		if !syntax && (j < 0 || toks[j].clause != toks[i].clause) && toks[i].lead == markPlace && clauseStart(toks, i) == j+1 {
			syntax = true
		}
		r := roleMaybePack
		if syntax {
			if content < 0 {
				content = 0
				if g.names(toks) {
					content = 1
				}
			}
			if content == 1 {
				r = rolePackaging
			}
		}
		for k := i; k < i+n; k++ {
			toks[k].role = r
			if r == rolePackaging {
				toks[k].weak = pk.factor
			}
		}
		if r == rolePackaging && placed {
			// "in" or "on" governs the packing, not what follows it: "IN
			// BULK 60,000 MT SOYBEANS" names soybeans in full.
			for k := i + n; k < len(toks) && toks[k].clause == toks[i].clause && toks[k].lead == markPlace; k++ {
				if toks[k].role == roleNone {
					toks[k].weak, toks[k].lead = 1, markNone
				}
			}
		}
		if r == rolePackaging {
			// The quantity before the packing names nothing either.
			for k := i - 1; k >= 0 && toks[k].clause == toks[i].clause && (toks[k].isNum || pk.units.has(toks[k].stem) || pk.qualifiers.has(toks[k].stem)); k-- {
				if toks[k].role == roleNone {
					toks[k].weak, toks[k].role = pk.factor, rolePackaging
				}
			}
		}
		i += n - 1
	}
}

// empties marks the packing as the goods when the description says it
// is empty ("empty perfume bottles"): the words before a packaging word
// in its clause say what it is for. It reports whether it did.
func (g *grammar) empties(toks []token) bool {
	pk := &g.packaging
	found := false
	for i := range toks {
		if pk.empty.at(toks, i) > 0 {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	for i := 0; i < len(toks); i++ {
		n := pk.words.at(toks, i)
		if n == 0 || toks[i].role != roleNone {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-4 && toks[j].clause == toks[i].clause; j-- {
			if toks[j].role == roleNone && !toks[j].isNum && pk.empty.at(toks, j) == 0 {
				g.modify(&toks[j])
			}
		}
		for k := i; k < i+n; k++ {
			toks[k].role = roleGoodsHead
		}
		i += n - 1
	}
	return true
}

// measureAfter reports whether a measure follows from token k, after at
// most one intro word: "50kg", "de 25 kg", "по 50 кг".
func (g *grammar) measureAfter(toks []token, k int) bool {
	pk := &g.packaging
	if k < len(toks) && !toks[k].isNum && pk.intro.has(toks[k].stem) {
		k++
	}
	return k+1 < len(toks) && toks[k].isNum && toks[k+1].clause == toks[k].clause && pk.measures.at(toks, k+1) > 0
}

// clauseStart returns the index of the first token of i's clause.
func clauseStart(toks []token, i int) int {
	for i > 0 && toks[i-1].clause == toks[i].clause {
		i--
	}
	return i
}

// names reports whether toks have a word that is not a packaging word, a
// quantity or a stopword: something the packing holds.
func (g *grammar) names(toks []token) bool {
	pk := &g.packaging
	for k := range toks {
		s := toks[k].stem
		if toks[k].isNum || len(s) < 2 || g.stop[s] || pk.words.has(s) || pk.units.has(s) || pk.qualifiers.has(s) || pk.intro.has(s) {
			continue
		}
		if pk.words.at(toks, k) > 0 {
			continue
		}
		return true
	}
	return false
}

// matchFactor is the factor of a lexicon phrase of n tokens at token i: a
// phrase on a modifier or an ordinary head counts by the modifier factor,
// unless the lexicon knows the whole compound ("watch box").
func (g *grammar) matchFactor(toks []token, i, n int) float64 {
	f := toks[i].weak
	if g == nil {
		return f
	}
	switch toks[i].role {
	case roleServed:
		return min(f, g.served.factor)
	case rolePackaging:
		// "bales of used clothing": a phrase that goes on past the
		// packing names the goods.
		if last := toks[i+n-1]; last.role != rolePackaging {
			return last.weak
		}
		return g.packaging.factor
	case roleHead:
		// "Bordeaux red wine": a phrase that goes on past the head is
		// another reading the lexicon knows.
		if last := toks[i+n-1].role; last != roleHead {
			return f
		}
		return f * g.modifiers.factor
	case roleModifier:
		// "watch box": the lexicon knows the compound; it counts as its
		// head does.
		if last := toks[i+n-1]; last.role == roleHead || last.role == roleGoodsHead {
			return last.weak
		}
		return f * g.modifiers.factor
	}
	return f
}

// postMatch applies the rules that need the lexicon's matches: packaging
// words that another concept's goods make packing, modifiers of compound
// nouns, and imitation jewellery materials.
func (g *grammar) postMatch(lx *Lexicon, t *text, ms []matched) []matched {
	if g == nil {
		return ms
	}
	g.packedGoods(t, ms)
	g.brandPacking(t, ms)
	g.compounds(t, ms)
	return g.costume(lx, t, ms)
}

// product reports whether a match names goods of some concept.
func (m *matched) product() bool {
	return !m.p.noise && len(m.p.hits) > 0 && m.factor > 0
}

func (m *matched) shares(o *matched) bool {
	for _, h := range m.p.hits {
		for _, x := range o.p.hits {
			if h.concept == x.concept {
				return true
			}
		}
	}
	return false
}

// packedGoods discounts a match made only of packaging words ("bags" in
// "rice bags") when another concept names the goods.
func (g *grammar) packedGoods(t *text, ms []matched) {
	for i := range ms {
		m := &ms[i]
		if !m.product() || !allRole(t.tokens, m.from, m.to, roleMaybePack) {
			continue
		}
		for k := range ms {
			if k != i && ms[k].product() && !allRole(t.tokens, ms[k].from, ms[k].to, roleMaybePack) && !m.shares(&ms[k]) {
				m.factor = g.packaging.factor
				for j := m.from; j < m.to; j++ {
					t.tokens[j].weak, t.tokens[j].role = g.packaging.factor, rolePackaging
				}
				break
			}
		}
	}
}

// brandPacking discounts a brand that only names the maker of a packing
// word's goods when nothing else names goods: "Rolex box" is a box, not a
// watch, and the line needs review.
func (g *grammar) brandPacking(t *text, ms []matched) {
	toks := t.tokens
	brand := -1
	for i := range ms {
		m := &ms[i]
		if !m.product() {
			continue
		}
		if brand >= 0 || !m.brandOnly() {
			return // another product word names the goods
		}
		brand = i
	}
	if brand < 0 {
		return
	}
	m := &ms[brand]
	if m.to < len(toks) && toks[m.to].clause == toks[m.to-1].clause && toks[m.to].role == roleMaybePack {
		m.factor *= g.modifiers.factor
		for j := m.from; j < m.to; j++ {
			g.modify(&toks[j])
		}
	}
}

// brandOnly reports whether every hit of m is a brand.
func (m *matched) brandOnly() bool {
	for _, h := range m.p.hits {
		if h.kind != "brand" {
			return false
		}
	}
	return len(m.p.hits) > 0
}

func allRole(toks []token, from, to int, r role) bool {
	for j := from; j < to; j++ {
		if toks[j].role != r {
			return false
		}
	}
	return to > from
}

// english reports whether every hit of m is an English term, model or
// brand, and at least one is.
func (m *matched) english(heads bool) bool {
	any := false
	for _, h := range m.p.hits {
		switch h.kind {
		case "term", "model":
			any = true
		case "brand":
			if heads {
				return false
			}
			any = true
		case "context":
		default:
			return false
		}
	}
	return any
}

// weight is the largest weight of m's hits.
func (m *matched) weight() float64 {
	w := 0.0
	for _, h := range m.p.hits {
		w = max(w, h.weight)
	}
	return w
}

func anyNum(toks []token) bool {
	return slices.ContainsFunc(toks, func(t token) bool { return t.isNum })
}

// compounds discounts the first of two product words in a row whose
// concepts differ: "horse saddle" is a saddle.
func (g *grammar) compounds(t *text, ms []matched) {
	toks := t.tokens
	prev := -1 // the last top-level product match
	end := 0
	for i := range ms {
		m := &ms[i]
		if m.to <= m.from || m.from < end { // a substring key, or inside the previous match
			continue
		}
		end = m.to
		if !m.product() {
			if m.p.noise || len(m.p.hits) == 0 {
				continue
			}
			// "diamond ring box": what modifies a modifier modifies the
			// head too.
			if prev >= 0 && toks[m.from].role == roleModifier {
				a := &ms[prev]
				if m.from-a.to <= g.compound.gap && toks[a.to-1].clause == toks[m.from].clause && !anyNum(toks[a.to:m.from]) {
					a.factor *= g.modifiers.factor
				}
			}
			prev = -1
			continue
		}
		if prev >= 0 {
			a := &ms[prev]
			// A modifier is one word ("horse", "Ferrari"); the head names
			// the goods at least as surely as the modifier would, and no
			// number stands between ("diamond 1.02 ct" is no compound).
			if a.to-a.from == 1 && m.from-a.to <= g.compound.gap && toks[a.to-1].clause == toks[m.from].clause &&
				!anyNum(toks[a.to:m.from]) && m.weight() >= a.weight() &&
				a.english(false) && m.english(true) && !a.shares(m) && a.factor > 0 {
				a.factor *= g.compound.factor
			}
		}
		prev = i
	}
}

// costume adds the imitation signal when a jewel is described with an
// imitation material and no precious stone.
func (g *grammar) costume(lx *Lexicon, t *text, ms []matched) []matched {
	im := &g.imitation
	jewel := false
	for i := range ms {
		if !ms[i].product() {
			continue
		}
		for _, h := range ms[i].p.hits {
			if slices.Contains(im.concepts, h.concept) {
				jewel = true
			}
		}
	}
	if !jewel {
		return ms
	}
	toks := t.tokens
	var words []string
	for i := 0; i < len(toks); i++ {
		m, s := im.materials.at(toks, i), im.stones.at(toks, i)
		switch {
		case s > m:
			return ms // a precious or semi-precious stone is stated
		case m > 0:
			words = append(words, t.norm[toks[i].start:toks[i+m-1].end])
			i += m - 1
		}
	}
	if len(words) == 0 {
		return ms
	}
	return append(ms, matched{p: im.phrase, factor: 1, text: strings.Join(words, " "), from: 0, to: 0})
}
