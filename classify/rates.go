package classify

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Rates are exchange rates supplied by the caller: the value of one unit of
// each currency in US dollars ("EUR": 1.08). USD itself is 1 whether or not
// it is listed. The classifier never fetches rates; a threshold in a
// currency without a rate cannot be evaluated and is reported as
// [CannotTell].
type Rates map[string]float64

// ErrRate is wrapped by errors about exchange rates.
var ErrRate = errors.New("invalid exchange rate")

// ParseRate parses "EUR=1.08" into a currency and its value in US dollars.
func ParseRate(s string) (string, float64, error) {
	cur, num, ok := strings.Cut(s, "=")
	cur = strings.ToUpper(strings.TrimSpace(cur))
	if !ok || !isCurrency(cur) {
		return "", 0, fmt.Errorf("%w: %q: want CUR=NUMBER, e.g. EUR=1.08", ErrRate, s)
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || f <= 0 {
		return "", 0, fmt.Errorf("%w: %q: the rate must be a positive number", ErrRate, s)
	}
	return cur, f, nil
}

// isCurrency reports whether s looks like an ISO 4217 code.
func isCurrency(s string) bool {
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

// Convert converts amount from one currency to another.
func (r Rates) Convert(amount float64, from, to string) (float64, error) {
	from, to = strings.ToUpper(strings.TrimSpace(from)), strings.ToUpper(strings.TrimSpace(to))
	if !isCurrency(from) {
		return 0, fmt.Errorf("%w: %q is not an ISO 4217 currency code", ErrRate, from)
	}
	if from == to {
		return amount, nil
	}
	rf, ok := r.usd(from)
	if !ok {
		return 0, fmt.Errorf("%w: no rate for %s (give one, e.g. --rate %s=…)", ErrRate, from, from)
	}
	rt, ok := r.usd(to)
	if !ok {
		return 0, fmt.Errorf("%w: no rate for %s (give one, e.g. --rate %s=…)", ErrRate, to, to)
	}
	return amount * rf / rt, nil
}

func (r Rates) usd(c string) (float64, bool) {
	if c == "USD" {
		return 1, true
	}
	v, ok := r[c]
	return v, ok && v > 0
}
