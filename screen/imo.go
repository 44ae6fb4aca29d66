package screen

import (
	"regexp"
	"strings"

	"github.com/luxscreen/luxscreen/internal/iso"
)

// ValidShipIMO reports whether s is a seven-digit ship IMO number with a
// correct check digit (see [iso.IMO], which holds the check).
func ValidShipIMO(s string) bool {
	return isSevenDigits(s) && iso.IMO(s) == nil
}

// ValidCompanyIMO reports whether s is a seven-digit IMO unique company and
// registered-owner number with a correct check digit (see
// [iso.CompanyIMO], which holds the check).
func ValidCompanyIMO(s string) bool {
	return isSevenDigits(s) && iso.CompanyIMO(s) == nil
}

func isSevenDigits(s string) bool {
	if len(s) != 7 {
		return false
	}
	for i := 0; i < 7; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// imoPattern finds IMO numbers in remarks: "IMO 7937317", "IMO Number:
// 5342883", "(IMO) Number: 1790183", "IMO: 9187629" and OFAC's "Vessel Registration Identification
// 8606173" without the IMO word.
var imoPattern = regexp.MustCompile(`(?i)(?:\bIMO\b\)?(?:\s*(?:number|no\.?|#))?|Vessel Registration Identification(?:\s+IMO)?)[\s:.#-]*(\d{7})\b`)

// ExtractIMOs returns the IMO numbers written in text, typed by their check
// digit: a number that passes only the ship check is a ship IMO, one that
// passes only the company check is a company IMO. When both pass, the
// entity kind decides; when neither does, the number is kept as
// IDIMOUnchecked so that nothing is silently dropped.
func ExtractIMOs(text string, kind Kind) []Identifier {
	var out []Identifier
	for _, m := range imoPattern.FindAllStringSubmatch(text, -1) {
		out = append(out, Identifier{Type: classifyIMO(m[1], kind), Value: m[1]})
	}
	return out
}

// classifyIMO types a seven-digit IMO number.
func classifyIMO(n string, kind Kind) IDType {
	ship, company := ValidShipIMO(n), ValidCompanyIMO(n)
	switch {
	case ship && company:
		if kind == KindVessel {
			return IDShipIMO
		}
		return IDCompanyIMO
	case ship:
		return IDShipIMO
	case company:
		return IDCompanyIMO
	}
	return IDIMOUnchecked
}

// NormalizeIMO extracts the seven digits from a query such as "IMO 7937317",
// "imo:7937317" or "7937317". It reports false when the input does not hold
// exactly seven digits.
func NormalizeIMO(s string) (string, bool) {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			b.WriteByte(c)
		}
	}
	d := b.String()
	return d, len(d) == 7
}
