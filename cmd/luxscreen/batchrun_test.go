package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sixShipments returns the six example shipments as JSON lines.
func sixShipments(t *testing.T) string {
	t.Helper()
	var in bytes.Buffer
	for _, f := range []string{"maybach-2018.json", "horses-2019-ru.json", "horses-2019-eu.json", "laptops-2012-jp.json", "timber-transporters-2011.json", "rice-humanitarian.json"} {
		b, err := os.ReadFile(exampleInput(t, f))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := json.Compact(&buf, b); err != nil {
			t.Fatal(err)
		}
		in.Write(append(buf.Bytes(), '\n'))
	}
	return in.String()
}

// TestBatchJSONSameAsSlice checks that the streamed --format json output
// is byte for byte the indented array the commands printed before they
// streamed, for each batch command and any number of workers.
func TestBatchJSONSameAsSlice(t *testing.T) {
	queries := `{"id":"a","name":"Chang Gwang Sin Yong Corp","kind":"org"}
{"id":"b","name":"Samsung Electronics Co Ltd","kind":"org"}
{"id":"c","name":"<Acme> & Sons","kind":"org"}
`
	goods := `{"id":"a","description":"hand-knotted Persian wool rug","value":3000,"currency":"USD","quantity":1,"unit":"pcs"}
{"id":"b","hs_code":"9101"}
`
	tests := []struct {
		name, stdin string
		args        []string
	}{
		{"check", sixShipments(t), []string{"check", "--input", "-"}},
		{"screen", queries, []string{"screen", "--input", "-"}},
		{"classify", goods, []string{"classify", "--input", "-", "--rate", "EUR=1.08"}},
		{"bad records", queries + "{\"id\": \"d\", \"name\": [}\n", []string{"screen", "--input", "-"}},
	}
	for _, tt := range tests {
		for _, workers := range []string{"1", "3"} {
			t.Run(tt.name+"/workers="+workers, func(t *testing.T) {
				_, lines, _ := runCLI(t, tt.stdin, append(tt.args, "--format", "jsonl", "--workers", workers)...)
				var raws []json.RawMessage
				for _, l := range strings.Split(strings.TrimSpace(lines), "\n") {
					if l != "" {
						raws = append(raws, json.RawMessage(l))
					}
				}
				var want bytes.Buffer
				if err := writeRecords(&want, formatJSON, raws); err != nil {
					t.Fatal(err)
				}
				_, got, _ := runCLI(t, tt.stdin, append(tt.args, "--format", "json", "--workers", workers)...)
				if diff := cmp.Diff(want.String(), got); diff != "" {
					t.Errorf("json output differs from the array of the jsonl records (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// TestBatchOrder screens many queries on several workers and checks that
// the results come out in input order.
func TestBatchOrder(t *testing.T) {
	var in strings.Builder
	var want []string
	for i := range 300 {
		names := []string{"Korea Ryongbong General Corp", "Acme Trading Ltd", "Ocean Maritime Management", "Golden Star GmbH"}
		fmt.Fprintf(&in, `{"id":"q%03d","name":%q}`+"\n", i, names[i%len(names)])
		want = append(want, fmt.Sprintf("q%03d", i))
	}
	out, stderr := runOK(t, in.String(), "screen", "--input", "-", "--format", "jsonl", "--workers", "4")
	var got []string
	for _, o := range decodeLines[screenOutput](t, out) {
		got = append(got, o.ID)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if !strings.Contains(stderr, "luxscreen screen: 300 queries in ") || !strings.Contains(stderr, "; 0 errors") {
		t.Errorf("no summary on stderr: %q", stderr)
	}
}

// TestBatchBadRecordGoesOn checks that a bad record is reported with its
// place and has its error row, the others are still judged and written,
// and the exit code is 1.
func TestBatchBadRecordGoesOn(t *testing.T) {
	six := strings.Split(strings.TrimSpace(sixShipments(t)), "\n")
	in := strings.Join([]string{six[0], `{"id": "bad", "colour": 1, "lines": []}`, six[5]}, "\n") + "\n"
	code, out, stderr := runCLI(t, in, "check", "--input", "-", "--format", "jsonl", "--workers", "2")
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	type row struct {
		ID, Verdict, Error string
		Line               int
	}
	want := []row{{ID: "maybach-2018", Verdict: "review"}, {ID: "bad", Line: 2, Error: "colour: unknown field (check its spelling against the documented fields)"}, {ID: "rice-humanitarian", Verdict: "clear"}}
	if diff := cmp.Diff(want, decodeLines[row](t, out)); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	wantContains(t, "stderr", stderr, "stdin:2:15: colour: unknown field", "3 shipments in", "block 0, review 1, clear 1; 1 error", "check: 1 of 3 shipments failed")
}

func TestBatchFlags(t *testing.T) {
	dir := t.TempDir()
	outFile := filepath.Join(dir, "out.jsonl")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"workers 0", []string{"screen", "--input", "-", "--format", "jsonl", "--workers", "0"}, exitUsage, "--workers 0"},
		{"bad input format", []string{"screen", "--input", "-", "--format", "jsonl", "--input-format", "xml"}, exitUsage, `--input-format "xml"`},
		{"csv needs input", []string{"classify", "watch", "--format", "csv"}, exitUsage, "--format csv is for --input"},
		{"screen csv needs input", []string{"screen", "X", "--format", "csv"}, exitUsage, "--format csv is for --input"},
		{"output file", []string{"screen", "--input", "-", "--format", "jsonl", "--output", outFile}, exitOK, "1 query in"},
		{"output dir missing", []string{"screen", "--input", "-", "--format", "jsonl", "--output", filepath.Join(dir, "no", "such")}, exitError, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantExit(t, `{"id":"a","name":"KOMID"}`+"\n", tt.code, tt.stderr, tt.args...)
		})
	}
	b, err := os.ReadFile(outFile)
	if err != nil || !strings.Contains(string(b), `"id":"a","verdict":"match"`) {
		t.Errorf("--output file: %v %q", err, b)
	}
}
