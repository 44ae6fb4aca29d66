package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// BenchmarkScreenBatch runs "screen --input - --format jsonl" over 1,000
// queries against the demo list; one op is one query, so ns/op is the
// whole per-query cost: reading, decoding, screening, encoding, ordering.
func BenchmarkScreenBatch(b *testing.B) {
	var in strings.Builder
	names := []string{"Korea Ryongbong General Corp", "Acme Trading Ltd", "Ocean Maritime Management", "Golden Star GmbH"}
	const n = 1000
	for i := range n {
		fmt.Fprintf(&in, `{"id":"q%d","name":%q,"kind":"org"}`+"\n", i, names[i%len(names)])
	}
	b.ReportAllocs()
	for b.Loop() {
		e := &env{stdin: strings.NewReader(in.String()), stdout: io.Discard, stderr: io.Discard, now: time.Now}
		if code := run(context.Background(), []string{"screen", "--input", "-", "--format", "jsonl", "--workers", "2"}, e); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/query")
}

// BenchmarkDecodeJSONLine decodes one line of screening input.
func BenchmarkDecodeJSONLine(b *testing.B) {
	rec := record[screenInput]{line: 1, json: []byte(`{"id":"q0000001","name":"Korea Ryonbong General Corporation","kind":"org","country":"KP"}`)}
	var rf recordFormat[screenInput]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rf.value("b.jsonl", rec); err != nil {
			b.Fatal(err)
		}
	}
}
