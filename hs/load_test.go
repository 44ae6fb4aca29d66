package hs

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// loadErrorWant is what a test expects of a *LoadError.
type loadErrorWant struct {
	File  string
	Line  int
	Field string
	Msg   string // part of the error message
}

// loadErrorCase is an input a reader must refuse, with the error wanted
// and the sentinel it wraps, if any.
type loadErrorCase struct {
	name string
	in   string
	want loadErrorWant
	is   error
}

// checkLoadErrors runs read on each case and checks its error.
func checkLoadErrors(t *testing.T, tests []loadErrorCase, read func(in string) error) {
	t.Helper()
	for _, tt := range tests {
		err := read(tt.in)
		checkLoadError(t, tt.name, err, tt.want)
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: error %v, want errors.Is %v", tt.name, err, tt.is)
		}
	}
}

// checkLoadError reports whether err is a *LoadError as wanted.
func checkLoadError(t *testing.T, name string, err error, want loadErrorWant) {
	t.Helper()
	var le *LoadError
	if !errors.As(err, &le) {
		t.Errorf("%s: error %v (%T), want a *LoadError", name, err, err)
		return
	}
	got := loadErrorWant{le.File, le.Line, le.Field, want.Msg}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: LoadError %q mismatch (-want +got):\n%s", name, err, diff)
	}
	if !strings.Contains(err.Error(), want.Msg) {
		t.Errorf("%s: error %q, want it to contain %q", name, err, want.Msg)
	}
}

func TestReadHSCSV(t *testing.T) {
	tab := hsTable(t)
	want := []string{
		"01", "0101", "010121", "010129", "22", "2203", "220300",
		"87", "8703", "870324", "89", "8903", "890331", "890332", "890333",
		"91", "9101", "910121",
	}
	if diff := cmp.Diff(want, tableDigits(tab)); diff != "" {
		t.Errorf("codes mismatch (-want +got):\n%s", diff)
	}
	it, _ := tab.Item(MustParse("870324"))
	if diff := cmp.Diff("Motor cars, spark ignition, over 3,000 cc", it.Description); diff != "" {
		t.Errorf("description mismatch (-want +got):\n%s", diff)
	}
	if tab.Edition() != HS2022 {
		t.Errorf("edition %v, want HS2022", tab.Edition())
	}
}

func TestReadHSCSVErrors(t *testing.T) {
	const header = "section,hscode,description,parent,level\n"
	tests := []loadErrorCase{
		{"empty", "", loadErrorWant{Line: 1, Msg: "reading header: EOF"}, nil},
		{"no level column", "section,hscode,description\nI,01,Live animals\n",
			loadErrorWant{Line: 1, Msg: `missing column "level"`}, nil},
		{"no rows", header, loadErrorWant{Msg: "no commodity codes"}, nil},
		{"only TOTAL", header + "TOTAL,TOTAL,All,TOTAL,5\n", loadErrorWant{Msg: "no commodity codes"}, nil},
		{"lost leading zero", header + "I,01,Live animals,TOTAL,2\nI,10121,Horses,0101,6\n",
			loadErrorWant{Line: 3, Field: "hscode", Msg: "5 digits: probable lost leading zero"}, ErrLostLeadingZero},
		{"letters", header + "I,01,Live animals,TOTAL,2\nI,01O1,Horses,01,4\n",
			loadErrorWant{Line: 3, Field: "hscode", Msg: "letters: 'O'"}, ErrInvalidCharacter},
		{"level mismatch", header + "I,0101,Horses,01,6\n",
			loadErrorWant{Line: 2, Field: "level", Msg: `level "6" does not match 4-digit code 0101`}, nil},
		// A quoted description over two lines: the bad row starts on line 4.
		{"line after multi-line field", header + "I,01,\"Live\nanimals\",TOTAL,2\nI,0101,Horses,01,5\n",
			loadErrorWant{Line: 4, Field: "level", Msg: "does not match"}, nil},
		{"missing field", header + "I,01,Live animals,TOTAL,2\nI,0101,Horses,01\n",
			loadErrorWant{Line: 3, Msg: "wrong number of fields"}, csv.ErrFieldCount},
		{"bare quote", header + "I,01,Live \"animals\",TOTAL,2\n",
			loadErrorWant{Line: 2, Msg: "bare \" in non-quoted-field"}, csv.ErrBareQuote},
		{"quote in first field", header + "\"I,01,Live animals,TOTAL,2\n",
			loadErrorWant{Line: 2, Msg: "extraneous or missing \" in quoted-field"}, csv.ErrQuote},
	}
	checkLoadErrors(t, tests, func(in string) error {
		_, err := ReadHSCSV(strings.NewReader(in), HS2022)
		return err
	})
	if _, err := ReadHSCSV(strings.NewReader(hs2022CSV), Edition{}); err == nil {
		t.Error("ReadHSCSV without an edition succeeded")
	}
}

