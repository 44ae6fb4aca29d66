package names

import (
	"fmt"
	"strconv"
)

// numeralsFile is the numerals section of lexicon.yaml.
type numeralsFile struct {
	Ordinals   map[string]int `yaml:"ordinals"`
	Suffixes   []string       `yaml:"suffixes"`
	Prefixes   []string       `yaml:"prefixes"`
	RomanMax   int            `yaml:"roman_max"`
	RomanWords []string       `yaml:"roman_words"`
}

// numerals reads numbers written as words: ordinals ("Second"), Roman
// numerals ("II"), suffixed digits ("2nd") and announced numbers ("No. 2"),
// so that each becomes the plain digits a hull or branch number is
// compared by.
type numerals struct {
	// words maps an ordinal word or a Roman numeral to its digits.
	ordinals map[string]string
	roman    map[string]string
	suffixes map[string]bool
	prefixes map[string]bool
}

// maxRoman is the largest Roman numeral romanNumerals can spell with I, V
// and X alone.
const maxRoman = 39

// newNumerals checks and indexes the numerals section.
func newNumerals(f numeralsFile) (*numerals, error) {
	if f.RomanMax < 0 || f.RomanMax > maxRoman {
		return nil, fmt.Errorf("numerals.roman_max %d: want 0 to %d", f.RomanMax, maxRoman)
	}
	nm := &numerals{
		ordinals: make(map[string]string, len(f.Ordinals)),
		roman:    make(map[string]string, f.RomanMax),
		suffixes: make(map[string]bool, len(f.Suffixes)),
		prefixes: make(map[string]bool, len(f.Prefixes)),
	}
	for w, n := range f.Ordinals {
		if n < 0 {
			return nil, fmt.Errorf("numerals.ordinals.%s: negative number %d", w, n)
		}
		nm.ordinals[normPhrase(w)] = strconv.Itoa(n)
	}
	skip := make(map[string]bool, len(f.RomanWords))
	for _, w := range f.RomanWords {
		skip[normPhrase(w)] = true
	}
	for n := 2; n <= f.RomanMax; n++ {
		// One-letter numerals (V, X) are initials far more often than
		// numbers, so only spellings of two letters or more are read.
		if r := romanNumeral(n); len(r) > 1 && !skip[r] {
			nm.roman[r] = strconv.Itoa(n)
		}
	}
	for _, s := range f.Suffixes {
		nm.suffixes[normPhrase(s)] = true
	}
	for _, p := range f.Prefixes {
		nm.prefixes[normPhrase(p)] = true
	}
	return nm, nil
}

// romanNumeral spells n (1 to maxRoman) in lower-case Roman numerals.
func romanNumeral(n int) string {
	var b []byte
	for ; n >= 10; n -= 10 {
		b = append(b, 'x')
	}
	units := [...]string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}
	return string(b) + units[n]
}

// rewriteNumerals reads the numbers of the raw tokens of one name in place
// and returns the shortened slice, with the ordinal word each number was
// read from ("second" for "2") in spell, parallel to it; spell is nil when
// no ordinal word was read. Legal forms may follow a trailing Roman
// numeral ("Ocean Star II Co").
//
// A Roman numeral is read only at either end of a name: first, before
// words ("II Economic Committee"), or last after a word, with nothing but
// legal forms after it ("Ryong Gang II", "Ocean Star II Co"). In the
// middle it is a misspelt word as often as a number: "Kim II Sung" is
// Kim Il Sung. A lone I is read as 1 only first in a company's name (a
// word follows, and the name ends with a legal form).
func (lx *lexicon) rewriteNumerals(raw []string) (out, spell []string) {
	nm := lx.numerals
	out = raw[:0]
	for i, t := range raw {
		from := ""
		switch {
		case nm.suffixes[t] && len(out) > 0 && isDigits(out[len(out)-1]):
			continue
		case nm.ordinals[t] != "" && nm.ordinals[t] != t:
			from, t = t, nm.ordinals[t]
		case nm.roman[t] != "" && romanPlace(out, raw[i+1:], lx):
			t = nm.roman[t]
		case t == "i" && i == 0 && len(raw) > 2 && lx.endsLegal(raw[2:]):
			// A lone I is an initial, but first in a company's name
			// it is the company's number: "I Oil JV Co Ltd" is FIRST
			// OIL JV CO LTD.
			t = "1"
		}
		if from != "" && spell == nil {
			// Most names have no ordinal: the spellings are kept only
			// when one is read.
			spell = make([]string, len(out), len(raw))
		}
		out = append(out, t)
		if spell != nil {
			spell = append(spell, from)
		}
	}
	// An announcing word goes only when a number follows: "No" alone is a
	// surname.
	kept := out[:0]
	keptSpell := spell[:0]
	for i, t := range out {
		if nm.prefixes[t] && i+1 < len(out) && isDigits(out[i+1]) {
			continue
		}
		kept = append(kept, t)
		if spell != nil {
			keptSpell = append(keptSpell, spell[i])
		}
	}
	if spell == nil {
		keptSpell = nil
	}
	return kept, keptSpell
}

// romanPlace reports whether a Roman numeral between the tokens before
// (already read) and after may be read as a number.
func romanPlace(before, after []string, lx *lexicon) bool {
	if len(before) == 0 {
		return len(after) > 0
	}
	return !isDigits(before[len(before)-1]) && lx.onlyLegal(after)
}

// endsLegal reports whether rest ends with a one-word legal form.
func (lx *lexicon) endsLegal(rest []string) bool {
	return len(rest) > 0 && lx.onlyLegal(rest[len(rest)-1:])
}

// onlyLegal reports whether every token of rest is a one-word legal form.
func (lx *lexicon) onlyLegal(rest []string) bool {
	for _, t := range rest {
		if p, ok := lx.phrases[t]; !ok || p.class != Legal {
			return false
		}
	}
	return true
}
