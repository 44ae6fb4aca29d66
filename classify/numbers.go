package classify

import (
	"cmp"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// NumbersFile is the path of the number vocabulary among the classifier's
// data files: the units, hallmarks, karats, centuries and the words around
// numbers that the attribute extractor reads, in every language.
const NumbersFile = "data/numbers.yaml"

// WithNumbers reads the number vocabulary from [NumbersFile] in fsys, a
// file system laid out like the package directory (see [FS]), instead of
// the embedded one.
func WithNumbers(fsys fs.FS) Option {
	return func(c *config) { c.numbers = fsys }
}

// yamlNumbers is the layout of the number vocabulary file.
type yamlNumbers struct {
	// Attached are units written against the number in Chinese or Korean.
	Attached []yamlAttached `yaml:"attached"`
	// Cubed are unit words a glued "3" makes cubic.
	Cubed []string `yaml:"cubed"`
	// Units are the unit words after a number and what they measure.
	Units []yamlUnit `yaml:"units"`
	// Karats are gold standards in karats.
	Karats yamlKarats `yaml:"karats"`
	// Centuries are ordinal centuries.
	Centuries yamlCenturies `yaml:"centuries"`
	// Lead is the lead-oxide percentage of lead crystal.
	Lead yamlLead `yaml:"lead"`
	// Scales are the denominators of scale models.
	Scales []float64 `yaml:"scales"`
	// Symbols are metal symbols glued to a hallmark.
	Symbols []yamlSymbol `yaml:"symbols"`
	// Hallmarks are bare numbers that may be a fineness.
	Hallmarks []yamlHallmark `yaml:"hallmarks"`
	// Words are the named word lists around numbers (see wordLists).
	Words map[string][]string `yaml:"words"`
}

// yamlConversion turns the number read into the attribute's unit.
type yamlConversion struct {
	Attr    string  `yaml:"attr"`
	Factor  float64 `yaml:"factor"`
	Divisor float64 `yaml:"divisor"`
	Round   *int    `yaml:"round"`
}

type yamlAttached struct {
	Unit           string   `yaml:"unit"`
	Suffixes       []string `yaml:"suffixes"`
	yamlConversion `yaml:",inline"`
}

type yamlUnit struct {
	Words          []string `yaml:"words"`
	yamlConversion `yaml:",inline"`
	Above          *float64 `yaml:"above"`
	Below          *float64 `yaml:"below"`
	NotFollowedBy  string   `yaml:"not_followed_by"`
	GluedOnly      bool     `yaml:"glued_only"`
	Context        string   `yaml:"context"`
}

type yamlKarats struct {
	Words  []string  `yaml:"words"`
	Values []float64 `yaml:"values"`
}

type yamlCenturies struct {
	Ordinals     []string `yaml:"ordinals"`
	AfterOrdinal []string `yaml:"after_ordinal"`
	Words        []string `yaml:"words"`
}

type yamlLead struct {
	Words       []string `yaml:"words"`
	PrefixWords []string `yaml:"prefix_words"`
	MinPercent  float64  `yaml:"min_percent"`
}

type yamlSymbol struct {
	Symbols []string `yaml:"symbols"`
	Metal   string   `yaml:"metal"`
	Min     float64  `yaml:"min"`
	Max     *float64 `yaml:"max"`
	Below   *float64 `yaml:"below"`
}

type yamlHallmark struct {
	Metal     string    `yaml:"metal"`
	Values    []float64 `yaml:"values"`
	WithWords []string  `yaml:"with_words"`
	NotBeside []string  `yaml:"not_beside"`
}

// wordSet is a set of normalised words.
type wordSet map[string]bool

// numSet is a set of numbers.
type numSet map[float64]bool

// conversion converts a number into an attribute's unit.
type conversion struct {
	attr            attr
	factor, divisor float64
	round           int
	rounds          bool
}

func (c conversion) apply(n float64) float64 {
	if c.factor != 0 {
		n *= c.factor
	}
	if c.divisor != 0 {
		n /= c.divisor
	}
	if c.rounds {
		p := math.Pow(10, float64(c.round))
		n = math.Round(n*p) / p
	}
	return n
}

// attachedUnit is a unit written against the number in Chinese or Korean.
type attachedUnit struct {
	suffix, unit string
	conv         conversion
}

// Weight contexts of a unit rule.
const (
	contextNone    = ""
	contextUnladen = "unladen"
	contextVehicle = "vehicle"
)

// unitRule is what a unit word after a number reads.
type unitRule struct {
	conv          conversion
	above, below  *float64
	notFollowedBy string
	gluedOnly     bool
	context       string
}

// fineness is the range of hallmarks a metal symbol may carry.
type fineness struct {
	metal     string
	min       float64
	max       float64
	inclusive bool // max is inclusive; otherwise fineness must stay below it
}

// hallmark is a rule for a bare number that may be a fineness.
type hallmark struct {
	metal     string
	values    numSet
	withWords []string
	notBeside wordSet
}

// numberVocab is the compiled number vocabulary (see data/numbers.yaml).
type numberVocab struct {
	attached     []attachedUnit // longest suffix first
	cubed        wordSet
	units        map[string]*unitRule
	karatWords   wordSet
	karats       numSet
	ordinals     wordSet
	afterOrdinal wordSet
	centuryWords wordSet
	leadWords    wordSet
	leadPrefix   wordSet
	leadMin      float64
	scales       numSet
	symbols      map[string]fineness
	hallmarks    []hallmark
	unitWords    wordSet
	notModel     wordSet
	times        wordSet
	dateWords    wordSet
	driver       wordSet
	driverApart  wordSet
	notOwnWeight wordSet
	ownWeight    wordSet
	gvw          wordSet
}

// loadNumbers reads and compiles [NumbersFile] from fsys, a file system
// laid out like the package directory. Errors are [*datafile.Error]s.
func loadNumbers(fsys fs.FS) (*numberVocab, error) {
	data, err := fs.ReadFile(fsys, NumbersFile)
	if err != nil {
		return nil, fmt.Errorf("classify: reading number vocabulary: %w", err)
	}
	name := datafile.Source(fsys, NumbersFile)
	var y yamlNumbers
	root, err := datafile.Decode(name, data, &y)
	if err != nil {
		return nil, err
	}
	f := datafile.NewFile(name)
	v := compileNumbers(f, root, &y)
	if err := f.Err(); err != nil {
		return nil, err
	}
	return v, nil
}

// compileNumbers builds the vocabulary, recording problems in f at their
// place in root.
func compileNumbers(f *datafile.File, root *yaml.Node, y *yamlNumbers) *numberVocab {
	v := &numberVocab{
		cubed: words(y.Cubed), units: map[string]*unitRule{},
		karatWords: words(y.Karats.Words), karats: nums(y.Karats.Values),
		ordinals: words(y.Centuries.Ordinals), afterOrdinal: words(y.Centuries.AfterOrdinal), centuryWords: words(y.Centuries.Words),
		leadWords: words(y.Lead.Words), leadPrefix: words(y.Lead.PrefixWords), leadMin: y.Lead.MinPercent,
		scales: nums(y.Scales), symbols: map[string]fineness{},
	}
	v.compileWords(f, root, y.Words)
	for i, u := range y.Attached {
		conv, ok := compileConversion(f, root, &u.yamlConversion, "attached", i)
		if !ok {
			continue
		}
		for _, s := range u.Suffixes {
			v.attached = append(v.attached, attachedUnit{suffix: normKey(s), unit: u.Unit, conv: conv})
		}
	}
	slices.SortStableFunc(v.attached, func(a, b attachedUnit) int { return cmp.Compare(len(b.suffix), len(a.suffix)) })
	for i, u := range y.Units {
		v.compileUnit(f, root, &u, i)
	}
	// A word after a number has one meaning: unit, karat or century.
	for _, group := range []struct {
		section, key string
		set          wordSet
	}{{"karats", "words", v.karatWords}, {"centuries", "ordinals", v.ordinals}, {"centuries", "words", v.centuryWords}} {
		for w := range group.set {
			if _, dup := v.units[w]; dup {
				f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q is also a unit word", w), group.section, group.key)
			}
		}
	}
	for i, s := range y.Symbols {
		if !isMetal(s.Metal) {
			f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("unknown metal %q", s.Metal), "symbols", i, "metal")
			continue
		}
		fn := fineness{metal: s.Metal, min: s.Min}
		switch {
		case s.Max != nil && s.Below == nil:
			fn.max, fn.inclusive = *s.Max, true
		case s.Below != nil && s.Max == nil:
			fn.max = *s.Below
		default:
			f.FailAt(root, datafile.ErrInvalid, "give max or below", "symbols", i)
			continue
		}
		for _, sym := range s.Symbols {
			v.symbols[normKey(sym)] = fn
		}
	}
	for i, h := range y.Hallmarks {
		if !isMetal(h.Metal) {
			f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("unknown metal %q", h.Metal), "hallmarks", i, "metal")
			continue
		}
		hm := hallmark{metal: h.Metal, values: nums(h.Values), notBeside: words(h.NotBeside)}
		for _, w := range h.WithWords {
			hm.withWords = append(hm.withWords, normKey(w))
		}
		v.hallmarks = append(v.hallmarks, hm)
	}
	return v
}

