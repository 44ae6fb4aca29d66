package rules_test

import (
	"context"
	"fmt"
	"log"

	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
)

// Check a shipment against the embedded lists and default rules, screening
// its parties against the embedded demo sanctions list.
func ExampleEngine_Check() {
	ctx := context.Background()
	cat, err := lists.Default(ctx)
	if err != nil {
		log.Fatal(err)
	}
	demo, err := screen.DemoList()
	if err != nil {
		log.Fatal(err)
	}
	sc, err := screen.NewScreener(demo)
	if err != nil {
		log.Fatal(err)
	}
	eng, err := rules.NewEngine(rules.Config{Goods: cat, Parties: sc})
	if err != nil {
		log.Fatal(err)
	}
	shipment, err := rules.Decode("maybach.json", []byte(`{
	  "id": "maybach-2018", "date": "2018-10-01",
	  "parties": [{"role": "consignee", "name": "Do Young Shipping", "country": "MH"}],
	  "vessel": {"name": "DN5505", "flag": "TG"},
	  "route": [{"locode": "NLRTM"}, {"name": "Dalian"}, {"name": "Osaka"}, {"name": "Busan"}, {"name": "Nakhodka"}],
	  "destination": "RU",
	  "lines": [{"description": "Mercedes-Maybach S600 Guard armoured saloon cars", "hs": "8703.24",
	             "quantity": 2, "unit": "item", "value": 1000000, "currency": "USD"}]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	d, err := eng.Check(ctx, shipment)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Verdict)
	for _, f := range d.Findings {
		fmt.Println(f.Severity, f.Rule)
	}
	// Output:
	// review
	// review dprk-transshipment-route
	// review controlled-goods-to-shell
	// review evasion-flag-controlled-goods
}
