package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/luxscreen/luxscreen/lists"
)

// runListsSources prints the provenance of every list: instrument, URL,
// as-of date and entry counts by basis and confidence.
func runListsSources(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists sources", "[--format table|md|json|jsonl]")
	format := fs.String("format", "table", "output format: table, md, json or jsonl")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("lists sources: takes no arguments")
	}
	if *format == "md" {
		ls, err := fs.controlLists(ctx, e)
		if err != nil {
			return err
		}
		return printSourcesMarkdown(e, lists.Sources(ls))
	}
	f, err := parseFormat(*format, formatTable, formatJSON, formatJSONL)
	if err != nil {
		return usagef("--format %q: want table, md, json or jsonl", *format)
	}
	ls, err := fs.controlLists(ctx, e)
	if err != nil {
		return err
	}
	srcs := lists.Sources(ls)
	if f != formatTable {
		return writeRecords(e.stdout, f, srcs)
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "LIST\tJUR\tINSTRUMENT\tAS OF\tENTRIES\tPUBLISHED\tDERIVED\tPRIMARY\tSECONDARY\tRECALLED\tURL")
	for _, s := range srcs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", s.List, s.Jurisdiction, truncate(s.Reference, 40),
			s.AsOf.Format(dateFlagLayout), s.Entries, s.Published, s.Derived, s.PrimaryText, s.SecondarySource, s.Recalled, s.URL)
	}
	return tw.Flush()
}

func printSourcesMarkdown(e *env, srcs []lists.Source) error {
	var b strings.Builder
	b.WriteString("| list | jurisdiction | instrument | as of | entries | published / derived | primary / secondary / recalled |\n|---|---|---|---|---|---|---|\n")
	for _, s := range srcs {
		fmt.Fprintf(&b, "| [%s](%s) | %s | %s | %s | %d | %d / %d | %d / %d / %d |\n", s.List, s.URL, s.Jurisdiction,
			strings.ReplaceAll(s.Reference, "|", "/"), s.AsOf.Format(dateFlagLayout), s.Entries, s.Published, s.Derived,
			s.PrimaryText, s.SecondarySource, s.Recalled)
	}
	_, err := fmt.Fprint(e.stdout, b.String())
	return err
}
