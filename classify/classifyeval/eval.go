package classifyeval

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/jsonl"
	"github.com/luxscreen/luxscreen/lists"
)

// Labelled is one line of an evaluation set: an item with its gold
// classification.
type Labelled struct {
	classify.Item
	// GoldHS6 is the HS 2022 subheading, or "" when the description does
	// not decide one and the right answer is to abstain.
	GoldHS6 string `json:"gold_hs6"`
	// GoldHeading is the heading, when known; it defaults to GoldHS6's.
	GoldHeading string `json:"gold_heading"`
	// Luxury says whether a luxury control applies or cannot be ruled out;
	// nil when the set does not say.
	Luxury *bool `json:"luxury"`
	// HardNegative marks look-alikes of controlled goods (imitation
	// jewellery, watch straps, trucks) that must not be called luxury.
	HardNegative bool `json:"hard_negative"`
	// Style is how the line is written: "bol" (bill of lading), "invoice"
	// or "ecom" (a shop's product title); "" when the set does not say.
	Style string `json:"style,omitempty"`
}

// The styles of a labelled line.
const (
	StyleBOL     = "bol"
	StyleInvoice = "invoice"
	StyleEcom    = "ecom"
)

// ReadLabelled reads an evaluation set: JSON lines of [Labelled], or a CSV
// with the columns text and expected_hs_code (the HSClassify_micro
// layout). Errors name the line and field.
func ReadLabelled(r io.Reader) ([]Labelled, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(64)
	if bytes.HasPrefix(bytes.TrimPrefix(head, []byte("\ufeff")), []byte("text,")) {
		return readLabelledCSV(br)
	}
	var out []Labelled
	err := jsonl.Each(br, 1<<20, func(line int, b []byte) error {
		var l Labelled
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return fmt.Errorf("classify: eval set line %d: %w", line, err)
		}
		if err := l.check(); err != nil {
			return fmt.Errorf("classify: eval set line %d: %w", line, err)
		}
		out = append(out, l)
		return nil
	})
	if re := (*jsonl.ReadError)(nil); errors.As(err, &re) {
		return nil, fmt.Errorf("classify: eval set line %d: %w", re.Line, re.Err)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (l *Labelled) check() error {
	if l.Description == "" && l.DeclaredCode == "" {
		return errors.New("field \"description\": want a description or an hs code")
	}
	if l.GoldHS6 != "" && (len(l.GoldHS6) != 6 || strings.Trim(l.GoldHS6, "0123456789") != "") {
		return fmt.Errorf("field \"gold_hs6\": %q is not six digits", l.GoldHS6)
	}
	if l.GoldHeading != "" && (len(l.GoldHeading) != 4 || strings.Trim(l.GoldHeading, "0123456789") != "") {
		return fmt.Errorf("field \"gold_heading\": %q is not four digits", l.GoldHeading)
	}
	if l.GoldHS6 != "" && l.GoldHeading != "" && l.GoldHS6[:4] != l.GoldHeading {
		return fmt.Errorf("field \"gold_heading\": %q is not the heading of gold_hs6 %q", l.GoldHeading, l.GoldHS6)
	}
	switch l.Style {
	case "", StyleBOL, StyleInvoice, StyleEcom:
	default:
		return fmt.Errorf("field \"style\": %q is not bol, invoice or ecom", l.Style)
	}
	if l.GoldHeading == "" && l.GoldHS6 != "" {
		l.GoldHeading = l.GoldHS6[:4]
	}
	return nil
}

func readLabelledCSV(r io.Reader) ([]Labelled, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("classify: eval set line 1: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	ti, ok1 := col["text"]
	gi, ok2 := col["expected_hs_code"]
	if !ok1 || !ok2 {
		return nil, errors.New("classify: eval set line 1: want columns text and expected_hs_code")
	}
	var out []Labelled
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// A csv.ParseError names its line; FieldPos has no record to
			// answer for.
			return nil, fmt.Errorf("classify: eval set: %w", err)
		}
		line, _ := cr.FieldPos(0)
		g := strings.TrimSpace(rec[gi])
		for len(g) < 6 && len(g) > 0 {
			g = "0" + g // codes read as integers lose their leading zero
		}
		l := Labelled{Item: classify.Item{ID: fmt.Sprintf("line%d", line), Description: rec[ti]}, GoldHS6: g}
		if err := l.check(); err != nil {
			return nil, fmt.Errorf("classify: eval set line %d: %w", line, err)
		}
		out = append(out, l)
	}
	return out, nil
}

