package classify

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

func openCorrelation(ctx context.Context, dir string) (*hs.Correlation, error) {
	return hs.OpenCorrelation(ctx, filepath.Join(dir, "data/hs/correlation/HS2022_HS2017_correlation.csv"))
}

// TestLexiconCodesExist checks that every code the lexicon names exists in
// HS 2022: the lexicon must never invent a code.
func TestLexiconCodesExist(t *testing.T) {
	n := hs2022(t)
	lx, err := LoadLexicon(lexiconFS, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range lx.Codes() {
		c, err := hs.Parse(d)
		if err != nil {
			t.Errorf("%s: %v", d, err)
			continue
		}
		if _, ok := n.Item(c); !ok {
			t.Errorf("lexicon code %s does not exist in HS 2022", d)
		}
	}
}

// TestLexiconCoversLuxuryLists checks that every heading a luxury list of
// the catalogue names has a lexicon concept, whatever lists exist.
func TestLexiconCoversLuxuryLists(t *testing.T) {
	lx, err := LoadLexicon(lexiconFS, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	cat := catalogue(t)
	missing := map[string][]string{}
	for _, m := range cat.Entries(lists.Options{Kinds: []lists.Kind{lists.Luxury}}) {
		for _, p := range m.Entry.Codes {
			if p.Code.Len() < 4 {
				continue // whole chapters are sectoral in substance
			}
			if !lx.Covers(p.Code.Truncate(4)) {
				missing[p.Code.Heading()] = append(missing[p.Code.Heading()], m.Entry.ID)
			}
		}
	}
	for h, es := range missing {
		t.Errorf("no lexicon concept for heading %s (named by %v)", h, es)
	}
}

func TestLexiconErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
	}{
		{"unknown field", "concepts:\n  - id: x\n    headings: [\"9101\"]\n    description: d\n    code: \"910121\"\n    colour: red\n"},
		{"bad code", "concepts:\n  - id: x\n    headings: [\"9101\"]\n    description: d\n    code: \"91012\"\n"},
		{"rule outside heading", "concepts:\n  - id: x\n    headings: [\"9101\"]\n    description: d\n    rules:\n      - when: {metal: gold}\n        code: \"910221\"\n"},
		{"unknown attribute", "concepts:\n  - id: x\n    headings: [\"9101\"]\n    description: d\n    rules:\n      - when: {colour: gold}\n        code: \"910121\"\n"},
		{"no code", "concepts:\n  - id: x\n    headings: [\"9101\"]\n    description: d\n"},
		{"short prefix", "concepts:\n  - id: x\n    headings: [\"9101\"]\n    description: d\n    code: \"910121\"\n    terms: [ab*]\n"},
		{"empty vague word", "vague:\n  goods: [goods, \"\"]\n"},
		{"short vague prefix", "vague:\n  filler: [ab*]\n"},
		{"unknown vague field", "vague:\n  things: [goods]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"lx/a.yaml": {Data: []byte(tt.yaml)}}
			_, err := LoadLexicon(fsys, "lx")
			var le *LexiconError
			if !errors.As(err, &le) || !errors.Is(err, ErrLexicon) || le.File != "lx/a.yaml" || le.Line == 0 || le.Field == "" {
				t.Errorf("got %v, want a placed *LexiconError for lx/a.yaml wrapping ErrLexicon", err)
			}
		})
	}
}
