package rules

import (
	"context"

	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/party"
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
