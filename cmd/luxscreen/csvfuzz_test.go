package main

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/luxscreen/luxscreen/internal/batch"
	"github.com/luxscreen/luxscreen/rules"
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
		tb, err := newCSVTable(bytes.NewReader(data), "f.csv", classifyColumns, []string{"description", "hs_code"})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv") {
				t.Errorf("header error does not name the file: %v", err)
			}
			return
		}
		readAllCSV(t, csvRecords(tb, classifyCSVLine), func(l inputLine) {
			if _, err := l.item(); err != nil {
				t.Errorf("a line accepted from CSV is refused: %v", err)
			}
		})
	})
}

func FuzzScreenCSV(f *testing.F) {
	f.Add([]byte("id,name,kind,imo\na,Acme,org,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := newCSVTable(bytes.NewReader(data), "f.csv", screenColumns, []string{"name", "imo"})
		if err != nil {
			return
		}
		readAllCSV(t, csvRecords(tb, func(t *csvTable, r csvRow) (screenInput, error) {
			return screenInput{ID: t.get(r, "id"), Name: t.get(r, "name"), Kind: t.get(r, "kind")}, nil
		}), func(screenInput) {})
	})
}

func FuzzShipmentCSV(f *testing.F) {
	f.Add([]byte(blHeader + "a,2024-01-02,Acme,DE,DEHAM > CNDLC,CN,watches,9101.21,1,item,100,EUR\na,,,,,,rings,7113.19,2,item,50,EUR\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := newShipmentCSV(bytes.NewReader(data), "f.csv")
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			if i > 100000 {
				t.Fatal("the reader does not end")
			}
			rec, err := c.next()
			if err == io.EOF {
				return
			}
			var re *batch.RecordError
			if err != nil && !strings.HasPrefix(err.Error(), "f.csv:") {
				t.Errorf("error does not name the file: %v", err)
			}
			if err != nil && !errors.As(err, &re) {
				return
			}
			if err != nil {
				continue
			}
			// A shipment the reader accepts is one the model accepts.
			b, err := rec.s.CanonicalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := rules.Decode("again", b); err != nil {
				t.Errorf("shipment from CSV refused by the model: %v\n%s", err, b)
			}
		}
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
