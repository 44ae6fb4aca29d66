package report_test

import (
	"io"
	"testing"

	"github.com/luxscreen/luxscreen/report"
)

// BenchmarkHTMLWriter measures one decision's section; one op is one
// decision.
func BenchmarkHTMLWriter(b *testing.B) {
	ds := decisions()
	b.ReportAllocs()
	h, err := report.NewHTMLWriter(io.Discard, meta())
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		if err := h.Write(ds[i%len(ds)]); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if err := h.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCSVRows measures the rows of one decision.
func BenchmarkCSVRows(b *testing.B) {
	ds := decisions()
	w := report.NewCSVWriter(io.Discard)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := w.Write(ds[i%len(ds)]); err != nil {
			b.Fatal(err)
		}
	}
}
