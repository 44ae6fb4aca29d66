package hs

import (
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func cnTable(t testing.TB) *Table {
	t.Helper()
	return readFixture(t, ReadCN, cn2026CSV, Edition{"CN", 2026})
}

func hsTable(t testing.TB) *Table {
	t.Helper()
	return readFixture(t, ReadHSCSV, hs2022CSV, HS2022)
}

// readFixture reads the nomenclature text of edition ed with read,
// stopping the test on an error.
func readFixture(tb testing.TB, read func(io.Reader, Edition) (*Table, error), text string, ed Edition) *Table {
	tb.Helper()
	tab, err := read(strings.NewReader(text), ed)
	if err != nil {
		tb.Fatal(err)
	}
	return tab
}

func TestTableExists(t *testing.T) {
	tests := []struct {
		code string
		cn   bool // exists in the CN2026 fixture
		hs   bool // exists in the HS2022 fixture
	}{
		{"91", true, true},
		{"9101", true, true},
		{"9101.21", true, true},
		// 9101 21 is not divided further, so the CN writes it 9101 21 00,
		// and TARIC 9101 21 00 00.
		{"9101 21 00", true, true},
		{"9101 21 00 00", true, true},
		{"9101 21 10", false, true}, // the HS6 table cannot judge CN digits
		{"9101 21 00 10", false, true},
		{"9101 29", false, false}, // not in the fixtures
		// 2203 00 has no line of its own in the CN export, but its CN8
		// lines imply it; it is divided, so 2203 00 00 does not exist.
		{"2203", true, true},
		{"2203 00", true, true},
		{"2203 00 00", false, true},
		{"2203 00 00 00", false, true},
		{"2203 00 01", true, true},
		{"2203 00 10", true, true},
		{"2203 00 10 00", true, true},
		{"2203 00 11", false, true},
		{"2203 10", false, false},
		// 8703 24 is divided in the CN.
		{"8703 24", true, true},
		{"8703 24 00", false, true},
		{"8703 24 10", true, true},
		{"8703 24 10 90", false, true},
		{"8703 00", false, false},
		{"8703 00 00 00", false, false},
		// TARIC lines sit directly under HS6 0106 90: CN8 0106 90 00 is
		// implied and divided.
		{"0106 90", true, false},
		{"0106 90 00", true, false},
		{"0106 90 00 00", false, false},
		{"0106 90 00 10", true, false},
		{"0106 90 00 20", false, false},
		{"0101 21 00", true, true},
		{"0101 29 00", false, true},
		{"0101 29 10", true, true},
		{"0101 30", false, false},
		{"8903 22 10", true, false},
		{"8903 22 00", false, false},
		{"8903 31", false, true},
		{"90", false, false},
	}
	cn, hs := cnTable(t), hsTable(t)
	for _, tt := range tests {
		c := MustParse(tt.code)
		if got := cn.Exists(c); got != tt.cn {
			t.Errorf("CN2026 Exists(%s) = %v, want %v", tt.code, got, tt.cn)
		}
		if got := hs.Exists(c); got != tt.hs {
			t.Errorf("HS2022 Exists(%s) = %v, want %v", tt.code, got, tt.hs)
		}
	}
	if cn.Exists(Code{}) || hs.Exists(Code{}) {
		t.Error("the zero Code exists")
	}
	if (&Table{}).Exists(MustParse("91")) {
		t.Error("91 exists in the zero Table")
	}
}

// TestExistsIn checks the answer of a set of nomenclatures for the
// edition in force: any of that edition that has the code says it
// exists, and none of that edition means nothing is known.
func TestExistsIn(t *testing.T) {
	cn, hs := cnTable(t), hsTable(t)
	type answer struct{ Exists, Known bool }
	tests := []struct {
		name string
		ns   []Nomenclature
		ed   Edition
		code string
		want answer
	}{
		{"HS table judges HS6 only", []Nomenclature{hs}, HS2022, "9101 21 10", answer{true, true}},
		{"CN table judges CN digits", []Nomenclature{cn}, HS2022, "9101 21 10", answer{false, true}},
		{"CN base is HS2022", []Nomenclature{cn}, HS2022, "9101 21 00", answer{true, true}},
		{"any of the edition has it", []Nomenclature{cn, hs}, HS2022, "9101 21 10", answer{true, true}},
		{"none has it", []Nomenclature{cn, hs}, HS2022, "9101 29", answer{false, true}},
		{"no nomenclature", nil, HS2022, "9101 29", answer{false, false}},
		{"none of the edition", []Nomenclature{cn, hs}, HS2017, "9101 29", answer{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got answer
			got.Exists, got.Known = ExistsIn(tt.ns, tt.ed, MustParse(tt.code))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ExistsIn(%s, %s) (-want +got):\n%s", tt.ed, tt.code, diff)
			}
		})
	}
}

