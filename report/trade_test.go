package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/trade"
)

// tradeReport analyses a file of Comtrade rows with the embedded
// catalogue, naming it as name.
func tradeReport(t *testing.T, path, name string) *trade.Report {
	t.Helper()
	return analyzeTrade(t, path, name, trade.Options{})
}

// analyzeTrade is tradeReport with the analysis's options.
func analyzeTrade(t *testing.T, path, name string, opts trade.Options) *trade.Report {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := trade.DefaultAssessor(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := trade.NewAnalyzer(a, opts).Analyze(context.Background(), name, f)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// figure4Report is the DPRK's car imports of Figure 4 of the paper the
// trade package follows: every flow prohibited by the UN.
func figure4Report(t *testing.T) *trade.Report {
	t.Helper()
	return tradeReport(t, "../trade/testdata/paper/figure4.csv", "figure4.csv")
}

// peersReport is a synthetic set of Russian horse exports with peers,
// some flagged for their unit value.
func peersReport(t *testing.T) *trade.Report {
	t.Helper()
	return tradeReport(t, "testdata/trade-peers.csv", "test.csv")
}

func TestWriteTradeCSV(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteTradeCSV(&b, figure4Report(t)); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(report.TradeCSVHeader(), recs[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	if len(recs) != 24 {
		t.Fatalf("%d records, want a header and 23 flows", len(recs))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	// The 2018 Chinese exports, the first flow under UNSCR 2397.
	var row []string
	for _, r := range recs[1:] {
		if r[col["reporter"]] == "CN" && r[col["period"]] == "2018" {
			row = r
		}
	}
	got := map[string]string{}
	for _, c := range []string{"partner", "flow", "direction", "code", "value_usd", "verdict", "coverage", "whole_period", "basis_entry", "basis_citation", "reporter_jurisdictions"} {
		got[c] = row[col[c]]
	}
	// China's own list applies from 6 January 2018: MOFCOM–GAC
	// Announcement No. 4 of 2018 bans exporting transport vehicles.
	want := map[string]string{
		"partner": "KP", "flow": "export", "direction": "export-to", "code": "8703", "value_usd": "358196",
		"verdict": "prohibited-un", "coverage": "full", "whole_period": "true",
		"basis_entry": "un-2397-7-transportation-vehicles", "basis_citation": "S/RES/2397 (2017), paragraph 7", "reporter_jurisdictions": "CN",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("2018 China (-want +got):\n%s", diff)
	}
	if !strings.Contains(row[col["un_entries"]], "un-2397-7-transportation-vehicles:full:whole") {
		t.Errorf("un_entries %q lacks UNSCR 2397", row[col["un_entries"]])
	}
}

func TestWriteTradeTable(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteTradeTable(&b, figure4Report(t)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"figure4.csv (simple layout): 24 rows read, 24 to or from the DPRK in 23 flows; 1 duplicate rows not added.",
		"Verdicts: prohibited-un 23.",
		"2017 8703: UN S/RES/2397 (2017), paragraph 7 (87, full) from 2017-12-22",
		"figure4.csv:33 repeats line 32",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`2018\s+China\s+DPRK\s+export\s+8703\s+358,196\s+prohibited-un\s+full\s+whole period\s+S/RES/2397 \(2017\), paragraph 7`).MatchString(out) {
		t.Errorf("table lacks the 2018 China row:\n%s", out)
	}
}

// TestWriteTradeHTML checks that the page is self-contained, that every chart
// is well-formed SVG, and that flagged unit values are marked.
func TestWriteTradeHTML(t *testing.T) {
	for _, tt := range []struct {
		name    string
		rep     *trade.Report
		charts  int
		flagged bool
	}{
		{"figure 4", figure4Report(t), 1, false},
		{"synthetic peers", peersReport(t), 6, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := report.WriteTradeHTML(&b, tt.rep); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			if strings.Contains(page, "NaN") || strings.Contains(page, "Inf") {
				t.Error("the page prints a NaN or an infinity")
			}
			if regexp.MustCompile(`(?i)<(script|link|img)\b|https?://[^"]*\.(js|css|png)`).MatchString(page) {
				t.Error("the page loads external resources")
			}
			svgs := regexp.MustCompile(`(?s)<svg.*?</svg>`).FindAllString(page, -1)
			if len(svgs) != tt.charts {
				t.Errorf("%d charts, want %d", len(svgs), tt.charts)
			}
			for i, s := range svgs {
				d := xml.NewDecoder(strings.NewReader(s))
				for {
					_, err := d.Token()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						t.Fatalf("chart %d is not well-formed: %v", i, err)
					}
				}
			}
			if got := strings.Contains(page, "flagged against peers"); got != tt.flagged {
				t.Errorf("flag legend shown = %v, want %v", got, tt.flagged)
			}
		})
	}
}

// TestTradeGolden renders the trade reports in every format and compares
// each with its golden file.
func TestTradeGolden(t *testing.T) {
	for _, rep := range []struct {
		name string
		rep  *trade.Report
	}{
		{"trade-figure4", figure4Report(t)},
		{"trade-peers", peersReport(t)},
		// A streamed report, which makes each flow's result as it is
		// written, writes the same bytes.
		{"trade-figure4", analyzeTrade(t, "../trade/testdata/paper/figure4.csv", "figure4.csv", trade.Options{Stream: true})},
		{"trade-peers", analyzeTrade(t, "testdata/trade-peers.csv", "test.csv", trade.Options{Stream: true})},
	} {
		for _, f := range []struct {
			ext   string
			write func(io.Writer, *trade.Report) error
		}{{"html", report.WriteTradeHTML}, {"csv", report.WriteTradeCSV}, {"txt", report.WriteTradeTable}} {
			t.Run(rep.name+"."+f.ext, func(t *testing.T) {
				var b bytes.Buffer
				if err := f.write(&b, rep.rep); err != nil {
					t.Fatal(err)
				}
				golden(t, rep.name+"."+f.ext, b.Bytes())
			})
		}
	}
}