// wordLists names the word lists of the "words" section and where each
// goes in the vocabulary.
func (v *numberVocab) wordLists() map[string]*wordSet {
	return map[string]*wordSet{
		"unit": &v.unitWords, "not_model": &v.notModel, "times": &v.times, "date": &v.dateWords,
		"driver": &v.driver, "driver_apart": &v.driverApart,
		"not_own_weight": &v.notOwnWeight, "own_weight": &v.ownWeight, "gvw": &v.gvw,
	}
}

// compileWords fills the word lists; every list must be given, and no
// other.
func (v *numberVocab) compileWords(f *datafile.File, root *yaml.Node, ws map[string][]string) {
	lists := v.wordLists()
	for name, list := range ws {
		dst, ok := lists[name]
		if !ok {
			f.FailAt(root, datafile.ErrUnknownField, fmt.Sprintf("%q is not a word list", name), "words", name)
			continue
		}
		*dst = words(list)
	}
	for name, dst := range lists {
		if *dst == nil {
			*dst = wordSet{}
			f.FailAt(root, datafile.ErrMissing, fmt.Sprintf("word list %q is missing", name), "words")
		}
	}
}

func (v *numberVocab) compileUnit(f *datafile.File, root *yaml.Node, u *yamlUnit, i int) {
	conv, ok := compileConversion(f, root, &u.yamlConversion, "units", i)
	if !ok {
		return
	}
	switch u.Context {
	case contextNone:
	case contextUnladen, contextVehicle:
		if conv.attr != attrWeight {
			f.FailAt(root, datafile.ErrInvalid, "a weight context needs attr weight_kg", "units", i, "context")
			return
		}
	default:
		f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("context %q: want unladen or vehicle", u.Context), "units", i, "context")
		return
	}
	r := &unitRule{conv: conv, above: u.Above, below: u.Below, notFollowedBy: u.NotFollowedBy, gluedOnly: u.GluedOnly, context: u.Context}
	for _, w := range u.Words {
		w = normKey(w)
		if _, dup := v.units[w]; dup {
			f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("unit word %q is given twice", w), "units", i, "words")
			continue
		}
		v.units[w] = r
	}
}

