package ruleseval_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/rules/ruleseval"
)

// Evaluate a labelled set against the engine luxscreen.Open wires from the
// embedded data: here two documented cases, each with the complete set of
// findings it must raise.
func ExampleEvaluate() {
	ctx := context.Background()
	sys, err := luxscreen.Open(ctx, luxscreen.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer sys.Close()
	set, err := ruleseval.ReadLabelled(strings.NewReader(`
{"shipment": {"id": "horses-eu", "date": "2019-12-01", "route": [{"locode": "DEHAM"}, {"country": "KP"}], "destination": "KP", "lines": [{"description": "pure-bred horses", "hs": "0101.21.00", "quantity": 12, "unit": "head", "value": 75509, "currency": "USD"}]}, "expect": {"verdict": "block", "rules": ["dprk-controlled-goods-to-kp"], "not_rules": ["*"]}, "why": "EU Annex VIII binds an exporter in Hamburg"}
{"shipment": {"id": "horses-ru", "date": "2019-12-01", "route": [{"country": "RU"}, {"country": "KP"}], "destination": "KP", "lines": [{"description": "pure-bred horses", "hs": "0101.21", "quantity": 12, "unit": "head", "value": 75509, "currency": "USD"}]}, "expect": {"verdict": "review", "rules": ["dprk-destination"], "not_rules": ["*"]}, "why": "no list binding a Russian exporter covers horses"}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := ruleseval.Evaluate(ctx, sys.Engine(), set)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("verdict accuracy %.2f, block recall %.2f, passed %d of %d\n", m.VerdictAccuracy, m.BlockRecall, m.Passed, m.N)
	// Output:
	// verdict accuracy 1.00, block recall 1.00, passed 2 of 2
}
