package iso

import "golang.org/x/text/language"

// Country reports whether code is an assigned ISO 3166-1 alpha-2 country
// code, written in upper case as the standard writes it ("DE", "KP").
//
// CLDR, and so golang.org/x/text, knows more regions than ISO 3166-1
// assigns; Country rejects every other class of two-letter region:
// user-assigned and private-use codes (AA, QM–QZ, XA–XZ, ZZ, including
// XK), groups (EU, EZ, UN, QO), exceptionally reserved codes (AC, CP, DG,
// EA, IC, TA, UK, FX), deprecated codes CLDR maps to their successors
// (BU, DD, TP, ZR, …), codes withdrawn from ISO 3166-1 that CLDR still
// lists (see [withdrawn]) and unassigned pairs (KO, QQ).
func Country(code string) bool {
	if len(code) != 2 || !isUpper(code) {
		return false
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return false
	}
	// Exceptionally reserved codes have no UN M49 number; deprecated codes
	// canonicalise to their successor.
	if !r.IsCountry() || r.IsPrivateUse() || r.M49() == 0 || r.Canonicalize() != r {
		return false
	}
	return !withdrawn(code)
}

// withdrawn reports whether code is one of the codes deleted from
// ISO 3166-1 that CLDR keeps as regions of their own, with no single
// successor: the Netherlands Antilles (AN, 2010), Serbia and Montenegro
// (CS, 2006), the Neutral Zone (NT, 1993), the USSR (SU, 1992) and
// Yugoslavia (YU, 2003).
func withdrawn(code string) bool {
	switch code {
	case "AN", "CS", "NT", "SU", "YU":
		return true
	}
	return false
}

// isUpper reports whether s is made of the letters A to Z only.
func isUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
