package iso

import "golang.org/x/text/currency"

// Currency reports whether code is an ISO 4217 currency code in current
// use, written in upper case ("EUR", "KPW").
//
// The codes are those golang.org/x/text lists as current, whether legal
// tender or not (so fund codes such as CHE and precious metals such as XAU
// are codes), with three exceptions: historic codes (DEM, FRF) are not
// in use, XXX means "no currency" and XTS is reserved for testing, so
// neither can price a shipment; and codes issued after the CLDR release
// that golang.org/x/text carries are added (see [issuedAfterCLDR]).
func Currency(code string) bool {
	if len(code) != 3 || !isUpper(code) {
		return false
	}
	if issuedAfterCLDR(code) {
		return true
	}
	if code == "XTS" {
		return false
	}
	u, err := currency.ParseISO(code)
	if err != nil || u == (currency.Unit{}) { // the zero Unit is XXX
		return false
	}
	for it := currency.Query(currency.NonTender); it.Next(); {
		if it.Unit() == u {
			return true
		}
	}
	return false
}

// issuedAfterCLDR reports whether code is an ISO 4217 code issued after
// CLDR 32, the release golang.org/x/text's currency tables come from:
// the Mauritanian ouguiya MRU and the São Tomé dobra STN (2018), the
// Venezuelan bolívar soberano VES (2018) and digital VED (2021), the
// Sierra Leonean leone SLE (2022), the Zimbabwe gold ZWG (2024) and the
// Caribbean guilder XCG (2025). Without them an ordinary invoice from
// those countries would be refused as an unknown currency.
func issuedAfterCLDR(code string) bool {
	switch code {
	case "MRU", "STN", "VES", "VED", "SLE", "ZWG", "XCG":
		return true
	}
	return false
}
