package classify

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// Decision thresholds, in lexicon weight units.
const (
	// minAnswer is the weight a concept needs to be an answer: one brand
	// is enough, one context word is not.
	minAnswer = 1.0
	// minConfident is the weight of one product term: below it the
	// nomenclature index, when loaded, has the last word.
	minConfident = 2.0
	// closeRatio: a runner-up of another heading with at least this share
	// of the winner's weight makes the answer ambiguous.
	closeRatio = 0.75
	// maxCandidates is how many candidates a result lists.
	maxCandidates = 5
)

// Classifier classifies goods descriptions and declared codes and checks
// them against a control-list catalogue. It is immutable once built and
// safe for concurrent use.
type Classifier struct {
	// config holds the options: the validation nomenclatures and
	// correlations, the rates, the jurisdictions (with the UN) and kinds,
	// the clock.
	config
	cat     *lists.Catalogue
	lx      *Lexicon
	numbers *numberVocab
	stop    map[string]bool
	// ix is the nomenclature index; see [Classifier.index].
	ix      *index
	ixOnce  sync.Once
	ixFrom  hs.Nomenclature
	scratch sync.Pool // *scratch
	// lookups caches catalogue look-ups by code and direction, for every
	// date and jurisdiction; results are filtered per item. The catalogue
	// is immutable, so cached answers never go stale.
	lookups sync.Map // lookupKey → *cachedLookup

	versionOnce sync.Once
	version     string
}

type lookupKey struct {
	code      string
	dir       lists.Direction
	tentative bool
	embargo   bool // embargoes included
}

// scratch is per-call working memory, pooled to keep Classify cheap.
type scratch struct {
	scores  []float64
	bm25    []float64
	matches []matched
}

// ErrNoCatalogue is returned by New without a catalogue.
var ErrNoCatalogue = errors.New("classify: no catalogue")

// New returns a classifier that reports the controls of cat. Without
// options it uses the embedded lexicon, an index over the embedded HS 2022
// nomenclature ([hs.EmbeddedHS2022]), which also validates declared HS
// 2022 codes, no exchange rates and every jurisdiction.
func New(cat *lists.Catalogue, opts ...Option) (*Classifier, error) {
	if cat == nil {
		return nil, ErrNoCatalogue
	}
	cfg := config{now: time.Now}
	for _, o := range opts {
		o(&cfg)
	}
	cfg.assessKinds = cfg.kinds
	if len(cfg.kinds) == 0 {
		// An embargo says nothing about the goods: judging a description
		// against it would list it on every line. A shipment's lines are
		// judged against it, for the rules to see it binds.
		cfg.kinds = lists.GoodsKinds()
		cfg.assessKinds = lists.Kinds()
	}
	lx := cfg.lexicon
	if lx == nil {
		var err error
		if lx, err = LoadLexicon(lexiconFS, "lexicon"); err != nil {
			return nil, err
		}
	}
	numbersFrom := cfg.numbers
	if numbersFrom == nil {
		numbersFrom = lexiconFS
	}
	numbers, err := loadNumbers(numbersFrom)
	if err != nil {
		return nil, err
	}
	c := &Classifier{config: cfg, cat: cat, lx: lx, numbers: numbers, stop: stopwords()}
	if len(cfg.jurisdictions) > 0 {
		c.jurisdictions = append(slices.Clone(cfg.jurisdictions), "UN")
		slices.Sort(c.jurisdictions)
		c.jurisdictions = slices.Compact(c.jurisdictions)
	}
	if cfg.nomenclature != nil {
		ix, err := buildIndex(context.Background(), cfg.nomenclature)
		if err != nil {
			return nil, fmt.Errorf("classify: indexing nomenclature: %w", err)
		}
		c.ix, c.ixFrom = ix, cfg.nomenclature
		c.ixOnce.Do(func() {})
	} else {
		n, err := hs.EmbeddedHS2022()
		if err != nil {
			return nil, fmt.Errorf("classify: %w", err)
		}
		c.ixFrom = n
		if _, known := hs.ExistsIn(c.validation, hs.HS2022, hs.MustParse("01")); !known {
			c.validation = append(slices.Clone(c.validation), n)
		}
	}
	nc := len(lx.concepts)
	c.scratch.New = func() any {
		return &scratch{scores: make([]float64, nc), matches: make([]matched, 0, 16)}
	}
	return c, nil
}

