package names

import (
	"errors"
	"io/fs"
	"strings"
)

// Class is the role of a token in a name.
type Class uint8

// Token classes.
const (
	// Word is an ordinary name word.
	Word Class = iota
	// Number is a run of digits, such as a hull number; numbers are kept
	// because "Ryong Gang 2" and "Ryong Gang 3" are different ships.
	Number
	// Legal is a canonical legal form such as "co", "ltd" or "jsc".
	Legal
	// Stop is a function word or name particle ("of", "al", "bin").
	Stop
	// Initial is a single Latin letter.
	Initial
	// Foreign is a word in a script that is not transliterated.
	Foreign
)

// String returns the class name used in match explanations.
func (c Class) String() string {
	switch c {
	case Word:
		return "word"
	case Number:
		return "number"
	case Legal:
		return "legal"
	case Stop:
		return "stop"
	case Initial:
		return "initial"
	case Foreign:
		return "foreign"
	}
	return "unknown"
}

// Token is one analysed word of a name.
type Token struct {
	// Text is the folded spelling, or the canonical form of a legal form
	// or abbreviation.
	Text string
	// Skel is the romanisation skeleton of Text (see Skeleton); for
	// numbers, legal forms and foreign words it equals Text.
	Skel string
	// Class is the token's role.
	Class Class
	// Generic marks common business words ("trading", "korea") whose
	// weight is capped.
	Generic bool
	// Spelling is what the name wrote where the lexicon or the numeral
	// reader rewrote it ("banking" for "bank", "jointventure" for "jv",
	// "second" for "2"), its words joined, or "" when Text is as written.
	// A misspelt word is measured against what the other name wrote, not
	// against its canonical form: "bankihg" is one letter from "banking"
	// and three from "bank".
	Spelling string
}

// Name is an analysed name.
type Name struct {
	// Tokens are the name's tokens in their original order.
	Tokens []Token
	// Foreign lists scripts that were kept untransliterated.
	Foreign []string
	// Reading labels how the name was read from its text: "" for the
	// default reading, or one of the other Reading* labels (see
	// [Analyzer.Readings]).
	Reading string
}

// Screenable reports whether the name has at least one token that can
// identify a party: a word, number, initial or foreign word. A name made only
// of legal forms and stopwords ("Co., Ltd.") cannot be screened.
func (n Name) Screenable() bool {
	for _, t := range n.Tokens {
		if t.Class != Legal && t.Class != Stop {
			return true
		}
	}
	return false
}

