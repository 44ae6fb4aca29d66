package main

import (
	"context"
	"fmt"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
)

// runListsMatrix renders the coverage matrix of jurisdictions by HS
// chapter or heading.
func runListsMatrix(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists matrix", "[--level chapter|heading] [--format csv|md|svg|html] [--date YYYY-MM-DD] [--kind luxury] [--hs FILE]")
	level := fs.String("level", lists.ByChapter, "columns: chapter or heading")
	format := fs.String("format", "csv", "output format: csv, md, svg or html")
	date := fs.String("date", "", "lists in force on this day (default today)")
	kind := fs.String("kind", "luxury", "kinds of list: luxury, sectoral, catch-all (comma-separated)")
	hsFile := fs.String("hs", "", "HS nomenclature file (flat HS CSV, Comtrade JSON) whose descriptions label the SVG/HTML columns")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("lists matrix: takes no arguments")
	}
	if *level != lists.ByChapter && *level != lists.ByHeading {
		return usagef("--level %q: want chapter or heading", *level)
	}
	switch *format {
	case "csv", "md", "svg", "html":
	default:
		return usagef("--format %q: want csv, md, svg or html", *format)
	}
	opts, err := lookupOptions(e, *date, "", *kind, "")
	if err != nil {
		return err
	}
	var labels report.MatrixLabels
	if *hsFile != "" {
		t, err := hs.Open(ctx, *hsFile, hs.HS2022)
		if err != nil {
			return fmt.Errorf("lists matrix: --hs: %w", err)
		}
		labels = report.MatrixLabels{}
		for it := range t.Items() {
			if n := it.Code.Len(); n == 2 || n == 4 {
				labels[it.Code.Digits()] = it.Description
			}
		}
	}
	ls, err := fs.controlLists(ctx, e)
	if err != nil {
		return err
	}
	m, err := lists.NewMatrix(lists.InForce(ls, opts.Date, opts.Kinds...), *level, opts.Date)
	if err != nil {
		return err
	}
	switch *format {
	case "md":
		return report.WriteMatrixMarkdown(e.stdout, m)
	case "svg":
		return report.WriteMatrixSVG(e.stdout, m, labels)
	case "html":
		return report.WriteMatrixHTML(e.stdout, m, labels)
	}
	return report.WriteMatrixCSV(e.stdout, m)
}
