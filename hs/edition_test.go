package hs

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseEdition(t *testing.T) {
	tests := []struct {
		in   string
		want Edition
	}{
		{"HS2022", HS2022},
		{"hs 2017", HS2017},
		{" Hs 2012 ", HS2012},
		{"H0", HS1992},
		{"H1", HS1996},
		{"H2", HS2002},
		{"H3", HS2007},
		{"H4", HS2012},
		{"H5", HS2017},
		{"h6", HS2022},
		{"CN2026", Edition{"CN", 2026}},
		{"cn 2017", Edition{"CN", 2017}},
		{"HTS2024", Edition{"HTS", 2024}},
		{"TARIC2026", Edition{"TARIC", 2026}},
	}
	for _, tt := range tests {
		got, err := ParseEdition(tt.in)
		if err != nil {
			t.Errorf("ParseEdition(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseEdition(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
		if back, err := ParseEdition(got.String()); err != nil || back != got {
			t.Errorf("ParseEdition(%q) does not round-trip: %v, %v", got.String(), back, err)
		}
	}
}

func TestParseEditionErrors(t *testing.T) {
	tests := []struct {
		in, want string // want is part of the message
	}{
		{"", "want a system and a year"},
		{"HS", "want a system and a year"},
		{"2022", "want a system and a year"},
		{"H7", `year "7" is not four digits`},
		{"HS22", `year "22" is not four digits`},
		{"HS2022x", `year "2022X" is not four digits`},
		{"HS2020", "2020 does not name an HS edition"},
		{"HS1988", "1988 does not name an HS edition"},
		{"XX2022", `unknown system "XX"`},
		{"C.N2026", `unknown system "C.N"`},
		{"CN1980", "1980 predates HS1992"},
		{"CN1991", "1991 predates HS1992"},
	}
	for _, tt := range tests {
		got, err := ParseEdition(tt.in)
		if err == nil {
			t.Errorf("ParseEdition(%q) = %v, want an error", tt.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "hs: edition ") {
			t.Errorf("ParseEdition(%q) error %q, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestEditionBase(t *testing.T) {
	tests := []struct {
		e, want Edition
	}{
		{Edition{"CN", 2026}, HS2022},
		{Edition{"CN", 2017}, HS2017},
		{Edition{"CN", 2021}, HS2017},
		{Edition{"HTS", 2024}, HS2022},
		{Edition{"CN", 1992}, HS1992},
		{HS2012, HS2012},
		{HS1992, HS1992},
		{Edition{"HS", 2020}, HS2017}, // not an edition; its base is the one in force
		{Edition{"CN", 1980}, Edition{}},
		{Edition{}, Edition{}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.e.Base()); diff != "" {
			t.Errorf("%v.Base() mismatch (-want +got):\n%s", tt.e, diff)
		}
	}
}

func TestEditionAt(t *testing.T) {
	got := map[int]Edition{}
	for _, y := range []int{1980, 1991, 1992, 2006, 2007, 2016, 2017, 2021, 2022, 2026} {
		got[y] = EditionAt(y)
	}
	want := map[int]Edition{1980: {}, 1991: {}, 1992: HS1992, 2006: HS2002, 2007: HS2007,
		2016: HS2012, 2017: HS2017, 2021: HS2017, 2022: HS2022, 2026: HS2022}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EditionAt mismatch (-want +got):\n%s", diff)
	}
}

func TestEditionText(t *testing.T) {
	type doc struct {
		Edition Edition `json:"edition"`
		Empty   Edition `json:"empty"`
	}
	in := doc{Edition: Edition{"CN", 2026}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"edition":"CN2026","empty":""}`, string(b)); diff != "" {
		t.Errorf("JSON mismatch (-want +got):\n%s", diff)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"edition":"H4"}`), &out); err != nil || out.Edition != HS2012 {
		t.Errorf(`unmarshal "H4" = %v, %v; want HS2012`, out.Edition, err)
	}
	if err := json.Unmarshal([]byte(`{"edition":"HS2020"}`), &out); err == nil {
		t.Errorf(`unmarshal "HS2020" = %v, want an error`, out.Edition)
	}
	if got := (Edition{}).String(); got != "" {
		t.Errorf("zero Edition String = %q, want empty", got)
	}
}
