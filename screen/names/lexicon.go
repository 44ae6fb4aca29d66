package names

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// files holds the embedded data files. Each analyser parses them afresh,
// so no parsed state is shared.
//
//go:embed *.yaml
var files embed.FS

// LexiconFile is the path of the lexicon in [FS] and, below
// "screen/names", in a data directory laid out like the repository.
const LexiconFile = "lexicon.yaml"

// FS returns the package's embedded data: [LexiconFile], [HanjaFile],
// [GlossaryFile], [KontsevichFile] and [TranslitFile]. It is read-only.
func FS() fs.FS { return files }

// lexiconFile is the shape of lexicon.yaml.
type lexiconFile struct {
	LegalForms    map[string]string `yaml:"legal_forms"`
	Families      [][]string        `yaml:"families"`
	Abbreviations map[string]string `yaml:"abbreviations"`
	Stopwords     []string          `yaml:"stopwords"`
	Generic       []string          `yaml:"generic"`
	Numerals      numeralsFile      `yaml:"numerals"`
}

// phrase is one rewrite: the tokens it produces and their class.
type phrase struct {
	out   []string
	class Class
}

// typoMinLetters is the length from which a phrase word misspelt by one
// letter (deleted, inserted, replaced or two swapped) is still read as
// the word: shorter words become other words.
const typoMinLetters = 5

// blurredPhrase is a phrase of several words one of which, word at
// place at, may be misspelt by one letter.
type blurredPhrase struct {
	word string
	at   int
	p    phrase
}

// blur returns words joined by spaces with word j replaced by a
// wildcard.
func blur(words []string, j int) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if i == j {
			w = "\x00"
		}
		b.WriteString(w)
	}
	return b.String()
}

// oneEdit reports whether a and b differ by exactly one deleted, inserted
// or replaced letter, or two adjacent letters swapped.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return false
		}
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}

// lexicon is the parsed, read-only lexicon.
type lexicon struct {
	phrases  map[string]phrase
	maxWords int
	// blurred maps each phrase of several words with one word of
	// typoMinLetters letters or more left out (wildcard at its place,
	// see blur) to the phrases it blurs and which word was left out;
	// phraseWords holds the words of those phrases. A name misspelling
	// one word of such a phrase still reads as the phrase.
	blurred     map[string][]blurredPhrase
	phraseWords map[string]bool
	family      map[string]int
	stopwords   map[string]bool
	generic     map[string]bool
	numerals    *numerals
}

// loadLexicon reads [LexiconFile] from fsys.
func loadLexicon(fsys fs.FS) (*lexicon, error) {
	return datafile.Load(fsys, LexiconFile, "", parseLexicon)
}

// parseLexicon parses a lexicon file; name is used in error messages,
// which report every problem of the file with its place.
func parseLexicon(name string, data []byte) (*lexicon, error) {
	var f lexiconFile
	root, err := datafile.Decode(name, data, &f)
	if err != nil {
		return nil, err
	}
	df := datafile.NewFile(name)
	lx := &lexicon{
		phrases:     make(map[string]phrase),
		blurred:     make(map[string][]blurredPhrase),
		phraseWords: make(map[string]bool),
		family:      make(map[string]int),
		stopwords:   make(map[string]bool),
		generic:     make(map[string]bool),
	}
	given := map[string]string{} // folded phrase → where it was given
	add := func(section, from, to string, class Class) {
		key := normPhrase(from)
		if key == "" || strings.TrimSpace(to) == "" {
			df.FailAt(root, datafile.ErrMissing, "an entry folds to nothing or maps to nothing", section, from)
			return
		}
		if prev, dup := given[key]; dup {
			df.FailAt(root, datafile.ErrDuplicate, fmt.Sprintf("%q folds like %s", from, prev), section, from)
			return
		}
		given[key] = fmt.Sprintf("%q of %s", from, section)
		p := phrase{class: class}
		if class == Legal {
			p.out = []string{normPhrase(to)}
		} else {
			p.out = strings.Fields(normPhrase(to))
		}
		lx.phrases[key] = p
		words := strings.Fields(key)
		lx.maxWords = max(lx.maxWords, len(words))
		if len(words) < 2 {
			return
		}
		for j, w := range words {
			lx.phraseWords[w] = true
			if len(w) >= typoMinLetters && isASCIILetters(w) {
				k := blur(words, j)
				lx.blurred[k] = append(lx.blurred[k], blurredPhrase{word: w, at: j, p: p})
			}
		}
	}
	// Map order is random; sections are read in key order so that which
	// of two clashing phrases is reported does not change between runs.
	for _, from := range sortedKeys(f.LegalForms) {
		add("legal_forms", from, f.LegalForms[from], Legal)
	}
	for _, from := range sortedKeys(f.Abbreviations) {
		add("abbreviations", from, f.Abbreviations[from], Word)
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
	nm, err := newNumerals(f.Numerals)
	if err != nil {
		df.FailAt(root, datafile.ErrInvalid, err.Error(), "numerals")
	}
	lx.numerals = nm
	if err := df.Err(); err != nil {
		return nil, err
	}
	return lx, nil
}

func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }

// normPhrase folds a lexicon entry the way names are folded.
func normPhrase(s string) string { return Fold(s).Text }

// sameFamily reports whether two canonical legal forms may stand for one
// another.
func (lx *lexicon) sameFamily(a, b string) bool {
	fa, fb := lx.family[a], lx.family[b]
	return fa != 0 && fa == fb
}
