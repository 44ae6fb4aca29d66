package names

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// TranslitFile is the path of the transliteration tables in [FS].
const TranslitFile = "translit.yaml"

// translitFile is the shape of translit.yaml.
type translitFile struct {
	Arabic struct {
		Letters map[string]string `yaml:"letters"`
		Initial map[string]string `yaml:"initial"`
		Words   map[string]string `yaml:"words"`
	} `yaml:"arabic"`
	Devanagari struct {
		Consonants map[string]string `yaml:"consonants"`
		Vowels     map[string]string `yaml:"vowels"`
		Signs      map[string]string `yaml:"signs"`
		Virama     string            `yaml:"virama"`
	} `yaml:"devanagari"`
}

// translit holds the authored transliteration tables.
type translit struct {
	arLetters, arInitial map[rune]string
	arWords              map[string]string
	// Devanagari: a rune is in at most one of the three tables.
	dvConsonants, dvVowels, dvSigns map[rune]string
	dvVirama                        rune
}

// loadTranslit reads [TranslitFile] from fsys.
func loadTranslit(fsys fs.FS) (*translit, error) {
	return datafile.Load(fsys, TranslitFile, "", parseTranslit)
}

// parseTranslit parses the transliteration tables, reporting every problem
// with its place.
func parseTranslit(name string, data []byte) (*translit, error) {
	var f translitFile
	root, err := datafile.Decode(name, data, &f)
	if err != nil {
		return nil, err
	}
	df := datafile.NewFile(name)
	runes := func(m map[string]string, at ...any) map[rune]string {
		out := make(map[rune]string, len(m))
		for _, k := range sortedKeys(m) {
			r, size := utf8.DecodeRuneInString(k)
			if size == 0 || size != len(k) || !isASCIIOrEmpty(m[k]) {
				df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q -> %q: want one character and lower-case Latin letters", k, m[k]), append(at, k)...)
				continue
			}
			out[r] = m[k]
		}
		return out
	}
	t := &translit{
		arLetters:    runes(f.Arabic.Letters, "arabic", "letters"),
		arInitial:    runes(f.Arabic.Initial, "arabic", "initial"),
		arWords:      make(map[string]string, len(f.Arabic.Words)),
		dvConsonants: runes(f.Devanagari.Consonants, "devanagari", "consonants"),
		dvVowels:     runes(f.Devanagari.Vowels, "devanagari", "vowels"),
		dvSigns:      runes(f.Devanagari.Signs, "devanagari", "signs"),
	}
	for _, w := range sortedKeys(f.Arabic.Words) {
		key := normArabic(w)
		switch {
		case key == "" || !isASCIIOrEmpty(strings.ReplaceAll(f.Arabic.Words[w], " ", "")):
			df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q -> %q: want an Arabic word and Latin words", w, f.Arabic.Words[w]), "arabic", "words", w)
		case t.arWords[key] != "":
			df.FailAt(root, datafile.ErrDuplicate, fmt.Sprintf("%q is written like another word once normalised", w), "arabic", "words", w)
		default:
			t.arWords[key] = f.Arabic.Words[w]
		}
	}
	if v, size := utf8.DecodeRuneInString(f.Devanagari.Virama); size == len(f.Devanagari.Virama) && size > 0 {
		t.dvVirama = v
	} else {
		df.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q: want one character", f.Devanagari.Virama), "devanagari", "virama")
	}
	if err := df.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// isASCIIOrEmpty reports whether s is empty or lower-case Latin letters.
func isASCIIOrEmpty(s string) bool { return s == "" || isASCIILetters(s) }

// isOtherLetter reports whether r is a letter of a script without a
// default reading: not Latin, Han, Hangul or Cyrillic.
func isOtherLetter(r rune) bool {
	return r >= 0x0370 && unicode.IsLetter(r) && !isHan(r) && !isHangulSyllable(r) && !isCyrillic(r) && !unicode.Is(unicode.Latin, r)
}

// isOtherRune reports whether r belongs to a word of such a script: one of
// its letters or marks (Devanagari vowel signs, Arabic vowel marks), or the
// zero-width non-joiner Persian writes inside words.
func isOtherRune(r rune) bool {
	return isOtherLetter(r) || (r >= 0x0370 && unicode.IsMark(r)) || r == 0x200C || r == 0x0640
}

func isArabicRune(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

func isDevanagari(r rune) bool { return r >= 0x0900 && r <= 0x097F }

// renderOther writes the word of a script without a default reading at the
// start of s in Latin letters: by the authored tables for Arabic, Persian
// and Devanagari, by unidecode otherwise. A word nothing can be read of is
// copied, and Fold then reports its script as untransliterated.
func (a *Analyzer) renderOther(b *strings.Builder, s string) (int, bool) {
	n := runOf(s, isOtherRune)
	word := s[:n]
	r, _ := utf8.DecodeRuneInString(word)
	var out string
	switch {
	case isArabicRune(r):
		out = a.tr.arabic(word)
	case isDevanagari(r):
		// The nukta letters (क़ U+0958 …) are excluded from composition, so
		// text may carry them either way; the table reads the decomposed
		// consonant and nukta sign.
		out = a.tr.devanagari(norm.NFD.String(word))
	default:
		out = unidecodeWord(word)
	}
	if out == "" {
		b.WriteString(word)
		return n, false
	}
	b.WriteString(out)
	return n, true
}

// unidecodeWord reads word with the unidecode tables, or returns "" when
// they give no Latin letter for it.
func unidecodeWord(word string) string {
	out := unidecode.Unidecode(word)
	for i := 0; i < len(out); i++ {
		if c := out[i] | 0x20; c >= 'a' && c <= 'z' {
			return out
		}
	}
	return ""
}

// normArabic writes an Arabic word the way the words table is keyed: short
// vowel marks and tatweel removed, alef forms as the plain alef, the
// Persian yeh and alef maksura as ي, the Persian kaf as ك.
func normArabic(w string) string {
	var b strings.Builder
	for _, r := range w {
		switch {
		case (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640 || r == 0x200C:
			continue
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ی' || r == 'ى':
			r = 'ي'
		case r == 'ک':
			r = 'ك'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// arabic transliterates one Arabic or Persian word: a known name by the
// words table, the article al- apart from the name it precedes, anything
// else letter by letter. It returns "" when a letter has no reading.
func (t *translit) arabic(word string) string {
	key := normArabic(word)
	if w, ok := t.arWords[key]; ok {
		return w
	}
	if rest, ok := strings.CutPrefix(key, "ال"); ok && utf8.RuneCountInString(rest) >= 2 {
		if w, ok := t.arWords[rest]; ok {
			return "al " + w
		}
		if w := t.arabicLetters(rest); w != "" {
			return "al " + w
		}
		return ""
	}
	return t.arabicLetters(word)
}

// arabicLetters transliterates an Arabic word letter by letter.
func (t *translit) arabicLetters(word string) string {
	var b strings.Builder
	first := true
	for _, r := range word {
		if r == 0x200C {
			continue
		}
		l, ok := t.arLetters[r]
		if first {
			if il, iok := t.arInitial[r]; iok {
				l, ok = il, true
			}
		}
		if !ok {
			return ""
		}
		b.WriteString(l)
		first = false
	}
	return b.String()
}

// devanagari transliterates one Devanagari word, giving each consonant its
// inherent a except before a vowel sign or virama and at the end of the
// word.
func (t *translit) devanagari(word string) string {
	var b strings.Builder
	pending := false // a consonant whose inherent vowel is not yet written
	for _, r := range word {
		if r == 0x200C || r == 0x200D {
			// The zero-width (non-)joiners only choose a glyph form.
			continue
		}
		if c, ok := t.dvConsonants[r]; ok {
			if pending {
				b.WriteByte('a')
			}
			b.WriteString(c)
			pending = true
			continue
		}
		if r == t.dvVirama {
			pending = false
			continue
		}
		if v, ok := t.dvSigns[r]; ok {
			// A nasal or visarga sign follows the vowel: the inherent
			// one is spoken before it.
			if pending && (v == "n" || v == "h") {
				b.WriteByte('a')
			}
			if v != "" || r != 0x093C {
				pending = false
			}
			b.WriteString(v)
			continue
		}
		if v, ok := t.dvVowels[r]; ok {
			if pending {
				b.WriteByte('a')
			}
			b.WriteString(v)
			pending = false
			continue
		}
		if !unicode.IsMark(r) {
			return ""
		}
	}
	return b.String()
}
