package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/rules"
)

// TestMain runs the program itself when the test binary is started as the
// command, so that TestCommand can check its flags and exit status.
func TestMain(m *testing.M) {
	if os.Getenv("BOL_BATCH_RUN_MAIN") == "1" {
		os.Args = append([]string{"bol-batch"}, os.Args[1:]...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// fixed is the report's generation time in the tests.
func fixed() time.Time { return time.Date(2024, 5, 6, 9, 30, 0, 0, time.UTC) }

// sectionRE finds each bill's case in the report, its badge and heading;
// clearRE and errorRE the rows of the clear bills and of those not read.
var (
	sectionRE = regexp.MustCompile(`<span class="badge b-(\w+)">([^<]*)</span>\s*<h3>([^<]*)</h3>`)
	clearRE   = regexp.MustCompile(`(?s)<section class="clear".*`)
	rowRE     = regexp.MustCompile(`<tr id="d\d+"><td>([^<\n]*)<td>`)
	errorRE   = regexp.MustCompile(`<tr id="d\d+"><td>([^<\n]*)<td class="errmsg">`)
)

// sections returns the verdict badge of each bill, by its case's heading,
// "Shipment ID" for a clear bill and where a bill not read is.
func sections(html string) map[string]string {
	m := map[string]string{}
	for _, s := range sectionRE.FindAllStringSubmatch(html, -1) {
		if !strings.HasSuffix(s[3], " could not be read or judged") {
			m[s[3]] = s[1] + " " + s[2]
		}
	}
	for _, s := range rowRE.FindAllStringSubmatch(clearRE.FindString(html), -1) {
		m["Shipment "+s[1]] = "clear CLEAR"
	}
	for _, s := range errorRE.FindAllStringSubmatch(html, -1) {
		m[s[1]] = "error NOT JUDGED"
	}
	return m
}

// runBills runs the program on a CSV and returns the tally, the summary
// line and the report.
func runBills(t *testing.T, bills, rates string) (tally, string, string, error) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "report.html")
	var w bytes.Buffer
	got, err := run(context.Background(), &w, options{rates: rates, out: out, bills: bills}, fixed)
	html, rerr := os.ReadFile(out)
	if rerr != nil && err == nil {
		t.Fatal(rerr)
	}
	return got, w.String(), string(html), err
}

// TestBills runs the example on its bills: rice for the World Food
// Programme, pumps for a Dutch water board and gold watches for a
// Singapore retailer are clear; the Maybach cars, the timber transporters
// and cognac routed through Dalian and Dandong go to review; the horses,
// the laptops and pumps for a designated DPRK company are blocked; the
// coffee bill, whose currency is written "US$", is not read.
func TestBills(t *testing.T) {
	got, summary, html, err := runBills(t, "testdata/bills.csv", "testdata/rates.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tally{Block: 3, Review: 3, Clear: 3, NotRead: 1}, got); diff != "" {
		t.Errorf("tally (-want +got):\n%s", diff)
	}
	if got.allClear() {
		t.Error("allClear with bills blocked: the exit status would be 0")
	}
	wantSummary := "testdata/bills.csv: 10 bills: 3 block, 3 review, 3 clear, 1 not read; report "
	if !strings.HasPrefix(summary, wantSummary) || strings.Count(summary, "\n") != 1 {
		t.Errorf("summary %q, want one line starting %q", summary, wantSummary)
	}
	want := map[string]string{
		"Shipment rice-humanitarian":        "clear CLEAR",
		"Shipment pumps-waterboard":         "clear CLEAR",
		"Shipment watches-singapore":        "clear CLEAR",
		"Bill coffee-hamburg (line 5)":      "error NOT JUDGED",
		"Shipment maybach-2018":             "review REVIEW",
		"Shipment timber-transporters-2011": "review REVIEW",
		"Shipment cognac-dandong":           "review REVIEW",
		"Shipment horses-2019-eu":           "block BLOCK",
		"Shipment laptops-2012-jp":          "block BLOCK",
		"Shipment pumps-ryongbong":          "block BLOCK",
	}
	if diff := cmp.Diff(want, sections(html)); diff != "" {
		t.Errorf("report sections (-want +got):\n%s", diff)
	}
	for _, s := range []string{
		`testdata/bills.csv:5:235: currency: invalid value: &#34;US$&#34; is not an ISO 4217 code`,
		`<code>designated-party</code>`,
		`<code>dprk-transshipment-route</code>`,
		"embedded DEMO list",
		"2024-05-06 09:30 UTC",
	} {
		if !strings.Contains(html, s) {
			t.Errorf("the report lacks %q", s)
		}
	}
	if strings.Contains(html, "This report is incomplete") {
		t.Error("a whole batch is reported as incomplete")
	}
}

// TestNoRatesFailsClosed shows the default without exchange rates: the
// watches in Swiss francs and the pumps in euros cannot be valued against
// thresholds in other currencies, and go to review rather than clear.
func TestNoRatesFailsClosed(t *testing.T) {
	got, _, html, err := runBills(t, "testdata/bills.csv", "")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tally{Block: 3, Review: 5, Clear: 1, NotRead: 1}, got); diff != "" {
		t.Errorf("tally (-want +got):\n%s", diff)
	}
	s := sections(html)
	for _, id := range []string{"watches-singapore", "pumps-waterboard"} {
		if v := s["Shipment "+id]; v != "review REVIEW" {
			t.Errorf("%s: %q without rates, want review", id, v)
		}
	}
}