func TestTableChildren(t *testing.T) {
	tests := []struct {
		code string
		want []string
	}{
		{"01", []string{"0101", "0106"}},
		{"0101", []string{"010121", "010129"}},
		{"010129", []string{"01012910", "01012990"}},
		{"0106", []string{"010690"}},
		{"010690", []string{"0106900010", "0106900019", "0106900090"}}, // CN8 level skipped
		{"2203", []string{"22030001", "22030009", "22030010"}},         // HS6 level skipped
		{"910121", nil},
		{"9102", nil},
		{"0101290000", nil},
	}
	cn := cnTable(t)
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, digitsOf(cn.Children(MustParse(tt.code)))); diff != "" {
			t.Errorf("Children(%s) mismatch (-want +got):\n%s", tt.code, diff)
		}
	}
	if got := cn.Children(Code{}); got != nil {
		t.Errorf("Children of the zero Code = %v, want nil", got)
	}
}

func TestTableItems(t *testing.T) {
	cn := cnTable(t)
	want := []string{
		"01", "0101", "010121", "010129", "01012910", "01012990",
		"0106", "010690", "0106900010", "0106900019", "0106900090",
		"22", "2203", "22030001", "22030009", "22030010",
		"87", "8703", "870324", "87032410", "87032490",
		"89", "8903", "890322", "89032210", "89032290",
		"91", "9101", "910121",
	}
	if diff := cmp.Diff(want, tableDigits(cn)); diff != "" {
		t.Errorf("Items mismatch (-want +got):\n%s", diff)
	}
	if cn.Len() != len(want) {
		t.Errorf("Len = %d, want %d", cn.Len(), len(want))
	}
	if cn.Edition() != (Edition{"CN", 2026}) {
		t.Errorf("Edition = %v, want CN2026", cn.Edition())
	}
	n := 0
	for range cn.Items() {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("Items did not stop when asked: %d", n)
	}
	// Repeated lines are merged; "|" is the Commission's no-break space.
	items := map[string]string{}
	for _, c := range []string{"010121", "22030001", "870324", "910121"} {
		it, ok := cn.Item(MustParse(c))
		if !ok {
			t.Fatalf("Item(%s) not found", c)
		}
		items[c] = it.Description
	}
	wantItems := map[string]string{
		"010121":   "Horses — Pure-bred breeding animals",
		"22030001": "In containers of 10 l or less — In bottles",
		"870324":   "Spark ignition, over 3 000 cm3",
		"910121":   "Other wrist-watches — Automatic winding",
	}
	if diff := cmp.Diff(wantItems, items); diff != "" {
		t.Errorf("descriptions mismatch (-want +got):\n%s", diff)
	}
	// An implied code is valid but has no line.
	if it, ok := cn.Item(MustParse("220300")); ok {
		t.Errorf("Item(220300) = %v, want no line", it)
	}
}

func TestNewTable(t *testing.T) {
	c := MustParse("910121")
	tab, err := NewTable(HS2022, []Item{
		{c, "Other wrist-watches"},
		{c, "Other"}, // part of an earlier description, but a line of its own
		{c, "Other wrist-watches"},
		{c, ""},
		{MustParse("9101"), ""},
		{MustParse("9101"), "Watches"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []Item{{MustParse("9101"), "Watches"}, {c, "Other wrist-watches — Other"}}
	var got []Item
	for it := range tab.Items() {
		got = append(got, it)
	}
	if diff := cmp.Diff(want, got, codeComparer()); diff != "" {
		t.Errorf("items mismatch (-want +got):\n%s", diff)
	}

	if _, err := NewTable(Edition{}, nil); err == nil {
		t.Error("NewTable without an edition succeeded")
	}
	if _, err := NewTable(HS2022, []Item{{Code{}, "nothing"}}); err == nil || !strings.Contains(err.Error(), `item "nothing" has no code`) {
		t.Errorf("NewTable with a zero Code: error %v", err)
	}
}

// Table must satisfy Nomenclature.
var _ Nomenclature = (*Table)(nil)