// index returns the nomenclature index. The index of the embedded HS 2022
// is built on first use, so that a classifier that only checks declared
// codes does not pay for it; building it cannot fail, since the embedded
// nomenclature was read by New.
func (c *Classifier) index() *index {
	c.ixOnce.Do(func() {
		c.ix, _ = buildIndex(context.Background(), c.ixFrom)
	})
	return c.ix
}

// bm25For returns the scratch scores of the index.
func (s *scratch) bm25For(ix *index) []float64 {
	if len(s.bm25) != len(ix.codes) {
		s.bm25 = make([]float64, len(ix.codes))
	}
	return s.bm25
}

// Lexicon returns the lexicon the classifier uses.
func (c *Classifier) Lexicon() *Lexicon { return c.lx }

// analysis is what the lexicon made of a description.
type analysis struct {
	// lean skips what only a Result shows (evidence, attributes,
	// candidates): the goods assessment of a line needs its codes alone.
	lean       bool
	redirected bool // promoted to antiques by Chapter 97 Note 4 (A)
	attrs      attrs
	ranked     []int // concept indexes by descending score
	scores     []float64
	matches    []matched
}

func (c *Classifier) analyse(t *text, refYear int, s *scratch) analysis {
	a := analysis{scores: s.scores, matches: c.lx.match(t, s.matches[:0])}
	var m metalSignals
	c.numbers.extract(t, &a.attrs, &m, refYear)
	applyAttrs(a.matches, &a.attrs, &m)
	m.resolve(&a.attrs)
	for i := range a.scores {
		a.scores[i] = 0
	}
	for _, mt := range a.matches {
		if mt.p.noise {
			continue
		}
		for _, h := range mt.p.hits {
			a.scores[h.concept] += h.weight * mt.factor
		}
	}
	for ci := range c.lx.concepts {
		for _, sig := range c.lx.concepts[ci].signals {
			if a.attrs[sig].set && a.attrs[sig].str == "true" {
				a.scores[ci] += weightStrong
			}
		}
	}
	for i, s := range a.scores {
		if s > 0 {
			a.ranked = append(a.ranked, i)
		}
	}
	slices.SortStableFunc(a.ranked, func(x, y int) int {
		switch {
		case a.scores[x] > a.scores[y]:
			return -1
		case a.scores[x] < a.scores[y]:
			return 1
		}
		return x - y
	})
	return a
}

// antiqueRedirect applies Note 4 (A) to Chapter 97: goods dated to more
// than 100 years ago are antiques of heading 9706, whatever they are made
// of, unless they are works of art of headings 9701 to 9705. The loose
// trade word "antique" alone does not trigger it; a date, a century or an
// era does.
func (a *analysis) antiqueRedirect(lx *Lexicon) {
	age := a.attrs[attrAge]
	if !age.set || !age.dated || age.num <= 100 || len(a.ranked) == 0 {
		return
	}
	top := a.ranked[0]
	for _, h := range lx.concepts[top].headings {
		if h.Chapter() == "97" || h.Chapter() == "49" {
			return
		}
	}
	for i, ci := range a.ranked {
		if lx.concepts[ci].id == "antique" {
			a.ranked = append(append([]int{ci}, a.ranked[:i]...), a.ranked[i+1:]...)
			a.scores[ci] = a.scores[top] + weightContext
			return
		}
	}
	if ci, ok := lx.conceptIndex("antique"); ok {
		a.scores[ci] = a.scores[top] + weightContext
		a.ranked = append([]int{ci}, a.ranked...)
		a.redirected = true
	}
}

// evidence lists the matched terms that support concept ci.
func (a *analysis) evidence(lx *Lexicon, ci int) []string {
	var ev []string
	for _, mt := range a.matches {
		for _, h := range mt.p.hits {
			if h.concept == ci {
				e := h.kind + " \"" + mt.text + "\""
				if mt.factor < 1 {
					e += " (after for/with)"
				}
				ev = append(ev, e)
			}
		}
	}
	for _, sig := range lx.concepts[ci].signals {
		if v := a.attrs[sig]; v.set && v.str == "true" {
			ev = append(ev, "attribute "+sig.String()+" ("+v.ev+")")
		}
	}
	if lx.concepts[ci].id == "antique" && a.attrs[attrAge].dated {
		ev = append(ev, "rule age over 100 years ("+a.attrs[attrAge].ev+") → Chapter 97 Note 4 (A)")
	}
	return ev
}

// outcome is the classification of one concept for this description.
type outcome struct {
	concept  int
	score    float64
	code     hs.Code   // decided code (4 or 6 digits), zero when undecided
	options  []hs.Code // possible subheadings when undecided
	headings []hs.Code // the headings the goods may fall in
	evidence []string
	reasons  []string
}

