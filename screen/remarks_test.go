package screen

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestOFACRemarkIDs checks identifier clauses as the OFAC SDN remarks
// write them, each taken from the 2021 file.
func TestOFACRemarkIDs(t *testing.T) {
	tests := []struct {
		remarks string
		want    []Identifier
	}{
		{"DOB 06 Apr 1955; nationality Korea, North; Passport 472220033 (Korea, North); Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION.",
			[]Identifier{{Type: IDPassport, Value: "472220033", Country: "Korea, North", Note: "Passport"}}},
		{"Passport 199110092 (Korea, North) expires 17 Mar 2014; alt. Passport 472220503 (Korea, North) expires 06 Jun 2018.",
			[]Identifier{
				{Type: IDPassport, Value: "199110092", Country: "Korea, North", Note: "Passport; expires 17 Mar 2014"},
				{Type: IDPassport, Value: "472220503", Country: "Korea, North", Note: "Passport; expires 06 Jun 2018"},
			}},
		{"National ID No. 660000 73767 (Belgium); Cedula No. 16247821 (Colombia)",
			[]Identifier{
				{Type: IDNationalID, Value: "660000 73767", Country: "Belgium", Note: "National ID No."},
				{Type: IDNationalID, Value: "16247821", Country: "Colombia", Note: "Cedula No."},
			}},
		{"Identification Number AO 2879097 (Italy) expires 30 Oct 2012",
			[]Identifier{{Type: IDNationalID, Value: "AO 2879097", Country: "Italy", Note: "Identification Number; expires 30 Oct 2012"}}},
		{"Company Number 3848561 (New York) (United States).",
			[]Identifier{{Type: IDRegistration, Value: "3848561", Country: "United States", Note: "Company Number; New York"}}},
		{"Registration ID 14063277; R.F.C. DIB-771110-HQ1 (Mexico); Driver's License No. 180839 (Mexico)",
			[]Identifier{
				{Type: IDRegistration, Value: "14063277", Note: "Registration ID"},
				{Type: IDOther, Value: "DIB-771110-HQ1", Country: "Mexico", Note: "R.F.C."},
				{Type: IDOther, Value: "180839", Country: "Mexico", Note: "Driver's License No."},
			}},
		// IMO numbers, SWIFT codes, phone numbers and dates of birth are
		// not identifiers of this parser.
		{"Vessel Registration Identification IMO 7937317; Identification Number IMO 5342883; SWIFT/BIC DCBKKPPY; Phone No. 263-4-486946; DOB 1944",
			nil},
		{"Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, ofacRemarkIDs(tt.remarks)); diff != "" {
			t.Errorf("ofacRemarkIDs(%q) (-want +got):\n%s", tt.remarks, diff)
		}
	}
}

// FuzzOFACRemarkIDs checks the remarks parser never panics and returns
// only identifiers whose value and note come from the remarks.
func FuzzOFACRemarkIDs(f *testing.F) {
	f.Add("Passport 472220033 (Korea, North) expires 17 Mar 2014; alt. National ID No. 660000 73767 (Belgium).")
	f.Add("Company Number 3848561 (New York) (United States)")
	f.Fuzz(func(t *testing.T, remarks string) {
		if !utf8.ValidString(remarks) {
			return
		}
		flat := strings.Join(strings.Fields(remarks), " ")
		for _, id := range ofacRemarkIDs(remarks) {
			if id.Value == "" || !strings.Contains(flat, strings.TrimRight(id.Value, ",")) {
				t.Errorf("identifier %+v not in %q", id, remarks)
			}
			if id.Type == "" {
				t.Errorf("identifier %+v has no type", id)
			}
		}
	})
}

func TestUKDate(t *testing.T) {
	for in, want := range map[string]string{
		"02/05/1961": "1961-05-02", "00/05/1961": "1961-05", "00/00/1961": "1961",
		"1961": "1961", "circa 1961": "circa 1961", "": "", "2/5/1961": "2/5/1961",
	} {
		if got := ukDate(in); got != want {
			t.Errorf("ukDate(%q) = %q, want %q", in, got, want)
		}
	}
}
