package main

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/luxscreen/luxscreen/internal/batch"
	"github.com/luxscreen/luxscreen/internal/csvtab"
)

// readAll drains a batch record reader of the input name and checks what
// holds for any input: no panic, every error names the input, the reader
// ends. It stops at an error that is not a record's, after which the input
// cannot be read further, and passes every record read to check.
func readAll[T any](t *testing.T, name string, next func() (record[T], error), check func(record[T])) {
	for i := 0; ; i++ {
		if i > 100000 {
			t.Fatal("the reader does not end")
		}
		rec, err := next()
		if err == io.EOF {
			return
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), name+":") {
				t.Errorf("error does not name the input: %v", err)
			}
			var re *batch.RecordError
			if !errors.As(err, &re) {
				return
			}
			continue
		}
		check(rec)
	}
}

func FuzzClassifyCSV(f *testing.F) {
	f.Add([]byte("id,description,hs_code,value,currency,quantity,unit\na,watch,9101.21,100,EUR,1,pcs\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := csvtab.New(bytes.NewReader(data), "f.csv", classifyColumns, []string{"description", "hs_code"})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv") {
				t.Errorf("header error does not name the file: %v", err)
			}
			return
		}
		readAll(t, "f.csv", csvRecords(tb, classifyCSVLine), func(rec record[inputLine]) {
			if _, err := rec.v.Item(); err != nil {
				t.Errorf("a line accepted from CSV is refused: %v", err)
			}
		})
	})
}

func FuzzScreenCSV(f *testing.F) {
	f.Add([]byte("id,name,kind,imo\na,Acme,org,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := csvtab.New(bytes.NewReader(data), "f.csv", screenColumns, []string{"name", "imo"})
		if err != nil {
			return
		}
		readAll(t, "f.csv", csvRecords(tb, func(t *csvtab.Table, r csvtab.Row) (screenInput, error) {
			return screenInput{ID: t.Get(r, "id"), Name: t.Get(r, "name"), Kind: t.Get(r, "kind")}, nil
		}), func(record[screenInput]) {})
	})
}

// FuzzJSONLines checks the JSON-lines reader of the batch commands: no
// panic, and every error names the input and the line.
func FuzzJSONLines(f *testing.F) {
	f.Add([]byte(`{"id":"a","name":"Acme","kind":"org"}` + "\n\n" + `  {"id":"b","colour":1}` + "\n{\"id\":2}\n{} {}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &batchInput{name: "f.jsonl", r: bytes.NewReader(data)}
		var rf recordFormat[screenInput]
		readAll(t, in.name, jsonRecords[screenInput](in), func(rec record[screenInput]) {
			if _, err := rf.value(in.name, rec); err != nil && !strings.HasPrefix(err.Error(), "f.jsonl:") {
				t.Errorf("error does not name the input: %v", err)
			}
		})
	})
}
