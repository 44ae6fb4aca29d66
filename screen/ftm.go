package screen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/luxscreen/luxscreen/party"
)

// ftmEntity is one line of a FollowTheMoney JSON-lines export, as
// OpenSanctions publishes them (entities.ftm.json): an id, a schema and
// multi-valued properties.
type ftmEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Datasets   []string            `json:"datasets"`
	Properties map[string][]string `json:"properties"`
}

// ParseFtM parses FollowTheMoney JSON lines. Person, Organization, Company,
// LegalEntity, Vessel and Airplane entities become entities; Sanction
// entities are joined to the entity they name and give its program, UN
// reference (unscId) and listing date; other schemas (addresses,
// ownerships, identifications…) are skipped, as they name no party. An
// entity's name, alias, previousName and weakAlias become primary, a.k.a.,
// f.k.a. and weak names.
func ParseFtM(r io.Reader) ([]Entity, error) {
	l, err := parseFtM(r)
	return l.Entities, err
}

func parseFtM(r io.Reader) (List, error) {
	l := List{Version: ListVersion{Source: "OpenSanctions", Format: FormatFtM}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	byID := make(map[string]int)
	var sanctions []ftmEntity
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var fe ftmEntity
		if err := json.Unmarshal([]byte(text), &fe); err != nil {
			return l, fmt.Errorf("line %d: %w", line, err)
		}
		if fe.ID == "" {
			return l, fmt.Errorf("line %d: id: empty", line)
		}
		var kind Kind
		switch fe.Schema {
		case "Person":
			kind = KindPerson
		case "Organization", "Company", "LegalEntity", "PublicBody":
			kind = KindOrganisation
		case "Vessel":
			kind = KindVessel
		case "Airplane":
			kind = KindAircraft
		case "Sanction":
			sanctions = append(sanctions, fe)
			continue
		default:
			continue
		}
		e := ftmToEntity(fe, kind)
		if len(e.Names) == 0 {
			return l, fmt.Errorf("line %d: %s: properties.name: empty", line, fe.ID)
		}
		byID[fe.ID] = len(l.Entities)
		l.Entities = append(l.Entities, e)
	}
	if err := sc.Err(); err != nil {
		return l, fmt.Errorf("line %d: %w", line+1, err)
	}
	for _, s := range sanctions {
		for _, target := range s.Properties["entity"] {
			i, ok := byID[target]
			if !ok {
				continue // the sanctioned entity is in another export
			}
			e := &l.Entities[i]
			for _, un := range s.Properties["unscId"] {
				e.Ref = un
			}
			for _, p := range s.Properties["program"] {
				if !contains(e.Programs, p) {
					e.Programs = append(e.Programs, p)
				}
			}
			if d := s.Properties["listingDate"]; len(d) > 0 && e.ListedOn == "" {
				e.ListedOn = d[0]
			}
		}
	}
	return l, nil
}

// ftmToEntity returns the entity of a FollowTheMoney party of kind kind.
func ftmToEntity(fe ftmEntity, kind Kind) Entity {
	p := fe.Properties
	e := Entity{ID: "OpenSanctions:" + fe.ID, Source: "OpenSanctions", Ref: fe.ID, Kind: kind}
	for _, pk := range []struct {
		prop string
		kind NameKind
	}{{"name", NamePrimary}, {"alias", NameAKA}, {"previousName", NameFKA}, {"weakAlias", NameWeak}} {
		for _, n := range p[pk.prop] {
			e.addName(strings.TrimSpace(n), pk.kind)
		}
	}
	for _, prop := range []string{"country", "nationality", "citizenship", "jurisdiction", "flag", "mainCountry"} {
		for _, c := range p[prop] {
			if prop == "nationality" || prop == "citizenship" {
				e.addNationality(c)
			} else {
				e.addCountry(c)
			}
		}
	}
	for _, b := range p["birthPlace"] {
		e.addBirthPlace(strings.TrimSpace(b))
	}
	for _, imo := range p["imoNumber"] {
		for _, x := range ExtractIMOs("IMO "+strings.TrimPrefix(strings.TrimSpace(imo), "IMO"), kind) {
			e.addIdentifier(x)
		}
	}
	for _, pt := range []struct {
		prop string
		typ  IDType
	}{{"swiftBic", IDSWIFT}, {"registrationNumber", IDRegistration}, {"mmsi", IDMMSI}, {"callSign", IDCallSign}, {"passportNumber", IDPassport}} {
		for _, v := range p[pt.prop] {
			e.addIdentifier(Identifier{Type: pt.typ, Value: v})
		}
	}
	e.DatesOfBirth = append(e.DatesOfBirth, p["birthDate"]...)
	e.Programs = append(e.Programs, p["program"]...)
	e.Remarks = strings.Join(p["notes"], " ")
	e.Positions = append(e.Positions, p["position"]...)
	if kind == KindVessel {
		v := party.Vessel{Type: first(p["type"]), Flag: first(p["flag"]), Tonnage: first(p["tonnage"]), GrossTonnage: first(p["grossRegisteredTonnage"])}
		if v != (party.Vessel{}) {
			e.Vessel = &v
		}
	}
	if g := p["gender"]; len(g) > 0 {
		e.Gender = strings.ToLower(strings.TrimSpace(g[0]))
	}
	return e
}

// first returns the first value of a property, or "".
func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return strings.TrimSpace(vs[0])
}
