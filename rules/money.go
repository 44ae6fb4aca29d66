package rules

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/classify"
	"gopkg.in/yaml.v3"
)

// Rates converts amounts between currencies with rates the caller
// supplies; the engine never fetches rates. A currency without a rate is
// an unknown currency: rules that need its value fail closed to review.
type Rates struct {
	// Base is the ISO 4217 code rates are quoted against.
	Base string
	// PerUnit maps a currency to how many units of Base one unit of it is
	// worth.
	PerUnit map[string]float64
	// Source says where the rates come from and for which day.
	Source string
}

// Convert converts amount from one currency to another. It reports false
// when either currency has no rate.
func (r *Rates) Convert(amount float64, from, to string) (float64, bool) {
	if from == to {
		return amount, true
	}
	if r == nil {
		return 0, false
	}
	rate := func(c string) (float64, bool) {
		if c == r.Base {
			return 1, true
		}
		v, ok := r.PerUnit[c]
		return v, ok && v > 0
	}
	a, ok1 := rate(from)
	b, ok2 := rate(to)
	if !ok1 || !ok2 {
		return 0, false
	}
	return amount * a / b, true
}

// USDPerUnit returns the rates in the classifier's form, US dollars per
// unit of each currency, for every currency the rates reach from USD; nil
// rates give nil.
func (r *Rates) USDPerUnit() classify.Rates {
	if r == nil {
		return nil
	}
	out := classify.Rates{}
	for _, cur := range append([]string{r.Base}, slices.Collect(maps.Keys(r.PerUnit))...) {
		if usd, ok := r.Convert(1, cur, "USD"); ok {
			out[cur] = usd
		}
	}
	return out
}

// ParseRates reads a rates file:
//
//	base: USD
//	source: where the rates come from, for which day
//	rates: {EUR: 1.16, JPY: 0.0089}
func ParseRates(name string, data []byte) (*Rates, error) {
	f := &yfile{name: name}
	root := f.root(data)
	top := f.fields(root, "", "base", "source", "rates")
	r := &Rates{Base: strings.ToUpper(f.str(top["base"], "base", true)), Source: f.str(top["source"], "source", true), PerUnit: map[string]float64{}}
	if f.err == nil && !currencyRE.MatchString(r.Base) {
		f.fail(top["base"], "base", ErrInvalid, "%q is not an ISO 4217 code", r.Base)
	}
	if n := top["rates"]; n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			c := strings.ToUpper(k.Value)
			if !currencyRE.MatchString(c) {
				f.fail(k, "rates."+k.Value, ErrInvalid, "%q is not an ISO 4217 code", k.Value)
			}
			x := f.number(v, "rates."+k.Value)
			if x == 0 {
				f.fail(v, "rates."+k.Value, ErrInvalid, "a rate must be above zero")
			}
			r.PerUnit[c] = x
		}
	} else {
		f.fail(top["rates"], "rates", ErrMissing, "want a mapping of currency codes to rates")
	}
	if f.err != nil {
		return nil, f.err
	}
	return r, nil
}

// ReferencePrice is the normal unit-value range of a category of goods,
// supplied by the caller (customs valuation data, trade statistics).
type ReferencePrice struct {
	// HS is the code prefix (digits) the range applies to.
	HS       string
	Unit     string
	Currency string
	Low      float64
	High     float64
	Source   string
}

// ReferencePrices holds reference prices by HS prefix; the longest prefix
// of a line's code wins.
type ReferencePrices struct {
	byHS map[string]*ReferencePrice
}

// ParseReferencePrices reads a reference prices file:
//
//	prices:
//	  - {hs: "0101", unit: animal, currency: USD, low: 500, high: 3000, source: …}
func ParseReferencePrices(name string, data []byte) (*ReferencePrices, error) {
	f := &yfile{name: name}
	root := f.root(data)
	top := f.fields(root, "", "prices")
	rp := &ReferencePrices{byHS: map[string]*ReferencePrice{}}
	for i, n := range f.seq(top["prices"], "prices") {
		at := fmt.Sprintf("prices[%d]", i)
		m := f.fields(n, at, "hs", "unit", "currency", "low", "high", "source")
		p := &ReferencePrice{
			HS:       strings.NewReplacer(".", "", " ", "").Replace(f.str(m["hs"], at+".hs", true)),
			Unit:     normalizeUnit(f.str(m["unit"], at+".unit", true)),
			Currency: strings.ToUpper(f.str(m["currency"], at+".currency", true)),
			Low:      f.number(m["low"], at+".low"),
			High:     f.number(m["high"], at+".high"),
			Source:   f.str(m["source"], at+".source", true),
		}
		if f.err == nil && (len(p.HS) < 2 || strings.Trim(p.HS, "0123456789") != "") {
			f.fail(m["hs"], at+".hs", ErrInvalid, "%q is not an HS code prefix", p.HS)
		}
		if f.err == nil && !currencyRE.MatchString(p.Currency) {
			f.fail(m["currency"], at+".currency", ErrInvalid, "%q is not an ISO 4217 code", p.Currency)
		}
		if f.err == nil && p.High <= p.Low {
			f.fail(m["high"], at+".high", ErrInvalid, "high %v is not above low %v", p.High, p.Low)
		}
		if _, dup := rp.byHS[p.HS]; dup && f.err == nil {
			f.fail(m["hs"], at+".hs", ErrInvalid, "%s is given twice", p.HS)
		}
		rp.byHS[p.HS] = p
	}
	if f.err != nil {
		return nil, f.err
	}
	return rp, nil
}

// lookup returns the reference price with the longest prefix of code.
func (rp *ReferencePrices) lookup(code string) *ReferencePrice {
	if rp == nil {
		return nil
	}
	for n := len(code); n >= 2; n-- {
		if p, ok := rp.byHS[code[:n]]; ok {
			return p
		}
	}
	return nil
}

// normalizeUnit maps the ways documents write units to the catalogue's
// units (item, kg, g, litre, animal, pair, set, carat, m2).
func normalizeUnit(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	switch u {
	case "item", "items", "pc", "pcs", "piece", "pieces", "unit", "units", "u", "ea", "each", "no", "nos", "nr":
		return "item"
	case "animal", "animals", "head", "heads":
		return "animal"
	case "kg", "kgs", "kilogram", "kilograms":
		return "kg"
	case "g", "gram", "grams":
		return "g"
	case "l", "litre", "litres", "liter", "liters":
		return "litre"
	case "pair", "pairs", "pr":
		return "pair"
	case "set", "sets":
		return "set"
	case "carat", "carats", "ct":
		return "carat"
	case "m2", "sqm", "square metre", "square meter":
		return "m2"
	}
	return u
}
