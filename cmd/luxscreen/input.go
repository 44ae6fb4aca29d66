package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/luxscreen/luxscreen/internal/batch"
	"github.com/luxscreen/luxscreen/internal/csvtab"
	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/jsonl"
	"github.com/luxscreen/luxscreen/rules"
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
	// stat describes the file read, standard input too when it is a
	// file, so that --output can be refused when it is the same file; nil
	// for a pipe.
	stat os.FileInfo
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
		if f, ok := e.stdin.(*os.File); ok {
			in.stat, _ = f.Stat()
		}
		return in, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil {
		in.stat = st
		if st.Mode().IsRegular() {
			in.size = st.Size()
		}
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
// many lines and parties is the largest record we read. A longer line is
// that record's failure alone.
const maxLine = 4 << 20

// record is one record of a batch input: a JSON line still to decode (the
// workers decode, the reader only splits lines), or a CSV record already
// read into v.
type record[T any] struct {
	// line is the line the record starts on.
	line int
	// id is the record's ID when the reader knows it without decoding
	// (CSV), for the error row of a record that fails.
	id   string
	json []byte
	v    T
}

// rowID returns the ID an error row names: the one the reader read, or
// the one a JSON record that may not decode still shows.
func (r record[T]) rowID() string {
	if r.id == "" && r.json != nil {
		return jsonl.Field(r.json, "id")
	}
	return r.id
}

// recordFormat is how a batch command reads its records: from CSV, the
// columns it knows (the field names of its JSON lines), the columns of
// which a row needs at least one and the conversion of a row, or readCSV
// for records that span rows; from JSON, decode, or a strict decoding
// into T when decode is nil. lineIDs is set when a record without an ID
// is named by its line number, in its error row too.
type recordFormat[T any] struct {
	columns, oneOf []string
	fromCSV        func(*csvtab.Table, csvtab.Row) (T, error)
	readCSV        func(in *batchInput) (func() (record[T], error), error)
	decode         func(name string, line int, b []byte) (T, error)
	lineIDs        bool
}

// value returns a record's value, decoding a JSON record on the worker;
// name is the input's name for errors.
func (rf recordFormat[T]) value(name string, r record[T]) (T, error) {
	if r.json == nil {
		return r.v, nil
	}
	if rf.decode != nil {
		return rf.decode(name, r.line, r.json)
	}
	var v T
	return v, jsonl.Decode(name, r.line, r.json, &v)
}

// jsonRecords returns a reader of the records of a JSON-lines input. A
// line that cannot be read whole is that record's failure; reading goes
// on at the next line.
func jsonRecords[T any](in *batchInput) func() (record[T], error) {
	r := jsonl.NewReader(in, in.name, maxLine)
	return func() (record[T], error) {
		rec, err := r.Next()
		if err != nil {
			return record[T]{}, err
		}
		if rec.Err != nil {
			return record[T]{line: rec.Line, json: rec.Data}, batch.Skip(rec.Err)
		}
		return record[T]{line: rec.Line, json: rec.Data}, nil
	}
}

// csvRecords returns a reader of the records of a CSV input: conv turns a
// row into a value, and an error from it, or a row that cannot be read
// (the wrong number of fields, a bad quote), is the failure of that
// record alone.
func csvRecords[T any](t *csvtab.Table, conv func(*csvtab.Table, csvtab.Row) (T, error)) func() (record[T], error) {
	return func() (record[T], error) {
		row, err := t.Next()
		rec := record[T]{line: row.Line, id: t.Get(row, "id")}
		if errors.Is(err, csvtab.ErrFieldCount) || errors.Is(err, csvtab.ErrQuote) {
			return rec, batch.Skip(err)
		}
		if err != nil {
			return record[T]{}, err
		}
		v, err := conv(t, row)
		if err != nil {
			return rec, batch.Skip(err)
		}
		rec.v = v
		return rec, nil
	}
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
	if rf.readCSV != nil {
		next, err := rf.readCSV(in)
		if err != nil {
			in.Close()
			return nil, nil, err
		}
		return in, next, nil
	}
	t, err := csvtab.New(in, in.name, rf.columns, rf.oneOf)
	if err != nil {
		in.Close()
		return nil, nil, err
	}
	return in, csvRecords(t, rf.fromCSV), nil
}

// lineID is the ID of a record without one in a command that names such
// records by their line.
func lineID(line int) string { return strconv.Itoa(line) }

// recordFailure is the failure of one record while it was processed,
// after it was read: the input and line it starts on, and the cause.
type recordFailure struct {
	source string
	line   int
	err    error
}

func (f *recordFailure) Error() string { return fmt.Sprintf("%s:%d: %v", f.source, f.line, f.err) }

// Unwrap returns the cause.
func (f *recordFailure) Unwrap() error { return f.err }

// failRecord makes err, the failure of the record on line of source while
// it was processed, that record's failure alone, unless ctx is done: then
// the batch is stopping and err is its cause. An error that names its
// place already keeps it.
func failRecord(ctx context.Context, source string, line int, err error) error {
	if ctx.Err() != nil {
		return err
	}
	if !placed(err) {
		err = &recordFailure{source: source, line: line, err: err}
	}
	return batch.Skip(err)
}

// placed reports whether err names the input and line it is about.
func placed(err error) bool {
	_, ok := placedMessage(err)
	return ok
}

// rowMessage returns what is wrong with a record, in the words of its
// error row: the error without the input's name and line, which the row
// gives apart.
func rowMessage(err error) string {
	if msg, ok := placedMessage(err); ok {
		return msg
	}
	return err.Error()
}

// placedMessage returns the message of an error that names its place,
// without the place, and whether err is such an error.
func placedMessage(err error) (string, bool) {
	var (
		fe *datafile.Error
		ce *csvtab.Error
		de *rules.DecodeError
		rf *recordFailure
	)
	switch {
	case errors.As(err, &rf):
		return rf.err.Error(), true
	case errors.As(err, &fe):
		return fieldMessage(fe.Field, fe.Err), true
	case errors.As(err, &ce):
		return fieldMessage(ce.Field, ce.Err), true
	case errors.As(err, &de):
		return fieldMessage(de.Field, de.Err), true
	}
	return "", false
}

func fieldMessage(field string, err error) string {
	if field == "" {
		return err.Error()
	}
	return field + ": " + err.Error()
}

// runRecordBatch runs job, a batch command that writes one row per input
// record, over the records of path: it opens the input and the output
// (with newWriter), decodes each record and processes it with process,
// writes a result row or, for a record that failed, an error row, and
// closes the output.
func runRecordBatch[T, Out any](ctx context.Context, e *env, bf *batchFlags, path string, rf recordFormat[T], job batchJob[record[T], Out], newWriter func(in *batchInput, out *batchOutput) (rowWriter[Out], error), process func(ctx context.Context, rec record[T], v T) (Out, error)) error {
	in, next, err := openRecords(e, path, bf, rf)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := openOutput(e, bf.output, in)
	if err != nil {
		return err
	}
	w, err := newWriter(in, out)
	if err != nil {
		out.abort()
		return err
	}
	job.next = next
	job.process = func(ctx context.Context, rec record[T]) (Out, error) {
		v, err := rf.value(in.name, rec)
		if err != nil {
			var zero Out
			return zero, batch.Skip(err)
		}
		o, err := process(ctx, rec, v)
		if err != nil {
			return o, failRecord(ctx, in.name, rec.line, err)
		}
		return o, nil
	}
	job.emit = w.write
	job.emitError = func(rec record[T], err error) error {
		id := rec.rowID()
		if id == "" && rf.lineIDs {
			id = lineID(rec.line)
		}
		return w.writeError(errorRow{ID: id, Line: rec.line, Error: rowMessage(err)})
	}
	return closeBatch(runBatch(ctx, e, bf, in, out, job), w, out)
}

// recordWriterFor returns the function runRecordBatch calls to open a
// [recordWriter] in format f on the output; csvHeader and noun are as
// for [newRecordWriter].
func recordWriterFor(f outputFormat, csvHeader []string, noun string) func(*batchInput, *batchOutput) (rowWriter[encoded], error) {
	return func(_ *batchInput, out *batchOutput) (rowWriter[encoded], error) {
		return newRecordWriter(out, f, csvHeader, noun)
	}
}
