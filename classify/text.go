package classify

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or number of a normalised description. Text and stem
// are substrings of the normalised text, so tokenising allocates only the
// normalised string and the token slice.
type token struct {
	text  string  // lower-cased, accent-folded
	stem  string  // text with a crude plural/ending strip, for matching
	num   float64 // the value when isNum
	isNum bool
	// after is the separator class before the token: whether a hyphen,
	// slash or space preceded it. Attribute rules use it to tell "18k" from
	// "18 k" only where that matters.
	glued bool // no separator between this token and the previous one
	// weak is the factor for tokens that follow "for", "with" and the
	// like: they name what the goods fit or include, not what they are.
	// The grammar lowers it further for packing and for what the goods
	// serve or resemble (see grammar.apply).
	weak float64
	// clause counts the separators and markers before the token: tokens
	// of one clause form one noun phrase for the grammar.
	clause int32
	// lead is the kind of the marker whose scope the token is in, and
	// opens is set on the first token after a marker.
	lead  markerKind
	opens bool
	// role is what the grammar made of the token.
	role role
	// start and end are the byte offsets of the token in the normalised
	// text, so that rules can see the separator that follows ("85'", "24%").
	start, end int
}

// text is a description prepared for matching.
type text struct {
	norm   string  // normalised text: lower case, accents folded, separators kept
	tokens []token // words and numbers in order
	cjk    bool    // the text has Han, Kana or Hangul, matched by substring
}

// foldRune maps a rune to its unaccented lower-case form, so that
// "Hermès", "HERMES" and "hermes" match the same lexicon key. Cyrillic
// and Hangul are only lower-cased; traditional Han is written simplified
// (see simplifiedHan). ß and æ expand to two letters.
func foldRune(r rune, b *strings.Builder) {
	switch r {
	case 'ß':
		b.WriteString("ss")
		return
	case 'æ', 'Æ':
		b.WriteString("ae")
		return
	case 'œ', 'Œ':
		b.WriteString("oe")
		return
	case '³':
		b.WriteByte('3')
		return
	case '²':
		b.WriteByte('2')
		return
	case '’', '‘', '`', '´':
		b.WriteByte('\'')
		return
	case '×':
		b.WriteByte('x')
		return
	case 'ё', 'Ё':
		b.WriteString("е")
		return
	case '\u00a0', '\u202f', '\u3000':
		b.WriteByte(' ')
		return
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteByte(byte(r))
		return
	}
	if r >= 0xC0 && r <= 0x17F {
		if f, ok := latinFold(r); ok {
			b.WriteByte(f)
			return
		}
	}
	if r >= 0x1A0 && r <= 0x1B0 || r >= 0x1EA0 && r <= 0x1EF9 {
		if f, ok := vietnameseFold(r); ok {
			b.WriteByte(f)
			return
		}
	}
	if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII on Asian documents
		r = unicode.ToLower(r - 0xFF01 + '!')
		b.WriteRune(r)
		return
	}
	if r >= 0x4E00 && r <= 0x9FFF { // CJK Unified Ideographs
		r, _ = simplifiedHan(r)
	}
	b.WriteRune(unicode.ToLower(r))
}

// latinFold strips the diacritic from the Latin-1 and Latin Extended-A
// letters used in European product names.
func latinFold(r rune) (byte, bool) {
	const (
		// Each string lists the letters, upper and lower case, that fold to
		// the byte before it.
		a  = "ÀÁÂÃÄÅàáâãäåĀāĂăĄą"
		c  = "ÇçĆćĈĉĊċČč"
		d  = "ĎďĐđÐð"
		e  = "ÈÉÊËèéêëĒēĔĕĖėĘęĚě"
		g  = "ĜĝĞğĠġĢģ"
		h  = "ĤĥĦħ"
		i  = "ÌÍÎÏìíîïĨĩĪīĬĭĮįİı"
		j  = "Ĵĵ"
		k  = "Ķķ"
		l  = "ĹĺĻļĽľĿŀŁł"
		n  = "ÑñŃńŅņŇň"
		o  = "ÒÓÔÕÖØòóôõöøŌōŎŏŐő"
		rr = "ŔŕŖŗŘř"
		s  = "ŚśŜŝŞşŠš"
		t  = "ŢţŤťŦŧ"
		u  = "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų"
		w  = "Ŵŵ"
		y  = "ÝýÿŶŷŸ"
		z  = "ŹźŻżŽž"
	)
	for _, set := range [...]struct {
		to    byte
		chars string
	}{{'a', a}, {'c', c}, {'d', d}, {'e', e}, {'g', g}, {'h', h}, {'i', i}, {'j', j}, {'k', k}, {'l', l}, {'n', n}, {'o', o}, {'r', rr}, {'s', s}, {'t', t}, {'u', u}, {'w', w}, {'y', y}, {'z', z}} {
		if strings.ContainsRune(set.chars, r) {
			return set.to, true
		}
	}
	return 0, false
}

