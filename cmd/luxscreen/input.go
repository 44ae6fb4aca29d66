package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/luxscreen/luxscreen/internal/batch"
	"github.com/luxscreen/luxscreen/internal/csvtab"
)

// Input formats of the batch commands (--input-format).
const (
	inputJSONL = "jsonl"
	inputCSV   = "csv"
)

// batchInput is the --input of a batch command: a file, or standard input
// for "-". It counts the bytes read so that the progress meter can tell how
// far through a file the batch is.
type batchInput struct {
	// name is what errors call the input: the path, or "stdin".
	name string
	// format is inputJSONL or inputCSV.
	format string
	// size is the file's size, or 0 when it is not a regular file.
	size int64
	r    io.Reader
	read atomic.Int64
	f    *os.File
}

// openInput opens path ("-" for standard input) in the given format, or
// in the format its extension names when format is empty: ".csv" is CSV,
// anything else JSON.
func openInput(e *env, path, format string) (*batchInput, error) {
	switch strings.ToLower(format) {
	case "":
		format = inputJSONL
		if strings.EqualFold(filepath.Ext(path), ".csv") {
			format = inputCSV
		}
	case "json", inputJSONL:
		format = inputJSONL
	case inputCSV:
		format = inputCSV
	default:
		return nil, usagef("--input-format %q: want jsonl or csv", format)
	}
	in := &batchInput{name: path, format: format}
	if path == "-" {
		in.name, in.r = "stdin", e.stdin
		return in, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		in.size = st.Size()
	}
	in.f, in.r = f, f
	return in, nil
}

// Read reads from the input and counts the bytes.
func (in *batchInput) Read(p []byte) (int, error) {
	n, err := in.r.Read(p)
	in.read.Add(int64(n))
	return n, err
}

// pos returns the bytes read so far; the progress meter calls it from the
// goroutine that writes results.
func (in *batchInput) pos() int64 { return in.read.Load() }

// Close closes the input file; standard input is left open.
func (in *batchInput) Close() error {
	if in.f != nil {
		return in.f.Close()
	}
	return nil
}

// maxLine is the longest JSON line a batch input may have; a shipment with
// many lines and parties is the largest record we read.
const maxLine = 4 << 20

// jsonLine is one non-blank line of a JSON-lines input, not yet decoded:
// decoding is left to the workers.
type jsonLine struct {
	line int
	b    []byte
}

// jsonLines returns a function that yields the non-blank lines of r in
// turn, then io.EOF. Each line is a copy, owned by the caller.
func jsonLines(r io.Reader, name string) func() (jsonLine, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	line := 0
	return func() (jsonLine, error) {
		for sc.Scan() {
			line++
			// Leading blanks are kept so that columns in errors count
			// from the start of the line.
			if b := sc.Bytes(); len(bytes.TrimSpace(b)) > 0 {
				return jsonLine{line: line, b: bytes.Clone(b)}, nil
			}
		}
		if err := sc.Err(); err != nil {
			return jsonLine{}, fmt.Errorf("%s:%d: %w", name, line+1, err)
		}
		return jsonLine{}, io.EOF
	}
}

// decodeJSONLine decodes one line strictly: an unknown field is an error.
// Errors name the input, the line and, when the decoder knows it, the
// column, so that a bad record in a million-line file can be found.
func decodeJSONLine[T any](name string, l jsonLine) (T, error) {
	var v T
	dec := json.NewDecoder(bytes.NewReader(l.b))
	dec.DisallowUnknownFields()
	err := dec.Decode(&v)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value on the line")
	}
	if err == nil {
		return v, nil
	}
	var (
		se *json.SyntaxError
		te *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &se):
		return v, fmt.Errorf("%s:%d:%d: %w", name, l.line, se.Offset, err)
	case errors.As(err, &te):
		return v, fmt.Errorf("%s:%d:%d: %w", name, l.line, te.Offset, err)
	}
	return v, fmt.Errorf("%s:%d: %w", name, l.line, err)
}

// record is one record of a batch input: a JSON line still to decode (the
// workers decode, the reader only splits lines), or a CSV row already read
// into v.
type record[T any] struct {
	line int
	json []byte
	v    T
}

// value returns the record's value, decoding a JSON line; name is the
// input's name for errors.
func (r record[T]) value(name string) (T, error) {
	if r.json == nil {
		return r.v, nil
	}
	return decodeJSONLine[T](name, jsonLine{line: r.line, b: r.json})
}