// Metrics are the accuracy figures of one evaluation.
type Metrics struct {
	N        int `json:"n"`
	Answered int `json:"answered"`
	// Acc4 and Acc6 are the shares of answered items whose heading and
	// subheading are right. An answer where the set expects abstention is
	// wrong at six digits.
	Acc4 float64 `json:"acc4"`
	Acc6 float64 `json:"acc6"`
	// Top1At4All is the share of all items whose first candidate has the
	// right heading, answered or not; Top1At6All the share of items with a
	// gold subheading whose first candidate is it.
	Top1At4All float64 `json:"top1_4_all"`
	Top1At6All float64 `json:"top1_6_all"`
	// Top5At4 and Top5At6 are the shares of items with a gold code that
	// have it among the first five candidates.
	Top5At4 float64 `json:"top5_4"`
	Top5At6 float64 `json:"top5_6"`
	Abstain float64 `json:"abstain"`
	// LuxuryPrecision and LuxuryRecall compare the luxury state with the
	// labels, over items labelled. Precision is the share of "yes" that
	// are luxury; recall the share of luxury items not called "no": an
	// "unknown" line is stopped for review, so it is not missed.
	LuxuryPrecision float64 `json:"luxury_precision"`
	LuxuryRecall    float64 `json:"luxury_recall"`
	LuxuryLabelled  int     `json:"luxury_labelled"`
	// HardNegatives is the number of hard negatives; HardNegativeLuxury the
	// share of them called luxury.
	HardNegatives      int     `json:"hard_negatives"`
	HardNegativeLuxury float64 `json:"hard_negative_luxury"`
	// Review is the share of all items whose luxury state is "unknown",
	// NeedsReview the share marked for review for any reason.
	Review      float64 `json:"review"`
	NeedsReview float64 `json:"needs_review"`
	// The figures below come from the catalogue, not from hand labels,
	// and are set only when the evaluation has one (Options.Catalogue).
	// Uncontrolled is the number of items for which the law says no at
	// the gold code (subheading, else heading) on the item's date: no
	// luxury list covers it, or every entry that does is ruled out by the
	// line's own facts (a value below its threshold or price floor);
	// FalseAlarm is the share of them called luxury "yes".
	// UncontrolledReview is the share of them left "unknown": the review
	// rate on ordinary goods.
	Uncontrolled       int     `json:"uncontrolled"`
	FalseAlarm         float64 `json:"false_alarm"`
	UncontrolledReview float64 `json:"uncontrolled_review"`
	// Controlled is the number of items for which the law says yes at the
	// gold code: a luxury entry applies there, judged with the line's own
	// facts; ControlledRecall is the share of them called "yes" and
	// ControlledUnknown the share left "unknown". Items an entry leaves
	// open even at the gold code count in neither.
	Controlled        int     `json:"controlled"`
	ControlledRecall  float64 `json:"controlled_recall"`
	ControlledUnknown float64 `json:"controlled_unknown"`
	// Groups break the figures down by HS section and by style (see
	// Options.Groups); a group has no groups of its own.
	Groups   []Group   `json:"groups,omitempty"`
	Failures []Failure `json:"failures,omitempty"`
}

// Group is the part of an evaluation whose items share a key: an HS
// section ("I" to "XXI", "?" when the gold code names none) or a style.
type Group struct {
	By  string `json:"by"`
	Key string `json:"key"`
	Metrics
}

// Failure is one item the classifier got wrong.
type Failure struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	Gold        string `json:"gold"`
	Got         string `json:"got"`
	Problem     string `json:"problem"`
}

// Outcome is what the evaluation scores of one classification. It is read
// from a [classify.Result], or from the JSON rows of a classifier's batch
// output (see [ReadOutcomes]), so that another build's output can be
// scored alike.
type Outcome struct {
	ID string
	// HS6 is the answer, "" when the classifier abstained.
	HS6 string
	// Candidates are the candidate codes, best first.
	Candidates  []string
	Luxury      classify.Luxury
	NeedsReview bool
	Reasons     []string
}

