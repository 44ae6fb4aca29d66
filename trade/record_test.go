package trade

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// recordOutcome is what one read of a record gives: its fields and start
// line, or the start line and the kind of its error.
type recordOutcome struct {
	Fields []string
	Line   int
	Err    string
}

// readAllRecords reads data with records, and with encoding/csv configured
// as the Reader configured it before records replaced it.
func readAllRecords(data []byte, comma, comment byte, nfields int) (got, want []recordOutcome) {
	got, _, want = readAllRecordsAhead(data, comma, comment, nfields)
	return got, want
}

// readAllRecordsAhead is readAllRecords that also reads through a
// readAhead, whose records come second.
func readAllRecordsAhead(data []byte, comma, comment byte, nfields int) (got, ahead, want []recordOutcome) {
	outcome := func(fields []string, line int, err error) recordOutcome {
		o := recordOutcome{Fields: append([]string(nil), fields...), Line: line}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			o.Line, o.Err = pe.StartLine, pe.Err.Error()
			if !errors.Is(err, csv.ErrFieldCount) {
				o.Fields = nil
			}
		}
		return o
	}
	rr := newRecords(bufio.NewReaderSize(bytes.NewReader(data), 16), comma, comment, nfields)
	for range 1000 {
		fields, line, err := rr.read()
		if err == io.EOF {
			break
		}
		got = append(got, outcome(fields, line, err))
	}
	ra := startReadAhead(newRecords(bufio.NewReaderSize(bytes.NewReader(data), 16), comma, comment, nfields))
	defer ra.close()
	for range 1000 {
		fields, line, err := ra.read()
		if err == io.EOF {
			break
		}
		ahead = append(ahead, outcome(fields, line, err))
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma, cr.Comment, cr.FieldsPerRecord, cr.ReuseRecord = rune(comma), rune(comment), nfields, true
	for range 1000 {
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		line := 0
		if err == nil {
			line, _ = cr.FieldPos(0)
		}
		want = append(want, outcome(fields, line, err))
	}
	return got, ahead, want
}

func TestRecords(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
	}{
		{"plain", "a,b,c\nd,e,f\n"},
		{"no final newline", "a,b,c\nd,e,f"},
		{"crlf", "a,b,c\r\nd,e,f\r\n"},
		{"final cr", "a,b,c\r"},
		{"blank lines", "\n\na,b,c\n\r\n\nd,e,f\n"},
		{"quoted", "\"a,1\",\"b\"\"2\",c\n"},
		{"quoted multiline", "\"a\nb\",c,d\ne,f,g\n"},
		{"quoted crlf", "\"a\r\nb\",c,d\r\n"},
		{"empty quoted last", "a,b,\"\"\n"},
		{"bare quote", "a,b\"c,d\ne,f,g\n"},
		{"extraneous quote", "\"a\"b,c,d\ne,f,g\n"},
		{"unterminated", "a,b,\"c\nd,e,f\n"},
		{"field count", "a,b\nc,d,e\nf,g,h,i\n"},
		{"comment", "#x,y\na,b,c\n# z\n"},
		{"quote then field", "\"a\",b,c\n"},
		{"long line", string(bytes.Repeat([]byte("x"), 100)) + ",b,c\n\"" + string(bytes.Repeat([]byte("y"), 100)) + "\",b,c\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ahead, want := readAllRecordsAhead([]byte(tc.data), ',', '#', 3)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("records (-encoding/csv +records):\n%s", diff)
			}
			if diff := cmp.Diff(want, ahead); diff != "" {
				t.Errorf("records read ahead (-encoding/csv +readAhead):\n%s", diff)
			}
		})
	}
}

// FuzzRecords checks that records splits any input as encoding/csv does.
func FuzzRecords(f *testing.F) {
	f.Add([]byte("a,b,c\nd,\"e\"\"\",f\n"), false, false, uint8(3))
	f.Add([]byte("a\tb\n\"c\nd\"\te\n#x\n"), true, true, uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, tab, comment bool, n uint8) {
		comma, com := byte(','), byte(0)
		if tab {
			comma = '\t'
		}
		if comment {
			com = '#'
		}
		got, ahead, want := readAllRecordsAhead(data, comma, com, 1+int(n%6))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("records (-encoding/csv +records):\n%s", diff)
		}
		if diff := cmp.Diff(want, ahead); diff != "" {
			t.Errorf("records read ahead (-encoding/csv +readAhead):\n%s", diff)
		}
	})
}

// TestReadAheadStops checks that a reading stopped early lets its goroutine
// go, even with batches waiting to be handed over.
func TestReadAheadStops(t *testing.T) {
	data := bytes.Repeat([]byte("a,b,c\n"), 10*batchRecords*batchesInFlight)
	ra := startReadAhead(newRecords(bufio.NewReader(bytes.NewReader(data)), ',', 0, 3))
	if _, _, err := ra.read(); err != nil {
		t.Fatal(err)
	}
	ra.close() // blocks for ever if the goroutine does not stop
	// After the end, the end again.
	ra = startReadAhead(newRecords(bufio.NewReader(bytes.NewReader([]byte("a\n"))), ',', 0, 1))
	defer ra.close()
	var errs []error
	for range 3 {
		_, _, err := ra.read()
		errs = append(errs, err)
	}
	if diff := cmp.Diff([]error{nil, io.EOF, io.EOF}, errs, cmpopts.EquateErrors()); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}
