package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
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

// encodeRecord encodes one record of a batch for a JSON format, on a
// worker: a line for jsonl, an element of the indented array for json. A
// recordWriter puts the pieces together.
func encodeRecord(f outputFormat, v any) ([]byte, error) {
	switch f {
	case formatJSONL:
		b, err := json.Marshal(v)
		return append(b, '\n'), err
	case formatJSON:
		// As an element of the array writeRecords would print.
		return json.MarshalIndent(v, "  ", "  ")
	}
	return nil, fmt.Errorf("format %q is not a JSON format", f)
}

// encodeCSV encodes rows of CSV.
func encodeCSV(rows ...[]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// recordWriter writes encoded records in turn, framing a JSON array around
// them for json, so that a batch streams the same bytes writeRecords would
// print for the whole slice.
type recordWriter struct {
	w io.Writer
	f outputFormat
	n int
}

func (rw *recordWriter) write(b []byte) error {
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
	_, err := rw.w.Write(b)
	return err
}

// close ends the array for json.
func (rw *recordWriter) close() error {
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
