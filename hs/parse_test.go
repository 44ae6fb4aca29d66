package hs

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	type result struct {
		Digits, HS6, National, Level string
	}
	tests := []struct {
		in   string
		want result
	}{
		{"87", result{"87", "87", "", "chapter"}},
		{"8703", result{"8703", "8703", "", "heading"}},
		{"870324", result{"870324", "870324", "", "subheading"}},
		{"8703.24", result{"870324", "870324", "", "subheading"}},
		{"8703 24", result{"870324", "870324", "", "subheading"}},
		{"8703-24", result{"870324", "870324", "", "subheading"}},
		{"8703\u00a024", result{"870324", "870324", "", "subheading"}}, // no-break space
		{"8703\u202f24", result{"870324", "870324", "", "subheading"}}, // narrow no-break space
		{"8703\u200924", result{"870324", "870324", "", "subheading"}}, // thin space
		{"\t 8703.24 ", result{"870324", "870324", "", "subheading"}},
		{" 0101 21 00 ", result{"01012100", "010121", "00", "national"}}, // CN8 with leading zero
		{"9101.21.00", result{"91012100", "910121", "00", "national"}},
		{"8703.24.10 90", result{"8703241090", "870324", "1090", "national"}},
		{"8703.24.10.90", result{"8703241090", "870324", "1090", "national"}},
		{"8703--24..10  90", result{"8703241090", "870324", "1090", "national"}},
	}
	for _, tt := range tests {
		c, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		got := result{c.Digits(), c.HS6(), c.National(), c.Level().String()}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in         string
		want       error
		digits     int
		wantDetail string // a part of the message
	}{
		{"", ErrEmpty, 0, "empty"},
		{" .- ", ErrEmpty, 0, "empty"},
		{"87a3", ErrInvalidCharacter, 2, `letters: 'a' at byte 2`},
		{"HS 8703", ErrInvalidCharacter, 0, "letters: 'H'"},
		{"8703/24", ErrInvalidCharacter, 4, `invalid character: '/' at byte 4`},
		{"8703\n24", ErrInvalidCharacter, 4, `invalid character: '\n'`},
		{"87\xff03", ErrInvalidCharacter, 2, "invalid character"},
		{"8", ErrTooShort, 1, "1 digit: too short"},
		{"1012100", ErrLostLeadingZero, 7, "7 digits: probable lost leading zero (did you mean 01012100?)"},
		{"101", ErrLostLeadingZero, 3, "3 digits: probable lost leading zero"},
		{"8703.24.109", ErrLostLeadingZero, 9, "9 digits: probable lost leading zero"},
		{"87032410901", ErrTooLong, 11, "11 digits: too long, national codes have at most 10"},
		{"8703.24.10.90.00", ErrTooLong, 12, "12 digits: too long"},
		{"00", ErrNoSuchChapter, 2, "chapter 00 does not exist"},
		{"0000.00", ErrNoSuchChapter, 6, "chapter 00 does not exist"},
		{"7701", ErrNoSuchChapter, 4, "chapter 77 is reserved"},
	}
	for _, tt := range tests {
		c, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error %v", tt.in, c, tt.want)
			continue
		}
		if !c.IsZero() {
			t.Errorf("Parse(%q) returned %v with its error, want the zero Code", tt.in, c)
		}
		if !errors.Is(err, tt.want) {
			t.Errorf("Parse(%q) error %v, want errors.Is %v", tt.in, err, tt.want)
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q) error %T, want *ParseError", tt.in, err)
			continue
		}
		if diff := cmp.Diff(ParseError{Input: tt.in, Digits: tt.digits, Err: tt.want}, *pe,
			cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Detail" }, cmp.Ignore()),
			cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
			t.Errorf("Parse(%q) error mismatch (-want +got):\n%s", tt.in, diff)
		}
		if !strings.Contains(err.Error(), tt.wantDetail) || !strings.HasPrefix(err.Error(), "hs: invalid code ") {
			t.Errorf("Parse(%q) error %q, want it to contain %q", tt.in, err, tt.wantDetail)
		}
	}
}

func TestMustParse(t *testing.T) {
	if got := MustParse("9101.21").Digits(); got != "910121" {
		t.Errorf("MustParse(9101.21) = %s, want 910121", got)
	}
	defer func() {
		err, _ := recover().(error)
		if !errors.Is(err, ErrLostLeadingZero) {
			t.Errorf("MustParse(10121) panicked with %v, want a ParseError for a lost leading zero", err)
		}
	}()
	MustParse("10121")
}
