package screen

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"
)

//go:embed demo.yaml
var demoYAML []byte

// DemoWarning is printed wherever the demo list is used.
const DemoWarning = "luxscreen: screening against the embedded DEMO list (a few DPRK designations as of its as-of date); it is NOT for production use: load the official lists with --list"

// demoFile is the shape of demo.yaml.
type demoFile struct {
	AsOf       string       `yaml:"as_of"`
	SourceNote string       `yaml:"source_note"`
	Entities   []demoEntity `yaml:"entities"`
}

type demoEntity struct {
	Ref         string       `yaml:"ref"`
	Kind        string       `yaml:"kind"`
	Names       []string     `yaml:"names"`
	AKA         []string     `yaml:"aka"`
	FKA         []string     `yaml:"fka"`
	Identifiers []Identifier `yaml:"identifiers"`
	Countries   []string     `yaml:"countries"`
	ListedOn    string       `yaml:"listed_on"`
}

// DemoList returns the embedded demo list: about twenty DPRK designations
// named in the UN list and public reporting, frozen at the as-of date in
// Version.Published. It exists for examples and first runs; production
// screening loads the official lists.
func DemoList() (List, error) {
	l, err := parseDemo(bytes.NewReader(demoYAML))
	if err != nil {
		return List{}, fmt.Errorf("screen/demo.yaml: %w", err)
	}
	return l, nil
}

func parseDemo(r io.Reader) (List, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return List{}, err
	}
	var f demoFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return List{}, err
	}
	if f.AsOf == "" {
		return List{}, fmt.Errorf("as_of: missing")
	}
	sum := sha256.Sum256(data)
	l := List{Version: ListVersion{Source: "demo", Format: FormatDemo, Published: f.AsOf, SHA256: hex.EncodeToString(sum[:]), File: "embedded demo.yaml"}}
	for i, d := range f.Entities {
		kind, ok := ParseKind(d.Kind)
		if !ok || d.Ref == "" || len(d.Names) == 0 {
			return List{}, fmt.Errorf("entities[%d] (%q): need ref, a known kind and a name", i, d.Ref)
		}
		e := Entity{ID: "demo:" + d.Ref, Source: "demo", Ref: d.Ref, Kind: kind, ListedOn: d.ListedOn, Programs: []string{"DPRK"}}
		for _, n := range d.Names {
			e.addName(n, NamePrimary)
		}
		for _, n := range d.AKA {
			e.addName(n, NameAKA)
		}
		for _, n := range d.FKA {
			e.addName(n, NameFKA)
		}
		for _, id := range d.Identifiers {
			if (id.Type == IDShipIMO && !ValidShipIMO(id.Value)) || (id.Type == IDCompanyIMO && !ValidCompanyIMO(id.Value)) {
				return List{}, fmt.Errorf("entities[%d] (%q): identifiers: %s %s fails its check digit", i, d.Ref, id.Type, id.Value)
			}
			e.addIdentifier(id)
		}
		for _, c := range d.Countries {
			e.addCountry(c)
		}
		l.Entities = append(l.Entities, e)
	}
	l.Version.Entities = len(l.Entities)
	return l, nil
}
