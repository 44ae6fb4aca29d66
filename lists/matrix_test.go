package lists

import (
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

func BenchmarkNewMatrixDefault(b *testing.B) {
	ls := defaultLists(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewMatrix(ls, ByHeading, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			b.Fatal(err)
		}
	}
}