// convert returns the record's value, decoding a JSON line, converted by
// conv; name is the input's name for errors. Both errors skip the record,
// the conversion's naming the line.
func convert[T, U any](name string, r record[T], conv func(T) (U, error)) (U, error) {
	v, err := r.value(name)
	if err != nil {
		var zero U
		return zero, batch.Skip(err)
	}
	u, err := conv(v)
	if err != nil {
		return u, batch.Skip(fmt.Errorf("%s:%d: %w", name, r.line, err))
	}
	return u, nil
}

// jsonRecords returns a reader of the records of a JSON-lines input.
func jsonRecords[T any](in *batchInput) func() (record[T], error) {
	next := jsonLines(in, in.name)
	return func() (record[T], error) {
		l, err := next()
		return record[T]{line: l.line, json: l.b}, err
	}
}

// csvRecords returns a reader of the records of a CSV input: conv turns a
// row into a value, and an error from it, or a row with the wrong number
// of fields, is the failure of that record alone.
func csvRecords[T any](t *csvtab.Table, conv func(*csvtab.Table, csvtab.Row) (T, error)) func() (record[T], error) {
	return func() (record[T], error) {
		row, err := t.Next()
		if errors.Is(err, csvtab.ErrFieldCount) {
			return record[T]{line: row.Line}, batch.Skip(err)
		}
		if err != nil {
			return record[T]{}, err
		}
		v, err := conv(t, row)
		if err != nil {
			return record[T]{line: row.Line}, batch.Skip(err)
		}
		return record[T]{line: row.Line, v: v}, nil
	}
}

// recordFormat is how a batch command reads its records from CSV: the
// columns it knows (the field names of its JSON lines), the columns of
// which a row needs at least one, and the conversion of a row.
type recordFormat[T any] struct {
	columns, oneOf []string
	fromCSV        func(*csvtab.Table, csvtab.Row) (T, error)
}

// openRecords opens the --input of a batch command and returns it with a
// reader of its records, JSON lines or CSV rows.
func openRecords[T any](e *env, path string, bf *batchFlags, rf recordFormat[T]) (*batchInput, func() (record[T], error), error) {
	in, err := openInput(e, path, bf.inputFormat)
	if err != nil {
		return nil, nil, err
	}
	if in.format != inputCSV {
		return in, jsonRecords[T](in), nil
	}
	t, err := csvtab.New(in, in.name, rf.columns, rf.oneOf)
	if err != nil {
		in.Close()
		return nil, nil, err
	}
	return in, csvRecords(t, rf.fromCSV), nil
}

// encoded is one record's result in a batch that writes one encoded record
// per input record, already encoded by the worker: its outcome, for the
// tally, and its encoding.
type encoded struct {
	outcome string
	data    *bytes.Buffer
}

// runRecordBatch runs job, a batch command that writes one encoded record
// per input record, over the records of path: it opens the input and the
// output, processes each record with process, which is given the input's
// name for errors, and closes the output.
func runRecordBatch[T any](ctx context.Context, e *env, bf *batchFlags, path string, rf recordFormat[T], f outputFormat, csvHeader []string, job batchJob[record[T], encoded], process func(ctx context.Context, name string, rec record[T]) (encoded, error)) error {
	in, next, out, rw, err := openRecordBatch(e, path, bf, rf, f, csvHeader)
	if err != nil {
		return err
	}
	defer in.Close()
	job.next = next
	job.outcome = func(r encoded) string { return r.outcome }
	job.process = func(ctx context.Context, rec record[T]) (encoded, error) { return process(ctx, in.name, rec) }
	job.emit = func(r encoded) error { return rw.write(r.data) }
	return closeBatch(runBatch(ctx, e, bf, in, out, job), rw, out)
}

// openRecordBatch opens the input and the output of a batch command that
// writes one encoded record per input record: the input with a reader of
// its records, the output, and a record writer on it.
func openRecordBatch[T any](e *env, path string, bf *batchFlags, rf recordFormat[T], f outputFormat, csvHeader []string) (*batchInput, func() (record[T], error), *batchOutput, *recordWriter, error) {
	in, next, err := openRecords(e, path, bf, rf)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	out, err := openOutput(e, bf.output)
	if err != nil {
		in.Close()
		return nil, nil, nil, nil, err
	}
	rw, err := newRecordWriter(out, f, csvHeader)
	if err != nil {
		in.Close()
		out.close()
		return nil, nil, nil, nil, err
	}
	return in, next, out, rw, nil
}
