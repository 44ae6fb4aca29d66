package rules

import (
	"context"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/screen"
)

// benchShipment is the Maybach case with three lines.
func benchShipment(b *testing.B) *Shipment {
	s := exampleShipment(b, "maybach-2018.json")
	s.Lines = append(s.Lines,
		Line{Description: "Swiss wrist-watches, gold case", HS: "9101.11", Quantity: 4, Unit: "item", Value: 40000, Currency: "USD"},
		Line{Description: "milled rice", HS: "1006.30", Quantity: 1000, Unit: "kg", Value: 700, Currency: "USD"})
	return s
}

func benchCheck(b *testing.B, sc PartyScreener) {
	runChecks(b, testEngine(b, sc))
}

// runChecks checks the benchmark shipment with e and reports the rate.
func runChecks(b *testing.B, e *Engine) {
	s := benchShipment(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.Check(ctx, s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "shipments/s")
}

// BenchmarkCheckFakeScreener measures the engine alone: catalogue lookups,
// rule evaluation and the decision, with screening answered from a map.
func BenchmarkCheckFakeScreener(b *testing.B) {
	benchCheck(b, newFakeScreener(nil))
}

// BenchmarkCheckUNOFAC measures whole checks screening against the UN
// consolidated list and the OFAC SDN set of July 2021 of the shared data.
func BenchmarkCheckUNOFAC(b *testing.B) {
	benchCheck(b, unOFAC(b))
}

// unOFAC loads the UN consolidated list and the OFAC SDN set of July 2021.
func unOFAC(tb testing.TB) *screen.Screener {
	tb.Helper()
	un := testenv.Path(tb, "data", "screening", "un", "UN_consolidated_2026-02-27.xml")
	ofac := testenv.Path(tb, "data", "screening", "ofac-sdn-2021-07")
	ctx := context.Background()
	var ls []screen.List
	for _, p := range []string{un, ofac} {
		l, err := screen.Load(ctx, p)
		if err != nil {
			tb.Fatal(err)
		}
		ls = append(ls, l)
	}
	sc, err := screen.NewScreener(ls...)
	if err != nil {
		tb.Fatal(err)
	}
	return sc
}

// BenchmarkCheckClassifierFake measures checks with the classifier as the
// goods assessor and screening from a map.
func BenchmarkCheckClassifierFake(b *testing.B) {
	benchClassifierCheck(b, newFakeScreener(nil))
}

// BenchmarkCheckClassifierUNOFAC measures the CLI's configuration: the
// classifier as the goods assessor and screening against UN and
// OFAC 2021.
func BenchmarkCheckClassifierUNOFAC(b *testing.B) {
	benchClassifierCheck(b, unOFAC(b))
}

func benchClassifierCheck(b *testing.B, sc PartyScreener) {
	runChecks(b, classifierEngine(b, sc))
}

// BenchmarkDefaultRuleSet measures reading the default rules, with the
// port sets they compute from UN/LOCODE.
func BenchmarkDefaultRuleSet(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DefaultRuleSet(); err != nil {
			b.Fatal(err)
		}
	}
}
