package screen

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/luxscreen/luxscreen/party"
)

// ofacEntry is one sdnEntry of OFAC's SDN.XML (schema sdn.xsd, published
// with the list at sanctionslistservice.ofac.treas.gov).
type ofacEntry struct {
	UID       string   `xml:"uid"`
	LastName  string   `xml:"lastName"`
	FirstName string   `xml:"firstName"`
	Type      string   `xml:"sdnType"`
	Title     string   `xml:"title"`
	Remarks   string   `xml:"remarks"`
	Programs  []string `xml:"programList>program"`
	IDs       []struct {
		Type    string `xml:"idType"`
		Number  string `xml:"idNumber"`
		Country string `xml:"idCountry"`
	} `xml:"idList>id"`
	AKAs []struct {
		Type      string `xml:"type"`
		Category  string `xml:"category"`
		LastName  string `xml:"lastName"`
		FirstName string `xml:"firstName"`
	} `xml:"akaList>aka"`
	Addresses []struct {
		Address1 string `xml:"address1"`
		Address2 string `xml:"address2"`
		Address3 string `xml:"address3"`
		City     string `xml:"city"`
		State    string `xml:"stateOrProvince"`
		Postal   string `xml:"postalCode"`
		Country  string `xml:"country"`
	} `xml:"addressList>address"`
	Nationalities []string `xml:"nationalityList>nationality>country"`
	Citizenships  []string `xml:"citizenshipList>citizenship>country"`
	Births        []string `xml:"dateOfBirthList>dateOfBirthItem>dateOfBirth"`
	BirthPlaces   []string `xml:"placeOfBirthList>placeOfBirthItem>placeOfBirth"`
	Vessel        struct {
		CallSign string `xml:"callSign"`
		Type     string `xml:"vesselType"`
		Flag     string `xml:"vesselFlag"`
		Owner    string `xml:"vesselOwner"`
		Tonnage  string `xml:"tonnage"`
		GRT      string `xml:"grossRegisteredTonnage"`
	} `xml:"vesselInfo"`
}

// ParseOFACXML parses OFAC's SDN.XML. Names are written "LAST, First" for
// individuals, as in the CSV files; weak aliases (category "weak") become
// NameWeak; "Vessel Registration Identification" and other IMO identifiers
// are typed by their check digit.
func ParseOFACXML(r io.Reader) ([]Entity, error) {
	l, err := parseOFACXML(r)
	return l.Entities, err
}

func parseOFACXML(r io.Reader) (List, error) {
	l := List{Version: ListVersion{Source: "OFAC", Format: FormatOFACXML}}
	err := decodeRecords(r, "sdnList", "sdnEntry", nil, func(line int, e *ofacEntry) error {
		uid := strings.TrimSpace(e.UID)
		if uid == "" {
			return fmt.Errorf("uid: empty")
		}
		name := ofacName(e.LastName, e.FirstName)
		if name == "" {
			return fmt.Errorf("uid %s: lastName: empty", uid)
		}
		ent := Entity{ID: "OFAC:" + uid, Source: "OFAC", Ref: uid, Kind: ofacKind(strings.TrimSpace(e.Type)), Remarks: strings.TrimSpace(e.Remarks)}
		ent.addName(name, NamePrimary)
		if t := strings.TrimSpace(e.Title); t != "" {
			ent.Positions = append(ent.Positions, t)
		}
		if m := ofacGender.FindStringSubmatch(ent.Remarks); m != nil {
			ent.Gender = strings.ToLower(m[1])
		}
		for _, p := range e.Programs {
			if p = strings.TrimSpace(p); p != "" {
				ent.Programs = append(ent.Programs, p)
			}
		}
		for _, a := range e.AKAs {
			kind := NameAKA
			switch {
			case strings.EqualFold(strings.TrimSpace(a.Category), "weak"):
				kind = NameWeak
			case strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Type)), "f.k.a"):
				kind = NameFKA
			}
			ent.addName(ofacName(a.LastName, a.FirstName), kind)
		}
		for _, id := range e.IDs {
			typ, num := strings.TrimSpace(id.Type), strings.TrimSpace(id.Number)
			if num == "" {
				continue
			}
			switch {
			case strings.Contains(typ, "IMO") || typ == "Vessel Registration Identification":
				if imos := ExtractIMOs("IMO "+strings.TrimPrefix(num, "IMO "), ent.Kind); len(imos) > 0 {
					for _, x := range imos {
						ent.addIdentifier(x)
					}
					continue
				}
				ent.addIdentifier(Identifier{Type: IDRegistration, Value: num, Note: typ})
			case strings.HasPrefix(typ, "SWIFT"):
				ent.addIdentifier(Identifier{Type: IDSWIFT, Value: num})
			case strings.HasPrefix(typ, "Passport"):
				ent.addIdentifier(Identifier{Type: IDPassport, Value: num, Country: strings.TrimSpace(id.Country)})
			case strings.HasPrefix(typ, "MMSI"):
				ent.addIdentifier(Identifier{Type: IDMMSI, Value: num})
			default:
				ent.addIdentifier(Identifier{Type: IDOther, Value: num, Country: strings.TrimSpace(id.Country), Note: typ})
			}
		}
		if cs := strings.TrimSpace(e.Vessel.CallSign); cs != "" {
			ent.addIdentifier(Identifier{Type: IDCallSign, Value: cs})
		}
		ent.addCountry(strings.TrimSpace(e.Vessel.Flag))
		v := party.Vessel{Type: strings.TrimSpace(e.Vessel.Type), Flag: strings.TrimSpace(e.Vessel.Flag), Tonnage: strings.TrimSpace(e.Vessel.Tonnage),
			GrossTonnage: strings.TrimSpace(e.Vessel.GRT), Owner: strings.TrimSpace(e.Vessel.Owner)}
		if v != (party.Vessel{}) {
			ent.Vessel = &v
		}
		for _, a := range e.Addresses {
			ent.addAddress(Address{
				Street:     joinNonEmpty(", ", a.Address1, a.Address2, a.Address3),
				City:       strings.TrimSpace(a.City),
				Region:     strings.TrimSpace(a.State),
				PostalCode: strings.TrimSpace(a.Postal),
				Country:    strings.TrimSpace(a.Country),
			})
		}
		for _, c := range append(e.Nationalities, e.Citizenships...) {
			ent.addNationality(strings.TrimSpace(c))
		}
		for _, p := range e.BirthPlaces {
			ent.addBirthPlace(strings.TrimSpace(p))
		}
		for _, b := range e.Births {
			if b = strings.TrimSpace(b); b != "" {
				ent.DatesOfBirth = append(ent.DatesOfBirth, isoDate(b))
			}
		}
		l.Entities = append(l.Entities, ent)
		return nil
	}, map[string]func(*xml.Decoder, *xml.StartElement) error{
		"publshInformation": func(d *xml.Decoder, se *xml.StartElement) error {
			var p struct {
				Date string `xml:"Publish_Date"`
			}
			if err := d.DecodeElement(&p, se); err != nil {
				return err
			}
			l.Version.Published = strings.TrimSpace(p.Date)
			return nil
		},
	})
	return l, err
}

// ofacName joins OFAC's last and first name the way the CSV writes them.
func ofacName(last, first string) string {
	last, first = strings.TrimSpace(last), strings.TrimSpace(first)
	if first == "" {
		return last
	}
	if last == "" {
		return first
	}
	return last + ", " + first
}
