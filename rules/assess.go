package rules

import (
	"context"
	"time"

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

// ListCoverage is implemented by goods assessors that can say when the
// catalogue cannot tell what a state's law controlled (*lists.Catalogue
// and *classify.Classifier do). The no_list condition needs it; with an
// assessor that lacks it, the condition never holds.
type ListCoverage interface {
	// Silent returns the kinds of list for which jurisdiction j has had
	// lists but none in force on date while states were obliged to
	// control such goods (see lists.Catalogue.Silent).
	Silent(j string, date time.Time, kinds []lists.Kind) []lists.NoList
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
