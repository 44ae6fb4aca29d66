package screen

// Verdict is the screening decision for one query.
type Verdict string

// Verdicts. Screening fails closed: when a query cannot be decided (its
// name is empty after normalisation, no list is loaded, its script cannot
// be compared) the verdict is Review with the reason, never Clear.
const (
	// Match: the best hit scores at or above the match threshold, or an
	// exact IMO number matched. Stop the shipment.
	Match Verdict = "match"
	// Review: a hit scores between the review and match thresholds, or the
	// query cannot be decided. A person must look.
	Review Verdict = "review"
	// Clear: no hit reaches the review threshold.
	Clear Verdict = "clear"
)

// Default thresholds, chosen on the development sets described in the
// package documentation (see also "luxscreen eval screen").
const (
	DefaultMatchThreshold  = 0.75
	DefaultReviewThreshold = 0.60
)

// Hit is one listed entity that resembles the query.
type Hit struct {
	// Entity is the entity ID ("UN:KPe.001").
	Entity string `json:"entity"`
	// List is the list source ("UN", "OFAC").
	List string `json:"list"`
	// Ref is the list's own reference (KPe.001, OFAC ent_num).
	Ref string `json:"ref"`
	// Name is the entity's primary listed name.
	Name string `json:"name"`
	// MatchedName is the listed name or alias that scored best.
	MatchedName string `json:"matched_name"`
	// MatchedKind is the kind of MatchedName (primary, aka, fka, weak…).
	MatchedKind NameKind `json:"matched_kind"`
	// Kind is the entity kind.
	Kind Kind `json:"kind"`
	// Score is in [0, 1].
	Score float64 `json:"score"`
	// ListedOn is the designation date as the list gives it (UN, EU and
	// UK lists carry one; the OFAC files do not), or "".
	ListedOn string `json:"listed_on,omitempty"`
	// Reasons say which keys and features fired.
	Reasons []string `json:"reasons"`
}

// Result is the outcome of one screening.
type Result struct {
	Verdict Verdict `json:"verdict"`
	// Hits are ordered by descending score and hold every entity at or
	// above the review threshold (up to the screener's hit limit).
	Hits []Hit `json:"hits"`
	// Reasons explain a verdict that does not follow from the hits alone
	// ("cannot screen: …").
	Reasons []string `json:"reasons,omitempty"`
	// ListVersions are the lists screened against.
	ListVersions []ListVersion `json:"list_versions"`
}