// vietnameseFold strips the diacritics of the Vietnamese letters outside
// Latin-1 and Latin Extended-A (ơ, ư and the tone-marked vowels of Latin
// Extended Additional), so that "gạo trắng" and a shop title typed
// without them, "gao trang", match the same key, as "Hermès" and
// "Hermes" do.
func vietnameseFold(r rune) (byte, bool) {
	for _, set := range [...]struct {
		to    byte
		chars string
	}{
		{'a', "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ"},
		{'e', "ẸẹẺẻẼẽẾếỀềỂểỄễỆệ"},
		{'i', "ỈỉỊị"},
		{'o', "ỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợƠơ"},
		{'u', "ỤụỦủỨứỪừỬửỮữỰựƯư"},
		{'y', "ỲỳỴỵỶỷỸỹ"},
	} {
		if strings.ContainsRune(set.chars, r) {
			return set.to, true
		}
	}
	return 0, false
}

// isCJK reports whether r is written without spaces between words (Han,
// Kana, Thai) or is Hangul, whose words carry attached particles; such
// text is matched by substring rather than by token.
func isCJK(r rune) bool {
	// Thai, too, is written without spaces between words.
	if r >= 0x0E00 && r <= 0x0E7F {
		return true
	}
	// Every Han, Hangul, Hiragana and Katakana rune is above U+1100: the
	// Latin text of most lines needs no table look-up.
	if r < 0x1100 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) ||
		unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// maxDescription bounds the text examined, so that a pasted document cannot
// make one call slow; real order lines are far shorter.
const maxDescription = 2000

// normalize folds case and accents, and the forms of Japanese text (see
// foldKana). Every rune that is not a letter or a
// digit becomes a separator, except '.' and ',' between digits (decimal
// marks), '%', '/' and '\” which attribute rules read.
func normalize(s string) string {
	if len(s) > maxDescription {
		s = s[:maxDescription]
		for !utf8.ValidString(s) && len(s) > 0 {
			s = s[:len(s)-1]
		}
	}
	s = foldKana(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if r == utf8.RuneError {
			b.WriteByte(' ')
			continue
		}
		foldRune(r, &b)
	}
	return b.String()
}

