package lists

import "strings"

// CanonicalJurisdiction returns the catalogue's code for a jurisdiction
// written the way people write it: "uk" and "United Kingdom" become "GB",
// "eu" becomes "EU". Unknown names are returned upper-cased, so that a
// filter on them matches nothing rather than everything.
func CanonicalJurisdiction(s string) string {
	t := strings.ToUpper(strings.TrimSpace(s))
	switch t {
	case "UK", "UNITED KINGDOM", "GREAT BRITAIN":
		return "GB"
	case "USA", "UNITED STATES":
		return "US"
	case "EUROPEAN UNION":
		return "EU"
	case "UNITED NATIONS", "UNSC":
		return "UN"
	case "SOUTH KOREA", "KOREA", "ROK":
		return "KR"
	case "SWITZERLAND":
		return "CH"
	case "JAPAN":
		return "JP"
	case "AUSTRALIA":
		return "AU"
	case "CANADA":
		return "CA"
	case "NEW ZEALAND":
		return "NZ"
	case "SINGAPORE":
		return "SG"
	case "RUSSIA":
		return "RU"
	}
	return t
}
