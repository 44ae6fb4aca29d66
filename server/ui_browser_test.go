package server

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The browser test drives Debian's Chromium over the DevTools protocol with
// chromedp, from Go alone: no Node toolchain, no downloaded browser.

// printWidth is the width in CSS pixels of an A4 landscape page inside
// the print stylesheet's 12 mm margins (273 mm at 96 px per inch).
const printWidth = 1031

// chromium returns the browser to drive: $LUXSCREEN_CHROMIUM, else
// /usr/bin/chromium. The test skips when neither is there, so that "go
// test ./..." passes on a machine with Go alone; CI sets the variable, and
// then a browser that cannot start fails the test.
func chromium(t *testing.T) (path string, required bool) {
	t.Helper()
	if p := os.Getenv("LUXSCREEN_CHROMIUM"); p != "" {
		return p, true
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", false
	}
	t.Skip("no Chromium: set LUXSCREEN_CHROMIUM or install chromium to run the browser test")
	return "", false
}

// artefacts returns the directory screenshots and PDFs are written to.
func artefacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("LUXSCREEN_ARTEFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// browser starts a headless Chromium with a fresh profile and returns a
// context to run actions in; it stops with the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin, required := chromium(t)
	if _, err := exec.LookPath(bin); err != nil {
		t.Fatalf("Chromium %s: %v", bin, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		if required {
			t.Fatalf("Chromium %s does not start: %v", bin, err)
		}
		t.Fatalf("Chromium %s is installed but does not start (set LUXSCREEN_CHROMIUM to say which to use): %v", bin, err)
	}
	return bctx
}

// browserSession is one browser on one server, writing artefacts.
type browserSession struct {
	t    *testing.T
	ctx  context.Context
	base string
	dir  string
}

// run runs actions, failing the test with what was being done.
func (b *browserSession) run(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](b *browserSession, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// open loads a page and waits for its main element.
func (b *browserSession) open(path string) {
	b.t.Helper()
	b.run("open "+path, chromedp.Navigate(b.base+path), chromedp.WaitReady(chromedp.CSS("main")))
}

// text returns the visible text of the page's main element.
func (b *browserSession) text() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		b.t.Fatalf("read the page: %v", err)
	}
	return s
}

// expect fails the test unless the page's main element shows every want.
func (b *browserSession) expect(page string, want ...string) {
	b.t.Helper()
	got := b.text()
	for _, w := range want {
		if !strings.Contains(got, w) {
			b.t.Errorf("%s: page does not show %q; it shows:\n%.3000s", page, w, got)
		}
	}
}

// shot writes a full-page screenshot of the page as name.png.
func (b *browserSession) shot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(b.dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", p)
}

