package main

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/csvtab"
)

// TestCSVNumber checks the numbers of a classify CSV: an empty one is
// absent, a bad one is an error naming the file, line and column.
func TestCSVNumber(t *testing.T) {
	tb, err := csvtab.New(strings.NewReader("id,description,value,quantity\n"+
		"a,x,12.5,\n"+
		"b,x,\"1,000\",1\n"+
		"c,x,NaN,1\n"), "g.csv", classifyColumns, []string{"description"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		r, err := tb.Next()
		if err != nil {
			break
		}
		l, err := classifyCSVLine(tb, r)
		switch {
		case err != nil:
			got = append(got, err.Error())
		case l.Value != nil && l.Quantity == nil:
			got = append(got, "ok 12.5 no quantity")
		}
	}
	want := []string{
		"ok 12.5 no quantity",
		`g.csv:3:5: value: "1,000" is not a number (write 1234.5, without thousands separators)`,
		`g.csv:4:5: value: "NaN" is not a number (write 1234.5, without thousands separators)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// runBadRowCSV runs a batch command line writing CSV over an input with one
// bad row: it wants exit 1 with wantErr, which names the row, on standard
// error, and returns the records written for the other rows.
func runBadRowCSV(t *testing.T, stdin, wantErr string, args ...string) (recs [][]string, stderr string) {
	t.Helper()
	code, out, stderr := runCLI(t, stdin, args...)
	if code != exitError || !strings.Contains(stderr, wantErr) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, wantErr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs, stderr
}

// columns returns the first n fields of every record.
func columns(recs [][]string, n int) [][]string {
	got := make([][]string, 0, len(recs))
	for _, r := range recs {
		got = append(got, r[:n])
	}
	return got
}

// TestClassifyCSV runs classify over CSV input and writes CSV output.
func TestClassifyCSV(t *testing.T) {
	in := "id,description,hs_code,value,currency,quantity,unit,destination\n" +
		"rug,hand-knotted Persian wool rug,,3000,USD,1,pcs,\n" +
		",,9101,,,,,\n" +
		"car,Mercedes-Maybach S600 Guard armoured limousine,8716.39,,,,,KP\n" +
		"bad,,,,,,,\n"
	recs, stderr := runBadRowCSV(t, in, `stdin:5:5: description: give a description or an hs_code`,
		"classify", "--input", "-", "--input-format", "csv", "--format", "csv", "--jurisdiction", "UN")
	got := columns(recs, 4)
	want := [][]string{
		{"id", "hs6", "luxury", "needs_review"},
		{"rug", "570110", "yes", "false"},
		{"3", "", "yes", "true"},
		{"car", "870324", "yes", "true"},
		{"bad", "", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("classify csv (-want +got):\n%s", diff)
	}
	if !strings.Contains(stderr, "4 lines in") || !strings.Contains(stderr, "yes 3, no 0, unknown 0; needs review 2; 1 error") {
		t.Errorf("summary: %q", stderr)
	}
}

// TestScreenCSV screens a CSV file and writes CSV.
func TestScreenCSV(t *testing.T) {
	in := "id,name,kind,imo\n" +
		"shipper,Chang Gwang Sin Yong Corp,org,\n" +
		"vessel,,vessel,IMO 7937317\n" +
		"other,\"=HYPERLINK(\"\"x\"\")\",org,\n" +
		"odd,Acme,planet,\n"
	recs, _ := runBadRowCSV(t, in, `stdin:5: kind: "planet": want org, person or vessel`,
		"screen", "--input", "-", "--input-format", "csv", "--format", "csv")
	got := columns(recs, 2)
	want := [][]string{{"id", "verdict"}, {"shipper", "match"}, {"vessel", "match"}, {"other", "clear"}, {"odd", "error"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("screen csv (-want +got):\n%s", diff)
	}
	if len(recs[1]) != len(screenCSVHeader) || recs[1][3] == "" || recs[1][4] == "" {
		t.Errorf("match row lacks its best hit: %q", recs[1])
	}
	if got := recs[3][0]; got != "other" {
		t.Errorf("id %q", got)
	}
	// A quote out of place fails its row alone.
	code, out, stderr := runCLI(t, "id,name\na,Acme\nb,x\"y\nc,Zeta\n", "screen", "--input", "-", "--input-format", "csv", "--format", "jsonl")
	if code != exitError || !strings.Contains(stderr, `stdin:3:4: quote out of place`) || strings.Count(out, "\n") != 3 || !strings.Contains(out, `{"id":"","line":3,"error":"quote out of place`) {
		t.Errorf("exit %d, stderr %q, output:\n%s", code, stderr, out)
	}
}
