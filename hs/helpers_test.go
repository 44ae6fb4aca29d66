package hs

import (
	"github.com/luxscreen/luxscreen/internal/testenv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sharedHS returns the directory of the shared HS data, or skips the test
// when LUXSCREEN_SHARED is unset (the shared data is not in the repository).
func sharedHS(tb testing.TB) string {
	tb.Helper()
	return testenv.Path(tb, "data", "hs")
}

// codeComparer compares Codes by value; Code's field is unexported.
func codeComparer() cmp.Option {
	return cmp.Comparer(func(a, b Code) bool { return a == b })
}

// digitsOf lists the digits of the codes of items, for compact comparisons.
func digitsOf(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Code.Digits())
	}
	return out
}

// tableDigits lists every code of t in order.
func tableDigits(t *Table) []string {
	var out []string
	for it := range t.Items() {
		out = append(out, it.Code.Digits())
	}
	return out
}
