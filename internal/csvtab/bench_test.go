package csvtab

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// BenchmarkNext reads a table of 1,000 rows of six fields and gets every
// value; one op is one row.
func BenchmarkNext(b *testing.B) {
	cols := []string{"id", "description", "hs_code", "quantity", "value", "currency"}
	var in bytes.Buffer
	in.WriteString("id,description,hs_code,quantity,value,currency\n")
	for i := range 1000 {
		fmt.Fprintf(&in, "l%d,\"wrist watches, steel\",9102.11,%d,1250.50,EUR\n", i, i%7+1)
	}
	data := in.Bytes()
	b.ReportAllocs()
	for b.Loop() {
		tb, err := New(bytes.NewReader(data), "b.csv", cols)
		if err != nil {
			b.Fatal(err)
		}
		for {
			r, err := tb.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			for _, c := range cols {
				_ = tb.Get(r, c)
			}
			if _, err := tb.Number(r, "value"); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/row")
}