// numberAttrs are the attributes a number with a unit may set.
var numberAttrs = [...]attr{attrCC, attrKW, attrLength, attrWeight, attrContainer, attrTenPersons}

func compileConversion(f *datafile.File, root *yaml.Node, y *yamlConversion, section string, i int) (conversion, bool) {
	a, ok := attrByName(y.Attr)
	if !ok || !slices.Contains(numberAttrs[:], a) {
		f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("attr %q: want cc, kw, length_m, weight_kg, container_l or ten_persons", y.Attr), section, i, "attr")
		return conversion{}, false
	}
	if y.Factor < 0 || y.Divisor < 0 {
		f.FailAt(root, datafile.ErrInvalid, "factor and divisor must be positive", section, i)
		return conversion{}, false
	}
	c := conversion{attr: a, factor: y.Factor, divisor: y.Divisor}
	if y.Round != nil {
		c.round, c.rounds = *y.Round, true
	}
	return c, true
}

func isMetal(s string) bool {
	switch s {
	case "gold", "silver", "platinum", "palladium":
		return true
	}
	return false
}

func words(ws []string) wordSet {
	s := make(wordSet, len(ws))
	for _, w := range ws {
		s[normKey(w)] = true
	}
	return s
}

func nums(ns []float64) numSet {
	s := make(numSet, len(ns))
	for _, n := range ns {
		s[n] = true
	}
	return s
}

