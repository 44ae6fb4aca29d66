package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestListsCompareCLI(t *testing.T) {
	out, _ := runOK(t, "", "lists", "compare", "EU", "US")
	wantContains(t, "compare EU US", out, "EU vs US, lists in force on 2026-11-23", "Controlled by EU, not by US", "Controlled by US, not by EU", "0101     partial  none  eu-viii-1-horses", "Threshold differences")
	out, _ = runOK(t, "", "lists", "compare", "un-2321-luxury", "eu-2017-1509-luxury", "--format", "json")
	var c struct {
		A, B       string
		Thresholds []struct{ Heading string } `json:"threshold_differences"`
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if c.A != "un-2321-luxury" || len(c.Thresholds) == 0 {
		t.Errorf("compare UN 2321 with EU: %+v, want threshold differences (USD 500 rugs vs none)", c)
	}
}

func TestListsMatrixCLI(t *testing.T) {
	out, _ := runOK(t, "", "lists", "matrix", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var rows []string
	for _, l := range lines[1:] {
		rows = append(rows, strings.SplitN(l, ",", 2)[0])
	}
	want := []string{"UN", "EU", "AU", "CA", "CH", "GB", "HK", "JP", "KR", "LI", "NO", "NZ", "RU", "SG", "US"}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("matrix rows (-want +got):\n%s", diff)
	}
	for _, f := range []string{"svg", "html", "md"} {
		code, out, stderr := runCLI(t, "", "lists", "matrix", "--level", "heading", "--format", f)
		if code != exitOK || !strings.Contains(out, "2026-11-23") {
			t.Errorf("matrix --format %s: exit %d, dated %v: %s", f, code, strings.Contains(out, "2026-11-23"), stderr)
		}
	}
}

func TestListsGapsCLI(t *testing.T) {
	out, _ := runOK(t, "", "lists", "gaps", "--baseline", "UN", "--format", "json")
	var gaps []struct {
		Record       string
		Jurisdiction string
		Baseline     string `json:"baseline_entry"`
		Extent       string
	}
	if err := json.Unmarshal([]byte(out), &gaps); err != nil {
		t.Fatal(err)
	}
	if len(gaps) == 0 {
		t.Fatal("no gaps against the UN floor")
	}
	for _, g := range gaps {
		if g.Record != "gap" {
			continue // "same-derivation" records carry no extent
		}
		if g.Jurisdiction == "UN" || (g.Extent != "none" && g.Extent != "partial") {
			t.Errorf("bad gap %+v", g)
		}
	}
	wantExit(t, "", exitUsage, "", "lists", "gaps", "--baseline", "XX")
}

func TestListsSourcesCLI(t *testing.T) {
	out, _ := runOK(t, "", "lists", "sources", "--format", "json")
	var srcs []struct {
		List                        string
		URL                         string
		Entries, Published, Derived int
		Tariff                      int
		PrimaryText                 int `json:"primary_text"`
		SecondarySource             int `json:"secondary_source"`
		Recalled                    int
	}
	if err := json.Unmarshal([]byte(out), &srcs); err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		if s.URL == "" || s.Entries == 0 || s.Published+s.Tariff+s.Derived != s.Entries {
			t.Errorf("source %+v: want a URL and basis counts that add up", s)
		}
	}
	code, out, _ := runCLI(t, "", "lists", "sources")
	if code != exitOK || !strings.Contains(out, "eu-2017-1509-luxury") || !strings.Contains(out, "PUBLISHED") {
		t.Errorf("lists sources table:\n%s", out)
	}
}

func TestListsHarmonizedUsage(t *testing.T) {
	for _, args := range [][]string{
		{"lists", "compare", "EU"},
		{"lists", "compare", "EU", "ZZ"},
		{"lists", "matrix", "--level", "section"},
		{"lists", "matrix", "--format", "pdf"},
		{"lists", "gaps", "--only", "some"},
		{"lists", "sources", "--format", "xml"},
	} {
		wantExit(t, "", exitUsage, "", args...)
	}
}
