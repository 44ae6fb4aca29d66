package screeneval

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTypos checks that every typo is one edit inside one token of the
// name: one letter fewer or more, or the same length with the difference
// confined to one position or one adjacent pair.
func FuzzTypos(f *testing.F) {
	f.Add("KOREA MINING DEVELOPMENT TRADING CORPORATION")
	f.Fuzz(func(t *testing.T, name string) {
		if len(name) > 200 {
			return
		}
		seen := map[string]bool{}
		for _, ty := range Typos(name) {
			if ty.Text == name || seen[ty.Text] {
				t.Fatalf("%q: typo %q is the name or repeated", name, ty.Text)
			}
			seen[ty.Text] = true
			if !oneEdit(name, ty) {
				t.Fatalf("%q → %q (%s): not one edit", name, ty.Text, ty.Op)
			}
		}
	})
}

// oneEdit reports whether ty is one edit of its kind away from name.
func oneEdit(name string, ty Typo) bool {
	a, b := name, ty.Text
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	da, db := len(a)-p-s, len(b)-p-s
	switch ty.Op {
	case OpDelete:
		return da == 1 && db == 0
	case OpInsert:
		return da == 0 && db == 1
	case OpSubstitue:
		return da == 1 && db == 1
	case OpTranspose:
		return da == 2 && db == 2 && a[p] == b[p+1] && a[p+1] == b[p]
	}
	return false
}

// FuzzNumeralVariants checks that variants are new, distinct, valid
// UTF-8 when the name is, and that a name without digits or number words
// has none.
func FuzzNumeralVariants(f *testing.F) {
	f.Add("OFFICE 39")
	f.Fuzz(func(t *testing.T, name string) {
		vs := NumeralVariants(name)
		seen := map[string]bool{name: true}
		for _, v := range vs {
			if seen[v] {
				t.Fatalf("%q: variant %q repeated or the name", name, v)
			}
			seen[v] = true
			if utf8.ValidString(name) && !utf8.ValidString(v) {
				t.Fatalf("%q: variant %q is not UTF-8", name, v)
			}
		}
		if !strings.ContainsAny(name, "0123456789") && len(vs) > 0 && !hasOrdinalWord(name) {
			t.Fatalf("%q: variants %q without a number", name, vs)
		}
	})
}

func hasOrdinalWord(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		for _, o := range ordinalWords {
			if w == o {
				return true
			}
		}
	}
	return false
}