func (c *Classifier) resolve(a *analysis, ci int) outcome {
	con := &c.lx.concepts[ci]
	o := outcome{concept: ci, score: a.scores[ci]}
	if !a.lean {
		o.evidence = a.evidence(c.lx, ci)
	}
	if a.attrs[attrParts].str == "true" && con.id != "parts" {
		if con.parts.IsZero() {
			o.headings = nil
			o.reasons = append(o.reasons, "parts of "+con.description+" are classified by what they are; the lexicon has no parts heading for them")
			return o
		}
		o.code = con.parts
		if !a.lean {
			o.evidence = append(o.evidence, "rule parts → "+con.parts.String())
		}
		o.headings = []hs.Code{con.parts.Truncate(4)}
		return o
	}
	d := con.decide(&a.attrs)
	if d.code.Len() == 6 || !d.code.IsZero() && len(con.rules) > 0 {
		o.code = d.code
		o.headings = []hs.Code{d.code.Truncate(4)}
		if len(d.used) > 0 && !a.lean {
			o.evidence = append(o.evidence, "rule "+strings.Join(d.used, ", ")+" → "+d.code.String())
		}
		if len(d.assumed) > 0 && !a.lean {
			o.evidence = append(o.evidence, "assumed "+strings.Join(d.assumed, ", "))
		}
		return o
	}
	if len(con.rules) == 0 {
		// A concept of ordinary goods names its heading(s) and leaves
		// the subheading to the nomenclature index.
		o.headings = con.headings
		return o
	}
	o.options = d.options
	for _, op := range d.options {
		o.headings = appendCode(o.headings, op.Truncate(4))
	}
	var names []string
	for _, m := range d.missing {
		names = append(names, m.String())
	}
	if len(names) > 0 {
		o.reasons = append(o.reasons, "deciding attribute missing for "+con.description+": "+strings.Join(names, ", "))
	} else {
		o.reasons = append(o.reasons, "the attributes fit no subheading of "+con.description)
	}
	return o
}

// Classify classifies one item and reports the controls that cover it.
// It returns an error only when ctx is done; bad or empty input gives a
// result that needs review, with the reasons.
func (c *Classifier) Classify(ctx context.Context, it Item) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	var w work
	res := c.classify(&it, &w)
	res.Controls = judgeInto(c, &w, &it, &w.opts, c.rates, res.Controls, asControl, controlEntryID)
	settleAlternatives(c, &w, &it, &w.opts, c.rates, res.Controls,
		func(x *Control) (string, lists.Kind, lists.Applicability) { return x.Entry, x.Kind, x.Applies },
		func(x *Control, j lists.Judgement, why string) { x.Applies, x.Why = lists.Applies, why })
	if w.settle(&res, luxurySettledNo(res.Controls, controlState)) {
		res.Notes = append(res.Notes, w.doubts...)
	}
	open, size := 0, 0
	for i := range res.Controls {
		ctl := &res.Controls[i]
		if ctl.Kind != lists.Luxury {
			continue
		}
		if ctl.Applies == lists.CannotTell {
			open++
			size += len(ctl.List) + len(ctl.Entry) + 3
		}
	}
	if open > 0 {
		// One reason for all, since the per-control "why" is in Controls.
		// The review makes the line unknown unless another control applies.
		res.review(openControls(res.Controls, open, size))
	}
	// Set last, once every reason for review is known, so that nothing
	// that needs review can come out "no".
	res.Luxury = luxuryState(res.Controls, res.NeedsReview)
	return res, nil
}

// Silent returns the kinds of list for which the classifier's catalogue
// cannot say what jurisdiction j's law controlled on date (see
// [lists.Catalogue.Silent]).
func (c *Classifier) Silent(j string, date time.Time, kinds []lists.Kind) []lists.NoList {
	return c.cat.Silent(j, date, kinds)
}

