package rules

import (
	"github.com/luxscreen/luxscreen/lists"

	"context"
	"fmt"
	"github.com/luxscreen/luxscreen/party"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestConcurrentReload checks shipments from many goroutines while the
// sanctions list is reloaded and the rules are swapped; run with -race.
// Each decision must be the one of the old or of the new list, never a mix.
func TestConcurrentReload(t *testing.T) {
	sc := newFakeScreener(nil)
	e := testEngine(t, sc)
	s := exampleShipment(t, "maybach-2018.json")
	designated := map[string]party.Result{"DN5505": {Verdict: party.Match, Hits: []party.Hit{{List: "fake", Ref: "V1", Name: "DN5505", Score: 1}}}}
	rs, err := DefaultRuleSet()
	if err != nil {
		t.Fatal(err)
	}
	cfg := *e.cur.Load()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				d, err := e.Check(context.Background(), s)
				if err != nil {
					errs <- err
					return
				}
				if d.Verdict == VerdictClear {
					errs <- fmt.Errorf("verdict clear during reload")
					return
				}
			}
		}()
	}
	for i := 0; i < 50; i++ {
		if i%2 == 0 {
			sc.Reload(designated)
		} else {
			sc.Reload(nil)
		}
		c := cfg
		c.Rules = rs
		if err := e.Update(c); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestDecisionIDDeterministic checks that equal shipments get equal IDs,
// whatever their spacing or letter case, and different ones do not.
func TestDecisionIDDeterministic(t *testing.T) {
	e := testEngine(t, newFakeScreener(nil))
	a := exampleShipment(t, "maybach-2018.json")
	b := exampleShipment(t, "maybach-2018.json")
	b.Route[0].LOCODE = " nlrtm "
	b.Vessel.Flag = "tg"
	da := mustCheck(t, e, a)
	db := mustCheck(t, e, b)
	if da.DecisionID != db.DecisionID {
		t.Errorf("equal shipments: IDs %s and %s differ", da.DecisionID, db.DecisionID)
	}
	b.Lines[0].Quantity = 3
	dc := mustCheck(t, e, b)
	if dc.DecisionID == da.DecisionID {
		t.Error("different shipments share a decision ID")
	}
	rec := da.AuditRecord(fixedNow())
	if rec.DecisionID != da.DecisionID || len(rec.Lines) != 1 || len(rec.Shipment) == 0 {
		t.Errorf("audit record incomplete: %+v", rec)
	}
}

// TestFailClosed checks that a missing screener and a failing assessor
// give review with the reason, never clear.
func TestFailClosed(t *testing.T) {
	e := testEngine(t, nil)
	d := mustCheck(t, e, exampleShipment(t, "rice-humanitarian.json"))
	if d.Verdict != VerdictReview || ruleIDs(d)[0] != "review possible-designated-party" {
		t.Errorf("no sanctions list: %s %v, want review possible-designated-party", d.Verdict, ruleIDs(d))
	}

	e2 := newTestEngine(t, failingAssessor{}, newFakeScreener(nil))
	d = mustCheck(t, e2, exampleShipment(t, "rice-humanitarian.json"))
	if d.Verdict != VerdictReview || ruleIDs(d)[0] != "review goods-need-review" {
		t.Errorf("failing assessor: %s %v, want review goods-need-review", d.Verdict, ruleIDs(d))
	}
}

type failingAssessor struct{}

func (failingAssessor) AssessGoods(context.Context, lists.Goods, *lists.Rates) (lists.Assessment, error) {
	return lists.Assessment{}, fmt.Errorf("classifier unavailable")
}
func (failingAssessor) Version() string { return "failing" }

func TestThresholdAndReferencePrice(t *testing.T) {
	rates, err := lists.ParseRates("rates.yaml", []byte("base: USD\nsource: test\nrates: {EUR: 1.2}\n"))
	if err != nil {
		t.Fatal(err)
	}
	prices, err := ParseReferencePrices("prices.yaml", []byte("prices:\n  - {hs: \"0101\", unit: animal, currency: USD, low: 500, high: 1500, source: test range}\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := testEngine(t, newFakeScreener(nil))
	cfg := *e.cur.Load()
	cfg.Rates, cfg.Prices = rates, prices
	if err := e.Update(cfg); err != nil {
		t.Fatal(err)
	}
	s := exampleShipment(t, "horses-2019-ru.json")
	s.Lines[0].Value, s.Lines[0].Currency = 75509/1.2, "EUR"
	d := mustCheck(t, e, s)
	// 6,292 USD a horse is more than three times the top of 1,500.
	if diff := cmp.Diff([]string{"review dprk-destination", "review unit-value-above-reference"}, ruleIDs(d)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// TestDesignatedAfterShipment checks that a party designated after the
// shipment date is a review, not a block, and that the evidence says why.
func TestDesignatedAfterShipment(t *testing.T) {
	hit := func(listed string) map[string]party.Result {
		return map[string]party.Result{"CHINA COSCO SHIPPING CORPORATION": {
			Verdict: party.Match,
			Hits:    []party.Hit{{List: "fake", Ref: "X.1", Name: "CHINA COSCO SHIPPING CORPORATION", Score: 1, ListedOn: listed}},
		}}
	}
	tests := []struct {
		listed  string
		verdict Verdict
		after   bool
	}{
		{"2017-06-01", VerdictBlock, false}, // listed before the 2018-10-01 shipment
		{"2019-03-01", VerdictReview, true}, // listed after it
		{"", VerdictBlock, false},           // no date: the designation stands
	}
	for _, tt := range tests {
		e := testEngine(t, newFakeScreener(hit(tt.listed)))
		d := mustCheck(t, e, exampleShipment(t, "maybach-2018.json"))
		if d.Verdict != tt.verdict {
			t.Errorf("listed %q: verdict %s, want %s; findings %v", tt.listed, d.Verdict, tt.verdict, ruleIDs(d))
		}
		var said bool
		for _, f := range d.Findings {
			for _, ev := range f.Evidence {
				if strings.Contains(ev.Detail, "designated after the shipment date 2018-10-01") {
					said = true
				}
			}
		}
		if said != tt.after {
			t.Errorf("listed %q: evidence says designated after = %v, want %v", tt.listed, said, tt.after)
		}
	}
}
