package classify

import (
	"io/fs"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// Option configures a [Classifier].
type Option func(*config)

type config struct {
	lexicon       *Lexicon
	numbers       fs.FS
	nomenclature  hs.Nomenclature
	validation    []hs.Nomenclature
	correlations  []*hs.Correlation
	rates         *lists.Rates
	jurisdictions []string
	kinds         []lists.Kind
	// assessKinds are the kinds AssessGoods judges: kinds, with the
	// embargo when kinds were not restricted (see New).
	assessKinds []lists.Kind
	now         func() time.Time
}

// WithNomenclature adds a BM25 index over n's six-digit lines (a Comtrade
// JSON, flat HS CSV or EU CN file loaded with [hs.Open]), so that
// descriptions outside the luxury lexicon are classified too. n also
// validates declared codes of its edition.
func WithNomenclature(n hs.Nomenclature) Option {
	return func(c *config) {
		c.nomenclature = n
		c.validation = append(c.validation, n)
	}
}

// WithValidation adds nomenclatures used only to check that declared codes
// exist in their edition (for example HS2017 beside an HS2022 index).
func WithValidation(ns ...hs.Nomenclature) Option {
	return func(c *config) { c.validation = append(c.validation, ns...) }
}

// WithCorrelation adds a correlation table, used to map declared codes of
// an older edition to HS 2022.
func WithCorrelation(t *hs.Correlation) Option {
	return func(c *config) { c.correlations = append(c.correlations, t) }
}

// WithRates sets the exchange rates used to compare values with
// thresholds in another currency. The classifier never modifies them.
func WithRates(r *lists.Rates) Option {
	return func(c *config) { c.rates = r }
}

// WithJurisdictions restricts the controls considered to these
// jurisdictions ("EU", "GB", "US"…; see [lists.CanonicalJurisdiction]).
// The UN lists are always considered: they are the floor every UN member
// state must implement, so restricting to "EU" yields the EU and UN lists.
func WithJurisdictions(js ...string) Option {
	return func(c *config) {
		for _, j := range js {
			c.jurisdictions = append(c.jurisdictions, lists.CanonicalJurisdiction(j))
		}
	}
}

// WithKinds restricts the controls considered to these kinds of list.
// Without it Classify considers the lists of goods (luxury, sectoral and
// catch-all) and not embargoes, which cover every good whatever the
// description says; AssessGoods, which judges lines of a shipment for the
// rules, considers embargoes too, since they bind the shipment.
func WithKinds(ks ...lists.Kind) Option {
	return func(c *config) { c.kinds = append(c.kinds, ks...) }
}

// WithLexicon replaces the embedded lexicon.
func WithLexicon(lx *Lexicon) Option {
	return func(c *config) { c.lexicon = lx }
}

// WithClock sets the clock that dates items without a date; the default
// is time.Now.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.now = now }
}
