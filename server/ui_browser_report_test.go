package server

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/trade"
)

// reportPrintWidth is the width in CSS pixels of an A3 landscape page
// inside 10 mm margins, the page the heatmap prints on (400 mm at 96 px
// per inch); the other reports print on A4 landscape (printWidth).
const reportPrintWidth = 1511

// TestBrowserReports prints the reports luxscreen writes as files, each in
// Chromium: the check report of a batch, the heading heatmap and the
// trade report. Each must print whole: under print media at the width of
// its page nothing is wider than the page, the check report leads with its
// summary and the shipments that need a person, every heatmap column is on
// the page, and the trade report's verdict column is printed.
func TestBrowserReports(t *testing.T) {
	ctx := browser(t)
	dir := artefacts(t)
	b := &browserSession{t: t, ctx: ctx, dir: dir}
	cfg := testConfig(t, nil)

	// The check report of the browser test's upload.
	var decisions []*rules.Decision
	for i, line := range strings.Split(strings.TrimSpace(browserShipments), "\n") {
		sh, err := rules.Decode(fmt.Sprintf("line %d", i+1), []byte(line))
		if err != nil {
			continue // the upload's line that is not JSON
		}
		d, err := cfg.System.Check(context.Background(), sh)
		if err != nil {
			t.Fatal(err)
		}
		decisions = append(decisions, d)
	}
	var check bytes.Buffer
	if err := report.WriteHTML(&check, slices.Values(decisions), report.Meta{Source: "bl.jsonl", Generated: time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC), Tool: "luxscreen check"}); err != nil {
		t.Fatal(err)
	}
	// The heading heatmap of the luxury lists in force today.
	day := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	m, err := lists.NewMatrix(lists.InForce(cfg.System.Catalogue().Lists(), day, lists.Luxury), "heading", day)
	if err != nil {
		t.Fatal(err)
	}
	var heatmap bytes.Buffer
	if err := report.WriteMatrixHTML(&heatmap, m, nil); err != nil {
		t.Fatal(err)
	}
	// The trade report of Figure 4's rows.
	a, err := trade.DefaultAssessor(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := trade.NewAnalyzer(a, trade.Options{}).Analyze(context.Background(), "figure4.csv", strings.NewReader(`reporter,partner,period,flow,code,value_usd,quantity,quantity_unit
CN,KP,2017,export,8703,27098239,,
CN,KP,2018,export,8703,358196,,
RU,KP,2010-2019,export,0101,584291,128,u
DE,KP,2019,export,9101,12000,3,u
`))
	if err != nil {
		t.Fatal(err)
	}
	var tradePage bytes.Buffer
	if err := report.WriteTradeHTML(&tradePage, rep); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		name  string
		page  []byte
		width int
		// check is a JavaScript expression that is true when the page,
		// under print media, shows what it must.
		check string
	}{
		{"12-check-report", check.Bytes(), printWidth,
			`(() => { const s = document.getElementById("summary"), a = document.getElementById("attention");
			  return !!s && !!a && s.compareDocumentPosition(a) === Node.DOCUMENT_POSITION_FOLLOWING && getComputedStyle(a).display !== "none"; })()`},
		{"13-heatmap", heatmap.Bytes(), reportPrintWidth,
			`(() => { const h = document.getElementById("heatmap"); const r = h.getBoundingClientRect(); return r.width > 0 && r.right <= ` + fmt.Sprint(reportPrintWidth) + ` + 1; })()`},
		{"14-trade-report", tradePage.Bytes(), printWidth,
			`(() => { const v = [...document.querySelectorAll("th.verdict, td.verdict")];
			  return v.length > 1 && v.every(el => getComputedStyle(el).display !== "none" && el.getBoundingClientRect().right <= ` + fmt.Sprint(printWidth) + ` + 1); })()`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b.t = t
			p := filepath.Join(dir, tt.name+".html")
			if err := os.WriteFile(p, tt.page, 0o644); err != nil {
				t.Fatal(err)
			}
			b.run("open "+tt.name, chromedp.Navigate("file://"+p), chromedp.WaitReady(chromedp.CSS("body")))
			b.shot(tt.name)
			b.checkReportPrint(tt.name, tt.width, tt.check)
		})
	}
}

// checkReportPrint prints a report page to PDF at the page size its print
// stylesheet asks for, then, under print media at the width of that page,
// checks that the document is no wider than the page and that check, a
// JavaScript expression, holds.
func (b *browserSession) checkReportPrint(name string, width int, check string) {
	b.t.Helper()
	b.printPDF(name)
	b.printMedia(true)
	defer b.printMedia(false)
	b.run("narrow to the printed width", chromedp.EmulateViewport(int64(width), 800))
	defer b.run("restore the viewport", chromedp.EmulateViewport(1280, 900))
	if w := eval[int](b, `document.documentElement.scrollWidth`); w > width {
		b.t.Errorf("%s: printed, the document is %d px wide, wider than the page (%d px)", name, w, width)
	}
	if !eval[bool](b, check) {
		b.t.Errorf("%s: printed, the page does not hold: %s", name, check)
	}
}