// AssessGoods classifies a goods line and judges every catalogue entry
// that covers it, at any date: the engine of package rules keeps those in
// force on the day a rule asks about. rates convert the line's value for
// thresholds; nil means the classifier's own (see [WithRates]).
func (c *Classifier) AssessGoods(ctx context.Context, g lists.Goods, rates *lists.Rates) (lists.Assessment, error) {
	if err := ctx.Err(); err != nil {
		return lists.Assessment{}, err
	}
	it := Item{ID: g.ID, Description: g.Description, DeclaredCode: g.Code, Value: g.Value.Amount, Currency: g.Value.Currency,
		Quantity: g.Quantity, Unit: g.Unit, Date: g.Date}
	w := work{lean: true}
	res := c.classify(&it, &w)
	if rates == nil {
		rates = c.rates
	}
	opts := c.cat.Resolve(lists.Options{Jurisdictions: c.jurisdictions, Kinds: c.assessKinds, Direction: g.Direction})
	out := lists.Assessment{HS6: res.HS6, Code: res.HS6, Source: "classified"}
	out.Controls = judgeInto(c, &w, &it, &opts, rates, out.Controls, asJudgement, judgementEntryID)
	settleAlternatives(c, &w, &it, &opts, rates, out.Controls,
		func(x *lists.Judgement) (string, lists.Kind, lists.Applicability) {
			return x.Entry.ID, x.List.Kind, x.Applies
		},
		func(x *lists.Judgement, j lists.Judgement, why string) {
			x.Applies, x.Why, x.Presumption = lists.Applies, why, ""
		})
	w.settle(&res, luxurySettledNo(out.Controls, judgementState))
	if !w.declared.IsZero() {
		out.Code, out.HS6, out.Source = w.declared.Digits(), w.declared.HS6(), "declared"
	}
	// A line with a code is judged by its controls; without one nothing
	// can be judged, and the classifier's reasons say why. A declared
	// code with a description that names no goods is a claim nothing
	// checks, so the line is not cleared on it either.
	if res.NeedsReview && (out.Code == "" || w.vague) {
		out.NeedsReview = append(out.NeedsReview, res.Reasons...)
		if len(out.NeedsReview) == 0 {
			out.NeedsReview = []string{"the classifier could not decide"}
		}
	} else if res.NeedsReview {
		// Placed, so judged by its controls; the doubt is kept, since the
		// line's luxury is unknown rather than no (see Result.Luxury).
		out.Unsettled = append(out.Unsettled, res.Reasons...)
	}
	if m := res.Mismatch; m != nil && (m.Kind == MismatchControlled || m.Kind == MismatchRedFlag) {
		out.Mismatch = m
	}
	return out, nil
}

// Version identifies the classifier's catalogue.
func (c *Classifier) Version() string {
	c.versionOnce.Do(func() { c.version = "classify+" + c.cat.Version() })
	return c.version
}

// work is what classifying an item leaves for judging it: the codes the
// goods were classified under, and the lookup options of the item.
type work struct {
	opts lists.Options
	lean bool // see analysis.lean
	// vague is set when the description names no goods.
	vague bool
	// codes are judged in order; tentative marks headings of an
	// undecided classification. The first ones are kept in an array, so
	// that a line's work stays on the stack.
	codes [4]judgedCode
	more  []judgedCode
	n     int
	// declared is the valid declared code when the line is judged under
	// it.
	declared hs.Code
	// alternatives is set when the codes are the several headings of one
	// lexicon concept and nothing else: an entry that applies under each
	// applies (see settleAlternatives).
	alternatives bool
	// doubts are reasons to review that concern only which of the judged
	// codes the goods fall in: a missing deciding attribute, a rival
	// heading. Every such code is judged, so a doubt needs review only
	// when the judgements differ in luxury, that is when a luxury control
	// applies or cannot be ruled out; otherwise the answer is "no"
	// whichever code is right, and the doubt is a note.
	doubts []string
}

// settle decides the line's doubts once its codes are judged: when some
// code was judged and no luxury judgement applies or is open (settledNo),
// they cannot change its luxury and settle reports true, for the caller
// to keep them as notes; otherwise they are reasons for review of res.
// With no code judged nothing settles them (see chooseCodes).
func (w *work) settle(res *Result, settledNo bool) bool {
	if w.n > 0 && settledNo {
		return true
	}
	for _, r := range w.doubts {
		res.review(r)
	}
	return false
}

// luxurySettledNo reports whether no luxury judgement applies or is
// open: then the line's doubts about its code cannot change its luxury.
func luxurySettledNo[T any](ctls []T, get func(*T) (lists.Kind, lists.Applicability)) bool {
	for i := range ctls {
		if k, a := get(&ctls[i]); k == lists.Luxury && a != lists.DoesNotApply {
			return false
		}
	}
	return true
}

type judgedCode struct {
	code      hs.Code
	tentative bool
}

