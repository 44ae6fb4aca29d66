package jsonl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// readRecords reads every record of in with a Reader of max bytes a
// record, as "line:data" or "line:error".
func readRecords(t *testing.T, r io.Reader, max int) ([]string, error) {
	t.Helper()
	rd := NewReader(r, "in", max)
	var got []string
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return got, nil
		}
		if err != nil {
			return got, err
		}
		s := string(rec.Data)
		if rec.Err != nil {
			s = rec.Err.Error()
		}
		got = append(got, strings.Join([]string{itoa(rec.Line), s}, ":"))
	}
}

// itoa writes a line number in two digits, so that records sort as read.
func itoa(n int) string { return fmt.Sprintf("%02d", n) }

func TestReader(t *testing.T) {
	long := strings.Repeat("x", 40)
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"lines", "{\"a\":1}\n\n  {\"b\":2}\r\n{\"c\":3}", []string{"01:{\"a\":1}", "03:  {\"b\":2}", "04:{\"c\":3}"}},
		{"bad syntax is a record", "{\"a\":\n{\"b\":2}\n{]\n", []string{"01:{\"a\":", "02:{\"b\":2}", "03:{]"}},
		{"too long resynchronises", "{}\n" + long + "\n{\"b\":2}\n" + long, []string{"01:{}", "02:in:2: line too long: the record is longer than 32 bytes; no line may be", "03:{\"b\":2}", "04:in:4: line too long: the record is longer than 32 bytes; no line may be"}},
		{"exactly the limit", strings.Repeat("y", 32) + "\r\n", []string{"01:" + strings.Repeat("y", 32)}},
		{"one document", "\n{\n  \"a\": 1,\n  \"b\": [2]\n}\n\n", []string{"02:{\n  \"a\": 1,\n  \"b\": [2]\n}"}},
		{"two documents are lines", "{\n\"a\": 1\n}\n{\n}\n", []string{"01:{", "02:\"a\": 1", "03:}", "04:{", "05:}"}},
		{"a document longer than the limit is lines", "{\n\"a\": \"" + long + "\"\n}\n", []string{"01:{", "02:in:2: line too long: the record is longer than 32 bytes; no line may be", "03:}"}},
		{"blank", "\n \n\t\n", nil},
		{"byte-order mark", "\ufeff{\"a\":1}\n\ufeff{}\n", []string{"01:{\"a\":1}", "02:\ufeff{}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readRecords(t, strings.NewReader(tt.in), 32)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReaderSmallReads checks that records do not depend on how the input
// arrives: one byte at a time, a record longer than the buffer.
func TestReaderSmallReads(t *testing.T) {
	big := `{"id":"` + strings.Repeat("z", readerBuffer+100) + `"}`
	in := "{\"a\":1}\n" + big + "\n{\"b\":2}\n"
	got, err := readRecords(t, iotest.OneByteReader(strings.NewReader(in)), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"01:{\"a\":1}", "02:" + big, "03:{\"b\":2}"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%.500s", diff)
	}
}

func TestReaderReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	got, err := readRecords(t, io.MultiReader(strings.NewReader("{}\n"), iotest.ErrReader(boom)), 32)
	if !errors.Is(err, boom) || !cmp.Equal(got, []string{"01:{}"}) {
		t.Errorf("records %q, error %v; want the first and %v", got, err, boom)
	}
}

// FuzzReader checks what holds for any input: lines rise, a record is
// never longer than the limit nor blank, an error is a line too long, and
// in line mode the records are the non-blank lines.
func FuzzReader(f *testing.F) {
	f.Add([]byte("{\"a\":1}\n\n{]\n"), 16)
	f.Add([]byte("{\n \"a\": 1\n}\n"), 16)
	f.Add([]byte("{\n}\n{\n"), 4)
	f.Fuzz(func(t *testing.T, data []byte, max int) {
		max = 1 + abs(max)%64
		rd := NewReader(bytes.NewReader(data), "f", max)
		last, n := 0, 0
		for {
			rec, err := rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("error from a bytes.Reader: %v", err)
			}
			n++
			if rec.Line <= last {
				t.Fatalf("record at line %d after line %d", rec.Line, last)
			}
			last = rec.Line
			if rec.Err != nil && !errors.Is(rec.Err, ErrTooLong) {
				t.Errorf("record error %v", rec.Err)
			}
			if rec.Err == nil && len(bytes.TrimSpace(rec.Data)) == 0 {
				t.Errorf("blank record at line %d", rec.Line)
			}
			if rec.Err == nil && len(rec.Data) > max && bytes.IndexByte(rec.Data, '\n') < 0 {
				t.Errorf("record of %d bytes, limit %d", len(rec.Data), max)
			}
		}
		if last > bytes.Count(data, []byte("\n"))+1 {
			t.Errorf("line %d in an input of %d lines", last, bytes.Count(data, []byte("\n"))+1)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// FuzzDecode checks that Decode never panics and that its errors are
// placed and in plain words.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"id":"a","lines":[{"value":"x"}]}`))
	f.Add([]byte("{\"id\":\n5}"))
	f.Add([]byte(`{"id":"a"} x`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v struct {
			ID    string `json:"id"`
			Lines []struct {
				Value float64 `json:"value"`
			} `json:"lines"`
		}
		err := Decode("f", 3, data, &v)
		if err == nil {
			return
		}
		var e *datafile.Error
		if !errors.As(err, &e) || e.Line < 3 || e.Column < 1 {
			t.Fatalf("error %v not placed", err)
		}
		if msg := err.Error(); strings.Contains(msg, "Go struct") || strings.Contains(msg, "json: ") {
			t.Errorf("decoder's words: %s", msg)
		}
		Field(data, "id")
	})
}

// BenchmarkReader reads a JSON-lines input of 1,000 shipment-sized
// records; one op is the whole input.
func BenchmarkReader(b *testing.B) {
	line := `{"id":"BK-000001","date":"2024-03-01","parties":[{"role":"consignee","name":"Korea Ryonbong General Corporation","country":"KP"}],"lines":[{"description":"Mercedes-Maybach S600","hs":"8703.24","value":500000,"currency":"EUR"}]}` + "\n"
	data := []byte(strings.Repeat(line, 1000))
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		rd := NewReader(bytes.NewReader(data), "b", 4<<20)
		for {
			if _, err := rd.Next(); err == io.EOF {
				break
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/record")
}
