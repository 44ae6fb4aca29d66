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
