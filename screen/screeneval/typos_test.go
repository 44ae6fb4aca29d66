package screeneval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTypos(t *testing.T) {
	got := Typos("KO ABCDE")
	count := map[string]int{}
	for _, ty := range got {
		count[ty.Op]++
		if ty.Text == "KO ABCDE" {
			t.Errorf("the name itself is among its typos")
		}
	}
	// ABCDE: 5 deletions, 6×26 insertions less the 5 that double a letter
	// already made by inserting it on the other side, 5×25 substitutions,
	// 4 transpositions (no two adjacent letters alike).
	want := map[string]int{OpDelete: 5, OpInsert: 6*26 - 5, OpSubstitue: 5 * 25, OpTranspose: 4}
	if diff := cmp.Diff(want, count); diff != "" {
		t.Errorf("typos by operation (-want +got):\n%s", diff)
	}
	if n := len(Typos("RI JE-SON")); n != 0 {
		t.Errorf("Typos of a name without a token of five letters: %d, want 0", n)
	}
	seen := map[string]bool{}
	for _, ty := range Typos("Kim Young-Cheol") {
		if seen[ty.Text] {
			t.Errorf("%q twice", ty.Text)
		}
		seen[ty.Text] = true
	}
	for _, want := range []string{"Kim Yong-Cheol", "Kim Young-Chol", "Kim Yuong-Cheol", "Kim Youngx-Cheol", "Kim Young-Cxeol"} {
		if !seen[want] {
			t.Errorf("missing %q", want)
		}
	}
	if seen["KIM Young-Cheol"] || seen["Kim YoungX-Cheol"] {
		t.Error("a typo changed a short token or the case of the inserted letter")
	}
}

func TestNumeralVariants(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"OFFICE 39", []string{"OFFICE No. 39", "OFFICE XXXIX"}},
		{"Office No. 39", []string{"Office 39", "Office XXXIX"}},
		{"Office #39", []string{"Office 39", "Office No. 39", "Office XXXIX"}},
		{"SECOND ECONOMIC COMMITTEE", []string{"2 ECONOMIC COMMITTEE", "No. 2 ECONOMIC COMMITTEE", "II ECONOMIC COMMITTEE", "2nd ECONOMIC COMMITTEE", "Second ECONOMIC COMMITTEE"}},
		{"2ND ACADEMY", []string{"2 ACADEMY", "No. 2 ACADEMY", "II ACADEMY", "2nd ACADEMY", "Second ACADEMY"}},
		{"RYONG GANG 13", []string{"RYONG GANG No. 13", "RYONG GANG XIII", "RYONG GANG 13th", "RYONG GANG Thirteenth"}},
		{"KOREA MINING", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, NumeralVariants(tt.in)); diff != "" {
			t.Errorf("NumeralVariants(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestFoldAndYear(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"KIM, Jong Un", "KIM JONG UN"},
		{"RA KY'ONG-SU", "Ra Kyong Su"},
		{"Ch’oe Ch’un Sik", "CHOE CHUN SIK"},
	} {
		if fold(tt.a) != fold(tt.b) {
			t.Errorf("fold(%q) = %q, fold(%q) = %q", tt.a, fold(tt.a), tt.b, fold(tt.b))
		}
	}
	for _, tt := range []struct {
		in   string
		want int
	}{{"1944-10-13", 1944}, {"08 Jan 1984", 1984}, {"circa 1950", 1950}, {"12345", 0}, {"", 0}} {
		if got, _ := year(tt.in); got != tt.want {
			t.Errorf("year(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestScriptOf(t *testing.T) {
	for in, want := range map[string]string{
		"金正恩": "Han", "김정은": "Hangul", "山田 さくら": "Japanese kana", "Ким Чен Ын": "Cyrillic",
		"محمد علي": "Arabic", "Nguyễn Văn Anh": "Latin (diacritics)", "John Smith": "Latin", "สมชาย": "Thai", "12": "other",
	} {
		if got := scriptOf(in); got != want {
			t.Errorf("scriptOf(%q) = %q, want %q", in, got, want)
		}
	}
}
