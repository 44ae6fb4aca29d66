package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/jsonl"
	"github.com/luxscreen/luxscreen/internal/progress"
	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/rules"
)

// checkUsage is the synopsis of "luxscreen check".
const checkUsage = "--input FILE|- [--input-format jsonl|csv] [--format table|json|jsonl|csv|html] [--output FILE] [--workers N] [--rules FILE]… [--list FILE]… [--rates FILE] [--prices FILE] [--nomenclature FILE [--edition HS2022]] [--audit FILE]"

func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "check", checkUsage)
	input := fs.String("input", "", "shipments as JSON lines (one per line, or a file that is one JSON document) or a bill-of-lading CSV; - for standard input")
	fs.formatFlag(formatTable, formatTable, formatJSON, formatJSONL, formatCSV, formatHTML)
	fs.ruleFlags()
	fs.listFlag()
	auditFile := fs.String("audit", "", "append one JSON audit record per decision to this file")
	fs.dbFlag("", "keep every decision with its audit record in this store (a SQLite file, created on first use, or postgres://…) and open a review case on each that needs a person")
	var bf batchFlags
	bf.register(fs)
	f, err := fs.parseInput(args, "give shipments with --input", input, "--input is required (a file, or - for standard input)")
	if err != nil {
		return err
	}
	if err := bf.check(); err != nil {
		return err
	}
	j, err := fs.openJudge(ctx, e, luxscreen.Config{}, true)
	if err != nil {
		return err
	}
	defer j.Close()
	return checkBatch(ctx, e, j, *input, f, *auditFile, &bf)
}

