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
	Readings map[string]string `yaml:"readings"`
	Words    map[string]string `yaml:"words"`
}

// hanja reads Han characters by their Sino-Korean sounds, romanised as
// the default reading romanises Hangul.
type hanja struct {
	// chars maps a character to its romanised syllable.
	chars map[rune]string
	// words maps fixed words to their romanised reading.
	words termTable
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
	h := &hanja{chars: make(map[rune]string), words: termTable{words: make(map[string]string)}}
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
	for _, r := range s {
		appendHangul(&b, r)
	}
	return b.String(), true
}

// word returns the romanised reading of the longest fixed word at the
// start of s and its length in bytes, or 0.
func (h *hanja) word(s string) (string, int) { return h.words.longest(s) }
