package hs

import (
	"fmt"
	"strconv"
	"strings"
)

// Edition names a revision of the HS, or a national nomenclature of a given
// year built on one. Its text form is the system followed by the year:
// "HS2022", "CN2026", "HTS2024".
type Edition struct {
	System string // "HS", or a national system such as "CN" or "HTS"
	Year   int    // the year the edition took effect
}

// The HS editions. The WCO revises the HS every five years; each edition
// takes effect on 1 January of its year.
var (
	HS1992 = Edition{"HS", 1992}
	HS1996 = Edition{"HS", 1996}
	HS2002 = Edition{"HS", 2002}
	HS2007 = Edition{"HS", 2007}
	HS2012 = Edition{"HS", 2012}
	HS2017 = Edition{"HS", 2017}
	HS2022 = Edition{"HS", 2022}
)

// hsEditions lists the HS editions in order; national editions are based on
// the latest one whose year is not after theirs.
func hsEditions() []Edition {
	return []Edition{HS1992, HS1996, HS2002, HS2007, HS2012, HS2017, HS2022}
}

// nationalSystems are the national nomenclatures an Edition may name, with
// what they are, for error messages and documentation.
func nationalSystems() map[string]string {
	return map[string]string{
		"CN":    "EU Combined Nomenclature (8 digits)",
		"TARIC": "EU integrated tariff (10 digits)",
		"HTS":   "US Harmonized Tariff Schedule (10 digits)",
		"SCHB":  "US Schedule B (10 digits)",
		"UKGT":  "UK Global Tariff (10 digits)",
		"AHECC": "Australian export classification (8 digits)",
		"HSK":   "Korean tariff (10 digits)",
		"JPTS":  "Japanese statistical code (9 digits)",
	}
}

// IsZero reports whether e is the zero Edition.
func (e Edition) IsZero() bool { return e.System == "" }

// String returns the text form, e.g. "HS2017".
func (e Edition) String() string {
	if e.IsZero() {
		return ""
	}
	if e.System == "HS" {
		// Declared codes are checked against an edition on every call;
		// the HS names are constants so that naming one costs nothing.
		switch e.Year {
		case 1992:
			return "HS1992"
		case 1996:
			return "HS1996"
		case 2002:
			return "HS2002"
		case 2007:
			return "HS2007"
		case 2012:
			return "HS2012"
		case 2017:
			return "HS2017"
		case 2022:
			return "HS2022"
		}
	}
	return e.System + strconv.Itoa(e.Year)
}

// Base returns the HS edition the nomenclature is built on: an HS edition is
// its own base, and a national edition of year Y extends the HS edition in
// force on 1 January of Y (CN2026 extends HS2022). An edition whose year
// predates the HS, such as the zero Edition, has no base: Base returns the
// zero Edition.
func (e Edition) Base() Edition {
	// HS editions go through the loop too, so that a hand-built HS2020 gives
	// HS2017 rather than an edition that never existed.
	var base Edition
	for _, h := range hsEditions() {
		if h.Year <= e.Year {
			base = h
		}
	}
	return base
}

// MarshalText encodes the edition in its text form.
func (e Edition) MarshalText() ([]byte, error) { return []byte(e.String()), nil }

// UnmarshalText parses text with [ParseEdition]. Empty text gives the zero
// Edition, as the zero Edition marshals to empty text.
func (e *Edition) UnmarshalText(text []byte) error {
	return unmarshalText(e, text, ParseEdition)
}

// ParseEdition parses an edition name. It accepts the HS editions as
// "HS2022", "HS 2022", "hs2022" or UN Comtrade's class codes "H0" to "H6",
// and national editions as a known system followed by a year ("CN2017").
func ParseEdition(s string) (Edition, error) {
	t := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	if len(t) == 2 && t[0] == 'H' && t[1] >= '0' && t[1] <= '6' {
		return hsEditions()[t[1]-'0'], nil
	}
	i := strings.IndexFunc(t, func(r rune) bool { return r >= '0' && r <= '9' })
	if i <= 0 {
		return Edition{}, fmt.Errorf("hs: edition %q: want a system and a year, such as HS2022 or CN2017", s)
	}
	sys, yr := t[:i], t[i:]
	year, err := strconv.Atoi(yr)
	if err != nil || len(yr) != 4 {
		return Edition{}, fmt.Errorf("hs: edition %q: year %q is not four digits", s, yr)
	}
	if sys == "HS" {
		for _, h := range hsEditions() {
			if h.Year == year {
				return h, nil
			}
		}
		return Edition{}, fmt.Errorf("hs: edition %q: %d does not name an HS edition (editions: 1992, 1996, 2002, 2007, 2012, 2017, 2022)", s, year)
	}
	if _, ok := nationalSystems()[sys]; !ok {
		return Edition{}, fmt.Errorf("hs: edition %q: unknown system %q (known: HS, CN, TARIC, HTS, SCHB, UKGT, AHECC, HSK, JPTS)", s, sys)
	}
	if year < HS1992.Year {
		return Edition{}, fmt.Errorf("hs: edition %q: %d predates HS1992, the earliest edition known", s, year)
	}
	return Edition{System: sys, Year: year}, nil
}

// EditionAt returns the HS edition in force on 1 January of year, or the
// zero Edition for a year before HS1992.
func EditionAt(year int) Edition {
	return Edition{System: "HS", Year: year}.Base()
}
