package report_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/rules"
)

// decisions returns a blocked, a reviewed and a clear decision.
func decisions() []*rules.Decision {
	v := rules.Versions{Rules: "test-rules@1", Goods: "test-goods@2", Sanctions: []party.ListVersion{{Source: "UN", Published: "2026-02-27", SHA256: "66b392a4090868d2", Entities: 1003}}}
	return []*rules.Decision{
		{
			ID: "bl-1", Verdict: rules.VerdictBlock, AsOf: "2018-10-01", DecisionID: "aaaaaaaaaaaaaaaaaaaa", Versions: v,
			Findings: []rules.Finding{{
				Rule: "dprk-controlled-goods-to-kp", Severity: rules.Block, Message: "controlled goods to the DPRK",
				Evidence: []rules.Evidence{{Field: "destination", Detail: "final destination KP"}, {Line: 1, Detail: "8703.24 luxury cars"}},
				Citation: []rules.Citation{{Kind: "list", Ref: "un-2094/iv-b", Text: "S/RES/2094 (2013), Annex IV (b)", URL: "https://undocs.org/S/RES/2094(2013)"}},
			}},
		},
		{
			ID: "bl-2", Verdict: rules.VerdictReview, AsOf: "2019-01-01", DecisionID: "bbbbbbbbbbbbbbbbbbbb", Versions: v,
			Findings: []rules.Finding{
				{Rule: "shell", Severity: rules.Review, Message: "a shell company", Evidence: []rules.Evidence{{Party: "consignee: <b>Do Young</b> Shipping", Detail: "Marshall Islands", Uncertain: true}},
					Citation: []rules.Citation{{Kind: "indicator", Ref: "mh", Text: "=cmd|' /C calc'!A0", URL: "javascript:alert(1)"}}},
				{Rule: "flag", Severity: rules.Review, Message: "evasion flag", Evidence: []rules.Evidence{{Vessel: "DN5505", Detail: "flag TG"}, {Port: "RUNJK Nakhodka", Detail: "route ends"}}},
			},
		},
		{ID: "bl-3", Verdict: rules.VerdictClear, AsOf: "2024-03-01", DecisionID: "cccccccccccccccccccc", Versions: v, Findings: []rules.Finding{}},
	}
}

func meta() report.Meta {
	return report.Meta{Source: "ships.jsonl", Generated: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), Tool: "luxscreen check", Warnings: []string{"demo <list>"}}
}

