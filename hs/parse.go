package hs

import (
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Errors that classify why [Parse] rejected its input. A [*ParseError]
// wraps exactly one of them; test with [errors.Is].
var (
	ErrEmpty            = errors.New("empty")
	ErrInvalidCharacter = errors.New("not a digit or separator")
	ErrLostLeadingZero  = errors.New("probable lost leading zero")
	ErrTooShort         = errors.New("too short")
	ErrTooLong          = errors.New("too long")
	ErrNoSuchChapter    = errors.New("no such chapter")
)

// ParseError reports why a string is not a commodity code.
type ParseError struct {
	Input  string // the text given to Parse
	Digits int    // how many digits it held
	Detail string // what exactly is wrong, for people
	Err    error  // one of the Err* values of this package
}

// Error returns the input and what is wrong with it.
func (e *ParseError) Error() string {
	return fmt.Sprintf("hs: invalid code %q: %s", e.Input, e.Detail)
}

// Unwrap returns the classifying error.
func (e *ParseError) Unwrap() error { return e.Err }

// maxDigits is the longest national code in use (US HTS, EU TARIC, Korea HSK).
const maxDigits = 10

// Parse parses a commodity code of 2, 4, 6, 8 or 10 digits. Dots, hyphens,
// tabs and spaces (including no-break and thin spaces) may separate digit
// groups, as they do on customs documents: "8703.24.10 90", "8703 24",
// "0101-21". It rejects an odd number of digits as a probable lost leading
// zero (a spreadsheet turns 0101 21 into 10121), and chapter 00 and the
// reserved chapter 77. Every error is a [*ParseError].
func Parse(s string) (Code, error) {
	var buf [maxDigits]byte
	n := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r >= '0' && r <= '9':
			if n == maxDigits {
				return Code{}, &ParseError{Input: s, Digits: countDigits(s), Err: ErrTooLong,
					Detail: fmt.Sprintf("%d digits: too long, national codes have at most %d", countDigits(s), maxDigits)}
			}
			buf[n] = byte(r)
			n++
		case r == '.' || r == ' ' || r == '-' || r == '\t' || unicode.Is(unicode.Zs, r):
			// Zs covers the space, the no-break space and the thin spaces
			// that word processors and PDF exports put between digit groups.
		default:
			what := "letters"
			if !unicode.IsLetter(r) {
				what = "invalid character"
			}
			return Code{}, &ParseError{Input: s, Digits: n, Err: ErrInvalidCharacter,
				Detail: fmt.Sprintf("%s: %q at byte %d", what, r, i)}
		}
		i += size
	}
	switch {
	case n == 0:
		return Code{}, &ParseError{Input: s, Err: ErrEmpty, Detail: "empty"}
	case n == 1:
		return Code{}, &ParseError{Input: s, Digits: n, Err: ErrTooShort,
			Detail: "1 digit: too short, a chapter has 2"}
	case n%2 == 1:
		return Code{}, &ParseError{Input: s, Digits: n, Err: ErrLostLeadingZero,
			Detail: fmt.Sprintf("%d digits: probable lost leading zero (did you mean 0%s?)", n, string(buf[:n]))}
	}
	ch := string(buf[:2])
	if ch == "00" || ch == "77" {
		detail := "chapter 00 does not exist"
		if ch == "77" {
			detail = "chapter 77 is reserved for future use in the HS"
		}
		return Code{}, &ParseError{Input: s, Digits: n, Err: ErrNoSuchChapter, Detail: detail}
	}
	if n == len(s) {
		return Code{digits: s}, nil // bare digits: no copy needed
	}
	return Code{digits: string(buf[:n])}, nil
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}
