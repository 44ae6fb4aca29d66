package rules_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/luxscreen/luxscreen/rules"
)

// A compliance team adds its own rule over the defaults: shipments to
// Vladivostok of any controlled goods are held for review. Errors name the
// file, line and field.
func ExampleRuleSet_Merge() {
	defaults, err := rules.DefaultRuleSet()
	if err != nil {
		log.Fatal(err)
	}
	ours := []byte(`version: acme-2026-11
rules:
  - id: acme-vladivostok
    severity: review
    title: Vladivostok
    message: controlled goods to Vladivostok are checked by hand
    source: ACME export compliance manual, section 4.2
    when:
      all:
        - route: {via: [RUVVO]}
        - line: {controlled: {by: [any]}}
`)
	rs, err := defaults.Merge("acme.yaml", ours)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rs.Version() != defaults.Version())

	_, err = defaults.Merge("bad.yaml", []byte("version: x\nrules:\n  - id: x\n    severity: stop\n"))
	var le *rules.LoadError
	fmt.Println(errors.As(err, &le), le.File)
	fmt.Println(err)
	// Output:
	// true
	// true bad.yaml
	// bad.yaml:3:5: rules[0].title: required field missing
	// bad.yaml:3:5: rules[0].message: required field missing
	// bad.yaml:3:5: rules[0].source: required field missing
	// bad.yaml:3:5: rules[0].when: required field missing: the rule's condition
	// bad.yaml:4:15: rules[0].severity: invalid value: "stop": want block, review or info
}

// A compliance team lowers one rule without copying it, and switches a
// required rule off with the reason its auditors will read in every
// decision's audit record.
func ExampleRuleSet_Changes() {
	defaults, err := rules.DefaultRuleSet()
	if err != nil {
		log.Fatal(err)
	}
	ours := []byte(`version: acme-2026-12
rules:
  - id: evasion-flag-controlled-goods
    severity: info
  - id: unknown-port
    disabled: true
    reason: routes are resolved by our booking system before the check
`)
	rs, err := defaults.Merge("acme.yaml", ours)
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range rs.Changes() {
		fmt.Printf("%s:%d %s %v disabled=%v %q\n", c.File, c.Line, c.Rule, c.Fields, c.Disabled, c.Reason)
	}
	_, err = defaults.Merge("bad.yaml", []byte("rules:\n  - id: unknown-port\n    disabled: true\n"))
	fmt.Println(err)
	// Output:
	// acme.yaml:3 evasion-flag-controlled-goods [severity] disabled=false ""
	// acme.yaml:5 unknown-port [disabled] disabled=true "routes are resolved by our booking system before the check"
	// bad.yaml:2: rules.unknown-port: invalid value: rule "unknown-port" is required (it makes the engine fail closed) and is disabled here without a reason: add reason: to say why; it is recorded in every decision's audit record
}
