package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// dateFlagLayout is the form of every --date flag.
const dateFlagLayout = "2006-01-02"

func runLookup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lookup", "CODE [--date YYYY-MM-DD] [--jurisdiction J,…] [--kind K,…] [--direction export-to|import-from] [--format table|json|jsonl]")
	date := fs.String("date", "", "judge as of this date (default today)")
	juris := fs.String("jurisdiction", "", "comma-separated jurisdictions, e.g. UN,EU,GB (default all)")
	kinds := fs.String("kind", "", "comma-separated kinds: luxury, sectoral, catch-all (default all)")
	dir := fs.String("direction", "", "export-to or import-from (default both)")
	fs.formatFlag(formatTable, formatTable, formatJSON, formatJSONL)
	pos, f, err := fs.parseOutput(args, 1, "want exactly one HS code, e.g. luxscreen lookup 9101.21")
	if err != nil {
		return err
	}
	code, err := hs.Parse(pos[0])
	if err != nil {
		return usagef("lookup: %v", err)
	}
	opts, err := lookupOptions(e, *date, *juris, *kinds, *dir)
	if err != nil {
		return err
	}
	cat, err := fs.catalogue(ctx, e)
	if err != nil {
		return err
	}
	matches := cat.Lookup(code, opts)
	if f != formatTable {
		return writeRecords(e.stdout, f, matches)
	}
	return printMatches(e.stdout, code, opts.Date, matches)
}

// lookupOptions reads the filters of "lookup" and the lists commands.
func lookupOptions(e *env, date, juris, kinds, dir string) (lists.Options, error) {
	opts, err := luxscreen.Filter{Date: date, Jurisdictions: juris, Kinds: kinds, Direction: dir}.Options(e.now())
	if err != nil {
		return opts, usagef("--%v", err)
	}
	return opts, nil
}

func printMatches(w io.Writer, code hs.Code, date time.Time, matches []lists.Match) error {
	fmt.Fprintf(w, "%s — %d control(s) in force on %s\n", code, len(matches), date.Format(dateFlagLayout))
	if len(matches) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	tw := newTable(w)
	fmt.Fprintln(tw, "JURISDICTION\tLIST\tKIND\tDIRECTION\tCODE\tCOVERAGE\tCATEGORY\tTHRESHOLD\tBASIS\tCITATION")
	for _, m := range matches {
		c := m.Pattern.Code.String()
		if m.Pattern.Ex {
			c = "ex " + c
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.List.Jurisdiction, m.List.ID, m.List.Kind, m.List.Direction,
			c, m.Coverage, truncate(m.Entry.Category, 50), thresholdText(m.Entry.Threshold), m.Entry.Basis, m.Entry.Citation)
	}
	return tw.Flush()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
