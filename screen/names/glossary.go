package names

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"gopkg.in/yaml.v3"
)

// GlossaryFile is the path of the organisation-word glossary in [FS].
const GlossaryFile = "glossary.yaml"

// glossaryFile is the shape of glossary.yaml.
type glossaryFile struct {
	OrdinalPrefixes []string        `yaml:"ordinal_prefixes"`
	HanNumerals     map[string]int  `yaml:"han_numerals"`
	Entries         []glossaryEntry `yaml:"entries"`
}

type glossaryEntry struct {
	English string   `yaml:"english"`
	Korean  []string `yaml:"korean"`
	Chinese []string `yaml:"chinese"`
	Russian []string `yaml:"russian"`
	Source  string   `yaml:"source"`
}

// glossary maps Korean, Chinese and Russian organisation words to English.
type glossary struct {
	hangul, han termTable
	// cyrillic is keyed by the lower-case word.
	cyrillic map[string]string
	// ordinal marks the ordinal prefixes (제, 第).
	ordinal map[rune]bool
	// numerals maps Han numerals to digits.
	numerals map[rune]string
}

// termTable holds the words of one unspaced script, looked up by the
// longest match at a point of a run.
type termTable struct {
	words map[string]string
	// maxRunes is the length of the longest word.
	maxRunes int
}

// loadGlossary reads [GlossaryFile] from fsys.
func loadGlossary(fsys fs.FS) (*glossary, error) {
	return datafile.Load(fsys, GlossaryFile, "", parseGlossary)
}

// parseGlossary parses a glossary file, reporting every problem with its
// place.
func parseGlossary(name string, data []byte) (*glossary, error) {
	var f glossaryFile
	root, err := datafile.Decode(name, data, &f)
	if err != nil {
		return nil, err
	}
	df := datafile.NewFile(name)
	g := &glossary{
		hangul:   termTable{words: make(map[string]string)},
		han:      termTable{words: make(map[string]string)},
		cyrillic: make(map[string]string),
		ordinal:  make(map[rune]bool),
		numerals: make(map[rune]string),
	}
	for i, p := range f.OrdinalPrefixes {
		r, size := utf8.DecodeRuneInString(p)
		if size == 0 || size != len(p) || !(isHan(r) || isHangulSyllable(r)) {
			df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q is not one Han or Hangul character", p), "ordinal_prefixes", i)
			continue
		}
		g.ordinal[r] = true
	}
	for _, k := range sortedKeys(stringValues(f.HanNumerals)) {
		r, size := utf8.DecodeRuneInString(k)
		if size == 0 || size != len(k) || !isHan(r) || f.HanNumerals[k] < 0 {
			df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q: want one Han character and a number", k), "han_numerals", k)
			continue
		}
		g.numerals[r] = strconv.Itoa(f.HanNumerals[k])
	}
	for i, e := range f.Entries {
		if strings.TrimSpace(e.Source) == "" {
			df.FailAt(root, datafile.ErrMissing, "an entry needs its source", "entries", i, "source")
		}
		en := strings.TrimSpace(e.English)
		addTerms(df, root, &g.hangul, e.Korean, en, i, "korean", isHangulSyllable)
		addTerms(df, root, &g.han, e.Chinese, en, i, "chinese", isHan)
		for j, w := range e.Russian {
			lw := strings.ToLower(strings.TrimSpace(w))
			if lw == "" || runOf(lw, isCyrillic) != len(lw) {
				df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q is not one Cyrillic word", w), "entries", i, "russian", j)
				continue
			}
			if _, dup := g.cyrillic[lw]; dup {
				df.FailAt(root, datafile.ErrDuplicate, fmt.Sprintf("%q is given twice", w), "entries", i, "russian", j)
				continue
			}
			g.cyrillic[lw] = en
		}
	}
	if err := df.Err(); err != nil {
		return nil, err
	}
	return g, nil
}

// addTerms adds the words of one unspaced script to t. A word must be two
// characters or longer: a single syllable of a place or person name must
// never be taken for an organisation word.
func addTerms(df *datafile.File, root *yaml.Node, t *termTable, words []string, en string, i int, field string, in func(rune) bool) {
	for j, w := range words {
		w = strings.TrimSpace(w)
		n := utf8.RuneCountInString(w)
		switch {
		case n < 2 || runOf(w, in) != len(w):
			df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q is not a word of two or more %s characters", w, field), "entries", i, field, j)
			continue
		case hasKey(t.words, w):
			df.FailAt(root, datafile.ErrDuplicate, fmt.Sprintf("%q is given twice", w), "entries", i, field, j)
			continue
		}
		t.words[w] = en
		t.maxRunes = max(t.maxRunes, n)
	}
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

// stringValues returns m with its values as strings, for sortedKeys.
func stringValues(m map[string]int) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = strconv.Itoa(v)
	}
	return out
}

// ordinalNumber reads an ordinal prefix at the start of s: before an
// Arabic digit it returns "" and the prefix's length (the digits follow
// as they are), before a Han numeral the numeral's digits and the length
// of both. It returns 0 when s does not start with an ordinal prefix
// before a number.
func (g *glossary) ordinalNumber(s string) (string, int) {
	r, size := utf8.DecodeRuneInString(s)
	if !g.ordinal[r] || size >= len(s) {
		return "", 0
	}
	if isDigit(s[size]) {
		return "", size
	}
	n, nsize := utf8.DecodeRuneInString(s[size:])
	if d, ok := g.numerals[n]; ok {
		return d, size + nsize
	}
	return "", 0
}

// longest returns the English of the longest word of t at the start of s
// and its length in bytes, or 0 when no word starts there.
func (t *termTable) longest(s string) (string, int) {
	var ends [16]int
	n := 0
	// Byte offsets come from decoding, not from utf8.RuneLen, so that an
	// invalid byte (one byte, read as U+FFFD) cannot push an end past s.
	for i := 0; i < len(s) && n < len(ends) && n < t.maxRunes; n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		ends[n] = i
	}
	for k := n - 1; k >= 1; k-- {
		if en, ok := t.words[s[:ends[k]]]; ok {
			return en, ends[k]
		}
	}
	return "", 0
}