// OutcomeOf is the outcome of a classification.
func OutcomeOf(r classify.Result) Outcome {
	o := Outcome{ID: r.ID, HS6: r.HS6, NeedsReview: r.NeedsReview, Reasons: r.Reasons}
	for _, c := range r.Candidates {
		o.Candidates = append(o.Candidates, c.Code)
	}
	o.Luxury = r.Luxury
	return o
}

// ReadOutcomes reads the JSON-lines output of "luxscreen classify --input
// … --format jsonl" as outcomes. The luxury field may be a state ("yes",
// "no", "unknown") or, in the output of older builds, a boolean; false
// with needs_review is read as unknown.
func ReadOutcomes(r io.Reader) ([]Outcome, error) {
	var out []Outcome
	err := jsonl.Each(r, 1<<22, func(line int, b []byte) error {
		var row struct {
			ID         string `json:"id"`
			HS6        string `json:"hs6"`
			Candidates []struct {
				Code string `json:"code"`
			} `json:"candidates"`
			Luxury      json.RawMessage `json:"luxury"`
			NeedsReview bool            `json:"needs_review"`
			Reasons     []string        `json:"reasons"`
		}
		if err := json.Unmarshal(b, &row); err != nil {
			return fmt.Errorf("classify: results line %d: %w", line, err)
		}
		o := Outcome{ID: row.ID, HS6: row.HS6, NeedsReview: row.NeedsReview, Reasons: row.Reasons}
		for _, c := range row.Candidates {
			o.Candidates = append(o.Candidates, c.Code)
		}
		var flag bool
		var state classify.Luxury
		switch {
		case json.Unmarshal(row.Luxury, &flag) == nil:
			// The boolean of builds before the states: false is unknown
			// when the line needs review, never no.
			o.Luxury = classify.LuxuryNo
			if flag {
				o.Luxury = classify.LuxuryYes
			} else if row.NeedsReview {
				o.Luxury = classify.LuxuryUnknown
			}
		case json.Unmarshal(row.Luxury, &state) == nil && (state == classify.LuxuryYes || state == classify.LuxuryNo || state == classify.LuxuryUnknown):
			o.Luxury = state
		default:
			return fmt.Errorf("classify: results line %d: field \"luxury\": %s is not a luxury state", line, row.Luxury)
		}
		out = append(out, o)
		return nil
	})
	if re := (*jsonl.ReadError)(nil); errors.As(err, &re) {
		return nil, fmt.Errorf("classify: results line %d: %w", re.Line, re.Err)
	}
	return out, err
}

// Options configure an evaluation.
type Options struct {
	// Catalogue, when set, tells which gold codes the luxury lists cover,
	// for the false-alarm and controlled-recall figures.
	Catalogue *lists.Catalogue
	// Jurisdictions limits the lists whose coverage counts; empty means
	// all.
	Jurisdictions []string
	// Rates convert the lines' values for the thresholds and price floors
	// the gold codes are judged against; nil converts nothing, so that a
	// value in another currency than an entry's leaves it open.
	Rates *lists.Rates
	// Now is the date of items without one; zero means time.Now.
	Now time.Time
	// Groups asks for the breakdowns, "section" or "style", in
	// Metrics.Groups.
	Groups []string
}

// Evaluate classifies every item and scores the results.
func Evaluate(ctx context.Context, c *classify.Classifier, set []Labelled) (Metrics, error) {
	return EvaluateWith(ctx, c, set, Options{})
}

// EvaluateWith classifies every item and scores the results with opts.
func EvaluateWith(ctx context.Context, c *classify.Classifier, set []Labelled, opts Options) (Metrics, error) {
	outs := make([]Outcome, len(set))
	for i, l := range set {
		r, err := c.Classify(ctx, l.Item)
		if err != nil {
			return Metrics{}, err
		}
		outs[i] = OutcomeOf(r)
	}
	return Score(set, outs, opts)
}

