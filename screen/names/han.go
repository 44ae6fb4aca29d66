package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/mozillazg/go-pinyin"
)

// isHan reports whether r is a CJK unified ideograph (basic block and
// extension A), the characters the pinyin dictionary covers.
func isHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3400 && r <= 0x4DBF) || (r >= 0xF900 && r <= 0xFAFF)
}

// appendPinyin writes the Mandarin reading of one Han character, toneless,
// followed by a space: Chinese names have no spaces, and the matcher
// re-joins syllables itself ("hua xin" meets "Huaxin"). It reports false
// when the dictionary has no reading.
//
// It reads go-pinyin's dictionary directly and strips the tone marks
// itself: the library's own styling runs regular expressions for every
// character, which made Han names the slowest to analyse. The result is
// the library's Normal style (ü written v).
func appendPinyin(b *strings.Builder, r rune) bool {
	p, ok := pinyin.PinyinDict[int(r)]
	if !ok || p == "" {
		return false
	}
	if i := strings.IndexByte(p, ','); i >= 0 {
		p = p[:i]
	}
	b.WriteByte(' ')
	for _, c := range p {
		if c < utf8.RuneSelf {
			b.WriteByte(byte(c))
			continue
		}
		b.WriteString(toneless(c))
	}
	b.WriteByte(' ')
	return true
}

// toneless returns the plain letters of a pinyin letter with a tone mark.
func toneless(c rune) string {
	switch c {
	case 'ā', 'á', 'ǎ', 'à':
		return "a"
	case 'ē', 'é', 'ě', 'è', 'ê', 'ế', 'ề':
		return "e"
	case 'ī', 'í', 'ǐ', 'ì':
		return "i"
	case 'ō', 'ó', 'ǒ', 'ò':
		return "o"
	case 'ū', 'ú', 'ǔ', 'ù':
		return "u"
	case 'ü', 'ǖ', 'ǘ', 'ǚ', 'ǜ':
		return "v"
	case 'ń', 'ň', 'ǹ':
		return "n"
	case 'ḿ':
		return "m"
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(c)) {
		if !unicode.Is(unicode.Mn, d) {
			b.WriteRune(d)
		}
	}
	return b.String()
}