// mark records a precious metal and its fineness read from a number.
func (m *metalSignals) mark(metal string, fineness float64, ev string) {
	m.set(metal)
	m.fineness = fineness
	m.ev = append(m.ev, ev)
}

// numCtx is one number of a description being read, with its neighbours.
type numCtx struct {
	t      *text
	a      *attrs
	m      *metalSignals
	i      int
	tk     *token
	n      float64
	prev   string
	next   string // the word after the number, "" when a number follows
	next2  string // the word after next, when next is a word
	after  byte   // the byte right after the number
	ev     string // the number and its next word, as evidence
	oldest float64
	// modelCC is the one bare number a model name gives ("KTM 1290 Super
	// Duke", "Kawasaki Z900"); two different ones decide nothing.
	modelCC float64
	modelEv string
	models  int
}

// numberStep reads one kind of number; it reports whether it took the
// number, so that later steps do not read it again.
type numberStep func(v *numberVocab, c *numCtx) bool

// extract reads the attributes written as a number with a unit or a
// hallmark: engine capacity, power, length, weight, container size,
// fineness, lead oxide content, dates and scale ratios. refYear is the
// year ages are counted from. Each number goes through the steps in
// order until one takes it.
func (v *numberVocab) extract(t *text, a *attrs, m *metalSignals, refYear int) {
	steps := [...]numberStep{
		(*numberVocab).attachedUnit, (*numberVocab).unit, (*numberVocab).karat, (*numberVocab).century,
		(*numberVocab).percent, (*numberVocab).scale, (*numberVocab).hallmark, (*numberVocab).engineLitres,
		(*numberVocab).modelNumber, (*numberVocab).year,
	}
	c := numCtx{t: t, a: a, m: m}
	toks := t.tokens
	for i := range toks {
		// A number in a look ("1920s style") dates the look, not the
		// goods.
		if toks[i].role == roleResembles {
			continue
		}
		if !toks[i].isNum {
			v.symbolHallmark(t, i, m)
			continue
		}
		c.at(i)
		for _, step := range steps {
			if step(v, &c) {
				break
			}
		}
	}
	if c.models == 1 {
		a.setNum(attrModelCC, c.modelCC, c.modelEv)
	}
	if c.oldest > 0 && refYear > 0 {
		age := float64(refYear) - c.oldest
		if age >= 0 {
			a.setNum(attrAge, age, strconv.Itoa(int(c.oldest)))
			a[attrAge].dated = true
		}
	}
}