// Score scores the outcomes of a set's items, given in the set's order.
func Score(set []Labelled, outs []Outcome, opts Options) (Metrics, error) {
	if len(outs) != len(set) {
		return Metrics{}, fmt.Errorf("classify: %d results for %d items", len(outs), len(set))
	}
	for i := range set {
		if outs[i].ID != "" && set[i].ID != "" && outs[i].ID != set[i].ID {
			return Metrics{}, fmt.Errorf("classify: result %d has id %q, want %q", i+1, outs[i].ID, set[i].ID)
		}
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	law := make([]lists.Applicability, len(set))
	if opts.Catalogue != nil {
		for i, l := range set {
			law[i] = lawAtGold(opts.Catalogue, l, opts.Jurisdictions, now, opts.Rates)
		}
	}
	m := score(set, outs, law, opts.Catalogue != nil)
	for _, by := range opts.Groups {
		var key func(Labelled) string
		switch by {
		case "section":
			key = func(l Labelled) string { return Section(l.GoldHeading) }
		case "style":
			key = func(l Labelled) string { return l.Style }
		default:
			return Metrics{}, fmt.Errorf("classify: no breakdown by %q: want section or style", by)
		}
		idx := map[string][]int{}
		var keys []string
		for i, l := range set {
			k := key(l)
			if _, ok := idx[k]; !ok {
				keys = append(keys, k)
			}
			idx[k] = append(idx[k], i)
		}
		slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(groupOrder(by, a), groupOrder(by, b)) })
		for _, k := range keys {
			var gs []Labelled
			var go_ []Outcome
			var gl []lists.Applicability
			for _, i := range idx[k] {
				gs, go_, gl = append(gs, set[i]), append(go_, outs[i]), append(gl, law[i])
			}
			g := score(gs, go_, gl, opts.Catalogue != nil)
			g.Failures = nil
			m.Groups = append(m.Groups, Group{By: by, Key: k, Metrics: g})
		}
	}
	return m, nil
}

// lawAtGold returns what the law says of the item at its gold code on
// its date (now when it has none): every luxury entry of the
// jurisdictions that covers the code, judged with the line's own facts
// (description, value, quantity, with rates). Applies when one applies;
// DoesNotApply when none covers the code or every one is ruled out there
// (a value below a threshold or a price floor), so that a "yes" is a
// false alarm; CannotTell when one stays open even at the gold code (a
// threshold and no value, an "ex" category the description does not
// name): a perfect classifier would review the line too.
func lawAtGold(cat *lists.Catalogue, l Labelled, juris []string, now time.Time, rates *lists.Rates) lists.Applicability {
	gold := l.GoldHS6
	if gold == "" {
		gold = l.GoldHeading
	}
	code, err := hs.Parse(gold)
	if err != nil || code.IsZero() {
		return lists.DoesNotApply
	}
	date := l.Date
	if date.IsZero() {
		date = now
	}
	f := lists.Facts{Description: l.Description, Value: lists.Money{Amount: l.Value, Currency: l.Currency}, Quantity: l.Quantity, Unit: l.Unit, Date: date}
	out := lists.DoesNotApply
	for _, m := range cat.Lookup(code, lists.Options{Date: date, Jurisdictions: juris, Kinds: []lists.Kind{lists.Luxury}}) {
		switch cat.Judge(m, code, &f, rates).Applies {
		case lists.Applies:
			return lists.Applies
		case lists.CannotTell:
			out = lists.CannotTell
		}
	}
	return out
}

