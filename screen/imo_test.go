package screen

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIMOCheckDigits(t *testing.T) {
	tests := []struct {
		n             string
		ship, company bool
	}{
		{"7937317", true, false},  // CHONG CHON GANG
		{"8606173", true, false},  // RYONG GUN BONG
		{"5342883", false, true},  // Chongchongang Shipping Co
		{"1790183", true, true},   // Ocean Maritime Management: passes both checks
		{"7937318", false, false}, // check digit off by one
		{"793731", false, false},
		{"79373170", false, false},
		{"79a7317", false, false},
	}
	for _, tt := range tests {
		if got := ValidShipIMO(tt.n); got != tt.ship {
			t.Errorf("ValidShipIMO(%q) = %v, want %v", tt.n, got, tt.ship)
		}
		if got := ValidCompanyIMO(tt.n); got != tt.company {
			t.Errorf("ValidCompanyIMO(%q) = %v, want %v", tt.n, got, tt.company)
		}
	}
}

func TestExtractIMOs(t *testing.T) {
	tests := []struct {
		text string
		kind Kind
		want []Identifier
	}{
		{"Vessel Registration Identification IMO 7937317.", KindVessel, []Identifier{{Type: IDShipIMO, Value: "7937317"}}},
		{"Vessel Registration Identification 8606173;", KindVessel, []Identifier{{Type: IDShipIMO, Value: "8606173"}}},
		{"IMO Number: 5342883. The company", KindOrganisation, []Identifier{{Type: IDCompanyIMO, Value: "5342883"}}},
		{"International Maritime Organization (IMO) Number: 1790183.", KindOrganisation, []Identifier{{Type: IDCompanyIMO, Value: "1790183"}}},
		{"IMO 1234568", KindVessel, []Identifier{{Type: IDIMOUnchecked, Value: "1234568"}}},
		{"telephone 1234567", KindVessel, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, ExtractIMOs(tt.text, tt.kind)); diff != "" {
			t.Errorf("ExtractIMOs(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestNormalizeIMO(t *testing.T) {
	for in, want := range map[string]string{"IMO 7937317": "7937317", "imo:7937317": "7937317", " 7937317 ": "7937317"} {
		if got, ok := NormalizeIMO(in); !ok || got != want {
			t.Errorf("NormalizeIMO(%q) = %q, %v; want %q, true", in, got, ok, want)
		}
	}
	if _, ok := NormalizeIMO("IMO 79373"); ok {
		t.Error("NormalizeIMO accepted five digits")
	}
}
