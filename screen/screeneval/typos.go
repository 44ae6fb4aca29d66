package screeneval

import (
	"strconv"
	"strings"
)

// Edit operations of the typo set.
const (
	OpDelete    = "deletion"
	OpInsert    = "insertion"
	OpSubstitue = "substitution"
	OpTranspose = "transposition"
)

// minTypoToken is the shortest token the typo set edits: the issue's "any
// token of five or more letters". Shorter tokens (KIM, RI, CO) are left
// alone because one edit in them makes another name as often as a typo.
const minTypoToken = 5

// Typo is one misspelling of a name.
type Typo struct {
	Text string
	Op   string
}

// Typos returns every single-character deletion, insertion (a–z),
// substitution (a–z) and transposition of adjacent letters inside every
// token of at least five letters of name, each distinct text once and none
// equal to name. A token is a run of ASCII letters; letters written in
// upper case by the list are inserted and substituted in upper case.
func Typos(name string) []Typo {
	seen := map[string]bool{name: true}
	var out []Typo
	add := func(text, op string) {
		if !seen[text] {
			seen[text] = true
			out = append(out, Typo{text, op})
		}
	}
	for _, sp := range letterRuns(name) {
		lo, hi := sp[0], sp[1]
		if hi-lo < minTypoToken {
			continue
		}
		pre, tok, post := name[:lo], name[lo:hi], name[hi:]
		alpha := "abcdefghijklmnopqrstuvwxyz"
		if strings.ToUpper(tok) == tok {
			alpha = strings.ToUpper(alpha)
		}
		for i := range len(tok) {
			add(pre+tok[:i]+tok[i+1:]+post, OpDelete)
		}
		for i := 0; i <= len(tok); i++ {
			for j := range len(alpha) {
				add(pre+tok[:i]+alpha[j:j+1]+tok[i:]+post, OpInsert)
			}
		}
		for i := range len(tok) {
			for j := range len(alpha) {
				add(pre+tok[:i]+alpha[j:j+1]+tok[i+1:]+post, OpSubstitue)
			}
		}
		for i := 0; i+1 < len(tok); i++ {
			add(pre+tok[:i]+tok[i+1:i+2]+tok[i:i+1]+tok[i+2:]+post, OpTranspose)
		}
	}
	return out
}

// letterRuns returns the byte spans [start, end) of the runs of ASCII
// letters in s.
func letterRuns(s string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(s); i++ {
		letter := i < len(s) && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z')
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	return out
}

// ordinalWords are the ordinal words the numeral variants write and read,
// first to twentieth.
var ordinalWords = [...]string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}

// NumeralVariants returns the other ways of writing each number of name
// that a document may use: a number n (39, #39, No. 39, 2nd, Second, II)
// is rewritten as each of the forms it is not already in: n, No. n,
// Roman n (for n < 4000), and, for n ≤ 20, the ordinal 2nd and Second. A name without a
// number has none.
func NumeralVariants(name string) []string {
	toks := strings.Fields(name)
	seen := map[string]bool{name: true}
	var out []string
	for i := 0; i < len(toks); i++ {
		n, width := numberAt(toks, i)
		if n == 0 {
			continue
		}
		for _, form := range numberForms(n) {
			v := strings.Join(append(append(append([]string{}, toks[:i]...), form), toks[i+width:]...), " ")
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
		i += width - 1
	}
	return out
}

// numberAt reads the number written at toks[i] and returns it with the
// number of tokens it spans, or 0 when there is none: "39", "#39", "No.",
// "39", "2ND", "SECOND". Roman numerals are not read, because "I" and
// "V" are also initials.
func numberAt(toks []string, i int) (int, int) {
	t := strings.ToLower(toks[i])
	if (t == "no." || t == "no") && i+1 < len(toks) {
		if n, err := strconv.Atoi(toks[i+1]); err == nil && n > 0 {
			return n, 2
		}
		return 0, 0
	}
	t = strings.TrimPrefix(t, "#")
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if d, ok := strings.CutSuffix(t, suf); ok && d != "" && d[0] >= '0' && d[0] <= '9' {
			t = d
		}
	}
	if n, err := strconv.Atoi(t); err == nil && n > 0 {
		return n, 1
	}
	for k, w := range ordinalWords {
		if t == w {
			return k + 1, 1
		}
	}
	return 0, 0
}

// numberForms writes n in every form NumeralVariants uses.
func numberForms(n int) []string {
	forms := []string{strconv.Itoa(n), "No. " + strconv.Itoa(n)}
	if n < 4000 {
		forms = append(forms, roman(n))
	}
	if n <= len(ordinalWords) {
		w := ordinalWords[n-1]
		forms = append(forms, strconv.Itoa(n)+ordinalSuffix(n), strings.ToUpper(w[:1])+w[1:])
	}
	return forms
}

func ordinalSuffix(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return "th"
	case n%10 == 1:
		return "st"
	case n%10 == 2:
		return "nd"
	case n%10 == 3:
		return "rd"
	}
	return "th"
}

// roman writes n (1 ≤ n < 4000) in Roman numerals.
func roman(n int) string {
	vals := [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
