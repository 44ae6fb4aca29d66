package hs

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// levelCounts counts the codes of t by number of digits.
func levelCounts(t *Table) map[int]int {
	n := map[int]int{}
	for it := range t.Items() {
		n[it.Code.Len()]++
	}
	return n
}

func openShared(tb testing.TB, ed Edition, path ...string) *Table {
	tb.Helper()
	tab, err := Open(context.Background(), filepath.Join(append([]string{sharedHS(tb)}, path...)...), ed)
	if err != nil {
		tb.Fatal(err)
	}
	return tab
}

func TestSharedComtrade(t *testing.T) {
	// Counts of 2-, 4- and 6-digit ids from the data README (they include
	// Comtrade's 99, 9999 and 999999 "not specified" codes).
	tests := []struct {
		file string
		ed   Edition
		want map[int]int
	}{
		{"classificationH4.json", HS2012, map[int]int{2: 97, 4: 1225, 6: 5206}},
		{"classificationH5.json", HS2017, map[int]int{2: 97, 4: 1223, 6: 5388}},
		{"classificationH6.json", HS2022, map[int]int{2: 97, 4: 1229, 6: 5613}},
	}
	for _, tt := range tests {
		tab := openShared(t, Edition{}, "comtrade", tt.file)
		if tab.Edition() != tt.ed {
			t.Errorf("%s: edition %v, want %v", tt.file, tab.Edition(), tt.ed)
		}
		if diff := cmp.Diff(tt.want, levelCounts(tab)); diff != "" {
			t.Errorf("%s: counts mismatch (-want +got):\n%s", tt.file, diff)
		}
	}
	h6 := openShared(t, HS2022, "comtrade", "classificationH6.json")
	for _, tt := range []struct {
		code string
		want bool
	}{
		{"910121", true}, {"8903.33", true}, {"8524.11", true}, {"8903.92", false}, {"8903.34", false},
	} {
		if got := h6.Exists(MustParse(tt.code)); got != tt.want {
			t.Errorf("HS2022 Exists(%s) = %v, want %v", tt.code, got, tt.want)
		}
	}
	h5 := openShared(t, HS2017, "comtrade", "classificationH5.json")
	if !h5.Exists(MustParse("8903.92")) || h5.Exists(MustParse("8903.33")) {
		t.Error("HS2017 should have 8903 92 and not 8903 33")
	}
}

func TestSharedHSCSV(t *testing.T) {
	csvTab := openShared(t, HS2022, "datasets-harmonized-system", "harmonized-system.csv")
	if diff := cmp.Diff(map[int]int{2: 97, 4: 1229, 6: 5613}, levelCounts(csvTab)); diff != "" {
		t.Errorf("counts mismatch (-want +got):\n%s", diff)
	}
	// Both files come from Comtrade's H6: they must hold the same codes.
	h6 := openShared(t, Edition{}, "comtrade", "classificationH6.json")
	if diff := cmp.Diff(tableDigits(h6), tableDigits(csvTab)); diff != "" {
		t.Errorf("flat CSV and Comtrade H6 differ (-H6 +CSV):\n%s", diff)
	}
}

func TestSharedCN(t *testing.T) {
	cn2026 := Edition{"CN", 2026}
	en := openShared(t, cn2026, "eu-cn-multilingual", "nomenclature-en.csv")
	de := openShared(t, cn2026, "eu-cn-multilingual", "nomenclature-de.csv")
	if diff := cmp.Diff(tableDigits(en), tableDigits(de)); diff != "" {
		t.Errorf("EN and DE exports differ (-en +de):\n%s", diff)
	}
	tests := []struct {
		code string
		want bool
	}{
		{"0101 21 00", true},
		{"0101 29 10", true},
		{"0101 29 00", false},
		{"9101 21 00", true},
		{"9101 21 00 00", true},
		{"8903 22 10", true},
		{"8903 22 00", false},
		{"2203 00", true},
		{"2203 00 00", false}, // 2203 00 is divided into 2203 00 01, 09 and 10
		{"2203 00 01", true},
		{"2203 00 09", true},
		{"2203 00 10", true},
		{"0106 90 00", true},
		{"8703 24 10", true},
		{"8703 24 00", false},
	}
	for _, tt := range tests {
		c := MustParse(tt.code)
		if got := en.Exists(c); got != tt.want {
			t.Errorf("CN2026 (EN) Exists(%s) = %v, want %v", tt.code, got, tt.want)
		}
		if got := de.Exists(c); got != tt.want {
			t.Errorf("CN2026 (DE) Exists(%s) = %v, want %v", tt.code, got, tt.want)
		}
	}
	if diff := cmp.Diff([]string{"22030001", "22030009", "22030010"}, digitsOf(en.Children(MustParse("2203")))); diff != "" {
		t.Errorf("Children(2203) mismatch (-want +got):\n%s", diff)
	}

	// CN2026 extends HS2022: the two agree on every HS6 subheading outside
	// chapters 98 and 99, which the HS leaves to national use (Comtrade's 99
	// means "not specified", the CN's 98 and 99 are EU special codes).
	hs := openShared(t, HS2022, "comtrade", "classificationH6.json")
	for it := range hs.Items() {
		if it.Code.Len() == 6 && it.Code.Chapter() != "99" && !en.Exists(it.Code) {
			t.Errorf("HS2022 %s is not in CN2026", it.Code)
		}
	}
	for it := range en.Items() {
		if ch := it.Code.Chapter(); ch == "98" || ch == "99" {
			continue
		}
		if h := it.Code.Truncate(6); h.Len() == 6 && !hs.Exists(h) {
			t.Errorf("CN2026 %s has HS6 %s, which is not in HS2022", it.Code, h)
		}
	}
}

