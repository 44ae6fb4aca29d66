package names

import (
	_ "embed"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed lexicon.yaml
var lexiconYAML []byte

// lexiconFile is the shape of lexicon.yaml.
type lexiconFile struct {
	LegalForms    map[string]string `yaml:"legal_forms"`
	Families      [][]string        `yaml:"families"`
	Abbreviations map[string]string `yaml:"abbreviations"`
	Stopwords     []string          `yaml:"stopwords"`
	Generic       []string          `yaml:"generic"`
}

// phrase is one rewrite: the tokens it produces and their class.
type phrase struct {
	out   []string
	class Class
}

// lexicon is the parsed, read-only lexicon.
type lexicon struct {
	phrases   map[string]phrase
	maxWords  int
	family    map[string]int
	stopwords map[string]bool
	generic   map[string]bool
}

// parseLexicon parses a lexicon file; name is used in error messages.
func parseLexicon(name string, data []byte) (*lexicon, error) {
	var f lexiconFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	lx := &lexicon{
		phrases:   make(map[string]phrase),
		family:    make(map[string]int),
		stopwords: make(map[string]bool),
		generic:   make(map[string]bool),
	}
	add := func(section, from, to string, class Class) error {
		key := normPhrase(from)
		if key == "" || strings.TrimSpace(to) == "" {
			return fmt.Errorf("%s: %s: empty entry %q: %q", name, section, from, to)
		}
		if _, dup := lx.phrases[key]; dup {
			return fmt.Errorf("%s: %s: %q defined twice", name, section, from)
		}
		p := phrase{class: class}
		if class == Legal {
			p.out = []string{normPhrase(to)}
		} else {
			p.out = strings.Fields(normPhrase(to))
		}
		lx.phrases[key] = p
		if n := len(strings.Fields(key)); n > lx.maxWords {
			lx.maxWords = n
		}
		return nil
	}
	for from, to := range f.LegalForms {
		if err := add("legal_forms", from, to, Legal); err != nil {
			return nil, err
		}
	}
	for from, to := range f.Abbreviations {
		if err := add("abbreviations", from, to, Word); err != nil {
			return nil, err
		}
	}
	for i, fam := range f.Families {
		for _, c := range fam {
			lx.family[normPhrase(c)] = i + 1
		}
	}
	for _, w := range f.Stopwords {
		lx.stopwords[normPhrase(w)] = true
	}
	for _, w := range f.Generic {
		lx.generic[normPhrase(w)] = true
	}
	return lx, nil
}

// normPhrase folds a lexicon entry the way names are folded.
func normPhrase(s string) string { return Fold(s).Text }

// sameFamily reports whether two canonical legal forms may stand for one
// another.
func (lx *lexicon) sameFamily(a, b string) bool {
	fa, fb := lx.family[a], lx.family[b]
	return fa != 0 && fa == fb
}
