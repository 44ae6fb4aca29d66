package rules

import (
	"embed"
	"errors"
	"io/fs"
	"slices"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/lists"
)

// data holds the authored rules and reference files. It is read-only; the
// Default and Load functions parse it afresh on each call, so no parsed
// state is shared between callers.
//
//go:embed data/*.yaml
var data embed.FS

// The files of the package's data directory, in [FS] and in a data
// directory laid out like the repository (rules/data). Every other
// data/*.yaml file is a rules file merged over RulesFile.
const (
	RulesFile  = "data/rules.yaml"
	PortsFile  = "data/ports.yaml"
	ShellsFile = "data/shells.yaml"
)

// FS returns the package's embedded data files (see [RulesFile] and the
// other file constants). It is read-only.
func FS() fs.FS { return data }

// DefaultRuleSet returns the embedded default rules (data/rules.yaml).
func DefaultRuleSet() (*RuleSet, error) { return LoadRuleSet(data) }

// LoadRuleSet reads [RulesFile] from fsys, a file system laid out like the
// package directory, and merges over it, in name order, every other
// data/*.yaml file that is not a reference file: a data directory adds or
// overrides rules by adding a file, or replaces the defaults by replacing
// rules.yaml.
func LoadRuleSet(fsys fs.FS) (*RuleSet, error) {
	rs, err := datafile.Load(fsys, RulesFile, "", ParseRuleSet)
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(fsys, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var errs []error
	for _, n := range names {
		if slices.Contains([]string{RulesFile, PortsFile, ShellsFile}, n) {
			continue
		}
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		// A file that fails is reported and skipped, so that the
		// problems of the files after it are reported too.
		if merged, err := rs.Merge(datafile.Source(fsys, n), b); err != nil {
			errs = append(errs, err)
		} else {
			rs = merged
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return rs, nil
}

// Reference is the authored reference data the rules use: the port
// gazetteer, which lists bind which states, and the marks of shell
// companies.
type Reference struct {
	Ports *Gazetteer
	// Jurisdictions says which lists bind a state on a date: the union
	// membership of the catalogue (see [lists.Catalogue.Membership]).
	Jurisdictions *lists.Membership
	Shells        *ShellIndicators
}

// DefaultReference returns the embedded reference data (data/ports.yaml,
// data/shells.yaml) and the lists' embedded union membership.
func DefaultReference() (*Reference, error) { return LoadReference(data) }

// LoadReference reads the reference files ([PortsFile], [ShellsFile]) from
// fsys, a file system laid out like the package directory, and reports the
// problems of both. Jurisdictions is the lists' embedded union membership;
// a caller with a catalogue of its own sets the catalogue's.
func LoadReference(fsys fs.FS) (*Reference, error) {
	ref := &Reference{}
	var errs []error
	read := func(name string, parse func(string, []byte) error) {
		b, err := fs.ReadFile(fsys, name)
		if err == nil {
			err = parse(datafile.Source(fsys, name), b)
		}
		errs = append(errs, err)
	}
	read(PortsFile, func(n string, b []byte) (err error) { ref.Ports, err = ParseGazetteer(n, b); return err })
	m, err := lists.DefaultMembership()
	ref.Jurisdictions = m
	errs = append(errs, err)
	read(ShellsFile, func(n string, b []byte) (err error) { ref.Shells, err = ParseShellIndicators(n, b); return err })
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return ref, nil
}
