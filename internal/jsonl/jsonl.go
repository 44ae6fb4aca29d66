package jsonl

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// ReadError is an error reading the input itself, such as a line longer
// than the limit ([bufio.ErrTooLong]), at the line where it happened.
type ReadError struct {
	Line int // 1-based
	Err  error
}

func (e *ReadError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *ReadError) Unwrap() error { return e.Err }

// Each calls fn with every line of r that is not blank, trimmed of the
// space around it, and the line's 1-based number. Lines may be up to max
// bytes long. It returns the first error of fn as it is, or a
// [*ReadError]. The bytes passed to fn are valid only during the call.
func Each(r io.Reader, max int, fn func(line int, b []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, min(max, 64*1024)), max)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if err := fn(line, b); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &ReadError{Line: line + 1, Err: err}
	}
	return nil
}
