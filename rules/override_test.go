package rules

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestOverrideOneField checks that a later file changes only the fields
// it gives: a severity alone keeps the default rule's title, message,
// source and condition.
func TestOverrideOneField(t *testing.T) {
	base, err := DefaultRuleSet()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := base.Merge("ours.yaml", []byte("rules:\n  - id: evasion-flag-controlled-goods\n    severity: info\n  - id: dprk-destination\n    message: held for the DPRK desk\n"))
	if err != nil {
		t.Fatal(err)
	}
	rule := func(rs *RuleSet, id string) Rule {
		for _, r := range rs.rules {
			if r.ID == id {
				return *r
			}
		}
		t.Fatalf("no rule %s", id)
		return Rule{}
	}
	for _, tt := range []struct {
		id   string
		edit func(r *Rule)
	}{
		{"evasion-flag-controlled-goods", func(r *Rule) { r.Severity = Info }},
		{"dprk-destination", func(r *Rule) { r.Message = "held for the DPRK desk" }},
	} {
		want, got := rule(base, tt.id), rule(rs, tt.id)
		tt.edit(&want)
		opts := cmp.Options{cmp.AllowUnexported(Rule{}), cmp.Comparer(func(a, b cond) bool { return a == b })}
		if diff := cmp.Diff(want, got, opts...); diff != "" {
			t.Errorf("%s after the change (-want +got):\n%s", tt.id, diff)
		}
	}
	e, err := NewEngine(Config{Goods: testCatalogue(t), Parties: newFakeScreener(nil), Rules: rs, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	d := mustCheck(t, e, exampleShipment(t, "maybach-2018.json"))
	if got := ruleIDs(d); !strings.Contains(strings.Join(got, ","), "info evasion-flag-controlled-goods") {
		t.Errorf("findings %v lack the flag rule at info", got)
	}
	want := []RuleChange{
		{Rule: "evasion-flag-controlled-goods", File: "ours.yaml", Line: 2, Fields: []string{"severity"}},
		{Rule: "dprk-destination", File: "ours.yaml", Line: 4, Fields: []string{"message"}},
	}
	if diff := cmp.Diff(want, rs.Changes()); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

// TestMergeChangeErrors checks the changes a later file may not make, or
// not without a reason, each reported with file, line and field.
func TestMergeChangeErrors(t *testing.T) {
	base, err := DefaultRuleSet()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, yaml string
		want       string // "" when the file is accepted
	}{
		{"disable a required rule without reason", "rules:\n  - id: unknown-port\n    disabled: true\n",
			`o.yaml:2: rules.unknown-port: invalid value: rule "unknown-port" is required (it makes the engine fail closed) and is disabled here without a reason: add reason: to say why; it is recorded in every decision's audit record`},
		{"disable a required rule with a reason", "rules:\n  - id: unknown-port\n    disabled: true\n    reason: our routes are checked by the carrier's own gazetteer\n", ""},
		{"lower a required rule without reason", "rules:\n  - id: invalid-input\n    severity: info\n",
			`o.yaml:2: rules.invalid-input: invalid value: rule "invalid-input" is required (it makes the engine fail closed) and is lowered to info here without a reason: add reason: to say why; it is recorded in every decision's audit record`},
		{"change a required rule's condition without reason", "rules:\n  - id: missing-facts\n    when: {missing: [lines]}\n",
			`o.yaml:2: rules.missing-facts: invalid value: rule "missing-facts" is required (it makes the engine fail closed) and is given another condition here without a reason: add reason: to say why; it is recorded in every decision's audit record`},
		{"restate a required rule as it is", "rules:\n  - id: unknown-currency\n    severity: review\n    when:\n      line: {unknown_currency: true}  # as in the defaults\n", ""},
		{"raise a required rule", "rules:\n  - id: unknown-currency\n    severity: block\n", ""},
		{"reword a required rule", "rules:\n  - id: unknown-currency\n    title: No exchange rate\n", ""},
		{"lower a rule that is not required", "rules:\n  - id: evasion-flag-controlled-goods\n    severity: info\n", ""},
		{"disable a rule that is not required", "rules:\n  - id: evasion-flag-controlled-goods\n    disabled: true\n", ""},
		{"a change that changes nothing", "rules:\n  - id: evasion-flag-controlled-goods\n    reason: why not\n",
			`o.yaml:2:5: rules[0]: required field missing: rule "evasion-flag-controlled-goods" changes an earlier file's rule: give the fields to change, or disabled: true`},
		{"a reason for a new rule", "rules:\n  - id: acme\n    severity: review\n    title: t\n    message: m\n    source: s\n    reason: r\n    when: {missing: [route]}\n",
			`o.yaml:7:13: rules[0].reason: invalid value: a reason says why a file changes an earlier file's rule, and no earlier file defines "acme"`},
		{"a new rule lacking fields", "rules:\n  - id: acme\n    severity: review\n",
			"o.yaml:2:5: rules[0].title: required field missing\no.yaml:2:5: rules[0].message: required field missing\no.yaml:2:5: rules[0].source: required field missing\no.yaml:2:5: rules[0].when: required field missing: the rule's condition"},
		{"a disabled rule with a severity", "rules:\n  - id: evasion-flag-controlled-goods\n    disabled: true\n    severity: info\n",
			`o.yaml:4:15: rules[0].severity: invalid value: a disabled rule has only id, disabled and reason`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := base.Merge("o.yaml", []byte(tt.yaml))
			got := ""
			if err != nil {
				got = err.Error()
				var le *LoadError
				if !errors.As(err, &le) || le.File != "o.yaml" {
					t.Errorf("error %v is not a LoadError naming the file", err)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAuditRecordsChanges checks that a disabled required rule, with its
// reason, and the rules version are in every decision's audit record.
func TestAuditRecordsChanges(t *testing.T) {
	base, err := DefaultRuleSet()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := base.Merge("ours.yaml", []byte("version: ours\nrules:\n  - id: missing-facts\n    disabled: true\n    reason: dates are checked upstream by the booking system\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(Config{Goods: testCatalogue(t), Parties: newFakeScreener(nil), Rules: rs, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	s := exampleShipment(t, "rice-humanitarian.json")
	s.Date = ""
	d := mustCheck(t, e, s)
	if d.Verdict != VerdictClear {
		t.Errorf("verdict %s with missing-facts disabled; findings %v", d.Verdict, ruleIDs(d))
	}
	b, err := json.Marshal(d.AuditRecord(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Rules AuditRules `json:"rules"`
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	want := AuditRules{Version: rs.Version(), Changes: []RuleChange{{Rule: "missing-facts", File: "ours.yaml", Line: 3, Fields: []string{"disabled"},
		Disabled: true, Reason: "dates are checked upstream by the booking system"}}}
	if diff := cmp.Diff(want, rec.Rules); diff != "" {
		t.Errorf("audit record rules (-want +got):\n%s", diff)
	}
	if !strings.Contains(want.Version, "+ours@") {
		t.Errorf("version %q does not name the merged file", want.Version)
	}
}
