package server

import (
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/party"
)

// matchProperties returns the FollowTheMoney properties of a hit for
// newEntityResponse, which renders every yente entity: its names by kind and the listed party's facts under the
// property names FtM gives them (Thing, LegalEntity, Person, Vessel), so
// that a yente client reads birth dates, nationalities and identifiers
// where it expects them. Values are as the lists write them: countries,
// for instance, are names such as "Korea, North", not ISO codes.
func matchProperties(h *party.Hit) map[string][]string {
	p := make(map[string][]string)
	add := func(key string, vs ...string) {
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" && !slices.Contains(p[key], v) {
				p[key] = append(p[key], v)
			}
		}
	}
	add(propName, h.Name)
	for _, r := range h.References {
		add(propName, r.Name)
	}
	f := &h.Listed
	for _, n := range f.Names {
		add(nameProperty(n.Kind), n.Value)
	}
	// The matched name is named whatever the facts hold, as before facts
	// were carried.
	if h.MatchedName != "" && !strings.EqualFold(h.MatchedName, h.Name) {
		add(nameProperty(h.MatchedKind), h.MatchedName)
	}
	if h.Kind == party.KindPerson {
		add("birthDate", f.BirthDates...)
		add("birthPlace", f.BirthPlaces...)
		add("nationality", f.Nationalities...)
		add("gender", f.Gender)
		add("position", f.Positions...)
	}
	add("country", f.Countries...)
	for _, a := range f.Addresses {
		add("address", joinAddress(a))
	}
	for _, id := range f.Identifiers {
		add(idProperty(id.Type), id.Value)
	}
	add("program", f.Programs...)
	add("notes", f.Remarks)
	for _, r := range h.References {
		add("notes", r.Remarks)
	}
	add("createdAt", f.ListedOn)
	if v := f.Vessel; v != nil {
		add("type", v.Type)
		add("flag", v.Flag)
		add("tonnage", v.Tonnage)
		add("grossRegisteredTonnage", v.GrossTonnage)
	}
	for _, r := range h.References {
		if isSanctionsSource(r.List) {
			add("topics", "sanction")
		}
	}
	if len(h.References) == 0 && isSanctionsSource(h.List) {
		add("topics", "sanction")
	}
	return p
}

// nameProperty is the FtM property of a listed name of kind k.
func nameProperty(k party.NameKind) string {
	switch k {
	case party.NamePrimary:
		return propName
	case party.NameFKA:
		return "previousName"
	case party.NameWeak:
		return "weakAlias"
	}
	return "alias"
}

// idProperty is the FtM property of an identifier of type t.
func idProperty(t party.IDType) string {
	switch t {
	case party.IDIMO, party.IDShipIMO, party.IDCompanyIMO, party.IDIMOUnchecked:
		return "imoNumber"
	case party.IDPassport:
		return "passportNumber"
	case party.IDSWIFT:
		return "swiftBic"
	case party.IDRegistration:
		return "registrationNumber"
	case party.IDMMSI:
		return "mmsi"
	case party.IDCallSign:
		return "callSign"
	}
	return "idNumber"
}

// joinAddress writes an address on one line, as FtM's address property
// holds it.
func joinAddress(a party.Address) string {
	var parts []string
	for _, s := range []string{a.Street, a.City, a.Region, a.PostalCode, a.Country} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// matchDatasets returns the datasets of every list entry a hit stands
// for, and the IDs of the entries besides its own: yente's referents.
func matchDatasets(h *party.Hit) (datasets, referents []string) {
	datasets = []string{datasetOf(h.List)}
	referents = []string{}
	for _, r := range h.References {
		if ds := datasetOf(r.List); !slices.Contains(datasets, ds) {
			datasets = append(datasets, ds)
		}
		if r.Entity != h.Entity {
			referents = append(referents, r.Entity)
		}
	}
	return datasets, referents
}

// hitEntries returns the list entries a hit stands for as (entity ID,
// list source) pairs: its References, or its own entry for a hit that
// carries none.
func hitEntries(h *party.Hit) [][2]string {
	if len(h.References) == 0 {
		return [][2]string{{h.Entity, h.List}}
	}
	out := make([][2]string, len(h.References))
	for i, r := range h.References {
		out[i] = [2]string{r.Entity, r.List}
	}
	return out
}
