package trade

// Verdict is the answer for one flow to or from the DPRK: was it
// prohibited, and by whom. The verdicts are ordered from the strongest;
// an assessment gives the strongest that applies.
type Verdict string

// The verdicts.
const (
	// ProhibitedUN: a UN Security Council measure (luxury annex or
	// sectoral ban) in force in the period covers the code. Every state
	// is bound by it, whatever its own list says.
	ProhibitedUN Verdict = "prohibited-un"
	// ProhibitedReporter: the reporter's own list (or its union's, such as
	// the EU's for Germany) covers the code, and no UN measure does.
	ProhibitedReporter Verdict = "prohibited-reporter"
	// LuxuryNotListed: another jurisdiction's luxury list covers the code,
	// but neither the UN nor the reporter's list, which the catalogue
	// holds, does: luxury-relevant but not listed by the reporter.
	LuxuryNotListed Verdict = "luxury-not-listed"
	// LuxuryNoReporterList: another jurisdiction's luxury list covers the
	// code, no UN measure does, and the catalogue holds no list of the
	// reporter's, so whether the reporter lists it is unknown.
	LuxuryNoReporterList Verdict = "luxury-no-reporter-list"
	// NotControlled: no list in the catalogue covers the code in the
	// period.
	NotControlled Verdict = "not-controlled"
	// Review: the flow needs a person. Either the code cannot be assessed
	// — Comtrade's all-commodities total, or chapter 99 (goods not
	// specified by kind) — or nothing prohibits it but a catch-all watch
	// list of the UN or of the reporter covers it. It is never turned into
	// "not controlled".
	Review Verdict = "review"
)

// Describe returns a short sentence saying what the verdict means.
func (v Verdict) Describe() string {
	switch v {
	case ProhibitedUN:
		return "prohibited by the UN Security Council"
	case ProhibitedReporter:
		return "prohibited by the reporter's own list"
	case LuxuryNotListed:
		return "luxury-relevant (another jurisdiction lists it) but not on the reporter's list"
	case LuxuryNoReporterList:
		return "luxury-relevant (another jurisdiction lists it); no list of the reporter's in the catalogue"
	case NotControlled:
		return "not controlled by any list in the catalogue"
	case Review:
		return "needs review: the code cannot be assessed, or a watch list covers it"
	}
	return string(v)
}

// rank orders verdicts from the strongest (0).
func (v Verdict) rank() int {
	switch v {
	case ProhibitedUN:
		return 0
	case ProhibitedReporter:
		return 1
	case Review:
		return 2
	case LuxuryNotListed:
		return 3
	case LuxuryNoReporterList:
		return 4
	}
	return 5
}
