package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// latinSpecial maps Latin letters that Unicode decomposition leaves alone
// to the ASCII spelling used in list entries.
var latinSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ı': "i", 'ŀ': "l", 'ħ': "h", 'ŧ': "t", 'ƒ': "f", 'ŋ': "ng",
}

// isApostrophe reports whether r is one of the marks that McCune–Reischauer
// and other romanisations put inside a word (Ch'o'ngsong, Qa'ida). They are
// deleted rather than turned into a space, so the word stays whole.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', '`', '´', '′', 'ʹ', 'ʾ', 'ʿ':
		return true
	}
	return false
}

// Folded is the result of Fold.
type Folded struct {
	// Text is the folded text: lower case, ASCII for Latin, Hangul, Han and
	// Cyrillic input, with separators normalised to single spaces.
	Text string
	// Foreign lists the scripts that were kept untransliterated (for
	// example "Arabic"), in order of first appearance.
	Foreign []string
	// Untranslated counts Han characters without a dictionary reading.
	Untranslated int
}

// Fold lower-cases s, strips accents, transliterates Hangul, Han and
// Cyrillic to Latin, deletes apostrophes and dots, and turns all other
// punctuation and symbols into spaces. "&" becomes the word "and".
func Fold(s string) Folded {
	s = expandIteration(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	var f Folded
	var prev rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		last := prev
		prev = r
		switch {
		case r < utf8.RuneSelf:
			foldASCII(&b, byte(r))
		case isApostrophe(r):
		case isHangulSyllable(r):
			appendHangul(&b, r, last)
		case isHan(r):
			if !appendPinyin(&b, r) {
				f.Untranslated++
				b.WriteRune(r)
			}
		case isCyrillic(r):
			lr := unicode.ToLower(r)
			if t, ok := cyrillicLatin[lr]; ok {
				b.WriteString(t)
			} else {
				b.WriteRune(lr)
			}
		default:
			foldOther(&b, r, &f)
		}
	}
	f.Text = squashSpaces(b.String())
	return f
}

func foldASCII(b *strings.Builder, c byte) {
	switch {
	case c >= 'A' && c <= 'Z':
		b.WriteByte(c + 'a' - 'A')
	case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		b.WriteByte(c)
	case c == '\'' || c == '`' || c == '.':
		// Deleted: "p.l.c." is "plc", "Ch'o'ngsong" is "chongsong".
	case c == '&':
		b.WriteString(" and ")
	default:
		b.WriteByte(' ')
	}
}

// foldOther handles every non-ASCII rune outside Hangul, Han and Cyrillic.
func foldOther(b *strings.Builder, r rune, f *Folded) {
	lr := unicode.ToLower(r)
	if t, ok := latinSpecial[lr]; ok {
		b.WriteString(t)
		return
	}
	if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) {
		b.WriteByte(' ')
		return
	}
	if unicode.Is(unicode.Latin, r) || unicode.IsMark(r) || unicode.IsNumber(r) {
		for _, d := range norm.NFKD.String(string(lr)) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			if d < utf8.RuneSelf {
				foldASCII(b, byte(unicode.ToLower(d)))
			} else {
				b.WriteRune(unicode.ToLower(d))
			}
		}
		return
	}
	// A script we do not transliterate: keep the letters so an exact
	// original-script alias can still match, and report the script.
	name := scriptName(r)
	seen := false
	for _, s := range f.Foreign {
		if s == name {
			seen = true
			break
		}
	}
	if !seen {
		f.Foreign = append(f.Foreign, name)
	}
	b.WriteRune(lr)
}

// commonScripts are the scripts names are most often written in outside
// Latin, Han, Hangul and Cyrillic; scriptName tries them before walking
// every script Unicode knows.
var commonScripts = [...]string{"Arabic", "Devanagari", "Thai", "Greek", "Hebrew", "Hiragana", "Katakana",
	"Bengali", "Georgian", "Armenian", "Tamil", "Telugu", "Gujarati", "Gurmukhi", "Ethiopic", "Khmer", "Myanmar", "Sinhala", "Lao"}

// scriptName names the Unicode script of r for reports.
func scriptName(r rune) string {
	for _, name := range commonScripts {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	for name, table := range unicode.Scripts {
		if unicode.Is(table, r) {
			return name
		}
	}
	return "Unknown"
}

// squashSpaces trims s and collapses runs of spaces to one.
func squashSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		b.WriteByte(c)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// iterationMark is 々, which Japanese (and older Chinese) writing puts for
// a repeated Han character: 佐々木 is 佐佐木, Sasaki.
const iterationMark = '々'

// expandIteration writes out the character each iteration mark repeats, so
// that it is read like any other Han character. A mark that follows no Han
// character is left for Fold to report.
func expandIteration(s string) string {
	if !strings.ContainsRune(s, iterationMark) {
		return s
	}
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if r == iterationMark && isHan(prev) {
			r = prev
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