// Key returns the folded tokens joined by single spaces.
func (n Name) Key() string {
	var b strings.Builder
	for i, t := range n.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// Analyzer analyses names with an embedded lexicon of legal forms,
// abbreviations, stopwords and generic words. It is safe for concurrent use.
type Analyzer struct {
	lx *lexicon
	hj *hanja
	gl *glossary
	kv *kontsevich
	tr *translit
}

// NewAnalyzer returns an Analyzer with the embedded lexicon.
func NewAnalyzer() (*Analyzer, error) { return LoadAnalyzer(files) }

// LoadAnalyzer returns an Analyzer with the lexicon [LexiconFile] of fsys,
// a file system laid out like the package directory: the embedded [FS], or
// that with a data directory laid over it.
func LoadAnalyzer(fsys fs.FS) (*Analyzer, error) {
	lx, lerr := loadLexicon(fsys)
	hj, herr := loadHanja(fsys)
	gl, gerr := loadGlossary(fsys)
	kv, kerr := loadKontsevich(fsys)
	tr, terr := loadTranslit(fsys)
	if err := errors.Join(lerr, herr, gerr, kerr, terr); err != nil {
		return nil, err
	}
	return &Analyzer{lx: lx, hj: hj, gl: gl, kv: kv, tr: tr}, nil
}

// SameLegalFamily reports whether two canonical legal forms may stand for
// one another ("co" and "ltd", but not "ltd" and "jv").
func (a *Analyzer) SameLegalFamily(x, y string) bool { return a.lx.sameFamily(x, y) }

// Analyze folds, tokenises and classes s: the default reading of s (see
// [Analyzer.Readings] for the others).
func (a *Analyzer) Analyze(s string) Name { return a.analyzeFolded(Fold(s), ReadingDefault) }

// analyzeFolded tokenises and classes folded text as the reading labelled
// reading.
func (a *Analyzer) analyzeFolded(f Folded, reading string) Name {
	raw, spell := a.lx.rewriteNumerals(splitTokens(f.Text))
	n := Name{Foreign: f.Foreign, Reading: reading, Tokens: make([]Token, 0, len(raw))}
	// Whether each word is a word of a phrase of several is looked up
	// once, not once for each phrase tried: a phrase of several words
	// is looked up only when its words are all phrase words, or all but
	// one (misspelt).
	var pwBuf [16]bool
	pw := pwBuf[:0]
	if len(raw) > len(pwBuf) {
		pw = make([]bool, 0, len(raw))
	}
	for _, w := range raw {
		pw = append(pw, a.lx.phraseWords[w])
	}
	for i := 0; i < len(raw); {
		used, ph := a.longestPhrase(raw[i:], pw[i:])
		if used > 0 {
			for _, o := range ph.out {
				n.Tokens = append(n.Tokens, a.token(o, ph.class))
			}
			if len(ph.out) == 1 {
				n.Tokens[len(n.Tokens)-1].Spelling = spelling(raw[i:i+used], ph.out[0])
			}
			i += used
			continue
		}
		t := a.token(raw[i], Word)
		if spell != nil {
			t.Spelling = spell[i]
		}
		n.Tokens = append(n.Tokens, t)
		i++
	}
	return n
}

// spelling returns the words a lexicon phrase rewrote, joined, or "" when
// the phrase kept them as they were.
func spelling(words []string, out string) string {
	if len(words) == 1 {
		if words[0] == out {
			return ""
		}
		return words[0]
	}
	return strings.Join(words, "")
}

// longestPhrase finds the longest lexicon phrase at the start of toks,
// pw telling which of toks are words of a phrase of several (see
// lexicon.phraseWords). A phrase of several words may have one of them
// misspelt by one letter ("jount operation company", "democratic peoples
// urepublic of korea"), so that a typo does not undo it; among phrases of
// one length the exact one wins.
func (a *Analyzer) longestPhrase(toks []string, pw []bool) (int, phrase) {
	maxN := min(a.lx.maxWords, len(toks))
	// All words of a misspelt phrase but one are its own: one of the
	// first two is.
	misspelt := len(toks) >= 2 && (pw[0] || pw[1])
	// missing counts the words of toks[:n] that are no phrase word, for
	// the n tried, longest first.
	missing := 0
	for _, p := range pw[:maxN] {
		if !p {
			missing++
		}
	}
	// The keys are built in one buffer: a lookup with string(key) does
	// not copy it, where strings.Join would allocate on every try.
	var buf [128]byte
	for n := maxN; n >= 1; n-- {
		if n == 1 || missing == 0 {
			key := append(buf[:0], toks[0]...)
			for _, w := range toks[1:n] {
				key = append(append(key, ' '), w...)
			}
			if p, ok := a.lx.phrases[string(key)]; ok {
				return n, p
			}
		}
		if misspelt && n >= 2 && missing <= 1 {
			if p, ok := a.misspeltPhrase(toks[:n], pw[:n]); ok {
				return n, p
			}
		}
		if !pw[n-1] {
			missing--
		}
	}
	return 0, phrase{}
}

// misspeltPhrase returns the lexicon phrase of the words toks with one of
// them, of typoMinLetters letters or more in the phrase, misspelt by one
// letter; pw tells which of toks are phrase words.
func (a *Analyzer) misspeltPhrase(toks []string, pw []bool) (phrase, bool) {
	missing := -1
	for j := range toks {
		if !pw[j] {
			if missing >= 0 {
				return phrase{}, false
			}
			missing = j
		}
	}
	for j := range toks {
		if missing >= 0 && j != missing || len(toks[j]) < typoMinLetters-1 {
			continue
		}
		for _, bp := range a.lx.blurred[blur(toks, j)] {
			if oneEdit(toks[j], bp.word) {
				return bp.p, true
			}
		}
	}
	return phrase{}, false
}

// token classes one folded word.
func (a *Analyzer) token(text string, class Class) Token {
	t := Token{Text: text, Skel: text, Class: class}
	if class == Legal {
		return t
	}
	switch {
	case isDigits(text):
		t.Class = Number
		return t
	case !isASCIILetters(text):
		t.Class = Foreign
		return t
	case len(text) == 1:
		t.Class = Initial
	case a.lx.stopwords[text]:
		t.Class = Stop
	}
	t.Generic = a.lx.generic[text]
	t.Skel = Skeleton(text)
	return t
}

// splitTokens splits folded text on spaces and at every boundary between
// digits and other characters ("no2" → "no", "2").
func splitTokens(s string) []string {
	fields := strings.Fields(s)
	for i, f := range fields {
		if !digitBoundary(f) {
			continue
		}
		// Most names have no such boundary and keep the fields as they
		// are; from the first that has one, the tokens are copied out.
		out := make([]string, i, len(fields)+4)
		copy(out, fields[:i])
		for _, f := range fields[i:] {
			start := 0
			for j := 1; j < len(f); j++ {
				if isDigit(f[j]) != isDigit(f[j-1]) {
					out = append(out, f[start:j])
					start = j
				}
			}
			out = append(out, f[start:])
		}
		return out
	}
	return fields
}

// digitBoundary reports whether f has a digit next to a character that is
// not one.
func digitBoundary(f string) bool {
	for j := 1; j < len(f); j++ {
		if isDigit(f[j]) != isDigit(f[j-1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}
