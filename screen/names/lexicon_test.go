package names

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// TestLexiconProblemPlaces checks that every problem of a lexicon file is
// reported with its line, column and field.
func TestLexiconProblemPlaces(t *testing.T) {
	src := "legal_forms:\n  co: co\n  \"Co.\": co\n  ltd: \"\"\nabbreviations: {intl: international}\nstopwords: [of, the]\ncolour: red\n"
	_, err := LoadAnalyzer(datafile.Overlay(FS(), fstest.MapFS{LexiconFile: {Data: []byte(src)}}))
	var got []string
	for _, p := range datafile.Problems(err) {
		e := *p
		e.Err = nil
		got = append(got, e.Error())
	}
	want := []string{"lexicon.yaml:7:1: colour"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decoding problems (-want +got):\n%s\nerror: %v", diff, err)
	}
	src = "legal_forms:\n  co: co\n  \"Co.\": co\n  ltd: \"\"\nabbreviations: {intl: international}\n"
	_, err = LoadAnalyzer(datafile.Overlay(FS(), fstest.MapFS{LexiconFile: {Data: []byte(src)}}))
	got = nil
	for _, p := range datafile.Problems(err) {
		e := *p
		e.Err = nil
		got = append(got, e.Error())
	}
	want = []string{"lexicon.yaml:2:7: legal_forms.co", "lexicon.yaml:4:8: legal_forms.ltd"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("content problems (-want +got):\n%s\nerror: %v", diff, err)
	}
}
