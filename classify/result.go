package classify

import (
	"time"

	"github.com/luxscreen/luxscreen/lists"
)

// Item is one line to classify: what a bill of lading, invoice or order
// line says about the goods. Description or DeclaredCode (or both) must be
// given; everything else is optional and makes the answer more precise.
type Item struct {
	ID           string `json:"id,omitempty"`
	Description  string `json:"description,omitempty"`
	DeclaredCode string `json:"hs,omitempty"`
	// Value is the total value of the line in Currency.
	Value    float64 `json:"value,omitempty"`
	Currency string  `json:"currency,omitempty"`
	// Quantity is the number of Units the line covers.
	Quantity float64 `json:"quantity,omitempty"`
	Unit     string  `json:"unit,omitempty"`
	// ExporterCountry and Destination are ISO 3166-1 alpha-2 codes. A
	// destination of KP selects export controls, an exporter in KP import
	// controls; otherwise lists of either direction are considered.
	ExporterCountry string `json:"exporter_country,omitempty"`
	Destination     string `json:"destination,omitempty"`
	// Date is the shipment date. It selects the lists in force and the HS
	// edition the declared code is read in. Zero means today.
	Date time.Time `json:"date,omitzero"`
}

// Level is how deep a candidate code goes: "chapter", "heading" or
// "subheading".
type Level string

// The levels of a candidate.
const (
	LevelHeading    Level = "heading"
	LevelSubheading Level = "subheading"
)

// Candidate is one possible classification.
type Candidate struct {
	// Code is the bare digits, 4 or 6 of them.
	Code  string `json:"code"`
	Level Level  `json:"level"`
	// Score is the evidence weight behind the candidate: the sum of the
	// weights of the terms that support it. It orders candidates of one
	// result and is not a probability.
	Score float64 `json:"score"`
	// Evidence lists the matched terms and the attribute rules that
	// produced the candidate.
	Evidence []string `json:"evidence"`
}

// Control is one catalogue entry that covers the classification, with
// whether it applies to this line. Its JSON form is flat: the entry's
// fields, then applies and why.
type Control struct {
	// ControlEntry is shared by every result that names the entry at the
	// same code, so that a classification does not copy it; it must not be
	// modified.
	*ControlEntry
	Applies lists.Applicability `json:"applies"`
	// Why explains the answer: the threshold comparison, the category
	// keyword found, or what is missing to decide.
	Why string `json:"why"`
}

// ControlEntry is what the catalogue says of an entry matched at a code.
type ControlEntry struct {
	List         string           `json:"list"`
	Jurisdiction string           `json:"jurisdiction"`
	Kind         lists.Kind       `json:"kind"`
	Entry        string           `json:"entry"`
	Category     string           `json:"category"`
	Basis        lists.Basis      `json:"basis"`
	Confidence   lists.Confidence `json:"confidence"`
	Citation     string           `json:"citation"`
	Code         string           `json:"code"`
	Coverage     lists.Coverage   `json:"coverage"`
	Threshold    *lists.Threshold `json:"threshold,omitempty"`
}

// DeclaredCheck is the validation of a declared commodity code.
type DeclaredCheck struct {
	Input string `json:"input"`
	// Code is the parsed code as bare digits; empty when it does not parse.
	Code    string `json:"code,omitempty"`
	Level   string `json:"level,omitempty"`
	Edition string `json:"edition,omitempty"`
	Valid   bool   `json:"valid"`
	// Exists is "yes" or "no" when a nomenclature of the edition is
	// loaded, "unknown" otherwise.
	Exists string `json:"exists"`
	// HS2022 lists the HS 2022 codes a code of an older edition maps to.
	HS2022   []string `json:"hs2022,omitempty"`
	Problems []string `json:"problems,omitempty"`
}

// Kinds of [lists.Mismatch] the classifier reports.
const (
	// MismatchHeading: the description points to a heading the declared
	// code does not cover.
	MismatchHeading = "heading"
	// MismatchControlled: as MismatchHeading, and the described goods are
	// controlled by entries the declared code escapes — the mislabelling
	// red flag.
	MismatchControlled = "mislabelled-controlled"
	// MismatchRedFlag: the description has attributes of goods the lexicon
	// marks as a known disguise (a missile carrier described as a lumber
	// transporter), whatever the declared code.
	MismatchRedFlag = "red-flag"
	// MismatchSubheading: the description points to another subheading
	// of the declared heading; the line is judged under the declared
	// code.
	MismatchSubheading = "subheading"
)

// Luxury is the luxury judgement of a line, one of three states. It is
// derived from the controls and the review flag, in this order:
//
//   - [LuxuryYes]: at least one luxury-kind control applies (the line may
//     still need review for another reason);
//   - [LuxuryUnknown]: no luxury control applies and the line needs review:
//     the classifier abstained, a luxury control cannot be ruled out, or
//     the declared code is in doubt;
//   - [LuxuryNo]: the goods are placed, no luxury control applies or is
//     open, and nothing needs review.
//
// An abstention or anything that needs review is never LuxuryNo: a
// consumer treats LuxuryUnknown as review, never as no.
type Luxury string

// The three luxury states.
const (
	// LuxuryYes: a luxury control applies.
	LuxuryYes Luxury = "yes"
	// LuxuryNo: the goods are placed and no luxury control applies or is
	// open.
	LuxuryNo Luxury = "no"
	// LuxuryUnknown: no luxury control applies, and the line needs review.
	LuxuryUnknown Luxury = "unknown"
)

// Result is the classification of one Item. Its JSON field names are
// stable: other tools consume them.
type Result struct {
	ID string `json:"id"`
	// HS6 is the six-digit answer, or "" when the classifier abstains.
	// A heading-level answer is never padded to six digits.
	HS6        string      `json:"hs6"`
	Candidates []Candidate `json:"candidates"`
	Controls   []Control   `json:"controls"`
	// Luxury is the luxury judgement of the line: "yes", "no" or
	// "unknown" (see [Luxury]). It is a string, never a boolean, so that a
	// line nobody could judge is not read as false: a filter for lines to
	// stop or look at must keep every line that is not "no".
	Luxury      Luxury   `json:"luxury"`
	NeedsReview bool     `json:"needs_review"`
	Reasons     []string `json:"reasons"`
	// Notes are doubts about the code that need no review: which
	// subheading, or which of several headings, when every code left open
	// was judged and none is controlled as luxury, so the luxury answer is
	// the same whichever is right.
	Notes []string `json:"notes,omitempty"`
	// Attributes are the product attributes read from the description.
	Attributes []Attribute     `json:"attributes,omitempty"`
	Declared   *DeclaredCheck  `json:"declared,omitempty"`
	Mismatch   *lists.Mismatch `json:"mismatch,omitempty"`
}

// luxuryState is the state the controls and the review flag of a result
// give: the one place the invariant of [Luxury] is written.
func luxuryState(ctls []Control, needsReview bool) Luxury {
	for i := range ctls {
		if ctls[i].Kind == lists.Luxury && ctls[i].Applies == lists.Applies {
			return LuxuryYes
		}
	}
	if needsReview {
		return LuxuryUnknown
	}
	return LuxuryNo
}

func (r *Result) review(reason string) {
	r.NeedsReview = true
	for _, x := range r.Reasons {
		if x == reason {
			return
		}
	}
	r.Reasons = append(r.Reasons, reason)
}