// printPDF prints the page to name.pdf, A4 landscape unless the page's
// print stylesheet asks for another size.
func (b *browserSession) printPDF(name string) {
	b.t.Helper()
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFLandscape(), chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		b.t.Fatalf("print %s: %v", name, err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		b.t.Errorf("%s: PrintToPDF gave %d bytes, not a PDF", name, len(pdf))
	}
	if err := os.WriteFile(filepath.Join(b.dir, name+".pdf"), pdf, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// printMedia starts or stops emulating print media, so that the page is
// laid out by its print stylesheet.
func (b *browserSession) printMedia(on bool) {
	b.t.Helper()
	var p emulation.SetEmulatedMediaParams
	if on {
		p.Media = "print"
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, p); err != nil {
		b.t.Fatalf("emulate print media %v: %v", on, err)
	}
}

// checkPrint prints the page to an A4 landscape PDF, and checks that under
// print media, at the width of the printed page, nothing is wider than the
// page, so that the page prints whole.
func (b *browserSession) checkPrint(name string) {
	b.t.Helper()
	b.printPDF(name)
	b.printMedia(true)
	b.run("narrow to the printed width", chromedp.EmulateViewport(printWidth, 800))
	overflow := eval[[]string](b, fmt.Sprintf(`(() => {
		const w = %d, out = [];
		if (document.documentElement.scrollWidth > w) out.push("document " + document.documentElement.scrollWidth);
		for (const el of document.querySelectorAll("main table, #heatmap")) {
			const r = el.getBoundingClientRect();
			if (el.scrollWidth > w || r.right > w + 1) out.push((el.id || el.className || el.tagName) + " " + el.scrollWidth);
		}
		return out;
	})()`, printWidth))
	hidden := eval[bool](b, `[...document.querySelectorAll("form, nav")].every(el => getComputedStyle(el).display === "none")`)
	b.printMedia(false)
	b.run("restore the viewport", chromedp.EmulateViewport(1280, 900))
	if len(overflow) > 0 {
		b.t.Errorf("%s: printed, these are wider than the page (%d px): %s", name, printWidth, strings.Join(overflow, "; "))
	}
	if !hidden {
		b.t.Errorf("%s: forms or navigation are printed", name)
	}
}

// TestBrowser drives the desk in Chromium: the lists pages and the
// comparison for governments, an upload whose consignee resembles a listed
// entity, and, with a store, the case it opens released and the next
// screening honouring the release. Each page is kept as a screenshot, and
// the reports are printed.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	cfg, deskFlow := browserConfig(t)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	b := &browserSession{t: t, ctx: ctx, base: srv.URL, dir: artefacts(t)}

	b.open("/ui")
	b.expect("lists loaded", "Sanctions lists loaded", "demo", "Age (days)")
	b.shot("01-lists-loaded")
	// The first Tab reaches the skip link, which takes the keyboard past
	// the navigation.
	b.run("tab to the skip link", chromedp.KeyEvent("\t"))
	focused := eval[string](b, `document.activeElement.className`)
	if focused != "skip" {
		t.Errorf("first Tab focuses %q, want the skip link", focused)
	}

	b.open("/ui/lists/compare?a=EU&b=US")
	b.expect("compare", "EU", "US", "Controlled by")
	b.shot("02-compare")
	b.checkPrint("02-compare")

	b.open("/ui/lists/gaps")
	b.expect("gaps", "UN luxury categories not fully controlled")
	b.shot("03-gaps")

	b.open("/ui/lists/matrix")
	svgs := eval[int](b, `document.querySelectorAll("#heatmap svg").length`)
	if svgs != 1 {
		t.Errorf("matrix page holds %d heatmaps, want 1", svgs)
	}
	b.shot("04-matrix")
	b.checkPrint("04-matrix")

	b.open("/ui/lists/sources")
	b.expect("sources", "all ")
	b.shot("05-sources")

	// Upload a bill of lading whose consignee resembles a listed entity.
	upload := filepath.Join(t.TempDir(), "bl.jsonl")
	if err := os.WriteFile(upload, []byte(browserShipments), 0o644); err != nil {
		t.Fatal(err)
	}
	b.open("/ui/check")
	b.run("upload", chromedp.SetUploadFiles(chromedp.ID("file"), []string{upload}),
		chromedp.Click(chromedp.CSS(`form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("results-h")))
	b.expect("check", "Shipment hk-electronic-1", "REVIEW", "Hong Kong Electronic Trading", "KPe.005", "Shipment rice-2", "CLEAR", "line 3", "Not judged")
	b.shot("06-check")
	b.checkPrint("06-check")

	if deskFlow == nil {
		t.Log("no store: the queue and release are not driven")
		return
	}
	deskFlow(b)
}

// browserShipments are the upload: a shipment to a consignee that
// resembles the demo list's HONG KONG ELECTRONICS, one to an ordinary
// consignee, and a line that is not JSON, which the page must show.
const browserShipments = `{"id":"hk-electronic-1","date":"2024-03-01","parties":[{"role":"shipper","name":"Siam Rice Exporters Co., Ltd.","kind":"organisation","country":"TH"},{"role":"consignee","name":"Hong Kong Electronic Trading","kind":"organisation","country":"CN"}],"route":[{"locode":"THBKK","name":"Bangkok"},{"locode":"CNSHA","name":"Shanghai"}],"origin":"TH","destination":"CN","lines":[{"description":"milled white rice in 50 kg bags","hs":"1006.30","quantity":1000,"unit":"kg","value":600,"currency":"USD"}]}
{"id":"rice-2","date":"2024-03-01","parties":[{"role":"shipper","name":"Siam Rice Exporters Co., Ltd.","kind":"organisation","country":"TH"},{"role":"consignee","name":"World Food Programme","kind":"organisation","country":"BD"}],"route":[{"locode":"THBKK","name":"Bangkok"},{"locode":"BDCGP","name":"Chittagong"}],"origin":"TH","destination":"BD","lines":[{"description":"milled white rice in 50 kg bags","hs":"1006.30","quantity":1000,"unit":"kg","value":600,"currency":"USD"}]}
{"id":"broken-3",
`