// at moves c to the number at token i.
func (c *numCtx) at(i int) {
	toks := c.t.tokens
	c.i, c.tk, c.n = i, &toks[i], toks[i].num
	c.next, c.next2, c.prev, c.after = "", "", "", 0
	if i+1 < len(toks) && !toks[i+1].isNum {
		c.next = toks[i+1].text
		if i+2 < len(toks) {
			c.next2 = toks[i+2].text
		}
	}
	if i > 0 {
		c.prev = toks[i-1].text
	}
	if c.tk.end < len(c.t.norm) {
		c.after = c.t.norm[c.tk.end]
	}
	c.ev = c.tk.text + " " + c.next
}

// symbolHallmark reads a metal symbol glued to a hallmark: "pt950",
// "s925", "au750".
func (v *numberVocab) symbolHallmark(t *text, i int, m *metalSignals) {
	toks := t.tokens
	if i+1 >= len(toks) || !toks[i+1].isNum || !toks[i+1].glued {
		return
	}
	fn, ok := v.symbols[toks[i].text]
	if !ok {
		return
	}
	n := toks[i+1].num
	if n >= fn.min && (n < fn.max || fn.inclusive && n == fn.max) {
		m.mark(fn.metal, n, toks[i].text+toks[i+1].text)
	}
}

// attachedUnit reads a unit written against the number in Chinese or
// Korean ("12米", "750毫升").
func (v *numberVocab) attachedUnit(c *numCtx) bool {
	rest := c.t.norm[c.tk.end:]
	for _, u := range v.attached {
		if !strings.HasPrefix(rest, u.suffix) {
			continue
		}
		if u.conv.attr == attrTenPersons {
			v.setSeats(c, c.tk.text+" "+u.unit)
		} else {
			c.a.setNum(u.conv.attr, u.conv.apply(c.n), c.tk.text+u.unit)
		}
		return true
	}
	return false
}

// unit reads a number followed by a unit word ("3982 cc", "24.5 m").
func (v *numberVocab) unit(c *numCtx) bool {
	toks := c.t.tokens
	if v.cubed[c.next] && c.i+2 < len(toks) && toks[c.i+2].isNum && toks[c.i+2].glued && toks[c.i+2].num == 3 {
		c.next += "3"
	}
	r, ok := v.units[c.next]
	if !ok {
		return false
	}
	n := c.n
	switch {
	case r.above != nil && n <= *r.above, r.below != nil && n >= *r.below:
		return true
	case r.notFollowedBy != "" && strings.HasPrefix(c.t.norm[c.tk.end:], r.notFollowedBy):
		return true
	case r.gluedOnly && !c.tk.glued:
		return true
	}
	val := r.conv.apply(n)
	switch {
	case r.conv.attr == attrTenPersons:
		v.setSeats(c, c.ev)
	case r.context == contextVehicle && v.isGVW(toks, c.i):
		c.a.setNum(attrGVW, val, c.ev)
	case r.context != contextNone && !v.weightIsUnladen(toks, c.i):
	default:
		c.a.setNum(r.conv.attr, val, c.ev)
	}
	return true
}

// setSeats records whether the vehicle seats ten persons or more.
func (v *numberVocab) setSeats(c *numCtx, ev string) {
	if p, ok := v.seating(c.t, c.i); ok {
		c.a.setStr(attrTenPersons, strconv.FormatBool(p >= 10), ev, false)
	}
}

// karat reads a gold standard in karats ("18K", "9 ct").
func (v *numberVocab) karat(c *numCtx) bool {
	if !v.karatWords[c.next] || !v.karats[c.n] {
		return false
	}
	c.m.mark("gold", math.Round(c.n/24*1000), c.ev)
	return true
}

// century reads "19th century", "18e siècle", "XIX век" as the middle of
// the century.
func (v *numberVocab) century(c *numCtx) bool {
	switch {
	case v.ordinals[c.next]:
		if !v.afterOrdinal[c.next2] {
			return false
		}
	case !v.centuryWords[c.next]:
		return false
	}
	if c.n < 1 || c.n > 21 {
		return false
	}
	if year := (c.n-1)*100 + 50; c.oldest == 0 || year < c.oldest {
		c.oldest = year
	}
	return true
}

