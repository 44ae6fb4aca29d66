package classify_test

import (
	"context"
	"fmt"
	"log"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/lists"
)

func ExampleClassifier_Classify() {
	ctx := context.Background()
	cat, err := lists.Default(ctx)
	if err != nil {
		log.Fatal(err)
	}
	c, err := classify.New(cat, classify.WithJurisdictions("UN"))
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range []string{
		"ROLEX DAY-DATE 40 18K YELLOW GOLD AUTOMATIC WRISTWATCH",
		"gold colour alloy pendant",
		"wristwatch",
	} {
		r, err := c.Classify(ctx, classify.Item{Description: d})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%q hs6=%q luxury=%v review=%v\n", d, r.HS6, r.Luxury, r.NeedsReview)
	}
	// Output:
	// "ROLEX DAY-DATE 40 18K YELLOW GOLD AUTOMATIC WRISTWATCH" hs6="910121" luxury=yes review=false
	// "gold colour alloy pendant" hs6="711719" luxury=no review=false
	// "wristwatch" hs6="" luxury=unknown review=true
}

func ExampleClassifier_Classify_mismatch() {
	ctx := context.Background()
	cat, err := lists.Default(ctx)
	if err != nil {
		log.Fatal(err)
	}
	c, err := classify.New(cat, classify.WithJurisdictions("UN"))
	if err != nil {
		log.Fatal(err)
	}
	r, err := c.Classify(ctx, classify.Item{
		Description:  "Mercedes-Maybach S600 Guard armoured limousine",
		DeclaredCode: "8716.39",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.HS6, r.Mismatch.Kind, r.Mismatch.Described)
	// Output:
	// 870324 mislabelled-controlled 870324
}
