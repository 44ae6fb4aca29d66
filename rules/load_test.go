package rules

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// TestLoadRuleSetOverlay checks that a data directory's extra rules file
// is merged over the default rules, and that a file replacing rules.yaml
// replaces them.
func TestLoadRuleSetOverlay(t *testing.T) {
	local := []byte("version: local\nrules:\n  - id: dprk-destination\n    severity: info\n    title: t\n    message: m\n    source: s\n    when: {destination: {in: [KP]}}\n")
	tests := []struct {
		name string
		over fstest.MapFS
		want Severity
	}{
		{"defaults", fstest.MapFS{}, Review},
		{"extra file", fstest.MapFS{"data/local.yaml": {Data: local}}, Info},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := LoadRuleSet(datafile.Overlay(FS(), tt.over))
			if err != nil {
				t.Fatal(err)
			}
			var got Severity
			for _, r := range rs.Rules() {
				if r.ID == "dprk-destination" {
					got = r.Severity
				}
			}
			if got != tt.want {
				t.Errorf("dprk-destination severity = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLoadProblems checks that the problems of every file are reported
// together, each with its place.
func TestLoadProblems(t *testing.T) {
	over := fstest.MapFS{
		"data/ports.yaml":  {Data: []byte("aliases:\n  - locode: NLRTM\n    names: [Rotterdam]\n  - locode: XXYYY\n    names: [Atlantis]\n  - locode: BEANR\n    names: [Rotterdam]\n    colour: red\n")},
		"data/shells.yaml": {Data: []byte("indicators:\n  - id: a\n    match: colour\n    reason: r\n    source: s\n")},
		"data/a.yaml":      {Data: []byte("rules:\n  - id: nope\n    disabled: true\n")},
		"data/b.yaml":      {Data: []byte("rules:\n  - id: x\n    severity: review\n    title: t\n    message: m\n    source: s\n    when: {destination: {in: nowhere}}\n")},
	}
	fsys := datafile.Overlay(FS(), over)
	_, rerr := LoadRuleSet(fsys)
	_, ferr := LoadReference(fsys)
	var got []string
	for _, err := range []error{rerr, ferr} {
		for _, p := range datafile.Problems(err) {
			e := *p
			e.Err = nil
			got = append(got, e.Error())
		}
	}
	want := []string{
		"data/a.yaml:2: rules.nope",
		"data/b.yaml:7: rules.x",
		"data/ports.yaml:4:13: aliases[1].locode",
		"data/ports.yaml:7:12: aliases[2].names[0]",
		"data/ports.yaml:8:5: aliases[2].colour",
		"data/shells.yaml:3:12: indicators[0].match",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s\nerrors: %v\n%v", diff, rerr, ferr)
	}
}
