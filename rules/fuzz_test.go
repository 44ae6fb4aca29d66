package rules

import (
	"errors"
	"testing"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// FuzzDecode feeds arbitrary bytes to the shipment decoder: it must return
// a shipment or a DecodeError, never panic, and an accepted shipment must
// survive a round trip through its canonical JSON.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"id":"a","date":"2018-10-01","route":[{"locode":"CNDLC"}],"lines":[{"description":"car","hs":"8703.24","quantity":2,"unit":"item","value":1,"currency":"USD"}]}`))
	f.Add([]byte(`{"id":"a","lines":[]}` + "\n" + `{"id":"b","lines":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode("fuzz.json", data)
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %v is not a DecodeError", err)
			}
			return
		}
		c, err := s.CanonicalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode("canonical.json", c); err != nil {
			t.Fatalf("canonical form %s does not decode: %v", c, err)
		}
	})
}

// FuzzParseRuleSet feeds arbitrary YAML to the rules parser: it must
// return a rule set or a LoadError, never panic.
func FuzzParseRuleSet(f *testing.F) {
	f.Add([]byte("version: x\nsets:\n  s: {kind: country, members: [KP], source: s}\nrules:\n  - id: a\n    severity: review\n    title: t\n    message: m\n    source: s\n    when:\n      all:\n        - destination: {in: s}\n        - not: {line: {controlled: {by: [exporter], kinds: [luxury]}}}\n"))
	f.Add([]byte("rules:\n  - id: b\n    severity: block\n    title: t\n    message: m\n    source: s\n    when: {lines: {where: {hs: ['87']}, count_at_least: 2, value_at_least: {amount: 5, currency: USD}}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ParseRuleSet("fuzz.yaml", data)
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a LoadError", err)
			}
		}
	})
}

// FuzzMerge lays arbitrary YAML over the default rules: it must return a
// rule set or a LoadError, never panic, and a change it accepts to a
// required rule that disables it must carry a reason.
func FuzzMerge(f *testing.F) {
	f.Add([]byte("rules:\n  - id: evasion-flag-controlled-goods\n    severity: info\n"))
	f.Add([]byte("rules:\n  - id: unknown-port\n    disabled: true\n    reason: checked upstream\n"))
	f.Add([]byte("rules:\n  - id: missing-facts\n    when: {missing: [lines]}\n"))
	base, err := DefaultRuleSet()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := base.Merge("fuzz.yaml", data)
		if err != nil {
			for _, p := range datafile.Problems(err) {
				if p.File != "fuzz.yaml" {
					t.Fatalf("problem %v does not name the file", p)
				}
			}
			return
		}
		for _, c := range rs.Changes() {
			if c.Disabled && c.Reason == "" {
				for _, r := range base.rules {
					if r.ID == c.Rule && r.Required {
						t.Fatalf("required rule %s disabled without a reason", c.Rule)
					}
				}
			}
		}
	})
}
