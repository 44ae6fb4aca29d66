package hs

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEmbeddedHS2022(t *testing.T) {
	tab, err := EmbeddedHS2022()
	if err != nil {
		t.Fatal(err)
	}
	if tab.Edition() != HS2022 {
		t.Errorf("edition = %v, want HS2022", tab.Edition())
	}
	// The Comtrade counts of the data README less the placeholders 99,
	// 9999 and 999999.
	if diff := cmp.Diff(map[int]int{2: 96, 4: 1228, 6: 5612}, levelCounts(tab)); diff != "" {
		t.Errorf("codes by level (-want +got):\n%s", diff)
	}
	tests := []struct {
		code   string
		exists bool
		text   string
	}{
		{"01", true, "Animals; live"},
		{"0101", true, "Horses, asses, mules and hinnies; live"},
		{"010121", true, "Horses; live, pure-bred breeding animals"},
		{"910111", true, "Wrist-watches; electrically operated, with or without a stop-watch, with case of precious metal or of metal clad with precious metal, with mechanical display only"},
		{"850760", true, "Electric accumulators; lithium-ion, including separators, whether or not rectangular (including square)"},
		{"8549", true, ""},
		{"9999", false, ""},
		{"999999", false, ""},
		{"870390", true, ""},
		{"870310", true, ""},
		{"9101210000", true, ""}, // judged by its HS6
		{"010130", true, ""},
		{"010140", false, ""},
	}
	for _, tt := range tests {
		c := MustParse(tt.code)
		if got := tab.Exists(c); got != tt.exists {
			t.Errorf("Exists(%s) = %v, want %v", tt.code, got, tt.exists)
		}
		if tt.text == "" {
			continue
		}
		it, ok := tab.Item(c)
		if !ok || it.Description != tt.text {
			t.Errorf("Item(%s) = %q, %v; want %q", tt.code, it.Description, ok, tt.text)
		}
	}
}

// TestHS2022MatchesComtrade checks the embedded file against the source it
// was generated from: every code and text, placeholders aside.
func TestHS2022MatchesComtrade(t *testing.T) {
	src := openShared(t, Edition{}, "comtrade", "classificationH6.json")
	tab, err := EmbeddedHS2022()
	if err != nil {
		t.Fatal(err)
	}
	var want, got []Item
	for it := range src.Items() {
		if strings.Trim(it.Code.Digits(), "9") != "" {
			want = append(want, it)
		}
	}
	for it := range tab.Items() {
		got = append(got, it)
	}
	if diff := cmp.Diff(want, got, codeComparer()); diff != "" {
		t.Errorf("embedded HS2022 differs from %s (-source +embedded):\n%s", filepath.Join("comtrade", "classificationH6.json"), diff)
	}
}

func TestParseCompactErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"01\tAnimals\n0101 Horses\n", "embedded HS2022:2: no tab"},
		{"01\tAnimals\n01012\tHorses\n", "embedded HS2022:2"},
		{"0101210000\tHorses\n", "embedded HS2022:1"},
	}
	for _, tt := range tests {
		_, err := parseCompact(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseCompact(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func BenchmarkEmbeddedHS2022(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EmbeddedHS2022(); err != nil {
			b.Fatal(err)
		}
	}
}
