package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/internal/csvtab"
	"github.com/luxscreen/luxscreen/internal/progress"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/screen"
)

// screenInput is one line of batch input, and screenOutput the
// machine-readable output; their field names are stable (screen.Request,
// screen.Record).
type (
	screenInput  = screen.Request
	screenOutput = screen.Record
)

func runScreen(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "screen", `"NAME" [--kind org|person|vessel] [--imo N] [--country C] [--dob D] [--list FILE …] [--format table|json|jsonl]
       luxscreen screen --input FILE|- --format jsonl|json|csv [--input-format jsonl|csv] [--workers N] [--output FILE] [--list FILE …]`)
	kindFlag := fs.String("kind", "", "party kind: org, person or vessel (default: any)")
	imo := fs.String("imo", "", "ship or company IMO number")
	country := fs.String("country", "", "party country (name or ISO code)")
	dob := fs.String("dob", "", "person's date of birth, YYYY[-MM[-DD]]")
	input := fs.String("input", "", "batch input file of JSON lines or CSV {id,name,kind,country,imo,dob}, or - for stdin")
	format := fs.String("format", "table", "output format: table, json or jsonl; csv too for --input")
	fs.listFlag()
	fs.dbFlag("", "keep every screening with its audit record in this store (a SQLite file, created on first use, or postgres://…) and open a review case on each that is not clear")
	var bf batchFlags
	bf.register(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	f, err := parseFormat(*format, formatTable, formatJSON, formatJSONL, formatCSV)
	if err != nil {
		return err
	}
	if *input == "" && len(pos) != 1 && *imo == "" {
		return usagef("screen: give one NAME (quoted), --imo, or --input FILE")
	}
	if *input != "" && len(pos) > 0 {
		return usagef("screen: give either NAME or --input, not both")
	}
	if *input != "" && f == formatTable {
		return usagef("screen: --input needs --format jsonl, json or csv")
	}
	if *input == "" && f == formatCSV {
		return usagef("screen: --format csv is for --input")
	}
	if err := bf.check(); err != nil {
		return err
	}
	kind, ok := screen.ParseKind(*kindFlag)
	if !ok {
		return usagef("screen: --kind %q: want org, person or vessel", *kindFlag)
	}
	j, err := fs.openJudge(ctx, e, luxscreen.Config{}, true)
	if err != nil {
		return err
	}
	defer j.Close()
	if *input != "" {
		return screenBatch(ctx, e, j, *input, f, &bf)
	}
	name := ""
	if len(pos) == 1 {
		name = pos[0]
	}
	out, err := j.Screen(ctx, "", party.New(name, kind, *country, *imo, *dob))
	if err != nil {
		return err
	}
	if f == formatTable {
		return printScreenTable(e.stdout, name, out)
	}
	return writeRecords(e.stdout, f, []screenOutput{out})
}

// screenColumns are the columns of a CSV input, the field names of the
// JSON-lines input.
var screenColumns = []string{"id", "name", "kind", "country", "imo", "dob"}

// screenCSVHeader is the header of "screen --format csv": one row per
// query, the best hit spread over columns and the others summarised.
var screenCSVHeader = batchCSVHeader("id", "verdict", "score", "list", "ref", "name", "matched_name", "other_hits", "reasons", "facts")

// screenBatch screens the records of path (or stdin for "-") on the
// workers and writes the results in input order.
func screenBatch(ctx context.Context, e *env, j *judge, path string, f outputFormat, bf *batchFlags) error {
	rf := recordFormat[screenInput]{columns: screenColumns, oneOf: []string{"name", "imo"}, fromCSV: screenCSVInput}
	job := batchJob[record[screenInput], encoded]{cmd: "screen", one: "query", many: "queries", tally: progress.NewTally(string(screen.Match), string(screen.Review), string(screen.Clear)), outcome: encodedOutcome}
	return runRecordBatch(ctx, e, bf, path, rf, job, recordWriterFor(f, screenCSVHeader, "query"),
		func(ctx context.Context, rec record[screenInput], q screenInput) (encoded, error) {
			ent, err := q.Entity()
			if err != nil {
				return encoded{}, err
			}
			o, err := j.Screen(ctx, q.ID, ent)
			if err != nil {
				return encoded{}, err
			}
			var b *bytes.Buffer
			if f == formatCSV {
				b, err = encodeCSV(withLine([][]string{screenCSVRow(o)}, rec.line)...)
			} else {
				b, err = encodeRecord(f, o)
			}
			return encoded{outcome: string(o.Verdict), data: b}, err
		})
}

// screenCSVInput reads one row of a CSV input into the JSON-lines record it
// stands for.
func screenCSVInput(t *csvtab.Table, r csvtab.Row) (screenInput, error) {
	return screenInput{ID: t.Get(r, "id"), Name: t.Get(r, "name"), Kind: t.Get(r, "kind"), Country: t.Get(r, "country"), IMO: t.Get(r, "imo"), DOB: t.Get(r, "dob")}, nil
}

// screenCSVRow is one query's row of "screen --format csv".
func screenCSVRow(o screenOutput) []string {
	row := []string{report.Cell(o.ID), string(o.Verdict), "", "", "", "", "", "", "", ""}
	reasons := o.Reasons
	if len(o.Hits) > 0 {
		h := o.Hits[0]
		row[2] = strconv.FormatFloat(h.Score, 'f', 3, 64)
		row[3], row[4], row[5], row[6] = report.Cell(h.List), report.Cell(h.Ref), report.Cell(h.Name), report.Cell(h.MatchedName)
		var others []string
		for _, x := range o.Hits[1:] {
			others = append(others, fmt.Sprintf("%s %s %s (%.3f)", x.List, x.Ref, x.Name, x.Score))
		}
		row[7] = report.Cell(strings.Join(others, "; "))
		reasons = append(slices.Clone(reasons), h.Reasons...)
		row[9] = report.Cell(h.Summary())
	}
	row[8] = report.Cell(strings.Join(reasons, "; "))
	return row
}

func printScreenTable(w io.Writer, name string, out screenOutput) error {
	fmt.Fprintf(w, "%s: %s\n", strings.ToUpper(string(out.Verdict)), name)
	for _, r := range out.Reasons {
		fmt.Fprintf(w, "  reason: %s\n", r)
	}
	for _, r := range out.Released {
		fmt.Fprintf(w, "  released: %s\n", r)
	}
	if out.Record != 0 {
		fmt.Fprintf(w, "  kept as record %d%s\n", out.Record, casesText(out.Cases))
	}
	if len(out.Hits) > 0 {
		tw := newTable(w)
		fmt.Fprintln(tw, "SCORE\tLIST\tREF\tNAME\tMATCHED NAME\tREASONS")
		for _, h := range out.Hits {
			fmt.Fprintf(tw, "%.3f\t%s\t%s\t%s\t%s\t%s\n", h.Score, h.List, h.Ref, h.Name, h.MatchedName, strings.Join(h.Reasons, "; "))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		// What settles each hit, below the table so that long facts do
		// not widen its columns.
		for i := range out.Hits {
			fmt.Fprintf(w, "  %d. %s\n", i+1, out.Hits[i].Summary())
		}
	}
	for _, v := range out.ListVersions {
		fmt.Fprintf(w, "list %s (%s) published %s sha256 %s\n", v.Source, v.Format, orDash(v.Published), v.SHA256)
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// errSharedUnset is returned when neither --shared nor $LUXSCREEN_SHARED
// names the shared data directory.
var errSharedUnset = errors.New("no shared data directory: pass --shared DIR or set LUXSCREEN_SHARED")
