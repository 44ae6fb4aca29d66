package datafile

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Errors an [*Error] may wrap, for [errors.Is]. Packages wrap their own
// kinds (an unknown condition, say) in one of these or beside them.
var (
	// ErrSyntax is a file that is not well-formed YAML.
	ErrSyntax = errors.New("YAML syntax")
	// ErrUnknownField is a key the format does not define.
	ErrUnknownField = errors.New("unknown field")
	// ErrDuplicate is a key given twice in one mapping, or an identifier
	// given twice where it must be unique.
	ErrDuplicate = errors.New("given twice")
	// ErrMissing is a required field or value that is absent or empty.
	ErrMissing = errors.New("required field missing")
	// ErrInvalid is a value of the wrong type or outside its domain.
	ErrInvalid = errors.New("invalid value")
	// ErrUnknownFile is a file in a data directory that no package reads.
	ErrUnknownFile = errors.New("unknown file")
)

// Error is a problem in a data file, with its place.
type Error struct {
	File   string // the file's path, as given to the loader
	Line   int    // 1-based line, or 0 when not known
	Column int    // 1-based column, or 0 when not known
	Field  string // the field path, e.g. "entries[2].codes[0].code"
	Err    error
}

// Error formats the problem as file:line:column: field: problem, the form
// editors and compilers use, so that a click or a grep finds the place.
// Without a file name (input read from a stream) the line is written
// "line N".
func (e *Error) Error() string {
	var parts []string
	place := e.File
	if e.Line > 0 {
		if place == "" {
			place = "line "
		} else {
			place += ":"
		}
		place += strconv.Itoa(e.Line)
		if e.Column > 0 {
			place += ":" + strconv.Itoa(e.Column)
		}
	}
	for _, p := range []string{place, e.Field} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if e.Err != nil {
		parts = append(parts, e.Err.Error())
	}
	return strings.Join(parts, ": ")
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an [*Error] at the given place whose error wraps kind
// with the formatted message, or is kind itself when format is empty.
func Errorf(file string, line, column int, field string, kind error, format string, args ...any) *Error {
	if format == "" {
		return &Error{File: file, Line: line, Column: column, Field: field, Err: kind}
	}
	return &Error{File: file, Line: line, Column: column, Field: field, Err: fmt.Errorf("%w: "+format, append([]any{kind}, args...)...)}
}

// Problems returns every [*Error] in err, in order: err itself, or the
// errors joined into it by [errors.Join] at any depth. An error that is no
// [*Error] is returned as one without a place.
func Problems(err error) []*Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) && e == err {
		return []*Error{e}
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*Error
		for _, x := range j.Unwrap() {
			out = append(out, Problems(x)...)
		}
		return out
	}
	if errors.As(err, &e) {
		return []*Error{e}
	}
	return []*Error{{Err: err}}
}