// percent takes a percentage, reading lead-oxide content ("30% PbO").
func (v *numberVocab) percent(c *numCtx) bool {
	if c.after != '%' {
		return false
	}
	if v.leadWords[c.next] || v.leadWords[c.next2] || v.leadPrefix[c.prev] {
		c.a.setStr(attrLead, strconv.FormatBool(c.n >= v.leadMin), c.tk.text+"% pbo", false)
	}
	return true
}

// scale takes a ratio "1:N" or "1/N", reading scale models.
func (v *numberVocab) scale(c *numCtx) bool {
	toks := c.t.tokens
	if (c.after != ':' && c.after != '/') || c.n != 1 || c.i+1 >= len(toks) || !toks[c.i+1].isNum {
		return false
	}
	if v.scales[toks[c.i+1].num] {
		c.a.setStr(attrScale, "true", "1:"+toks[c.i+1].text, false)
	}
	return true
}

// hallmark reads a bare fineness ("925", "750 gold").
func (v *numberVocab) hallmark(c *numCtx) bool {
	for _, h := range v.hallmarks {
		if !h.values[c.n] {
			continue
		}
		if h.notBeside[c.prev] || h.notBeside[c.next] || len(h.withWords) > 0 && !hasWord(c.t.tokens, h.withWords...) {
			continue
		}
		c.m.mark(h.metal, c.n, c.tk.text)
		return true
	}
	return false
}

// engineLitres reads a bare one-decimal number such as "1.6" or "4.0",
// which is how order lines give an engine's capacity in litres; only
// vehicle rules read it.
func (v *numberVocab) engineLitres(c *numCtx) bool {
	tx := c.tk.text
	if v.unitWords[c.next] || strings.Count(tx, ".") != 1 || len(tx) != 3 || c.n < 0.6 || c.n > 8.5 {
		return false
	}
	c.a.setNum(attrEngineL, c.n, tx)
	return true
}

// modelNumber counts the numbers written as a model number; it never
// takes the number.
func (v *numberVocab) modelNumber(c *numCtx) bool {
	if v.isModelNumber(c.t, c.i, c.prev, c.next, c.after) {
		switch {
		case c.models == 0:
			c.modelCC, c.modelEv, c.models = c.n, c.tk.text, 1
		case c.n != c.modelCC:
			c.models++
		}
	}
	return false
}

// year reads a bare year: 1000–2099 and not a quantity or a model number.
func (v *numberVocab) year(c *numCtx) bool {
	n, tx := c.n, c.tk.text
	if n < 1000 || n > 2099 || n != math.Trunc(n) || strings.ContainsAny(tx, ".,") || len(tx) != 4 {
		return false
	}
	if v.unitWords[c.next] || v.times[c.prev] || v.times[c.next] || c.tk.glued {
		return true
	}
	// Model numbers look like old years ("KTM 1290 Super Duke", "BMW R
	// 1250 GS"): a year before 1900 counts only when it stands apart as a
	// date does — after a comma or bracket, at the start, or after a word
	// such as "circa" or "dated".
	if n < 1900 && !v.standsAsDate(c.t, c.i, c.prev) {
		return true
	}
	if c.oldest == 0 || n < c.oldest {
		c.oldest = n
	}
	return true
}

// seating reads the number of persons a vehicle seats from the count at
// token i, which a seat word follows. The count includes the driver, as
// heading 8702 counts, unless the text adds the driver's seat apart:
// "14+1 seats", "14 seats plus driver", "14 seats excl. driver".
func (v *numberVocab) seating(t *text, i int) (float64, bool) {
	toks := t.tokens
	n := toks[i].num
	if n != math.Trunc(n) || n < 1 || n > 120 {
		return 0, false
	}
	if i > 0 && toks[i-1].isNum && strings.Contains(t.norm[toks[i-1].end:toks[i].start], "+") {
		n += toks[i-1].num
	}
	for k := i + 2; k < len(toks) && k <= i+3; k++ {
		if !v.driver[toks[k].text] {
			continue
		}
		added := strings.Contains(t.norm[toks[i+1].end:toks[k].start], "+")
		for _, w := range toks[i+2 : k] {
			if v.driverApart[w.text] {
				added = true
			}
		}
		if added {
			n++
		}
		break
	}
	return n, true
}

