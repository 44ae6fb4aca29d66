package screen

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// euEntity is one sanctionEntity of the EU Financial Sanctions Files XML,
// version 1.1 (namespace http://eu.europa.ec/fpi/fsd/export), published by
// the European Commission at webgate.ec.europa.eu/fsd/fsf.
type euEntity struct {
	LogicalID   string `xml:"logicalId,attr"`
	EURef       string `xml:"euReferenceNumber,attr"`
	UNID        string `xml:"unitedNationId,attr"`
	Designation string `xml:"designationDate,attr"`
	Remark      string `xml:"remark"`
	Subject     struct {
		Code           string `xml:"code,attr"`
		Classification string `xml:"classificationCode,attr"`
	} `xml:"subjectType"`
	Regulations []struct {
		Programme       string `xml:"programme,attr"`
		PublicationDate string `xml:"publicationDate,attr"`
	} `xml:"regulation"`
	Names []struct {
		WholeName string `xml:"wholeName,attr"`
		FirstName string `xml:"firstName,attr"`
		Middle    string `xml:"middleName,attr"`
		LastName  string `xml:"lastName,attr"`
		Strong    string `xml:"strong,attr"`
		Function  string `xml:"function,attr"`
		Gender    string `xml:"gender,attr"`
	} `xml:"nameAlias"`
	Citizenships []struct {
		Country string `xml:"countryDescription,attr"`
	} `xml:"citizenship"`
	Births []struct {
		Date    string `xml:"birthdate,attr"`
		Year    string `xml:"year,attr"`
		Place   string `xml:"place,attr"`
		City    string `xml:"city,attr"`
		Region  string `xml:"region,attr"`
		Country string `xml:"countryDescription,attr"`
	} `xml:"birthdate"`
	IDs []struct {
		Number      string `xml:"number,attr"`
		TypeCode    string `xml:"identificationTypeCode,attr"`
		Description string `xml:"identificationTypeDescription,attr"`
		Country     string `xml:"countryDescription,attr"`
	} `xml:"identification"`
	Addresses []struct {
		Street  string `xml:"street,attr"`
		City    string `xml:"city,attr"`
		Zip     string `xml:"zipCode,attr"`
		Region  string `xml:"region,attr"`
		Country string `xml:"countryDescription,attr"`
	} `xml:"address"`
}

// ParseEU parses the EU Financial Sanctions Files XML (v1.1). The entity's
// Ref is its EU reference number (or logical id), and a UN reference, when
// the EU gives one, is kept in Remarks as "UN ref KPe.001" so that hits can
// be tied to the UN designation. Names flagged strong="false" are weak.
func ParseEU(r io.Reader) ([]Entity, error) {
	l, err := parseEUXML(r)
	return l.Entities, err
}

func parseEUXML(r io.Reader) (List, error) {
	l := List{Version: ListVersion{Source: "EU", Format: FormatEUXML}}
	err := decodeRecords(r, "export", "sanctionEntity", func(attrs []xml.Attr) {
		for _, a := range attrs {
			if a.Name.Local == "generationDate" {
				l.Version.Published = a.Value
			}
		}
	}, func(line int, e *euEntity) error {
		id := strings.TrimSpace(e.LogicalID)
		if id == "" {
			return fmt.Errorf("logicalId: empty")
		}
		ref := strings.TrimSpace(e.EURef)
		if ref == "" {
			ref = id
		}
		kind := KindOrganisation
		switch strings.ToLower(e.Subject.Code) {
		case "person":
			kind = KindPerson
		case "vessel":
			kind = KindVessel
		}
		ent := Entity{ID: "EU:" + id, Source: "EU", Ref: ref, Kind: kind, ListedOn: strings.TrimSpace(e.Designation), Remarks: strings.TrimSpace(e.Remark)}
		if un := strings.TrimSpace(e.UNID); un != "" {
			ent.Remarks = strings.TrimSpace("UN ref " + un + ". " + ent.Remarks)
		}
		for i, n := range e.Names {
			v := strings.TrimSpace(n.WholeName)
			if v == "" {
				v = joinNonEmpty(" ", n.FirstName, n.Middle, n.LastName)
			}
			kind := NameAKA
			if i == 0 {
				kind = NamePrimary
			}
			if strings.EqualFold(strings.TrimSpace(n.Strong), "false") {
				kind = NameWeak
			}
			ent.addName(v, kind)
			if f := strings.TrimSpace(n.Function); f != "" && !contains(ent.Positions, f) {
				ent.Positions = append(ent.Positions, f)
			}
			switch strings.ToUpper(strings.TrimSpace(n.Gender)) {
			case "M":
				ent.Gender = "male"
			case "F":
				ent.Gender = "female"
			}
		}
		if len(ent.Names) == 0 {
			return fmt.Errorf("logicalId %s: nameAlias: none", id)
		}
		for _, reg := range e.Regulations {
			if p := strings.TrimSpace(reg.Programme); p != "" && !contains(ent.Programs, p) {
				ent.Programs = append(ent.Programs, p)
			}
		}
		for _, c := range e.Citizenships {
			ent.addNationality(strings.TrimSpace(c.Country))
		}
		for _, b := range e.Births {
			if d := strings.TrimSpace(b.Date); d != "" {
				ent.DatesOfBirth = append(ent.DatesOfBirth, d)
			} else if y := strings.TrimSpace(b.Year); y != "" {
				ent.DatesOfBirth = append(ent.DatesOfBirth, y)
			}
			ent.addBirthPlace(joinNonEmpty(", ", b.Place, b.City, b.Region, euCountry(b.Country)))
		}
		for _, x := range e.IDs {
			num := strings.TrimSpace(x.Number)
			if num == "" {
				continue
			}
			switch code := strings.ToLower(strings.TrimSpace(x.TypeCode)); {
			case code == "imo" || strings.Contains(strings.ToLower(x.Description), "imo"):
				if imos := ExtractIMOs("IMO "+strings.TrimPrefix(num, "IMO "), kind); len(imos) > 0 {
					ent.addIdentifier(imos[0])
					continue
				}
				ent.addIdentifier(Identifier{Type: IDIMOUnchecked, Value: num})
			case code == "passport":
				ent.addIdentifier(Identifier{Type: IDPassport, Value: num, Country: strings.TrimSpace(x.Country)})
			case code == "id":
				ent.addIdentifier(Identifier{Type: IDNationalID, Value: num, Country: strings.TrimSpace(x.Country)})
			case code == "swiftbic" || code == "swift":
				ent.addIdentifier(Identifier{Type: IDSWIFT, Value: num})
			default:
				ent.addIdentifier(Identifier{Type: IDOther, Value: num, Country: strings.TrimSpace(x.Country), Note: strings.TrimSpace(x.Description)})
			}
		}
		for _, a := range e.Addresses {
			ent.addAddress(Address{Street: strings.TrimSpace(a.Street), City: strings.TrimSpace(a.City), Region: strings.TrimSpace(a.Region), PostalCode: strings.TrimSpace(a.Zip), Country: strings.TrimSpace(a.Country)})
		}
		for _, x := range ExtractIMOs(ent.Remarks, kind) {
			ent.addIdentifier(x)
		}
		l.Entities = append(l.Entities, ent)
		return nil
	}, nil)
	return l, err
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// euCountry drops the EU's placeholder for an unknown country.
func euCountry(c string) string {
	if c = strings.TrimSpace(c); strings.EqualFold(c, "UNKNOWN") || c == "00" {
		return ""
	}
	return c
}
