package main

import (
	"encoding/json"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/screen/screeneval"
)

func TestEvalScreenUsage(t *testing.T) {
	t.Setenv("LUXSCREEN_SHARED", "/nonexistent")
	wantExit(t, "", exitUsage, "--sample 0: want 1 or more", "eval", "screen", "--sample", "0")
	wantExit(t, "", exitUsage, "format", "eval", "screen", "--format", "csv")
	wantExit(t, "", exitUsage, "unexpected argument", "eval", "screen", "typos")
}

// TestEvalScreenJSON runs one set, thinned, on the real lists and reads
// it back as JSON.
func TestEvalScreenJSON(t *testing.T) {
	shared := testenv.Shared(t)
	out, _ := runOK(t, "", "eval", "screen", "--shared", shared, "--sets", "typos,companies", "--sample", "200", "--format", "json")
	var rep screeneval.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Sets) != 2 || rep.Sets[0].Name != "Typos" || rep.Sets[1].Name != "Innocent companies" || rep.Sample != 200 {
		t.Fatalf("sets %d, sample %d: want Typos and Innocent companies at 1 in 200", len(rep.Sets), rep.Sample)
	}
	if n := rep.Sets[0].Total.N; n < 1000 {
		t.Errorf("typos at 1 in 200: %d probes, want the whole UN DPRK list's (over 1,000)", n)
	}
	if len(rep.Versions) < 2 {
		t.Errorf("lists %d, want UN and OFAC together", len(rep.Versions))
	}
}
