package ruleseval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/internal/jsonl"
	"github.com/luxscreen/luxscreen/rules"
)

// Labelled is one shipment of an evaluation set with the decision a
// compliance officer expects of it.
type Labelled struct {
	// Line is the 1-based line of the set the shipment was read from; 0
	// when it was not read by [ReadLabelled].
	Line     int            `json:"-"`
	Shipment rules.Shipment `json:"shipment"`
	Expect   Expectation    `json:"expect"`
	// Why says what the label rests on: the resolution, list entry,
	// designation or case that decides it.
	Why string `json:"why"`
}

// Expectation is the label of one shipment.
type Expectation struct {
	Verdict rules.Verdict `json:"verdict"`
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
	s := "rules: eval set"
	if e.Line > 0 {
		s += fmt.Sprintf(" line %d", e.Line)
	}
	if e.Field != "" {
		s += ": " + e.Field
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the underlying error: one of [rules.ErrSyntax],
// [rules.ErrUnknownField], [rules.ErrMissing] or [rules.ErrInvalid], for [errors.Is].
func (e *LabelError) Unwrap() error { return e.Err }

// maxLabelLine is the longest line of a set ReadLabelled accepts.
const maxLabelLine = 1 << 20

// ReadLabelled reads an evaluation set: JSON lines, each an object with
// the fields "shipment" (the shipment model of shipment.schema.json, read
// as strictly as [rules.Decode] reads it), "expect" ({"verdict": "block" |
// "review" | "clear", "rules": [...], "not_rules": [...]}) and "why".
// Blank lines are skipped. Errors are [*LabelError]s naming the line and
// the field.
func ReadLabelled(r io.Reader) ([]Labelled, error) {
	var out []Labelled
	ids := map[string]int{}
	err := jsonl.Each(r, maxLabelLine, func(line int, b []byte) error {
		l, err := parseLabelled(b)
		if err != nil {
			var le *LabelError
			if errors.As(err, &le) {
				le.Line = line
				return le
			}
			return &LabelError{Line: line, Err: err}
		}
		if prev, dup := ids[l.Shipment.ID]; dup {
			return &LabelError{Line: line, Field: "shipment.id", Err: fmt.Errorf("%w: %q is also the id of line %d", rules.ErrInvalid, l.Shipment.ID, prev)}
		}
		ids[l.Shipment.ID] = line
		l.Line = line
		out = append(out, l)
		return nil
	})
	if re := (*jsonl.ReadError)(nil); errors.As(err, &re) {
		err = re.Err
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: line longer than %d bytes", rules.ErrInvalid, maxLabelLine)
		}
		return nil, &LabelError{Line: re.Line, Err: err}
	}
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, &LabelError{Err: fmt.Errorf("%w: no labelled shipments", rules.ErrMissing)}
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
			return l, &LabelError{Err: fmt.Errorf("%w: a line is a JSON object, got JSON %s", rules.ErrInvalid, te.Value)}
		}
		return l, &LabelError{Err: fmt.Errorf("%w: %v", rules.ErrSyntax, err)}
	}
	if top == nil {
		return l, &LabelError{Err: fmt.Errorf("%w: a line is a JSON object, got null", rules.ErrInvalid)}
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
			return l, &LabelError{Field: k, Err: fmt.Errorf("%w: want shipment, expect and why", rules.ErrUnknownField)}
		}
	}
	raw, ok := top["shipment"]
	if !ok || isNull(raw) {
		return l, &LabelError{Field: "shipment", Err: rules.ErrMissing}
	}
	s, err := rules.Decode("shipment", raw)
	if err != nil {
		var de *rules.DecodeError
		if errors.As(err, &de) {
			return l, &LabelError{Field: fieldPath("shipment", de.Field), Err: de.Err}
		}
		return l, &LabelError{Field: "shipment", Err: err}
	}
	l.Shipment = *s
	raw, ok = top["expect"]
	if !ok || isNull(raw) {
		return l, &LabelError{Field: "expect", Err: rules.ErrMissing}
	}
	if l.Expect, err = parseExpectation(raw); err != nil {
		return l, err
	}
	raw, ok = top["why"]
	if ok && !isNull(raw) {
		if err := json.Unmarshal(raw, &l.Why); err != nil {
			return l, &LabelError{Field: "why", Err: fmt.Errorf("%w: want a string, got JSON %s", rules.ErrInvalid, jsonKind(raw))}
		}
	}
	if l.Why = strings.TrimSpace(l.Why); l.Why == "" {
		return l, &LabelError{Field: "why", Err: fmt.Errorf("%w: say what the label rests on", rules.ErrMissing)}
	}
	return l, nil
}

func parseExpectation(raw []byte) (Expectation, error) {
	var x Expectation
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&x); err != nil {
		if m := unknownFieldRE.FindStringSubmatch(err.Error()); m != nil {
			return x, &LabelError{Field: "expect." + m[1], Err: fmt.Errorf("%w: want verdict, rules and not_rules", rules.ErrUnknownField)}
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return x, &LabelError{Field: fieldPath("expect", te.Field), Err: fmt.Errorf("%w: want %s, got JSON %s", rules.ErrInvalid, te.Type, te.Value)}
		}
		return x, &LabelError{Field: "expect", Err: fmt.Errorf("%w: %v", rules.ErrInvalid, err)}
	}
	switch x.Verdict {
	case rules.VerdictBlock, rules.VerdictReview, rules.VerdictClear:
	case "":
		return x, &LabelError{Field: "expect.verdict", Err: rules.ErrMissing}
	default:
		return x, &LabelError{Field: "expect.verdict", Err: fmt.Errorf("%w: %q: want block, review or clear", rules.ErrInvalid, x.Verdict)}
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
				return x, &LabelError{Field: at, Err: fmt.Errorf("%w: %q is not a rule id", rules.ErrInvalid, id)}
			}
			if prev, dup := seen[id]; dup {
				return x, &LabelError{Field: at, Err: fmt.Errorf("%w: %q is also in %s", rules.ErrInvalid, id, prev)}
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

// unknownFieldRE extracts the field name from encoding/json's error for an
// unknown field.
var unknownFieldRE = regexp.MustCompile(`^json: unknown field "(.*)"$`)

// idRE is the form of a rule id.
var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
