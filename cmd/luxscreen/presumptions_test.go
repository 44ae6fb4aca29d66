package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestListsPresumptions(t *testing.T) {
	code, out, errOut := runCLI(t, "", "lists", "presumptions")
	if code != exitOK || !strings.Contains(out, "eu-833-garments") || !strings.Contains(out, "8703 except 8703.10") ||
		!strings.Contains(out, "no floor for eu-viii-8-garments: ") {
		t.Errorf("lists presumptions (exit %d):\n%s%s", code, out, errOut)
	}
	code, out, _ = runCLI(t, "", "lists", "presumptions", "--format", "json")
	var ps []struct {
		ID    string
		Floor struct{ Amount float64 }
		Codes []string
	}
	if err := json.Unmarshal([]byte(out), &ps); err != nil || code != exitOK || len(ps) == 0 || ps[0].Floor.Amount <= 0 || len(ps[0].Codes) == 0 {
		t.Errorf("lists presumptions --format json (exit %d, %v):\n%s", code, err, out)
	}
	code, out, _ = runCLI(t, "", "lists", "sources")
	if code != exitOK || !strings.Contains(out, "price-floor presumptions for \"ex\" luxury entries (") {
		t.Errorf("lists sources does not count the presumptions:\n%s", out)
	}
}

// TestClassifyNamesPresumption checks that a judgement ruled out by a
// price floor says so where the line's controls are shown.
func TestClassifyNamesPresumption(t *testing.T) {
	code, out, errOut := runCLI(t, "", "classify", "cotton t-shirts", "--value", "7440", "--currency", "USD",
		"--quantity", "2400", "--unit", "pcs", "--rate", "EUR=1.08", "--format", "json")
	if !strings.Contains(out, "is below the 300.00 EUR per item of presumption eu-833-garments (analogue: Regulation (EU) No 833/2014") {
		t.Errorf("classify (exit %d) does not name the presumption:\n%s%s", code, out, errOut)
	}
}
