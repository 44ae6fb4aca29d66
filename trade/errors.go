package trade

import (
	"errors"
	"fmt"
)

// Errors that classify why a file or a row was rejected. A [*RowError]
// wraps one of them, or an [*hs.ParseError] for a malformed commodity
// code; test with [errors.Is] and [errors.As].
var (
	// ErrLayout: the header matches none of the layouts the package reads.
	ErrLayout = errors.New("unrecognised layout")
	// ErrMissing: a required value is empty.
	ErrMissing = errors.New("missing value")
	// ErrInvalid: a value cannot be read as what its column holds.
	ErrInvalid = errors.New("invalid value")
	// ErrNotHS: the row is classified in SITC or BEC, whose codes the
	// catalogue does not use.
	ErrNotHS = errors.New("not an HS classification")
	// ErrNotDPRK: an assessment was asked for a flow that is neither to
	// nor from the DPRK.
	ErrNotDPRK = errors.New("flow is not to or from the DPRK")
)

// RowError reports a row, or a header, that cannot be read.
type RowError struct {
	File string
	// Line is the 1-based line the row starts on.
	Line int
	// Column is the header name of the offending field; it is empty when
	// the row as a whole is malformed (wrong number of fields, bad quotes).
	Column string
	// Value is the offending text, when there is one.
	Value string
	// Err classifies the problem: one of the Err values of this package,
	// or an [*hs.ParseError].
	Err error
}

// Error returns "file:line: column "name": value "text": reason".
func (e *RowError) Error() string {
	s := fmt.Sprintf("%s:%d", e.File, e.Line)
	if e.Column != "" {
		s += fmt.Sprintf(": column %q", e.Column)
	}
	if e.Value != "" {
		v := e.Value
		if len(v) > 60 {
			v = v[:60] + "…"
		}
		s += fmt.Sprintf(": value %q", v)
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the classifying error.
func (e *RowError) Unwrap() error { return e.Err }
