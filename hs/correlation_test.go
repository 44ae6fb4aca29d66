package hs

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// linkRow is a Link in a form that prints well in diffs.
type linkRow struct {
	From, To string
	Relation Relation
	Partial  bool
}

func linkRows(links []Link) []linkRow {
	var out []linkRow
	for _, l := range links {
		out = append(out, linkRow{l.From.Digits(), l.To.Digits(), l.Relation, l.Partial})
	}
	return out
}

func readCorrelation(t testing.TB, in string) *Correlation {
	t.Helper()
	c, err := ReadCorrelation(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCorrelationMap(t *testing.T) {
	c := readCorrelation(t, correlationCSV)
	if a, b := c.Editions(); a != HS2022 || b != HS2017 {
		t.Errorf("Editions() = %v, %v; want HS2022, HS2017", a, b)
	}
	tests := []struct {
		code string
		from Edition
		want []linkRow
	}{
		// HS2022 divided motorboats 8903 92 by length.
		{"890392", HS2017, []linkRow{
			{"890392", "890331", Split, true},
			{"890392", "890332", Split, true},
			{"890392", "890333", Split, true},
		}},
		{"890332", HS2022, []linkRow{{"890332", "890392", Merge, false}}},
		// Digits beyond HS6 are dropped.
		{"8903.92.10", HS2017, []linkRow{
			{"890392", "890331", Split, true},
			{"890392", "890332", Split, true},
			{"890392", "890333", Split, true},
		}},
		{"890399", HS2017, []linkRow{
			{"890399", "890393", Split, true},
			{"890399", "890399", Split, true},
		}},
		{"010121", HS2022, []linkRow{{"010121", "010121", OneToOne, false}}},
		{"010121", HS2017, []linkRow{{"010121", "010121", OneToOne, false}}},
		{"381600", HS2022, []linkRow{
			{"381600", "251830", Split, true},
			{"381600", "381600", Split, true},
		}},
		{"251830", HS2017, []linkRow{{"251830", "381600", Merge, false}}},
		// Headings: 8903 was rearranged inside itself.
		{"8903", HS2017, []linkRow{{"8903", "8903", OneToOne, false}}},
		{"8903", HS2022, []linkRow{{"8903", "8903", OneToOne, false}}},
		{"89", HS2017, []linkRow{{"89", "89", OneToOne, false}}},
		// Refractory cements of 2518 30 moved to 3816 00.
		{"2518", HS2017, []linkRow{
			{"2518", "2518", Split, true},
			{"2518", "3816", ManyToMany, true},
		}},
		{"2518", HS2022, []linkRow{{"2518", "2518", Merge, false}}},
		{"3816", HS2022, []linkRow{
			{"3816", "2518", ManyToMany, true},
			{"3816", "3816", Split, true},
		}},
		{"3816", HS2017, []linkRow{{"3816", "3816", Merge, false}}},
		{"25", HS2017, []linkRow{{"25", "25", Split, true}, {"25", "38", ManyToMany, true}}},
	}
	for _, tt := range tests {
		links, err := c.Map(MustParse(tt.code), tt.from)
		if err != nil {
			t.Errorf("Map(%s, %v): %v", tt.code, tt.from, err)
			continue
		}
		if diff := cmp.Diff(tt.want, linkRows(links)); diff != "" {
			t.Errorf("Map(%s, %v) mismatch (-want +got):\n%s", tt.code, tt.from, diff)
		}
	}

	// The result is the caller's: changing it does not change the table.
	links, _ := c.Map(MustParse("890392"), HS2017)
	links[0].To = MustParse("91")
	again, _ := c.Map(MustParse("890392"), HS2017)
	if again[0].To.Digits() != "890331" {
		t.Errorf("Map's result shares memory with the table: %v", again[0].To)
	}
}

func TestCorrelationMapErrors(t *testing.T) {
	c := readCorrelation(t, correlationCSV)
	tests := []struct {
		code string
		from Edition
		is   error
		want string
	}{
		{"910121", HS2022, ErrNotInEdition, "hs: HS2022 9101.21: code not in the correlation table"},
		{"91", HS2017, ErrNotInEdition, "hs: HS2017 91: code not in the correlation table"},
		{"8903", HS2012, nil, "hs: correlation links HS2022 and HS2017, not HS2012"},
		{"", HS2022, nil, "hs: HS2022: no code to map"},
	}
	for _, tt := range tests {
		_, err := c.Map(parseOrZero(tt.code), tt.from)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Map(%q, %v) error %v, want %q", tt.code, tt.from, err, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("Map(%q, %v) error %v, want errors.Is %v", tt.code, tt.from, err, tt.is)
		}
	}
}

func TestReadCorrelationPartial(t *testing.T) {
	c := readCorrelation(t, correlationExCSV)
	tests := []struct {
		code string
		from Edition
		want []linkRow
	}{
		{"030621", HS2012, []linkRow{{"030621", "030631", Split, true}, {"030621", "030691", Split, true}}},
		{"030631", HS2017, []linkRow{{"030631", "030621", Merge, false}}},
		{"010121", HS2012, []linkRow{{"010121", "010121", OneToOne, false}}},
	}
	for _, tt := range tests {
		links, err := c.Map(MustParse(tt.code), tt.from)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, linkRows(links)); diff != "" {
			t.Errorf("Map(%s, %v) mismatch (-want +got):\n%s", tt.code, tt.from, diff)
		}
	}
	// "ex" alone marks the second edition's code as partly covered.
	c = readCorrelation(t, "HS2017,HS2012,relationship,partial_ex\n010121,010121,1:1,ex\n")
	links, _ := c.Map(MustParse("010121"), HS2012)
	if diff := cmp.Diff([]linkRow{{"010121", "010121", OneToOne, true}}, linkRows(links)); diff != "" {
		t.Errorf("ex link mismatch (-want +got):\n%s", diff)
	}
}

