package names

import (
	"strings"
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

// TestMisspeltPhrase checks that a phrase of several words with one word
// misspelt by one letter reads as the phrase, and that words too short to
// survive a typo, or two typos, do not.
func TestMisspeltPhrase(t *testing.T) {
	a, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, want string }{
		{"Choson Chemicals Joint Operation Company", "korea chemicals jv"},
		{"Choson Chemicals Jount Operation Company", "korea chemicals jv"},  // replaced
		{"Choson Chemicals Jiont Operation Company", "korea chemicals jv"},  // swapped
		{"Choson Chemicals Joint Opertion Company", "korea chemicals jv"},   // deleted
		{"Choson Chemicals Joint Operation Commpany", "korea chemicals jv"}, // inserted
		{"Bank of the Democratic People's uRepublic of Korea", "bank of the dprk"},
		{"Democratic Peoples Republic of Koraa", "dprk"},
		{"Choson Chemicals Jount Opertion Company", "korea chemicals jount opertion co"}, // two typos
		{"Democratic Peoples Republic of Korea Trading", "dprk trading"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range a.Analyze(tt.name).Tokens {
			got = append(got, tok.Text)
		}
		if diff := cmp.Diff(tt.want, strings.Join(got, " ")); diff != "" {
			t.Errorf("Analyze(%q) (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"joint", "jount", true}, {"joint", "jiont", true}, {"joint", "jont", true}, {"joint", "joinnt", true},
		{"joint", "joint", false}, {"joint", "jonit", true}, {"joint", "ojint", true}, {"joint", "jointt", true},
		{"joint", "juont", false}, {"joint", "jo", false}, {"abc", "cba", false},
	}
	for _, tt := range tests {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