func TestReadComtradeJSON(t *testing.T) {
	tab, err := ReadComtradeJSON(strings.NewReader(hs2017JSON))
	if err != nil {
		t.Fatal(err)
	}
	if tab.Edition() != HS2017 {
		t.Errorf("edition %v, want HS2017", tab.Edition())
	}
	want := []string{"89", "8903", "890391", "890392", "890399", "91", "9101", "910121"}
	if diff := cmp.Diff(want, tableDigits(tab)); diff != "" {
		t.Errorf("codes mismatch (-want +got):\n%s", diff)
	}
	it, _ := tab.Item(MustParse("890392"))
	if it.Description != "Motorboats" {
		t.Errorf("description %q, want the text without its code", it.Description)
	}

	// Without className the class code names the edition.
	noName := strings.Replace(hs2017JSON, `"className": "HS2017",`, "", 1)
	if tab, err := ReadComtradeJSON(strings.NewReader(noName)); err != nil || tab.Edition() != HS2017 {
		t.Errorf("without className: %v, %v; want HS2017", tab, err)
	}
}

func TestReadComtradeJSONErrors(t *testing.T) {
	tests := []loadErrorCase{
		{"not JSON", "classCode,H5", loadErrorWant{Msg: "decoding Comtrade JSON"}, nil},
		{"truncated", hs2017JSON[:200], loadErrorWant{Msg: "unexpected EOF"}, nil},
		{"bad edition", strings.Replace(hs2017JSON, `"HS2017"`, `"HS2016"`, 1),
			loadErrorWant{Field: "className", Msg: "2016 does not name an HS edition"}, nil},
		{"no edition", `{"results":[{"id":"91","text":"91 - Clocks"}]}`,
			loadErrorWant{Field: "className", Msg: "want a system and a year"}, nil},
		{"bad id", strings.Replace(hs2017JSON, `"id": "890392"`, `"id": "89039"`, 1),
			loadErrorWant{Field: "results[6].id", Msg: "5 digits: probable lost leading zero"}, ErrLostLeadingZero},
		{"unknown aggregate", strings.Replace(hs2017JSON, `"id": "AG6"`, `"id": "AG8"`, 1),
			loadErrorWant{Field: "results[2].id", Msg: "letters: 'A'"}, ErrInvalidCharacter},
		{"no codes", `{"className":"HS2017","results":[{"id":"ALL"},{"id":"TOTAL"}]}`,
			loadErrorWant{Field: "results", Msg: "no commodity codes"}, nil},
	}
	checkLoadErrors(t, tests, func(in string) error {
		_, err := ReadComtradeJSON(strings.NewReader(in))
		return err
	})
}

