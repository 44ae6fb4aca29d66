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
	"github.com/luxscreen/luxscreen/internal/batch"
	"github.com/luxscreen/luxscreen/internal/progress"
	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/rules"
)

// checkUsage is the synopsis of "luxscreen check".
const checkUsage = "--input FILE|- [--input-format jsonl|csv] [--format table|json|jsonl|csv|html] [--output FILE] [--workers N] [--rules FILE]… [--list FILE]… [--rates FILE] [--prices FILE] [--audit FILE]"

func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "check", checkUsage)
	input := fs.String("input", "", "shipments as JSON, one per line or indented documents one after another, or a bill-of-lading CSV; - for standard input")
	fs.formatFlag(formatTable, formatTable, formatJSON, formatJSONL, formatCSV, formatHTML)
	fs.ruleFlags()
	fs.listFlag()
	auditFile := fs.String("audit", "", "append one JSON audit record per decision to this file")
	var bf batchFlags
	bf.register(fs)
	f, err := fs.parseInput(args, "give shipments with --input", input, "--input is required (a file, or - for standard input)")
	if err != nil {
		return err
	}
	if err := bf.check(); err != nil {
		return err
	}
	sys, err := fs.open(ctx, e, luxscreen.Config{}, true)
	if err != nil {
		return err
	}
	defer sys.Close()
	return checkBatch(ctx, e, sys, *input, f, *auditFile, &bf)
}

// checkBatch judges the shipments of input on the workers and writes the
// decisions in input order, and their audit records to auditFile when it
// is not empty.
func checkBatch(ctx context.Context, e *env, sys *luxscreen.System, input string, f outputFormat, auditFile string, bf *batchFlags) error {
	in, err := openInput(e, input, bf.inputFormat)
	if err != nil {
		return err
	}
	defer in.Close()
	next, err := shipmentReader(in)
	if err != nil {
		return err
	}
	var audit io.Writer
	if auditFile != "" {
		af, err := os.OpenFile(auditFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer af.Close()
		audit = af
	}
	out, err := openOutput(e, bf.output)
	if err != nil {
		return err
	}
	meta := report.Meta{Source: in.name, Generated: e.now(), Tool: "luxscreen check"}
	if sys.DemoList() {
		meta.Warnings = append(meta.Warnings, "Parties and vessels were screened against the embedded DEMO list of a few DPRK designations, not the official sanctions lists: these decisions are not for production use. Run the check again with --list for each official list.")
	}
	w, err := newDecisionWriter(out, f, meta)
	if err != nil {
		return err
	}
	err = runBatch(ctx, e, bf, in, out, batchJob[checkRecord, checked]{
		cmd: "check", one: "shipment", many: "shipments",
		tally:   progress.NewTally(string(rules.VerdictBlock), string(rules.VerdictReview), string(rules.VerdictClear)),
		outcome: func(c checked) string { return string(c.d.Verdict) },
		next:    next,
		process: func(ctx context.Context, rec checkRecord) (checked, error) {
			return checkOne(ctx, e, sys, w, audit != nil, rec)
		},
		emit: func(c checked) error {
			if audit != nil {
				if _, err := audit.Write(c.audit); err != nil {
					return err
				}
			}
			return w.write(c)
		},
		emitError: func(rec checkRecord, err error) error { return w.writeError(rec, err) },
	})
	return closeBatch(err, closer(func() error { return w.close(err) }), out)
}

// checkOne judges one shipment and renders its decision, and its audit
// record when audit is set; it runs on the workers.
func checkOne(ctx context.Context, e *env, sys *luxscreen.System, w *decisionWriter, audit bool, rec checkRecord) (checked, error) {
	d, err := sys.Check(ctx, rec.s)
	if err != nil {
		if ctx.Err() != nil {
			return checked{}, err
		}
		// The decoder validated the shipment, so this is rare; it fails
		// the shipment, not the batch.
		return checked{}, batch.Skip(fmt.Errorf("%s: %w", rec.where, err))
	}
	c := checked{d: d}
	if c.data, err = w.encode(d); err != nil {
		return c, err
	}
	if audit {
		var b bytes.Buffer
		if err := rules.WriteAudit(&b, d.AuditRecord(e.now())); err != nil {
			return c, err
		}
		c.audit = b.Bytes()
	}
	return c, nil
}

// shipmentReader returns a reader of the shipments of the input: JSON
// values one after another, or the rows of a bill-of-lading CSV grouped by
// shipment.
func shipmentReader(in *batchInput) (func() (checkRecord, error), error) {
	if in.format == inputCSV {
		return csvShipmentReader(in)
	}
	dec := rules.NewDecoder(in, in.name)
	return func() (checkRecord, error) {
		s, err := dec.Next()
		var de *rules.DecodeError
		if errors.As(err, &de) && !errors.Is(err, rules.ErrSyntax) {
			// A shipment that breaks the model does not stop the batch;
			// after a syntax error the stream cannot be followed.
			where := de.Source
			if de.Line > 0 {
				where = fmt.Sprintf("%s:%d", de.Source, de.Line)
			}
			return checkRecord{where: where}, batch.Skip(err)
		}
		if err != nil {
			return checkRecord{}, err
		}
		return checkRecord{s: s, id: s.ID, where: in.name}, nil
	}, nil
}

// checked is one shipment's decision, rendered by the worker for every
// format but html, whose writer keeps state across decisions.
type checked struct {
	d     *rules.Decision
	data  *bytes.Buffer
	audit []byte
}

// decisionWriter writes decisions in the output format.
type decisionWriter struct {
	f    outputFormat
	rw   *recordWriter
	html *report.HTMLWriter
}

func newDecisionWriter(w io.Writer, f outputFormat, meta report.Meta) (*decisionWriter, error) {
	rw, err := newRecordWriter(w, f, report.CSVHeader())
	if err != nil {
		return nil, err
	}
	dw := &decisionWriter{f: f, rw: rw}
	if f == formatHTML {
		if dw.html, err = report.NewHTMLWriter(w, meta); err != nil {
			return nil, err
		}
	}
	return dw, nil
}

// encode renders a decision; it runs on the workers.
func (dw *decisionWriter) encode(d *rules.Decision) (*bytes.Buffer, error) {
	switch dw.f {
	case formatTable:
		b := newEncoded()
		printDecision(b, d)
		return b, nil
	case formatCSV:
		return encodeCSV(report.CSVRows(d)...)
	case formatJSON, formatJSONL:
		return encodeRecord(dw.f, d)
	}
	return nil, nil
}

func (dw *decisionWriter) write(c checked) error {
	if dw.html != nil {
		return dw.html.Write(c.d)
	}
	return dw.rw.write(c.data)
}

// writeError puts a shipment that could not be judged in the HTML report;
// the other formats carry decisions only, and the error is on standard
// error.
func (dw *decisionWriter) writeError(rec checkRecord, err error) error {
	if dw.html == nil {
		return nil
	}
	where := "Unreadable shipment at " + rec.where
	if rec.id != "" {
		where = "Shipment " + rec.id + " (" + rec.where + ")"
	}
	return dw.html.WriteError(where, err)
}

// close ends the output. After a fatal error the HTML report says that it
// is incomplete rather than look whole; bad records are in it already.
func (dw *decisionWriter) close(runErr error) error {
	if dw.html == nil {
		return dw.rw.close()
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
			fmt.Fprintf(w, "          cite [%s %s] %s\n", c.Kind, c.Ref, truncate(c.Text, 160))
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
