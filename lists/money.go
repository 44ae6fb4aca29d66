package lists

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/iso"
)

// Money is an amount in a currency, the value of a goods line.
type Money struct {
	Amount float64 `json:"amount"`
	// Currency is an ISO 4217 code.
	Currency string `json:"currency"`
}

// String formats m as "1234.50 EUR".
func (m Money) String() string {
	return strconv.FormatFloat(m.Amount, 'f', 2, 64) + " " + m.Currency
}

// ErrRate is wrapped by every error about exchange rates: a malformed
// rate, or an amount that cannot be converted for want of one.
var ErrRate = errors.New("invalid exchange rate")

// Rates converts amounts between currencies with rates the caller
// supplies; nothing here fetches rates. An amount in a currency without a
// rate cannot be converted, and a threshold in another currency cannot be
// judged ([CannotTell]).
type Rates struct {
	// Base is the ISO 4217 code rates are quoted against: USD unless a
	// rates file says otherwise.
	Base string `json:"base"`
	// PerUnit maps a currency to how many units of Base one unit of it is
	// worth ("EUR": 1.08 with base USD).
	PerUnit map[string]float64 `json:"rates"`
	// Source says where the rates come from and for which day.
	Source string `json:"source,omitempty"`
}

// NewRates returns empty rates quoted against base.
func NewRates(base string) *Rates {
	return &Rates{Base: strings.ToUpper(base), PerUnit: map[string]float64{}}
}

// Convert converts amount from one currency to another. Nil rates convert
// only between equal currencies.
func (r *Rates) Convert(amount float64, from, to string) (float64, error) {
	if from == to && from != "" {
		return amount, nil
	}
	if !IsCurrencyCode(from) {
		return 0, fmt.Errorf("%w: %q is not an ISO 4217 currency code", ErrRate, from)
	}
	a, err := r.rate(from)
	if err != nil {
		return 0, err
	}
	b, err := r.rate(to)
	if err != nil {
		return 0, err
	}
	return amount * a / b, nil
}

func (r *Rates) rate(cur string) (float64, error) {
	if r != nil {
		if cur == r.Base {
			return 1, nil
		}
		if v := r.PerUnit[cur]; v > 0 {
			return v, nil
		}
	}
	return 0, fmt.Errorf("%w: no rate for %s (give one, e.g. --rate %s=…)", ErrRate, cur, cur)
}

// Set parses "EUR=1.08", the form of a --rate flag: one unit of the
// currency is worth that many units of the rates' base.
func (r *Rates) Set(s string) error {
	cur, num, ok := strings.Cut(s, "=")
	cur = strings.ToUpper(strings.TrimSpace(cur))
	if !ok || !IsCurrencyCode(cur) {
		return fmt.Errorf("%w: %q: want CUR=NUMBER, e.g. EUR=1.08", ErrRate, s)
	}
	if !iso.Currency(cur) {
		return fmt.Errorf("%w: %q: %s is not an ISO 4217 currency code in use", ErrRate, s, cur)
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || !(f > 0) || f > 1e12 {
		return fmt.Errorf("%w: %q: the rate must be a positive number", ErrRate, s)
	}
	if r.PerUnit == nil {
		r.PerUnit = map[string]float64{}
	}
	r.PerUnit[cur] = f
	return nil
}

// IsCurrencyCode reports whether s has the form of an ISO 4217 code: three
// upper-case letters. It checks the form only, as a decoder does before
// the code is judged; whether ISO 4217 lists the code is for
// internal/iso.Currency, which the catalogue, rates and price files use,
// and which turns an unknown currency on a shipment into a review.
func IsCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// ParseRates reads a rates file; name is used in errors, which are
// *datafile.Error values with the place of each problem:
//
//	base: USD
//	source: where the rates come from, for which day
//	rates: {EUR: 1.08, JPY: 0.0067}
func ParseRates(name string, data []byte) (*Rates, error) {
	f := datafile.NewFile(name)
	root := f.Mapping(data)
	if root == nil {
		return nil, f.Err()
	}
	top := f.Fields(root, "", "base", "source", "rates")
	r := NewRates(f.Str(top["base"], "base", true))
	r.Source = f.Str(top["source"], "source", true)
	if r.Base != "" && !iso.Currency(r.Base) {
		f.Fail(top["base"], "base", ErrInvalid, "%q is not an ISO 4217 currency code in use", r.Base)
	}
	if top["rates"] == nil {
		f.Fail(nil, "rates", ErrMissing, "want a mapping of currency codes to rates")
	}
	keys, values := f.Pairs(top["rates"], "rates")
	for i, k := range keys {
		if err := r.Set(k.Value + "=" + values[i].Value); err != nil {
			f.Fail(k, "rates."+k.Value, ErrInvalid, "%s", strings.TrimPrefix(err.Error(), ErrRate.Error()+": "))
		}
	}
	if err := f.Err(); err != nil {
		return nil, err
	}
	return r, nil
}
