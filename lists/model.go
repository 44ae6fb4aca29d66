package lists

import (
	"time"

	"github.com/luxscreen/luxscreen/hs"
)

// Kind says what a list controls.
type Kind string

// The kinds of list.
const (
	// Luxury lists implement the UN ban on supplying luxury goods to the
	// DPRK (UNSCR 1718 (2006) paragraph 8(a)(iii)) or a national ban of that
	// name.
	Luxury Kind = "luxury"
	// Sectoral lists implement bans on whole classes of goods named by HS
	// chapter or heading, such as UNSCR 2397 (2017) paragraph 7.
	Sectoral Kind = "sectoral"
	// CatchAll lists are watch lists of goods below control thresholds that
	// the DPRK is known to seek; they call for review, not a ban.
	CatchAll Kind = "catch-all"
)

// Direction says which trade a list restricts.
type Direction string

// The directions of trade.
const (
	ExportTo   Direction = "export-to"   // supply, sale or transfer to the target
	ImportFrom Direction = "import-from" // procurement from the target
	Both       Direction = "both"
)

// Covers reports whether a list with direction d restricts trade in
// direction q. The empty q means any direction.
func (d Direction) Covers(q Direction) bool {
	return q == "" || q == Both || d == Both || d == q
}

// Basis says where an entry's codes come from.
type Basis string

// The bases of an entry's codes.
const (
	// Published codes are printed in the instrument itself.
	Published Basis = "published"
	// Derived codes were mapped by us from the instrument's category text;
	// each carries a rationale.
	Derived Basis = "derived"
)

// Confidence says how the transcription of an entry was checked.
type Confidence string

// The confidence levels of a transcription.
const (
	// PrimaryText: transcribed from the legal text or an official page.
	PrimaryText Confidence = "primary-text"
	// SecondarySource: from news, NGO or practitioner reports of the text.
	SecondarySource Confidence = "secondary-source"
	// Recalled: from background knowledge, not yet seen in a source.
	Recalled Confidence = "recalled"
)

// Instrument identifies the legal text that imposes a list.
type Instrument struct {
	Name      string    `json:"name"`      // e.g. "UN Security Council resolution 2270 (2016)"
	Reference string    `json:"reference"` // official symbol, e.g. "S/RES/2270 (2016)"
	Date      time.Time `json:"date"`      // adoption or signature date
	URL       string    `json:"url,omitempty"`
}

// Period is the time a list or entry is in force: from From (inclusive)
// until Until (exclusive). A zero Until means still in force.
type Period struct {
	From  time.Time  `json:"from"`
	Until *time.Time `json:"until,omitempty"`
}

// Contains reports whether t falls in the period. The zero t means "at any
// time" and is always contained.
func (p Period) Contains(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	if t.Before(p.From) {
		return false
	}
	return p.Until == nil || t.Before(*p.Until)
}

// List is one control list: a luxury-goods list, a sectoral ban or a watch
// list, as imposed by one instrument of one jurisdiction.
type List struct {
	ID string `json:"id"`
	// Jurisdiction is "UN", "EU" or the ISO 3166-1 alpha-2 code of the state
	// ("GB" for the United Kingdom).
	Jurisdiction string     `json:"jurisdiction"`
	Title        string     `json:"title"`
	Instrument   Instrument `json:"instrument"`
	// Citation is the provision that imposes the control, e.g. "paragraph 39
	// and Annex V".
	Citation  string    `json:"citation"`
	Kind      Kind      `json:"kind"`
	Direction Direction `json:"direction"`
	// Target is the ISO 3166-1 alpha-2 code of the country controlled: KP.
	Target  string `json:"target"`
	InForce Period `json:"in_force"`
	// SourceURL is where the text was read, when it differs from the
	// instrument's URL (a consolidated version, an official guidance page).
	SourceURL string `json:"source_url,omitempty"`
	// AsOf is the date the transcription was last checked against its
	// source.
	AsOf       time.Time  `json:"as_of"`
	Confidence Confidence `json:"confidence"`
	Notes      string     `json:"notes,omitempty"`
	Entries    []*Entry   `json:"entries"`
	// File is the name of the YAML file the list was read from.
	File string `json:"file,omitempty"`
}

// Entry is one controlled category of a list.
type Entry struct {
	ID string `json:"id"`
	// ListID is the ID of the list the entry belongs to.
	ListID   string `json:"list"`
	Category string `json:"category"`
	// Citation locates the entry in the instrument, e.g. "Annex V, item (a)".
	Citation   string     `json:"citation"`
	Basis      Basis      `json:"basis"`
	Confidence Confidence `json:"confidence"`
	Codes      []Pattern  `json:"codes"`
	// Keywords are words of the category text that identify its goods in a
	// product description: an "ex" or partial entry applies when the
	// description names one ([Catalogue.Judge]). They are the only category
	// keywords; the classifier's lexicon maps descriptions to headings and
	// does not decide whether a description names an entry's category.
	Keywords  []string   `json:"keywords,omitempty"`
	Threshold *Threshold `json:"threshold,omitempty"`
	// InForce is the period the entry is in force. It lies within the
	// list's period; an entry added by a later amendment starts later.
	InForce Period `json:"in_force"`
	Notes   string `json:"notes,omitempty"`
}

// Pattern is a commodity code an entry covers, with every code below it.
type Pattern struct {
	Code hs.Code `json:"code"`
	// Ex marks an "ex" code: only part of the goods under the code are
	// controlled, those the entry's category describes.
	Ex bool `json:"ex,omitempty"`
	// Edition is the nomenclature the code is written in.
	Edition hs.Edition `json:"edition"`
	// Rationale says why a derived code was chosen; it is empty for codes
	// published in the instrument.
	Rationale string `json:"rationale,omitempty"`
}

// Threshold is a value above which an entry applies: the control covers
// goods valued more than Amount in Currency per PerQuantity of Per.
type Threshold struct {
	Amount float64 `json:"amount"`
	// Currency is the ISO 4217 code the instrument uses. Conversion needs
	// rates the caller supplies; the catalogue never converts.
	Currency string `json:"currency"`
	// Per is the unit the amount applies to: item, kg, litre, animal, pair,
	// set.
	Per Unit `json:"per"`
	// PerQuantity is how many units of Per the amount is for: 1.5 for "per
	// 1.5 kg". It is 1 unless the instrument says otherwise.
	PerQuantity float64 `json:"per_quantity"`
	// Inclusive is set where the instrument says "at least" or "or more";
	// the default is "greater than".
	Inclusive bool   `json:"inclusive,omitempty"`
	Note      string `json:"note,omitempty"`
}

// Exceeds reports whether a unit value (in the threshold's currency, per one
// PerQuantity of Per) is above the threshold.
func (t Threshold) Exceeds(unitValue float64) bool {
	if t.Inclusive {
		return unitValue >= t.Amount
	}
	return unitValue > t.Amount
}

// Unit is a unit of quantity a threshold applies to.
type Unit string

// The units thresholds are stated in.
const (
	Item   Unit = "item"
	Kg     Unit = "kg"
	Gram   Unit = "g"
	Litre  Unit = "litre"
	Animal Unit = "animal"
	Pair   Unit = "pair"
	Set    Unit = "set"
	Carat  Unit = "carat"
	M2     Unit = "m2"
)

func units() []Unit { return []Unit{Item, Kg, Gram, Litre, Animal, Pair, Set, Carat, M2} }
