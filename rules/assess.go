package rules

import (
	"context"
	"time"

	"github.com/luxscreen/luxscreen/party"
)

// GoodsAssessor judges one line of goods: which control lists cover it and
// whether its description fits its declared code. The engine calls it once
// per line; implementations must be safe for concurrent use.
type GoodsAssessor interface {
	AssessLine(ctx context.Context, q LineQuery) (LineAssessment, error)
	// Version identifies the catalogue (and classifier) the assessments
	// come from, for the decision's versions.
	Version() string
}

// LineQuery is one line with the context of its shipment.
type LineQuery struct {
	Line Line
	// Index is the 0-based position of the line in the shipment.
	Index int
	// Date is the date the shipment is judged as of.
	Date time.Time
	// Origin and Destination are the shipment's countries.
	Origin, Destination string
}

// LineAssessment is what a GoodsAssessor found for one line.
type LineAssessment struct {
	// Code is the code the line was judged under (digits), declared or
	// classified; HS6 is its first six digits.
	Code string `json:"code,omitempty"`
	HS6  string `json:"hs6,omitempty"`
	// Source says where Code came from: "declared" or "classified".
	Source string `json:"source,omitempty"`
	// Controls are every list entry that covers the line, at any date:
	// the engine keeps those in force on the date a rule asks for.
	Controls []Control `json:"controls,omitempty"`
	// Mismatch is set when the description names goods the declared code
	// does not cover.
	Mismatch *Mismatch `json:"mismatch,omitempty"`
	// NeedsReview gives the reasons the line could not be judged with
	// confidence (no code and no recognisable description, a classifier
	// in doubt); each becomes a review finding.
	NeedsReview []string `json:"needs_review,omitempty"`
}

// Control is one list entry that covers a line.
type Control struct {
	Jurisdiction string `json:"jurisdiction"` // "UN", "EU", "JP"…
	List         string `json:"list"`
	Entry        string `json:"entry"`
	Kind         string `json:"kind"` // luxury, sectoral or catch-all
	Category     string `json:"category"`
	// Citation locates the entry in its instrument.
	Citation string `json:"citation"`
	URL      string `json:"url,omitempty"`
	// Pattern is the code of the entry that matched, and Coverage how:
	// full, ex, partial, or described (the description names the entry's
	// goods but the code is not among its codes).
	Pattern  string `json:"pattern,omitempty"`
	Coverage string `json:"coverage"`
	// Certain is false when the control may not apply to these goods (an
	// "ex" code whose goods the description does not name, a partial or
	// described match); a rule that holds only on uncertain controls is
	// capped at review.
	Certain bool   `json:"certain"`
	Reason  string `json:"reason,omitempty"`
	// Threshold is the value above which the entry applies, if any.
	Threshold *Threshold `json:"threshold,omitempty"`
	InForce   Period     `json:"in_force"`

	// cite is the citation a finding gives for the control, built once
	// when the assessor caches the control; zero when not built yet.
	cite Citation
}

// citation returns the citation of the list entry behind the control.
func (c *Control) citation() Citation {
	if c.cite.Ref != "" {
		return c.cite
	}
	return c.newCitation()
}

func (c *Control) newCitation() Citation {
	return Citation{Kind: "list", Ref: c.List + "/" + c.Entry, Text: c.Citation + ": " + c.Category, URL: c.URL}
}

// Threshold is a value threshold of a control: the entry covers goods
// valued above Amount in Currency per PerQuantity of Per.
type Threshold struct {
	Amount      float64 `json:"amount"`
	Currency    string  `json:"currency"`
	Per         string  `json:"per"`
	PerQuantity float64 `json:"per_quantity"`
	Inclusive   bool    `json:"inclusive,omitempty"`
}

// Period is the time a list, entry or rule is in force: from From
// (inclusive) until Until (exclusive); a zero Until means still in force.
type Period struct {
	From  time.Time `json:"from,omitzero"`
	Until time.Time `json:"until,omitzero"`
}

// Contains reports whether t falls in the period.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.From) && (p.Until.IsZero() || t.Before(p.Until))
}

// Mismatch is a line whose description names controlled goods its declared
// code does not cover.
type Mismatch struct {
	// Declared is the declared code.
	Declared string `json:"declared"`
	// Suggested are codes that fit the description.
	Suggested []string `json:"suggested"`
	// Entry is the list entry the description names, if any.
	Entry  string `json:"entry,omitempty"`
	Reason string `json:"reason"`
}

// PartyScreener screens a party or vessel against sanctions lists;
// *screen.Screener is one. Implementations must be safe for concurrent
// use, including while their lists are reloaded.
type PartyScreener interface {
	Screen(ctx context.Context, q party.Entity) (party.Result, error)
}

// ListVersioner is implemented by screeners that can name the lists they
// hold, so that decisions on shipments without parties still name them.
type ListVersioner interface {
	Versions() []party.ListVersion
}
