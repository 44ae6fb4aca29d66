package luxscreen_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
)

// Open with the zero Config judges with the embedded defaults; the
// shipment is the Maybach case of the README.
func ExampleOpen() {
	ctx := context.Background()
	sys, err := luxscreen.Open(ctx, luxscreen.Config{})
	if err != nil {
		log.Fatal(err)
	}
	defer sys.Close()
	f, err := os.Open("examples/shipments/maybach-2018.json")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	s, err := rules.NewDecoder(f, "maybach-2018.json").Next()
	if err != nil {
		log.Fatal(err)
	}
	d, err := sys.Check(ctx, s)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.ID, d.Verdict)
	for _, fd := range d.Findings {
		fmt.Println(" ", fd.Severity, fd.Rule)
	}
	fmt.Println("demo list:", sys.DemoList())
	// Output:
	// maybach-2018 review
	//   review dprk-transshipment-route
	//   review controlled-goods-to-shell
	//   review evasion-flag-controlled-goods
	// demo list: true
}

func ExampleSystem_Lookup() {
	sys, err := luxscreen.Open(context.Background(), luxscreen.Config{})
	if err != nil {
		log.Fatal(err)
	}
	defer sys.Close()
	code, err := hs.Parse("8703.24.10")
	if err != nil {
		log.Fatal(err)
	}
	opts := lists.Options{Date: time.Date(2018, 10, 1, 0, 0, 0, 0, time.UTC), Jurisdictions: []string{"UN"}}
	for _, m := range sys.Lookup(code, opts) {
		fmt.Println(m.List.ID, m.Coverage, m.Entry.ID)
	}
	// Output:
	// un-2094-luxury ex un-2094-iv-b-luxury-automobiles
	// un-2094-luxury ex un-2094-iv-b-racing-cars
	// un-2397-sectoral-export full un-2397-7-transportation-vehicles
}

// Config.Jurisdictions scopes what Classify reports: the watch is
// controlled by the EU, and no other list's controls are reported.
func ExampleSystem_Classify() {
	ctx := context.Background()
	sys, err := luxscreen.Open(ctx, luxscreen.Config{Jurisdictions: []string{"EU"}})
	if err != nil {
		log.Fatal(err)
	}
	defer sys.Close()
	res, err := sys.Classify(ctx, classify.Item{
		Description: "Rolex Submariner wristwatch, steel",
		Date:        time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.HS6, res.Luxury)
	js := map[string]bool{}
	for _, c := range res.Controls {
		js[c.Jurisdiction] = true
	}
	fmt.Println(js)
	// Output:
	// 910221 yes
	// map[EU:true]
}

func ExampleSystem_Screen() {
	ctx := context.Background()
	sys, err := luxscreen.Open(ctx, luxscreen.Config{Lists: []string{"screen/testdata/un_small.xml"}})
	if err != nil {
		log.Fatal(err)
	}
	defer sys.Close()
	res, err := sys.Screen(ctx, party.New("Example Sea Shipping Company", party.KindOrganisation, "", "", ""))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Verdict)
	// Output:
	// match
}
