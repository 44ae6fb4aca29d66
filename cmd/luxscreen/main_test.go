package main

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// runCLI runs the command in-process and returns its exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errb,
		now:    func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) },
	}
	code = run(context.Background(), args, e)
	return code, out.String(), errb.String()
}

// runOK runs the command line as runCLI does and stops the test unless it
// exits 0.
func runOK(t *testing.T, stdin string, args ...string) (stdout, stderr string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, stdin, args...)
	if code != exitOK {
		t.Fatalf("luxscreen %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, stdout, stderr)
	}
	return stdout, stderr
}

// decodeLines decodes the JSON lines of out, stopping the test at the
// first that is not a T.
func decodeLines[T any](t *testing.T, out string) []T {
	t.Helper()
	var vs []T
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var v T
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		vs = append(vs, v)
	}
	return vs
}

// wantExit runs the command line as runCLI does and reports an exit code
// other than code, or a standard error that lacks wantErr.
func wantExit(t *testing.T, stdin string, code int, wantErr string, args ...string) {
	t.Helper()
	got, _, stderr := runCLI(t, stdin, args...)
	if got != code || !strings.Contains(stderr, wantErr) {
		t.Errorf("luxscreen %s: exit %d, stderr %q; want exit %d and %q", strings.Join(args, " "), got, stderr, code, wantErr)
	}
}

// wantContains reports each of wants that s, named what, lacks.
func wantContains(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(s, want) {
			t.Errorf("%s lacks %q:\n%s", what, want, s)
		}
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{nil, exitUsage},
		{[]string{"help"}, exitOK},
		{[]string{"nosuch"}, exitUsage},
		{[]string{"lookup"}, exitUsage},
		{[]string{"lookup", "91x1"}, exitUsage},
		{[]string{"lookup", "9101", "--format", "xml"}, exitUsage},
		{[]string{"lookup", "9101", "--date", "01/02/2019"}, exitUsage},
		{[]string{"lookup", "9101", "--bogus"}, exitUsage},
		{[]string{"lookup", "9101", "--jurisdiction", "XX"}, exitUsage},
		{[]string{"lookup", "9101"}, exitOK},
		// A code in no nomenclature is an error, not "0 controls".
		{[]string{"lookup", "9999"}, exitUsage},
		{[]string{"lookup", "9999", "--format", "json"}, exitUsage},
		{[]string{"lists"}, exitOK},
		{[]string{"lists", "show", "nosuch-list"}, exitUsage},
		{[]string{"lists", "nosuch"}, exitUsage},
		{[]string{"eval", "nosuch"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			wantExit(t, "", tt.want, "", tt.args...)
		})
	}
}

func TestLookupJSON(t *testing.T) {
	out, _ := runOK(t, "", "lookup", "8703.24", "--date", "2018-10-01", "--jurisdiction", "UN", "--format", "json")
	var a struct {
		Controls []struct {
			List       string `json:"list"`
			Entry      string `json:"entry"`
			Coverage   string `json:"coverage"`
			Citation   string `json:"citation"`
			Basis      string `json:"basis"`
			Confidence string `json:"confidence"`
		} `json:"controls"`
		NoList []any `json:"no_list_in_force"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("output is not a lookup answer: %v\n%s", err, out)
	}
	if a.NoList == nil {
		t.Errorf("no_list_in_force is missing: %s", out)
	}
	var entries []string
	for _, m := range a.Controls {
		if m.Basis == "" || m.Confidence == "" {
			t.Errorf("entry %s shows no basis or confidence", m.Entry)
		}
		if m.Citation == "" {
			t.Errorf("entry %s has no citation", m.Entry)
		}
		entries = append(entries, m.Entry)
	}
	for _, want := range []string{"un-2094-iv-b-luxury-automobiles"} {
		if !slices.Contains(entries, want) {
			t.Errorf("lookup 8703.24 on 2018-10-01: missing %s in %v", want, entries)
		}
	}
}

func TestLookupJSONLines(t *testing.T) {
	out, _ := runOK(t, "", "lookup", "7113.19", "--format", "jsonl", "--jurisdiction", "un")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Errorf("line %q is not JSON: %v", l, err)
		}
		if m["jurisdiction"] != "UN" {
			t.Errorf("jurisdiction filter leaked %v", m["jurisdiction"])
		}
	}
}

func TestListsShow(t *testing.T) {
	out, _ := runOK(t, "", "lists", "show", "un-2094-luxury")
	wantContains(t, "lists show output", out, "S/RES/2094 (2013)", "ex 8703 (HS2022)", "Annex")
}

func TestParseFlagsInterleaved(t *testing.T) {
	fs := newFlagSet(&env{stderr: &bytes.Buffer{}}, "x", "")
	f := fs.String("format", "table", "")
	pos, err := parseFlags(fs, []string{"9101.21", "--format", "json", "extra"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"9101.21", "extra"}, pos); diff != "" {
		t.Errorf("positional (-want +got):\n%s", diff)
	}
	if *f != "json" {
		t.Errorf("format = %q", *f)
	}
}
