package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"
	"text/tabwriter"

	"github.com/luxscreen/luxscreen/report"
)

// outputFormat is the --format flag shared by commands that print records.
type outputFormat string

const (
	formatTable outputFormat = "table"
	formatJSON  outputFormat = "json"
	formatJSONL outputFormat = "jsonl"
	// formatMarkdown is a GitHub table, for documents such as the README.
	formatMarkdown outputFormat = "md"
	// formatCSV is one row per record (per finding for check), for
	// spreadsheets; docs/csv-formats.md has the columns.
	formatCSV outputFormat = "csv"
	// formatHTML is the self-contained report of "check".
	formatHTML outputFormat = "html"
)

func parseFormat(s string, allowed ...outputFormat) (outputFormat, error) {
	for _, a := range allowed {
		if string(a) == s {
			return a, nil
		}
	}
	return "", usagef("--format %q: want one of %v", s, allowed)
}

// writeRecords prints records as an indented JSON array or as JSON lines.
func writeRecords[T any](w io.Writer, f outputFormat, recs []T) error {
	switch f {
	case formatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if recs == nil {
			recs = []T{}
		}
		return enc.Encode(recs)
	case formatJSONL:
		enc := json.NewEncoder(w)
		for _, r := range recs {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("format %q is not a JSON format", f)
}

// Batch workers render each record into a buffer of encodedPool, and the
// writer hands the buffer back once written: a batch of a million records
// then allocates a few buffers instead of a million.
var encodedPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled is the largest buffer kept for reuse; a rare huge record
// should not pin its memory for the rest of the batch.
const maxPooled = 1 << 20

// newEncoded returns an empty buffer of encodedPool.
func newEncoded() *bytes.Buffer {
	b := encodedPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// releaseEncoded hands b back to encodedPool.
func releaseEncoded(b *bytes.Buffer) {
	if b != nil && b.Cap() <= maxPooled {
		encodedPool.Put(b)
	}
}

// encodeRecord encodes one record of a batch for a JSON format, on a
// worker: a line for jsonl, an element of the indented array for json. A
// recordWriter puts the pieces together.
func encodeRecord(f outputFormat, v any) (*bytes.Buffer, error) {
	b := newEncoded()
	switch f {
	case formatJSONL:
		// As json.Marshal, with the newline that ends the line.
		return b, json.NewEncoder(b).Encode(v)
	case formatJSON:
		// As an element of the array writeRecords would print.
		data, err := json.MarshalIndent(v, "  ", "  ")
		b.Write(data)
		return b, err
	}
	return b, fmt.Errorf("format %q is not a JSON format", f)
}

// encodeCSV encodes rows of CSV.
func encodeCSV(rows ...[]string) (*bytes.Buffer, error) {
	b := newEncoded()
	w := csv.NewWriter(b)
	return b, w.WriteAll(rows)
}

// encoded is one record's result in a batch, already encoded by the
// worker: its outcome and notes, for the tally, and its encoding.
type encoded struct {
	outcome string
	// notes are properties of the result besides its outcome ("needs
	// review"), counted apart in the summary.
	notes []string
	data  *bytes.Buffer
}

// encodedNotes returns an encoded result's notes, for the tally.
func encodedNotes(r encoded) []string { return r.notes }

// encodedOutcome returns an encoded result's outcome, for the tally.
func encodedOutcome(r encoded) string { return r.outcome }

// Every CSV output of a batch ends with two columns, the input line a
// row's record starts on and, in the row of a record that could not be
// processed, what is wrong; such a row has "error" as its verdict.
const (
	csvLineColumn  = "line"
	csvErrorColumn = "error"
)

// batchCSVHeader returns the header of a batch's CSV output: the
// command's columns, then the line and error columns.
func batchCSVHeader(columns ...string) []string {
	return append(slices.Clip(columns), csvLineColumn, csvErrorColumn)
}

// withLine appends the line and (empty) error columns to the CSV rows of a
// record read from line.
func withLine(rows [][]string, line int) [][]string {
	for i := range rows {
		rows[i] = append(rows[i], strconv.Itoa(line), "")
	}
	return rows
}

// errorCSV returns the CSV row, under header, of a record that could not
// be processed: its ID, "error" as its verdict, its line and the error.
func errorCSV(header []string, r errorRow) []string {
	row := make([]string, len(header))
	for i, h := range header {
		switch h {
		case "id":
			row[i] = report.Cell(r.ID)
		case "verdict":
			row[i] = "error"
		case csvLineColumn:
			row[i] = strconv.Itoa(r.Line)
		case csvErrorColumn:
			row[i] = report.Cell(r.Error)
		}
	}
	return row
}

// recordWriter writes encoded records in turn, framing a JSON array around
// them for json, so that a batch streams the same bytes writeRecords would
// print for the whole slice. It writes the error row of a record that
// failed in the same format.
type recordWriter struct {
	w io.Writer
	f outputFormat
	n int
	// header is the CSV header, and noun what the table format calls a
	// record ("shipment"), for error rows.
	header []string
	noun   string
}

// newRecordWriter returns a writer of records in format f to w, and
// writes csvHeader first when f is CSV; noun names a record in the table
// format.
func newRecordWriter(w io.Writer, f outputFormat, csvHeader []string, noun string) (*recordWriter, error) {
	rw := &recordWriter{w: w, f: f, header: csvHeader, noun: noun}
	if f == formatCSV {
		b, err := encodeCSV(csvHeader)
		if err != nil {
			return nil, err
		}
		defer releaseEncoded(b)
		if _, err := w.Write(b.Bytes()); err != nil {
			return nil, err
		}
	}
	return rw, nil
}

// write writes one encoded record and releases its buffer.
func (rw *recordWriter) write(e encoded) error { return rw.writeBuffer(e.data) }

func (rw *recordWriter) writeBuffer(b *bytes.Buffer) error {
	defer releaseEncoded(b)
	if rw.f == formatJSON {
		sep := ",\n  "
		if rw.n == 0 {
			sep = "[\n  "
		}
		if _, err := io.WriteString(rw.w, sep); err != nil {
			return err
		}
	}
	rw.n++
	_, err := rw.w.Write(b.Bytes())
	return err
}

// writeError writes the error row of a record that could not be
// processed.
func (rw *recordWriter) writeError(r errorRow) error {
	var (
		b   *bytes.Buffer
		err error
	)
	switch rw.f {
	case formatCSV:
		b, err = encodeCSV(errorCSV(rw.header, r))
	case formatJSON, formatJSONL:
		b, err = encodeRecord(rw.f, r)
	default:
		b = newEncoded()
		writeErrorText(b, rw.noun, r)
	}
	if err != nil {
		return err
	}
	return rw.writeBuffer(b)
}

// writeErrorText writes an error row for people, as the table format
// writes a result: "shipment BK-1 (line 12) — ERROR", then the error.
func writeErrorText(w io.Writer, noun string, r errorRow) {
	if r.ID != "" {
		fmt.Fprintf(w, "%s %s (line %d) — ERROR\n  %s\n\n", noun, r.ID, r.Line, r.Error)
		return
	}
	fmt.Fprintf(w, "%s at line %d — ERROR\n  %s\n\n", noun, r.Line, r.Error)
}

// close ends the array for json.
func (rw *recordWriter) close(error) error {
	if rw.f != formatJSON {
		return nil
	}
	end := "\n]\n"
	if rw.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(rw.w, end)
	return err
}

func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}
