package rules

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Labelled is one shipment of an evaluation set with the decision a
// compliance officer expects of it.
type Labelled struct {
	// Line is the 1-based line of the set the shipment was read from; 0
	// when it was not read by [ReadLabelled].
	Line     int         `json:"-"`
	Shipment Shipment    `json:"shipment"`
	Expect   Expectation `json:"expect"`
	// Why says what the label rests on: the resolution, list entry,
	// designation or case that decides it.
	Why string `json:"why"`
}

// Expectation is the label of one shipment.
type Expectation struct {
	Verdict Verdict `json:"verdict"`
	// Rules must each raise a finding, whatever its severity.
	Rules []string `json:"rules"`
	// NotRules must raise no finding. [AllOtherRules] stands for every
	// rule of the engine's rule set that Rules does not name, for a label
	// that gives the complete set of findings.
	NotRules []string `json:"not_rules"`
}

// AllOtherRules in [Expectation.NotRules] stands for every rule the label
// does not expect.
const AllOtherRules = "*"

// LabelError reports a bad line of an evaluation set.
type LabelError struct {
	Line int // 1-based line of the set, or 0 for the set as a whole
	// Field is the field path, e.g. "expect.verdict" or
	// "shipment.lines[0].currency"; empty for the whole line.
	Field string
	Err   error
}

func (e *LabelError) Error() string {
	var b strings.Builder
	b.WriteString("rules: eval set")
	if e.Line > 0 {
		b.WriteString(" line " + strconv.Itoa(e.Line))
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error: one of [ErrSyntax],
// [ErrUnknownField], [ErrMissing] or [ErrInvalid], for [errors.Is].
func (e *LabelError) Unwrap() error { return e.Err }

// maxLabelLine is the longest line of a set ReadLabelled accepts.
const maxLabelLine = 1 << 20

// ReadLabelled reads an evaluation set: JSON lines, each an object with
// the fields "shipment" (the shipment model of shipment.schema.json, read
// as strictly as [Decode] reads it), "expect" ({"verdict": "block" |
// "review" | "clear", "rules": [...], "not_rules": [...]}) and "why".
// Blank lines are skipped. Errors are [*LabelError]s naming the line and
// the field.
func ReadLabelled(r io.Reader) ([]Labelled, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLabelLine)
	var out []Labelled
	ids := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		l, err := parseLabelled(b)
		if err != nil {
			var le *LabelError
			if errors.As(err, &le) {
				le.Line = line
				return nil, le
			}
			return nil, &LabelError{Line: line, Err: err}
		}
		if prev, dup := ids[l.Shipment.ID]; dup {
			return nil, &LabelError{Line: line, Field: "shipment.id", Err: fmt.Errorf("%w: %q is also the id of line %d", ErrInvalid, l.Shipment.ID, prev)}
		}
		ids[l.Shipment.ID] = line
		l.Line = line
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: line longer than %d bytes", ErrInvalid, maxLabelLine)
		}
		return nil, &LabelError{Line: line + 1, Err: err}
	}
	if len(out) == 0 {
		return nil, &LabelError{Err: fmt.Errorf("%w: no labelled shipments", ErrMissing)}
	}
	return out, nil
}

// parseLabelled reads one line; errors carry no line number yet.
func parseLabelled(b []byte) (Labelled, error) {
	var l Labelled
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return l, &LabelError{Err: fmt.Errorf("%w: a line is a JSON object, got JSON %s", ErrInvalid, te.Value)}
		}
		return l, &LabelError{Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
	}
	if top == nil {
		return l, &LabelError{Err: fmt.Errorf("%w: a line is a JSON object, got null", ErrInvalid)}
	}
	keys := make([]string, 0, len(top))
	for k := range top {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		switch k {
		case "shipment", "expect", "why":
		default:
			return l, &LabelError{Field: k, Err: fmt.Errorf("%w: want shipment, expect and why", ErrUnknownField)}
		}
	}
	raw, ok := top["shipment"]
	if !ok || isNull(raw) {
		return l, &LabelError{Field: "shipment", Err: ErrMissing}
	}
	s, err := Decode("shipment", raw)
	if err != nil {
		var de *DecodeError
		if errors.As(err, &de) {
			return l, &LabelError{Field: fieldPath("shipment", de.Field), Err: de.Err}
		}
		return l, &LabelError{Field: "shipment", Err: err}
	}
	l.Shipment = *s
	raw, ok = top["expect"]
	if !ok || isNull(raw) {
		return l, &LabelError{Field: "expect", Err: ErrMissing}
	}
	if l.Expect, err = parseExpectation(raw); err != nil {
		return l, err
	}
	raw, ok = top["why"]
	if ok && !isNull(raw) {
		if err := json.Unmarshal(raw, &l.Why); err != nil {
			return l, &LabelError{Field: "why", Err: fmt.Errorf("%w: want a string, got JSON %s", ErrInvalid, jsonKind(raw))}
		}
	}
	if l.Why = strings.TrimSpace(l.Why); l.Why == "" {
		return l, &LabelError{Field: "why", Err: fmt.Errorf("%w: say what the label rests on", ErrMissing)}
	}
	return l, nil
}

