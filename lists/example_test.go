package lists_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// Look up every UN control on a CN8 code for armoured passenger cars, as
// of a shipment date.
func ExampleCatalogue_Lookup() {
	cat, err := lists.Default(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	code := hs.MustParse("8703 24 10")
	opts := lists.Options{
		Date:          time.Date(2018, 10, 1, 0, 0, 0, 0, time.UTC),
		Jurisdictions: []string{"UN"},
		Kinds:         []lists.Kind{lists.Luxury},
	}
	for _, m := range cat.Lookup(code, opts) {
		fmt.Printf("%s %s (%s): %s\n", m.Entry.ID, m.Pattern.Code, m.Coverage, m.Entry.Citation)
	}
	// Output:
	// un-2094-iv-b-luxury-automobiles 8703 (ex): S/RES/2094 (2013), Annex IV, item (b)
	// un-2094-iv-b-racing-cars 8703 (ex): S/RES/2094 (2013), Annex IV, item (b)
}

// Load a list of one's own, for example a draft national list, and check
// it loads strictly.
func ExampleParseFile() {
	src := []byte(`
id: draft-list
jurisdiction: NZ
title: Draft luxury list
instrument: {name: Draft regulations, reference: LI 2026/1, date: 2026-01-01}
citation: Schedule 1
kind: luxury
direction: export-to
target: KP
in_force: {from: 2026-01-01}
as_of: 2026-11-23
confidence: primary-text
entries:
  - id: draft-caviar
    category: Caviar
    citation: Schedule 1, item 2
    basis: published
    codes: [{code: "1604.31", edition: HS2022}]
    thresold: {amount: 20, currency: NZD, per: kg}
`)
	_, err := lists.ParseFile("draft.yaml", src)
	fmt.Println(err)
	// Output:
	// draft.yaml:19:5: entries[0].thresold: unknown field: "thresold" is not allowed here; want one of id, category, citation, basis, confidence, codes, keywords, threshold, all_goods, except, exemptions, derived_from, in_force, notes
}
