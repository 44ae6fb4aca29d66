package names

import (
	"strings"
	"unicode/utf8"
)

// Reading labels: how a [Name] was read from its text.
const (
	// ReadingDefault is the reading [Analyzer.Analyze] gives: Hangul in
	// DPRK romanisation, Han as Mandarin pinyin, Cyrillic in BGN/PCGN, other
	// scripts kept as they are.
	ReadingDefault = ""
	// ReadingSinoKorean reads Han characters by their Sino-Korean sounds
	// (金正恩 → kim chong un), with the glossary's words translated. Only
	// a name that begins with a Korean surname character or holds a
	// glossary word gets it (see hanja.yaml).
	ReadingSinoKorean = "sino-korean"
	// ReadingGlossary translates the glossary's organisation words of
	// Korean, Chinese and Russian names into English (조선광업개발무역회사 →
	// korea mining development trading company) and reads the rest as
	// the default reading does, except that Russian words spelling Korean
	// syllables are read as the Kontsevich reading does (Корейская
	// генеральная корпорация Рёнбон → korea general corp ryongpong).
	ReadingGlossary = "glossary"
	// ReadingKontsevich reads Russian renderings of Korean names back into
	// Korean romanisation (Ким Чен Ын → kim chong un).
	ReadingKontsevich = "kontsevich"
	// ReadingTranslit transliterates the scripts the default reading keeps
	// (Arabic, Persian, Devanagari, Thai, Greek, Hebrew, Georgian,
	// Armenian, kana…).
	ReadingTranslit = "translit"
)

// mode is a set of reading rules applied by render.
type mode uint8

const (
	modeSinoKorean mode = 1 << iota
	modeGlossary
	modeKontsevich
	modeTranslit
)

// readingModes are the extra readings in the order they are tried.
var readingModes = [...]struct {
	label string
	m     mode
	need  scripts
}{
	{ReadingSinoKorean, modeSinoKorean | modeGlossary, hasHan},
	{ReadingKontsevich, modeKontsevich, hasCyrillic},
	{ReadingGlossary, modeGlossary | modeKontsevich, hasHan | hasHangul | hasCyrillic},
	{ReadingTranslit, modeTranslit, hasOther},
}

// scripts is the set of non-Latin scripts found in a name.
type scripts uint8

const (
	hasHan scripts = 1 << iota
	hasHangul
	hasCyrillic
	// hasOther is any other letter outside Latin: Arabic, Thai, kana…
	hasOther
)

// scanScripts returns the scripts of s that have readings besides the
// default. Pure ASCII, the usual case, is answered from the bytes alone.
func scanScripts(s string) scripts {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	var sc scripts
	for _, r := range s[i:] {
		switch {
		case r < 0x0370:
			// Latin and its marks: the default reading is the only one.
		case isHan(r):
			sc |= hasHan
		case isHangulSyllable(r):
			sc |= hasHangul
		case isCyrillic(r):
			sc |= hasCyrillic
		case isOtherLetter(r):
			sc |= hasOther
		}
	}
	return sc
}

// Readings returns every reading of s: element 0 is [Analyzer.Analyze]'s,
// and each further element reads the name's non-Latin script another way
// (see the Reading* labels). A reading whose tokens equal an earlier one's
// is left out, so a Latin name has exactly one reading.
func (a *Analyzer) Readings(s string) []Name { return a.AppendReadings(nil, s) }

// AppendReadings appends the readings of s to dst and returns the extended
// slice, as [Analyzer.Readings] does. A caller that passes a small array's
// slice screens a Latin name without allocating for its readings.
func (a *Analyzer) AppendReadings(dst []Name, s string) []Name {
	dst = append(dst, a.Analyze(s))
	s = expandIteration(s)
	sc := scanScripts(s)
	if sc == 0 {
		return dst
	}
	first := len(dst) - 1
	for _, rm := range readingModes {
		if sc&rm.need == 0 || (rm.m&modeSinoKorean != 0 && !a.koreanLooking(s)) {
			continue
		}
		text, changed := a.render(s, rm.m)
		if !changed {
			continue
		}
		n := a.analyzeFolded(Fold(text), rm.label)
		if !n.Screenable() || sameReading(dst[first:], n) {
			continue
		}
		dst = append(dst, n)
	}
	return dst
}

