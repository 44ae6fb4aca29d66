package classify

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/datafile"
)

// lexiconFS holds the authored lexicon, and the number vocabulary beside
// it so that [FS] is all of the package's data. Each New parses it afresh,
// so no parsed state is shared between classifiers.
//
//go:embed lexicon/*.yaml data/*.yaml
var lexiconFS embed.FS

// Term weights. A product noun says what the goods are; a model name says
// it more precisely; a brand says what a maker mostly sells; context words
// only tip a balance.
const (
	weightTerm    = 2.0
	weightStrong  = 2.5
	weightBrand   = 1.2
	weightContext = 0.5
)

// yamlLexicon is the layout of one lexicon file.
type yamlLexicon struct {
	Attributes []yamlAttrWords `yaml:"attributes"`
	Noise      []string        `yaml:"noise"`
	Vague      yamlVague       `yaml:"vague"`
	Concepts   []yamlConcept   `yaml:"concepts"`
	Grammar    *yamlGrammar    `yaml:"grammar"`
}

// yamlVague lists the words of descriptions that name no goods: Goods
// stand for goods without saying what they are ("general merchandise",
// "samples", "spare parts"), Filler adds nothing to them ("as per
// invoice", "assorted").
type yamlVague struct {
	Goods  []string `yaml:"goods"`
	Filler []string `yaml:"filler"`
}

type yamlAttrWords struct {
	Attr  string   `yaml:"attr"`
	Value string   `yaml:"value"`
	Words []string `yaml:"words"`
}

type yamlConcept struct {
	ID          string              `yaml:"id"`
	Headings    []string            `yaml:"headings"`
	Description string              `yaml:"description"`
	Terms       []string            `yaml:"terms"`
	Strong      []string            `yaml:"strong"`
	Brands      []string            `yaml:"brands"`
	Context     []string            `yaml:"context"`
	Keys        map[string][]string `yaml:"keys"`
	Implies     []yamlImplies       `yaml:"implies"`
	Assume      map[string]string   `yaml:"assume"`
	Signals     []string            `yaml:"signals"`
	Parts       string              `yaml:"parts"`
	Code        string              `yaml:"code"`
	Rules       []yamlRule          `yaml:"rules"`
	Otherwise   string              `yaml:"otherwise"`
	RedFlag     string              `yaml:"redflag"`
}

type yamlImplies struct {
	Words []string          `yaml:"words"`
	Set   map[string]string `yaml:"set"`
}

type yamlRule struct {
	When map[string]string `yaml:"when"`
	Code string            `yaml:"code"`
}

// LexiconError reports a problem in a lexicon file with its place: file,
// line, column and field path. It is the one error type of every data
// file.
type LexiconError = datafile.Error

// ErrLexicon is wrapped by every [*LexiconError].
var ErrLexicon = errors.New("invalid lexicon")

// LexiconDir is the directory of the lexicon files in [FS] and in a data
// directory laid out like the repository (classify/lexicon).
const LexiconDir = "lexicon"

// FS returns the package's embedded data files, laid out as the package
// directory: the lexicon (lexicon/*.yaml) and the number vocabulary
// ([NumbersFile]). It is read-only.
func FS() fs.FS { return lexiconFS }

// concept is a compiled product type: the goods one lexicon entry
// describes, with the rules that pick their subheading.
type concept struct {
	id          string
	headings    []hs.Code
	description string
	code        hs.Code // fixed code when there are no rules
	rules       []rule
	otherwise   hs.Code
	parts       hs.Code
	assume      []assumption
	signals     []attr
	redFlag     string
}

type assumption struct {
	a attr
	v string
}

// hit is what a matched phrase says about a concept.
type hit struct {
	concept int
	weight  float64
	kind    string // term, model, brand, context
}

// attrAssign is what a matched phrase says about an attribute.
type attrAssign struct {
	a       attr
	v       string
	implied bool
}

// pword is one word of a phrase: a stem matched exactly, or a prefix
// (authored with a trailing "*") matched against the start of the word.
type pword struct {
	s      string
	prefix bool
}

// phrase is one dictionary entry: a sequence of words and everything a
// match of it means.
type phrase struct {
	words  []pword
	source string // as authored, for evidence
	hits   []hit
	attrs  []attrAssign
	noise  bool
	// vague marks words that stand for goods without naming them, filler
	// words that add nothing to such a description.
	vague, filler bool
}