func (w *work) add(code hs.Code, tentative bool) {
	if w.n < len(w.codes) {
		w.codes[w.n] = judgedCode{code, tentative}
	} else {
		w.more = append(w.more, judgedCode{code, tentative})
	}
	w.n++
}

func (w *work) code(k int) judgedCode {
	if k < len(w.codes) {
		return w.codes[k]
	}
	return w.more[k-len(w.codes)]
}

func asControl(j lists.Judgement, e *ControlEntry) Control {
	return Control{ControlEntry: e, Applies: j.Applies, Why: j.Why}
}

func controlEntryID(c Control) string { return c.Entry }

func controlState(c *Control) (lists.Kind, lists.Applicability) { return c.Kind, c.Applies }

func judgementState(j *lists.Judgement) (lists.Kind, lists.Applicability) {
	return j.List.Kind, j.Applies
}

func asJudgement(j lists.Judgement, _ *ControlEntry) lists.Judgement { return j }

func judgementEntryID(j lists.Judgement) string { return j.Entry.ID }

// classify classifies one item, leaving in w the codes to judge it under.
func (c *Classifier) classify(it *Item, w *work) Result {
	res := Result{ID: it.ID, Candidates: []Candidate{}, Controls: []Control{}, Reasons: []string{}}
	date := it.Date
	if date.IsZero() {
		n := c.now().UTC()
		date = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
	}
	w.opts = c.cat.Resolve(lists.Options{Date: date, Jurisdictions: c.jurisdictions, Kinds: c.kinds, Direction: direction(it)})
	desc := strings.TrimSpace(it.Description)
	codeIn := strings.TrimSpace(it.DeclaredCode)
	if desc == "" && codeIn == "" {
		res.review("no description and no declared code")
		return res
	}
	var declared []hs.Code // the declared code, in HS 2022 terms where mapped
	if codeIn != "" {
		chk, codes := c.checkDeclared(codeIn, date)
		res.Declared = &chk
		declared = codes
		for _, p := range chk.Problems {
			res.review("declared code: " + p)
		}
	}
	s := c.scratch.Get().(*scratch)
	defer c.scratch.Put(s)
	d := c.describe(&res, desc, date, s, w.lean)
	if d.vague != "" {
		w.vague = true
		res.review("the description names no goods (" + strconv.Quote(d.vague) + "): say what they are")
	}
	switch {
	case d.top:
		c.fromLexicon(&res, &d)
	case d.place.placed():
		c.fromIndex(&res, &d)
	case len(declared) > 0:
		c.fromDeclared(&res, &d, declared, codeIn, desc != "")
	case d.vague != "":
		c.addLexiconCandidates(&res, d.out)
	default:
		res.review("nothing placed the goods: " + d.place.why)
		c.addLexiconCandidates(&res, d.out)
		c.addIndexCandidates(&res, &d.place)
	}
	if desc != "" && len(declared) > 0 {
		var mm *lists.Mismatch
		var contra bool
		switch {
		case d.top:
			mm, contra = c.mismatch(d.out, declared, codeIn, d.final, d.headings, &w.opts)
		case d.place.placed():
			mm, contra = c.mismatchIndex(&d.place, declared, codeIn, &w.opts)
		}
		if mm != nil {
			res.Mismatch, d.contradicts = mm, contra
			res.review("mismatch: " + mm.Reason)
		}
	}
	c.chooseCodes(&res, &d, declared, w)
	return res
}

// described is what the description says, before the declared code is
// weighed.
type described struct {
	out []outcome
	top bool // the lexicon's best concept is an answer
	// rivals are the headings of concepts of other headings that weigh
	// nearly as much as the best one: the goods may be there instead.
	rivals []hs.Code
	// doubts are reasons to review that concern only which of several
	// codes the goods fall in (see work.doubts).
	doubts []string
	// place is where the nomenclature index places the goods when the
	// lexicon has no answer.
	place placement
	// vague holds the words that stand for goods without naming them when
	// that is all the description says.
	vague string
	// contradicts is set when the description points to a heading the
	// declared code is not under.
	contradicts bool
	lean        bool // see analysis.lean
	final       hs.Code
	headings    []hs.Code
}

