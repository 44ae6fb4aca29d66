package classify_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/lists"
)

// A batch line as order systems send it ("luxscreen classify --input" and
// POST /v1/classify use this shape) becomes an Item; a line with neither
// description nor code is a FieldError naming the field.
func ExampleLine_Item() {
	cat, err := lists.Default(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	c, err := classify.New(cat, classify.WithJurisdictions("UN"), classify.WithRates(&lists.Rates{Base: "USD", PerUnit: map[string]float64{"EUR": 1.08}}))
	if err != nil {
		log.Fatal(err)
	}
	var l classify.Line
	if err := json.Unmarshal([]byte(`{"id": "SO-1/2", "description": "hand-knotted silk rug 300x200 cm",
		"value": 4200, "currency": "EUR", "quantity": 1, "unit": "pcs", "date": "2024-05-02"}`), &l); err != nil {
		log.Fatal(err)
	}
	it, err := l.Item()
	if err != nil {
		log.Fatal(err)
	}
	res, err := c.Classify(context.Background(), it)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.ID, res.HS6, res.Luxury)
	for _, ctl := range res.Controls {
		if ctl.Kind == lists.Luxury {
			fmt.Println(ctl.Entry, ctl.Applies)
		}
	}

	_, err = classify.Line{ID: "SO-1/3"}.Item()
	fmt.Println(err)
	// Output:
	// SO-1/2 570190 yes
	// un-2321-iv-a-rugs-tapestries applies
	// field "description": give a description or an hs_code
}
