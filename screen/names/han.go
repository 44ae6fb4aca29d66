package names

import (
	"strings"

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
func appendPinyin(b *strings.Builder, r rune) bool {
	p := pinyin.SinglePinyin(r, pinyin.Args{Style: pinyin.Normal, Fallback: noPinyin})
	if len(p) == 0 || p[0] == "" {
		return false
	}
	b.WriteByte(' ')
	b.WriteString(p[0])
	b.WriteByte(' ')
	return true
}

// noPinyin is the go-pinyin fallback: characters without a reading give
// nothing, and appendPinyin reports them.
func noPinyin(rune, pinyin.Args) []string { return nil }
