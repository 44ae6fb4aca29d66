package synth

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWrite(t *testing.T) {
	codes := []string{"010121", "870323", "910111"}
	write := func(opt Options) []byte {
		var b bytes.Buffer
		if err := Write(&b, opt); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	first := write(Options{Rows: 2000, Codes: codes})
	if !bytes.Equal(first, write(Options{Rows: 2000, Codes: codes})) {
		t.Error("two files written with the same options differ")
	}
	recs, err := csv.NewReader(bytes.NewReader(first)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strings.Split(Header, ","), recs[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	rows := recs[1:]
	if len(rows) != 2000 {
		t.Fatalf("%d rows, want 2000", len(rows))
	}
	seen := map[string]map[string]bool{"year": {}, "reporter": {}, "code": {}, "partner": {}}
	dprk := 0
	for _, r := range rows {
		seen["year"][r[1]] = true
		seen["reporter"][r[10]] = true
		seen["partner"][r[13]] = true
		seen["code"][r[14]] = true
		if r[13] == "PRK" {
			dprk++
		}
	}
	got := map[string]int{}
	for k, v := range seen {
		got[k] = len(v)
	}
	want := map[string]int{"year": LastYear - FirstYear + 1, "reporter": 15, "code": len(codes), "partner": len(partners()) + 2}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("distinct values (-want +got):\n%s", diff)
	}
	if dprk < len(rows)/40 || dprk > len(rows)/10 {
		t.Errorf("%d of %d rows to the DPRK, want about one in twenty", dprk, len(rows))
	}
	heavy := write(Options{Rows: 2000, Codes: codes, DPRKEvery: 1})
	if n := bytes.Count(heavy, []byte(",PRK,")); n < 2000/6 {
		t.Errorf("DPRKEvery 1: %d rows to the DPRK, want one a block", n)
	}
}

func TestWriteNoCodes(t *testing.T) {
	if err := Write(&bytes.Buffer{}, Options{Rows: 1}); err == nil {
		t.Error("no error without codes")
	}
}
