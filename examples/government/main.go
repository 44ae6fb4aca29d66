// Command government shows how a ministry or customs administration
// compares its national luxury-goods list with the UN floor and with its
// peers' lists: which UN categories it does not control, which headings
// only it or only a peer controls, where thresholds differ, and a heatmap
// of coverage by HS heading that can go in a briefing.
//
// Usage:
//
//	go run ./examples/government [-date YYYY-MM-DD] [-heatmap FILE.html] JURISDICTION PEER…
//
// For example, the United Kingdom against the EU, Japan and Canada:
//
//	go run ./examples/government -heatmap coverage.html GB EU JP CA
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
)

func main() {
	date := flag.String("date", time.Now().UTC().Format("2006-01-02"), "compare the lists in force on this day")
	heatmap := flag.String("heatmap", "", "write a heatmap of coverage by HS heading (self-contained HTML) to this file")
	flag.Parse()
	if flag.NArg() < 2 {
		log.Fatal("usage: government [-date YYYY-MM-DD] [-heatmap FILE.html] JURISDICTION PEER…")
	}
	day, err := time.Parse("2006-01-02", *date)
	if err != nil {
		log.Fatalf("-date: %v", err)
	}
	var hm io.Writer
	if *heatmap != "" {
		f, err := os.Create(*heatmap)
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		hm = f
	}
	if err := run(context.Background(), os.Stdout, hm, day, flag.Arg(0), flag.Args()[1:]); err != nil {
		log.Fatal(err)
	}
}

// run writes the comparison of own with peers as of day to w, and the
// heatmap to hm when it is not nil.
func run(ctx context.Context, w, hm io.Writer, day time.Time, own string, peers []string) error {
	sys, err := luxscreen.Open(ctx, luxscreen.Config{})
	if err != nil {
		return err
	}
	defer sys.Close()
	all := sys.Catalogue().Lists()
	// One combined luxury list per jurisdiction, as in force on the day:
	// a state's controls may be spread over several instruments.
	byJ := map[string][]*lists.List{}
	for _, l := range lists.InForce(all, day, lists.Luxury) {
		byJ[l.Jurisdiction] = append(byJ[l.Jurisdiction], l.At(day))
	}
	combined := func(j string) (*lists.List, error) {
		ls := byJ[lists.CanonicalJurisdiction(j)]
		if len(ls) == 0 {
			return nil, fmt.Errorf("no luxury list of %q in force on %s", j, day.Format("2006-01-02"))
		}
		return lists.Combine(lists.CanonicalJurisdiction(j), ls...), nil
	}
	ownList, err := combined(own)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s luxury controls in force on %s: %d entries from %s\n\n", ownList.Jurisdiction, day.Format("2006-01-02"), len(ownList.Entries), instruments(byJ[ownList.Jurisdiction]))

	// The UN floor: every state must control at least these categories.
	gaps := lists.Gaps(byJ["UN"], []*lists.List{ownList})
	fmt.Fprintf(w, "UN categories %s does not fully control: %d\n", ownList.Jurisdiction, len(gaps))
	for _, g := range gaps {
		fmt.Fprintf(w, "  %-7s %s — %s", g.Extent, g.Baseline, g.Category)
		if len(g.Uncovered) > 0 {
			fmt.Fprintf(w, " (uncovered: %s)", strings.Join(g.Uncovered, " "))
		}
		fmt.Fprintln(w)
	}

	matrixLists := append([]*lists.List{}, byJ["UN"]...)
	matrixLists = append(matrixLists, byJ[ownList.Jurisdiction]...)
	for _, p := range peers {
		peer, err := combined(p)
		if err != nil {
			return err
		}
		matrixLists = append(matrixLists, byJ[peer.Jurisdiction]...)
		c := lists.Compare(ownList, peer)
		fmt.Fprintf(w, "\n%s vs %s: %d headings the same, %d differ in extent, %d only %s, %d only %s, %d threshold differences\n",
			ownList.Jurisdiction, peer.Jurisdiction, len(c.Same()), len(c.Differ()), len(c.OnlyA()), ownList.Jurisdiction, len(c.OnlyB()), peer.Jurisdiction, len(c.Thresholds))
		if only := headings(c.OnlyB()); only != "" {
			fmt.Fprintf(w, "  controlled by %s, not by %s: %s\n", peer.Jurisdiction, ownList.Jurisdiction, only)
		}
		if only := headings(c.OnlyA()); only != "" {
			fmt.Fprintf(w, "  controlled by %s, not by %s: %s\n", ownList.Jurisdiction, peer.Jurisdiction, only)
		}
	}
	if hm == nil {
		return nil
	}
	m, err := lists.NewMatrix(matrixLists, "heading", day)
	if err != nil {
		return err
	}
	return report.WriteMatrixHTML(hm, m, nil)
}

func headings(rows []lists.HeadingRow) string {
	var hs []string
	for _, r := range rows {
		hs = append(hs, r.Heading)
	}
	return strings.Join(hs, " ")
}

func instruments(ls []*lists.List) string {
	var ids []string
	for _, l := range ls {
		ids = append(ids, l.ID)
	}
	slices.Sort(ids)
	return strings.Join(ids, ", ")
}