// checkBatch judges the shipments of input on the workers and writes the
// decisions in input order, and their audit records to auditFile when it
// is not empty.
func checkBatch(ctx context.Context, e *env, j *judge, input string, f outputFormat, auditFile string, bf *batchFlags) error {
	rf := recordFormat[*rules.Shipment]{readCSV: csvShipmentReader, decode: decodeShipment}
	job := batchJob[record[*rules.Shipment], checked]{cmd: "check", one: "shipment", many: "shipments",
		tally:   progress.NewTally(string(rules.VerdictBlock), string(rules.VerdictReview), string(rules.VerdictClear)),
		outcome: func(c checked) string { return string(c.d.Verdict) },
	}
	var (
		w     *decisionWriter
		audit *os.File
	)
	defer func() {
		if audit != nil {
			audit.Close()
		}
	}()
	return runRecordBatch(ctx, e, bf, input, rf, job,
		func(in *batchInput, out *batchOutput) (rowWriter[checked], error) {
			// The audit file is opened once the input and the output are,
			// so that a batch refused for them leaves no audit file.
			var aw io.Writer
			if auditFile != "" {
				var err error
				if audit, err = os.OpenFile(auditFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err != nil {
					return nil, err
				}
				aw = audit
			}
			meta := report.Meta{Source: in.name, Generated: e.now(), Tool: "luxscreen check"}
			if j.sys.DemoList() {
				meta.Warnings = append(meta.Warnings, "Parties and vessels were screened against the embedded DEMO list of a few DPRK designations, not the official sanctions lists: these decisions are not for production use. Run the check again with --list for each official list.")
			}
			var err error
			w, err = newDecisionWriter(out, f, meta, aw)
			return w, err
		},
		func(ctx context.Context, rec record[*rules.Shipment], s *rules.Shipment) (checked, error) {
			return checkOne(ctx, e, j, w, rec.line, s)
		})
}

// checkOne judges one shipment, read from line, and renders its decision,
// and its audit record when the writer keeps them; it runs on the workers.
func checkOne(ctx context.Context, e *env, j *judge, w *decisionWriter, line int, s *rules.Shipment) (checked, error) {
	d, err := j.Check(ctx, s)
	if err != nil {
		return checked{}, err
	}
	c := checked{d: d}
	if c.data, err = w.encode(d, line); err != nil {
		return c, err
	}
	if w.audit != nil {
		var b bytes.Buffer
		if err := rules.WriteAudit(&b, d.AuditRecord(e.now())); err != nil {
			return c, err
		}
		c.audit = b.Bytes()
	}
	return c, nil
}

// decodeShipment decodes the shipment of one JSON record of name, which
// starts on line. What encoding/json finds wrong (bad syntax, a field of
// the wrong type or unknown) is said in plain words by [jsonl.Decode];
// the checks of the shipment model are in its own words already.
func decodeShipment(name string, line int, b []byte) (*rules.Shipment, error) {
	s, err := rules.Decode(name, b)
	if err == nil {
		return s, nil
	}
	var de *rules.DecodeError
	if !errors.As(err, &de) {
		return nil, err
	}
	if jerr := jsonl.Decode(name, line, b, new(rules.Shipment)); jerr != nil {
		return nil, jerr
	}
	return nil, &datafile.Error{File: name, Line: line + max(de.Line, 1) - 1, Column: de.Column, Field: de.Field, Err: de.Err}
}

// checked is one shipment's decision, rendered by the worker for every
// format but html, whose writer keeps state across decisions.
type checked struct {
	d     *rules.Decision
	data  *bytes.Buffer
	audit []byte
}

// checkCSVHeader is the header of "check --format csv": the columns of
// [report.CSVHeader], one row per finding, then the line and error
// columns of every batch.
var checkCSVHeader = batchCSVHeader(report.CSVHeader()...)

// decisionWriter writes decisions in the output format, and their audit
// records to audit when it is set.
type decisionWriter struct {
	f     outputFormat
	rw    *recordWriter
	html  *report.HTMLWriter
	audit io.Writer
	// source names the input in the HTML report's error sections.
	source string
}

func newDecisionWriter(w io.Writer, f outputFormat, meta report.Meta, audit io.Writer) (*decisionWriter, error) {
	rw, err := newRecordWriter(w, f, checkCSVHeader, "shipment")
	if err != nil {
		return nil, err
	}
	dw := &decisionWriter{f: f, rw: rw, audit: audit, source: meta.Source}
	if f == formatHTML {
		if dw.html, err = report.NewHTMLWriter(w, meta); err != nil {
			return nil, err
		}
	}
	return dw, nil
}

// encode renders a decision of the shipment read from line; it runs on
// the workers.
func (dw *decisionWriter) encode(d *rules.Decision, line int) (*bytes.Buffer, error) {
	switch dw.f {
	case formatTable:
		b := newEncoded()
		printDecision(b, d)
		return b, nil
	case formatCSV:
		return encodeCSV(withLine(report.CSVRows(d), line)...)
	case formatJSON, formatJSONL:
		return encodeRecord(dw.f, d)
	}
	return nil, nil
}

func (dw *decisionWriter) write(c checked) error {
	if dw.audit != nil {
		if _, err := dw.audit.Write(c.audit); err != nil {
			return err
		}
	}
	if dw.html != nil {
		return dw.html.Write(c.d)
	}
	return dw.rw.write(encoded{data: c.data})
}

// writeError writes the row of a shipment that could not be judged: a
// section of the HTML report, an error row in the other formats.
func (dw *decisionWriter) writeError(r errorRow) error {
	if dw.html == nil {
		return dw.rw.writeError(r)
	}
	where := fmt.Sprintf("Unreadable shipment at %s:%d", dw.source, r.Line)
	if r.ID != "" {
		where = fmt.Sprintf("Shipment %s (%s:%d)", r.ID, dw.source, r.Line)
	}
	return dw.html.WriteError(where, errors.New(r.Error))
}

// close ends the output. After a fatal error the HTML report says that it
// is incomplete rather than look whole; bad records are in it already.
func (dw *decisionWriter) close(runErr error) error {
	if dw.html == nil {
		return dw.rw.close(runErr)
	}
	var rf *recordsFailed
	if runErr != nil && !errors.As(runErr, &rf) {
		return dw.html.CloseIncomplete(runErr)
	}
	return dw.html.Close()
}

// printDecision writes a decision for people: the verdict, then each
// finding with its evidence and citations.
func printDecision(w io.Writer, d *rules.Decision) {
	fmt.Fprintf(w, "shipment %s — %s (as of %s)\n", d.ID, strings.ToUpper(string(d.Verdict)), d.AsOf)
	if len(d.Findings) == 0 {
		fmt.Fprintln(w, "  no findings")
	}
	for _, f := range d.Findings {
		fmt.Fprintf(w, "\n  %-6s  %s\n          %s\n", strings.ToUpper(string(f.Severity)), f.Rule, f.Message)
		for _, ev := range f.Evidence {
			fmt.Fprintf(w, "          - %s%s\n", evidenceSubject(ev), ev.Detail)
		}
		for _, c := range f.Citation {
			conf := ""
			if c.Basis != "" {
				conf = " (" + c.Basis.Short() + "/" + c.Confidence.Short() + ")"
			}
			fmt.Fprintf(w, "          cite [%s %s]%s %s\n", c.Kind, c.Ref, conf, truncate(c.Text, 160))
		}
	}
	fmt.Fprintf(w, "\n  rules %s\n  goods %s\n", d.Versions.Rules, d.Versions.Goods)
	for _, s := range d.Versions.Sanctions {
		fmt.Fprintf(w, "  sanctions %s %s sha256:%.12s (%d entities)\n", s.Source, s.Published, s.SHA256, s.Entities)
	}
	fmt.Fprintf(w, "  decision %s\n\n", d.DecisionID)
}

func evidenceSubject(ev rules.Evidence) string {
	switch {
	case ev.Line > 0:
		return fmt.Sprintf("line %d: ", ev.Line)
	case ev.Party != "":
		return ev.Party + " — "
	case ev.Vessel != "":
		return "vessel " + ev.Vessel + " — "
	case ev.Port != "":
		return ev.Port + " — "
	}
	return ""
}
