package party

import (
	"slices"
	"strings"
)

// Kind is the kind of a party: an organisation, a person, a vessel or an
// aircraft.
type Kind string

// Kinds. KindUnknown compares with every kind: a query that does not say
// what it is, or a listed entry whose list does not say.
const (
	KindUnknown      Kind = ""
	KindOrganisation Kind = "organisation"
	KindPerson       Kind = "person"
	KindVessel       Kind = "vessel"
	KindAircraft     Kind = "aircraft"
)

// ParseKind parses the command-line and JSON spellings of a kind: "org",
// "organisation", "organization", "entity", "company", "legalentity",
// "person", "individual", "vessel", "ship", "aircraft" and "" (any). It
// reports false for anything else.
func ParseKind(s string) (Kind, bool) {
	switch s {
	case "":
		return KindUnknown, true
	case "org", "organisation", "organization", "entity", "company", "legalentity":
		return KindOrganisation, true
	case "person", "individual":
		return KindPerson, true
	case "vessel", "ship":
		return KindVessel, true
	case "aircraft":
		return KindAircraft, true
	}
	return KindUnknown, false
}

// Compatible reports whether a query of kind k may be compared with a
// listed entity of kind listed.
func (k Kind) Compatible(listed Kind) bool {
	return k == KindUnknown || listed == KindUnknown || k == listed
}

// IDType is the type of an identifier.
type IDType string

// Identifier types. Ship and company IMO numbers use different check
// digits and are kept apart on listed entities: a shipping company's IMO
// number never identifies a ship. A query may give an IMO number without
// saying which it is (IDIMO).
const (
	IDIMO          IDType = "imo"
	IDShipIMO      IDType = "imo_ship"
	IDCompanyIMO   IDType = "imo_company"
	IDIMOUnchecked IDType = "imo_unchecked"
	IDRegistration IDType = "registration"
	IDSWIFT        IDType = "swift"
	IDPassport     IDType = "passport"
	IDNationalID   IDType = "national_id"
	IDCallSign     IDType = "call_sign"
	IDMMSI         IDType = "mmsi"
	IDOther        IDType = "other"
)

// IsIMO reports whether t is one of the IMO number types.
func (t IDType) IsIMO() bool {
	switch t {
	case IDIMO, IDShipIMO, IDCompanyIMO, IDIMOUnchecked:
		return true
	}
	return false
}

// Identifier is a number that identifies a party.
type Identifier struct {
	Type  IDType `json:"type"`
	Value string `json:"value"`
}

// Entity is a party or vessel to screen: everything a document says about
// it. Every field but one name or one identifier may be empty.
type Entity struct {
	// Names are the names the party goes by on the documents, in any
	// script; the best-matching one decides each hit.
	Names []string `json:"names"`
	// Kind restricts the listed entities compared; KindUnknown compares
	// all.
	Kind Kind `json:"kind,omitempty"`
	// BirthDates are a person's dates of birth, "YYYY", "YYYY-MM" or
	// "YYYY-MM-DD".
	BirthDates []string `json:"birth_dates,omitempty"`
	// Countries are the party's countries (address, nationality, flag),
	// as names or ISO codes.
	Countries []string `json:"countries,omitempty"`
	// Identifiers are its numbers, such as IMO numbers.
	Identifiers []Identifier `json:"identifiers,omitempty"`
}

// New returns the entity most callers have: one name, a kind, a country,
// an IMO number and a date of birth, any of them empty. Empty values are
// left out.
func New(name string, kind Kind, country, imo, dob string) Entity {
	e := Entity{Kind: kind}
	e.AddName(name)
	e.Countries = appendNew(e.Countries, country)
	e.BirthDates = appendNew(e.BirthDates, dob)
	if imo = strings.TrimSpace(imo); imo != "" {
		e.Identifiers = append(e.Identifiers, Identifier{Type: IDIMO, Value: imo})
	}
	return e
}

