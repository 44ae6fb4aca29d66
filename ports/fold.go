package ports

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Names are compared by key: without diacritics, in lower case, with
// apostrophes dropped and every other run of punctuation or space a word
// break, a few abbreviations written out one way, and the words joined
// without spaces, so that "Namp'o", "NAMPO", "Nam-po" and "Nampo" meet, and
// "Saint-Nazaire" meets "St. Nazaire".

// stripMarks removes combining marks after canonical decomposition: "ü"
// becomes "u", as in the UN/LOCODE names without diacritics.
func stripMarks() transform.Transformer {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// letters that decomposition leaves whole, and the way UN/LOCODE's names
// without diacritics write them.
var letterFolds = strings.NewReplacer("ß", "ss", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe", "ø", "o", "Ø", "o",
	"đ", "d", "Đ", "d", "ł", "l", "Ł", "l", "ı", "i", "þ", "th", "Þ", "th", "ð", "d", "Ð", "d")

// wordFolds writes a word of a place name one way.
var wordFolds = map[string]string{"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}

// folder computes keys into buffers it reuses: building the index folds
// every name of the code list.
type folder struct {
	buf   []byte   // the folded letters of the name
	spans [][2]int // the words, as spans of buf
	key   []byte
}

// words splits s into folded words, in f.buf and f.spans.
func (f *folder) words(s string) {
	f.buf, f.spans = f.buf[:0], f.spans[:0]
	if !isASCII(s) {
		s = letterFolds.Replace(s)
		if t, _, err := transform.String(stripMarks(), s); err == nil {
			s = t
		}
	}
	start := -1
	end := func() {
		if start >= 0 && len(f.buf) > start {
			f.spans = append(f.spans, [2]int{start, len(f.buf)})
		}
		start = -1
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' || c == '`':
				continue
			default:
				end()
				continue
			}
			if start < 0 {
				start = len(f.buf)
			}
			f.buf = append(f.buf, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '’' || r == 'ʼ' || r == '‘':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = len(f.buf)
			}
			f.buf = utf8.AppendRune(f.buf, unicode.ToLower(r))
		default:
			end()
		}
	}
	end()
}

func (f *folder) word(i int) string { return string(f.buf[f.spans[i][0]:f.spans[i][1]]) }

// wordsAre reports whether the words at spans are want.
func (f *folder) wordsAre(spans [][2]int, want []string) bool {
	for i, w := range spans {
		if string(f.buf[w[0]:w[1]]) != want[i] {
			return false
		}
	}
	return true
}

// placeSuffixes are the words after a town's name that say the place is
// its port or its station: "Longkou Pt", "Vostochnyy Port", "Jian Railway
// Station". One of them is removed, so that "Fish Port Terminal" does not
// become "Fish".
var placeSuffixes = [][]string{{"railway", "station"}, {"rail", "station"}, {"station"}, {"port"}, {"pt"}, {"harbour"}, {"harbor"}, {"hbr"}}

// keyOf returns the key of s in f.key as a query: its words joined,
// without "port of" before, or one of placeSuffixes after, the name of the
// place. A name that is nothing else ("Port", "Station") keeps its words.
func (f *folder) keyOf(s string) []byte { return f.key1(s, true, true) }

// indexKey returns the key of a UN/LOCODE name: "Port of" stays, so that
// "Port-of-Spain" is not found by "Spain"; a query that starts with it is
// tried with it too (see Gazetteer.Candidates).
func (f *folder) indexKey(s string) []byte { return f.key1(s, false, true) }

// key1 is keyOf, removing "port of" when prefix is true and one suffix
// of placeSuffixes when suffix is true.
func (f *folder) key1(s string, prefix, suffix bool) []byte {
	f.words(s)
	ws := f.spans
	if prefix && len(ws) > 2 && f.word(0) == "port" && f.word(1) == "of" {
		ws = ws[2:]
	}
	if suffix {
		for _, suf := range placeSuffixes {
			if n := len(ws) - len(suf); n > 0 && f.wordsAre(ws[n:], suf) {
				ws = ws[:n]
				break
			}
		}
	}
	f.key = f.key[:0]
	for _, w := range ws {
		word := f.buf[w[0]:w[1]]
		if r, ok := wordFolds[string(word)]; ok {
			f.key = append(f.key, r...)
		} else {
			f.key = append(f.key, word...)
		}
	}
	return f.key
}

// Key returns the key by which a place name is looked up: what
// [Gazetteer.Resolve] compares. "Port of Dalian", "Dalian Pt" and "DALIAN"
// have the key "dalian".
func Key(name string) string {
	var f folder
	return string(f.keyOf(name))
}

// keys returns the keys a place name is found by: the whole name, and, at
// tier 2, its parts: "Rajin (Najin)" is also "Rajin" and "Najin",
// "Bupyong/Incheon" also "Bupyong" and "Incheon", "Nagoya, Aichi" also
// "Nagoya".
func (f *folder) keys(name string, add func(key []byte, tier uint8)) {
	if name == "" {
		return
	}
	add(f.indexKey(name), 1)
	var parts []string
	if i := strings.IndexByte(name, '('); i > 0 {
		if j := strings.IndexByte(name[i:], ')'); j > 0 {
			inner := name[i+1 : i+j]
			parts = append(parts, name[:i]+name[i+j+1:], inner)
			// "Saint Petersburg (ex Leningrad)": the former name.
			if rest, ok := strings.CutPrefix(inner, "ex "); ok {
				parts = append(parts, rest)
			}
		}
	}
	if i := strings.IndexByte(name, ','); i > 0 {
		parts = append(parts, name[:i])
	}
	if strings.IndexByte(name, '/') > 0 {
		parts = append(parts, strings.Split(name, "/")...)
	}
	for _, p := range parts {
		if p != name {
			f.keys(p, func(k []byte, _ uint8) { add(k, 2) })
		}
	}
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hashKey is the 64-bit FNV-1a hash of a key.
func hashKey(k []byte) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, c := range k {
		h ^= uint64(c)
		h *= prime
	}
	return h
}
