package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const figure4File = "../../trade/testdata/paper/figure4.csv"

func TestTradeUsage(t *testing.T) {
	tests := [][]string{
		{"trade"},
		{"trade", "nosuch"},
		{"trade", "analyze"},
		{"trade", "analyze", figure4File, figure4File},
		{"trade", "analyze", figure4File, "--format", "xml"},
		{"trade", "analyze", figure4File, "--ratio", "1"},
	}
	for _, args := range tests {
		if code, _, stderr := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d; stderr:\n%s", args, code, exitUsage, stderr)
		}
	}
}

func TestTradeAnalyzeFormats(t *testing.T) {
	t.Run("table", func(t *testing.T) {
		out, _ := runOK(t, "", "trade", "analyze", figure4File)
		wantContains(t, "output", out, "24 rows read, 24 to or from the DPRK in 23 flows", "Verdicts: prohibited-un 23.", "S/RES/2397 (2017), paragraph 7")
	})
	t.Run("csv", func(t *testing.T) {
		out, stderr := runOK(t, "", "trade", "analyze", "--format", "csv", figure4File)
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 24 || recs[0][0] != "reporter" {
			t.Errorf("%d records, first %v; want a header and 23 flows", len(recs), recs[0])
		}
		if !strings.Contains(stderr, "1 duplicates not added") {
			t.Errorf("stderr does not account for the duplicate row:\n%s", stderr)
		}
	})
	t.Run("html", func(t *testing.T) {
		out, _ := runOK(t, "", "trade", "analyze", figure4File, "--format", "html")
		if !strings.HasPrefix(out, "<!doctype html>") || !strings.Contains(out, "<svg") || !strings.HasSuffix(strings.TrimSpace(out), "</html>") {
			t.Errorf("not a self-contained page with a chart:\n%.300s", out)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		in, err := os.ReadFile(figure4File)
		if err != nil {
			t.Fatal(err)
		}
		code, out, stderr := runCLI(t, string(in), "trade", "analyze", "-")
		if code != exitOK || !strings.Contains(out, "stdin (simple layout): 24 rows read") {
			t.Errorf("exit %d; stdout:\n%s\nstderr:\n%s", code, out, stderr)
		}
	})
}

func TestTradeAnalyzeBadRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.csv")
	text := "reporter,partner,period,flow,code,value_usd\nRU,KP,2019,export,0101,75509\nRU,KP,2019,export,0101,\"75,509\"\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "trade", "analyze", path)
	if code != exitError || !strings.Contains(stderr, `bad.csv:3: column "value_usd": value "75,509"`) {
		t.Errorf("strict: exit %d, stderr:\n%s", code, stderr)
	}
	code, out, stderr := runCLI(t, "", "trade", "analyze", path, "--lenient")
	if code != exitOK || !strings.Contains(out, "1 rows could not be read") || !strings.Contains(out, "bad.csv:3:") {
		t.Errorf("lenient: exit %d, stdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "", "trade", "analyze", filepath.Join(t.TempDir(), "missing.csv")); code != exitError {
		t.Errorf("missing file: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestTradeMeter drives the meter of "trade analyze" with a fake clock
// through the two readings of a file of 2,000 bytes.
func TestTradeMeter(t *testing.T) {
	start := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	now := start
	var pos int64
	var term strings.Builder
	m := newTradeMeter(&term, 2000, func() int64 { return pos }, func() time.Time { return now })
	step := func(pass, rows int, read int64) {
		now = now.Add(time.Second)
		pos = read
		m.update(pass, rows)
	}
	step(1, 0, 0)
	step(1, 4096, 1000)
	step(1, 8192, 2000)
	step(2, 0, 0)
	step(2, 4096, 1000)
	m.clear()
	var lines []string
	for _, l := range strings.Split(term.String(), "\r") {
		if l = strings.TrimSuffix(l, "\x1b[K"); l != "" {
			lines = append(lines, l)
		}
	}
	want := []string{
		"4,096 rows read  4,096/s  [==========>         ]  50%  ETA 0:01  0:01",
		"8,192 rows read  4,096/s  [====================] 100%  ETA 0:00  0:02",
		"4,096 rows read again for the peers  4,096/s  [==========>         ]  50%  ETA 0:01  0:01",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("meter lines (-want +got):\n%s", diff)
	}
	// Each meter is erased when its reading ends.
	if n := strings.Count(term.String(), "\r\x1b[K"); n != 2 {
		t.Errorf("the meter was erased %d times, want 2:\n%q", n, term.String())
	}
}
