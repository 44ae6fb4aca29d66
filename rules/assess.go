package rules

import (
	"context"

	"github.com/luxscreen/luxscreen/lists"
)

// GoodsAssessor judges one line of goods against the control lists: the
// code it falls under, every list entry that covers it and whether each
// applies, and whether its description fits its declared code. The engine
// calls it once per line and reads its judgements without re-deriving
// them. *classify.Classifier implements it, and so does *lists.Catalogue,
// which judges declared codes without classifying descriptions.
// Implementations must be safe for concurrent use.
type GoodsAssessor interface {
	// AssessGoods judges g, converting values with rates. Its controls
	// cover every date: the engine keeps those in force on the day a rule
	// asks about.
	AssessGoods(ctx context.Context, g lists.Goods, rates *lists.Rates) (lists.Assessment, error)
	// Version identifies the catalogue (and classifier) the assessments
	// come from, for the decision's versions.
	Version() string
}

// PartyScreener screens a party or vessel against sanctions lists.
// Implementations must be safe for concurrent use, including while their
// lists are reloaded.
type PartyScreener interface {
	ScreenParty(ctx context.Context, q PartyQuery) (Screening, error)
}

// ListVersioner is implemented by screeners that can name the lists they
// hold, so that decisions on shipments without parties still name them.
type ListVersioner interface {
	Lists() []ListSource
}

// PartyQuery is one party or vessel to screen.
type PartyQuery struct {
	Name string
	// Kind is "organisation", "person", "vessel" or "" (any).
	Kind    string
	Country string
	IMO     string
}

// Screening verdicts.
const (
	ScreenMatch  = "match"
	ScreenReview = "review"
	ScreenClear  = "clear"
)

// Screening is the outcome of screening one party or vessel.
type Screening struct {
	// Verdict is ScreenMatch, ScreenReview or ScreenClear.
	Verdict string       `json:"verdict"`
	Hits    []PartyHit   `json:"hits,omitempty"`
	Reasons []string     `json:"reasons,omitempty"`
	Lists   []ListSource `json:"lists,omitempty"`
}

// PartyHit is one listed entity resembling a party.
type PartyHit struct {
	List        string  `json:"list"`
	Ref         string  `json:"ref"`
	Name        string  `json:"name"`
	MatchedName string  `json:"matched_name,omitempty"`
	Score       float64 `json:"score"`
	// ListedOn is the designation date (YYYY-MM-DD) when the list gives
	// one. A party designated after the shipment date was not listed
	// when the goods moved; findings on it are capped at review.
	ListedOn string `json:"listed_on,omitempty"`
}

// ListSource identifies a sanctions list file screened against.
type ListSource struct {
	Source    string `json:"source"`
	Published string `json:"published,omitempty"`
	SHA256    string `json:"sha256"`
	Entities  int    `json:"entities"`
}
