package lists

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/testenv"
)

func TestParseFileErrors(t *testing.T) {
	valid := testenv.ReadFile(t, "testdata/valid.yaml")
	if _, err := ParseFile("valid.yaml", valid); err != nil {
		t.Fatalf("valid file: %v", err)
	}
	// Each case edits the valid file; want is the error's place and kind.
	tests := []struct {
		name      string
		old, new  string
		wantLine  int
		wantField string
		wantErr   error
	}{
		{"unknown list field", "kind: luxury\n", "kind: luxury\ncolour: red\n", 10, "colour", ErrUnknownField},
		{"unknown code field", "      - code: \"9101\"\n", "      - code: \"9101\"\n        flavour: ex\n", 24, "entries[0].codes[0].flavour", ErrUnknownField},
		{"bad code", `code: "870324"`, `code: "87032"`, 32, "entries[1].codes[0].code", ErrInvalid},
		{"letters in code", `code: "9101"`, `code: "91O1"`, 23, "entries[0].codes[0].code", ErrInvalid},
		{"missing entry citation", "    citation: Annex I, item 2\n", "", 27, "entries[1].citation", ErrMissing},
		{"missing list citation", "citation: Article 1 and Annex I\n", "", 1, "citation", ErrMissing},
		{"derived code without rationale", "        rationale: Large petrol cars.\n", "", 32, "entries[1].codes[0].rationale", ErrMissing},
		{"bad edition", "edition: HS2017", "edition: HS2018", 34, "entries[1].codes[0].edition", ErrInvalid},
		{"bad currency", "currency: GBP", "currency: pounds", 38, "entries[1].threshold.currency", ErrInvalid},
		{"currency not in ISO 4217", "currency: GBP", "currency: GBX", 38, "entries[1].threshold.currency", ErrInvalid},
		{"withdrawn currency", "currency: GBP", "currency: DEM", 38, "entries[1].threshold.currency", ErrInvalid},
		{"bad unit", "per: kg", "per: bushel", 39, "entries[1].threshold.per", ErrInvalid},
		{"bad date", "as_of: 2026-11-23", "as_of: 23/11/2026", 15, "as_of", ErrInvalid},
		{"until before from", "until: 2025-01-01", "until: 2019-01-01", 14, "in_force.until", ErrInvalid},
		{"entry before list", "from: 2022-06-01", "from: 2019-06-01", 42, "entries[1].in_force.from", ErrInvalid},
		{"bad kind", "kind: luxury", "kind: fancy", 9, "kind", ErrInvalid},
		{"bad basis", "basis: published", "basis: guessed", 21, "entries[0].basis", ErrInvalid},
		{"duplicate entry id", "id: test-cars", "id: test-watches", 27, "entries[1].id", ErrInvalid},
		{"target not KP", "target: KP", "target: IR", 11, "target", ErrInvalid},
		{"syntax", "entries:\n", "entries: [\n", 17, "", ErrSyntax},
		{"no codes", "    codes:\n      - code: \"870324\"\n        ex: true\n        edition: HS2017\n        rationale: Large petrol cars.\n", "    codes: []\n", 31, "entries[1].codes", ErrMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := string(valid)
			if !strings.Contains(src, tt.old) {
				t.Fatalf("test edit %q not found in valid.yaml", tt.old)
			}
			src = strings.Replace(src, tt.old, tt.new, 1)
			_, err := ParseFile("bad.yaml", []byte(src))
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("ParseFile error = %v, want *LoadError", err)
			}
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v does not wrap %v", err, tt.wantErr)
			}
			got := struct {
				File  string
				Line  int
				Field string
			}{le.File, le.Line, le.Field}
			want := got
			want.File, want.Line, want.Field = "bad.yaml", tt.wantLine, tt.wantField
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("error place mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			if !strings.HasPrefix(err.Error(), fmt.Sprintf("bad.yaml:%d", tt.wantLine)) {
				t.Errorf("error %q does not start with file:line", err)
			}
		})
	}
}

// TestParseFileEveryProblem checks that one file's problems are reported
// together, each once, in file order.
func TestParseFileEveryProblem(t *testing.T) {
	valid := testenv.ReadFile(t, "testdata/valid.yaml")
	src := string(valid)
	for _, e := range [][2]string{
		{"kind: luxury\n", "kind: luxury\ncolour: red\n"},
		{"currency: GBP", "currency: pounds"},
		{"per: kg", "per: [kg]"},
	} {
		src = strings.Replace(src, e[0], e[1], 1)
	}
	_, err := ParseFile("bad.yaml", []byte(src))
	var got []string
	for _, p := range datafile.Problems(err) {
		got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Column, p.Field))
	}
	want := []string{"10:1 colour", "39:17 entries[1].threshold.currency", "40:12 entries[1].threshold.per"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s\nerror: %v", diff, err)
	}
}

func TestParseFileModel(t *testing.T) {
	data := testenv.ReadFile(t, "testdata/valid.yaml")
	l, err := ParseFile("valid.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	cars := l.Entries[1]
	got := struct {
		Codes      []string
		Confidence Confidence
		Threshold  Threshold
		From       string
		Until      string
	}{
		Codes:      []string{l.Entries[0].Codes[0].Code.Digits(), l.Entries[0].Codes[1].Code.Digits(), cars.Codes[0].Code.Digits()},
		Confidence: cars.Confidence,
		Threshold:  *cars.Threshold,
		From:       cars.InForce.From.Format(dateLayout),
		Until:      cars.InForce.Until.Format(dateLayout),
	}
	want := got
	want.Codes = []string{"9101", "91021100", "870324"}
	want.Confidence = PrimaryText // inherited from the list
	want.Threshold = Threshold{Amount: 250, Currency: "GBP", Per: Kg, PerQuantity: 1.5}
	want.From, want.Until = "2022-06-01", "2025-01-01" // entry until inherited
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("model mismatch (-want +got):\n%s", diff)
	}
}
