package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Japanese text reaches customs systems in several encodings of the same
// words: half-width katakana from older systems (ﾛﾚｯｸｽ), hiragana or
// katakana for the same word (まぐろ, マグロ), a long vowel mark typed as a
// dash (ウイスキ－), a middle dot between the words of a loanword
// (ハンド・バッグ). foldKana brings them to one form before the text is
// folded rune by rune, so that one key matches them all.

// halfKana are the half-width katakana U+FF66 to U+FF9D in order, and
// fullKana their full-width forms.
const (
	halfKana = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ"
	fullKana = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
)

// Voicing marks, combining and half-width.
const (
	dakuten         = '\u3099'
	handakuten      = '\u309A'
	halfDakuten     = '\uFF9E'
	halfHandakuten  = '\uFF9F'
	middleDot       = '・'
	halfMiddleDot   = '\uFF65'
	longVowel       = 'ー'
	halfLongVowel   = '\uFF70'
	hiraganaFirst   = '\u3041'
	hiraganaLast    = '\u3096'
	hiraganaToKana  = 0x60
	halfKanaFirst   = '\uFF66'
	halfKanaLast    = '\uFF9D'
	fullWidthMinus  = '\uFF0D'
	horizontalBar   = '\u2015'
	emDash          = '\u2014'
	hyphenCharacter = '\u2010'
	waveDash        = '\u301C'
	fullWidthTilde  = '\uFF5E'
)

