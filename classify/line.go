package classify

import (
	"fmt"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/internal/iso"
)

// Line is one goods line as batch files and the HTTP API carry it, with
// the field names of "luxscreen classify --input" lines. Value and
// Quantity are pointers so that a missing number is told from zero; Date
// is YYYY-MM-DD.
type Line struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	// HS is the declared HS code, under the name a goods line of a
	// shipment uses too.
	HS string `json:"hs"`
	// HSCode is the declared HS code under its earlier name, accepted on
	// input; a line giving both must give the same code.
	HSCode          string   `json:"hs_code"`
	Value           *float64 `json:"value"`
	Currency        string   `json:"currency"`
	Quantity        *float64 `json:"quantity"`
	Unit            string   `json:"unit"`
	ExporterCountry string   `json:"exporter_country"`
	Destination     string   `json:"destination"`
	// Date is the shipment date, YYYY-MM-DD; empty means today.
	Date string `json:"date"`
}

// FieldError is a Line field that is missing or malformed.
type FieldError struct {
	Field string // the JSON field name
	Msg   string
}

func (e *FieldError) Error() string { return fmt.Sprintf("field %q: %s", e.Field, e.Msg) }

// Item checks the line and returns the Item to classify. A line needs a
// description or an HS code; a currency must be an ISO 4217 code in use,
// the countries assigned ISO 3166-1 alpha-2 codes, and a date YYYY-MM-DD.
// Errors are *FieldError.
func (l Line) Item() (Item, error) {
	code := strings.TrimSpace(l.HS)
	if alias := strings.TrimSpace(l.HSCode); code == "" {
		code = alias
	} else if alias != "" && alias != code {
		return Item{}, &FieldError{Field: "hs_code", Msg: fmt.Sprintf("%q differs from hs %q; give one", l.HSCode, l.HS)}
	}
	it := Item{ID: l.ID, Description: l.Description, DeclaredCode: code, Currency: l.Currency,
		Unit: l.Unit, ExporterCountry: l.ExporterCountry, Destination: l.Destination}
	if l.Value != nil {
		it.Value = *l.Value
	}
	if l.Quantity != nil {
		it.Quantity = *l.Quantity
	}
	if strings.TrimSpace(l.Description) == "" && code == "" {
		return it, &FieldError{Field: "description", Msg: "give a description or an hs_code"}
	}
	// A code that names nothing would be judged against nothing: a value
	// in "XYZ" converts to no threshold currency, and a destination "XX"
	// is no country a rule can match.
	if c := strings.ToUpper(strings.TrimSpace(l.Currency)); c != "" && !iso.Currency(c) {
		return it, &FieldError{Field: "currency", Msg: fmt.Sprintf("%q is not an ISO 4217 currency code in use", l.Currency)}
	}
	for _, f := range []struct{ field, v string }{{"exporter_country", l.ExporterCountry}, {"destination", l.Destination}} {
		if c := strings.ToUpper(strings.TrimSpace(f.v)); c != "" && !iso.Country(c) {
			return it, &FieldError{Field: f.field, Msg: fmt.Sprintf("%q is not an assigned ISO 3166-1 alpha-2 code", f.v)}
		}
	}
	if l.Date != "" {
		t, err := time.Parse(time.DateOnly, l.Date)
		if err != nil {
			return it, &FieldError{Field: "date", Msg: fmt.Sprintf("%q: want YYYY-MM-DD", l.Date)}
		}
		it.Date = t
	}
	return it, nil
}
