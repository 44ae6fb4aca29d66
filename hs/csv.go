package hs

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// csvFile is a CSV file whose first row names the columns. Its errors are
// [*LoadError]s with the line.
type csvFile struct {
	cr     *csv.Reader
	header []string
}

// readCSVHeader reads the header row of r, without the byte-order mark
// spreadsheets write. With ragged, rows may have any number of fields;
// otherwise each must have as many as the header.
func readCSVHeader(r io.Reader, ragged bool) (*csvFile, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	if ragged {
		cr.FieldsPerRecord = -1
	}
	header, err := cr.Read()
	if err != nil {
		return nil, &LoadError{Line: 1, Err: fmt.Errorf("reading header: %w", err)}
	}
	header = slices.Clone(header) // the reader reuses the slice
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	return &csvFile{cr: cr, header: header}, nil
}

// each calls fn with every record and the line it starts on, until the end
// of the file or the first error. The record is reused by the next call.
func (f *csvFile) each(fn func(line int, rec []string) error) error {
	for {
		rec, err := f.cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return &LoadError{Line: csvErrorLine(err), Err: err}
		}
		line, _ := f.cr.FieldPos(0)
		if err := fn(line, rec); err != nil {
			return err
		}
	}
}

// csvErrorLine returns the line a CSV reading error names, or 0.
func csvErrorLine(err error) int {
	// The error comes before a record, so the reader's FieldPos has nothing
	// to say about it (and panics on a record without fields).
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.StartLine
	}
	return 0
}

// columns maps the wanted column names to their index in header, or says
// which is missing.
func columns(header []string, want ...string) (map[string]int, error) {
	col := make(map[string]int, len(want))
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, w := range want {
		if _, ok := col[w]; !ok {
			return nil, fmt.Errorf("missing column %q (have %s)", w, strings.Join(header, ","))
		}
	}
	return col, nil
}
