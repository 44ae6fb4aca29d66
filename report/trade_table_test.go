package report

import (
	"fmt"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/google/go-cmp/cmp"
)

// TestWriteAligned checks that writeAligned writes what text/tabwriter
// writes, on plain tables and on tables it hands to tabwriter.
func TestWriteAligned(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines [][]string
	}{
		{"plain", [][]string{{"A", "BB", "C"}, {"dddd", "", "e"}, {"Côte d'Ivoire", "ÿ", ""}}},
		{"one column", [][]string{{"a"}, {"bbb"}}},
		{"empty last", [][]string{{"a", ""}, {"", "b"}}},
		{"ragged", [][]string{{"a", "b", "c"}, {"d"}, {"e", "f"}}},
		{"tab in a cell", [][]string{{"a\tb", "c"}, {"d", "e"}}},
		{"newline in a cell", [][]string{{"a\nb", "c"}, {"d", "e"}}},
		{"none", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want strings.Builder
			tw := tabwriter.NewWriter(&want, 0, 0, 2, ' ', 0)
			for _, l := range tc.lines {
				fmt.Fprintln(tw, strings.Join(l, "\t"))
			}
			tw.Flush()
			var got strings.Builder
			err := writeAligned(&got, len(tc.lines), func(i int, dst []string) []string { return append(dst, tc.lines[i]...) })
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), got.String()); diff != "" {
				t.Errorf("output (-tabwriter +writeAligned):\n%s", diff)
			}
		})
	}
}