func parseExpectation(raw []byte) (Expectation, error) {
	var x Expectation
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&x); err != nil {
		if m := unknownFieldRE.FindStringSubmatch(err.Error()); m != nil {
			return x, &LabelError{Field: "expect." + m[1], Err: fmt.Errorf("%w: want verdict, rules and not_rules", ErrUnknownField)}
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return x, &LabelError{Field: fieldPath("expect", te.Field), Err: fmt.Errorf("%w: want %s, got JSON %s", ErrInvalid, te.Type, te.Value)}
		}
		return x, &LabelError{Field: "expect", Err: fmt.Errorf("%w: %v", ErrInvalid, err)}
	}
	switch x.Verdict {
	case VerdictBlock, VerdictReview, VerdictClear:
	case "":
		return x, &LabelError{Field: "expect.verdict", Err: ErrMissing}
	default:
		return x, &LabelError{Field: "expect.verdict", Err: fmt.Errorf("%w: %q: want block, review or clear", ErrInvalid, x.Verdict)}
	}
	seen := map[string]string{}
	for _, f := range []struct {
		name string
		ids  []string
	}{{"rules", x.Rules}, {"not_rules", x.NotRules}} {
		for i, id := range f.ids {
			at := fmt.Sprintf("expect.%s[%d]", f.name, i)
			switch {
			case id == AllOtherRules && f.name == "not_rules":
			case !idRE.MatchString(id):
				return x, &LabelError{Field: at, Err: fmt.Errorf("%w: %q is not a rule id", ErrInvalid, id)}
			}
			if prev, dup := seen[id]; dup {
				return x, &LabelError{Field: at, Err: fmt.Errorf("%w: %q is also in %s", ErrInvalid, id, prev)}
			}
			seen[id] = at
		}
	}
	return x, nil
}

