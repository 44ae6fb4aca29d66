package screen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

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
func DemoList() (List, error) { return LoadDemoList(files) }

// LoadDemoList reads the demo list [DemoFile] from fsys, a file system laid
// out like the package directory.
func LoadDemoList(fsys fs.FS) (List, error) {
	data, err := fs.ReadFile(fsys, DemoFile)
	if err != nil {
		return List{}, err
	}
	name := datafile.Source(fsys, DemoFile)
	l, err := parseDemo(name, data)
	if err != nil {
		return List{}, err
	}
	if name == DemoFile {
		l.Version.File = "embedded " + DemoFile
	}
	return l, nil
}

// parseDemo parses a demo list; name is used in errors and as the list's
// file, and every problem of the file is reported.
func parseDemo(name string, data []byte) (List, error) {
	f := datafile.NewFile(name)
	root := f.Root(data)
	if root == nil {
		return List{}, f.Err()
	}
	var y demoFile
	f.Decode(root, "", &y)
	if y.AsOf == "" {
		f.FailAt(root, datafile.ErrMissing, "", "as_of")
	}
	sum := sha256.Sum256(data)
	l := List{Version: ListVersion{ID: sourceID(FormatDemo), Source: "demo", Format: FormatDemo, Published: y.AsOf, SHA256: hex.EncodeToString(sum[:]), File: name}}
	for i, d := range y.Entities {
		kind, ok := ParseKind(d.Kind)
		switch {
		case d.Ref == "":
			f.FailAt(root, datafile.ErrMissing, "", "entities", i, "ref")
		case !ok:
			f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("kind %q: want organisation, person, vessel or aircraft", d.Kind), "entities", i, "kind")
		case len(d.Names) == 0:
			f.FailAt(root, datafile.ErrMissing, "an entity needs a name", "entities", i, "names")
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
		for j, id := range d.Identifiers {
			if (id.Type == IDShipIMO && !ValidShipIMO(id.Value)) || (id.Type == IDCompanyIMO && !ValidCompanyIMO(id.Value)) {
				f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%s %s fails its check digit", id.Type, id.Value), "entities", i, "identifiers", j, "value")
			}
			e.addIdentifier(id)
		}
		for _, c := range d.Countries {
			e.addCountry(c)
		}
		l.Entities = append(l.Entities, e)
	}
	if err := f.Err(); err != nil {
		return List{}, err
	}
	l.Version.Entities = len(l.Entities)
	return l, nil
}
