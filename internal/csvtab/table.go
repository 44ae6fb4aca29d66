package csvtab

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

// Table reads a CSV input whose first row names its columns. Create it
// with [New]; its methods must be called from one goroutine, but the rows
// it returns may be handed to others.
type Table struct {
	name string
	r    *csv.Reader
	col  map[string]int // column name → field index
	head []string
}

// Row is one data row of a table, with where each of its fields starts.
// Read its values with the table's methods.
type Row struct {
	// Line is the line the row starts on; a quoted field may carry the
	// row over several lines.
	Line   int
	fields []string
	pos    []Pos
}

// Pos is where a field starts in the input.
type Pos struct {
	Line   int // 1-based line
	Column int // 1-based byte column, as encoding/csv counts it
}

// New reads and checks the header of a CSV input; name names the input in
// errors. Every column must be one of known and appear once, and for each
// group in required at least one of the group's columns must be present.
func New(r io.Reader, name string, known []string, required ...[]string) (*Table, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = false // rows are handed to other goroutines
	head, err := cr.Read()
	if err == io.EOF {
		return nil, &Error{Source: name, Err: fmt.Errorf("empty input; want a header row naming the columns (%s)", strings.Join(known, ", "))}
	}
	if err != nil {
		return nil, readError(name, err)
	}
	t := &Table{name: name, r: cr, col: make(map[string]int, len(head)), head: head}
	for i, h := range head {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff") // spreadsheets start UTF-8 files with a BOM
		}
		h = strings.ToLower(strings.TrimSpace(h))
		head[i] = h
		line, col := cr.FieldPos(i)
		if !slices.Contains(known, h) {
			return nil, &Error{Source: name, Line: line, Column: col, Err: fmt.Errorf("%w %q; want columns among %s", ErrUnknownColumn, h, strings.Join(known, ", "))}
		}
		if j, dup := t.col[h]; dup {
			_, first := cr.FieldPos(j)
			return nil, &Error{Source: name, Line: line, Column: col, Err: fmt.Errorf("column %q appears twice (first at column %d)", h, first)}
		}
		t.col[h] = i
	}
	for _, group := range required {
		if !slices.ContainsFunc(group, t.Has) {
			want := fmt.Sprintf("column %q", group[0])
			if len(group) > 1 {
				want = "one of the columns " + strings.Join(group, ", ")
			}
			return nil, &Error{Source: name, Line: 1, Err: fmt.Errorf("the header has no %s", want)}
		}
	}
	return t, nil
}

// Next returns the next data row, or io.EOF after the last. A row with
// the wrong number of fields is returned with an error wrapping
// [ErrFieldCount], and a row with a quote out of place is returned empty
// but for its line with an error wrapping [ErrQuote]; after either,
// reading may go on. Any other error is one of the reader underneath and
// ends the input.
func (t *Table) Next() (Row, error) {
	fields, err := t.r.Read()
	if err == io.EOF {
		return Row{}, io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) && (errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote)) {
		return Row{Line: pe.StartLine}, &Error{Source: t.name, Line: pe.Line, Column: pe.Column, Err: quoteError(pe)}
	}
	if err != nil && !(errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount)) {
		return Row{}, readError(t.name, err)
	}
	row := Row{fields: fields, pos: make([]Pos, len(fields))}
	for i := range fields {
		row.pos[i].Line, row.pos[i].Column = t.r.FieldPos(i)
	}
	row.Line = row.pos[0].Line
	if err != nil {
		return row, &Error{Source: t.name, Line: pe.StartLine, Err: fmt.Errorf("%w: %d, the header has %d", ErrFieldCount, len(fields), len(t.head))}
	}
	return row, nil
}

// quoteError says in plain words what a quote error of encoding/csv
// means, and how far a quote that was never closed reached.
func quoteError(pe *csv.ParseError) error {
	if errors.Is(pe.Err, csv.ErrBareQuote) {
		return fmt.Errorf("%w: a quote (\") inside a field that does not start with one; quote the whole field and double the quotes inside it (\"say \"\"hello\"\"\")", ErrQuote)
	}
	if pe.Line > pe.StartLine {
		return fmt.Errorf("%w: the row that starts on line %d has a quoted field not closed properly by line %d, and the lines in between were read as part of it; every quote inside a quoted field must be doubled (\"\")", ErrQuote, pe.StartLine, pe.Line)
	}
	return fmt.Errorf("%w: text after the closing quote of a field; every quote inside a quoted field must be doubled (\"\")", ErrQuote)
}

// readError places an error of encoding/csv or of the reader under it.
func readError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{Source: name, Line: pe.Line, Column: pe.Column, Err: pe.Err}
	}
	return &Error{Source: name, Err: err}
}

// Has reports whether the table has the column.
func (t *Table) Has(col string) bool {
	_, ok := t.col[col]
	return ok
}

// Get returns the row's value in a column, trimmed of surrounding spaces;
// "" when the table has no such column or the row is too short for it.
func (t *Table) Get(r Row, col string) string {
	i, ok := t.col[col]
	if !ok || i >= len(r.fields) { // a short row, reported by Next already
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// At returns where a column's field starts in a row; for a column the
// table or the row lacks, the start of the row, so that an error about a
// missing value still points at the row.
func (t *Table) At(r Row, col string) Pos {
	if i, ok := t.col[col]; ok && i < len(r.pos) {
		return r.pos[i]
	}
	return Pos{Line: r.Line, Column: 1}
}

// Errorf returns an [*Error] about one field of a row, placed at the
// field: "name:line:column: col: message".
func (t *Table) Errorf(r Row, col, format string, args ...any) error {
	p := t.At(r, col)
	return &Error{Source: t.name, Line: p.Line, Column: p.Column, Field: col, Err: fmt.Errorf(format, args...)}
}

// Number parses an optional numeric field: nil when it is empty. Numbers
// are plain decimals without thousands separators; infinities and NaN are
// refused, since they are not amounts.
func (t *Table) Number(r Row, col string) (*float64, error) {
	s := t.Get(r, col)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return nil, t.Errorf(r, col, "%q is not a number (write 1234.5, without thousands separators)", s)
	}
	return &v, nil
}
