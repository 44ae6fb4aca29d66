package classify

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// TestLexiconEveryProblem checks that a lexicon file's problems are all
// reported, each at its line, column and field.
func TestLexiconEveryProblem(t *testing.T) {
	src := "concepts:\n" +
		"  - id: x\n    headings: [\"9101\"]\n    description: d\n    rules:\n      - when: {colour: gold}\n        code: \"910121\"\n" +
		"  - id: y\n    headings: [\"9101\"]\n    description: d\n    code: \"910121\"\n    terms: [ab*]\n" +
		"attributes:\n  - {attr: metl, value: gold, words: [gold]}\n"
	_, err := LoadLexicon(fstest.MapFS{"lx/a.yaml": {Data: []byte(src)}}, "lx")
	var got []string
	for _, p := range datafile.Problems(err) {
		got = append(got, fmt.Sprintf("%s:%d:%d %s", p.File, p.Line, p.Column, p.Field))
	}
	want := []string{
		"lx/a.yaml:6:24 concepts[0].rules[0].when.colour",
		"lx/a.yaml:12:12 concepts[1].terms",
		"lx/a.yaml:14:12 attributes[0].attr",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s\nerror: %v", diff, err)
	}
}