func TestReadCorrelationConversion(t *testing.T) {
	c := readCorrelation(t, conversionCSV)
	got := map[string][]linkRow{}
	for _, q := range []struct {
		code string
		from Edition
	}{{"890331", HS2022}, {"890392", HS2017}, {"010121", HS2022}} {
		links, err := c.Map(MustParse(q.code), q.from)
		if err != nil {
			t.Fatal(err)
		}
		got[q.from.String()+" "+q.code] = linkRows(links)
	}
	want := map[string][]linkRow{
		"HS2022 890331": {{"890331", "890392", Merge, false}},
		"HS2017 890392": {{"890392", "890331", Split, true}, {"890392", "890332", Split, true}, {"890392", "890333", Split, true}},
		"HS2022 010121": {{"010121", "010121", OneToOne, false}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("conversion relations mismatch (-want +got):\n%s", diff)
	}
}

func TestReadCorrelationErrors(t *testing.T) {
	const header = "HS2022,HS2017,relationship\n"
	tests := []loadErrorCase{
		{"empty", "", loadErrorWant{Line: 1, Msg: "reading header: EOF"}, nil},
		{"one column", "HS2022\n010121\n", loadErrorWant{Line: 1, Msg: "want at least two edition columns"}, nil},
		{"bad first edition", "HS2020,HS2017\n010121,010121\n",
			loadErrorWant{Line: 1, Field: "HS2020", Msg: "2020 does not name an HS edition"}, nil},
		{"bad second edition", "HS2022,code\n010121,010121\n",
			loadErrorWant{Line: 1, Field: "code", Msg: "want a system and a year"}, nil},
		{"same editions", "HS2022,HS2022\n010121,010121\n",
			loadErrorWant{Line: 1, Field: "HS2022", Msg: "both columns are HS2022"}, nil},
		{"no rows", header, loadErrorWant{Msg: "no correspondences"}, nil},
		{"short row", header + "010121,010121,1:1\n890331,890392\n",
			loadErrorWant{Line: 3, Msg: "2 fields, header has 3"}, nil},
		{"bad source", header + "010121,010121,1:1\n89033,890392,n:1\n",
			loadErrorWant{Line: 3, Field: "HS2022", Msg: "5 digits: probable lost leading zero"}, ErrLostLeadingZero},
		{"bad target", header + "890331,89O392,n:1\n",
			loadErrorWant{Line: 2, Field: "HS2017", Msg: "letters: 'O'"}, ErrInvalidCharacter},
		{"heading", header + "8903,8903,1:1\n",
			loadErrorWant{Line: 2, Field: "HS2022", Msg: "code 8903 has 4 digits, want an HS6 subheading"}, nil},
		{"national line", header + "890331,89039210,1:1\n",
			loadErrorWant{Line: 2, Field: "HS2017", Msg: "has 8 digits"}, nil},
		{"bad relationship", header + "890331,890392,m:1\n",
			loadErrorWant{Line: 2, Field: "relationship", Msg: `unknown relationship "m:1"`}, nil},
		{"bad ex", "HS2017,HS2012,relationship,partial_ex\n030631,030621,n:1,yes\n",
			loadErrorWant{Line: 2, Field: "partial_ex", Msg: `"yes" is neither empty nor "ex"`}, nil},
		{"repeated link", header + "890331,890392,n:1\n890332,890392,n:1\n890331,890392,n:1\n",
			loadErrorWant{Line: 4, Msg: "link 8903.31 → 8903.92 repeats line 2"}, nil},
		{"bare quote", header + "890331,890392,n\"1\n",
			loadErrorWant{Line: 2, Msg: "bare \""}, nil},
	}
	checkLoadErrors(t, tests, func(in string) error {
		_, err := ReadCorrelation(strings.NewReader(in))
		return err
	})
}

func TestOpenCorrelation(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "HS2022_HS2017_correlation.csv")
	if err := os.WriteFile(good, []byte("\ufeff"+correlationCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, err := OpenCorrelation(ctx, good)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := c.Editions(); a != HS2022 || b != HS2017 {
		t.Errorf("Editions() = %v, %v; want HS2022, HS2017", a, b)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("HS2022,HS2017\n890331,8903\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = OpenCorrelation(ctx, bad)
	checkLoadError(t, "bad file", err, loadErrorWant{File: "bad.csv", Line: 2, Field: "HS2017", Msg: "bad.csv:2"})
	if _, err := OpenCorrelation(ctx, filepath.Join(dir, "missing.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: error %v, want os.ErrNotExist", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := OpenCorrelation(cancelled, good); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: error %v, want context.Canceled", err)
	}
}
