package screen

import (
	"regexp"
	"slices"
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

// ofacIDClause is one identifier clause of OFAC remarks: a label ending in
// a word that announces a number ("Passport", "No.", "Number", "#", "ID",
// "Card", "Code", "Document") or one of the bare acronyms OFAC uses, the
// value (which holds a digit), then optionally the issuing country in
// brackets and an issue or expiry date:
//
//	Passport 472220033 (Korea, North)
//	alt. Passport 199110092 (Korea, North) expires 17 Mar 2014
//	National ID No. 660000 73767 (Belgium)
//	Identification Number AO 2879097 (Italy) expires 30 Oct 2012
var ofacIDClause = regexp.MustCompile(`^(?:alt\. )?` +
	`((?:[A-Z][A-Za-z.'/&-]*\.? )*(?:[A-Za-z.'/&-]*(?:Passport|No\.?|Number|#|ID|Card|Code|Document|Identification|Identidad)|R\.F\.C\.|RFC|C\.U\.R\.P\.|D\.N\.I\.|C\.U\.I\.T\.|C\.U\.I\.P\.|C\.U\.I\.|C\.I\.F\.|N\.I\.E\.|I\.F\.E\.|SSN|RTN|RSIN|US FEIN|MMSI|SWIFT/BIC))` +
	` ([A-Z0-9][^();]*?[0-9][^();]*?)` +
	`((?: \([^)]+\))*)` +
	`((?: (?:expires|issued) [0-9A-Za-z ]+)*)$`)

// ofacIDKinds type an identifier by the words of its label, first match
// winning; a label matching none is IDOther. These are the labels of the
// OFAC legacy files (the SDN list's own vocabulary), not a tuning choice.
var ofacIDKinds = []struct {
	words []string
	typ   IDType
}{
	{[]string{"passport"}, IDPassport},
	{[]string{"swift"}, IDSWIFT},
	{[]string{"mmsi"}, IDMMSI},
	{[]string{"national id", "identification", "id card", "personal id", "cedula", "d.n.i.", "c.u.r.p.", "citizen's card", "identidad", "ssn", "electoral", "kenyan id"}, IDNationalID},
	{[]string{"driver's license", "pilot license"}, IDOther},
	{[]string{"registration", "company number", "registry", "matricula", "license no", "gazette", "folio", "c.r. no", "chamber of comm", "legal entity number", "incorporation", "enterprise number", "registered charity"}, IDRegistration},
}

// ofacNotIDs are labels that fit the identifier grammar but are not
// identifiers of the party.
var ofacNotIDs = []string{"phone", "telephone", "fax", "dob", "executive order", "vessel registration identification"}

// ofacRemarkIDs returns the identifiers written in OFAC remarks, except
// the IMO numbers and SWIFT codes, which ExtractIMOs and extractSWIFT
// find wherever they are written.
func ofacRemarkIDs(remarks string) []Identifier {
	var out []Identifier
	for clause := range strings.SplitSeq(remarks, ";") {
		if !strings.ContainsAny(clause, "0123456789") {
			continue // every identifier value holds a digit
		}
		clause = strings.TrimSpace(clause)
		if strings.ContainsAny(clause, "\n\r\t") || strings.Contains(clause, "  ") {
			clause = strings.Join(strings.Fields(clause), " ")
		}
		m := ofacIDClause.FindStringSubmatch(strings.TrimSuffix(clause, "."))
		if m == nil || strings.HasPrefix(m[2], "IMO ") {
			continue
		}
		// The issuing country is the last bracket; an earlier one is a
		// place ("Company Number 3848561 (New York) (United States)").
		var country, place string
		if b := strings.TrimSpace(m[3]); b != "" {
			parts := strings.Split(strings.TrimSuffix(strings.TrimPrefix(b, "("), ")"), ") (")
			country, place = parts[len(parts)-1], strings.Join(parts[:len(parts)-1], ", ")
		}
		label := strings.ToLower(m[1])
		if slices.ContainsFunc(ofacNotIDs, func(w string) bool { return strings.HasPrefix(label, w) }) || strings.Contains(label, "swift") {
			continue
		}
		id := Identifier{Type: IDOther, Value: strings.TrimRight(m[2], ","), Country: country, Note: joinNonEmpty("; ", m[1], place, strings.TrimSpace(m[4]))}
		for _, k := range ofacIDKinds {
			if slices.ContainsFunc(k.words, func(w string) bool { return strings.Contains(label, w) }) {
				id.Type = k.typ
				break
			}
		}
		out = append(out, id)
	}
	return out
}

// ofacGender finds "Gender Male" in OFAC remarks.
var ofacGender = regexp.MustCompile(`\bGender (Male|Female)\b`)
