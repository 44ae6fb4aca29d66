package iso

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCountry(t *testing.T) {
	tests := []struct {
		class string
		codes []string
		want  bool
	}{
		{"assigned", []string{"DE", "KP", "KR", "CN", "RU", "PA", "MH", "LR", "MT", "TG", "US", "GB", "AQ", "TW", "PS", "SS", "BQ", "CW", "SX", "EH", "UM"}, true},
		{"unassigned", []string{"KO", "QA0", "OO", "JJ", "YY", "WW"}, false},
		{"private use and user-assigned", []string{"AA", "QM", "QQ", "QZ", "XA", "XK", "XX", "XZ", "ZZ"}, false},
		{"groups and macro-regions", []string{"EU", "EZ", "UN", "QO", "QU"}, false},
		{"exceptionally reserved", []string{"AC", "CP", "DG", "EA", "IC", "TA", "UK", "FX"}, false},
		{"transitionally reserved or deprecated", []string{"BU", "DD", "DY", "HV", "NH", "RH", "TP", "YD", "ZR", "CT", "JT", "MI", "NQ", "PC", "PU", "PZ", "VD", "WK", "FQ", "CQ"}, false},
		{"withdrawn", []string{"AN", "CS", "NT", "SU", "YU"}, false},
		{"not two upper-case letters", []string{"", "D", "de", "De", "DEU", "276", "D1", " DE", "DE ", "ÄB"}, false},
	}
	for _, tt := range tests {
		var wrong []string
		for _, c := range tt.codes {
			if Country(c) != tt.want {
				wrong = append(wrong, c)
			}
		}
		if wrong != nil {
			t.Errorf("%s: Country != %v for %q", tt.class, tt.want, wrong)
		}
	}
}

// TestCountryCount holds the size of ISO 3166-1: 249 assigned alpha-2
// codes, no more (a reserved class let through) and no fewer.
func TestCountryCount(t *testing.T) {
	n := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if Country(string([]rune{a, b})) {
				n++
			}
		}
	}
	if n != 249 {
		t.Errorf("Country accepts %d codes, want the 249 of ISO 3166-1", n)
	}
}

func TestCurrency(t *testing.T) {
	tests := []struct {
		class string
		codes []string
		want  bool
	}{
		{"current", []string{"EUR", "USD", "CNY", "JPY", "KRW", "KPW", "RUB", "GBP", "CHF", "AED", "BRL", "INR", "SGD", "HKD"}, true},
		{"funds and metals", []string{"CHE", "USN", "XAU", "XDR"}, true},
		{"issued after CLDR 32", []string{"MRU", "STN", "VES", "VED", "SLE", "ZWG", "XCG"}, true},
		{"unknown", []string{"XYZ", "ABC", "QQQ", "EUX"}, false},
		{"no currency and testing", []string{"XXX", "XTS"}, false},
		{"historic", []string{"DEM", "FRF", "ITL", "YUM", "SUR", "ZWD"}, false},
		{"not three upper-case letters", []string{"", "EU", "eur", "Eur", "EURO", "978", " EUR"}, false},
	}
	for _, tt := range tests {
		var wrong []string
		for _, c := range tt.codes {
			if Currency(c) != tt.want {
				wrong = append(wrong, c)
			}
		}
		if wrong != nil {
			t.Errorf("%s: Currency != %v for %q", tt.class, tt.want, wrong)
		}
	}
}

func TestIMO(t *testing.T) {
	tests := []struct {
		in   string
		want string // error text, "" for valid
	}{
		{"9321483", ""},
		{"7937317", ""}, // CHONG CHON GANG
		{"IMO 8606173", ""},
		{"IMO8606173", ""},
		{"imo 9074729", ""},
		{" 9321483 ", ""},
		{"9321484", `invalid IMO number: "9321484" has check digit 4, want 3`},
		{"IMO 7937318", `invalid IMO number: "IMO 7937318" has check digit 8, want 7`},
		{"5342883", `invalid IMO number: "5342883" has check digit 3, want 1`}, // a company number
		{"932148", `invalid IMO number: "932148" is not seven digits`},
		{"93214830", `invalid IMO number: "93214830" is not seven digits`},
		{"93a1483", `invalid IMO number: "93a1483" is not seven digits`},
		{"", `invalid IMO number: "" is not seven digits`},
		{"IMO", `invalid IMO number: "IMO" is not seven digits`},
		{"MMSI 9321483", `invalid IMO number: "MMSI 9321483" is not seven digits`},
	}
	for _, tt := range tests {
		err := IMO(tt.in)
		got := ""
		if err != nil {
			got = err.Error()
			if !errors.Is(err, ErrIMO) {
				t.Errorf("IMO(%q) = %v, not wrapping ErrIMO", tt.in, err)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("IMO(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func FuzzIMO(f *testing.F) {
	f.Add("9321483")
	f.Add("IMO 7937317")
	f.Add("IMO")
	f.Fuzz(func(t *testing.T, s string) {
		if IMO(s) != nil {
			return
		}
		// A valid number is seven digits after at most an "IMO" prefix and
		// spaces; its check digit holds.
		d := s
		for len(d) > 7 && (d[0] < '0' || d[0] > '9') {
			d = d[1:]
		}
		for len(d) > 7 && (d[len(d)-1] < '0' || d[len(d)-1] > '9') {
			d = d[:len(d)-1]
		}
		if len(d) != 7 || !isDigits(d) {
			t.Fatalf("IMO(%q) accepted, but %q is not seven digits", s, d)
		}
		sum := 0
		for i := 0; i < 6; i++ {
			sum += int(d[i]-'0') * (7 - i)
		}
		if sum%10 != int(d[6]-'0') {
			t.Fatalf("IMO(%q) accepted a wrong check digit", s)
		}
	})
}

func FuzzCodes(f *testing.F) {
	f.Add("DE")
	f.Add("XYZ")
	f.Add("ZZ")
	f.Fuzz(func(t *testing.T, s string) {
		if Country(s) && (len(s) != 2 || !isUpper(s)) {
			t.Fatalf("Country(%q) accepted a code that is not two upper-case letters", s)
		}
		if Currency(s) && (len(s) != 3 || !isUpper(s)) {
			t.Fatalf("Currency(%q) accepted a code that is not three upper-case letters", s)
		}
	})
}

func TestCompanyIMO(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"5342883", ""}, // Chongchongang Shipping Co
		{"IMO 1790183", ""},
		{"5342884", `invalid IMO number: "5342884" has check digit 4, want 3`},
		{"534288", `invalid IMO number: "534288" is not seven digits`},
	}
	for _, tt := range tests {
		got := ""
		if err := CompanyIMO(tt.in); err != nil {
			got = err.Error()
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("CompanyIMO(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}
