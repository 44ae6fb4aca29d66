package classify

import (
	"context"
	"testing"
)

var benchDescriptions = []string{
	"2 UNITS MERCEDES-MAYBACH S600 GUARD ARMOURED SALOON",
	"Orlov trotter stallions for breeding",
	"gold colour alloy pendant",
	"ROLEX DAY-DATE 40 228238 18K YELLOW GOLD AUTOMATIC WRISTWATCH",
	"hand-knotted Persian Tabriz rug, wool and silk, 300x200 cm",
	"Château Margaux 2015 Premier Grand Cru Classé, 12 x 75cl",
	"leather watch strap 20mm for Rolex",
	"Motor yacht Azimut Grande 27 Metri, LOA 26.8 m, twin diesel",
}

func benchClassify(b *testing.B, c *Classifier, items []Item) {
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := c.Classify(ctx, items[i%len(items)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func descItems() []Item {
	items := make([]Item, len(benchDescriptions))
	for i, d := range benchDescriptions {
		items[i] = Item{Description: d}
	}
	return items
}

// BenchmarkClassifyLexicon classifies descriptions with the embedded
// lexicon and the full catalogue.
func BenchmarkClassifyLexicon(b *testing.B) {
	benchClassify(b, newClassifier(b), descItems())
}

// BenchmarkClassifyNomenclature adds the BM25 index over HS 2022.
func BenchmarkClassifyNomenclature(b *testing.B) {
	c := newClassifier(b, WithNomenclature(hs2022(b)))
	items := append(descItems(), Item{Description: "frozen boneless bovine meat"}, Item{Description: "stainless steel kitchen sink"})
	benchClassify(b, c, items)
}

// BenchmarkClassifyCodeOnly looks up declared codes without a description.
func BenchmarkClassifyCodeOnly(b *testing.B) {
	benchClassify(b, newClassifier(b), []Item{{DeclaredCode: "9101.21"}, {DeclaredCode: "870324"}, {DeclaredCode: "6403.51.00"}})
}

// BenchmarkTokenize measures the tokenizer alone.
func BenchmarkTokenize(b *testing.B) {
	lx, err := LoadLexicon(lexiconFS, "lexicon")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = tokenize(benchDescriptions[i%len(benchDescriptions)], lx.weak)
		i++
	}
}
