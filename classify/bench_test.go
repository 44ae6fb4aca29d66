package classify

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen/hs"
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

// ordinaryDescriptions are lines of ordinary trade, most of which the
// luxury lexicon does not answer for: the index places them.
var ordinaryDescriptions = []string{
	"centrifugal water pumps",
	"copper cathodes, grade A",
	"frozen chicken cuts",
	"cotton t-shirts, knitted, men's",
	"polyethylene granules, 25kg bags",
	"stainless steel kitchen sink",
	"wooden kitchen chopping board",
	"lithium-ion battery packs for e-bikes",
	"tractor tyres 420/85R34",
	"rice 25kg bags",
	"charger for Nintendo Switch",
	"hot-rolled steel coils, 4 mm",
}

// BenchmarkClassifyDefault classifies a mix of ordinary and luxury
// descriptions with the default classifier (the embedded lexicon and the
// index of the embedded HS 2022), and reports the median time per
// description as p50-ns/op besides the mean.
func BenchmarkClassifyDefault(b *testing.B) {
	c := newClassifier(b)
	var items []Item
	for _, d := range append(slices.Clone(ordinaryDescriptions), benchDescriptions...) {
		items = append(items, Item{Description: d})
	}
	benchP50(b, c, items)
}

// benchP50 classifies items in turn, after one untimed pass that builds
// the index and caches, and reports the median time per description as
// p50-ns/op besides the mean.
func benchP50(b *testing.B, c *Classifier, items []Item) {
	ctx := context.Background()
	for _, it := range items {
		if _, err := c.Classify(ctx, it); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	times := make([]time.Duration, 0, 4096)
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := c.Classify(ctx, items[i%len(items)]); err != nil {
			b.Fatal(err)
		}
		if len(times) < cap(times) {
			times = append(times, time.Since(start))
		}
		i++
	}
	slices.Sort(times)
	if len(times) > 0 {
		b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "p50-ns/op")
	}
}

// BenchmarkClassifyOrdinarySets classifies every description of the
// committed sets of ordinary goods (bill-of-lading, invoice and
// e-commerce lines in five scripts) in turn, with their values, and
// reports the median time per description as p50-ns/op.
func BenchmarkClassifyOrdinarySets(b *testing.B) {
	var items []Item
	for _, name := range []string{"testdata/ordinary.jsonl", "testdata/ordinary-2.jsonl"} {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var l struct {
				Description string  `json:"description"`
				Value       float64 `json:"value"`
				Currency    string  `json:"currency"`
				Quantity    float64 `json:"quantity"`
				Unit        string  `json:"unit"`
			}
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				b.Fatalf("%s: %v", name, err)
			}
			items = append(items, Item{Description: l.Description, Value: l.Value, Currency: l.Currency, Quantity: l.Quantity, Unit: l.Unit})
		}
		f.Close()
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
	}
	benchP50(b, newClassifier(b), items)
}

// BenchmarkBuildIndex measures indexing the embedded HS 2022, which a
// default classifier does on its first description.
func BenchmarkBuildIndex(b *testing.B) {
	n, err := hs.EmbeddedHS2022()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := buildIndex(context.Background(), n); err != nil {
			b.Fatal(err)
		}
	}
}
