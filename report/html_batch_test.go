package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/trade"
)

// batchSize is the batch of the issue the report was reshaped for: twenty
// thousand shipments, whose report was 95 MB and would not open.
const batchSize = 20_000

// maxBatchReport is the most a report of batchSize shipments may weigh.
const maxBatchReport = 3_000_000

// seedFindings are the findings of the example shipments, in the words and
// at the length the rule set writes them; %s is a party's name.
var seedFindings = [][]rules.Finding{
	nil, // clear
	{{
		Rule: "dprk-controlled-goods-to-kp", Severity: rules.Block,
		Message: "a line is controlled for export to the DPRK by a list that binds the exporter or a transit state, and the shipment is destined for North Korea",
		Evidence: []rules.Evidence{
			{Field: "destination", Detail: "final destination KP"},
			{Line: 1, Detail: `0101.21.00 "pure-bred Orlov trotter horses, live": controlled by EU luxury eu-viii-1-horses (0101.21.00; TAR/SEC)`},
		},
		Citation: []rules.Citation{
			{Kind: "set", Ref: "dprk", Text: "UN Security Council resolution 1718 (2006), paragraph 8"},
			{Kind: "list", Ref: "eu-2017-1509-luxury/eu-viii-1-horses", Text: "Regulation (EU) 2017/1509, Annex VIII (as replaced by Regulation (EU) 2017/2062), category 1: Pure-bred horses", URL: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02017R1509-20240730", Basis: lists.Basis("tariff"), Confidence: lists.Confidence("secondary-source")},
			{Kind: "rule", Ref: "dprk-controlled-goods-to-kp", Text: "UN Security Council resolution 1718 (2006), paragraph 8(a); resolutions 2094 (2013), 2270 (2016), 2321 (2016), 2371, 2375 and 2397 (2017); the national lists implementing them"},
		},
	}},
	{{
		Rule: "dprk-destination", Severity: rules.Review,
		Message:  "the shipment is destined for North Korea; no line is on a list that binds the exporter, but end user, payment and exemption must be checked",
		Evidence: []rules.Evidence{{Field: "destination", Detail: "final destination KP"}},
		Citation: []rules.Citation{{Kind: "rule", Ref: "dprk-destination", Text: "UN Security Council resolution 2270 (2016), paragraph 18 (inspection of all cargo to and from the DPRK), and resolution 2397 (2017), paragraph 7"}},
	}},
	{
		{
			Rule: "controlled-goods-to-shell", Severity: rules.Review,
			Message: "goods controlled for the DPRK go to a party with the marks of a shell company",
			Evidence: []rules.Evidence{
				{Party: "consignee: %s", Detail: "registered in the Marshall Islands, a secrecy jurisdiction seen in DPRK evasion cases", Uncertain: true},
				{Line: 1, Detail: `8703.24 "Mercedes-Maybach S600 Guard armoured saloon cars": controlled by EU luxury eu-2007-iii-17-vehicles (ex 8703; DER/PRI; uncertain; ex 8703: only goods of the category are controlled, and the description does not say it is one); UN luxury un-2094-iv-b-luxury-automobiles (ex 8703; DER/SEC); JP luxury jp-2-2-18 (8703; DER/SEC); and 2 more (KR, RU)`},
			},
			Citation: []rules.Citation{
				{Kind: "indicator", Ref: "mh", Text: "Marshall Islands: registration without public ownership records"},
				{Kind: "list", Ref: "un-2094-luxury/un-2094-iv-b-luxury-automobiles", Text: "S/RES/2094 (2013), Annex IV, item (b): Luxury automobiles (and motor vehicles) principally designed for the transport of persons (other than public transport), including station wagons", URL: "https://undocs.org/S/RES/2094(2013)"},
			},
		},
		{
			Rule: "dprk-transshipment-route", Severity: rules.Review,
			Message: "goods controlled for the DPRK are routed to, or through, a port next to the DPRK used for transshipment in documented cases",
			Evidence: []rules.Evidence{
				{Port: "CNDAL Dalian (CN)", Detail: "route passes through Dalian"},
				{Port: "RUNJK Nakhodka (RU)", Detail: "route ends in Nakhodka"},
				{Vessel: "DN5505", Detail: "flag TG"},
			},
			Citation: []rules.Citation{{Kind: "set", Ref: "dprk-transshipment-ports", Text: "C4ADS, Lux & Loaded (2019), and A. Mihailescu, The Lap of Luxury (2020): the Maybach cars of 2018 went Rotterdam - Dalian - Osaka - Busan - Nakhodka before Air Koryo flew them from Vladivostok."}},
		},
	},
}

// batch returns n decisions made from the seeds in turn, the first clear.
// A party's name takes one of seven suffixes, as in the generated batches
// of cmd/luxscreen, so that the findings of most shipments repeat those of
// others; with distinct, every shipment's evidence is its own.
func batch(n int, distinct bool) []*rules.Decision {
	suffixes := []string{"", " Co., Ltd.", " Trading", " International Limited", " Group", " LLC", " Logistics"}
	v := rules.Versions{Rules: "luxscreen-default@afbbd0da90bb", Goods: "classify+catalogue@f173a0b5eeb6"}
	out := make([]*rules.Decision, n)
	for i := range out {
		seed := seedFindings[i%len(seedFindings)]
		name := "Do Young Shipping" + suffixes[i%len(suffixes)]
		if distinct {
			name = fmt.Sprintf("Do Young Shipping %d", i)
		}
		fs := make([]rules.Finding, len(seed))
		verdict := rules.VerdictClear
		for j, f := range seed {
			f.Evidence = slices.Clone(f.Evidence)
			for k, e := range f.Evidence {
				if e.Party != "" {
					f.Evidence[k].Party = fmt.Sprintf(e.Party, name)
				}
				if distinct && e.Field == "destination" {
					f.Evidence[k].Detail += fmt.Sprintf(" (manifest %d)", i)
				}
			}
			fs[j] = f
			switch {
			case f.Severity == rules.Block:
				verdict = rules.VerdictBlock
			case f.Severity == rules.Review && verdict == rules.VerdictClear:
				verdict = rules.VerdictReview
			}
		}
		out[i] = &rules.Decision{
			ID: fmt.Sprintf("shipment-%06d", i), Verdict: verdict, Findings: fs, Versions: v,
			DecisionID: fmt.Sprintf("%064x", i*7919), AsOf: fmt.Sprintf("20%02d-%02d-%02d", 10+i%10, 1+i%12, 1+i%28),
		}
	}
	return out
}

// mostlyClear returns n decisions of which one in twenty needs a person,
// each for findings of its own: the batch of a forwarder's ordinary day.
func mostlyClear(n int) []*rules.Decision {
	ds := batch(n, true)
	for i, d := range ds {
		if i%20 != 0 {
			d.Verdict, d.Findings = rules.VerdictClear, []rules.Finding{}
		}
	}
	return ds
}

// shipmentRow matches the row of a shipment: its anchor, numbered by its
// place in the input, and its ID.
var shipmentRow = regexp.MustCompile(`<tr id="d(\d+)"[^>]*><td>([^<]*)`)

// TestHTMLBatchSize renders batches of twenty thousand shipments and checks
// that each report stays under the size a browser opens, that every
// shipment has its row, once, and how many shipments' findings are shown
// in full.
func TestHTMLBatchSize(t *testing.T) {
	for _, tt := range []struct {
		name        string
		decisions   []*rules.Decision
		wantCompact bool
	}{
		// The findings repeat: every case is shown in full.
		{"repeated findings", batch(batchSize, false), false},
		// A few hundred shipments need a person, each for reasons of its
		// own: all are shown in full.
		{"mostly clear", mostlyClear(batchSize), false},
		// Three in four need a person, each for reasons of its own: the
		// findings cannot all be shown, and the rest are listed.
		{"distinct findings", batch(batchSize, true), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := report.WriteHTML(&b, slices.Values(tt.decisions), meta()); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			t.Logf("%d bytes", b.Len())
			if b.Len() > maxBatchReport {
				t.Errorf("report of %d shipments is %d bytes, want at most %d", len(tt.decisions), b.Len(), maxBatchReport)
			}
			var want, got []string
			for i, d := range tt.decisions {
				want = append(want, fmt.Sprintf("%d %s", i+1, d.ID))
			}
			for _, m := range shipmentRow.FindAllStringSubmatch(out, -1) {
				got = append(got, m[1]+" "+m[2])
			}
			slices.SortFunc(got, func(a, b string) int { return len(a) - len(b) })
			slices.SortStableFunc(got, func(a, b string) int { return atoi(a) - atoi(b) })
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("shipment rows (-want +got):\n%.2000s", diff)
			}
			if compact := strings.Contains(out, `id="compact"`); compact != tt.wantCompact {
				t.Errorf("findings left out: %v, want %v", compact, tt.wantCompact)
			}
			if !strings.HasSuffix(out, "</html>\n") {
				t.Error("report is not whole")
			}
		})
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// TestHTMLCases checks how shipments are grouped and ordered: shipments
// whose findings read the same are one case, blocked cases come first,
// and a case past the budget is listed by its rules, with a warning.
func TestHTMLCases(t *testing.T) {
	ds := batch(8, false) // the seeds twice over
	same := batch(2, false)[1]
	same.ID = "twin-of-shipment-000001"
	ds = append(ds, same)
	for _, tt := range []struct {
		name   string
		budget int
		// want lists the cases' headings in order, then the compact
		// rows' IDs.
		want []string
	}{
		{"all in full", 0, []string{
			"BLOCK 3 shipments with the same findings", // no party in the evidence
			"REVIEW 2 shipments with the same findings",
			"REVIEW Shipment shipment-000003", // a party, its name differing
			"REVIEW Shipment shipment-000007",
		}},
		{"over budget", 2000, []string{
			"BLOCK 3 shipments with the same findings",
			"REVIEW 2 shipments with the same findings",
			"compact shipment-000003",
			"compact shipment-000007",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := meta()
			m.DetailBudget = tt.budget
			var b bytes.Buffer
			if err := report.WriteHTML(&b, slices.Values(ds), m); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			var got []string
			heading := regexp.MustCompile(`<span class="badge b-\w+">(\w+)</span>\s*<h3>([^<]*)</h3>|<tr id="d\d+"><td>([^<]*)<td>[^<]*<td>[^<]*<td>(?:block|review)<td>`)
			for _, m := range heading.FindAllStringSubmatch(out, -1) {
				if m[3] != "" {
					got = append(got, "compact "+m[3])
				} else {
					got = append(got, m[1]+" "+m[2])
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("cases (-want +got):\n%s", diff)
			}
			if warned := strings.Contains(out, "are not shown in full"); warned != (tt.budget > 0) {
				t.Errorf("warning of findings left out: %v", warned)
			}
		})
	}
}

// TestHTMLCheckGolden compares the report of a small batch with its golden
// file.
func TestHTMLCheckGolden(t *testing.T) {
	var b bytes.Buffer
	h, err := report.NewHTMLWriter(&b, meta())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range append(decisions(), batch(5, false)...) {
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
	golden(t, "check.html", b.Bytes())
}

// TestPrintCSS checks that every HTML page has print styles, and in them
// what keeps each page whole on paper: the check report opens its folded
// lists and hides its filters, the heatmap scales to the page, the trade
// table lets its verdict column onto the page. Whether they print whole
// is for a browser to say; these are the styles it needs.
func TestPrintCSS(t *testing.T) {
	var check, matrix, tradePage bytes.Buffer
	if err := report.WriteHTML(&check, slices.Values(decisions()), meta()); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteMatrixHTML(&matrix, coverage(), nil); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteTradeHTML(&tradePage, &trade.Report{File: "t.csv"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		page string
		want []string
	}{
		{"check", check.String(), []string{`id="summary"`, `id="attention"`, "details::details-content { content-visibility: visible", ".filters, button[type=reset] { display: none", `addEventListener("beforeprint"`}},
		{"heatmap", matrix.String(), []string{`<svg xmlns="http://www.w3.org/2000/svg" id="heatmap"`, "@page{size:A3 landscape", "#heatmap{display:block;width:100%;height:auto"}},
		{"trade", tradePage.String(), []string{`<th class="verdict">`, "@page{size:A4 landscape", ".scroll{overflow:visible}", "th{position:static}"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.page, "@media print")
			if i < 0 {
				t.Fatal("no print styles")
			}
			for _, w := range tt.want {
				if !strings.Contains(tt.page, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

// BenchmarkHTMLBatch renders the report of twenty thousand shipments
// whose findings repeat, as the generated batches of cmd/luxscreen do;
// one op is the whole report. Run it with -benchmem.
func BenchmarkHTMLBatch(b *testing.B) {
	ds := batch(batchSize, false)
	m := meta()
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var w countWriter
		if err := report.WriteHTML(&w, slices.Values(ds), m); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(size), "bytes/report")
}

// countWriter counts what is written to it.
type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

var _ io.Writer = (*countWriter)(nil)