// TestBrokenInput checks broken files: a bad header writes no report, and
// a quote that is never closed fails the bill its row may belong to, in
// the report, after the bills before it.
func TestBrokenInput(t *testing.T) {
	dir := t.TempDir()
	header := "id,date,consignee,consignee_country,destination,description,hs_code,quantity,unit,value,currency\n"
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("bad header", func(t *testing.T) {
		p := write("header.csv", "id,colour\na,red\n")
		out := filepath.Join(dir, "header.html")
		_, err := run(context.Background(), &bytes.Buffer{}, options{out: out, bills: p}, fixed)
		if !errors.Is(err, rules.ErrUnknownField) || !strings.Contains(err.Error(), p+`:1:4: unknown column "colour"`) {
			t.Errorf("error %v, want the unknown column named", err)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a report was written for an unusable file: %v", err)
		}
	})
	t.Run("unterminated quote", func(t *testing.T) {
		p := write("quote.csv", header+
			"a,2024-03-01,World Food Programme,BD,BD,rice,1006.30,1000,kg,600,USD\n"+
			"b,2024-03-01,World Food Programme,BD,BD,rice,1006.30,1000,kg,600,USD\n"+
			"c,2024-03-01,World Food Programme,BD,BD,\"rice,1006.30,1000,kg,600,USD\n")
		got, _, html, err := runBills(t, p, "")
		if err != nil {
			t.Fatalf("error %v, want the broken row reported in the report", err)
		}
		// Only a is judged: the broken row has lost its id, and b's rows
		// might go on in it, so b is not read rather than judged on part
		// of its lines.
		if n := got.Block + got.Review + got.Clear; n != 1 || got.NotRead != 1 {
			t.Errorf("tally %+v, want one bill judged and one not read", got)
		}
		if !strings.Contains(html, "Shipment a") || !strings.Contains(html, "quote out of place") {
			t.Errorf("the report does not show bill a and the broken row:\n%s", html)
		}
	})
}

// TestCommand runs the program as a command: flags, the summary on
// standard output and the exit status, 3 when a bill is not clear and 0
// when all are.
func TestCommand(t *testing.T) {
	clean := filepath.Join(t.TempDir(), "clean.csv")
	b := testenv.ReadFile(t, "testdata/bills.csv")
	lines := strings.SplitAfter(string(b), "\n")
	if err := os.WriteFile(clean, []byte(lines[0]+lines[1]), 0o644); err != nil { // the header and the rice bill
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		status int
		stdout string
	}{
		{"not clear", []string{"-rates", "testdata/rates.yaml", "-out", "REPORT", "testdata/bills.csv"}, 3, "testdata/bills.csv: 10 bills: 3 block, 3 review, 3 clear, 1 not read; report REPORT\n"},
		{"all clear", []string{"-out", "REPORT", clean}, 0, clean + ": 1 bills: 0 block, 0 review, 1 clear, 0 not read; report REPORT\n"},
		{"no -out", []string{"testdata/bills.csv"}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "report.html")
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "REPORT", out)
			}
			cmd := exec.Command(os.Args[0], args...)
			cmd.Env = append(os.Environ(), "BOL_BATCH_RUN_MAIN=1")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			status := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				status = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if status != tt.status {
				t.Errorf("exit status %d, want %d; stderr %q", status, tt.status, stderr.String())
			}
			if diff := cmp.Diff(strings.ReplaceAll(tt.stdout, "REPORT", out), stdout.String()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
		})
	}
}
