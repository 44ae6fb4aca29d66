package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
)

func exampleInput(t *testing.T, name string) string {
	t.Helper()
	return filepath.Join("..", "..", "examples", "shipments", name)
}

// TestCheckJSONL checks the stable output fields and the verdicts of the
// documented cases, read as JSON lines from standard input.
func TestCheckJSONL(t *testing.T) {
	var in bytes.Buffer
	files := []string{"maybach-2018.json", "horses-2019-ru.json", "horses-2019-eu.json", "laptops-2012-jp.json", "timber-transporters-2011.json", "rice-humanitarian.json"}
	for _, f := range files {
		b, err := os.ReadFile(exampleInput(t, f))
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(v)
		in.Write(append(line, '\n'))
	}
	out, stderr := runOK(t, in.String(), "check", "--input", "-", "--format", "jsonl")
	var got []string
	type decision struct {
		ID       string           `json:"id"`
		Verdict  string           `json:"verdict"`
		Findings []map[string]any `json:"findings"`
		Versions map[string]any   `json:"versions"`
	}
	for _, d := range decodeLines[decision](t, out) {
		for _, f := range d.Findings {
			for _, k := range []string{"rule", "severity", "message", "evidence", "citation"} {
				if _, ok := f[k]; !ok {
					t.Errorf("%s: finding lacks field %q", d.ID, k)
				}
			}
		}
		if _, ok := d.Versions["rules"]; !ok {
			t.Errorf("%s: versions lack rules", d.ID)
		}
		got = append(got, d.ID+" "+d.Verdict)
	}
	want := []string{"maybach-2018 review", "horses-2019-ru review", "horses-2019-eu block", "laptops-2012-jp block", "timber-transporters-2011 review", "rice-humanitarian clear"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("verdicts (-want +got):\n%s", diff)
	}
	if !strings.Contains(stderr, "DEMO") {
		t.Errorf("no demo-list warning on stderr: %q", stderr)
	}
}

// TestCheckTable runs the README's main job: the Maybach case for people.
func TestCheckTable(t *testing.T) {
	out, _ := runOK(t, "", "check", "--input", exampleInput(t, "maybach-2018.json"))
	wantContains(t, "output", out, "shipment maybach-2018 — REVIEW (as of 2018-10-01)", "dprk-transshipment-route", "RUNJK Nakhodka (RU)", "consignee: Do Young Shipping", "vessel DN5505 — flag TG", "decision ")
}

func TestCheckErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\": \"a\", \"lines\": []}\n{\"id\": \"b\", \"colour\": 1, \"lines\": []}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rulesFile := filepath.Join(dir, "rules.yaml")
	if err := os.WriteFile(rulesFile, []byte("rules:\n  - id: x\n    severity: review\n    title: t\n    message: m\n    source: s\n    when: {destinaton: {in: [KP]}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no input", []string{"check"}, exitUsage, "--input is required"},
		{"bad format", []string{"check", "--input", bad, "--format", "xml"}, exitUsage, "--format"},
		{"bad record", []string{"check", "--input", bad, "--format", "jsonl"}, exitError, bad + `:2:13: colour: unknown field`},
		{"bad rules", []string{"check", "--input", bad, "--rules", rulesFile}, exitError, rulesFile + `:7:12: rules[0].when.destinaton: unknown condition`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantExit(t, "", tt.code, tt.stderr, tt.args...)
		})
	}
}

