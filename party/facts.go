package party

import (
	"fmt"
	"strconv"
	"strings"
)

// ListedName is one name of a listed party as its list writes it, with
// what the name is to the party: primary, a.k.a., f.k.a., weak (the
// lists' low-quality aliases) or original script.
type ListedName struct {
	Value string   `json:"value"`
	Kind  NameKind `json:"kind"`
}

// ListedID is an identifier of a listed party: its type, its value as the
// list writes it, the issuing country when the list gives one, and the
// list's own words for it (document type, issue or expiry date) in Note.
type ListedID struct {
	Type    IDType `json:"type"`
	Value   string `json:"value"`
	Country string `json:"country,omitempty"`
	Note    string `json:"note,omitempty"`
}

// Address is a listed address; fields the list leaves empty stay empty.
type Address struct {
	Street     string `json:"street,omitempty"`
	City       string `json:"city,omitempty"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
	Country    string `json:"country,omitempty"`
}

// Facts are what a list says about a listed party, as the list writes it,
// for the person who settles a hit: every name with its kind, birth dates
// and places, nationalities, addresses and countries, identifiers,
// programmes, positions, the designation date and the remarks.
//
// The slices of a hit's Facts share their arrays with the loaded list,
// which never changes once loaded: a screening copies no facts, and a
// caller must not modify them.
type Facts struct {
	// Names are the primary name first, then the aliases in list order.
	Names []ListedName `json:"names"`
	// BirthDates are "YYYY", "YYYY-MM" or "YYYY-MM-DD", or as the list
	// writes them when it uses another form.
	BirthDates    []string `json:"birth_dates,omitempty"`
	BirthPlaces   []string `json:"birth_places,omitempty"`
	Nationalities []string `json:"nationalities,omitempty"`
	// Gender is the person's gender as the list gives it ("male",
	// "female"), or "".
	Gender    string    `json:"gender,omitempty"`
	Addresses []Address `json:"addresses,omitempty"`
	// Countries are every country the list associates with the party:
	// address, nationality, flag.
	Countries   []string   `json:"countries,omitempty"`
	Identifiers []ListedID `json:"identifiers,omitempty"`
	// Programs are the sanctions programmes or regimes ("DPRK", "NPWMD",
	// "DPRK2").
	Programs []string `json:"programs,omitempty"`
	// Positions are a person's titles and functions (UN DESIGNATION, OFAC
	// Title).
	Positions []string `json:"positions,omitempty"`
	// Vessel are a ship's particulars, nil for other parties.
	Vessel *Vessel `json:"vessel,omitempty"`
	// ListedOn is the designation date as the list gives it, or "".
	ListedOn string `json:"listed_on,omitempty"`
	// Remarks are the remarks of the hit's own entry; the other entries'
	// are on their References.
	Remarks string `json:"remarks,omitempty"`
}

// Vessel are a listed ship's particulars as the list writes them (OFAC
// Vess_type, Vess_flag, Tonnage, GRT and Vess_owner; FtM type, flag,
// tonnage and grossRegisteredTonnage), each possibly empty. A reviewer
// compares them with the bill of lading's vessel.
type Vessel struct {
	Type         string `json:"type,omitempty"`
	Flag         string `json:"flag,omitempty"`
	Tonnage      string `json:"tonnage,omitempty"`
	GrossTonnage string `json:"gross_tonnage,omitempty"`
	Owner        string `json:"owner,omitempty"`
}

// Reference is one list entry a hit stands for: the list, the list's own
// reference and the entity ID, and the version of the list file that
// carried it.
type Reference struct {
	// Entity is the entry's ID across the loaded lists ("UN:KPe.001").
	Entity string `json:"entity"`
	// List is the list source ("UN", "OFAC").
	List string `json:"list"`
	// Ref is the list's own reference (KPe.001, OFAC ent_num).
	Ref string `json:"ref"`
	// Name is the entry's primary name.
	Name string `json:"name"`
	// ListVersion is the SHA-256 of the list file, one of the result's
	// ListVersions.
	ListVersion string `json:"list_version,omitempty"`
	// Published is the publication date the list file states, or "".
	Published string `json:"published,omitempty"`
	// ListedOn is the entry's designation date on this list, or "".
	ListedOn string `json:"listed_on,omitempty"`
	// SameAs is, for every reference but the first, the evidence that the
	// entry is the same party as the first: a shared identifier ("passport
	// 472220033") or name ("name KIM JONG SIK, born 1967").
	SameAs string `json:"same_as,omitempty"`
	// Remarks are, for every reference but the first, the entry's own
	// remarks (the first entry's are the hit's Listed.Remarks).
	Remarks string `json:"remarks,omitempty"`
}

// summaryIDs is how many identifiers a summary names before counting the
// rest: enough for a passport or an IMO number, short enough for a line.
const summaryIDs = 3

// RefsLine renders the list entries a hit stands for on one line: "UN
// KPe.001 = OFAC 9345", or "list ref" for a hit without references.
func RefsLine(list, ref string, refs []Reference) string {
	if len(refs) == 0 {
		return list + " " + ref
	}
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = r.List + " " + r.Ref
	}
	return strings.Join(parts, " = ")
}

// Summary renders the facts a reviewer settles a hit on, on one line,
// leaving out what the lists do not give: a person's birth dates and first
// place of birth and nationalities, another party's countries, the first
// identifiers, and the designation date ("born 1945-05-10 in Musan, …;
// nationality Korea, North / Democratic People's Republic of Korea;
// passport 736410010 (Korea, North); listed 2017-06-02"). Several values
// of one fact are joined with " / ", since the lists' own values hold
// commas ("Korea, North").
func (f *Facts) Summary(kind Kind) string {
	var parts []string
	if kind == KindPerson {
		if len(f.BirthDates) > 0 {
			born := "born " + strings.Join(f.BirthDates, " or ")
			if len(f.BirthPlaces) > 0 {
				born += " in " + f.BirthPlaces[0]
			}
			parts = append(parts, born)
		}
		if len(f.Nationalities) > 0 {
			parts = append(parts, "nationality "+strings.Join(f.Nationalities, " / "))
		}
	} else if len(f.Countries) > 0 {
		parts = append(parts, "country "+strings.Join(f.Countries, " / "))
	}
	for i, id := range f.Identifiers {
		if i == summaryIDs {
			parts = append(parts, fmt.Sprintf("%d more identifiers", len(f.Identifiers)-summaryIDs))
			break
		}
		s := id.Type.Label() + " " + id.Value
		if id.Country != "" {
			s += " (" + id.Country + ")"
		}
		parts = append(parts, s)
	}
	if f.ListedOn != "" {
		parts = append(parts, "listed "+f.ListedOn)
	}
	return strings.Join(parts, "; ")
}

// Summary renders a hit for people on one line: its references, the name
// that matched and its kind, and the facts of [Facts.Summary].
func (h *Hit) Summary() string {
	s := RefsLine(h.List, h.Ref, h.References) + ": matched " + strconv.Quote(h.MatchedName) + " (" + string(h.MatchedKind) + ")"
	if f := h.Listed.Summary(h.Kind); f != "" {
		s += "; " + f
	}
	return s
}

// Label names an identifier type for people: "passport", "ship IMO",
// "SWIFT/BIC".
func (t IDType) Label() string {
	switch t {
	case IDIMO, IDIMOUnchecked:
		return "IMO"
	case IDShipIMO:
		return "ship IMO"
	case IDCompanyIMO:
		return "company IMO"
	case IDNationalID:
		return "national ID"
	case IDSWIFT:
		return "SWIFT/BIC"
	case IDMMSI:
		return "MMSI"
	case IDCallSign:
		return "call sign"
	case IDRegistration:
		return "registration"
	case IDOther:
		return "ID"
	}
	return string(t)
}
