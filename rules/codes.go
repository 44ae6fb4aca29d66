package rules

import (
	"fmt"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/iso"
)

// The classes of code the invalid condition checks, as rule files name
// them.
const (
	codeCountry  = "country"
	codeCurrency = "currency"
	codeIMO      = "imo"
	codeHS       = "hs"
)

// invalidCode is a code of the shipment that has the form of a code but
// names nothing: a country code ISO 3166-1 does not assign, a currency
// ISO 4217 does not list, an IMO number whose check digit is wrong, an
// HS code the nomenclature of its edition lacks.
type invalidCode struct {
	class string // codeCountry, codeCurrency, codeIMO or codeHS
	ev    Evidence
}

// invalidCodes returns every invalid code of s, in field order. The
// decoder checks only the form of codes, which "KO", "XYZ" and a mistyped
// IMO number pass; a code that names nothing must not let a shipment
// clear, so each becomes evidence for a review finding rather than an
// error that would drop the shipment from a batch. The evidence names the
// field in its detail too, which is what a report for people prints.
//
// Declared HS codes are checked against the nomenclature in ns of the
// edition in force on asOf, when ns holds one; without one they are
// checked by form only (the decoder's hs.Parse).
func (s *Shipment) invalidCodes(ns []hs.Nomenclature, asOf time.Time) []invalidCode {
	var out []invalidCode
	country := func(field, code string) {
		if code != "" && !iso.Country(code) {
			out = append(out, invalidCode{codeCountry, Evidence{Field: field, Detail: fmt.Sprintf("%s: %q is not an assigned ISO 3166-1 country code", field, code)}})
		}
	}
	imo := func(field, num string, check func(string) error) {
		if num == "" {
			return
		}
		if err := check(num); err != nil {
			out = append(out, invalidCode{codeIMO, Evidence{Field: field, Detail: field + ": " + err.Error()}})
		}
	}
	country("origin", s.Origin)
	country("destination", s.Destination)
	for i, p := range s.Parties {
		country(fmt.Sprintf("parties[%d].country", i), p.Country)
		imo(fmt.Sprintf("parties[%d].imo", i), p.IMO, iso.CompanyIMO)
	}
	if v := s.Vessel; v != nil {
		country("vessel.flag", v.Flag)
		imo("vessel.imo", v.IMO, iso.IMO)
	}
	for i, r := range s.Route {
		country(fmt.Sprintf("route[%d].country", i), r.Country)
		if r.LOCODE != "" && r.LOCODE[:2] != r.Country {
			// The first two letters of a UN/LOCODE are its country.
			country(fmt.Sprintf("route[%d].locode", i), r.LOCODE[:2])
		}
	}
	for i, l := range s.Lines {
		if l.HS != "" {
			if detail := codeMissing(ns, l.HS, asOf); detail != "" {
				out = append(out, invalidCode{codeHS, Evidence{Line: i + 1, Field: fmt.Sprintf("lines[%d].hs", i), Detail: fmt.Sprintf("lines[%d].hs: %s", i, detail)}})
			}
		}
		if l.Currency != "" && !iso.Currency(l.Currency) {
			out = append(out, invalidCode{codeCurrency, Evidence{Line: i + 1, Field: fmt.Sprintf("lines[%d].currency", i), Detail: fmt.Sprintf("lines[%d].currency: %q is not an ISO 4217 currency code in use", i, l.Currency)}})
		}
	}
	return out
}

// codeMissing says why the declared code is not in the nomenclature of ns
// of the edition in force on asOf, or returns "" when it is, or when ns
// has no nomenclature of that edition (see [hs.ExistsIn]).
func codeMissing(ns []hs.Nomenclature, declared string, asOf time.Time) string {
	code, err := hs.Parse(declared)
	if err != nil {
		return "" // the decoder refuses it
	}
	ed := hs.EditionAt(asOf.Year())
	if exists, known := hs.ExistsIn(ns, ed, code); exists || !known {
		return ""
	}
	return fmt.Sprintf("%s does not exist in %s, the edition in force on %s", code, ed, asOf.Format(dateLayout))
}