// describe analyses the description with the lexicon and the nomenclature
// index.
func (c *Classifier) describe(res *Result, desc string, date time.Time, s *scratch, lean bool) described {
	d := described{lean: lean}
	if desc == "" {
		return d
	}
	t := tokenize(desc, c.lx.weak)
	a := c.analyse(&t, date.Year(), s)
	a.lean = lean
	s.matches = a.matches[:0]
	a.antiqueRedirect(c.lx)
	for _, ci := range a.ranked {
		if len(d.out) == maxCandidates {
			break
		}
		d.out = append(d.out, c.resolve(&a, ci))
	}
	if !lean {
		res.Attributes = a.attrs.list()
	}
	d.top = len(d.out) > 0 && d.out[0].score >= minAnswer
	if !d.top {
		d.vague = c.lx.vague(&t, c.stop)
	}
	ix := c.index()
	switch {
	case d.top:
		// A concept of ordinary goods leaves its subheading to the index.
		if o := &d.out[0]; o.code.IsZero() && len(o.options) == 0 && len(o.headings) > 0 && o.reasons == nil {
			if runs := ix.runsOf(o.headings); len(runs) == 1 && runs[0][1]-runs[0][0] == 1 {
				// A heading with one subheading (2709.00, crude
				// petroleum) decides it, whatever the words.
				d.place = placement{code: ix.codes[runs[0][0]], plausible: 1, confidence: 1,
					headings: []headingScore{{heading: o.headings[0], doc: runs[0][0], score: 1}}}
			} else if len(runs) > 0 {
				d.place = c.placeIn(ix.search(t.tokens, indexHits, s.bm25For(ix), c.stop, runs...), o.headings)
			}
		}
		if !lean || d.out[0].score < minConfident {
			// Index candidates after the lexicon's, for the top-5, and
			// the check of a weak answer.
			d.place.query = ix.search(t.tokens, indexHits, s.bm25For(ix), c.stop)
		}
	case d.vague == "":
		// A description that names no goods must not be given the code
		// whose text happens to share its words.
		d.place = c.placeIn(ix.search(t.tokens, indexHits, s.bm25For(ix), c.stop), nil)
	}
	return d
}

// fromLexicon answers from the lexicon's best concept.
func (c *Classifier) fromLexicon(res *Result, d *described) {
	o := d.out[0]
	switch {
	case o.code.Len() == 6:
		d.final = o.code
	case !o.code.IsZero():
		d.headings = []hs.Code{o.code}
	case !d.place.code.IsZero():
		// A concept of ordinary goods, placed in its subheading by the
		// index.
		d.final = d.place.code
		if !d.lean {
			d.out[0].evidence = append(d.out[0].evidence, d.place.evidence())
		}
	default:
		// Every heading the concept names is judged, whatever the index
		// prefers among them.
		d.headings = o.headings
		if len(o.headings) > 0 && !d.lean && len(o.options) == 0 && len(o.reasons) == 0 {
			d.out[0].evidence = append(d.out[0].evidence, "nomenclature index: no subheading of "+joinCodes(o.headings)+" stands out")
		}
	}
	// Which subheading, or which of several headings: doubts that matter
	// only if the codes they leave open differ in luxury (see work.doubts).
	d.doubts = append(d.doubts, o.reasons...)
	if o.score < minConfident {
		// A weak answer the nomenclature's own text agrees with, by
		// naming one of its headings first, stands; otherwise the goods
		// may be anything else, which nothing has judged.
		if hd := c.byHeadingN(d.place.query.hits, 1); len(hd) == 1 && slices.Contains(o.headings, hd[0].heading) {
			if !d.lean {
				d.out[0].evidence = append(d.out[0].evidence, "nomenclature index agrees: heading "+hd[0].heading.String()+" first")
			}
		} else {
			res.review("weak evidence: only a brand or context words matched")
		}
	}
	for _, r := range d.out[1:] {
		if r.score < closeRatio*o.score || sameHeadings(o, r) {
			continue
		}
		if len(d.rivals) == 0 {
			d.doubts = append(d.doubts, fmt.Sprintf("ambiguous: %s (%.1f) vs %s (%.1f)",
				c.lx.concepts[o.concept].description, o.score, c.lx.concepts[r.concept].description, r.score))
		}
		for _, h := range r.headings {
			if !slices.Contains(o.headings, h) {
				d.rivals = appendCode(d.rivals, h)
			}
		}
	}
	if cr := c.lx.concepts[o.concept].redFlag; cr != "" {
		res.review("red flag: " + cr)
	}
	if !d.lean {
		c.addSubheadingCandidate(res, d)
		c.addLexiconCandidates(res, d.out)
		// The index's own ranking over every heading, for the top-5.
		all := placement{headings: c.byHeadingN(d.place.query.hits, indexHits)}
		c.addIndexCandidates(res, &all)
	}
}

