package ruleseval

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
)

func fixedNow() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

// exampleShipment reads a shipment of examples/shipments.
func exampleShipment(t testing.TB, name string) *rules.Shipment {
	t.Helper()
	p := filepath.Join("..", "..", "examples", "shipments", name)
	b := testenv.ReadFile(t, p)
	s, err := rules.Decode(p, b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// demoScreener screens against the embedded demo list.
func demoScreener(t testing.TB) rules.PartyScreener {
	t.Helper()
	demo, err := screen.DemoList()
	if err != nil {
		t.Fatal(err)
	}
	sc, err := screen.NewScreener(demo)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// catalogue is the embedded catalogue.
func catalogue(t testing.TB) *lists.Catalogue {
	t.Helper()
	cat, err := lists.Default(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// newEngine completes cfg with the demo screener and the fixed clock.
func newEngine(t testing.TB, cfg rules.Config) *rules.Engine {
	t.Helper()
	cfg.Parties, cfg.Now = demoScreener(t), fixedNow
	e, err := rules.NewEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// testEngine is an engine on the embedded catalogue, rules and reference
// data, screening against the demo list.
func testEngine(t testing.TB) *rules.Engine {
	t.Helper()
	return newEngine(t, rules.Config{Goods: catalogue(t)})
}

// evalEngine is the engine "luxscreen check" builds (and "luxscreen eval
// check" measures): the classifier over the embedded catalogue, the
// embedded demo sanctions list, and the set's own rates and reference
// prices.
func evalEngine(t testing.TB) *rules.Engine {
	t.Helper()
	cl, err := classify.New(catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		b := testenv.ReadFile(t, filepath.Join("..", "testdata", "eval", name))
		return b
	}
	rates, err := lists.ParseRates("rates.yaml", read("rates.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	prices, err := rules.ParseReferencePrices("prices.yaml", read("prices.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return newEngine(t, rules.Config{Goods: cl, Rates: rates, Prices: prices})
}
