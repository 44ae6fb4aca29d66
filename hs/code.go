package hs

import (
	"strings"
)

// Level is the depth of a code in the nomenclature.
type Level int

// The levels of the HS and its national extensions.
const (
	Chapter    Level = 2  // two digits, e.g. 87
	Heading    Level = 4  // four digits, e.g. 8703
	Subheading Level = 6  // six digits, the international HS6, e.g. 870324
	National8  Level = 8  // an eight-digit national line (EU CN8, China)
	National10 Level = 10 // a ten-digit national line (US HTS, EU TARIC, Korea HSK)
)

// String returns the name of the level.
func (l Level) String() string {
	switch l {
	case Chapter:
		return "chapter"
	case Heading:
		return "heading"
	case Subheading:
		return "subheading"
	case National8, National10:
		return "national"
	}
	return "invalid"
}

// Code is a parsed commodity code. The zero Code is invalid; obtain one from
// [Parse] or [MustParse]. Codes are comparable and may be used as map keys.
type Code struct {
	digits string
}

// MustParse is like [Parse] but panics if s is not a valid code. It is meant
// for codes written in source, such as test tables.
func MustParse(s string) Code {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsZero reports whether c is the zero Code.
func (c Code) IsZero() bool { return c.digits == "" }

// Digits returns the code as bare digits, e.g. "8703241090".
func (c Code) Digits() string { return c.digits }

// Len returns the number of digits.
func (c Code) Len() int { return len(c.digits) }

// Level returns the depth of the code.
func (c Code) Level() Level { return Level(len(c.digits)) }

// Chapter returns the two-digit chapter, e.g. "87".
func (c Code) Chapter() string { return c.prefix(2) }

// Heading returns the four-digit heading, or "" for a chapter.
func (c Code) Heading() string {
	if len(c.digits) < 4 {
		return ""
	}
	return c.digits[:4]
}

// HS6 returns the internationally harmonised part of the code: its first six
// digits, or fewer for a chapter or heading.
func (c Code) HS6() string { return c.prefix(6) }

// National returns the digits beyond HS6 that a national nomenclature adds,
// e.g. "1090" for "8703.24.10 90", or "" when there are none.
func (c Code) National() string {
	if len(c.digits) <= 6 {
		return ""
	}
	return c.digits[6:]
}

// Truncate returns the code cut to n digits, or c itself when it is not
// longer than n. n is rounded down to an even number, and raised to 2 when
// smaller, so the result is always a valid code (or the zero Code for c
// zero).
func (c Code) Truncate(n int) Code {
	n = max(n&^1, 2)
	if n >= len(c.digits) {
		return c
	}
	return Code{digits: c.digits[:n]}
}

// Parent returns the code one level up (a heading's chapter, an HS6's
// heading) and false for a chapter, which has no parent.
func (c Code) Parent() (Code, bool) {
	if len(c.digits) <= 2 {
		return Code{}, false
	}
	return Code{digits: c.digits[:len(c.digits)-2]}, true
}

// Covers reports whether d falls under c: c is a prefix of d. Every code
// covers itself; 9101 covers 9101.21.00 but not the other way round.
func (c Code) Covers(d Code) bool {
	return c.digits != "" && strings.HasPrefix(d.digits, c.digits)
}

// String formats the code in the dotted form used on customs documents:
// "87", "8703", "8703.24", "8703.24.10", "8703.24.10.90".
func (c Code) String() string {
	d := c.digits
	if len(d) <= 4 {
		return d
	}
	var b strings.Builder
	b.Grow(len(d) + 3)
	b.WriteString(d[:4])
	for i := 4; i < len(d); i += 2 {
		b.WriteByte('.')
		b.WriteString(d[i : i+2])
	}
	return b.String()
}

// MarshalText encodes the code as bare digits, so that codes in JSON and
// YAML are unambiguous for other programs.
func (c Code) MarshalText() ([]byte, error) { return []byte(c.digits), nil }

// UnmarshalText parses text with [Parse]. Empty text gives the zero Code,
// as the zero Code marshals to empty text; a caller that requires a code
// must check [Code.IsZero].
func (c *Code) UnmarshalText(text []byte) error { return unmarshalText(c, text, Parse) }

// unmarshalText sets *dst to what parse reads from text, or to the zero
// value for empty text, which is what the zero value marshals to.
func unmarshalText[T any](dst *T, text []byte, parse func(string) (T, error)) error {
	if len(text) == 0 {
		var zero T
		*dst = zero
		return nil
	}
	v, err := parse(string(text))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

func (c Code) prefix(n int) string {
	if len(c.digits) < n {
		return c.digits
	}
	return c.digits[:n]
}
