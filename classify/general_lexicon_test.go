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

// TestGeneralSectionXX places common e-commerce lines of furniture,
// bedding and the miscellaneous articles of Chapter 96 in their heading,
// first among the candidates, and none is called luxury.
func TestGeneralSectionXX(t *testing.T) {
	c := newClassifier(t)
	tests := []headingCase{
		{"Ergonomic mesh office chair with lumbar support", "9401"},
		{"3-seater fabric sofa, grey", "9401"},
		{"Wooden bookshelf 5 tier", "9403"},
		{"Queen size memory foam mattress 25cm", "9404"},
		{"Soft bristle toothbrush for kids, 4 pack", "9603"},
		{"Stainless steel vacuum flask 500ml", "9617"},
		{"Baby diapers size M, 64 pcs", "9619"},
		{"Aluminium phone tripod with remote", "9620"},
		{"Foldable lightweight baby stroller", "8715"},
		{"No. 5 nylon zippers 20 cm, 100 pcs", "9607"},
		{"HB pencils with eraser, box of 12", "9609"},
		{"床垫 乳胶 1.8米", "9404"},
		{"ที่นอนยางพารา 6 ฟุต", "9404"},
		{"Ghế văn phòng xoay có tựa lưng", "9401"},
	}
	checkFirstHeadings(t, c, tests, true)
}

// TestGeneralSectionXVIII places ordinary instruments in their heading,
// and keeps the parts of musical instruments and goggles out of the
// luxury headings of the instruments and sunglasses they resemble.
func TestGeneralSectionXVIII(t *testing.T) {
	c := newClassifier(t)
	tests := []headingCase{
		{"Luer lock syringes 10 ml with needle, sterile, box of 100", "9018"},
		{"Handheld deep tissue massage gun, 6 heads", "9019"},
		{"Hinged knee brace, adjustable, one size", "9021"},
		{"Digital forehead thermometer, non-contact", "9025"},
		{"Stainless pressure gauge 63 mm, 0-16 bar", "9026"},
		{"Multi-jet water meter DN20, brass body", "9028"},
		{"Auto-ranging digital multimeter with test leads", "9030"},
		{"Steel tape measure 8 m with belt clip", "9017"},
		{"Anti-fog swimming goggles for adults", "9004"},
		{"Phosphor bronze acoustic guitar strings, 10 sets", "9209"},
		{"血压计 电子 上臂式", "9018"},
		{"Máy massage cổ vai gáy", "9019"},
	}
	checkFirstHeadings(t, c, tests, true)
}

// TestGeneralCycleParts places parts of cycles in 8714, not with the
// cycles they fit.
func TestGeneralCycleParts(t *testing.T) {
	c := newClassifier(t)
	tests := []headingCase{
		{"Wide memory foam bicycle saddle, waterproof", "8714"},
		{"12-speed rear derailleur for MTB", "8714"},
		{"Motorcycle brake lever set, CNC aluminium", "8714"},
		{"Yên xe đạp thể thao", "8714"},
	}
	checkFirstHeadings(t, c, tests, false)
}