func TestReadCNDated(t *testing.T) {
	tests := []struct {
		ed   Edition
		want []string
	}{
		{Edition{"CN", 2026}, []string{"01", "0101", "010121", "8503009843", "910121"}},
		{Edition{"CN", 2025}, []string{"01", "0101", "010121", "8503009843", "910121"}},
		{Edition{"CN", 2012}, []string{"01", "0101", "010121", "910121"}},
		{Edition{"CN", 2011}, []string{"01", "0101", "010110", "910121"}},
	}
	for _, tt := range tests {
		tab, err := ReadCN(strings.NewReader(cn2026DatedCSV), tt.ed)
		if err != nil {
			t.Errorf("%v: %v", tt.ed, err)
			continue
		}
		if diff := cmp.Diff(tt.want, tableDigits(tab)); diff != "" {
			t.Errorf("%v codes mismatch (-want +got):\n%s", tt.ed, diff)
		}
	}
	tab := readFixture(t, ReadCN, cn2026DatedCSV, Edition{"CN", 2026})
	it, _ := tab.Item(MustParse("010121"))
	if diff := cmp.Diff("Pferde — reinrassige Zuchttiere", it.Description); diff != "" {
		t.Errorf("description mismatch (-want +got):\n%s", diff)
	}
	if _, err := ReadCN(strings.NewReader(cn2026DatedCSV), Edition{"CN", 1970}); err == nil ||
		!strings.Contains(err.Error(), "no commodity codes in force in 1970") {
		t.Errorf("CN1970: error %v, want no codes in force", err)
	}
}

func TestReadCNErrors(t *testing.T) {
	const en = "goods_code,hier_pos,language,description\n"
	const de = "Goods code,Start date,End date,Language,Hier. Pos.,Indent,Description,Descr. start date\n"
	tests := []loadErrorCase{
		{"empty", "", loadErrorWant{Line: 1, Msg: "reading header: EOF"}, nil},
		{"no hier_pos", "goods_code,language,description\n0100000000,EN,LIVE ANIMALS\n",
			loadErrorWant{Line: 1, Msg: `missing column "hier_pos"`}, nil},
		{"no dates", "Goods code,Language,Hier. Pos.,Description\n0100000000 80,DE,2.0,LEBENDE TIERE\n",
			loadErrorWant{Line: 1, Msg: `missing column "Start date"`}, nil},
		{"no rows", en, loadErrorWant{Msg: "no commodity codes"}, nil},
		{"odd position", en + "0100000000,2,EN,LIVE ANIMALS\n0101000000,5,EN,Horses\n",
			loadErrorWant{Line: 3, Field: "hier_pos", Msg: `hierarchy position "5" is not 2, 4, 6, 8 or 10`}, nil},
		{"fractional position", en + "0101000000,4.5,EN,Horses\n",
			loadErrorWant{Line: 2, Field: "hier_pos", Msg: `hierarchy position "4.5"`}, nil},
		{"NaN position", en + "0101000000,NaN,EN,Horses\n",
			loadErrorWant{Line: 2, Field: "hier_pos", Msg: `hierarchy position "NaN"`}, nil},
		{"position too deep", en + "0101000000,12,EN,Horses\n",
			loadErrorWant{Line: 2, Field: "hier_pos", Msg: `hierarchy position "12"`}, nil},
		{"short code", en + "010100,8,EN,Horses\n",
			loadErrorWant{Line: 2, Field: "goods_code", Msg: `code "010100" shorter than its hierarchy position 8`}, nil},
		{"digits beyond position", en + "0101291000,6,EN,For slaughter\n",
			loadErrorWant{Line: 2, Field: "goods_code", Msg: `code "0101291000" has digits other than 0 beyond its hierarchy position 6`}, nil},
		{"letters", en + "01O1000000,4,EN,Horses\n",
			loadErrorWant{Line: 2, Field: "goods_code", Msg: "letters: 'O'"}, ErrInvalidCharacter},
		{"chapter 00", en + "0000000000,2,EN,Nothing\n",
			loadErrorWant{Line: 2, Field: "goods_code", Msg: "chapter 00 does not exist"}, ErrNoSuchChapter},
		{"missing field", en + "0101000000,4,EN\n",
			loadErrorWant{Line: 2, Msg: "wrong number of fields"}, csv.ErrFieldCount},
		{"bad position DE", de + "0101000000 80,01-01-1972,,DE,four,,Pferde,01-01-1972\n",
			loadErrorWant{Line: 2, Field: "Hier. Pos.", Msg: `hierarchy position "four"`}, nil},
		{"bad start date", de + "0101000000 80,1972-01-01,,DE,4.0,,Pferde,01-01-1972\n",
			loadErrorWant{Line: 2, Field: "Start date", Msg: `date "1972-01-01" is not DD-MM-YYYY`}, nil},
		{"no start date", de + "0101000000 80,,,DE,4.0,,Pferde,01-01-1972\n",
			loadErrorWant{Line: 2, Field: "Start date", Msg: `date "" is not DD-MM-YYYY`}, nil},
		{"bad end date", de + "0101000000 80,01-01-1972,31/12/2030,DE,4.0,,Pferde,01-01-1972\n",
			loadErrorWant{Line: 2, Field: "End date", Msg: `date "31/12/2030"`}, nil},
		{"nothing in force", de + "0101100000 80,01-01-1988,31-12-2011,DE,6.0,- ,reinrassige Zuchttiere,01-01-1988\n",
			loadErrorWant{Msg: "no commodity codes in force in 2026"}, nil},
	}
	checkLoadErrors(t, tests, func(in string) error {
		_, err := ReadCN(strings.NewReader(in), Edition{"CN", 2026})
		return err
	})
	if _, err := ReadCN(strings.NewReader(cn2026CSV), Edition{}); err == nil {
		t.Error("ReadCN without an edition succeeded")
	}
}

