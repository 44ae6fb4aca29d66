package rules

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDefaultRuleSet(t *testing.T) {
	rs, err := DefaultRuleSet()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Rules() {
		if r.Source == "" || r.Message == "" || r.Title == "" {
			t.Errorf("rule %s lacks a title, message or source", r.ID)
		}
	}
	if _, err := DefaultReference(); err != nil {
		t.Fatal(err)
	}
}

func TestRuleFileErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		kind       error
		want       string
	}{
		{"unknown top-level field", "version: x\nrulez: []\n", ErrUnknownField,
			`t.yaml:2:1: rulez: unknown field: "rulez" is not allowed here; want one of version, sets, rules`},
		{"unknown rule field", "rules:\n  - id: a\n    severity: review\n    title: t\n    message: m\n    source: s\n    colour: red\n    when: {missing: [date]}\n", ErrUnknownField,
			`t.yaml:7:5: rules[0].colour: unknown field: "colour" is not allowed here; want one of id, severity, title, message, source, url, in_force, required, disabled, reason, when`},
		{"unknown condition", "rules:\n  - id: a\n    severity: review\n    title: t\n    message: m\n    source: s\n    when:\n      all:\n        - destinaton: {in: [KP]}\n", ErrUnknownCondition,
			`t.yaml:9:11: rules[0].when.all[0].destinaton: unknown condition: "destinaton": want one of all, any, not, destination, origin, route, vessel, party, line, lines, missing, invalid, no_list, date`},
		{"unknown line test", "rules:\n  - id: a\n    severity: review\n    title: t\n    message: m\n    source: s\n    when:\n      line: {controled: {}}\n", ErrUnknownField,
			`t.yaml:8:14: rules[0].when.line.controled: unknown field: "controled" is not allowed here; want one of controlled, mismatch, unit_value_above_reference, value_above, unknown_currency, needs_review, luxury_unknown, hs`},
		{"bad severity", "rules:\n  - id: a\n    severity: stop\n    title: t\n    message: m\n    source: s\n    when: {missing: [date]}\n", ErrInvalid,
			`t.yaml:3:15: rules[0].severity: invalid value: "stop": want block, review or info`},
		{"unknown set", "rules:\n  - id: a\n    severity: review\n    title: t\n    message: m\n    source: s\n    when: {destination: {in: nowhere}}\n", ErrInvalid,
			`t.yaml:7: rules.a: invalid value: no set named "nowhere" (known: )`},
		{"bad port in set", "sets:\n  p: {kind: port, members: [Dalian], source: s}\n", ErrInvalid,
			`t.yaml:2:28: sets.p.members[0]: invalid value: "DALIAN" is not a port code`},
		{"syntax", "rules: [\n", ErrYAML, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRuleSet("t.yaml", []byte(tt.yaml))
			if !errors.Is(err, tt.kind) {
				t.Fatalf("error = %v, want %v", err, tt.kind)
			}
			var le *LoadError
			if !errors.As(err, &le) || le.File != "t.yaml" {
				t.Fatalf("error %v is not a LoadError naming the file", err)
			}
			if tt.want != "" {
				if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
					t.Errorf("message (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestMerge(t *testing.T) {
	base, err := DefaultRuleSet()
	if err != nil {
		t.Fatal(err)
	}
	over := `
version: acme
sets:
  acme-ports: {kind: port, members: [CNSHA], source: our own watch list}
rules:
  - id: evasion-flag-controlled-goods
    disabled: true
  - id: acme-shanghai
    severity: info
    title: Shanghai
    message: routed through Shanghai
    source: ACME compliance manual
    when: {route: {via: acme-ports, earlier: dprk-feeder-ports}}
`
	rs, err := base.Merge("acme.yaml", []byte(over))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range rs.Rules() {
		ids = append(ids, r.ID)
	}
	if len(ids) != len(base.Rules()) || ids[len(ids)-1] != "acme-shanghai" {
		t.Errorf("merged rules = %v", ids)
	}
	for _, id := range ids {
		if id == "evasion-flag-controlled-goods" {
			t.Error("disabled rule still runs")
		}
	}

	_, err = base.Merge("bad.yaml", []byte("rules:\n  - id: unknown-port\n    disabled: true\n"))
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("disabling a required rule: error = %v, want ErrInvalid", err)
	}
	_, err = base.Merge("bad.yaml", []byte("rules:\n  - id: no-such-rule\n    disabled: true\n"))
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("disabling an unknown rule: error = %v, want ErrInvalid", err)
	}
}
