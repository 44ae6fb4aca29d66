package screen

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// TestScreenerData checks that a screener reads its country table and name
// lexicon from Options.Data, laid over the embedded files, and reports a
// faulty file with its place.
func TestScreenerData(t *testing.T) {
	countries := []byte("kp: [north korea, dprk]\ncn: [china, dprk]\n")
	lexicon := []byte("legal_forms: {co: co}\nstopwords: [of]\nsynonyms: {}\n")
	tests := []struct {
		name string
		fsys fstest.MapFS
		want []string
	}{
		{"embedded", nil, nil},
		{"overlay without the files", fstest.MapFS{"other.yaml": {Data: []byte("x")}}, nil},
		{"countries", fstest.MapFS{CountriesFile: {Data: countries}}, []string{"countries.yaml:1:19: kp[1]"}},
		{"name lexicon", fstest.MapFS{"names/lexicon.yaml": {Data: lexicon}}, []string{"lexicon.yaml:3:1: synonyms"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{}
			if tt.fsys != nil {
				opt.Data = datafile.Overlay(FS(), tt.fsys)
			}
			_, err := NewScreenerOptions(opt)
			var got []string
			for _, p := range datafile.Problems(err) {
				e := *p
				e.Err = nil
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestLoadDemoList(t *testing.T) {
	l, err := LoadDemoList(FS())
	if err != nil || len(l.Entities) == 0 || l.Version.File != "embedded demo.yaml" {
		t.Fatalf("embedded demo list: %d entities, file %q, error %v", len(l.Entities), l.Version.File, err)
	}
	bad := []byte("as_of: 2024-01-01\nentities:\n  - ref: a\n    kind: dragon\n    names: [x]\n  - kind: person\n    names: [y]\n    identifiers: [{type: imo_ship, value: \"1234568\"}]\n")
	_, err = LoadDemoList(fstest.MapFS{DemoFile: {Data: bad}})
	var got []string
	for _, p := range datafile.Problems(err) {
		got = append(got, p.Field)
	}
	want := []string{"entities[0].kind", "entities[1].ref", "entities[1].identifiers[0].value"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s\nerror: %v", diff, err)
	}
}
