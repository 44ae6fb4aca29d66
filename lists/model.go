package lists

import (
	"slices"
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
	// Embargo lists ban, or subject to a licence, essentially all trade in
	// their direction, with the exceptions their instrument names (food,
	// medicine, humanitarian aid): Canada's permit regime, South Korea's
	// 2010 suspension of inter-Korean trade, Singapore's 2017 suspension of
	// commercial trade.
	Embargo Kind = "embargo"
)

// Kinds returns every kind of list, in the order they are documented.
func Kinds() []Kind { return []Kind{Luxury, Sectoral, CatchAll, Embargo} }

// GoodsKinds returns the kinds of list that control particular goods:
// every kind but the embargo, which covers all goods whatever they are,
// and so says nothing about a description or a flow.
func GoodsKinds() []Kind { return []Kind{Luxury, Sectoral, CatchAll} }

// Measure says what a list requires of the trade it covers.
type Measure string

// The measures a list imposes.
const (
	// Prohibition: the trade is banned (the default).
	Prohibition Measure = "prohibition"
	// Licence: the trade needs a licence, permit or approval for each
	// transaction, as South Korea's approval of carrying out to the North
	// or the US Export Administration Regulations' licence requirement.
	Licence Measure = "licence"
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
	// Tariff codes were read from an official tariff's code-level measure
	// (an EU TARIC measure, a UK Trade Tariff footnote) rather than from
	// the instrument: the authority applies them, the instrument does not
	// print them. Each carries a rationale naming the measure.
	Tariff Basis = "tariff"
	// Derived codes were mapped by us from the instrument's category text;
	// each carries a rationale.
	Derived Basis = "derived"
)

// Bases returns every basis, from the one closest to the law to the one
// furthest from it: the order reports group controls in.
func Bases() []Basis { return []Basis{Published, Tariff, Derived} }

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

// Confidences returns every confidence level, most trustworthy first.
func Confidences() []Confidence { return []Confidence{PrimaryText, SecondarySource, Recalled} }

// Short returns the basis in at most three letters, for tables: PUB,
// TAR, DER.
func (b Basis) Short() string {
	switch b {
	case Published:
		return "PUB"
	case Tariff:
		return "TAR"
	case Derived:
		return "DER"
	}
	return string(b)
}

// Short returns the confidence in at most three letters, for tables: PRI
// (primary text), SEC (secondary source), REC (recalled).
func (c Confidence) Short() string {
	switch c {
	case PrimaryText:
		return "PRI"
	case SecondarySource:
		return "SEC"
	case Recalled:
		return "REC"
	}
	return string(c)
}

// rank orders confidences from the most trustworthy (0) down.
func (c Confidence) rank() int {
	if i := slices.Index(Confidences(), c); i >= 0 {
		return i
	}
	return len(Confidences())
}

// Amendment is a later instrument that changed a list: an item added,
// a category replaced, a threshold set.
type Amendment struct {
	Reference string    `json:"reference"`
	Date      time.Time `json:"date"`
	Summary   string    `json:"summary"`
}

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
	Citation string `json:"citation"`
	Kind     Kind   `json:"kind"`
	// Measure is what the list requires: a prohibition or a licence.
	Measure   Measure   `json:"measure"`
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
	// Amendments are the later instruments that changed the list, oldest
	// first.
	Amendments []Amendment `json:"amendments,omitempty"`
	Entries    []*Entry    `json:"entries"`
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
	// AllGoods marks an entry that covers every good (an embargo's); its
	// Codes are then every chapter of the Harmonized System.
	AllGoods bool `json:"all_goods,omitempty"`
	// Except are the codes the entry does not cover although its Codes
	// do: an embargo's exemption of food or medicine.
	Except []Pattern `json:"except,omitempty"`
	// Exemptions are exceptions no code expresses, such as humanitarian
	// aid approved by a ministry.
	Exemptions []string `json:"exemptions,omitempty"`
	// DerivedFrom is the ID of another list whose derivation of the same
	// category this entry's codes copy, because only that wording is known
	// for it. Two entries derived from the same list agree by construction,
	// which [Compare] and [Gaps] say.
	DerivedFrom string `json:"derived_from,omitempty"`
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
