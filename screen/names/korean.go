package names

import (
	"errors"
	"fmt"
)

// Syllables are the spellings of the parts of a Korean syllable in the
// romanisations found on sanctions lists and trade documents:
// McCune–Reischauer without its breves and apostrophes, the DPRK official
// system (kh, th, ph for the aspirates) and Revised Romanisation (eo, eu;
// g, d, b for the lax stops). A syllable is an optional initial, a vowel
// and an optional final. They are data (the romanisation section of the
// screening weights file), not a word list: they accept any spelling built
// of syllables, including names no list has yet.
type Syllables struct {
	// Initials are the consonant spellings a syllable may begin with.
	Initials []string `yaml:"initials"`
	// Vowels are the vowel and diphthong spellings, glides included (ya,
	// wo, ui).
	Vowels []string `yaml:"vowels"`
	// Finals are the consonant spellings a syllable may end with.
	Finals []string `yaml:"finals"`
	// Doubles are the doubled letters allowed after a word's first letter:
	// a final followed by the same initial (Amnokkang, Chollima) or a
	// doubled vowel (Lee, Soo). Any other doubled letter (shipping,
	// rubber) is not Korean.
	Doubles []string `yaml:"doubles"`
	// Spellings are conventional spellings of Korean names that break the
	// syllable rules (Park, Rhee, Roh, Oh) and are Korean nonetheless.
	Spellings []string `yaml:"spellings"`
}

// Korean tells plausibly Korean romanised words from other words by the
// syllable grammar of [Syllables]. It is read-only and safe for concurrent
// use.
type Korean struct {
	initials, vowels, finals pieceSet
	doubles, spellings       map[string]bool
	// longest part of each kind, to bound the parse.
	maxInitial, maxVowel, maxFinal int
}

// ErrSyllables reports an unusable syllable inventory.
var ErrSyllables = errors.New("names: bad Korean syllable inventory")

// NewKorean returns the grammar of s. Every spelling must be lower-case
// letters a–z; vowels must not be empty.
func NewKorean(s Syllables) (*Korean, error) {
	k := &Korean{}
	var err error
	set := func(field string, words []string) (map[string]bool, int) {
		m := make(map[string]bool, len(words))
		longest := 0
		for _, w := range words {
			if !isASCIILetters(w) {
				err = errors.Join(err, fmt.Errorf("%w: %s %q: want letters a-z", ErrSyllables, field, w))
				continue
			}
			m[w] = true
			longest = max(longest, len(w))
		}
		return m, longest
	}
	var m map[string]bool
	m, k.maxInitial = set("initials", s.Initials)
	k.initials = newPieceSet(m)
	m, k.maxVowel = set("vowels", s.Vowels)
	k.vowels = newPieceSet(m)
	m, k.maxFinal = set("finals", s.Finals)
	k.finals = newPieceSet(m)
	k.doubles, _ = set("doubles", s.Doubles)
	k.spellings, _ = set("spellings", s.Spellings)
	for _, d := range s.Doubles {
		if len(d) != 2 || d[0] != d[1] {
			err = errors.Join(err, fmt.Errorf("%w: doubles %q: want one letter twice", ErrSyllables, d))
		}
	}
	if k.vowels.n == 0 {
		err = errors.Join(err, fmt.Errorf("%w: no vowels", ErrSyllables))
	}
	if err != nil {
		return nil, err
	}
	return k, nil
}

// Plausible reports whether a folded word could be a romanised Korean
// word: one of the conventional spellings, or a sequence of syllables with
// no doubled letter but the allowed ones. "siam", "ryonbong", "choson" and
// "daedong" are plausible; "rice", "nice", "electric" and "shipping" are
// not. A nil Korean finds every word plausible, so that a scorer without
// the grammar behaves as before it.
func (k *Korean) Plausible(word string) bool {
	if k == nil {
		return true
	}
	if word == "" || len(word) > 64 || !isASCIILetters(word) {
		return false
	}
	if k.spellings[word] {
		return true
	}
	for i := 2; i < len(word); i++ {
		if word[i] == word[i-1] && !k.doubles[word[i-1:i+1]] {
			return false
		}
	}
	// ok[i] reports whether word[:i] is a whole number of syllables.
	var buf [65]bool
	ok := buf[:len(word)+1]
	ok[0] = true
	for i := 0; i < len(word); i++ {
		if ok[i] {
			k.syllablesFrom(word, i, ok)
		}
	}
	return ok[len(word)]
}

// Syllable reports whether a folded word is one Korean syllable (Chol,
// Yong, Hwa): an optional initial, a vowel and an optional final of the
// inventory. A nil Korean finds no word a syllable.
func (k *Korean) Syllable(word string) bool {
	if k == nil || word == "" || len(word) > 64 || !isASCIILetters(word) {
		return false
	}
	var buf [65]bool
	ok := buf[:len(word)+1]
	k.syllablesFrom(word, 0, ok)
	return ok[len(word)]
}

// syllablesFrom marks in ok the end of every syllable of word that starts
// at i.
func (k *Korean) syllablesFrom(word string, i int, ok []bool) {
	for ni := 0; ni <= k.maxInitial && i+ni <= len(word); ni++ {
		if ni > 0 && !k.initials.has(word[i:i+ni]) {
			continue
		}
		v := i + ni
		for nv := 1; nv <= k.maxVowel && v+nv <= len(word); nv++ {
			if !k.vowels.has(word[v : v+nv]) {
				continue
			}
			f := v + nv
			ok[f] = true
			for nf := 1; nf <= k.maxFinal && f+nf <= len(word); nf++ {
				if k.finals.has(word[f : f+nf]) {
					ok[f+nf] = true
				}
			}
		}
	}
}

// pieceSet is a set of syllable parts, lower-case letters a–z. The parse
// of every word of every name asks it several times a letter, so the
// parts of up to three letters (all of them, in the inventories in use)
// are bits indexed by their letters in base 27, without hashing; longer
// ones are in a map.
type pieceSet struct {
	bits [(pieceCodes + 63) / 64]uint64
	long map[string]bool
	n    int
}

// pieceCodes is the number of codes of strings of up to three letters.
const pieceCodes = 27 * 27 * 27

func newPieceSet(m map[string]bool) pieceSet {
	ps := pieceSet{n: len(m)}
	for w := range m {
		if c, ok := pieceCode(w); ok {
			ps.bits[c/64] |= 1 << (c % 64)
			continue
		}
		if ps.long == nil {
			ps.long = make(map[string]bool)
		}
		ps.long[w] = true
	}
	return ps
}

// has reports whether s is in the set.
func (ps *pieceSet) has(s string) bool {
	if c, ok := pieceCode(s); ok {
		return ps.bits[c/64]&(1<<(c%64)) != 0
	}
	return ps.long[s]
}

// pieceCode returns the code of a string of one to three letters a–z.
func pieceCode(s string) (uint, bool) {
	if len(s) == 0 || len(s) > 3 {
		return 0, false
	}
	c := uint(0)
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b < 'a' || b > 'z' {
			return 0, false
		}
		c = c*27 + uint(b-'a'+1)
	}
	return c, true
}
