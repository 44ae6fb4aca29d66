package screen

import (
	"strconv"

	"github.com/luxscreen/luxscreen/party"
)

// Kind is the kind of a designated party; see [party.Kind].
type Kind = party.Kind

// Entity kinds. A list entry whose kind the source does not state is
// KindUnknown and is screened against every query kind.
const (
	KindUnknown      = party.KindUnknown
	KindOrganisation = party.KindOrganisation
	KindPerson       = party.KindPerson
	KindVessel       = party.KindVessel
	KindAircraft     = party.KindAircraft
)

// ParseKind parses the CLI and JSON spellings of a kind; see
// [party.ParseKind].
func ParseKind(s string) (Kind, bool) { return party.ParseKind(s) }

// NameKind says what a name is to its entity; see [party.NameKind].
type NameKind = party.NameKind

// Name kinds. Weak names are the lists' low-quality aliases (UN "Low", OFAC
// and EU weak a.k.a.); a hit on one alone is never a match, only a review.
const (
	NamePrimary        = party.NamePrimary
	NameAKA            = party.NameAKA
	NameFKA            = party.NameFKA
	NameWeak           = party.NameWeak
	NameOriginalScript = party.NameOriginalScript
)

// Name is one name of an entity as the list writes it; see
// [party.ListedName].
type Name = party.ListedName

// IDType is the type of an identifier; see [party.IDType].
type IDType = party.IDType

// Identifier types. Ship and company IMO numbers use different check
// digits (see ValidShipIMO and ValidCompanyIMO) and are kept apart:
// a shipping company's IMO number never identifies a ship.
const (
	IDShipIMO      = party.IDShipIMO
	IDCompanyIMO   = party.IDCompanyIMO
	IDIMOUnchecked = party.IDIMOUnchecked
	IDRegistration = party.IDRegistration
	IDSWIFT        = party.IDSWIFT
	IDPassport     = party.IDPassport
	IDNationalID   = party.IDNationalID
	IDCallSign     = party.IDCallSign
	IDMMSI         = party.IDMMSI
	IDOther        = party.IDOther
)

// Identifier is a number that identifies an entity; see
// [party.ListedID].
type Identifier = party.ListedID

// Address is a listed address; see [party.Address].
type Address = party.Address

// Entity is one designated party on one list.
type Entity struct {
	// ID is unique across loaded lists: the source and its reference,
	// for example "UN:KPe.001" or "OFAC:9345".
	ID string `json:"id"`
	// Source names the list ("UN", "OFAC", "EU", "UK", "OpenSanctions",
	// "demo").
	Source string `json:"source"`
	// Ref is the list's own reference: UN KPe.001/KPi.001, the OFAC
	// ent_num, the EU logical id or EU reference number, the UK unique id.
	Ref  string `json:"ref"`
	Kind Kind   `json:"kind"`
	// Names holds the primary name first, then aliases in list order.
	Names       []Name       `json:"names"`
	Identifiers []Identifier `json:"identifiers,omitempty"`
	// Countries are the countries the list associates with the entity
	// (address, nationality, flag), as the list writes them.
	Countries []string `json:"countries,omitempty"`
	// Nationalities are the nationalities and citizenships the list gives
	// a person, as the list writes them (UN NATIONALITY, OFAC "nationality"
	// and "citizen", EU citizenship, UK "Nationality(/ies)", FtM
	// nationality and citizenship). Each is also one of Countries; they are
	// kept apart because a nationality corroborates a person where an
	// address country may not.
	Nationalities []string `json:"nationalities,omitempty"`
	// BirthPlaces are a person's places of birth as the list writes them,
	// the parts joined from the most to the least specific ("Musan, North
	// Hamgyo'ng Province, Democratic People's Republic of Korea").
	BirthPlaces  []string  `json:"birth_places,omitempty"`
	Addresses    []Address `json:"addresses,omitempty"`
	Programs     []string  `json:"programs,omitempty"`
	ListedOn     string    `json:"listed_on,omitempty"`
	DatesOfBirth []string  `json:"dates_of_birth,omitempty"`
	Remarks      string    `json:"remarks,omitempty"`
	// Gender is a person's gender as the list gives it, lower case
	// ("male", "female"), or "".
	Gender string `json:"gender,omitempty"`
	// Positions are a person's titles and functions as the list writes
	// them (UN DESIGNATION, OFAC Title, FtM position).
	Positions []string `json:"positions,omitempty"`
	// Vessel are a ship's particulars, or nil.
	Vessel *party.Vessel `json:"vessel,omitempty"`
}

