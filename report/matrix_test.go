package report_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
)

// coverage is a small matrix by chapter: the UN, the EU and Japan over
// four chapters, with every extent.
func coverage() *lists.Matrix {
	return &lists.Matrix{
		Level: lists.ByChapter, AsOf: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		Jurisdictions: []string{"UN", "EU", "JP"}, Columns: []string{"58", "61", "71", "89"},
		Cells: [][]lists.Cell{
			{{Extent: lists.None}, {Extent: lists.None}, {Extent: lists.Some, Entries: 1}, {Extent: lists.Some, Entries: 1}},
			{{Extent: lists.None}, {Extent: lists.All, Entries: 1}, {Extent: lists.Some, Entries: 1}, {Extent: lists.Some, Entries: 2}},
			{{Extent: lists.Some, Entries: 1}, {Extent: lists.None}, {Extent: lists.None}, {Extent: lists.None}},
		},
	}
}

// TestMatrixGolden renders the matrix in every format and compares each
// with its golden file.
func TestMatrixGolden(t *testing.T) {
	labels := report.MatrixLabels{"71": "Pearls & precious <stones>", "89": "Ships, boats and floating structures of every kind and size"}
	for _, tt := range []struct {
		name  string
		write func(io.Writer, *lists.Matrix) error
	}{
		{"matrix.csv", report.WriteMatrixCSV},
		{"matrix.md", report.WriteMatrixMarkdown},
		{"matrix.svg", func(w io.Writer, m *lists.Matrix) error { return report.WriteMatrixSVG(w, m, labels) }},
		{"matrix.html", func(w io.Writer, m *lists.Matrix) error { return report.WriteMatrixHTML(w, m, labels) }},
		{"matrix-unlabelled.svg", func(w io.Writer, m *lists.Matrix) error { return report.WriteMatrixSVG(w, m, nil) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b, coverage()); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, b.Bytes())
		})
	}
}

// TestMatrixSVG checks what the drawing must show whatever its layout:
// the date, the jurisdiction's name, escaped labels and cell titles, as
// well-formed XML.
func TestMatrixSVG(t *testing.T) {
	var svg bytes.Buffer
	if err := report.WriteMatrixSVG(&svg, coverage(), report.MatrixLabels{"71": "Pearls & precious <stones>"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"in force on 2020-01-01", "European Union (EU)", "71 Pearls &amp; precious &lt;stones&gt;", "EU × 61: full, 1 entries", "partial: some goods"} {
		if !strings.Contains(svg.String(), want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if err := wellFormed(&svg); err != nil {
		t.Errorf("SVG is not well-formed XML: %v", err)
	}
	var page bytes.Buffer
	if err := report.WriteMatrixHTML(&page, coverage(), nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(page.String(), "<!DOCTYPE html>") || !strings.Contains(page.String(), "<svg") {
		t.Errorf("HTML page lacks doctype or SVG")
	}
}

func wellFormed(r io.Reader) error {
	d := xml.NewDecoder(r)
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

func BenchmarkMatrixSVG(b *testing.B) {
	m := coverage()
	b.ReportAllocs()
	for b.Loop() {
		if err := report.WriteMatrixSVG(io.Discard, m, nil); err != nil {
			b.Fatal(err)
		}
	}
}
