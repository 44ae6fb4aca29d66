package lists

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func matrixLists() []*List {
	un := mkList("un", "UN", mkEntry("un-jewel", "7113"), mkEntry("un-yacht", "ex 8903"))
	eu := mkList("eu", "EU", mkEntry("eu-jewel", "711319"), mkEntry("eu-clothes", "61"), mkEntry("eu-yacht", "8903"))
	old := mkList("eu-old", "EU", mkEntry("eu-old-cars", "8703"))
	old.InForce.Until = ptr(time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC))
	jp := mkList("jp", "JP", mkEntry("jp-tapestry", "5805"))
	jp.Entries[0].InForce = Period{From: time.Date(2017, 2, 22, 0, 0, 0, 0, time.UTC)}
	return []*List{jp, eu, old, un}
}

func ptr[T any](v T) *T { return &v }

func TestNewMatrix(t *testing.T) {
	for _, tc := range []struct {
		name  string
		level string
		date  time.Time
		want  *Matrix
	}{
		{
			name: "chapters", level: ByChapter, date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
			want: &Matrix{Level: ByChapter, AsOf: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
				Jurisdictions: []string{"UN", "EU", "JP"}, Columns: []string{"58", "61", "71", "89"},
				Cells: [][]Cell{
					{{None, 0}, {None, 0}, {Some, 1}, {Some, 1}},
					{{None, 0}, {All, 1}, {Some, 1}, {Some, 1}},
					{{Some, 1}, {None, 0}, {None, 0}, {None, 0}},
				}},
		},
		{
			name: "headings before an entry and after a list", level: ByHeading, date: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC),
			want: &Matrix{Level: ByHeading, AsOf: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC),
				Jurisdictions: []string{"UN", "EU", "JP"}, Columns: []string{"61", "7113", "8903"},
				Cells: [][]Cell{
					{{None, 0}, {All, 1}, {Some, 1}},
					{{All, 1}, {Some, 1}, {All, 1}},
					{{None, 0}, {None, 0}, {None, 0}},
				}},
		},
		{
			name: "a list no longer in force", level: ByHeading, date: time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC),
			want: &Matrix{Level: ByHeading, AsOf: time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC),
				Jurisdictions: []string{"UN", "EU", "JP"}, Columns: []string{"61", "7113", "8703", "8903"},
				Cells: [][]Cell{
					{{None, 0}, {All, 1}, {None, 0}, {Some, 1}},
					{{All, 1}, {Some, 1}, {All, 1}, {All, 1}},
					{{None, 0}, {None, 0}, {None, 0}, {None, 0}},
				}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NewMatrix(matrixLists(), tc.level, tc.date)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("NewMatrix (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := NewMatrix(matrixLists(), "section", time.Time{}); err == nil {
		t.Errorf("NewMatrix accepted level %q", "section")
	}
}

func TestMatrixWriters(t *testing.T) {
	m, err := NewMatrix(matrixLists(), ByChapter, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var csvOut, md bytes.Buffer
	if err := m.WriteCSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	wantCSV := "jurisdiction,58,61,71,89\nUN,none,none,partial:1,partial:1\nEU,none,full:1,partial:1,partial:1\nJP,partial:1,none,none,none\n"
	if diff := cmp.Diff(wantCSV, csvOut.String()); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
	if err := m.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| EU | none | full:1 | partial:1 | partial:1 |") || !strings.Contains(md.String(), "2020-01-01") {
		t.Errorf("Markdown lacks the EU row or the date:\n%s", md.String())
	}
	var svg bytes.Buffer
	if err := m.WriteSVG(&svg, Labels{"71": "Pearls & precious <stones>"}); err != nil {
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
	if err := m.WriteHTML(&page, nil); err != nil {
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

func BenchmarkNewMatrixDefault(b *testing.B) {
	ls := defaultLists(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewMatrix(ls, ByHeading, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatrixSVG(b *testing.B) {
	m, err := NewMatrix(defaultLists(b), ByChapter, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := m.WriteSVG(io.Discard, nil); err != nil {
			b.Fatal(err)
		}
	}
}
