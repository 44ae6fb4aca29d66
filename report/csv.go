package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/rules"
)

// CSVHeader returns the header row [CSVWriter] writes: the column names of
// the findings CSV, fixed by docs/csv-formats.md.
func CSVHeader() []string {
	return []string{"id", "verdict", "rule", "severity", "message", "evidence", "citation"}
}

// CSVWriter writes decisions as CSV for spreadsheets: one row per finding,
// and one row with empty rule, severity and message for a shipment without
// findings, so that every shipment appears. Evidence and citations, which
// are lists, are joined with "; " in one cell each.
type CSVWriter struct {
	w    *csv.Writer
	head bool
}

// NewCSVWriter returns a writer of decisions to w. The header row is
// written with the first decision, or by Flush if there is none.
func NewCSVWriter(w io.Writer) *CSVWriter {
	return &CSVWriter{w: csv.NewWriter(w)}
}

// Write writes the rows of one decision.
func (c *CSVWriter) Write(d *rules.Decision) error {
	if err := c.header(); err != nil {
		return err
	}
	for _, row := range CSVRows(d) {
		if err := c.w.Write(row); err != nil {
			return err
		}
	}
	return c.w.Error()
}

func (c *CSVWriter) header() error {
	if c.head {
		return nil
	}
	c.head = true
	return c.w.Write(CSVHeader())
}

// Flush writes the header if nothing was written, then any buffered data,
// and reports any error that occurred.
func (c *CSVWriter) Flush() error {
	if err := c.header(); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

// CSVRows returns the rows of one decision, without the header.
func CSVRows(d *rules.Decision) [][]string {
	id, verdict := Cell(d.ID), string(d.Verdict)
	if len(d.Findings) == 0 {
		return [][]string{{id, verdict, "", "", "", "", ""}}
	}
	rows := make([][]string, 0, len(d.Findings))
	for _, f := range d.Findings {
		rows = append(rows, []string{id, verdict, f.Rule, string(f.Severity), Cell(f.Message), Cell(EvidenceSummary(f.Evidence)), Cell(CitationSummary(f.Citation))})
	}
	return rows
}

// EvidenceSummary writes a finding's evidence on one line:
// "line 1: 8703.24 …; consignee: Do Young Shipping — listed as …".
func EvidenceSummary(evs []rules.Evidence) string {
	var b strings.Builder
	for i, ev := range evs {
		if i > 0 {
			b.WriteString("; ")
		}
		if s := Subject(ev); s != "" {
			b.WriteString(s)
			b.WriteString(": ")
		}
		b.WriteString(ev.Detail)
		if ev.Uncertain {
			b.WriteString(" (uncertain)")
		}
	}
	return b.String()
}

// CitationSummary writes a finding's citations on one line:
// "[list eu-2017-1509-luxury/eu-viii-1-horses] Regulation (EU) 2017/1509 … <https://…>".
func CitationSummary(cs []rules.Citation) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString("[" + c.Kind + " " + c.Ref + "] " + c.Text)
		if c.Basis != "" {
			b.WriteString(" (" + c.Basis.Short() + "/" + c.Confidence.Short() + ")")
		}
		if c.URL != "" {
			b.WriteString(" <" + c.URL + ">")
		}
	}
	return b.String()
}

// Cell makes text from the input safe in a spreadsheet: a cell that starts
// with =, +, -, @, a tab or a carriage return would be read as a formula
// (CSV injection), so it gets a leading apostrophe, which spreadsheets hide.
// Numbers such as "-12.5" are left as they are.
func Cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}
