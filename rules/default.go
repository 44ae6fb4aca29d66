package rules

import (
	"embed"

	"github.com/luxscreen/luxscreen/lists"
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
	Ports *Gazetteer
	// Jurisdictions says which lists bind a state on a date; it is the
	// catalogue's union membership (see [lists.Catalogue.Membership]).
	Jurisdictions *lists.Membership
	Shells        *ShellIndicators
}

// DefaultReference returns the embedded reference data (data/ports.yaml,
// data/shells.yaml) and the lists' embedded union membership.
func DefaultReference() (*Reference, error) {
	ports, err := ParseGazetteer("ports.yaml", readData("ports.yaml"))
	if err != nil {
		return nil, err
	}
	j, err := lists.DefaultMembership()
	if err != nil {
		return nil, err
	}
	sh, err := ParseShellIndicators("shells.yaml", readData("shells.yaml"))
	if err != nil {
		return nil, err
	}
	return &Reference{Ports: ports, Jurisdictions: j, Shells: sh}, nil
}
