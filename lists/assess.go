package lists

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/hs"
)

// Goods is one line of goods to judge: what a bill of lading, an invoice
// or an order line says about it.
type Goods struct {
	ID          string
	Description string
	// Code is the declared commodity code as written; empty when none is
	// declared.
	Code     string
	Value    Money
	Quantity float64
	// Unit is the unit of Quantity as written (see [ParseUnit]).
	Unit string
	// Direction is the trade the line is judged for; empty means either.
	Direction Direction
	// Date is the shipment date: it selects the edition a declared code is
	// read in. An assessment judges every entry whatever its period, and
	// leaves it to the caller to keep those in force on the day it asks
	// about (see [Match.InForce]): a rule may ask about the day of the
	// check rather than of the shipment.
	Date time.Time
}

// Assessment is the judgement of one goods line against the lists: the
// code it was judged under and every entry that covers it.
type Assessment struct {
	// Code is the code the line was judged under (digits), declared or
	// classified; HS6 is its first six digits.
	Code string `json:"code,omitempty"`
	HS6  string `json:"hs6,omitempty"`
	// Source says where Code came from: "declared" or "classified".
	Source string `json:"source,omitempty"`
	// Controls are the judgements of every entry that covers the line.
	Controls []Judgement `json:"controls,omitempty"`
	// Mismatch is set when the description names controlled goods that
	// the declared code does not cover.
	Mismatch *Mismatch `json:"mismatch,omitempty"`
	// NeedsReview gives the reasons the line could not be judged with
	// confidence.
	NeedsReview []string `json:"needs_review,omitempty"`
	// Unsettled gives the reasons a classifier asks for review of a line
	// it could place (an ambiguous description, a declared code the
	// description does not fit): the line is judged by its controls, but
	// its luxury is unknown, not no. Rules read it with a DPRK nexus:
	// without one, most such lines are ordinary trade.
	Unsettled []string `json:"unsettled,omitempty"`
}

// Mismatch is a finding that a line's declared code and its description
// disagree.
type Mismatch struct {
	// Kind is "heading", "subheading", "mislabelled-controlled" or
	// "red-flag".
	Kind      string `json:"kind"`
	Declared  string `json:"declared"`
	Described string `json:"described"`
	// Evades lists the entries (list/entry) that cover the described goods
	// but not the declared code.
	Evades []string `json:"evades,omitempty"`
	Reason string   `json:"reason"`
}

// MarshalJSON writes a judgement flat: the entry's facts, then applies,
// why and the presumption that ruled the entry out, if one did.
func (j Judgement) MarshalJSON() ([]byte, error) {
	type flat struct {
		Jurisdiction string        `json:"jurisdiction"`
		List         string        `json:"list"`
		Entry        string        `json:"entry"`
		Kind         Kind          `json:"kind"`
		Category     string        `json:"category"`
		Citation     string        `json:"citation"`
		URL          string        `json:"url,omitempty"`
		Pattern      string        `json:"pattern"`
		Coverage     Coverage      `json:"coverage"`
		Applies      Applicability `json:"applies"`
		Why          string        `json:"why"`
		Presumption  string        `json:"presumption,omitempty"`
		Threshold    *Threshold    `json:"threshold,omitempty"`
		InForce      Period        `json:"in_force"`
	}
	return json.Marshal(flat{
		Jurisdiction: j.List.Jurisdiction, List: j.List.ID, Entry: j.Entry.ID, Kind: j.List.Kind,
		Category: j.Entry.Category, Citation: j.Entry.Citation, URL: j.List.Instrument.URL,
		Pattern: j.Pattern.Code.String(), Coverage: j.Coverage, Applies: j.Applies, Why: j.Why,
		Presumption: j.Presumption, Threshold: j.Entry.Threshold, InForce: j.Period(),
	})
}

// Period is the time the entry of m is in force: the intersection of its
// list's period and its own.
func (m *Match) Period() Period {
	p := m.List.InForce
	e := m.Entry.InForce
	if e.From.After(p.From) {
		p.From = e.From
	}
	if e.Until != nil && (p.Until == nil || e.Until.Before(*p.Until)) {
		p.Until = e.Until
	}
	return p
}

// AssessGoods judges a line by its declared code alone, against every
// entry whose codes cover it: the assessor to use without a classifier.
// Description keywords still decide "ex" entries. A line without a code
// needs review; a code that does not parse is an error.
func (c *Catalogue) AssessGoods(ctx context.Context, g Goods, rates *Rates) (Assessment, error) {
	if err := ctx.Err(); err != nil {
		return Assessment{}, err
	}
	var out Assessment
	if strings.TrimSpace(g.Code) == "" {
		out.NeedsReview = []string{"no declared HS code: classify the line"}
		return out, nil
	}
	code, err := hs.Parse(g.Code)
	if err != nil {
		return out, fmt.Errorf("declared code %q: %w", g.Code, err)
	}
	out.Code, out.HS6, out.Source = code.Digits(), code.HS6(), "declared"
	f := Facts{Description: g.Description, Value: g.Value, Quantity: g.Quantity, Unit: g.Unit}
	ms := c.Lookup(code, Options{Direction: g.Direction})
	out.Controls = make([]Judgement, len(ms))
	for i, m := range ms {
		out.Controls[i] = c.Judge(m, code, &f, rates)
	}
	return out, nil
}

// Version identifies the catalogue: a hash of its lists and price floors
// (which change its judgements too), and the lists' IDs.
func (c *Catalogue) Version() string {
	c.versionOnce.Do(func() {
		b, err := json.Marshal(c.lists)
		if err != nil {
			c.version = "catalogue@unknown"
			return
		}
		if ps := c.presumptions.All(); len(ps) > 0 {
			p, err := json.Marshal(ps)
			if err != nil {
				c.version = "catalogue@unknown"
				return
			}
			b = append(b, p...)
		}
		sum := sha256.Sum256(b)
		ids := make([]string, len(c.lists))
		for i, l := range c.lists {
			ids[i] = l.ID
		}
		c.version = fmt.Sprintf("catalogue@%s (%d lists: %s)", hex.EncodeToString(sum[:6]), len(c.lists), strings.Join(ids, ", "))
	})
	return c.version
}
