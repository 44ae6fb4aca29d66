package rules

import (
	"fmt"
	"strings"

	"github.com/luxscreen/luxscreen/internal/iso"
	"github.com/luxscreen/luxscreen/lists"
)

// ReferencePrice is the normal unit-value range of a category of goods,
// supplied by the caller (customs valuation data, trade statistics).
type ReferencePrice struct {
	// HS is the code prefix (digits) the range applies to.
	HS       string
	Unit     lists.Unit
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
			Unit:     lists.Unit(f.str(m["unit"], at+".unit", true)),
			Currency: strings.ToUpper(f.str(m["currency"], at+".currency", true)),
			Low:      f.number(m["low"], at+".low"),
			High:     f.number(m["high"], at+".high"),
			Source:   f.str(m["source"], at+".source", true),
		}
		if f.err == nil && (len(p.HS) < 2 || strings.Trim(p.HS, "0123456789") != "") {
			f.fail(m["hs"], at+".hs", ErrInvalid, "%q is not an HS code prefix", p.HS)
		}
		if u, ok := lists.ParseUnit(string(p.Unit)); ok {
			p.Unit = u
		} else if f.err == nil {
			f.fail(m["unit"], at+".unit", ErrInvalid, "%q is not a unit of quantity (pcs, kg, litre, pairs…)", p.Unit)
		}
		if f.err == nil && !iso.Currency(p.Currency) {
			f.fail(m["currency"], at+".currency", ErrInvalid, "%q is not an ISO 4217 currency code in use", p.Currency)
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
