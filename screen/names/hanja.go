package names

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// HanjaFile is the path of the Sino-Korean reading table in [FS].
const HanjaFile = "hanja.yaml"

// hanjaFile is the shape of hanja.yaml.
type hanjaFile struct {
	Surnames  string            `yaml:"surnames"`
	Countries []string          `yaml:"countries"`
	Readings  map[string]string `yaml:"readings"`
	Words     map[string]string `yaml:"words"`
}

// hanja reads Han characters by their Sino-Korean sounds, romanised as
// the default reading romanises Hangul.
type hanja struct {
	// chars maps a character to its romanised syllable.
	chars map[rune]string
	// words maps fixed words to their romanised reading.
	words termTable
	// surnames are the characters Korean personal names begin with.
	surnames map[rune]bool
	// countries are the parties' countries whose Han names are read as
	// Korean.
	countries []string
}

// loadHanja reads [HanjaFile] from fsys.
func loadHanja(fsys fs.FS) (*hanja, error) {
	return datafile.Load(fsys, HanjaFile, "", parseHanja)
}

// parseHanja parses a hanja table, reporting every problem with its place.
func parseHanja(name string, data []byte) (*hanja, error) {
	var f hanjaFile
	root, err := datafile.Decode(name, data, &f)
	if err != nil {
		return nil, err
	}
	df := datafile.NewFile(name)
	h := &hanja{chars: make(map[rune]string), words: termTable{words: make(map[string]string)},
		surnames: make(map[rune]bool), countries: f.Countries}
	for _, c := range f.Surnames {
		if !isHan(c) {
			df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q is not a Han character", c), "surnames")
			continue
		}
		h.surnames[c] = true
	}
	given := make(map[rune]string)
	for _, syl := range sortedKeys(f.Readings) {
		rom, ok := romanizeSyllables(syl)
		if !ok || utf8.RuneCountInString(syl) != 1 {
			df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q is not one Hangul syllable", syl), "readings", syl)
			continue
		}
		for _, c := range f.Readings[syl] {
			switch {
			case !isHan(c):
				df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q is not a Han character", c), "readings", syl)
			case given[c] != "":
				df.FailAt(root, datafile.ErrDuplicate, fmt.Sprintf("%c is also read %s", c, given[c]), "readings", syl)
			default:
				given[c] = syl
				h.chars[c] = rom
			}
		}
	}
	for _, w := range sortedKeys(f.Words) {
		rom, ok := romanizeSyllables(f.Words[w])
		n := utf8.RuneCountInString(w)
		if !ok || n < 2 || runOf(w, isHan) != len(w) {
			df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q: want two or more Han characters read as Hangul syllables", w), "words", w)
			continue
		}
		h.words.words[w] = rom
		h.words.maxRunes = max(h.words.maxRunes, n)
	}
	if err := df.Err(); err != nil {
		return nil, err
	}
	return h, nil
}

// romanizeSyllables romanises s, which must be Hangul syllables only.
func romanizeSyllables(s string) (string, bool) {
	if s == "" || runOf(s, isHangulSyllable) != len(s) {
		return "", false
	}
	var b strings.Builder
	var prev rune
	for _, r := range s {
		appendHangul(&b, r, prev)
		prev = r
	}
	return b.String(), true
}

// word returns the romanised reading of the longest fixed word at the
// start of s and its length in bytes, or 0.
func (h *hanja) word(s string) (string, int) { return h.words.longest(s) }

// SinoKoreanCountries returns the countries whose parties' Han names are
// read by their Sino-Korean sounds (the sino-korean reading): a screener
// leaves that reading out for a party that states countries, none of them
// here. The slice must not be modified.
func (a *Analyzer) SinoKoreanCountries() []string { return a.hj.countries }

// koreanLooking reports whether the Han text of s may be Korean: it begins
// with a Korean surname character, or holds a glossary word.
func (a *Analyzer) koreanLooking(s string) bool {
	first := true
	for i, r := range s {
		if !isHan(r) {
			continue
		}
		if first && a.hj.surnames[r] {
			return true
		}
		first = false
		if _, n := a.gl.han.longest(s[i:]); n > 0 {
			return true
		}
	}
	return false
}
