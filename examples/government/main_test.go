package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// TestGBAgainstPeers runs the example for the United Kingdom on 1 January
// 2024. The UK schedule was carried over from EU Annex VIII, so no heading
// is controlled by one and not the other; Japan's list differs widely.
func TestGBAgainstPeers(t *testing.T) {
	var out, hm bytes.Buffer
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := run(context.Background(), &out, &hm, day, "GB", []string{"EU", "JP"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"GB luxury controls in force on 2024-01-01",
		"UN categories GB does not fully control:",
		"GB vs EU: ", ", 0 only GB, 0 only EU,",
		"controlled by JP, not by GB:",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(hm.String(), "<svg") || !strings.Contains(hm.String(), "United Kingdom") {
		t.Errorf("heatmap is not an HTML page with the SVG matrix and the UK row")
	}
}

func TestUnknownJurisdiction(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), &out, nil, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), "GB", []string{"XX"})
	if err == nil || !strings.Contains(err.Error(), `no luxury list of "XX"`) {
		t.Errorf("err = %v, want one naming XX", err)
	}
}
