package lists_test

import (
	"fmt"
	"os"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
)

// list builds a one-entry-per-code list for the examples.
func list(id, jurisdiction string, codes ...string) *lists.List {
	l := &lists.List{ID: id, Jurisdiction: jurisdiction, Kind: lists.Luxury, Target: "KP",
		InForce: lists.Period{From: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)}}
	for _, c := range codes {
		ex := c[0] == '~'
		if ex {
			c = c[1:]
		}
		l.Entries = append(l.Entries, &lists.Entry{ID: id + "-" + c, Category: c, Citation: "example",
			InForce: l.InForce, Codes: []lists.Pattern{{Code: hs.MustParse(c), Ex: ex, Edition: hs.HS2022}}})
	}
	return l
}

func ExampleCompare() {
	eu := list("eu", "EU", "7113", "5805", "8903")
	us := list("us", "US", "7113", "~8903", "2208")
	c := lists.Compare(eu, us)
	for _, r := range c.OnlyA() {
		fmt.Println("only EU:", r.Heading)
	}
	for _, r := range c.OnlyB() {
		fmt.Println("only US:", r.Heading)
	}
	for _, r := range c.Differ() {
		fmt.Printf("both, EU %s, US %s: %s\n", r.A, r.B, r.Heading)
	}
	// Output:
	// only EU: 5805
	// only US: 2208
	// both, EU full, US partial: 8903
}

func ExampleNewMatrix() {
	ls := []*lists.List{list("un", "UN", "7113", "~8903"), list("jp", "JP", "7113", "711311", "5805")}
	m, err := lists.NewMatrix(ls, lists.ByChapter, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := report.WriteMatrixCSV(os.Stdout, m); err != nil {
		fmt.Println(err)
	}
	// Output:
	// jurisdiction,58,71,89
	// UN,none,partial:1,partial:1
	// JP,partial:1,partial:2,none
}

func ExampleGaps() {
	un := list("un", "UN", "7113", "870310")
	sg := list("sg", "SG", "7113")
	for _, g := range lists.Gaps([]*lists.List{un}, []*lists.List{sg}) {
		fmt.Println(g.Jurisdiction, "does not cover", g.Category, g.Uncovered)
	}
	// Output:
	// SG does not cover 870310 [870310]
}

func ExampleSources() {
	for _, s := range lists.Sources([]*lists.List{list("ca", "CA", "7113", "9101")}) {
		fmt.Println(s.List, s.Entries, "entries")
	}
	// Output:
	// ca 2 entries
}
