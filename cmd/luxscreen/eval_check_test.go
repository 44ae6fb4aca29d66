package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
)

func evalCheckFile(name string) string {
	return filepath.Join("..", "..", "rules", "testdata", "eval", name)
}

// TestEvalCheckJSON runs "eval check" on the labelled set with its rates
// and prices and checks the machine-readable fields.
func TestEvalCheckJSON(t *testing.T) {
	code, out, stderr := runCLI(t, "", "eval", "check",
		"--input", evalCheckFile("shipments.jsonl"),
		"--rates", evalCheckFile("rates.yaml"), "--prices", evalCheckFile("prices.yaml"),
		"--format", "json", "--failures")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, screen.DemoWarning) {
		t.Errorf("stderr does not say the demo list is used: %q", stderr)
	}
	var m struct {
		N               int                       `json:"n"`
		Correct         int                       `json:"correct"`
		VerdictAccuracy *float64                  `json:"verdict_accuracy"`
		BlockRecall     *float64                  `json:"block_recall"`
		BlockCleared    *int                      `json:"block_cleared"`
		ClearPrecision  *float64                  `json:"clear_precision"`
		FalseReviewRate *float64                  `json:"false_review_rate"`
		Confusion       map[string]map[string]int `json:"confusion"`
		Rules           []struct {
			Rule string `json:"rule"`
		} `json:"rules"`
		Passed   int `json:"passed"`
		Failures []struct {
			ID       string   `json:"id"`
			Expected string   `json:"expected"`
			Got      string   `json:"got"`
			Findings []string `json:"findings"`
		} `json:"failures"`
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if want := countLines(t, evalCheckFile("shipments.jsonl")); m.N != want {
		t.Errorf("n = %d, want the %d lines of the set", m.N, want)
	}
	if m.VerdictAccuracy == nil || m.BlockRecall == nil || m.BlockCleared == nil || m.ClearPrecision == nil || m.FalseReviewRate == nil {
		t.Errorf("a metric is missing from %s", out[:min(len(out), 400)])
	}
	total := 0
	for _, row := range m.Confusion {
		for _, n := range row {
			total += n
		}
	}
	if total != m.N || len(m.Confusion) != 3 {
		t.Errorf("confusion %v does not count the %d shipments by three verdicts", m.Confusion, m.N)
	}
	if def, err := rules.DefaultRuleSet(); err != nil {
		t.Fatal(err)
	} else if len(m.Rules) != len(def.Rules()) {
		t.Errorf("%d rules scored, want the %d default rules", len(m.Rules), len(def.Rules()))
	}
	if len(m.Failures) != m.N-m.Passed {
		t.Errorf("%d failures listed, %d shipments did not pass", len(m.Failures), m.N-m.Passed)
	}
}

// TestEvalCheckTable checks the table for people, with and without the
// failures.
func TestEvalCheckTable(t *testing.T) {
	args := []string{"eval", "check", "--input", evalCheckFile("shipments.jsonl"), "--rates", evalCheckFile("rates.yaml"), "--prices", evalCheckFile("prices.yaml")}
	out, _ := runOK(t, "", args...)
	wantContains(t, "table", out, "verdict accuracy", "block recall", "block cleared", "clear precision", "false review rate", "expected \\ got", "dprk-controlled-goods-to-kp", "missing-facts")
	if strings.Contains(out, "FAIL ") {
		t.Errorf("failures listed without --failures:\n%s", out)
	}
	out, _ = runOK(t, "", append(args, "--failures")...)
	if !strings.Contains(out, "FAIL ") || !strings.Contains(out, " passed, ") {
		t.Errorf("--failures lists no failures:\n%s", out)
	}
}

func TestEvalCheckErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"shipment": {"id": "a", "lines": []}, "expect": {"verdict": "maybe"}, "why": "w"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no input", []string{"eval", "check"}, exitUsage, "--input FILE is required"},
		{"positional", []string{"eval", "check", "set.jsonl"}, exitUsage, `unexpected argument "set.jsonl"`},
		{"bad format", []string{"eval", "check", "--input", bad, "--format", "csv"}, exitUsage, "--format"},
		{"missing file", []string{"eval", "check", "--input", filepath.Join(dir, "none.jsonl")}, exitError, "none.jsonl"},
		{"bad label", []string{"eval", "check", "--input", bad}, exitError, "line 1: expect.verdict"},
		{"no prices", []string{"eval", "check", "--input", evalCheckFile("shipments.jsonl"), "--rates", evalCheckFile("rates.yaml")}, exitOK, "no --prices"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			got := struct {
				Code      int
				Mentioned bool
			}{code, strings.Contains(stderr, tt.stderr)}
			want := struct {
				Code      int
				Mentioned bool
			}{tt.code, true}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("stderr %q (-want +got):\n%s", stderr, diff)
			}
		})
	}
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			n++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}
