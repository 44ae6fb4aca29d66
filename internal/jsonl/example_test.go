package jsonl_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/luxscreen/luxscreen/internal/jsonl"
)

// A batch reads every record, decodes each strictly and reports the bad
// ones with their place, in plain words, without stopping.
func ExampleReader() {
	input := `{"id":"a","value":12.5}
{"id":"b","value":"lots"}

{"id":"c","value": [}
{"id":"d","colour":"red"}
{"id":"e","value":3}
`
	type record struct {
		ID    string  `json:"id"`
		Value float64 `json:"value"`
	}
	rd := jsonl.NewReader(strings.NewReader(input), "in.jsonl", 4<<20)
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err) // the reader underneath failed: the input ends
			return
		}
		var r record
		if err := jsonl.Decode("in.jsonl", rec.Line, rec.Data, &r); err != nil {
			fmt.Printf("error row: id %q: %v\n", jsonl.Field(rec.Data, "id"), err)
			continue
		}
		fmt.Printf("record %s: %g\n", r.ID, r.Value)
	}
	// Output:
	// record a: 12.5
	// error row: id "b": in.jsonl:2:11: value: wrong type: want a number, got text
	// error row: id "c": in.jsonl:4:21: not valid JSON: unexpected '}' where a value should start (a value is text in double quotes, a number, true, false, null, {…} or […])
	// error row: id "d": in.jsonl:5:11: colour: unknown field (check its spelling against the documented fields)
	// record e: 3
}