func TestWriteHTML(t *testing.T) {
	var b bytes.Buffer
	h, err := report.NewHTMLWriter(&b, meta())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range decisions() {
		if err := h.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.WriteError("ships.jsonl:4", errors.New("colour: unknown field")); err != nil {
		t.Fatal(err)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"<title>Shipment screening report — ships.jsonl</title>",
		`<p class="warning" role="alert">demo &lt;list&gt;</p>`,
		`<span class="n">1</span><span class="l">Block</span>`,
		`<span class="n">1</span><span class="l">Review</span>`,
		`<span class="n">1</span><span class="l">Clear</span>`,
		`<span class="n">1</span><span class="l">Not judged</span>`,
		`<span class="n">4</span><span class="l">Shipments</span>`,
		"3 findings in 4 shipments; 3 need a person.",
		`<th scope="row">destination</th><td>final destination KP</td>`,
		`<th scope="row">line 1</th>`,
		`<th scope="row">consignee: &lt;b&gt;Do Young&lt;/b&gt; Shipping</th>`,
		`<th scope="row">vessel DN5505</th>`,
		`<th scope="row">port RUNJK Nakhodka</th>`,
		`(uncertain: caps the finding at review)`,
		`<a class="src" href="https://undocs.org/S/RES/2094%282013%29">source</a>`,
		`<a class="cite" href="#r1">[1]</a> <span class="ckind">list</span> <code class="ref">un-2094/iv-b</code>`,
		`href="#ZgotmplZ"`, // html/template refuses the javascript: URL
		`<tr id="d3"><td>bl-3<td>2024-03-01<td>cccccccccccc`,
		`<tr id="d4"><td>ships.jsonl:4<td class="errmsg">colour: unknown field`,
		`<option value="dprk-controlled-goods-to-kp">`,
		`test-rules@1`, `UN published 2026-02-27, 1003 entities`,
		`Generated</dt><dd>2026-11-23 12:00 UTC</dd>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(out, "<b>Do Young") || strings.Contains(out, "javascript:") {
		t.Error("input reached the page unescaped")
	}
	// One row per shipment, and the summary, then the shipments that need
	// a person (blocked first), then the clear ones.
	if n := strings.Count(out, `<tr id="d`); n != 4 {
		t.Errorf("%d shipment rows, want 4", n)
	}
	last := 0
	for _, s := range []string{`id="summary"`, `id="attention"`, `<h3>Shipment bl-1</h3>`, `<h3>Shipment bl-2</h3>`, `id="not-judged"`, `id="sources"`, `id="clear"`} {
		i := strings.Index(out, s)
		if i <= last {
			t.Errorf("%s missing or out of order", s)
		}
		last = i
	}
	if err := h.Write(decisions()[0]); err == nil {
		t.Error("Write after Close succeeded")
	}
}

func TestWriteHTMLEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteHTML(&b, slices.Values([]*rules.Decision(nil)), report.Meta{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "<h1>Shipment screening report</h1>") || !strings.Contains(out, `<span class="n">0</span><span class="l">Shipments</span>`) || strings.Contains(out, "<tbody>") || !strings.Contains(out, "None: every shipment was judged") || !strings.HasSuffix(out, "</html>\n") {
		t.Errorf("empty report:\n%s", out)
	}
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return w.n, errors.New("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteHTMLError(t *testing.T) {
	err := report.WriteHTML(&failWriter{n: 5000}, slices.Values(decisions()), meta())
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("WriteHTML = %v, want the write error", err)
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	w := report.NewCSVWriter(&b)
	for _, d := range decisions() {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"id", "verdict", "rule", "severity", "message", "evidence", "citation"},
		{"bl-1", "block", "dprk-controlled-goods-to-kp", "block", "controlled goods to the DPRK", "destination: final destination KP; line 1: 8703.24 luxury cars", "[list un-2094/iv-b] S/RES/2094 (2013), Annex IV (b) <https://undocs.org/S/RES/2094(2013)>"},
		{"bl-2", "review", "shell", "review", "a shell company", "consignee: <b>Do Young</b> Shipping: Marshall Islands (uncertain)", "[indicator mh] =cmd|' /C calc'!A0 <javascript:alert(1)>"},
		{"bl-2", "review", "flag", "review", "evasion flag", "vessel DN5505: flag TG; port RUNJK Nakhodka: route ends", ""},
		{"bl-3", "clear", "", "", "", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	var empty bytes.Buffer
	if err := report.NewCSVWriter(&empty).Flush(); err != nil || empty.String() != "id,verdict,rule,severity,message,evidence,citation\n" {
		t.Errorf("empty CSV %q, %v", empty.String(), err)
	}
}

func TestCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Acme", "Acme"},
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+1 555", "'+1 555"},
		{"-12.5", "-12.5"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
	}
	for _, tt := range tests {
		if got := report.Cell(tt.in); got != tt.want {
			t.Errorf("Cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCloseIncomplete(t *testing.T) {
	var b bytes.Buffer
	h, err := report.NewHTMLWriter(&b, meta())
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Write(decisions()[0]); err != nil {
		t.Fatal(err)
	}
	if err := h.CloseIncomplete(errors.New("ships.jsonl:9:1: JSON syntax")); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "This report is incomplete") || !strings.Contains(out, "<code>ships.jsonl:9:1: JSON syntax</code>") || !strings.Contains(out, `<span class="n">1</span><span class="l">Shipment</span>`) {
		t.Errorf("incomplete report:\n%s", out)
	}
}