func score(set []Labelled, outs []Outcome, law []lists.Applicability, withCat bool) Metrics {
	var m Metrics
	var ok4, ok6, top4all, top6all, n6, t5n, t54, t56, tp, fp, fn, caught, hnLux int
	var unknown, review, falseAlarm, uncReview, ctlYes, ctlUnknown int
	for i, l := range set {
		r := outs[i]
		yes := r.Luxury == classify.LuxuryYes
		m.N++
		fail := func(problem, got string) {
			gold := l.GoldHS6
			if gold == "" {
				gold = "abstain (" + l.GoldHeading + ")"
			}
			m.Failures = append(m.Failures, Failure{ID: l.ID, Description: l.Description, Gold: gold, Got: got, Problem: problem})
		}
		if len(r.Candidates) > 0 && l.GoldHeading != "" && strings.HasPrefix(r.Candidates[0], l.GoldHeading) {
			top4all++
		}
		if l.GoldHS6 != "" {
			n6++
			if len(r.Candidates) > 0 && r.Candidates[0] == l.GoldHS6 {
				top6all++
			}
		}
		if r.HS6 != "" {
			m.Answered++
			switch {
			case l.GoldHS6 == r.HS6:
				ok4++
				ok6++
			case l.GoldHeading != "" && strings.HasPrefix(r.HS6, l.GoldHeading):
				ok4++
				fail("wrong subheading", r.HS6)
			default:
				fail("wrong heading", r.HS6)
			}
		} else if l.GoldHS6 != "" {
			got := ""
			if len(r.Candidates) > 0 {
				got = r.Candidates[0]
			}
			fail("abstained: "+strings.Join(r.Reasons, "; "), got)
		}
		if l.GoldHS6 != "" {
			t5n++
			f4, f6 := false, false
			for i, cd := range r.Candidates {
				if i == 5 {
					break
				}
				f4 = f4 || strings.HasPrefix(cd, l.GoldHeading)
				f6 = f6 || cd == l.GoldHS6
			}
			if f4 {
				t54++
			}
			if f6 {
				t56++
			}
		}
		if l.Luxury != nil {
			m.LuxuryLabelled++
			switch {
			case *l.Luxury && yes:
				tp++
				caught++
			case !*l.Luxury && yes:
				fp++
				fail("called luxury", r.HS6)
			case *l.Luxury && r.Luxury != classify.LuxuryNo:
				caught++
			case *l.Luxury:
				fn++
				fail("luxury missed", r.HS6)
			}
		}
		if l.HardNegative {
			m.HardNegatives++
			if yes {
				hnLux++
			}
		}
		if r.Luxury == classify.LuxuryUnknown {
			unknown++
		}
		if r.NeedsReview {
			review++
		}
		if !withCat {
			continue
		}
		switch {
		case law[i] == lists.DoesNotApply:
			m.Uncontrolled++
			switch {
			case yes:
				falseAlarm++
				fail("false alarm: the law says no at the gold code", r.HS6)
			case r.Luxury == classify.LuxuryUnknown:
				uncReview++
			}
		case law[i] == lists.Applies:
			m.Controlled++
			switch r.Luxury {
			case classify.LuxuryYes:
				ctlYes++
			case classify.LuxuryUnknown:
				ctlUnknown++
				fail("controlled goods left unknown", r.HS6)
			default:
				fail("controlled goods called no", r.HS6)
			}
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	m.Acc4, m.Acc6 = ratio(ok4, m.Answered), ratio(ok6, m.Answered)
	m.Top1At4All, m.Top1At6All = ratio(top4all, m.N), ratio(top6all, n6)
	m.Top5At4, m.Top5At6 = ratio(t54, t5n), ratio(t56, t5n)
	m.Abstain = ratio(m.N-m.Answered, m.N)
	m.LuxuryPrecision, m.LuxuryRecall = ratio(tp, tp+fp), ratio(caught, caught+fn)
	m.HardNegativeLuxury = ratio(hnLux, m.HardNegatives)
	m.Review, m.NeedsReview = ratio(unknown, m.N), ratio(review, m.N)
	m.FalseAlarm, m.UncontrolledReview = ratio(falseAlarm, m.Uncontrolled), ratio(uncReview, m.Uncontrolled)
	m.ControlledRecall, m.ControlledUnknown = ratio(ctlYes, m.Controlled), ratio(ctlUnknown, m.Controlled)
	return m
}

// sections are the first chapters of the HS sections I to XXI.
var sections = [...]int{1, 6, 15, 16, 25, 28, 39, 41, 44, 47, 50, 64, 68, 71, 72, 84, 86, 90, 93, 94, 97}

var romans = [...]string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"}

// Section returns the HS section, "I" to "XXI", of a code of two or more
// digits, or "?" when the code names no chapter.
func Section(code string) string {
	if len(code) < 2 {
		return "?"
	}
	ch, err := strconv.Atoi(code[:2])
	if err != nil || ch < 1 || ch > 97 {
		return "?"
	}
	i, _ := slices.BinarySearch(sections[:], ch+1)
	return romans[i-1]
}

// groupOrder orders the keys of a breakdown: sections by number, styles
// as bol, invoice, ecom, then the rest.
func groupOrder(by, key string) int {
	if by == "section" {
		if i := slices.Index(romans[:], key); i >= 0 {
			return i
		}
		return len(romans)
	}
	if i := slices.Index([]string{StyleBOL, StyleInvoice, StyleEcom}, key); i >= 0 {
		return i
	}
	return 3
}