// Facts returns what the list says about e, for a hit. The slices are
// e's own, not copies: the entities of a loaded list never change.
func (e *Entity) Facts() party.Facts {
	return party.Facts{
		Names:         e.Names,
		BirthDates:    e.DatesOfBirth,
		BirthPlaces:   e.BirthPlaces,
		Nationalities: e.Nationalities,
		Gender:        e.Gender,
		Addresses:     e.Addresses,
		Countries:     e.Countries,
		Identifiers:   e.Identifiers,
		Programs:      e.Programs,
		Positions:     e.Positions,
		Vessel:        e.Vessel,
		ListedOn:      e.ListedOn,
		Remarks:       e.Remarks,
	}
}

// PrimaryName returns the entity's first primary name, or its first name.
func (e *Entity) PrimaryName() string {
	for _, n := range e.Names {
		if n.Kind == NamePrimary {
			return n.Value
		}
	}
	if len(e.Names) > 0 {
		return e.Names[0].Value
	}
	return ""
}

// addCountry appends c unless it is empty or already present.
func (e *Entity) addCountry(c string) {
	if c == "" {
		return
	}
	for _, x := range e.Countries {
		if x == c {
			return
		}
	}
	e.Countries = append(e.Countries, c)
}

// addNationality appends a nationality unless it is empty or already
// present, and adds it to the countries.
func (e *Entity) addNationality(c string) {
	if c == "" {
		return
	}
	if !contains(e.Nationalities, c) {
		e.Nationalities = append(e.Nationalities, c)
	}
	e.addCountry(c)
}

// addBirthPlace appends a place of birth unless it is empty or already
// present.
func (e *Entity) addBirthPlace(p string) {
	if p != "" && !contains(e.BirthPlaces, p) {
		e.BirthPlaces = append(e.BirthPlaces, p)
	}
}

// addAddress appends a unless every field is empty, and adds its
// country.
func (e *Entity) addAddress(a Address) {
	if a != (Address{}) {
		e.Addresses = append(e.Addresses, a)
	}
	e.addCountry(a.Country)
}

// addIdentifier appends id unless an identical one is present.
func (e *Entity) addIdentifier(id Identifier) {
	for _, x := range e.Identifiers {
		if x.Type == id.Type && x.Value == id.Value {
			return
		}
	}
	e.Identifiers = append(e.Identifiers, id)
}

// addName appends a name unless it is empty or the same value is present.
func (e *Entity) addName(value string, kind NameKind) {
	if value == "" {
		return
	}
	for _, n := range e.Names {
		if n.Value == value {
			return
		}
	}
	e.Names = append(e.Names, Name{Value: value, Kind: kind})
}

// maxBirthRange bounds the birth years a range of the lists stands for:
// the UN and OFAC ranges span at most six years ("BETWEEN 1967 and 1969",
// "DOB 1944 to 1946"), and a wider one is more likely a typing error than
// a range, so only its ends are kept.
const maxBirthRange = 20

// yearRange returns the birth years a list's range stands for, every year
// from from to to, so that each of them meets a query's year and a reader
// sees the range whole; or the non-empty ends when either is not a year or
// the range is reversed or wider than maxBirthRange.
func yearRange(from, to string) []string {
	f, ferr := strconv.Atoi(from)
	t, terr := strconv.Atoi(to)
	if ferr != nil || terr != nil || len(from) != 4 || len(to) != 4 || t < f || t-f > maxBirthRange {
		var out []string
		for _, v := range []string{from, to} {
			if v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	out := make([]string, 0, t-f+1)
	for y := f; y <= t; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}
