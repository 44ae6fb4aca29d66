package ruleseval

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/luxscreen/luxscreen/rules"
)

// Metrics are the accuracy figures of one evaluation.
type Metrics struct {
	N int `json:"n"`
	// Correct is the number of shipments whose verdict is the expected
	// one; VerdictAccuracy is Correct/N.
	Correct         int     `json:"correct"`
	VerdictAccuracy float64 `json:"verdict_accuracy"`
	// Confusion counts shipments by expected verdict, then by the verdict
	// the engine gave.
	Confusion map[rules.Verdict]map[rules.Verdict]int `json:"confusion"`
	// ExpectedBlock is the number of shipments labelled block;
	// BlockRecall the share of them the engine blocked.
	ExpectedBlock int     `json:"expected_block"`
	BlockRecall   float64 `json:"block_recall"`
	// BlockCleared counts shipments labelled block that the engine
	// cleared: the dangerous error, which must be zero.
	BlockCleared int `json:"block_cleared"`
	// ReviewCleared counts shipments labelled review that the engine
	// cleared.
	ReviewCleared int `json:"review_cleared"`
	// GotClear is the number of shipments the engine cleared;
	// ClearPrecision the share of them labelled clear.
	GotClear       int     `json:"got_clear"`
	ClearPrecision float64 `json:"clear_precision"`
	// Clean is the number of shipments labelled clear; FalseReviewRate
	// the share of them the engine did not clear.
	Clean           int     `json:"clean"`
	FalseReviewRate float64 `json:"false_review_rate"`
	// Rules scores each rule on the shipments whose label names it, in
	// rule-set order.
	Rules []RuleMetrics `json:"rules"`
	// Groups count the verdicts of each group of shipments, in order of
	// first appearance: the shipment IDs up to their first hyphen ("ord"
	// for "ord-asia-europe-0001"), the way the sets name their parts.
	Groups []GroupMetrics `json:"groups"`
	// Passed counts shipments with the expected verdict, every expected
	// finding and no excluded one.
	Passed   int       `json:"passed"`
	Failures []Failure `json:"failures,omitempty"`
}

// RuleMetrics scores one rule over the labels that name it: a shipment
// that expects it is a true positive when it fired and a false negative
// otherwise; a shipment that excludes it (by name or by [AllOtherRules])
// is a false positive when it fired and a true negative otherwise.
type RuleMetrics struct {
	Rule string `json:"rule"`
	TP   int    `json:"tp"`
	FP   int    `json:"fp"`
	FN   int    `json:"fn"`
	TN   int    `json:"tn"`
	// Precision is TP/(TP+FP) and Recall TP/(TP+FN); each is 0 when its
	// denominator is.
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	// Unlabelled counts firings on shipments whose label neither expects
	// nor excludes the rule; they are not scored.
	Unlabelled int `json:"unlabelled"`
}

// GroupMetrics are the verdicts the engine gave the shipments of one
// group, and how many were the expected ones.
type GroupMetrics struct {
	Group   string `json:"group"`
	N       int    `json:"n"`
	Block   int    `json:"block"`
	Review  int    `json:"review"`
	Clear   int    `json:"clear"`
	Correct int    `json:"correct"`
}

// groupOf is the group of a shipment ID: up to its first hyphen.
func groupOf(id string) string {
	g, _, _ := strings.Cut(id, "-")
	return g
}

// Failure is one shipment the engine got wrong.
type Failure struct {
	ID       string        `json:"id"`
	Line     int           `json:"line,omitempty"`
	Expected rules.Verdict `json:"expected"`
	Got      rules.Verdict `json:"got"`
	// Missing are expected rules that raised no finding; Unexpected are
	// excluded rules that did.
	Missing    []string `json:"missing,omitempty"`
	Unexpected []string `json:"unexpected,omitempty"`
	// Findings are the engine's findings, "severity rule: evidence; …".
	Findings []string `json:"findings"`
	Why      string   `json:"why"`
}

