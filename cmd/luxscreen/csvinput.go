package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// csvTable reads a CSV input whose first row names its columns, with the
// names of the JSON-lines input of the same command (docs/csv-formats.md).
// Errors name the input, the line and the column (the byte column of the
// field, as encoding/csv counts it) and the column's name.
type csvTable struct {
	name string
	r    *csv.Reader
	col  map[string]int // column name → field index
	head []string
}

// csvRow is one data row, with where each of its fields starts.
type csvRow struct {
	line   int
	fields []string
	pos    []csvPos
}

type csvPos struct{ line, col int }

// newCSVTable reads and checks the header of a CSV input. Every column must
// be one of known, appear once, and for each group in required at least one
// of the group's columns must be present.
func newCSVTable(r io.Reader, name string, known []string, required ...[]string) (*csvTable, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = false // rows are handed to other goroutines
	head, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty input; want a header row naming the columns (%s)", name, strings.Join(known, ", "))
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	t := &csvTable{name: name, r: cr, col: make(map[string]int, len(head)), head: head}
	for i, h := range head {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff") // spreadsheets start UTF-8 files with a BOM
		}
		h = strings.ToLower(strings.TrimSpace(h))
		head[i] = h
		line, col := cr.FieldPos(i)
		if !slices.Contains(known, h) {
			return nil, fmt.Errorf("%s:%d:%d: unknown column %q; want columns among %s", name, line, col, h, strings.Join(known, ", "))
		}
		if j, dup := t.col[h]; dup {
			_, first := cr.FieldPos(j)
			return nil, fmt.Errorf("%s:%d:%d: column %q appears twice (first at column %d)", name, line, col, h, first)
		}
		t.col[h] = i
	}
	for _, group := range required {
		found := false
		for _, c := range group {
			_, ok := t.col[c]
			found = found || ok
		}
		if !found {
			want := fmt.Sprintf("column %q", group[0])
			if len(group) > 1 {
				want = "one of the columns " + strings.Join(group, ", ")
			}
			return nil, fmt.Errorf("%s:1: the header has no %s", name, want)
		}
	}
	return t, nil
}

// errWrongFieldCount is a row whose number of fields is not the header's;
// the rows after it can still be read.
var errWrongFieldCount = errors.New("wrong number of fields")

// next returns the next data row, or io.EOF after the last. A row with the
// wrong number of fields is returned with an error wrapping
// errWrongFieldCount, and reading may go on; any other error means the
// input cannot be framed into rows any more (an unterminated quote) and
// ends it.
func (t *csvTable) next() (csvRow, error) {
	fields, err := t.r.Read()
	if err == io.EOF {
		return csvRow{}, io.EOF
	}
	var pe *csv.ParseError
	if err != nil && !(errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount)) {
		return csvRow{}, csvError(t.name, err)
	}
	row := csvRow{fields: fields, pos: make([]csvPos, len(fields))}
	for i := range fields {
		row.pos[i].line, row.pos[i].col = t.r.FieldPos(i)
	}
	row.line = row.pos[0].line
	if err != nil {
		return row, fmt.Errorf("%s:%d: %w: %d, the header has %d", t.name, pe.StartLine, errWrongFieldCount, len(fields), len(t.head))
	}
	return row, nil
}

// csvError rewrites an encoding/csv error as "name:line:column: message".
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: %w", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// has reports whether the table has the column.
func (t *csvTable) has(col string) bool {
	_, ok := t.col[col]
	return ok
}

// get returns the row's value in a column, trimmed; "" when the table has
// no such column.
func (t *csvTable) get(r csvRow, col string) string {
	i, ok := t.col[col]
	if !ok || i >= len(r.fields) { // a short row, already reported
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// at returns the position of a column's field in a row; for a column the
// table lacks, the start of the row.
func (t *csvTable) at(r csvRow, col string) csvPos {
	if i, ok := t.col[col]; ok && i < len(r.pos) {
		return r.pos[i]
	}
	return csvPos{line: r.line, col: 1}
}

// errorf returns an error about one field: "name:line:col: column: …".
func (t *csvTable) errorf(r csvRow, col, format string, args ...any) error {
	p := t.at(r, col)
	return fmt.Errorf("%s:%d:%d: %s: %s", t.name, p.line, p.col, col, fmt.Sprintf(format, args...))
}

// number parses an optional numeric field: nil when empty. Infinities and
// NaN are refused; they are not amounts.
func (t *csvTable) number(r csvRow, col string) (*float64, error) {
	s := t.get(r, col)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return nil, t.errorf(r, col, "%q is not a number (write 1234.5, without thousands separators)", s)
	}
	return &v, nil
}
