package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPublished runs the example on the paper's published figures: the
// 2010-2019 total (128 horses, USD 584,291) and the years with a published
// value and head count.
func TestPublished(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out, ""); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	rows := []string{
		`2001\s+0101\s+10\s+15000\s+1500\.00\s+0\s+-\s+-\s+-\s+not-controlled`,
		`2010-2019\s+0101\s+128\s+584291\s+4564\.77\s+0\s+-\s+-\s+-\s+luxury-not-listed`,
		`2015\s+0101\s+61\s+192204\s+3150\.89\s+0\s+-\s+-\s+-\s+luxury-not-listed`,
		`2019\s+0101\s+12\s+75509\s+6292\.42\s+0\s+-\s+-\s+-\s+luxury-not-listed`,
	}
	for _, r := range rows {
		if !regexp.MustCompile(r).MatchString(s) {
			t.Errorf("output lacks a row matching %s:\n%s", r, s)
		}
	}
	for _, want := range []string{
		"2010-2019 as published: 128 horses, USD 584291, USD 4564.77 per head on average.",
		"2019: USD 6292.42 per head, ×1.38 the decade's average.",
		"2014: no figure for the year in horses-published.csv.",
		"2019: USD 6292.42 per head; not compared: no peer partners",
		"Verdict for 2019: luxury-not-listed",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}

// TestComtradeExtract runs the example on a UN Comtrade extract with other
// buyers, the input the paper's figure 3 was drawn from. The numbers below
// are invented to exercise the comparison — the paper does not publish its
// per-year values — with the DPRK paying about three times the others'
// price in 2014 and 2019 and the going price in the other years.
func TestComtradeExtract(t *testing.T) {
	const header = "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag"
	partners := map[string][2]string{"PRK": {"408", "Dem. People's Rep. of Korea"}, "CHN": {"156", "China"}, "KAZ": {"398", "Kazakhstan"}, "BLR": {"112", "Belarus"}}
	rows := []string{header}
	add := func(year int, iso string, head, perHead float64) {
		p := partners[iso]
		rows = append(rows, fmt.Sprintf("H4,%d,%d,%d,4,0,2,Export,643,Russian Federation,RUS,%s,%s,%s,0101,Horses,5,Number of items,%g,%g,%g,0",
			year, year, year, p[0], p[1], iso, head, head*500, head*perHead))
	}
	for year := 2013; year <= 2019; year++ {
		dprk := 2000.0
		if year == 2014 || year == 2019 {
			dprk = 6000
		}
		add(year, "PRK", 10, dprk)
		add(year, "CHN", 200, 1900)
		add(year, "KAZ", 300, 2000)
		add(year, "BLR", 50, 2200)
	}
	path := filepath.Join(t.TempDir(), "comtrade.csv")
	if err := os.WriteFile(path, []byte(strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), &out, path); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"2014: FLAGGED high: USD 6000.00 per head, ×3.00 the median of 3 other buyers",
		"2019: FLAGGED high: USD 6000.00 per head, ×3.00 the median of 3 other buyers",
		"2010-2019 summed over the years in the file: 70 horses, USD 220000.",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if n := strings.Count(s, " high "); n != 2 {
		t.Errorf("%d years flagged in the table, want 2:\n%s", n, s)
	}
}
