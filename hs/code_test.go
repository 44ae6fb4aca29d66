package hs

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCodeParts(t *testing.T) {
	type parts struct {
		String, Chapter, Heading, HS6, National, Level string
		Len                                            int
	}
	tests := []struct {
		code Code
		want parts
	}{
		{Code{}, parts{"", "", "", "", "", "invalid", 0}},
		{MustParse("87"), parts{"87", "87", "", "87", "", "chapter", 2}},
		{MustParse("8703"), parts{"8703", "87", "8703", "8703", "", "heading", 4}},
		{MustParse("870324"), parts{"8703.24", "87", "8703", "870324", "", "subheading", 6}},
		{MustParse("0101 21 00"), parts{"0101.21.00", "01", "0101", "010121", "00", "national", 8}},
		{MustParse("8703.24.10 90"), parts{"8703.24.10.90", "87", "8703", "870324", "1090", "national", 10}},
	}
	for _, tt := range tests {
		c := tt.code
		got := parts{c.String(), c.Chapter(), c.Heading(), c.HS6(), c.National(), c.Level().String(), c.Len()}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("parts of %q mismatch (-want +got):\n%s", c.Digits(), diff)
		}
	}
}

func TestLevelString(t *testing.T) {
	got := map[Level]string{}
	for _, l := range []Level{0, Chapter, 3, Heading, Subheading, National8, National10, 12} {
		got[l] = l.String()
	}
	want := map[Level]string{0: "invalid", Chapter: "chapter", 3: "invalid", Heading: "heading",
		Subheading: "subheading", National8: "national", National10: "national", 12: "invalid"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Level.String mismatch (-want +got):\n%s", diff)
	}
}

func TestCodeCovers(t *testing.T) {
	tests := []struct {
		c, d string
		want bool
	}{
		{"9101", "9101.21.00", true},
		{"9101.21.00", "9101", false},
		{"91", "9101.21", true},
		{"9101.21", "9101.21", true},
		{"9101.21", "9101.29", false},
		{"9101", "9102", false},
		{"91", "", false},
		{"", "91", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := parseOrZero(tt.c).Covers(parseOrZero(tt.d)); got != tt.want {
			t.Errorf("%q.Covers(%q) = %v, want %v", tt.c, tt.d, got, tt.want)
		}
	}
}

// parseOrZero is MustParse that maps "" to the zero Code.
func parseOrZero(s string) Code {
	if s == "" {
		return Code{}
	}
	return MustParse(s)
}

func TestCodeTruncate(t *testing.T) {
	c := MustParse("8703.24.10.90")
	tests := []struct {
		n    int
		want string
	}{
		{-3, "87"}, {0, "87"}, {1, "87"}, {2, "87"}, {3, "87"}, {4, "8703"}, {5, "8703"},
		{6, "870324"}, {8, "87032410"}, {9, "87032410"}, {10, "8703241090"}, {12, "8703241090"},
	}
	for _, tt := range tests {
		if got := c.Truncate(tt.n).Digits(); got != tt.want {
			t.Errorf("%s.Truncate(%d) = %s, want %s", c, tt.n, got, tt.want)
		}
	}
	if got := (Code{}).Truncate(4); !got.IsZero() {
		t.Errorf("zero Code.Truncate(4) = %v, want the zero Code", got)
	}
	if got := MustParse("91").Truncate(6); got != MustParse("91") {
		t.Errorf("91.Truncate(6) = %v, want 91", got)
	}
}

func TestCodeParent(t *testing.T) {
	type step struct {
		Digits string
		OK     bool
	}
	var got []step
	c := MustParse("8703.24.10.90")
	for {
		p, ok := c.Parent()
		got = append(got, step{p.Digits(), ok})
		if !ok {
			break
		}
		c = p
	}
	want := []step{{"87032410", true}, {"870324", true}, {"8703", true}, {"87", true}, {"", false}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parent chain mismatch (-want +got):\n%s", diff)
	}
	if _, ok := (Code{}).Parent(); ok {
		t.Error("zero Code has a parent")
	}
}

func TestCodeText(t *testing.T) {
	type doc struct {
		Code  Code         `json:"code"`
		Codes map[Code]int `json:"codes"`
		Ptr   *Code        `json:"ptr"`
		Empty Code         `json:"empty"`
		List  []Code       `json:"list"`
	}
	c := MustParse("9101.21.00")
	in := doc{Code: c, Codes: map[Code]int{MustParse("87"): 1, c: 2}, Ptr: &c, List: []Code{MustParse("8703"), c}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const wantJSON = `{"code":"91012100","codes":{"87":1,"91012100":2},"ptr":"91012100","empty":"","list":["8703","91012100"]}`
	if diff := cmp.Diff(wantJSON, string(b)); diff != "" {
		t.Errorf("JSON mismatch (-want +got):\n%s", diff)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out, codeComparer()); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}

	// Documents written by people use the dotted form.
	if err := json.Unmarshal([]byte(`{"code":"9101.21.00"}`), &out); err != nil || out.Code != c {
		t.Errorf(`unmarshal "9101.21.00" = %v, %v; want %v`, out.Code, err, c)
	}
	err = json.Unmarshal([]byte(`{"code":"1012100"}`), &out)
	if !errors.Is(err, ErrLostLeadingZero) {
		t.Errorf("unmarshal 1012100: error %v, want ErrLostLeadingZero", err)
	}
}
