package screen

import (
	"regexp"
	"strings"
)

// swiftPattern finds SWIFT/BIC codes in remarks ("SWIFT: DCBKKPPY",
// "SWIFT/BIC FTBDKPPY").
var swiftPattern = regexp.MustCompile(`\bSWIFT(?:/BIC)?:?\s+([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b`)

// extractSWIFT returns the SWIFT/BIC codes written in text.
func extractSWIFT(text string) []Identifier {
	var out []Identifier
	for _, m := range swiftPattern.FindAllStringSubmatch(text, -1) {
		out = append(out, Identifier{Type: IDSWIFT, Value: m[1]})
	}
	return out
}

// ofacWeakAKA finds the weak aliases the OFAC legacy CSV writes into the
// remarks ("a.k.a. 'KOMID'"); strong aliases are in alt.csv.
var ofacWeakAKA = regexp.MustCompile(`\ba\.k\.a\. '([^']+)'`)

// ofacDOB finds dates of birth in OFAC remarks: "DOB 13 Oct 1944",
// "DOB circa 1947", "DOB 1944 to 1946", "DOB Oct 1944".
var ofacDOB = regexp.MustCompile(`\bDOB (?:circa )?((?:\d{1,2} )?(?:[A-Z][a-z]{2} )?\d{4})(?: to (\d{4}))?`)

// ofacNationality finds "nationality X" and "citizen X" in OFAC remarks.
var ofacNationality = regexp.MustCompile(`\b(?:nationality|citizen) ([A-Z][A-Za-z ,.'-]+?)(?:;|\.$|$)`)

// ofacBirthPlace finds "POB X" in OFAC remarks; X runs to the next
// semicolon or the final full stop.
var ofacBirthPlace = regexp.MustCompile(`\bPOB ([^;]+?)(?:;|\.$|$)`)

// ofacRegistration finds company registration numbers.
var ofacRegistration = regexp.MustCompile(`\b(?:Registration (?:ID|Number)|Company Number|Business Registration (?:Document|Number) #?)\s*([A-Z0-9][A-Z0-9/-]{3,})`)

var monthNumber = map[string]string{
	"Jan": "01", "Feb": "02", "Mar": "03", "Apr": "04", "May": "05", "Jun": "06",
	"Jul": "07", "Aug": "08", "Sep": "09", "Oct": "10", "Nov": "11", "Dec": "12",
}

// isoDate turns OFAC's "13 Oct 1944", "Oct 1944" or "1944" into ISO 8601
// "1944-10-13", "1944-10" or "1944".
func isoDate(s string) string {
	f := strings.Fields(s)
	switch len(f) {
	case 1:
		return f[0]
	case 2:
		if m, ok := monthNumber[f[0]]; ok {
			return f[1] + "-" + m
		}
		return f[1]
	case 3:
		m, ok := monthNumber[f[1]]
		if !ok {
			return f[2]
		}
		d := f[0]
		if len(d) == 1 {
			d = "0" + d
		}
		return f[2] + "-" + m + "-" + d
	}
	return s
}
