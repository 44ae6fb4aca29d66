package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestClassifyExitCodes(t *testing.T) {
	tests := []struct {
		args    []string
		want    int
		wantErr string
	}{
		{[]string{"classify"}, exitUsage, ""},
		{[]string{"classify", "watch", "--format", "xml"}, exitUsage, ""},
		{[]string{"classify", "watch", "--date", "1/2/2020"}, exitUsage, ""},
		{[]string{"classify", "watch", "--rate", "EURO=1"}, exitUsage, ""},
		{[]string{"classify", "watch", "--input", "-"}, exitUsage, ""},
		{[]string{"classify", "--input", "/no/such/file"}, exitError, ""},
		{[]string{"classify", "gold colour alloy pendant"}, exitOK, ""},
		{[]string{"classify", "--hs", "9101.21"}, exitOK, ""},
		{[]string{"eval", "classify"}, exitUsage, ""},
		// A jurisdiction is read as lookup reads it: a misspelt one
		// would match no list and report no controls.
		{[]string{"classify", "gold colour alloy pendant", "--jurisdiction", "XX"}, exitUsage, `--jurisdiction "XX": want UN, EU or an ISO 3166-1 country code`},
		{[]string{"classify", "--input", "-", "--jurisdiction", "UN,Europe"}, exitUsage, `--jurisdiction "Europe"`},
		{[]string{"eval", "classify", "--input", filepath.Join("..", "..", "classify", "testdata", "heldout.jsonl"), "--jurisdiction", "ZZ"}, exitUsage, `--jurisdiction "ZZ"`},
		{[]string{"classify", "gold colour alloy pendant", "--jurisdiction", "eu, gb"}, exitOK, ""},
	}
	for _, tt := range tests {
		wantExit(t, "", tt.want, tt.wantErr, tt.args...)
	}
}

// classifyLine is the stable output of "classify --format jsonl".
type classifyLine struct {
	ID         string `json:"id"`
	HS6        string `json:"hs6"`
	Candidates []struct {
		Code     string   `json:"code"`
		Level    string   `json:"level"`
		Score    float64  `json:"score"`
		Evidence []string `json:"evidence"`
	} `json:"candidates"`
	Controls []struct {
		List         string `json:"list"`
		Jurisdiction string `json:"jurisdiction"`
		Entry        string `json:"entry"`
		Category     string `json:"category"`
		Basis        string `json:"basis"`
		Citation     string `json:"citation"`
		Applies      string `json:"applies"`
	} `json:"controls"`
	Luxury      string   `json:"luxury"`
	NeedsReview bool     `json:"needs_review"`
	Reasons     []string `json:"reasons"`
}

func TestClassifyBatchJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","description":"hand-knotted Persian wool rug","value":300,"currency":"USD","quantity":1,"unit":"pcs"}`,
		`{"id":"b","description":"hand-knotted Persian wool rug","value":3000,"currency":"EUR","quantity":1,"unit":"pcs","date":"2024-05-01"}`,
		``,
		`{"id":"c","hs_code":"9101"}`,
		`{"id":"d","description":"Mercedes-Maybach S600 Guard armoured limousine","hs_code":"8716.39","destination":"KP"}`,
	}, "\n")
	out, _ := runOK(t, in, "classify", "--input", "-", "--jurisdiction", "UN", "--rate", "EUR=1.08")
	got := decodeLines[classifyLine](t, out)
	type summary struct {
		ID, HS6, Luxury string
		Review          bool
		RugApplies      string
	}
	var sums []summary
	for _, r := range got {
		s := summary{ID: r.ID, HS6: r.HS6, Luxury: r.Luxury, Review: r.NeedsReview}
		for _, c := range r.Controls {
			if c.Entry == "un-2321-iv-a-rugs-tapestries" {
				s.RugApplies = c.Applies
			}
			if c.Jurisdiction != "UN" {
				t.Errorf("%s: control of %s with --jurisdiction UN", r.ID, c.Jurisdiction)
			}
		}
		sums = append(sums, s)
	}
	want := []summary{
		{ID: "a", HS6: "570110", Luxury: "no", RugApplies: "does not apply"},
		{ID: "b", HS6: "570110", Luxury: "yes", RugApplies: "applies"},
		{ID: "c", HS6: "", Luxury: "yes", Review: true},
		{ID: "d", HS6: "870324", Luxury: "yes", Review: true},
	}
	if diff := cmp.Diff(want, sums); diff != "" {
		t.Errorf("batch results (-want +got):\n%s", diff)
	}
}

func TestClassifyBatchBadLine(t *testing.T) {
	in := `{"id":"a","description":"watch"}` + "\n" + `{"id":"b","colour":"red"}` + "\n"
	code, _, stderr := runCLI(t, in, "classify", "--input", "-")
	if code != exitError || !strings.Contains(stderr, "stdin:2") {
		t.Errorf("exit %d, stderr %q; want exit 1 naming stdin:2", code, stderr)
	}
}

func TestClassifyTable(t *testing.T) {
	out, _ := runOK(t, "", "classify", "Lumber transporter WS51200 with hydraulic erector", "--hs", "8704.23")
	wantContains(t, "output", out, "HS6: 871000", "MISMATCH (red-flag)", "review:")
}

func TestClassifyRatesFile(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"usd.yaml": "base: USD\nsource: test\nrates: {EUR: 1.08}\n", "chf.yaml": "base: CHF\nsource: test\nrates: {EUR: 0.95, USD: 0.88}\n"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		out, _ := runOK(t, "", "classify", "hand-knotted wool rug", "--value", "3000", "--currency", "EUR", "--quantity", "1", "--unit", "pcs", "--rates", p, "--jurisdiction", "UN", "--format", "json")
		var r classifyLine
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if r.Luxury != "yes" || r.NeedsReview {
			t.Errorf("%s: luxury %v review %v, want a luxury rug that needs no review (%q)", name, r.Luxury, r.NeedsReview, r.Reasons)
		}
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("base: USD\nsource: test\nrates:\n  EUR: 1.08\n  GBP: abc\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "classify", "rug", "--rates", bad); code == exitOK || !strings.Contains(stderr, "bad.yaml:5") {
		t.Errorf("bad rates file: exit %d, stderr %q; want an error naming bad.yaml:5", code, stderr)
	}
}

func TestEvalClassify(t *testing.T) {
	out, _ := runOK(t, "", "eval", "classify", "--input", "../../classify/testdata/inscope.jsonl", "--failures")
	wantContains(t, "output", out, "acc@4", "acc@6", "top5@4", "abstain", "luxury precision", "luxury recall", "passed,")
}
