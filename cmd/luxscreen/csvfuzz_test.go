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

// readAllCSV drains a CSV record reader and checks what holds for any
// input: no panic, every error names the file, the reader ends.
func readAllCSV[T any](t *testing.T, next func() (record[T], error), check func(T)) {
	for i := 0; ; i++ {
		if i > 100000 {
			t.Fatal("the reader does not end")
		}
		rec, err := next()
		if err == io.EOF {
			return
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv:") {
				t.Errorf("error does not name the file: %v", err)
			}
			var re *batch.RecordError
			if !errors.As(err, &re) {
				return // the input cannot be read further
			}
			continue
		}
		check(rec.v)
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
		readAllCSV(t, csvRecords(tb, classifyCSVLine), func(l inputLine) {
			if _, err := l.Item(); err != nil {
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
		readAllCSV(t, csvRecords(tb, func(t *csvtab.Table, r csvtab.Row) (screenInput, error) {
			return screenInput{ID: t.Get(r, "id"), Name: t.Get(r, "name"), Kind: t.Get(r, "kind")}, nil
		}), func(screenInput) {})
	})
}

// FuzzJSONLines checks the JSON-lines reader of the batch commands: no
// panic, and every error names the input and the line.
func FuzzJSONLines(f *testing.F) {
	f.Add([]byte(`{"id":"a","name":"Acme","kind":"org"}` + "\n\n" + `  {"id":"b","colour":1}` + "\n{\"id\":2}\n{} {}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &batchInput{name: "f.jsonl", r: bytes.NewReader(data)}
		next := jsonRecords[screenInput](in)
		for {
			rec, err := next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if !strings.HasPrefix(err.Error(), "f.jsonl:") {
					t.Errorf("error does not name the input: %v", err)
				}
				return
			}
			if _, err := rec.value(in.name); err != nil && !strings.HasPrefix(err.Error(), "f.jsonl:") {
				t.Errorf("error does not name the input: %v", err)
			}
		}
	})
}