// sameReading reports whether n has the tokens of one of rs.
func sameReading(rs []Name, n Name) bool {
	for _, r := range rs {
		if len(r.Tokens) != len(n.Tokens) {
			continue
		}
		same := true
		for i := range r.Tokens {
			if r.Tokens[i].Text != n.Tokens[i].Text || r.Tokens[i].Class != n.Tokens[i].Class {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// render rewrites the parts of s that mode m reads differently from the
// default and copies the rest, which Fold then reads as usual. It reports
// whether anything was rewritten.
func (a *Analyzer) render(s string, m mode) (string, bool) {
	var b strings.Builder
	b.Grow(len(s) * 2)
	changed := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var n int
		var ok bool
		switch {
		case isHan(r) && m&(modeSinoKorean|modeGlossary) != 0:
			n, ok = a.renderHan(&b, s[i:], m)
		case isHangulSyllable(r) && m&modeGlossary != 0:
			n, ok = a.renderHangul(&b, s[i:])
		case isCyrillic(r) && m&(modeGlossary|modeKontsevich) != 0:
			n, ok = a.renderCyrillic(&b, s[i:], m)
		case isOtherLetter(r) && m&modeTranslit != 0:
			n, ok = a.renderOther(&b, s[i:])
		default:
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		changed = changed || ok
		i += n
	}
	return b.String(), changed
}

// runOf returns the length in bytes of the run of runes at the start of s
// for which in holds.
func runOf(s string, in func(rune) bool) int {
	for i, r := range s {
		if !in(r) {
			return i
		}
	}
	return len(s)
}

// renderHan writes the run of Han characters at the start of s: glossary
// words in English, other characters by their Sino-Korean sound (in
// sino-korean mode) or pinyin. Each syllable is its own word, as list
// entries write Korean names ("Kim Jong Un") and as the default reading
// writes pinyin.
func (a *Analyzer) renderHan(b *strings.Builder, s string, m mode) (int, bool) {
	run := s[:runOf(s, isHan)]
	changed := false
	for i := 0; i < len(run); {
		if d, n := a.gl.ordinalNumber(s[i:]); n > 0 {
			writeWord(b, d)
			i += n
			changed = true
			continue
		}
		if w, n := a.gl.han.longest(run[i:]); n > 0 {
			writeWord(b, w)
			i += n
			changed = true
			continue
		}
		r, size := utf8.DecodeRuneInString(run[i:])
		i += size
		if m&modeSinoKorean != 0 {
			if w, n := a.hj.word(run[i-size:]); n > 0 {
				writeWord(b, w)
				i += n - size
				changed = true
				continue
			}
			if syl, ok := a.hj.chars[r]; ok {
				writeWord(b, syl)
				changed = true
				continue
			}
		}
		b.WriteRune(r)
	}
	return len(run), changed
}

// renderHangul writes the run of Hangul syllables at the start of s with
// the glossary's words in English. Hangul names are written without spaces
// (조선광업개발무역회사), so the run is segmented greedily by the longest
// glossary word; the syllables between glossary words stay together as one
// romanised word ("련봉" → ryonbong).
func (a *Analyzer) renderHangul(b *strings.Builder, s string) (int, bool) {
	run := s[:runOf(s, isHangulSyllable)]
	changed := false
	for i := 0; i < len(run); {
		if d, n := a.gl.ordinalNumber(s[i:]); n > 0 && d == "" {
			b.WriteByte(' ')
			i += n
			changed = true
			continue
		}
		if w, n := a.gl.hangul.longest(run[i:]); n > 0 {
			writeWord(b, w)
			i += n
			changed = true
			continue
		}
		r, size := utf8.DecodeRuneInString(run[i:])
		b.WriteRune(r)
		i += size
	}
	b.WriteByte(' ')
	return len(run), changed
}

// writeWord writes w as a word of its own.
func writeWord(b *strings.Builder, w string) {
	b.WriteByte(' ')
	b.WriteString(w)
	b.WriteByte(' ')
}
