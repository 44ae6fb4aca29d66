package screen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEditLowerBound checks the packed bound against the histograms' on
// every pair of a set of words and their single edits, words with a
// letter eight times or more (whose counts are held back) among them,
// and on a sixteenth of the pairs that it does not exceed the edit
// distance of two ASCII words.
func TestEditLowerBound(t *testing.T) {
	words := []string{"", "a", "N", "ryongbong", "ryonbong", "yonbong", "choson", "chosun", "joseon",
		"korea", "koryo", "mississippi", "aaaaaaa", "aaaaaaaa", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbc",
		"zzzzzzzzzzzzzzzzzzzzz", "x-ray", "o'brien", "café", "N" + strings.Repeat("n", 9), "abcdefghijklmnopqrstuvwxyz"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		b := make([]byte, r.IntN(14))
		for i := range b {
			b[i] = "aaaeioungkrsNz-"[r.IntN(15)]
		}
		words = append(words, string(b))
	}
	for _, w := range words[:len(words):len(words)] {
		words = append(words, typoAt(w, r), typoAt(w, r))
	}
	// The bounds of every pair, as "a b bound", where the two differ.
	var diffs []string
	capped := 0
	for i, a := range words {
		an := countLetters(a)
		if an.hi&letterCapped != 0 {
			capped++
		}
		for j, b := range words {
			ha, hb := histogram(a), histogram(b)
			got, want := editLowerBound(a, b, an, countLetters(b)), levLowerBound(&ha, &hb)
			if got != want {
				diffs = append(diffs, fmt.Sprintf("%q %q: %d, histograms %d", a, b, got, want))
			}
			// Against the edit distance, every 16th pair (the distance
			// costs most of the test). Letters are counted by the byte,
			// as names are compared once folded to ASCII.
			if (i*len(words)+j)%16 != 0 || !isASCII(a) || !isASCII(b) {
				continue
			}
			if d := levenshtein(a, b); got > d {
				t.Errorf("editLowerBound(%q, %q) = %d, above the edit distance %d", a, b, got, d)
			}
		}
	}
	if diff := cmp.Diff([]string(nil), diffs); diff != "" {
		t.Errorf("packed bound differs from the histograms' on %d pairs:\n%s", len(diffs), diff)
	}
	if capped == 0 || capped == len(words) {
		t.Errorf("%d of %d words have a count held back: the check covers one way only", capped, len(words))
	}
}

func BenchmarkEditLowerBound(b *testing.B) {
	x, y := "ryongbong", "ryonbong"
	xn, yn := countLetters(x), countLetters(y)
	b.Run("packed", func(b *testing.B) {
		for b.Loop() {
			editLowerBound(x, y, xn, yn)
		}
	})
	b.Run("counted", func(b *testing.B) {
		for b.Loop() {
			hx, hy := histogram(x), histogram(y)
			levLowerBound(&hx, &hy)
		}
	})
}