// fieldPath joins a prefix and a field path that may be empty.
func fieldPath(prefix, field string) string {
	if field == "" {
		return prefix
	}
	return prefix + "." + field
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// jsonKind names the kind of a JSON value for errors.
func jsonKind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// Metrics are the accuracy figures of one evaluation.
type Metrics struct {
	N int `json:"n"`
	// Correct is the number of shipments whose verdict is the expected
	// one; VerdictAccuracy is Correct/N.
	Correct         int     `json:"correct"`
	VerdictAccuracy float64 `json:"verdict_accuracy"`
	// Confusion counts shipments by expected verdict, then by the verdict
	// the engine gave.
	Confusion map[Verdict]map[Verdict]int `json:"confusion"`
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

// Failure is one shipment the engine got wrong.
type Failure struct {
	ID       string  `json:"id"`
	Line     int     `json:"line,omitempty"`
	Expected Verdict `json:"expected"`
	Got      Verdict `json:"got"`
	// Missing are expected rules that raised no finding; Unexpected are
	// excluded rules that did.
	Missing    []string `json:"missing,omitempty"`
	Unexpected []string `json:"unexpected,omitempty"`
	// Findings are the engine's findings, "severity rule: evidence; …".
	Findings []string `json:"findings"`
	Why      string   `json:"why"`
}

// Evaluate checks every shipment of set with e and scores the decisions
// against the labels. A label naming a rule that e's rule set lacks, or
// expecting clear together with a rule that blocks or reviews, is an
// error: such a label could never be met, or would be met by a typo.
func Evaluate(ctx context.Context, e *Engine, set []Labelled) (Metrics, error) {
	var m Metrics
	if len(set) == 0 {
		return m, errors.New("rules: evaluate: the set is empty")
	}
	rs := e.cur.Load().Rules
	all := make([]string, len(rs.rules))
	severity := map[string]Severity{}
	for i, r := range rs.rules {
		all[i] = r.ID
		severity[r.ID] = r.Severity
	}
	for _, l := range set {
		if err := checkLabel(l, severity); err != nil {
			return m, err
		}
	}
	verdicts := []Verdict{VerdictBlock, VerdictReview, VerdictClear}
	m.Confusion = map[Verdict]map[Verdict]int{}
	for _, v := range verdicts {
		m.Confusion[v] = map[Verdict]int{}
		for _, g := range verdicts {
			m.Confusion[v][g] = 0
		}
	}
	byRule := map[string]*RuleMetrics{}
	var order []string
	rule := func(id string) *RuleMetrics {
		rm, ok := byRule[id]
		if !ok {
			rm = &RuleMetrics{Rule: id}
			byRule[id] = rm
			order = append(order, id)
		}
		return rm
	}
	for _, id := range all {
		rule(id)
	}
	for _, l := range set {
		s := l.Shipment
		d, err := e.Check(ctx, &s)
		if err != nil {
			return m, fmt.Errorf("rules: evaluate %q (line %d): %w", l.Shipment.ID, l.Line, err)
		}
		m.N++
		x := l.Expect
		got := d.Verdict
		m.Confusion[x.Verdict][got]++
		fired := map[string]bool{}
		for _, f := range d.Findings {
			fired[f.Rule] = true
		}
		var missing, unexpected []string
		expected := map[string]bool{}
		for _, id := range x.Rules {
			expected[id] = true
			rm := rule(id)
			if fired[id] {
				rm.TP++
			} else {
				rm.FN++
				missing = append(missing, id)
			}
		}
		excluded := map[string]bool{}
		for _, id := range x.NotRules {
			if id == AllOtherRules {
				for _, a := range all {
					if !expected[a] {
						excluded[a] = true
					}
				}
				continue
			}
			excluded[id] = true
		}
		for _, id := range order {
			if !excluded[id] {
				continue
			}
			if rm := byRule[id]; fired[id] {
				rm.FP++
				unexpected = append(unexpected, id)
			} else {
				rm.TN++
			}
		}
		for _, f := range d.Findings {
			if !expected[f.Rule] && !excluded[f.Rule] {
				rule(f.Rule).Unlabelled++
			}
		}
		switch {
		case x.Verdict == VerdictBlock && got == VerdictClear:
			m.BlockCleared++
		case x.Verdict == VerdictReview && got == VerdictClear:
			m.ReviewCleared++
		}
		if got == x.Verdict {
			m.Correct++
		}
		if got == x.Verdict && len(missing) == 0 && len(unexpected) == 0 {
			m.Passed++
			continue
		}
		m.Failures = append(m.Failures, Failure{
			ID: l.Shipment.ID, Line: l.Line, Expected: x.Verdict, Got: got,
			Missing: missing, Unexpected: unexpected, Findings: briefFindings(d.Findings), Why: l.Why,
		})
	}
	m.ExpectedBlock = sumRow(m.Confusion[VerdictBlock])
	m.Clean = sumRow(m.Confusion[VerdictClear])
	for _, v := range verdicts {
		m.GotClear += m.Confusion[v][VerdictClear]
	}
	m.VerdictAccuracy = ratio(m.Correct, m.N)
	m.BlockRecall = ratio(m.Confusion[VerdictBlock][VerdictBlock], m.ExpectedBlock)
	m.ClearPrecision = ratio(m.Confusion[VerdictClear][VerdictClear], m.GotClear)
	m.FalseReviewRate = ratio(m.Clean-m.Confusion[VerdictClear][VerdictClear], m.Clean)
	m.Rules = make([]RuleMetrics, 0, len(order))
	for _, id := range order {
		rm := byRule[id]
		rm.Precision, rm.Recall = ratio(rm.TP, rm.TP+rm.FP), ratio(rm.TP, rm.TP+rm.FN)
		m.Rules = append(m.Rules, *rm)
	}
	return m, nil
}

// checkLabel rejects labels that name unknown rules or contradict
// themselves.
func checkLabel(l Labelled, severity map[string]Severity) error {
	at := func(field string, err error) error {
		return &LabelError{Line: l.Line, Field: field, Err: fmt.Errorf("shipment %q: %w", l.Shipment.ID, err)}
	}
	for _, f := range []struct {
		name string
		ids  []string
	}{{"rules", l.Expect.Rules}, {"not_rules", l.Expect.NotRules}} {
		for i, id := range f.ids {
			if _, ok := severity[id]; !ok && id != AllOtherRules {
				return at(fmt.Sprintf("expect.%s[%d]", f.name, i), fmt.Errorf("%w: the rule set has no rule %q", ErrInvalid, id))
			}
		}
	}
	if l.Expect.Verdict == VerdictClear {
		for i, id := range l.Expect.Rules {
			if s := severity[id]; s == Block || s == Review {
				return at(fmt.Sprintf("expect.rules[%d]", i), fmt.Errorf("%w: a clear shipment cannot expect %s, a %s rule", ErrInvalid, id, s))
			}
		}
	}
	return nil
}

func sumRow(r map[Verdict]int) int {
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
func briefFindings(fs []Finding) []string {
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
