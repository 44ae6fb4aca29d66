package datafile

import (
	"errors"
	"strings"
	"testing"
)

// FuzzDecode checks that any input either decodes or fails with placed
// problems that each wrap a sentinel, and never panics.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("id: a\nitems:\n  - code: '01'\n"))
	f.Add([]byte("id: a\nid: b\n"))
	f.Add([]byte("keys: {a: b, a: c}\ninner: &x {code: y}\nitems: [*x, *x]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v testDoc
		_, err := Decode("fuzz.yaml", data, &v)
		for _, e := range Problems(err) {
			if e.File != "fuzz.yaml" {
				t.Fatalf("problem without its file: %v", e)
			}
			if !errors.Is(e, ErrSyntax) && !errors.Is(e, ErrUnknownField) && !errors.Is(e, ErrDuplicate) &&
				!errors.Is(e, ErrMissing) && !errors.Is(e, ErrInvalid) {
				t.Fatalf("problem wraps no sentinel: %v", e)
			}
			if !strings.HasPrefix(e.Error(), "fuzz.yaml") {
				t.Fatalf("message does not start with the file: %q", e.Error())
			}
		}
	})
}
