package hs

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// The seed corpora are in testdata/fuzz/<FuzzName>; f.Add adds the inline
// fixtures, which are too long to keep twice.

func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Input != s || pe.Err == nil || !errors.Is(err, pe.Err) {
				t.Fatalf("Parse(%q) error %#v is not a classified *ParseError", s, err)
			}
			if !c.IsZero() {
				t.Fatalf("Parse(%q) returned %v with an error", s, c)
			}
			return
		}
		d := c.Digits()
		if n := len(d); n < 2 || n > 10 || n%2 != 0 {
			t.Fatalf("Parse(%q) = %q: %d digits", s, d, n)
		}
		if strings.Trim(d, "0123456789") != "" || d[:2] == "00" || d[:2] == "77" {
			t.Fatalf("Parse(%q) = %q, not a valid code", s, d)
		}
		for _, form := range []string{c.String(), d} {
			back, err := Parse(form)
			if err != nil || back != c {
				t.Fatalf("Parse(%q) = %q, but Parse(%q) = %v, %v", s, d, form, back, err)
			}
		}
		var u Code
		text, _ := c.MarshalText()
		if err := u.UnmarshalText(text); err != nil || u != c {
			t.Fatalf("text round trip of %q: %v, %v", d, u, err)
		}
		if !c.Covers(c) || !c.Truncate(2).Covers(c) {
			t.Fatalf("%q does not cover itself or is not covered by its chapter", d)
		}
	})
}

func FuzzParseEdition(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseEdition(s)
		if err != nil {
			if !e.IsZero() {
				t.Fatalf("ParseEdition(%q) returned %v with an error", s, e)
			}
			return
		}
		back, err := ParseEdition(e.String())
		if err != nil || back != e {
			t.Fatalf("ParseEdition(%q) = %v, but ParseEdition(%q) = %v, %v", s, e, e.String(), back, err)
		}
		if b := e.Base(); b.System != "HS" || b.Year > e.Year {
			t.Fatalf("%v.Base() = %v", e, b)
		}
	})
}

// checkTable checks what every table read without error must satisfy.
func checkTable(t *testing.T, tab *Table, err error) {
	t.Helper()
	if err != nil {
		var le *LoadError
		if tab != nil || !errors.As(err, &le) {
			t.Fatalf("got table %v and error %v (%T), want no table and a *LoadError", tab, err, err)
		}
		return
	}
	if tab.Len() == 0 {
		t.Fatal("empty table without an error")
	}
	prev := ""
	for it := range tab.Items() {
		d := it.Code.Digits()
		if d <= prev {
			t.Fatalf("codes out of order: %q after %q", d, prev)
		}
		prev = d
		if !tab.Exists(it.Code) {
			t.Fatalf("line %s does not exist", it.Code)
		}
		for _, ch := range tab.Children(it.Code) {
			if !it.Code.Covers(ch.Code) || ch.Code == it.Code {
				t.Fatalf("child %s of %s", ch.Code, it.Code)
			}
		}
	}
}

func FuzzReadHSCSV(f *testing.F) {
	f.Add([]byte(hs2022CSV))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := ReadHSCSV(bytes.NewReader(data), HS2022)
		checkTable(t, tab, err)
	})
}

func FuzzReadCN(f *testing.F) {
	f.Add([]byte(cn2026CSV))
	f.Add([]byte(cn2026DatedCSV))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := ReadCN(bytes.NewReader(data), Edition{"CN", 2026})
		checkTable(t, tab, err)
	})
}

func FuzzReadCorrelation(f *testing.F) {
	f.Add([]byte(correlationCSV))
	f.Add([]byte(correlationExCSV))
	f.Add([]byte(conversionCSV))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadCorrelation(bytes.NewReader(data))
		if err != nil {
			var le *LoadError
			if c != nil || !errors.As(err, &le) {
				t.Fatalf("got %v and error %v (%T), want no table and a *LoadError", c, err, err)
			}
			return
		}
		a, b := c.Editions()
		for code, links := range c.forward.links {
			for _, n := range []int{2, 4, 6} {
				got, err := c.Map(MustParse(code).Truncate(n), a)
				if err != nil || len(got) == 0 {
					t.Fatalf("Map(%s, %v) = %v, %v", code, a, got, err)
				}
			}
			for _, l := range links {
				back, err := c.Map(l.To, b)
				if err != nil {
					t.Fatalf("Map(%s, %v): %v", l.To, b, err)
				}
				found := false
				for _, bl := range back {
					found = found || bl.To.Digits() == code
				}
				if !found {
					t.Fatalf("%s → %s has no link back", code, l.To)
				}
			}
		}
	})
}