// tokenize normalises s and splits it into tokens. A letter run and a digit
// run that touch are separate tokens ("3982cc" → 3982, cc), so that numbers
// with units can be read by the attribute rules and the lexicon sees the
// same tokens whatever the spacing. Marker words (see [GrammarFile]) are
// not tokens: they set the factor, lead and clause of the tokens after
// them.
func tokenize(s string, weak markers) text {
	norm := normalize(s)
	t := text{norm: norm, tokens: make([]token, 0, 16)}
	factor := 1.0
	var (
		clause     int32
		lead       markerKind
		opens      bool // the next token is the first after a marker
		prevMarker bool // the last word was a marker
	)
	i := 0
	prevEnd := -1
	for i < len(norm) {
		r, size := utf8.DecodeRuneInString(norm[i:])
		switch {
		case isCJK(r):
			t.cjk = true
			i += size
			prevEnd = -1
			continue
		case unicode.IsDigit(r):
			j := i + size
			for j < len(norm) {
				r2, s2 := utf8.DecodeRuneInString(norm[j:])
				if unicode.IsDigit(r2) {
					j += s2
					continue
				}
				// A decimal mark or thousands separator between digits.
				if (r2 == '.' || r2 == ',') && j+1 < len(norm) && norm[j+1] >= '0' && norm[j+1] <= '9' {
					j++
					continue
				}
				break
			}
			raw := norm[i:j]
			tok := token{text: raw, stem: raw, isNum: true, glued: prevEnd == i, weak: factor, start: i, end: j,
				clause: clause, lead: lead, opens: opens}
			tok.num = parseNumber(raw)
			t.tokens = append(t.tokens, tok)
			opens, prevMarker = false, false
			prevEnd = j
			i = j
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			j := i + size
			for j < len(norm) {
				r2, s2 := utf8.DecodeRuneInString(norm[j:])
				if unicode.IsLetter(r2) || unicode.Is(unicode.Mn, r2) {
					if isCJK(r2) {
						break
					}
					j += s2
					continue
				}
				// Keep apostrophes inside words: "men's" → "men's".
				if r2 == '\'' && j+1 < len(norm) && norm[j+1] >= 'a' && norm[j+1] <= 'z' {
					j++
					continue
				}
				break
			}
			w := norm[i:j]
			w = strings.TrimSuffix(w, "'s")
			if m, ok := weak[w]; ok {
				// Markers in a row ("compatible with") keep the
				// weaker factor.
				if !prevMarker || m.factor < factor {
					factor, lead = m.factor, m.kind
				}
				if !prevMarker {
					clause++
				}
				opens, prevMarker = true, true
				prevEnd = j
				i = j
				continue
			}
			t.tokens = append(t.tokens, token{text: w, stem: stem(w), glued: prevEnd == i, weak: factor, start: i, end: j,
				clause: clause, lead: lead, opens: opens})
			opens, prevMarker = false, false
			prevEnd = j
			i = j
		default:
			// Strong separators end the scope of "for", "with" and the like.
			switch r {
			case ';', '|', '\n', '(', ')', '[', ']', ':':
				factor, lead = 1, markNone
				clause++
				opens, prevMarker = false, false
			case ',':
				if factor > 0.5 {
					factor, lead = 1, markNone
				}
				clause++
				opens, prevMarker = false, false
			}
			i += size
		}
	}
	return t
}

// parseNumber reads "3,982", "4.0" or "1.234,5" as a number. A comma
// followed by exactly three digits is a thousands separator; otherwise it
// is a decimal mark, as written in most of Europe.
func parseNumber(s string) float64 {
	var b [32]byte
	out := b[:0]
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch c {
		case ',':
			rest := len(s) - k - 1
			if rest == 3 || (k+4 < len(s) && (s[k+4] == ',' || s[k+4] == '.')) {
				continue // thousands
			}
			out = append(out, '.')
		case '.':
			// "1.234.567" uses dots as thousands separators.
			if strings.Count(s, ".") > 1 {
				continue
			}
			out = append(out, '.')
		default:
			if c >= '0' && c <= '9' {
				out = append(out, c)
			}
		}
		if len(out) == cap(b) {
			break
		}
	}
	f, err := strconv.ParseFloat(string(out), 64)
	if err != nil {
		return 0
	}
	return f
}

// stem removes English plural endings and Russian/German inflections
// crudely but consistently; the lexicon is stemmed the same way, so only
// consistency matters.
func stem(w string) string {
	n := len(w)
	if n <= 3 || w[n-1] >= utf8.RuneSelf {
		return stemCyrillic(w)
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		// "parties" and "party" read "parti", never "part".
		return w[:n-3] + "i"
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return w
	case w[n-1] == 's':
		return w[:n-1]
	case w[n-1] == 'y' && n > 4:
		return w[:n-1] + "i"
	}
	return w
}

// stemCyrillic strips one common Russian ending from a Cyrillic word of
// at least five letters.
func stemCyrillic(w string) string {
	if utf8.RuneCountInString(w) < 5 {
		return w
	}
	for _, suf := range [...]string{"ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ов", "ев", "ей", "ам", "ям", "ах", "ях", "ом", "ем", "ы", "и", "а", "я", "о", "е", "у", "ю", "ь"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
