package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/luxscreen/luxscreen/lists"
)

// listsSubcommand is one "luxscreen lists" subcommand.
type listsSubcommand struct {
	name, summary string
	run           func(ctx context.Context, e *env, args []string) error
}

func listsSubcommands() []listsSubcommand {
	return []listsSubcommand{
		{"show", "one list with its entries, codes and citations", runListsShow},
		{"fetch", "download the current official sanctions lists", runListsFetch},
		{"compare", "what one list or jurisdiction controls that another does not, by heading", runListsCompare},
		{"matrix", "coverage matrix of jurisdictions by HS chapter or heading (csv, md, svg, html)", runListsMatrix},
		{"gaps", "per jurisdiction, the baseline (UN) luxury categories it does not cover", runListsGaps},
		{"sources", "provenance of every list: instrument, URL, as-of, entries by basis and confidence", runListsSources},
	}
}

// runLists prints the table of lists, or runs a subcommand.
func runLists(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		for _, s := range listsSubcommands() {
			if s.name == args[0] {
				return s.run(ctx, e, args[1:])
			}
		}
		var names []string
		for _, s := range listsSubcommands() {
			names = append(names, s.name)
		}
		return usagef("lists: unknown subcommand %q (have: %s)", args[0], strings.Join(names, ", "))
	}
	fs := newFlagSet(e, "lists", "[show|"+subcommandNames()+"] [--format table|json|jsonl]")
	format := fs.String("format", "table", "output format: table, md, json or jsonl")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	f, err := parseFormat(*format, formatTable, formatMarkdown, formatJSON, formatJSONL)
	if err != nil {
		return err
	}
	cat, err := fs.catalogue(ctx, e)
	if err != nil {
		return err
	}
	ls := cat.Lists()
	if f == formatMarkdown {
		return listsMarkdown(e.stdout, ls)
	}
	if f != formatTable {
		recs := make([]lists.Summary, 0, len(ls))
		for _, l := range ls {
			recs = append(recs, l.Summary())
		}
		return writeRecords(e.stdout, f, recs)
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "ID\tJURISDICTION\tKIND\tDIRECTION\tENTRIES\tIN FORCE\tAS OF")
	for _, l := range ls {
		s := l.Summary()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", s.ID, s.Jurisdiction, s.Kind, s.Direction, s.Entries, s.InForceText(), s.AsOf)
	}
	return tw.Flush()
}

// listsMarkdown prints the table of lists the README carries.
func listsMarkdown(w io.Writer, ls []*lists.List) error {
	fmt.Fprintln(w, "| list | jurisdiction | kind | instrument | entries | in force | as of |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, l := range ls {
		s := l.Summary()
		_, err := fmt.Fprintf(w, "| `%s` | %s | %s | %s | %d | %s | %s |\n", s.ID, s.Jurisdiction, s.Kind, s.Instrument, s.Entries, s.InForceText(), s.AsOf)
		if err != nil {
			return err
		}
	}
	return nil
}

func subcommandNames() string {
	var names []string
	for _, s := range listsSubcommands() {
		names = append(names, s.name)
	}
	return strings.Join(names, "|")
}

func runListsShow(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists show", "ID [--format table|json]")
	format := fs.String("format", "table", "output format: table or json")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("lists show: want exactly one list ID")
	}
	f, err := parseFormat(*format, formatTable, formatJSON)
	if err != nil {
		return err
	}
	cat, err := fs.catalogue(ctx, e)
	if err != nil {
		return err
	}
	l, ok := cat.List(pos[0])
	if !ok {
		return usagef("lists show: no list %q (run 'luxscreen lists' for the IDs)", pos[0])
	}
	if f == formatJSON {
		return writeJSON(e.stdout, l)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s — %s\n", l.ID, l.Title)
	fmt.Fprintf(w, "Jurisdiction: %s   Kind: %s   Direction: %s %s\n", l.Jurisdiction, l.Kind, l.Direction, l.Target)
	fmt.Fprintf(w, "Instrument:   %s, %s (%s)\n", l.Instrument.Name, l.Instrument.Reference, l.Instrument.Date.Format(dateFlagLayout))
	fmt.Fprintf(w, "Citation:     %s\n", l.Citation)
	fmt.Fprintf(w, "In force:     %s\n", l.Summary().InForceText())
	fmt.Fprintf(w, "As of:        %s   Confidence: %s\n", l.AsOf.Format(dateFlagLayout), l.Confidence)
	if l.Instrument.URL != "" {
		fmt.Fprintf(w, "Source:       %s\n", l.Instrument.URL)
	}
	if l.Notes != "" {
		fmt.Fprintf(w, "Notes:        %s\n", l.Notes)
	}
	fmt.Fprintln(w)
	tw := newTable(w)
	fmt.Fprintln(tw, "ENTRY\tCATEGORY\tCODES\tBASIS\tTHRESHOLD\tCITATION")
	for _, en := range l.Entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", en.ID, truncate(en.Category, 60), codeList(en), en.Basis, thresholdText(en.Threshold), en.Citation)
	}
	return tw.Flush()
}

func codeList(en *lists.Entry) string {
	var parts []string
	for _, p := range en.Codes {
		s := p.Code.String()
		if p.Ex {
			s = "ex " + s
		}
		parts = append(parts, s+" ("+p.Edition.String()+")")
	}
	return strings.Join(parts, ", ")
}

func thresholdText(t *lists.Threshold) string {
	if t == nil {
		return "–"
	}
	op := ">"
	if t.Inclusive {
		op = "≥"
	}
	per := string(t.Per)
	if t.PerQuantity != 1 {
		per = fmt.Sprintf("%g %s", t.PerQuantity, t.Per)
	}
	return fmt.Sprintf("%s %g %s per %s", op, t.Amount, t.Currency, per)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
