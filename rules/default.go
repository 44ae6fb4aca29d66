package rules

import (
	"embed"
)

// data holds the authored rules and reference files. It is read-only; the
// Default functions parse it afresh on each call, so no parsed state is
// shared between callers.
//
//go:embed data/*.yaml
var data embed.FS

func readData(name string) []byte {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		// The files are embedded at build time; a missing one is a
		// broken build, which the package tests catch.
		panic("rules: embedded file missing: " + name)
	}
	return b
}

// DefaultRuleSet returns the embedded default rules (data/rules.yaml).
func DefaultRuleSet() (*RuleSet, error) {
	return ParseRuleSet("rules.yaml", readData("rules.yaml"))
}

// Reference is the authored reference data the rules use: the port
// gazetteer, which lists bind which states, and the marks of shell
// companies.
type Reference struct {
	Ports         *Gazetteer
	Jurisdictions *Jurisdictions
	Shells        *ShellIndicators
}

// DefaultReference returns the embedded reference data (data/ports.yaml,
// data/jurisdictions.yaml, data/shells.yaml).
func DefaultReference() (*Reference, error) {
	ports, err := ParseGazetteer("ports.yaml", readData("ports.yaml"))
	if err != nil {
		return nil, err
	}
	j, err := ParseJurisdictions("jurisdictions.yaml", readData("jurisdictions.yaml"))
	if err != nil {
		return nil, err
	}
	sh, err := ParseShellIndicators("shells.yaml", readData("shells.yaml"))
	if err != nil {
		return nil, err
	}
	return &Reference{Ports: ports, Jurisdictions: j, Shells: sh}, nil
}