// Evaluate checks every shipment of set with e and scores the decisions
// against the labels. A label naming a rule that e's rule set lacks (or
// has disabled), or expecting clear together with a rule that blocks or
// reviews, is an error: such a label could never be met, or would be met
// by a typo.
func Evaluate(ctx context.Context, e *rules.Engine, set []Labelled) (Metrics, error) {
	if len(set) == 0 {
		return Metrics{}, errors.New("rules: evaluate: the set is empty")
	}
	sc, err := newScorer(e.RuleSet(), set)
	if err != nil {
		return Metrics{}, err
	}
	for _, l := range set {
		s := l.Shipment
		d, err := e.Check(ctx, &s)
		if err != nil {
			return Metrics{}, fmt.Errorf("rules: evaluate %q (line %d): %w", l.Shipment.ID, l.Line, err)
		}
		sc.add(l, d)
	}
	return sc.metrics(), nil
}

// verdicts are the verdicts in the order of the confusion matrix.
var verdicts = [...]rules.Verdict{rules.VerdictBlock, rules.VerdictReview, rules.VerdictClear}

// scorer accumulates the metrics of one evaluation.
type scorer struct {
	m Metrics
	// all are the rule ids of the rule set, in evaluation order.
	all []string
	// byRule scores each rule; order lists them as first seen: the rule
	// set's rules, then rules only findings or labels name.
	byRule map[string]*RuleMetrics
	order  []string
	// groups index m.Groups by name.
	groups map[string]int
}

// newScorer checks every label against the rule set and prepares the
// counts.
func newScorer(rs *rules.RuleSet, set []Labelled) (*scorer, error) {
	sc := &scorer{byRule: map[string]*RuleMetrics{}, groups: map[string]int{}, m: Metrics{Groups: []GroupMetrics{}}}
	severity := map[string]rules.Severity{}
	for _, r := range rs.Rules() {
		sc.all = append(sc.all, r.ID)
		severity[r.ID] = r.Severity
	}
	for _, l := range set {
		if err := checkLabel(l, severity); err != nil {
			return nil, err
		}
	}
	sc.m.Confusion = map[rules.Verdict]map[rules.Verdict]int{}
	for _, v := range verdicts {
		sc.m.Confusion[v] = map[rules.Verdict]int{}
		for _, g := range verdicts {
			sc.m.Confusion[v][g] = 0
		}
	}
	for _, id := range sc.all {
		sc.rule(id)
	}
	return sc, nil
}

// rule returns the metrics of rule id, adding it when new.
func (sc *scorer) rule(id string) *RuleMetrics {
	rm, ok := sc.byRule[id]
	if !ok {
		rm = &RuleMetrics{Rule: id}
		sc.byRule[id] = rm
		sc.order = append(sc.order, id)
	}
	return rm
}

// add scores the decision d on the labelled shipment l.
func (sc *scorer) add(l Labelled, d *rules.Decision) {
	m := &sc.m
	m.N++
	x := l.Expect
	got := d.Verdict
	m.Confusion[x.Verdict][got]++
	missing, unexpected := sc.scoreRules(x, d.Findings)
	switch {
	case x.Verdict == rules.VerdictBlock && got == rules.VerdictClear:
		m.BlockCleared++
	case x.Verdict == rules.VerdictReview && got == rules.VerdictClear:
		m.ReviewCleared++
	}
	gi, ok := sc.groups[groupOf(l.Shipment.ID)]
	if !ok {
		gi = len(m.Groups)
		sc.groups[groupOf(l.Shipment.ID)] = gi
		m.Groups = append(m.Groups, GroupMetrics{Group: groupOf(l.Shipment.ID)})
	}
	g := &m.Groups[gi]
	g.N++
	switch got {
	case rules.VerdictBlock:
		g.Block++
	case rules.VerdictReview:
		g.Review++
	case rules.VerdictClear:
		g.Clear++
	}
	if got == x.Verdict {
		m.Correct++
		g.Correct++
	}
	if got == x.Verdict && len(missing) == 0 && len(unexpected) == 0 {
		m.Passed++
		return
	}
	m.Failures = append(m.Failures, Failure{
		ID: l.Shipment.ID, Line: l.Line, Expected: x.Verdict, Got: got,
		Missing: missing, Unexpected: unexpected, Findings: briefFindings(d.Findings), Why: l.Why,
	})
}