func TestLoadErrorMessage(t *testing.T) {
	tests := []struct {
		err  *LoadError
		want string
	}{
		{&LoadError{File: "cn.csv", Line: 12, Field: "hier_pos", Err: errors.New("bad")}, "cn.csv:12: hier_pos: bad"},
		{&LoadError{Line: 3, Err: errors.New("bad")}, "line 3: bad"},
		{&LoadError{Field: "className", Err: errors.New("bad")}, "className: bad"},
		{&LoadError{File: "x.json"}, "x.json"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ctx := context.Background()
	cn2026 := Edition{"CN", 2026}
	tests := []struct {
		name, file, content string
		ed                  Edition
		wantEd              Edition
		wantLen             int
	}{
		{"Comtrade JSON", "h5.json", hs2017JSON, Edition{}, HS2017, 8},
		{"Comtrade JSON with BOM and matching edition", "h5bom.json", "\ufeff" + hs2017JSON, HS2017, HS2017, 8},
		{"flat HS CSV", "hs.csv", hs2022CSV, HS2022, HS2022, 18},
		{"CN export", "cn-en.csv", cn2026CSV, cn2026, cn2026, 29},
		{"CN export with BOM and dates", "cn-de.csv", cn2026DatedCSV, cn2026, cn2026, 5},
	}
	for _, tt := range tests {
		tab, err := Open(ctx, write(tt.file, tt.content), tt.ed)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if tab.Edition() != tt.wantEd || tab.Len() != tt.wantLen {
			t.Errorf("%s: %v with %d codes, want %v with %d", tt.name, tab.Edition(), tab.Len(), tt.wantEd, tt.wantLen)
		}
	}

	errTests := []struct {
		name, file, content string
		ed                  Edition
		want                string
	}{
		{"edition mismatch", "h5.json", hs2017JSON, HS2022, "h5.json: file is HS2017, not HS2022"},
		{"flat CSV without edition", "hs.csv", hs2022CSV, Edition{}, "flat HS CSV does not name its edition"},
		{"CN without edition", "cn.csv", cn2026CSV, Edition{}, "CN export does not name its edition"},
		{"unknown format", "x.txt", "hello", HS2022, "unknown nomenclature format"},
		{"empty file", "empty.csv", "", HS2022, "unknown nomenclature format"},
	}
	for _, tt := range errTests {
		_, err := Open(ctx, write(tt.file, tt.content), tt.ed)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, err, tt.want)
		}
	}

	// A bad row is reported with the file's name.
	bad := write("bad-hs.csv", "section,hscode,description,parent,level\nI,10121,Horses,0101,6\n")
	_, err := Open(ctx, bad, HS2022)
	checkLoadError(t, "bad row", err, loadErrorWant{File: "bad-hs.csv", Line: 2, Field: "hscode", Msg: "bad-hs.csv:2: hscode"})

	if _, err := Open(ctx, filepath.Join(dir, "missing.json"), HS2022); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: error %v, want os.ErrNotExist", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Open(cancelled, write("h5.json", hs2017JSON), Edition{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: error %v, want context.Canceled", err)
	}
}
