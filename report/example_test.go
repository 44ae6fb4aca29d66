package report_test

import (
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/rules"
)

// Write decisions as CSV rows for a spreadsheet: one row per finding.
func ExampleCSVWriter() {
	d := &rules.Decision{ID: "bl-7", Verdict: rules.VerdictReview, Findings: []rules.Finding{{
		Rule: "dprk-destination", Severity: rules.Review, Message: "destined for North Korea",
		Evidence: []rules.Evidence{{Field: "destination", Detail: "final destination KP"}},
		Citation: []rules.Citation{{Kind: "rule", Ref: "dprk-destination", Text: "S/RES/2270 (2016), paragraph 18"}},
	}}}
	w := report.NewCSVWriter(os.Stdout)
	if err := w.Write(d); err != nil {
		log.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// id,verdict,rule,severity,message,evidence,citation
	// bl-7,review,dprk-destination,review,destined for North Korea,destination: final destination KP,"[rule dprk-destination] S/RES/2270 (2016), paragraph 18"
}

// Write an HTML report of decisions to a file a compliance officer opens
// in a browser.
func ExampleWriteHTML() {
	ds := []*rules.Decision{
		{ID: "bl-1", Verdict: rules.VerdictBlock, Findings: []rules.Finding{{Rule: "dprk-controlled-goods-to-kp", Severity: rules.Block, Message: "controlled goods to the DPRK"}}},
		{ID: "bl-2", Verdict: rules.VerdictClear, Findings: []rules.Finding{}},
	}
	var page strings.Builder
	err := report.WriteHTML(&page, slices.Values(ds), report.Meta{Source: "ships.jsonl", Generated: time.Now(), Tool: "example"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Count(page.String(), `<section class="case`), "case to look at,", strings.Count(page.String(), `<tr id="d`), "shipment rows")
	// Output:
	// 1 case to look at, 2 shipment rows
}
