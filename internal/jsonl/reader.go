package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// ErrTooLong is the error of a record longer than a [Reader]'s limit.
var ErrTooLong = errors.New("line too long")

// Record is one record of a JSON-lines input.
type Record struct {
	// Line is the 1-based line the record starts on.
	Line int
	// Data is the record's bytes without the line end, owned by the
	// caller. For a record longer than the limit it is the record's first
	// bytes, up to the limit, so that its ID may still be found.
	Data []byte
	// Err, when set, is a [*datafile.Error] wrapping [ErrTooLong]: the
	// record was not read whole and cannot be decoded.
	Err error
}

// Reader reads the records of a JSON-lines input: each non-blank line is
// one record, except that an input that is one JSON document spread over
// several lines (an indented shipment, say) is one record.
//
// A line longer than the limit is returned as a record with an error, and
// reading resumes at the next newline; a line that is not valid JSON is
// returned like any other, for the caller's decoder to report. So one bad
// line costs that line alone.
type Reader struct {
	source string
	br     *bufio.Reader
	max    int
	line   int  // lines read so far
	first  bool // no record returned yet
}

// readerBuffer is the size of a Reader's buffer: most records fit, so that
// reading a line copies it once.
const readerBuffer = 64 << 10

// NewReader returns a reader of r's records of up to max bytes each;
// source names r in errors.
func NewReader(r io.Reader, source string, max int) *Reader {
	return &Reader{source: source, br: bufio.NewReaderSize(r, readerBuffer), max: max, first: true}
}

// Next returns the next record, or io.EOF after the last. Any other error
// is one of the reader underneath and ends the input.
func (r *Reader) Next() (Record, error) {
	for {
		start := r.line + 1
		b, tooLong, err := r.readLine()
		if err != nil {
			return Record{}, err
		}
		if start == 1 {
			// Spreadsheets and Windows editors start UTF-8 files with a
			// byte-order mark, which is not JSON.
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(b)) == 0 && !tooLong {
			continue
		}
		if tooLong {
			r.first = false
			return Record{Line: start, Data: b, Err: &datafile.Error{File: r.source, Line: start, Err: fmt.Errorf("%w: the record is longer than %s; no line may be", ErrTooLong, sizeText(r.max))}}, nil
		}
		if r.first {
			r.first = false
			if incomplete(b) {
				return r.document(start, b)
			}
		}
		return Record{Line: start, Data: b}, nil
	}
}

// readLine reads the next line, without its line end, as a copy. A line
// longer than max is cut at max bytes, the rest of it skipped, and
// tooLong set. The error is io.EOF at the end of the input, when no line
// is left, or one of the reader underneath.
func (r *Reader) readLine() (b []byte, tooLong bool, err error) {
	for {
		chunk, rerr := r.br.ReadSlice('\n')
		if !tooLong {
			b = append(b, chunk...)
			if len(b) > r.max+2 { // +2: the line end is not the record's
				b, tooLong = b[:r.max], true
			}
		}
		switch {
		case rerr == nil:
			r.line++
			return trimEOL(b, r.max, tooLong)
		case errors.Is(rerr, bufio.ErrBufferFull):
			continue
		case rerr == io.EOF:
			if len(b) == 0 && !tooLong {
				return nil, false, io.EOF
			}
			r.line++
			return trimEOL(b, r.max, tooLong)
		}
		return nil, false, &datafile.Error{File: r.source, Line: r.line + 1, Err: rerr}
	}
}

// trimEOL drops the line end ("\n" or "\r\n") of a line read whole, and
// reports a line of more than max bytes without it as too long.
func trimEOL(b []byte, max int, tooLong bool) ([]byte, bool, error) {
	if !tooLong {
		b = bytes.TrimSuffix(b, []byte("\n"))
		b = bytes.TrimSuffix(b, []byte("\r"))
		if len(b) > max {
			b, tooLong = b[:max], true
		}
	}
	return b, tooLong, nil
}

// incomplete reports whether a line is the start of a JSON value that
// goes on past the line end, such as the "{" of an indented document.
func incomplete(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	var v json.RawMessage
	return errors.Is(dec.Decode(&v), io.ErrUnexpectedEOF)
}

// document reads the rest of an input whose first record, first (on line
// start), is the start of a JSON value longer than the line. If the whole
// input is that one value it is one record; if not, the input is read as
// lines after all, starting again at first.
func (r *Reader) document(start int, first []byte) (Record, error) {
	doc := append(bytes.Clone(first), '\n')
	rest := r.br
	for len(doc) <= r.max {
		chunk, err := rest.ReadSlice('\n')
		doc = append(doc, chunk...)
		if err == io.EOF {
			if json.Valid(doc) {
				r.line = start - 1 + bytes.Count(doc, []byte("\n"))
				if doc[len(doc)-1] != '\n' {
					r.line++
				}
				return Record{Line: start, Data: bytes.TrimRight(doc, " \t\r\n")}, nil
			}
			break
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return Record{}, &datafile.Error{File: r.source, Line: start, Err: err}
		}
	}
	// Not one document: read what was read ahead again, as lines, then
	// the rest of the input. The first line's record is returned now.
	r.br = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(doc[len(first)+1:]), rest), readerBuffer)
	r.line = start
	return Record{Line: start, Data: first}, nil
}

// sizeText writes a byte count for people: "4 MiB", "64 KiB", "100 bytes".
func sizeText(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
