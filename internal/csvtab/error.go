package csvtab

import (
	"errors"
	"fmt"
)

// Errors an [*Error] may wrap, for [errors.Is].
var (
	// ErrFieldCount is a row whose number of fields is not the header's;
	// the rows after it can still be read.
	ErrFieldCount = errors.New("wrong number of fields")
	// ErrQuote is a row with a quote out of place: inside a field that
	// is not quoted, after the closing quote of a field, or never closed.
	// The rows after it can still be read; a quote never closed takes the
	// rest of the input into its row.
	ErrQuote = errors.New("quote out of place")
	// ErrUnknownColumn is a header naming a column the caller does not
	// know.
	ErrUnknownColumn = errors.New("unknown column")
)

// Error is a problem with a table's input, with its place.
type Error struct {
	Source string // the input's name, as given to New
	Line   int    // 1-based line, or 0 when not known
	Column int    // 1-based byte column where the field starts, or 0 when not known
	Field  string // the name of the column the error is about, or ""
	Err    error
}

// Error returns "source:line:column: field: message", leaving out the
// parts that are not known.
func (e *Error) Error() string {
	where := e.Source
	switch {
	case e.Line > 0 && e.Column > 0:
		where = fmt.Sprintf("%s:%d:%d", e.Source, e.Line, e.Column)
	case e.Line > 0:
		where = fmt.Sprintf("%s:%d", e.Source, e.Line)
	}
	if e.Field == "" {
		return where + ": " + e.Err.Error()
	}
	return where + ": " + e.Field + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }
