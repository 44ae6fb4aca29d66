package trade

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// records splits a CSV file into records as encoding/csv does with a fixed
// number of fields per record, strict quotes and leading space kept, and
// returns the same errors ([*csv.ParseError] wrapping [csv.ErrBareQuote],
// [csv.ErrQuote] or [csv.ErrFieldCount]). It is faster on the lines bulk
// files are made of, which have no quotes: such a line is split where it
// lies, with one allocation for its text and no copy into a record buffer.
// Lines with quotes go the way encoding/csv goes.
type records struct {
	br      *bufio.Reader
	comma   byte
	comment byte // 0 for none
	nfields int
	// line is the number of lines read.
	line int
	// raw holds a line longer than the bufio.Reader's buffer; rec holds
	// the unquoted text of a record with quotes, ends the end of each of
	// its fields in rec.
	raw, rec []byte
	ends     []int
	fields   []string
}

func newRecords(br *bufio.Reader, comma, comment byte, nfields int) *records {
	return &records{br: br, comma: comma, comment: comment, nfields: nfields}
}

// readLine reads one line as encoding/csv does: with its "\n", "\r\n"
// turned into "\n", and a final "\r" before the end of the file dropped.
// The slice is valid until the next call.
func (r *records) readLine() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		r.raw = append(r.raw[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = r.br.ReadSlice('\n')
			r.raw = append(r.raw, line...)
		}
		line = r.raw
	}
	if len(line) > 0 && err == io.EOF {
		err = nil
		if line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
	}
	r.line++
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

// read returns the fields of the next record, valid until the next call,
// and the line the record starts on. At the end of the input it returns
// io.EOF.
func (r *records) read() ([]string, int, error) {
	var line []byte
	var errRead error
	for errRead == nil {
		line, errRead = r.readLine()
		if r.comment != 0 && len(line) > 0 && line[0] == r.comment {
			line = nil
			continue
		}
		if errRead == nil && len(line) == lengthNL(line) {
			line = nil
			continue
		}
		break
	}
	if errRead == io.EOF {
		return nil, 0, errRead
	}
	start := r.line
	var err error
	r.fields = r.fields[:0]
	if bytes.IndexByte(line, '"') < 0 {
		s := string(line[:len(line)-lengthNL(line)])
		for {
			i := strings.IndexByte(s, r.comma)
			if i < 0 {
				r.fields = append(r.fields, s)
				break
			}
			r.fields = append(r.fields, s[:i])
			s = s[i+1:]
		}
	} else if err = r.quoted(line, errRead, start); err != nil {
		return nil, start, err
	}
	if errRead != nil {
		return nil, start, errRead
	}
	if len(r.fields) != r.nfields {
		return r.fields, start, &csv.ParseError{StartLine: start, Line: start, Column: 1, Err: csv.ErrFieldCount}
	}
	return r.fields, start, nil
}

// quoted splits a record that has quotes, reading more lines while a
// quoted field goes on, exactly as encoding/csv does. errRead is the error
// that came with line; an error reading a further line is returned.
func (r *records) quoted(line []byte, errRead error, start int) error {
	r.rec, r.ends = r.rec[:0], r.ends[:0]
	col := 1
	fail := func(line, col int, err error) error {
		return &csv.ParseError{StartLine: start, Line: line, Column: col, Err: err}
	}
	for {
		if len(line) == 0 || line[0] != '"' {
			i := bytes.IndexByte(line, r.comma)
			field := line
			if i >= 0 {
				field = field[:i]
			} else {
				field = field[:len(field)-lengthNL(field)]
			}
			if j := bytes.IndexByte(field, '"'); j >= 0 {
				return fail(r.line, col+j, csv.ErrBareQuote)
			}
			r.rec = append(r.rec, field...)
			r.ends = append(r.ends, len(r.rec))
			if i < 0 {
				break
			}
			line = line[i+1:]
			col += i + 1
			continue
		}
		line = line[1:]
		col++
		ended := false
		for !ended {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				r.rec = append(r.rec, line[:i]...)
				line = line[i+1:]
				col += i + 1
				switch {
				case len(line) > 0 && line[0] == '"':
					r.rec = append(r.rec, '"')
					line = line[1:]
					col++
				case len(line) > 0 && line[0] == r.comma:
					line = line[1:]
					col++
					r.ends = append(r.ends, len(r.rec))
					ended = true
				case lengthNL(line) == len(line):
					r.ends = append(r.ends, len(r.rec))
					r.split()
					return nil
				default:
					return fail(r.line, col-1, csv.ErrQuote)
				}
			case len(line) > 0:
				r.rec = append(r.rec, line...)
				if errRead != nil {
					return errRead
				}
				line, errRead = r.readLine()
				col = 1
				if errRead == io.EOF {
					errRead = nil
				}
			case errRead == nil:
				// The file ends inside a quoted field.
				return fail(r.line, col, csv.ErrQuote)
			default:
				return errRead
			}
		}
	}
	r.split()
	return nil
}

// split turns rec and ends into fields, with one allocation.
func (r *records) split() {
	s := string(r.rec)
	prev := 0
	for _, e := range r.ends {
		r.fields = append(r.fields, s[prev:e])
		prev = e
	}
}

func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}
