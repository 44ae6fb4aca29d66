package main

import (
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// statesBatch is a batch whose lines come out in each luxury state whatever
// the general lexicon knows: a gold watch (yes), a rug below the UN
// threshold (no), a rug code with no value and a description nothing can
// place (unknown).
const statesBatch = `{"id":"watch","description":"18k gold automatic wristwatch"}
{"id":"rug","description":"hand-knotted wool rug","value":300,"currency":"USD","quantity":1,"unit":"pcs"}
{"id":"code","hs_code":"5701.10"}
{"id":"none","description":"qzxv wpkj"}
`

// summaryCounts reads the luxury states and the review count from a
// batch's summary line.
func summaryCounts(t *testing.T, stderr string) map[string]int {
	t.Helper()
	m := regexp.MustCompile(`: yes (\d+), no (\d+), unknown (\d+); needs review (\d+); `).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no luxury counts in the summary %q", stderr)
	}
	got := map[string]int{}
	for i, k := range []string{"yes", "no", "unknown", "review"} {
		got[k], _ = strconv.Atoi(m[i+1])
	}
	return got
}

// TestClassifyBatchSummaryCountsRows checks, in every output format, that
// the summary counts the luxury states the rows say, and that an
// abstention is "unknown" in the rows.
func TestClassifyBatchSummaryCountsRows(t *testing.T) {
	want := map[string]int{"yes": 1, "no": 1, "unknown": 2, "review": 2}
	wantRows := map[string]string{"watch": "yes", "rug": "no", "code": "unknown", "none": "unknown"}
	for _, format := range []string{"jsonl", "json", "csv", "table"} {
		t.Run(format, func(t *testing.T) {
			out, stderr := runOK(t, statesBatch, "classify", "--input", "-", "--jurisdiction", "UN", "--format", format, "--workers", "2")
			rows := map[string]int{}
			states := map[string]string{}
			count := func(id, luxury string, review bool) {
				rows[luxury]++
				if review {
					rows["review"]++
				}
				states[id] = luxury
			}
			switch format {
			case "jsonl":
				for _, r := range decodeLines[classifyLine](t, out) {
					count(r.ID, r.Luxury, r.NeedsReview)
				}
			case "json":
				var rs []classifyLine
				if err := json.Unmarshal([]byte(out), &rs); err != nil {
					t.Fatalf("%v: %s", err, out)
				}
				for _, r := range rs {
					count(r.ID, r.Luxury, r.NeedsReview)
				}
			case "csv":
				recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff([]string{"id", "hs6", "luxury", "needs_review"}, recs[0][:4]); diff != "" {
					t.Fatalf("CSV header (-want +got):\n%s", diff)
				}
				for _, r := range recs[1:] {
					count(r[0], r[2], r[3] == "true")
				}
			case "table":
				for _, m := range regexp.MustCompile(`luxury: (\w+)   needs review: (\w+)`).FindAllStringSubmatch(out, -1) {
					count("", m[1], m[2] == "true")
				}
				delete(states, "")
			}
			if diff := cmp.Diff(want, rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(rows, summaryCounts(t, stderr)); diff != "" {
				t.Errorf("summary against rows (-rows +summary):\n%s", diff)
			}
			if format != "table" {
				if diff := cmp.Diff(wantRows, states); diff != "" {
					t.Errorf("states (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestClassifyLuxuryFilter checks that a filter keeping the lines whose
// luxury is not "no" (what a consumer must do) keeps every line that needs
// review, and that no line needing review is "no".
func TestClassifyLuxuryFilter(t *testing.T) {
	out, _ := runOK(t, statesBatch, "classify", "--input", "-", "--jurisdiction", "UN")
	for _, r := range decodeLines[classifyLine](t, out) {
		switch r.Luxury {
		case "yes", "unknown":
		case "no":
			if r.NeedsReview {
				t.Errorf("%s: luxury no but needs review (%q)", r.ID, r.Reasons)
			}
		default:
			t.Errorf("%s: luxury %q is not yes, no or unknown", r.ID, r.Luxury)
		}
	}
}
