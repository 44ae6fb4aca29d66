package names

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// KontsevichFile is the path of the Russian–Korean syllable table in [FS].
const KontsevichFile = "kontsevich.yaml"

// kontsevichFile is the shape of kontsevich.yaml.
type kontsevichFile struct {
	Syllables map[string]string `yaml:"syllables"`
}

// kontsevich reads Russian renderings of Korean syllables back into
// Korean romanisation.
type kontsevich struct {
	// syllables is keyed by the lower-case Cyrillic syllable.
	syllables map[string]string
	// maxRunes is the length of the longest syllable.
	maxRunes int
}

// maxKontsevichSyllables bounds the syllables a word is segmented into:
// Korean names and name words are one to four syllables (Рёнбон, Танчхон,
// Чхонджин); a longer Cyrillic word is Russian.
const maxKontsevichSyllables = 4

// read returns the Korean romanisation of a lower-case Cyrillic word: a
// syllable of the table, or a word of up to maxKontsevichSyllables that
// the table's syllables spell exactly (Рёнбон is Рён+бон, ryongpong,
// which the skeleton meets with Ryonbong). The segmentation is greedy,
// longest syllable first; a word it cannot spell whole is not Korean.
func (k *kontsevich) read(word string) (string, bool) {
	if lat, ok := k.syllables[word]; ok {
		return lat, true
	}
	var parts [maxKontsevichSyllables]string
	n := 0
	for rest := word; rest != ""; n++ {
		if n == len(parts) {
			return "", false
		}
		lat, size := k.longest(rest)
		if size == 0 {
			return "", false
		}
		parts[n] = lat
		rest = rest[size:]
	}
	return strings.Join(parts[:n], ""), true
}

// longest returns the romanisation of the longest syllable at the start
// of s and its length in bytes, or 0.
func (k *kontsevich) longest(s string) (string, int) {
	var ends [8]int
	n := 0
	// Byte offsets come from decoding, not from utf8.RuneLen, so that an
	// invalid byte (one byte, read as U+FFFD) cannot push an end past s.
	for i := 0; i < len(s) && n < len(ends) && n < k.maxRunes; n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		ends[n] = i
	}
	for j := n - 1; j >= 0; j-- {
		if lat, ok := k.syllables[s[:ends[j]]]; ok {
			return lat, ends[j]
		}
	}
	return "", 0
}

// loadKontsevich reads [KontsevichFile] from fsys.
func loadKontsevich(fsys fs.FS) (*kontsevich, error) {
	return datafile.Load(fsys, KontsevichFile, "", parseKontsevich)
}

// parseKontsevich parses a syllable table, reporting every problem with
// its place.
func parseKontsevich(name string, data []byte) (*kontsevich, error) {
	var f kontsevichFile
	root, err := datafile.Decode(name, data, &f)
	if err != nil {
		return nil, err
	}
	df := datafile.NewFile(name)
	k := &kontsevich{syllables: make(map[string]string, len(f.Syllables))}
	for _, cy := range sortedKeys(f.Syllables) {
		lc := strings.ToLower(cy)
		lat := f.Syllables[cy]
		switch {
		case lc == "" || runOf(lc, isCyrillic) != len(lc):
			df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q is not one Cyrillic word", cy), "syllables", cy)
		case !isASCIILetters(lat):
			df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q: want lower-case Latin letters", lat), "syllables", cy)
		case k.syllables[lc] != "":
			df.FailAt(root, datafile.ErrDuplicate, fmt.Sprintf("%q is given twice", lc), "syllables", cy)
		default:
			k.syllables[lc] = lat
			k.maxRunes = max(k.maxRunes, utf8.RuneCountInString(lc))
		}
	}
	if err := df.Err(); err != nil {
		return nil, err
	}
	return k, nil
}

// renderCyrillic writes the Cyrillic word at the start of s as mode m
// reads it: a glossary word in English, a Korean syllable in Korean
// romanisation, or, when neither applies, unchanged for Fold's BGN/PCGN
// reading. It returns the word's length in bytes and whether it was
// rewritten.
func (a *Analyzer) renderCyrillic(b *strings.Builder, s string, m mode) (int, bool) {
	n := runOf(s, isCyrillic)
	word := strings.ToLower(s[:n])
	if m&modeGlossary != 0 {
		if en, ok := a.gl.cyrillic[word]; ok {
			writeWord(b, en)
			return n, true
		}
	}
	if m&modeKontsevich != 0 {
		if lat, ok := a.kv.read(word); ok {
			writeWord(b, lat)
			return n, true
		}
	}
	b.WriteString(s[:n])
	return n, false
}
