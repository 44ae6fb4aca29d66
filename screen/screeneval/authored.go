package screeneval

import (
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// Sets holds the authored evaluation sets: the cross-script DPRK cases,
// the innocent companies and the inventories of ordinary names.
//
//go:embed testdata/sets
var sets embed.FS

// SetsFS returns the authored sets, laid out as testdata/sets.
func SetsFS() fs.FS {
	sub, err := fs.Sub(sets, "testdata/sets")
	if err != nil {
		panic(err) // the embedded directory exists by construction
	}
	return sub
}

// Files of the authored sets, in SetsFS, and of the shared cross-script set.
const (
	HarnessFile        = "harness.yaml"
	CrossScriptFile    = "cross_script_dprk.csv"
	CompaniesFile      = "innocent_companies.csv"
	OrdinaryDir        = "ordinary"
	WatchmanScriptFile = "data/screening/eval/watchman_cross_script_pairs.csv"
)

// harnessConfig is harness.yaml: the word lists the harness itself uses.
type harnessConfig struct {
	LegalForms        []string `yaml:"legal_forms"`
	NamesakeCountries []string `yaml:"namesake_countries"`
}

// readHarness reads and checks harness.yaml.
func readHarness(sets fs.FS) (*harnessConfig, error) {
	data, err := fs.ReadFile(sets, HarnessFile)
	if err != nil {
		return nil, fmt.Errorf("screeneval: %w", err)
	}
	var hc harnessConfig
	if _, err := datafile.Decode(HarnessFile, data, &hc); err != nil {
		return nil, err
	}
	if len(hc.NamesakeCountries) == 0 {
		return nil, fmt.Errorf("%s: namesake_countries is empty", HarnessFile)
	}
	return &hc, nil
}

// readRecords reads CSV records from r, skipping "#" comments and the
// header line, and checks that each has want fields.
func readRecords(name string, r io.Reader, want int, header bool) ([][]string, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = want
	var out [][]string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if header {
			header = false
			continue
		}
		out = append(out, rec)
	}
	return out, nil
}

// crossScriptProbes reads the authored DPRK cross-script cases: each query
// must find one of its targets.
func crossScriptProbes(sets fs.FS, c *corpus) ([]probe, error) {
	f, err := sets.Open(CrossScriptFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := readRecords(CrossScriptFile, f, 5, true)
	if err != nil {
		return nil, err
	}
	var ps []probe
	for i, r := range recs {
		kind, ok := screen.ParseKind(r[3])
		if !ok {
			return nil, fmt.Errorf("%s: record %d: kind %q", CrossScriptFile, i+1, r[3])
		}
		targets := strings.Split(r[2], "|")
		for _, t := range targets {
			if c.byID[t] == nil {
				return nil, fmt.Errorf("%s: record %d: target %s is not on the loaded lists", CrossScriptFile, i+1, t)
			}
		}
		ps = append(ps, probe{group: "DPRK " + r[1], q: party.New(r[0], kind, "", "", ""), targets: targets, note: r[4]})
	}
	return ps, nil
}

// watchmanProbes reads the shared watchman cross-script pairs (query,
// expected name, minimum score, description; no header) and lists every
// expected name as a person of an extra list, evalList, so that each query
// is screened against the real lists and the name it should find. The
// target is that person, or any listed party of exactly that name.
func watchmanProbes(path string, c *corpus) ([]probe, screen.List, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, screen.List{}, err
	}
	defer f.Close()
	recs, err := readRecords(path, f, 4, false)
	if err != nil {
		return nil, screen.List{}, err
	}
	l := screen.List{Version: screen.ListVersion{Source: "eval", Format: "authored", File: path}}
	var ps []probe
	for i, r := range recs {
		id := fmt.Sprintf("eval:watchman.%02d", i+1)
		l.Entities = append(l.Entities, screen.Entity{ID: id, Source: "eval", Ref: id, Kind: screen.KindPerson,
			Names: []screen.Name{{Value: r[1], Kind: screen.NamePrimary}}})
		targets := []string{id}
		for _, e := range c.byName[fold(r[1])] {
			targets = append(targets, e.ID)
		}
		ps = append(ps, probe{group: "watchman " + scriptOf(r[0]), q: party.New(r[0], screen.KindPerson, "", "", ""), targets: targets, note: r[1] + ": " + r[3]})
	}
	l.Version.Entities = len(l.Entities)
	return ps, l, nil
}

// companyProbes reads the authored innocent companies (name, country,
// note) and screens each twice: by name alone and with its country.
// A company that is in fact listed under that name, or under that name
// with another legal form, is an error of the set.
func companyProbes(sets fs.FS, c *corpus) ([]probe, error) {
	f, err := sets.Open(CompaniesFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := readRecords(CompaniesFile, f, 3, true)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool)
	var ps []probe
	for i, r := range recs {
		k := fold(r[0])
		if seen[k] {
			return nil, fmt.Errorf("%s: record %d: %q is in the set twice", CompaniesFile, i+1, r[0])
		}
		seen[k] = true
		es := c.byName[k]
		if len(es) == 0 {
			es = c.byCore[core(r[0], c.legal)] // listed but for the legal form
		}
		if len(es) > 0 {
			return nil, fmt.Errorf("%s: record %d: %q is listed (%s): not an innocent company", CompaniesFile, i+1, r[0], es[0].ID)
		}
		ps = append(ps,
			probe{group: "name only", q: party.New(r[0], screen.KindOrganisation, "", "", ""), note: r[2]},
			probe{group: "with country", q: party.New(r[0], screen.KindOrganisation, r[1], "", ""), note: r[2]})
	}
	return ps, nil
}

// yenteProbes reads the shared synthetic negative persons with their
// nationality and birth date.
func yenteProbes(path string) ([]probe, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	ps := make([]probe, 0, len(rows))
	for _, r := range rows {
		ps = append(ps, probe{group: scriptOf(r["full_name"]), q: party.New(r["full_name"], party.KindPerson, r["nationality"], "", r["date_of_birth"]), note: r["nationality"]})
	}
	return ps, nil
}