func TestSharedCorrelation(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(sharedHS(t), "correlation")
	c, err := OpenCorrelation(ctx, filepath.Join(dir, "HS2022_HS2017_correlation.csv"))
	if err != nil {
		t.Fatal(err)
	}
	links, err := c.Map(MustParse("890392"), HS2017)
	if err != nil {
		t.Fatal(err)
	}
	want := []linkRow{{"890392", "890331", Split, true}, {"890392", "890332", Split, true}, {"890392", "890333", Split, true}}
	if diff := cmp.Diff(want, linkRows(links)); diff != "" {
		t.Errorf("HS2017 890392 mismatch (-want +got):\n%s", diff)
	}
	links, err = c.Map(MustParse("890333"), HS2022)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]linkRow{{"890333", "890392", Merge, false}}, linkRows(links)); diff != "" {
		t.Errorf("HS2022 890333 mismatch (-want +got):\n%s", diff)
	}

	// Every code of every table exists in its edition, and the relation
	// counts match the data README.
	tables := map[Edition]*Table{
		HS2012: openShared(t, Edition{}, "comtrade", "classificationH4.json"),
		HS2017: openShared(t, Edition{}, "comtrade", "classificationH5.json"),
		HS2022: openShared(t, Edition{}, "comtrade", "classificationH6.json"),
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) != 6 {
		t.Fatalf("correlation files: %v, %v", files, err)
	}
	for _, f := range files {
		c, err := OpenCorrelation(ctx, f)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		a, b := c.Editions()
		rels := map[Relation]int{}
		for code, ls := range c.forward.links {
			if !tables[a].Exists(MustParse(code)) {
				t.Errorf("%s: %v %s does not exist", filepath.Base(f), a, code)
			}
			for _, l := range ls {
				rels[l.Relation]++
				if !tables[b].Exists(l.To) {
					t.Errorf("%s: %v %s does not exist", filepath.Base(f), b, l.To)
				}
			}
		}
		if filepath.Base(f) == "HS2022_HS2017_correlation.csv" {
			want := map[Relation]int{OneToOne: 4097, Merge: 1392, Split: 54, ManyToMany: 10114}
			if diff := cmp.Diff(want, rels); diff != "" {
				t.Errorf("%s: relation counts mismatch (-want +got):\n%s", filepath.Base(f), diff)
			}
		}
	}

	// The relations worked out for a conversion table agree with the
	// relations UNSD publishes wherever the conversion keeps all links.
	checkDerivedRelations(t, filepath.Join(dir, "HS2017_HS2012_correlation.csv"))
}

// checkDerivedRelations reads a correlation table without its relationship
// column and checks that the relations worked out from the links are the
// published ones.
func checkDerivedRelations(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var published, derived strings.Builder
	for _, r := range recs {
		published.WriteString(strings.Join(r, ",") + "\n")
		derived.WriteString(r[0] + "," + r[1] + "\n")
	}
	pub, err := ReadCorrelation(strings.NewReader(published.String()))
	if err != nil {
		t.Fatal(err)
	}
	der, err := ReadCorrelation(strings.NewReader(derived.String()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(pub.forward.links, der.forward.links, codeComparer()); diff != "" {
		t.Errorf("derived relations differ from published ones (-published +derived):\n%s", diff)
	}
	if diff := cmp.Diff(pub.reverse.links, der.reverse.links, codeComparer()); diff != "" {
		t.Errorf("derived reverse relations differ from published ones (-published +derived):\n%s", diff)
	}
}

// TestFixtureCodesExist checks that the codes of the inline test files exist
// in the editions they name: tests must not invent codes.
func TestFixtureCodesExist(t *testing.T) {
	hs2022 := openShared(t, Edition{}, "comtrade", "classificationH6.json")
	hs2017 := openShared(t, Edition{}, "comtrade", "classificationH5.json")
	hs2012 := openShared(t, Edition{}, "comtrade", "classificationH4.json")
	cn := openShared(t, Edition{"CN", 2026}, "eu-cn-multilingual", "nomenclature-en.csv")
	check := func(name string, tab, want *Table) {
		for it := range tab.Items() {
			if !want.Exists(it.Code) {
				t.Errorf("%s: %s does not exist in %v", name, it.Code, want.Edition())
			}
			// Every fixture line is a line of the published file too.
			if _, ok := want.Item(it.Code); !ok {
				t.Errorf("%s: %s is not a line of %v", name, it.Code, want.Edition())
			}
		}
	}
	check("hs2022CSV", hsTable(t), hs2022)
	json, err := ReadComtradeJSON(strings.NewReader(hs2017JSON))
	if err != nil {
		t.Fatal(err)
	}
	check("hs2017JSON", json, hs2017)
	check("cn2026CSV", cnTable(t), cn)
	dated := readFixture(t, ReadCN, cn2026DatedCSV, Edition{"CN", 2026})
	check("cn2026DatedCSV", dated, cn)
	// 0101 10, which the dated fixture ends in 2011, is gone from HS2012.
	if hs2012.Exists(MustParse("010110")) {
		t.Error("010110 exists in HS2012; the dated fixture says it ended in 2011")
	}

	tables := map[Edition]*Table{HS2012: hs2012, HS2017: hs2017, HS2022: hs2022}
	for name, in := range map[string]string{"correlationCSV": correlationCSV, "correlationExCSV": correlationExCSV, "conversionCSV": conversionCSV} {
		c := readCorrelation(t, in)
		a, b := c.Editions()
		for code, ls := range c.forward.links {
			if !tables[a].Exists(MustParse(code)) {
				t.Errorf("%s: %v %s does not exist", name, a, code)
			}
			for _, l := range ls {
				if !tables[b].Exists(l.To) {
					t.Errorf("%s: %v %s does not exist", name, b, l.To)
				}
			}
		}
	}
}