// AddName appends a name unless it is blank or already present, ignoring
// case.
func (e *Entity) AddName(name string) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	for _, n := range e.Names {
		if strings.EqualFold(n, name) {
			return
		}
	}
	e.Names = append(e.Names, name)
}

// IMOs returns the values of the entity's IMO identifiers.
func (e *Entity) IMOs() []string {
	var out []string
	for _, id := range e.Identifiers {
		if id.Type.IsIMO() {
			out = append(out, id.Value)
		}
	}
	return out
}

// Key returns a string that is equal for equal entities, for caches.
func (e *Entity) Key() string {
	var b strings.Builder
	for _, part := range [][]string{e.Names, {string(e.Kind)}, e.BirthDates, e.Countries} {
		b.WriteString(strings.Join(part, "\x1f"))
		b.WriteByte('\x1e')
	}
	for _, id := range e.Identifiers {
		b.WriteString(string(id.Type) + "\x1f" + id.Value + "\x1f")
	}
	return b.String()
}

func appendNew(to []string, v string) []string {
	v = strings.TrimSpace(v)
	if v == "" || slices.Contains(to, v) {
		return to
	}
	return append(to, v)
}

// Names of the hit features that keep a hit from deciding a match alone:
// the hit calls for review at most, whatever its score. The screener adds
// them; their parameters are in the screening weights file.
const (
	// FeatureWeakAlias: the hit is through a weak alias (UN "Low", OFAC
	// and EU weak a.k.a.), which OFAC warns produce false hits.
	FeatureWeakAlias = "weak_alias"
	// FeatureUncorroborated: a person's common name (a common surname
	// with one given name, or with common given names only) without an
	// agreeing birth date, identifier or nationality, or a short company
	// name not written as listed whose party gives no country. Lists
	// name several different people KIM, Yong Chol, and short company
	// names recur from country to country.
	FeatureUncorroborated = "uncorroborated"
	// FeatureBirthYearDisjoint: every listed birth year of the person is
	// further from the party's than the configured gap. The lists' dates
	// can be wrong and designated persons use false papers, so a person
	// must look; the name alone cannot decide.
	FeatureBirthYearDisjoint = "birth_year_disjoint"
	// FeatureOtherCountry: an organisation with a short name (a
	// distinctive word and a business word) whose party writes from
	// countries the list does not give it. Short company names recur
	// from country to country.
	FeatureOtherCountry = "other_country"
)

// capsAtReview reports whether a hit feature of this name keeps the hit
// from deciding a match alone.
func capsAtReview(feature string) bool {
	switch feature {
	case FeatureWeakAlias, FeatureUncorroborated, FeatureBirthYearDisjoint, FeatureOtherCountry:
		return true
	}
	return false
}

// Matches reports whether the hit reaches threshold through a name that
// may decide alone: a weak alias, an uncorroborated common name, a person
// born in years far from the party's or a short company name in another
// country can only call for review (see [FeatureWeakAlias],
// [FeatureUncorroborated], [FeatureBirthYearDisjoint],
// [FeatureOtherCountry]).
func (h *Hit) Matches(threshold float64) bool {
	if h.Score < threshold || h.MatchedKind == NameWeak {
		return false
	}
	for _, f := range h.Features {
		if capsAtReview(f.Feature) {
			return false
		}
	}
	return true
}

// Decide is the verdict on hits and reasons: match when a hit matches at
// t.Match (see [Hit.Matches]); review when a hit reaches t.Review or when
// there is any reason, since a reason says the entity was not wholly
// compared; clear otherwise. It is the one verdict rule of screening.
func Decide(hits []Hit, reasons []Feature, t Thresholds) Verdict {
	review := len(reasons) > 0
	for i := range hits {
		if hits[i].Matches(t.Match) {
			return Match
		}
		review = review || hits[i].Score >= t.Review
	}
	if review {
		return Review
	}
	return Clear
}