// addSubheadingCandidate lists first the subheading the nomenclature
// index finds within the heading of the lexicon's concept of ordinary
// goods: the answer when it stands out (d.final), otherwise the index's
// best guess, a candidate only. The guess is supported by the concept's
// words and the index's, so it has the concept's weight, but the answer
// (Result.HS6) stays at heading level and nothing is judged under it:
// the heading, listed next, is what the line is judged under.
func (c *Classifier) addSubheadingCandidate(res *Result, d *described) {
	o := &d.out[0]
	if !o.code.IsZero() || len(o.options) > 0 || len(o.reasons) > 0 || len(d.place.headings) == 0 {
		return
	}
	if !d.final.IsZero() {
		c.addCandidate(res, d.final, o.score, o.evidence)
		return
	}
	// A tie is no guess: no word of the description prefers one
	// subheading, and the heading comes first.
	best := d.place.headings[0]
	if best.next >= best.score {
		return
	}
	code := c.index().codes[best.doc]
	ev := append(slices.Clip(o.evidence), fmt.Sprintf("nomenclature index: %s first within %s (the next scores %.0f%% of it)",
		code, best.heading, 100*best.next/best.score))
	c.addCandidate(res, code, o.score, ev)
}

// fromDeclared answers from the declared code when the description says
// nothing the classifier knows.
func (c *Classifier) fromDeclared(res *Result, d *described, declared []hs.Code, codeIn string, hasDesc bool) {
	ev := []string{"declared code " + codeIn}
	if hasDesc {
		// The line is judged under the declared code, as a line with a
		// code alone is: a description nothing places cannot contradict
		// it, and the controls of the code decide whether it is reviewed.
		ev = append(ev, "the description placed nothing: "+d.place.why)
	}
	if len(declared) > 1 {
		res.review("the declared code maps to several HS 2022 codes")
		for _, x := range declared {
			d.headings = appendCode(d.headings, x)
		}
	}
	for _, x := range declared {
		res.Candidates = append(res.Candidates, Candidate{Code: x.Truncate(6).Digits(), Level: levelOf(x.Truncate(6)), Score: 1, Evidence: ev})
	}
}

// chooseCodes settles the code the line is judged under. A valid declared
// code is used unless the description contradicts it at heading level;
// then the line is judged under both, and HS6 is the described code. A
// description that points to another subheading of the declared heading
// is flagged, with both codes.
func (c *Classifier) chooseCodes(res *Result, d *described, declared []hs.Code, w *work) {
	if len(declared) == 1 && !d.contradicts {
		dc := declared[0]
		w.declared = dc
		w.add(dc, false)
		if dc.Len() < 6 {
			res.HS6 = ""
			res.review("the declared code " + dc.String() + " is a " + dc.Level().String() + ", not a subheading; it is not padded to six digits")
			return
		}
		res.HS6 = dc.HS6()
		if d.top && d.final == d.out[0].code && !d.final.IsZero() && d.final.Digits() != res.HS6 && res.Mismatch == nil {
			res.Mismatch = &lists.Mismatch{Kind: MismatchSubheading, Declared: dc.Digits(), Described: d.final.Digits(),
				Reason: "declared " + dc.String() + " but the description points to subheading " + d.final.String()}
			res.review("mismatch: " + res.Mismatch.Reason)
		}
		return
	}
	if d.contradicts {
		for _, dc := range declared {
			w.add(dc, false)
		}
	}
	if d.final.IsZero() && len(d.headings) == 0 {
		// The goods themselves are judged under no code (parts of goods
		// without a parts heading): judging rivals cannot settle a doubt
		// about them.
		for _, r := range d.doubts {
			res.review(r)
		}
	} else {
		w.doubts = d.doubts
	}
	// The lexicon's answer is judged as given: its one heading is
	// settled, so the entries that cover all of it apply whatever its
	// subheading. Several headings of an undecided classification, the
	// index's headings and rival concepts' headings are tentative: an
	// entry that covers one cannot apply, only stay open.
	if !d.final.IsZero() {
		res.HS6 = d.final.Digits()
		w.add(d.final, false)
	} else {
		for _, h := range d.headings {
			w.add(h, !d.top || len(d.headings) > 1)
		}
		// Only a confident answer: a brand alone does not say which
		// goods of the brand.
		w.alternatives = d.top && d.out[0].score >= minConfident && len(d.headings) > 1 && len(d.rivals) == 0 && !d.contradicts
	}
	for _, h := range d.rivals {
		w.add(h, true)
	}
}

