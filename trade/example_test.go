package trade_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/luxscreen/luxscreen/trade"
)

// Judge a few rows of the paper's Figure 4 and its horse totals: cars
// exported to the DPRK in 2017 fall under the UN ban on luxury cars, those
// of 2018 under the UNSCR 2397 ban on all of HS 87; Russian horses are
// listed by the EU, not by the UN or Russia.
func Example() {
	const stats = `reporter,partner,period,flow,code,value_usd,quantity,quantity_unit
CN,KP,2017,export,8703,27098239,,
CN,KP,2018,export,8703,358196,,
RU,KP,2010-2019,export,0101,584291,128,u
`
	ctx := context.Background()
	a, err := trade.DefaultAssessor(ctx)
	if err != nil {
		log.Fatal(err)
	}
	rep, err := trade.NewAnalyzer(a, trade.Options{}).Analyze(ctx, "figure4.csv", strings.NewReader(stats))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range rep.Flows {
		v := f.Assessment
		fmt.Printf("%s %s %s: %s (%s, whole period %v) under %s\n", f.Period, f.Reporter.Code, f.CodeText, v.Verdict, v.Coverage, v.WholePeriod, v.Basis.Citation)
		if f.PerQuantity.Known {
			fmt.Printf("  %.2f USD per head\n", f.PerQuantity.Value)
		}
	}
	// Output:
	// 2010-2019 RU 0101: luxury-not-listed (partial, whole period false) under Regulation (EC) No 329/2007, Annex III, item 1
	//   4564.77 USD per head
	// 2017 CN 8703: prohibited-un (ex, whole period true) under S/RES/2094 (2013), Annex IV, item (b)
	// 2018 CN 8703: prohibited-un (full, whole period true) under S/RES/2397 (2017), paragraph 7
}

// Assess one flow read from a UN Comtrade bulk file.
func ExampleAssessor_Assess() {
	const bulk = `Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag
H4,2019,2019,2019,4,0,2,Export,276,Germany,DEU,408,Dem. People's Rep. of Korea,PRK,9101,Wrist-watches,5,Number of items,3,1,12000,0
`
	ctx := context.Background()
	a, err := trade.DefaultAssessor(ctx)
	if err != nil {
		log.Fatal(err)
	}
	r, err := trade.NewReader(strings.NewReader(bulk), "bulk.csv")
	if err != nil {
		log.Fatal(err)
	}
	f, err := r.Read()
	if err != nil {
		log.Fatal(err)
	}
	v, err := a.Assess(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Layout(), f.Reporter.Name, "→", f.Partner.Name, f.Period, f.Code)
	fmt.Println(v.Verdict, v.Direction, v.Jurisdictions)
	fmt.Println(v.Reason)
	// Output:
	// comtrade-legacy Germany → Dem. People's Rep. of Korea 2019 9101
	// prohibited-un export-to [EU]
	// UN S/RES/2270 (2016), Annex V, item (a) covers all goods under 9101, in force for the whole of 2019
}