// Lexicon is the compiled luxury lexicon: product concepts with their
// terms, brands, multilingual keys and subheading rules, and the attribute
// vocabulary. It is immutable and safe for concurrent use.
type Lexicon struct {
	concepts []concept
	// byFirst indexes phrases whose first word is matched exactly by that
	// stem, longest phrase first.
	byFirst map[string][]*phrase
	// byPrefix indexes phrases whose first word is a prefix (keys written
	// with a trailing "*", for inflected languages) by the prefix's first
	// three letters.
	byPrefix map[string][]*phrase
	// substrings are keys in scripts written without spaces (Chinese,
	// Japanese) or with attached particles (Korean).
	substrings []*phrase
	codes      map[string]bool // every code the lexicon names
	// weak are the marker words of the grammar, read by tokenize; grammar
	// is the rest of it (see [GrammarFile]). A lexicon without a grammar
	// section has neither.
	weak    markers
	grammar *grammar
}

// LoadLexicon parses lexicon files from fsys (every *.yaml in dir). It is
// exported so that tools and tests can load an alternative lexicon; New
// uses the embedded one unless given [WithLexicon]. Every problem of every
// file is reported: the error is a [*LexiconError] or several joined (see
// [datafile.Problems]).
func LoadLexicon(fsys fs.FS, dir string) (*Lexicon, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("classify: listing lexicon: %w", err)
	}
	if len(names) == 0 {
		return nil, &LexiconError{File: dir, Err: fmt.Errorf("%w: no *.yaml files", ErrLexicon)}
	}
	slices.Sort(names)
	lx := &Lexicon{byFirst: map[string][]*phrase{}, byPrefix: map[string][]*phrase{}, codes: map[string]bool{}}
	b := &builder{lx: lx, index: map[string]*phrase{}, conceptIDs: map[string]int{}}
	var docs []lexiconDoc
	var errs []error
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("classify: reading lexicon: %w", err)
		}
		d := lexiconDoc{f: datafile.NewFile(datafile.Source(fsys, n))}
		if d.root = d.f.Root(data); d.root != nil {
			d.f.Decode(d.root, "", &d.y)
		}
		if err := d.f.Err(); err != nil {
			// Decoding problems wrap ErrLexicon too, so that one test
			// tells a lexicon problem.
			for _, p := range datafile.Problems(err) {
				p.Err = fmt.Errorf("%w: %w", ErrLexicon, p.Err)
				errs = append(errs, p)
			}
			continue
		}
		docs = append(docs, d)
	}
	// The grammar first: its markers are not words of any phrase.
	gdoc := -1
	for k, d := range docs {
		if d.y.Grammar == nil {
			continue
		}
		if gdoc >= 0 {
			d.fail(fmt.Errorf("%w: %w", ErrLexicon, errTwoGrammars), "grammar")
			continue
		}
		gdoc = k
		mk, g, gerrs := compileGrammar(d.y.Grammar)
		for _, e := range gerrs {
			d.fail(e)
		}
		lx.weak, lx.grammar = mk, g
	}
	// Concepts first, so that brands shared by several concepts can be
	// weighted by how many concepts claim them.
	brandCount := map[string]int{}
	for _, d := range docs {
		for _, c := range d.y.Concepts {
			for _, br := range c.Brands {
				brandCount[normKey(br)]++
			}
		}
	}
	for _, d := range docs {
		for i, c := range d.y.Concepts {
			if err := b.concept(c, brandCount); err != nil {
				d.fail(err, "concepts", i)
			}
		}
		b.words(d)
		errs = append(errs, d.f.Err())
	}
	if gdoc >= 0 {
		if err := lx.grammar.resolveConcepts(lx); err != nil {
			docs[gdoc].fail(err)
			errs = append(errs, docs[gdoc].f.Err())
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// A noise phrase keeps the words of a longer phrase from naming the
	// goods of a shorter one ("water pump" is no pump of footwear). When
	// a concept names the phrase itself as a term, the term says what the
	// words are, and wins.
	for _, ps := range lx.byFirst {
		for _, p := range ps {
			if p.noise && len(p.hits) > 0 {
				p.noise = false
			}
		}
	}
	for _, ps := range lx.byFirst {
		slices.SortStableFunc(ps, func(x, y *phrase) int { return len(y.words) - len(x.words) })
	}
	for _, ps := range lx.byPrefix {
		slices.SortStableFunc(ps, func(x, y *phrase) int { return len(y.words) - len(x.words) })
	}
	return lx, nil
}

// lexiconDoc is one decoded lexicon file.
type lexiconDoc struct {
	f    *datafile.File
	root *yaml.Node
	y    yamlLexicon
}

// fail records err at the path p of the document, extended by the field
// path err carries (a [fieldError]).
func (d lexiconDoc) fail(err error, p ...any) {
	var fe *fieldError
	if errors.As(err, &fe) {
		p = append(p, fe.path...)
		err = fe.err
	}
	d.f.Fail(datafile.At(d.root, p...), datafile.Path(p...), ErrLexicon, "%s", strings.TrimPrefix(err.Error(), ErrLexicon.Error()+": "))
}

// fieldError is a problem below a concept, with its path there.
type fieldError struct {
	path []any
	err  error
}

func (e *fieldError) Error() string { return e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// words adds the attribute words, noise words and vague words of a
// document.
func (b *builder) words(d lexiconDoc) {
	for i, aw := range d.y.Attributes {
		a, ok := attrByName(aw.Attr)
		if !ok {
			d.fail(fmt.Errorf("unknown attribute %q", aw.Attr), "attributes", i, "attr")
			continue
		}
		if aw.Value == "" || len(aw.Words) == 0 {
			d.fail(errors.New("value and words are required"), "attributes", i)
			continue
		}
		for j, w := range aw.Words {
			p, err := b.phrase(w)
			if err != nil {
				d.fail(err, "attributes", i, "words", j)
				continue
			}
			p.attrs = append(p.attrs, attrAssign{a: a, v: aw.Value})
		}
	}
	b.marked(d, d.y.Noise, func(p *phrase) { p.noise = true }, "noise")
	b.marked(d, d.y.Vague.Goods, func(p *phrase) { p.vague = true }, "vague", "goods")
	b.marked(d, d.y.Vague.Filler, func(p *phrase) { p.filler = true }, "vague", "filler")
}

// marked adds the phrases of words, each marked by mark; at is the path
// of the list in the document.
func (b *builder) marked(d lexiconDoc, words []string, mark func(*phrase), at ...any) {
	for i, w := range words {
		p, err := b.phrase(w)
		if err != nil {
			d.fail(err, append(slices.Clone(at), i)...)
			continue
		}
		mark(p)
	}
}

// builder accumulates phrases, merging those with the same words.
type builder struct {
	lx         *Lexicon
	index      map[string]*phrase
	conceptIDs map[string]int
}

// normKey normalises an authored key the way descriptions are normalised.
func normKey(s string) string {
	return strings.Join(strings.Fields(normalize(s)), " ")
}

// phrase returns the dictionary entry for an authored term, creating it.
// A word ending in "*" is a prefix; keys in Han or Hangul are matched as
// substrings.
func (b *builder) phrase(raw string) (*phrase, error) {
	w := strings.TrimSpace(raw)
	if i := strings.LastIndexByte(w, '^'); i > 0 {
		w = w[:i] // weight suffix, read by weightOf
	}
	if strings.Trim(w, "* ") == "" {
		return nil, fmt.Errorf("%w: empty term", ErrLexicon)
	}
	n := normKey(w)
	if strings.IndexFunc(n, isCJK) >= 0 {
		key := "cjk:" + strings.ReplaceAll(n, " ", "")
		if p, ok := b.index[key]; ok {
			return p, nil
		}
		// The evidence shows the key as authored ("腕時計"), not
		// normalised ("腕时计").
		p := &phrase{words: []pword{{s: strings.ReplaceAll(n, " ", "")}}, source: w}
		b.index[key] = p
		b.lx.substrings = append(b.lx.substrings, p)
		return p, nil
	}
	var words []pword
	for _, f := range strings.Fields(w) {
		prefix := strings.HasSuffix(f, "*")
		t := tokenize(strings.TrimSuffix(f, "*"), b.lx.weak)
		for i, tk := range t.tokens {
			pw := pword{s: tk.stem}
			if prefix && i == len(t.tokens)-1 {
				pw = pword{s: tk.text, prefix: true}
				if utf8.RuneCountInString(tk.text) < 3 {
					return nil, fmt.Errorf("%w: prefix %q in %q is shorter than three letters", ErrLexicon, f, raw)
				}
			}
			words = append(words, pw)
		}
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("%w: term %q has no words", ErrLexicon, raw)
	}
	var kb strings.Builder
	for _, pw := range words {
		kb.WriteString(pw.s)
		if pw.prefix {
			kb.WriteByte('*')
		}
		kb.WriteByte(' ')
	}
	key := kb.String()
	if p, ok := b.index[key]; ok {
		return p, nil
	}
	p := &phrase{words: words, source: raw}
	b.index[key] = p
	if words[0].prefix {
		k := firstRunes(words[0].s, 3)
		b.lx.byPrefix[k] = append(b.lx.byPrefix[k], p)
	} else {
		b.lx.byFirst[words[0].s] = append(b.lx.byFirst[words[0].s], p)
	}
	return p, nil
}

// firstRunes returns the first n runes of s.
func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// weightOf reads an optional "^weight" suffix of an authored term.
func weightOf(raw string, def float64) (float64, error) {
	i := strings.LastIndexByte(raw, '^')
	if i <= 0 {
		return def, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(raw[i+1:]), 64)
	if err != nil || f <= 0 || f > 10 {
		return 0, fmt.Errorf("%w: term %q: weight must be a number in (0, 10]", ErrLexicon, raw)
	}
	return f, nil
}

// conceptFail returns the error of a field of a concept: a [*fieldError]
// with the path of the field below the concept.
func conceptFail(field string, err error) error {
	var p []any
	for _, part := range strings.Split(field, ".") {
		name, idx, ok := strings.Cut(strings.TrimSuffix(part, "]"), "[")
		p = append(p, name)
		if n, err := strconv.Atoi(idx); ok && err == nil {
			p = append(p, n)
		}
	}
	return &fieldError{path: p, err: err}
}

// concept compiles one concept; an error is a [*fieldError] with the
// path of the field below the concept.
func (b *builder) concept(y yamlConcept, brandCount map[string]int) error {
	if y.ID == "" {
		return conceptFail("id", fmt.Errorf("%w: id is required", ErrLexicon))
	}
	if _, dup := b.conceptIDs[y.ID]; dup {
		return conceptFail("id", fmt.Errorf("%w: concept id used twice", ErrLexicon))
	}
	if len(y.Headings) == 0 {
		return conceptFail("headings", fmt.Errorf("%w: at least one heading is required", ErrLexicon))
	}
	if y.Description == "" {
		return conceptFail("description", fmt.Errorf("%w: description is required", ErrLexicon))
	}
	idx := len(b.lx.concepts)
	c := concept{id: y.ID, description: y.Description, redFlag: y.RedFlag}
	if err := b.conceptCodes(&c, &y); err != nil {
		return err
	}
	if err := conceptAttrs(&c, &y); err != nil {
		return err
	}
	b.conceptIDs[y.ID] = idx
	b.lx.concepts = append(b.lx.concepts, c)
	if err := b.conceptTerms(idx, &y, brandCount); err != nil {
		return err
	}
	return b.conceptImplies(&y)
}

// code parses a code of a concept of min to 6 digits and records it as
// one the lexicon can answer.
func (b *builder) code(field, s string, min int) (hs.Code, error) {
	cd, err := hs.Parse(s)
	if err != nil {
		return hs.Code{}, conceptFail(field, fmt.Errorf("%w: %v", ErrLexicon, err))
	}
	if cd.Len() < min || cd.Len() > 6 {
		return hs.Code{}, conceptFail(field, fmt.Errorf("%w: code %s: want %d to 6 digits", ErrLexicon, s, min))
	}
	b.lx.codes[cd.Digits()] = true
	return cd, nil
}

// conceptCodes compiles the headings, codes and rules of a concept.
func (b *builder) conceptCodes(c *concept, y *yamlConcept) error {
	for _, h := range y.Headings {
		cd, err := b.code("headings", h, 4)
		if err != nil {
			return err
		}
		if cd.Len() != 4 {
			return conceptFail("headings", fmt.Errorf("%w: heading %s must have 4 digits", ErrLexicon, h))
		}
		c.headings = append(c.headings, cd)
	}
	for _, f := range []struct {
		name, s string
		to      *hs.Code
	}{{"code", y.Code, &c.code}, {"otherwise", y.Otherwise, &c.otherwise}, {"parts", y.Parts, &c.parts}} {
		if f.s == "" {
			continue
		}
		cd, err := b.code(f.name, f.s, 4)
		if err != nil {
			return err
		}
		*f.to = cd
	}
	for i, r := range y.Rules {
		field := fmt.Sprintf("rules[%d]", i)
		cd, err := b.code(field+".code", r.Code, 6)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(c.headings, func(h hs.Code) bool { return h.Covers(cd) }) {
			return conceptFail(field+".code", fmt.Errorf("%w: code %s is not under the concept's headings", ErrLexicon, r.Code))
		}
		ru := rule{code: cd}
		for _, k := range slices.Sorted(maps.Keys(r.When)) {
			cond, err := parseCondition(k, r.When[k])
			if err != nil {
				return conceptFail(field+".when."+k, err)
			}
			ru.conds = append(ru.conds, cond)
		}
		c.rules = append(c.rules, ru)
	}
	if len(c.rules) == 0 && c.code.IsZero() {
		return conceptFail("code", fmt.Errorf("%w: a concept needs a code or rules", ErrLexicon))
	}
	return nil
}

// conceptAttrs compiles the assumptions and signals of a concept.
func conceptAttrs(c *concept, y *yamlConcept) error {
	for k, v := range y.Assume {
		a, ok := attrByName(k)
		if !ok {
			return conceptFail("assume."+k, fmt.Errorf("%w: unknown attribute", ErrLexicon))
		}
		c.assume = append(c.assume, assumption{a: a, v: v})
	}
	slices.SortFunc(c.assume, func(x, y assumption) int { return int(x.a) - int(y.a) })
	for _, s := range y.Signals {
		a, ok := attrByName(s)
		if !ok {
			return conceptFail("signals", fmt.Errorf("%w: unknown attribute %q", ErrLexicon, s))
		}
		c.signals = append(c.signals, a)
	}
	return nil
}

// conceptTerms adds the terms, models, brands, context words and keys of
// the concept at index idx to the phrase dictionary.
func (b *builder) conceptTerms(idx int, y *yamlConcept, brandCount map[string]int) error {
	add := func(field string, terms []string, def float64, kind string, split bool) error {
		for _, t := range terms {
			w, err := weightOf(t, def)
			if err != nil {
				return conceptFail(field, err)
			}
			if split {
				if n := brandCount[normKey(t)]; n > 1 {
					w /= float64(n)
				}
			}
			p, err := b.phrase(t)
			if err != nil {
				return conceptFail(field, err)
			}
			// Spellings that normalise alike ("s600", "S 600") are one
			// phrase and count once, at the highest weight given.
			dup := false
			for i := range p.hits {
				if p.hits[i].concept == idx {
					p.hits[i].weight = max(p.hits[i].weight, w)
					dup = true
				}
			}
			if !dup {
				p.hits = append(p.hits, hit{concept: idx, weight: w, kind: kind})
			}
		}
		return nil
	}
	for _, g := range []struct {
		field string
		terms []string
		def   float64
		kind  string
		split bool
	}{
		{"terms", y.Terms, weightTerm, "term", false},
		{"strong", y.Strong, weightStrong, "model", false},
		{"brands", y.Brands, weightBrand, "brand", true},
		{"context", y.Context, weightContext, "context", false},
	} {
		if err := add(g.field, g.terms, g.def, g.kind, g.split); err != nil {
			return err
		}
	}
	for _, l := range slices.Sorted(maps.Keys(y.Keys)) {
		if err := add("keys."+l, y.Keys[l], weightTerm, "key:"+l, false); err != nil {
			return err
		}
	}
	return nil
}

// conceptImplies records the attributes the concept's words imply.
func (b *builder) conceptImplies(y *yamlConcept) error {
	for i, im := range y.Implies {
		var sets []attrAssign
		for k, v := range im.Set {
			a, ok := attrByName(k)
			if !ok {
				return conceptFail(fmt.Sprintf("implies[%d].set", i), fmt.Errorf("%w: unknown attribute %q", ErrLexicon, k))
			}
			sets = append(sets, attrAssign{a: a, v: v, implied: true})
		}
		slices.SortFunc(sets, func(x, y attrAssign) int { return int(x.a) - int(y.a) })
		for _, w := range im.Words {
			p, err := b.phrase(w)
			if err != nil {
				return conceptFail(fmt.Sprintf("implies[%d].words", i), err)
			}
			p.attrs = append(p.attrs, sets...)
		}
	}
	return nil
}

// conceptIndex returns the index of the concept with the given ID.
func (lx *Lexicon) conceptIndex(id string) (int, bool) {
	for i := range lx.concepts {
		if lx.concepts[i].id == id {
			return i, true
		}
	}
	return 0, false
}

// Codes returns every commodity code the lexicon names, in order.
func (lx *Lexicon) Codes() []string {
	out := make([]string, 0, len(lx.codes))
	for c := range lx.codes {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// Covers reports whether the lexicon has a concept for goods under code:
// a concept heading or rule code that code covers or that covers code.
func (lx *Lexicon) Covers(code hs.Code) bool {
	for _, c := range lx.concepts {
		for _, h := range c.headings {
			if h.Covers(code) || code.Covers(h) {
				return true
			}
		}
	}
	return false
}