// foldKana returns s with half-width katakana widened and voiced, hiragana
// written as katakana, dashes after katakana read as the long vowel mark
// and middle dots between letters removed. Text without a character from
// U+3000 up is returned as is, without allocating.
func foldKana(s string) string {
	if !hasWide(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune // the last rune written
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r >= halfKanaFirst && r <= halfKanaLast:
			// Both tables are of three-byte runes.
			r, _ = utf8.DecodeRuneInString(fullKana[3*(r-halfKanaFirst):])
		case r >= hiraganaFirst && r <= hiraganaLast:
			r += hiraganaToKana
		case r == halfDakuten || r == dakuten:
			if v, ok := voiced(prev, 1); ok {
				replaceLast(&b, prev, v)
				prev = v
				continue
			}
		case r == halfHandakuten || r == handakuten:
			if v, ok := voiced(prev, 2); ok {
				replaceLast(&b, prev, v)
				prev = v
				continue
			}
		case r == middleDot || r == halfMiddleDot:
			// Between letters the dot joins the words of one name:
			// ロレックス・サブマリーナ is matched by ロレックス and サブマリーナ
			// alike, ハンド・バッグ by ハンドバッグ.
			next, _ := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(prev) && unicode.IsLetter(next) {
				continue
			}
			r = ' '
		case r == halfLongVowel || r == fullWidthMinus || r == horizontalBar || r == emDash || r == hyphenCharacter || r == waveDash || r == fullWidthTilde:
			if unicode.Is(unicode.Katakana, prev) && prev != longVowel {
				r = longVowel
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// hasWide reports whether s has a character from U+3000 up (kana, Han,
// Hangul, full- and half-width forms), whose UTF-8 encoding starts with a
// byte from 0xE3 up.
func hasWide(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE3 {
			return true
		}
	}
	return false
}

// voiced returns the katakana r with a voicing mark: mark 1 is the dakuten
// (カ → ガ, ウ → ヴ), mark 2 the handakuten (ハ → パ).
func voiced(r rune, mark int) (rune, bool) {
	switch {
	case r == 'ウ' && mark == 1:
		return 'ヴ', true
	case mark == 1 && r >= 'カ' && r <= 'ト' && (r-'カ')%2 == 0 && r != 'ッ':
		// カキクケコ サシスセソ タチ: every second code point; ツテト
		// follow after the small ッ.
		return r + 1, true
	case mark == 1 && (r == 'ツ' || r == 'テ' || r == 'ト'):
		return r + 1, true
	case r >= 'ハ' && r <= 'ホ' && (r-'ハ')%3 == 0:
		return r + rune(mark), true
	}
	return r, false
}

// replaceLast replaces the last rune of b, which is old, by r.
func replaceLast(b *strings.Builder, old, r rune) {
	s := b.String()
	s = s[:len(s)-utf8.RuneLen(old)]
	b.Reset()
	b.WriteString(s)
	b.WriteRune(r)
}

// cjkServes are the suffixes by which Chinese, Japanese and Korean say
// what goods are for: 腕時計用ベルト is a strap for a wrist-watch, 자동차용
// 충전기 a charger for cars, 汽车用品 accessories for cars. A key right
// before one names what the goods serve, as a word after "for" does.
var cjkServes = [...]string{"用", "용"}

// thaiServes are the words by which Thai says what goods are for, before
// what they serve: ที่ชาร์จสำหรับรถยนต์ is a charger for cars. A key right
// after one names what the goods serve.
var thaiServes = [...]string{"สำหรับ", "ใช้กับ"}

// isThai reports whether s starts with a Thai letter. Thai, unlike
// Chinese, Japanese and Korean, puts the head of a compound first
// (กุ้งแช่แข็ง, shrimp frozen; กระเป๋าหนัง, bag leather).
func isThai(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 0x0E00 && r <= 0x0E7F
}

// substringFactor returns the factor of the key s found in norm: 1 when
// some occurrence names the goods, the factor of the grammar's "serves"
// markers when every occurrence is followed by a suffix of cjkServes. It
// reports false when norm does not contain s.
func (lx *Lexicon) substringFactor(norm, s string) (float64, bool) {
	found := false
	for rest := norm; ; {
		i := strings.Index(rest, s)
		if i < 0 {
			break
		}
		found = true
		before := strings.TrimRight(norm[:len(norm)-len(rest)+i], " ")
		rest = rest[i+len(s):]
		served := false
		for _, suf := range cjkServes {
			if strings.HasPrefix(rest, suf) {
				served = true
			}
		}
		for _, pre := range thaiServes {
			if strings.HasSuffix(before, pre) {
				served = true
			}
		}
		if !served {
			return 1, true
		}
	}
	if !found {
		return 0, false
	}
	return lx.servesFactor(), true
}

// servesFactor is the smallest factor of the grammar's markers of what
// goods serve ("for", "fits"), or 1 for a lexicon without a grammar.
func (lx *Lexicon) servesFactor() float64 {
	f := 1.0
	for _, m := range lx.weak {
		if m.kind == markServes {
			f = min(f, m.factor)
		}
	}
	return f
}

// cjkCompact returns norm without the spaces between two letters of
// scripts matched by substring, so that keys match however the words are
// spaced: Korean writes 진주 목걸이 and 진주목걸이, 손목 시계 and 손목시계
// alike. It returns norm itself when there is no such space.
func cjkCompact(norm string) string {
	var b strings.Builder
	last := 0 // norm[last:] is not copied yet
	for i := 0; i < len(norm); i++ {
		if norm[i] != ' ' || i == 0 {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(norm[:i])
		j := i
		for j < len(norm) && norm[j] == ' ' {
			j++
		}
		next, _ := utf8.DecodeRuneInString(norm[j:])
		if !isCJK(prev) || !isCJK(next) {
			i = j - 1
			continue
		}
		b.WriteString(norm[last:i])
		last = j
		i = j - 1
	}
	if last == 0 {
		return norm
	}
	b.WriteString(norm[last:])
	return b.String()
}

// cjkHeads applies the head-final order of Chinese, Japanese and Korean
// compounds to the keys ms found in norm: of two keys written together
// that name different goods, the last names the goods and the first only
// modifies it, as "wine" in "wine opener". ワインオープナー is an opener,
// パール塗料 a paint, 자동차타이어 a tyre, 钻石项链 a necklace. The first
// key counts by the grammar's modifier factor. Keys written apart are not
// a compound: "香水 ハンドバッグ" names two goods. Thai compounds put
// the head first, so there the later key is the modifier.
func (lx *Lexicon) cjkHeads(norm string, ms []matched) {
	if lx.grammar == nil || len(ms) < 2 {
		return
	}
	for i := range ms {
		a := ms[i].p
		ai := strings.Index(norm, a.words[0].s)
		if len(a.hits) == 0 || ai < 0 {
			continue
		}
		if isThai(a.words[0].s) {
			// Head first: the first key of a Thai description names the
			// goods, and a key of other goods after it modifies them
			// (กาแฟ in แก้วกาแฟ, a cup for coffee; ผ้าฝ้าย in เสื้อยืด
			// ผ้าฝ้าย, a cotton t-shirt), as does a key inside a longer
			// key of other goods (แหวน, a ring, in แหวนรอง, a washer).
			for j := range ms {
				b := ms[j].p
				if j == i || len(b.hits) == 0 || !isThai(b.words[0].s) || sharesConcept(a, b) {
					continue
				}
				bs := b.words[0].s
				bi := strings.Index(norm, bs)
				if bi >= 0 && bi+len(bs) <= ai || len(bs) > len(a.words[0].s) && strings.Contains(bs, a.words[0].s) && bi >= 0 {
					ms[i].factor *= lx.grammar.modifiers.factor
					break
				}
			}
			continue
		}
		end := ai + len(a.words[0].s)
		if lx.joined(norm, ms, a, end) {
			continue
		}
		for j := range ms {
			b := ms[j].p
			if j == i || len(b.hits) == 0 || !strings.HasPrefix(norm[end:], b.words[0].s) || sharesConcept(a, b) {
				continue
			}
			ms[i].factor *= lx.grammar.modifiers.factor
			break
		}
	}
}

// sharesConcept reports whether phrases a and b name a concept in common.
func sharesConcept(a, b *phrase) bool {
	for _, x := range a.hits {
		for _, y := range b.hits {
			if x.concept == y.concept {
				return true
			}
		}
	}
	return false
}

// joined reports whether another key of ms that names goods a names
// spans the end of a at end: 貂皮大衣 (a fur coat) is one key, and 大衣 in it
// does not make 貂皮 a modifier.
func (lx *Lexicon) joined(norm string, ms []matched, a *phrase, end int) bool {
	for _, m := range ms {
		c := m.p
		if c == a || !sharesConcept(a, c) {
			continue
		}
		for off := 0; off < end; {
			k := strings.Index(norm[off:], c.words[0].s)
			if k < 0 || off+k >= end {
				break
			}
			if off+k+len(c.words[0].s) > end {
				return true
			}
			off += k + 1
		}
	}
	return false
}