// scoreRules counts each rule the label expects or excludes, and returns
// the expected rules that did not fire and the excluded ones that did.
func (sc *scorer) scoreRules(x Expectation, findings []rules.Finding) (missing, unexpected []string) {
	fired := map[string]bool{}
	for _, f := range findings {
		fired[f.Rule] = true
	}
	expected := map[string]bool{}
	for _, id := range x.Rules {
		expected[id] = true
		rm := sc.rule(id)
		if fired[id] {
			rm.TP++
		} else {
			rm.FN++
			missing = append(missing, id)
		}
	}
	excluded := sc.excluded(x.NotRules, expected)
	for _, id := range sc.order {
		if !excluded[id] {
			continue
		}
		if rm := sc.byRule[id]; fired[id] {
			rm.FP++
			unexpected = append(unexpected, id)
		} else {
			rm.TN++
		}
	}
	for _, f := range findings {
		if !expected[f.Rule] && !excluded[f.Rule] {
			sc.rule(f.Rule).Unlabelled++
		}
	}
	return missing, unexpected
}

// excluded resolves a label's not_rules, expanding [AllOtherRules] to
// every rule of the set that is not expected.
func (sc *scorer) excluded(notRules []string, expected map[string]bool) map[string]bool {
	excluded := map[string]bool{}
	for _, id := range notRules {
		if id != AllOtherRules {
			excluded[id] = true
			continue
		}
		for _, a := range sc.all {
			if !expected[a] {
				excluded[a] = true
			}
		}
	}
	return excluded
}

// metrics derives the ratios from the counts.
func (sc *scorer) metrics() Metrics {
	m := sc.m
	m.ExpectedBlock = sumRow(m.Confusion[rules.VerdictBlock])
	m.Clean = sumRow(m.Confusion[rules.VerdictClear])
	for _, v := range verdicts {
		m.GotClear += m.Confusion[v][rules.VerdictClear]
	}
	m.VerdictAccuracy = ratio(m.Correct, m.N)
	m.BlockRecall = ratio(m.Confusion[rules.VerdictBlock][rules.VerdictBlock], m.ExpectedBlock)
	m.ClearPrecision = ratio(m.Confusion[rules.VerdictClear][rules.VerdictClear], m.GotClear)
	m.FalseReviewRate = ratio(m.Clean-m.Confusion[rules.VerdictClear][rules.VerdictClear], m.Clean)
	m.Rules = make([]RuleMetrics, 0, len(sc.order))
	for _, id := range sc.order {
		rm := sc.byRule[id]
		rm.Precision, rm.Recall = ratio(rm.TP, rm.TP+rm.FP), ratio(rm.TP, rm.TP+rm.FN)
		m.Rules = append(m.Rules, *rm)
	}
	return m
}

// checkLabel rejects labels that name unknown rules or contradict
// themselves.
func checkLabel(l Labelled, severity map[string]rules.Severity) error {
	at := func(field string, err error) error {
		return &LabelError{Line: l.Line, Field: field, Err: fmt.Errorf("shipment %q: %w", l.Shipment.ID, err)}
	}
	for _, f := range []struct {
		name string
		ids  []string
	}{{"rules", l.Expect.Rules}, {"not_rules", l.Expect.NotRules}} {
		for i, id := range f.ids {
			if _, ok := severity[id]; !ok && id != AllOtherRules {
				return at(fmt.Sprintf("expect.%s[%d]", f.name, i), fmt.Errorf("%w: the rule set has no rule %q", rules.ErrInvalid, id))
			}
		}
	}
	if l.Expect.Verdict == rules.VerdictClear {
		for i, id := range l.Expect.Rules {
			if s := severity[id]; s == rules.Block || s == rules.Review {
				return at(fmt.Sprintf("expect.rules[%d]", i), fmt.Errorf("%w: a clear shipment cannot expect %s, a %s rule", rules.ErrInvalid, id, s))
			}
		}
	}
	return nil
}

func sumRow(r map[rules.Verdict]int) int {
	n := 0
	for _, c := range r {
		n += c
	}
	return n
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// briefFindings writes findings as one line each, for failure reports.
func briefFindings(fs []rules.Finding) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		var ev []string
		for _, e := range f.Evidence {
			var subject string
			switch {
			case e.Line > 0:
				subject = fmt.Sprintf("line %d: ", e.Line)
			case e.Party != "":
				subject = e.Party + " — "
			case e.Vessel != "":
				subject = "vessel " + e.Vessel + " — "
			case e.Port != "":
				subject = e.Port + " — "
			}
			ev = append(ev, subject+e.Detail)
		}
		out = append(out, fmt.Sprintf("%s %s: %s", f.Severity, f.Rule, strings.Join(ev, "; ")))
	}
	return out
}