// TestCheckHTML writes the report of the six example shipments, one bad
// record and a shipment whose ID is markup, and checks what a reader
// relies on: counts, sections, the error, escaping, no outside resource.
func TestCheckHTML(t *testing.T) {
	six := strings.Split(strings.TrimSpace(sixShipments(t)), "\n")
	in := strings.Join(append(six,
		`{"id": "bad", "colour": 1, "lines": []}`,
		`{"id": "<script>alert(1)</script>", "destination": "KP", "lines": [{"description": "rice"}]}`), "\n") + "\n"
	code, out, stderr := runCLI(t, in, "check", "--input", "-", "--format", "html", "--workers", "3")
	if code != exitError {
		t.Errorf("exit %d, want 1 for the bad record: %s", code, stderr)
	}
	wantContains(t, "report", out,
		"<!DOCTYPE html>",
		`<span class="n">2</span><span class="l">Block</span>`,
		`<span class="n">4</span><span class="l">Review</span>`,
		`<span class="n">1</span><span class="l">Clear</span>`,
		`<span class="n">1</span><span class="l">Not judged</span>`,
		`<span class="n">8</span><span class="l">Shipments</span>`,
		`<h3>Shipment maybach-2018</h3>`,
		`<th scope="row">consignee: Do Young Shipping</th>`,
		`colour: unknown field`,
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`embedded DEMO list`,
		`Generated</dt><dd>2026-11-23 12:00 UTC`,
	)
	for _, bad := range []string{"<script>alert", "<link", " src=", "@import", "url("} {
		if strings.Contains(out, bad) {
			t.Errorf("report has %q: it must be escaped and self-contained", bad)
		}
	}
	// Every shipment has its row, anchored by its place in the input.
	for i, r := range []string{"maybach-2018", "horses-2019-ru", "horses-2019-eu", "laptops-2012-jp", "timber-transporters-2011", "rice-humanitarian", "Shipment bad (stdin:7)", "&lt;script&gt;alert(1)&lt;/script&gt;"} {
		if want := fmt.Sprintf(`<tr id="d%d"><td>%s<td`, i+1, r); !strings.Contains(out, want) {
			t.Errorf("report lacks the row %q", want)
		}
	}
	// The summary leads, then the blocked shipments, those to review,
	// those not judged, and the clear ones.
	last := 0
	for _, s := range []string{`id="summary"`, "<h3>Shipment horses-2019-eu</h3>", "<h3>Shipment maybach-2018</h3>", `id="not-judged"`, `id="clear"`, "<td>rice-humanitarian<td>"} {
		i := strings.Index(out, s)
		if i <= last {
			t.Errorf("%s missing or out of order", s)
		}
		last = i
	}
}

// TestCheckHTMLStopped checks that a report cut short by input that cannot
// be read on (a bill-of-lading CSV whose reading fails) says so, after the
// shipments read before.
func TestCheckHTMLStopped(t *testing.T) {
	in := blHeader + "a,2024-01-02,,,,,watches,9101.21,1,item,100,USD\n" + "b,2024-01-02,,,,,rice,1006.30,,,,\n" + "c,2024-01-02,,,,,rings,,,,100,USD\n"
	var out, errb bytes.Buffer
	e := &env{
		stdin:  io.MultiReader(strings.NewReader(in), iotest.ErrReader(errors.New("disk on fire"))),
		stdout: &out,
		stderr: &errb,
		now:    func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) },
	}
	code := run(context.Background(), []string{"check", "--input", "-", "--input-format", "csv", "--format", "html"}, e)
	if code != exitError || !strings.Contains(errb.String(), "disk on fire") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
	wantContains(t, "report", out.String(), `<tr id="d1"><td>a<td>`, "This report is incomplete", "disk on fire", "</html>")
}

// TestCheckNomenclature checks that check takes --nomenclature, so that a
// declared code of the right form that the nomenclature lacks is a review
// (rule invalid-input) rather than a clear.
func TestCheckNomenclature(t *testing.T) {
	dir := t.TempDir()
	nom := filepath.Join(dir, "hs.csv")
	csv := "section,hscode,description,parent,level\nXVI,84,Machinery,TOTAL,2\nXVI,8413,Pumps for liquids,84,4\nXVI,841370,Other centrifugal pumps,8413,6\n"
	if err := os.WriteFile(nom, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	const shipment = `{"id":"s1","date":"2024-03-01","parties":[{"role":"exporter","name":"Acme GmbH","country":"DE"}],"destination":"US","lines":[{"description":"centrifugal water pumps","hs":"%s"}]}` + "\n"
	type got struct {
		Verdict string
		Rules   []string
	}
	tests := []struct {
		name string
		hs   string
		args []string
		want got
	}{
		{"code in the nomenclature", "8413.70", []string{"--nomenclature", nom}, got{"clear", nil}},
		{"code not in the nomenclature", "8413.99", []string{"--nomenclature", nom}, got{"review", []string{"invalid-input"}}},
		// Without one, the embedded HS 2022 judges.
		{"no nomenclature: the embedded HS 2022", "8413.99", nil, got{"review", []string{"invalid-input"}}},
		{"no nomenclature: a code of the embedded HS 2022", "8413.70", nil, got{"clear", nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _ := runOK(t, fmt.Sprintf(shipment, tt.hs), append([]string{"check", "--input", "-", "--format", "jsonl"}, tt.args...)...)
			var d struct {
				Verdict  string `json:"verdict"`
				Findings []struct {
					Rule string `json:"rule"`
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			g := got{Verdict: d.Verdict}
			for _, f := range d.Findings {
				g.Rules = append(g.Rules, f.Rule)
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	wantExit(t, "", exitUsage, `invalid value "HS2018" for flag -edition`, "check", "--input", "-", "--nomenclature", nom, "--edition", "HS2018")
}