// openControls names the luxury controls that cannot be ruled out, in one
// reason built in one allocation: it is on the path of every item.
func openControls(ctls []Control, n, size int) string {
	const head = " luxury control(s) cannot be ruled out (see controls): "
	var b strings.Builder
	b.Grow(len(head) + 4 + size)
	b.WriteString(strconv.Itoa(n))
	b.WriteString(head)
	first := true
	for i := range ctls {
		if ctls[i].Kind != lists.Luxury || ctls[i].Applies != lists.CannotTell {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		b.WriteString(ctls[i].List)
		b.WriteByte('/')
		b.WriteString(ctls[i].Entry)
	}
	return b.String()
}

func levelOf(c hs.Code) Level {
	if c.Len() >= 6 {
		return LevelSubheading
	}
	return LevelHeading
}

func sameHeadings(a, b outcome) bool {
	for _, h := range a.headings {
		for _, g := range b.headings {
			if h == g {
				return true
			}
		}
	}
	return false
}

func direction(it *Item) lists.Direction {
	switch {
	case strings.EqualFold(strings.TrimSpace(it.Destination), "KP"):
		return lists.ExportTo
	case strings.EqualFold(strings.TrimSpace(it.ExporterCountry), "KP"):
		return lists.ImportFrom
	}
	return ""
}

// addLexiconCandidates lists the concepts' codes, best first: a decided
// code, or the headings and the subheadings still possible.
func (c *Classifier) addLexiconCandidates(res *Result, out []outcome) {
	for _, o := range out {
		if !o.code.IsZero() {
			c.addCandidate(res, o.code, o.score, o.evidence)
			continue
		}
		for _, h := range o.headings {
			c.addCandidate(res, h, o.score, o.evidence)
		}
		for _, op := range o.options {
			c.addCandidate(res, op, o.score*0.5, o.evidence)
		}
	}
}

func (c *Classifier) addCandidate(res *Result, code hs.Code, score float64, ev []string) {
	if len(res.Candidates) >= maxCandidates {
		return
	}
	for _, x := range res.Candidates {
		if x.Code == code.Digits() {
			return
		}
	}
	if ev == nil {
		ev = []string{}
	}
	res.Candidates = append(res.Candidates, Candidate{Code: code.Digits(), Level: levelOf(code), Score: round2(score), Evidence: ev})
}

func round2(f float64) float64 {
	return float64(int64(f*100+0.5)) / 100
}

// indexScale maps the best BM25 score of a confident placement to this
// weight, so that index candidates rank below a product term of the
// lexicon; indexTentative is the weight of the best one when no heading
// stands out, below minAnswer, so that it does not read as an answer.
const (
	indexScale     = 1.5
	indexTentative = 0.9
)

// addIndexCandidates lists the best subheading of each of the index's
// best headings, so that the candidates span five headings.
func (c *Classifier) addIndexCandidates(res *Result, p *placement) {
	if len(p.headings) == 0 {
		return
	}
	ix := c.index()
	scale := p.scale()
	for _, h := range p.headings {
		if len(res.Candidates) >= maxCandidates {
			return
		}
		// A heading already listed is not listed again: the five
		// candidates span as many headings as the index offers.
		if slices.ContainsFunc(res.Candidates, func(x Candidate) bool { return strings.HasPrefix(x.Code, h.heading.Digits()) }) {
			continue
		}
		c.addCandidate(res, ix.codes[h.doc], scale*h.score, []string{"nomenclature text match"})
	}
}

// fromIndex answers from the nomenclature index, where the lexicon has
// no answer: the goods are placed in the one heading that stands out, or
// in the few plausible headings, which are judged as tentative codes.
func (c *Classifier) fromIndex(res *Result, d *described) {
	p := &d.place
	if !d.lean {
		ev := p.evidence()
		ix := c.index()
		scale := p.scale()
		for i, h := range p.headings {
			e := []string{"nomenclature text match"}
			if i == 0 {
				e = append(e, ev)
			}
			c.addCandidate(res, ix.codes[h.doc], scale*h.score, e)
		}
		c.addLexiconCandidates(res, d.out)
	}
	switch {
	case !p.code.IsZero():
		d.final = p.code
	default:
		for _, h := range p.headings[:p.plausible] {
			d.headings = append(d.headings, h.heading)
		}
	}
}

// joinCodes writes codes as "0103" or "1007 or 1008".
func joinCodes(cs []hs.Code) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteString(" or ")
		}
		b.WriteString(c.String())
	}
	return b.String()
}
