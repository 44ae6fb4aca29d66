package classify

import (
	"context"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/luxscreen/luxscreen/hs"
)

// generalPrefix starts the id of every concept of ordinary goods, and
// generalFiles are the files that hold them.
const (
	generalPrefix = "g-"
	generalFiles  = "general-*.yaml"
)

// generalConcepts decodes the concepts of the general-*.yaml files of the
// embedded lexicon, by file name.
func generalConcepts(t *testing.T) map[string][]yamlConcept {
	t.Helper()
	names, err := fs.Glob(FS(), path.Join(LexiconDir, generalFiles))
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatalf("no %s in the embedded lexicon", generalFiles)
	}
	out := map[string][]yamlConcept{}
	for _, name := range names {
		b, err := fs.ReadFile(FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		var f yamlLexicon
		if err := yaml.Unmarshal(b, &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = f.Concepts
	}
	return out
}

// TestGeneralLexiconIDs checks that the concepts of ordinary goods, and
// only they, carry the g- prefix, so that a general concept can never
// shadow a luxury one by its id.
func TestGeneralLexiconIDs(t *testing.T) {
	for name, cs := range generalConcepts(t) {
		for _, c := range cs {
			if !strings.HasPrefix(c.ID, generalPrefix) {
				t.Errorf("%s: concept %q: id must start with %q", name, c.ID, generalPrefix)
			}
		}
	}
	lx, err := LoadLexicon(FS(), LexiconDir)
	if err != nil {
		t.Fatal(err)
	}
	general := map[string]bool{}
	for _, cs := range generalConcepts(t) {
		for _, c := range cs {
			general[c.ID] = true
		}
	}
	for _, c := range lx.concepts {
		if strings.HasPrefix(c.id, generalPrefix) && !general[c.id] {
			t.Errorf("concept %q outside %s has the prefix %q", c.id, generalFiles, generalPrefix)
		}
	}
}

// TestGeneralLexiconCodesExist checks every heading and code of the
// general concepts against the HS 2022 nomenclature: a code the edition
// does not have would place goods nowhere.
func TestGeneralLexiconCodesExist(t *testing.T) {
	tab := hs2022Subheadings(t)
	for name, cs := range generalConcepts(t) {
		for _, c := range cs {
			codes := append([]string{c.Code, c.Otherwise, c.Parts}, c.Headings...)
			for _, r := range c.Rules {
				codes = append(codes, r.Code)
			}
			for _, s := range codes {
				if s == "" {
					continue
				}
				cd, err := hs.Parse(s)
				if err != nil {
					t.Errorf("%s: concept %q: %v", name, c.ID, err)
					continue
				}
				if !tab.Exists(cd) {
					t.Errorf("%s: concept %q: code %s is not in HS 2022", name, c.ID, s)
				}
			}
		}
	}
}

// TestGeneralLexiconKeepsLuxuryWords checks that no term of an ordinary
// goods concept is also a term, model or brand of another concept: the
// luxury concepts keep their words, and two general concepts do not
// compete for one phrase.
func TestGeneralLexiconKeepsLuxuryWords(t *testing.T) {
	lx, err := LoadLexicon(FS(), LexiconDir)
	if err != nil {
		t.Fatal(err)
	}
	var all []*phrase
	for _, ps := range lx.byFirst {
		all = append(all, ps...)
	}
	for _, ps := range lx.byPrefix {
		all = append(all, ps...)
	}
	seen := map[*phrase]bool{}
	for _, p := range all {
		if seen[p] {
			continue
		}
		seen[p] = true
		var general, other []string
		for _, h := range p.hits {
			id := lx.concepts[h.concept].id
			switch {
			case strings.HasPrefix(id, generalPrefix) && h.kind == "term":
				general = append(general, id)
			case h.kind == "term" || h.kind == "model" || h.kind == "brand":
				other = append(other, id)
			}
		}
		if len(general) > 0 && len(general)+len(other) > 1 {
			t.Errorf("term %q of %v is also a word of %v", p.source, general, append(general[1:], other...))
		}
	}
}

// hs2022Subheadings returns the HS 2022 nomenclature of UN Comtrade from
// the shared data, skipping the test when it is not available.
func hs2022Subheadings(t *testing.T) *hs.Table {
	t.Helper()
	tab, err := hs.Open(context.Background(), filepath.Join(sharedDir(t), "data/hs/comtrade/classificationH6.json"), hs.HS2022)
	if err != nil {
		t.Fatalf("loading HS 2022: %v", err)
	}
	return tab
}
