package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/luxscreen/luxscreen/lists"
)

// runListsGaps prints, per jurisdiction, the baseline (UN) luxury
// categories it does not control or controls only in part.
func runListsGaps(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists gaps", "--baseline UN [--date YYYY-MM-DD] [--only none|partial] [--format table|json|jsonl]")
	baseline := fs.String("baseline", "UN", "jurisdiction whose luxury lists are the floor")
	date := fs.String("date", "", "lists in force on this day (default today)")
	only := fs.String("only", "", "show only gaps of this extent: none or partial")
	format := fs.String("format", "table", "output format: table, json or jsonl")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("lists gaps: takes no arguments")
	}
	f, err := parseFormat(*format, formatTable, formatJSON, formatJSONL)
	if err != nil {
		return err
	}
	if *only != "" && *only != "none" && *only != "partial" {
		return usagef("--only %q: want none or partial", *only)
	}
	opts, err := lookupOptions(e, *date, "", "luxury", "")
	if err != nil {
		return err
	}
	ls, err := fs.controlLists(ctx, e)
	if err != nil {
		return err
	}
	base := lists.CanonicalJurisdiction(*baseline)
	var baseLists, others []*lists.List
	for _, l := range lists.InForce(ls, opts.Date, lists.Luxury) {
		if l.Jurisdiction == base {
			baseLists = append(baseLists, l.At(opts.Date))
		} else {
			others = append(others, l.At(opts.Date))
		}
	}
	if len(baseLists) == 0 {
		return usagef("lists gaps: no luxury list of %q in force on %s", *baseline, opts.Date.Format(dateFlagLayout))
	}
	var gaps []lists.Gap
	for _, g := range lists.Gaps(baseLists, others) {
		if *only == "" || g.Extent.String() == *only {
			gaps = append(gaps, g)
		}
	}
	if f != formatTable {
		return writeRecords(e.stdout, f, gaps)
	}
	fmt.Fprintf(e.stdout, "%s luxury categories not fully controlled, lists in force on %s (none = no code covered; partial = some codes, or only ex/narrower codes)\n\n", base, opts.Date.Format(dateFlagLayout))
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "JURISDICTION\tEXTENT\tBASELINE ENTRY\tCATEGORY\tUNCOVERED CODES")
	for _, g := range gaps {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", g.Jurisdiction, g.Extent, g.Baseline, truncate(g.Category, 50), strings.Join(g.Uncovered, " "))
	}
	return tw.Flush()
}
