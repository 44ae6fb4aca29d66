package names

import "strings"

// Hangul syllables are composed algorithmically (Unicode 15, §3.12):
// S = 0xAC00 + (L*21 + V)*28 + T.
const (
	hangulBase  = 0xAC00
	hangulLast  = 0xD7A3
	hangulVowel = 21
	hangulTail  = 28
)

// The romanisation follows the DPRK/McCune–Reischauer conventions that the
// DPRK sanctions lists use (aspirates written kh/th/ph, ŏ and ŭ written
// without breves), because list entries are spelled that way; the skeleton
// then absorbs the remaining differences from Revised Romanisation.
var (
	hangulLeads  = [...]string{"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "kh", "th", "ph", "h"}
	hangulVowels = [...]string{"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"}
	hangulTails  = [...]string{"", "k", "kk", "ks", "n", "nj", "nh", "t", "l", "lk", "lm", "lp", "ls", "lt", "lp", "lh", "m", "p", "ps", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// isHangulSyllable reports whether r is a precomposed Hangul syllable.
func isHangulSyllable(r rune) bool { return r >= hangulBase && r <= hangulLast }

// appendHangul appends the romanisation of one Hangul syllable r that
// follows prev in its word (0 at the start); the lead ㄹ is always written
// "r", as DPRK usage keeps it.
//
// A lead ㄱ after a final ㄴ is written "g" (만건 → mangon), as
// McCune–Reischauer voices it: the lists write such names syllable by
// syllable ("Ri Man Gon"), and when the matcher joins those syllables the
// "n" and "g" meet as the digraph ng, which the romanisation skeleton
// reads as one sound; writing "nk" here would keep the two spellings
// apart.
func appendHangul(b *strings.Builder, r, prev rune) {
	i := int(r - hangulBase)
	lead := i / (hangulVowel * hangulTail)
	vowel := (i % (hangulVowel * hangulTail)) / hangulTail
	tail := i % hangulTail
	if lead == leadK && isHangulSyllable(prev) && int(prev-hangulBase)%hangulTail == tailN {
		b.WriteByte('g')
	} else {
		b.WriteString(hangulLeads[lead])
	}
	b.WriteString(hangulVowels[vowel])
	b.WriteString(hangulTails[tail])
}

// Indexes of the lead ㄱ and the final ㄴ in the jamo tables.
const (
	leadK = 0
	tailN = 4
)

// RomanizeHangul returns s with every Hangul syllable romanised and word
// boundaries kept, so "김정은" becomes "kimchongun". Other characters are
// copied unchanged.
func RomanizeHangul(s string) string {
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if isHangulSyllable(r) {
			appendHangul(&b, r, prev)
		} else {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}
