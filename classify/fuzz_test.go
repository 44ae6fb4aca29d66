package classify

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTokenize checks that tokenising never panics and that every token is
// a slice of the normalised text in order.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"2 UNITS MERCEDES-MAYBACH S600", "18K 750 Pt950 925", "1.234,5 kg", "劳力士手表", "часы золото 585", "M/Y 24.5m", "\xff\xfe", "85' yacht 24% PbO"} {
		f.Add(s)
	}
	lx, err := LoadLexicon(lexiconFS, "lexicon")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tx := tokenize(s, lx.weak)
		if !utf8.ValidString(tx.norm) && utf8.ValidString(s) {
			t.Errorf("normalised text of valid input is not valid UTF-8")
		}
		prev := 0
		for _, tk := range tx.tokens {
			if tk.start < prev || tk.end > len(tx.norm) || tk.start >= tk.end {
				t.Fatalf("token %q at [%d,%d) out of order in %q", tk.text, tk.start, tk.end, tx.norm)
			}
			if !strings.HasPrefix(tx.norm[tk.start:], tk.text) {
				t.Fatalf("token %q is not the text at %d", tk.text, tk.start)
			}
			prev = tk.end
		}
	})
}

// FuzzAttributes checks that the attribute extractors never panic and give
// finite, non-negative numbers.
func FuzzAttributes(f *testing.F) {
	for _, s := range []string{"3982cc 4.0 L V8 petrol", "LOA 24.5 m 80 ft", "18K 750 gold plated", "Pt950", "circa 1850 19th century", "30% PbO lead crystal", "1:18 scale", "12 x 75cl", "GVW 7.5t", "9999999999999999999999 cc"} {
		f.Add(s)
	}
	lx, err := LoadLexicon(lexiconFS, "lexicon")
	if err != nil {
		f.Fatal(err)
	}
	nv, err := loadNumbers(lexiconFS)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tx := tokenize(s, lx.weak)
		var a attrs
		var m metalSignals
		nv.extract(&tx, &a, &m, 2026)
		applyAttrs(lx.match(&tx, nil), &a, &m)
		m.resolve(&a)
		for i, v := range a {
			if v.set && v.str == "" && (v.num < 0 || v.num != v.num) {
				t.Errorf("attribute %s = %v for %q", attr(i), v.num, s)
			}
		}
		_ = a.list()
	})
}

// FuzzClassify checks that any input gives a result, never a panic, and
// that an input the classifier cannot answer is sent for review.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"Rolex Daytona", "gold colour pendant", "zzzz", "", "9101.21", "с 18 к", "for for for with"} {
		f.Add(s, "")
		f.Add(s, "8716.39")
	}
	c := newClassifier(f)
	f.Fuzz(func(t *testing.T, desc, code string) {
		r := mustClassify(t, c, Item{Description: desc, DeclaredCode: code})
		if r.HS6 == "" && !r.NeedsReview {
			t.Errorf("abstained without review for %q / %q", desc, code)
		}
		if r.HS6 != "" && len(r.HS6) != 6 {
			t.Errorf("HS6 %q is not six digits", r.HS6)
		}
	})
}