// isModelNumber reports whether token i, a number, is written the way
// a model number that gives an engine's capacity is: a whole number
// from 50 to 2500 inside a name ("KTM 1290 Super Duke", "Kawasaki
// Z900", "Vespa GTS 300"), not standing apart as a date or quantity
// does, not a year, a price, a count of packages or a size ("120/70").
func (v *numberVocab) isModelNumber(t *text, i int, prev, next string, after byte) bool {
	tk := &t.tokens[i]
	n := tk.num
	if n < 50 || n > 2500 || n != math.Trunc(n) || strings.ContainsAny(tk.text, ".,") {
		return false
	}
	if len(tk.text) == 4 && n >= 1900 {
		return false // a year
	}
	// A number that opens the line is where quantities go ("120
	// motorcycles"), unless it has four digits and stands before a name
	// ("1290 Super Duke R"): lines seldom open with a thousand vehicles.
	if i == 0 && len(tk.text) < 4 || v.unitWords[next] || v.unitWords[prev] || v.notModel[next] || v.notModel[prev] {
		return false
	}
	switch after {
	case '/', '%', ':', '\'', '+':
		return false
	case '-':
		if tk.end+1 < len(t.norm) && t.norm[tk.end+1] >= '0' && t.norm[tk.end+1] <= '9' {
			return false // "2824-2", "120-17"
		}
	}
	if tk.start > 0 {
		switch t.norm[tk.start-1] {
		case '/', '$', '#', '+', '\'':
			return false
		}
		if r, _ := utf8.DecodeLastRuneInString(t.norm[:tk.start]); r == '€' || r == '£' || r == '¥' {
			return false
		}
	}
	return !v.standsAsDate(t, i, prev)
}

// standsAsDate reports whether token i, a four-digit number, is written
// the way a date is rather than the way a model number is. At the start
// of a description a number stands as a date only when nothing but a
// separator follows it ("1755, Paris"); followed by words it is more
// likely a model ("1290 Super Duke R").
func (v *numberVocab) standsAsDate(t *text, i int, prev string) bool {
	if v.dateWords[prev] {
		return true
	}
	if i == 0 {
		rest := strings.TrimLeft(t.norm[t.tokens[0].end:], " ")
		return rest == "" || strings.ContainsRune(",;:()[]/", rune(rest[0]))
	}
	// The nearest non-space character before the number.
	for j := t.tokens[i].start - 1; j >= 0; j-- {
		switch t.norm[j] {
		case ' ':
			continue
		case ',', '(', '[', ';', ':', '/':
			return true
		}
		return false
	}
	return true
}

// weightIsUnladen reports whether the weight at token i describes the
// goods' own unladen weight rather than a shipment's gross or net weight
// or a take-off weight.
func (v *numberVocab) weightIsUnladen(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch w := toks[k].text; {
		case v.notOwnWeight[w]:
			return false
		case v.ownWeight[w]:
			return true
		}
	}
	return true
}

// isGVW reports whether the weight at token i is a gross vehicle weight:
// a GVW word, or the phrase "gross vehicle weight", within four words
// before it.
func (v *numberVocab) isGVW(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch {
		case v.gvw[toks[k].text]:
			return true
		case toks[k].text == "vehicle":
			if k+1 < i && toks[k+1].text == "weight" && k > 0 && toks[k-1].text == "gross" {
				return true
			}
		}
	}
	return false
}

func hasWord(toks []token, words ...string) bool {
	for i := range toks {
		for _, w := range words {
			if toks[i].text == w {
				return true
			}
		}
	}
	return false
}
