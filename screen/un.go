package screen

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// unRecord is one INDIVIDUAL or ENTITY of the UN Security Council
// consolidated list XML (https://scsanctions.un.org/resources/xml/en/consolidated.xml,
// schema https://www.un.org/sc/resources/sc-sanctions.xsd).
type unRecord struct {
	DataID       string      `xml:"DATAID"`
	First        string      `xml:"FIRST_NAME"`
	Second       string      `xml:"SECOND_NAME"`
	Third        string      `xml:"THIRD_NAME"`
	Fourth       string      `xml:"FOURTH_NAME"`
	ListType     string      `xml:"UN_LIST_TYPE"`
	Ref          string      `xml:"REFERENCE_NUMBER"`
	ListedOn     string      `xml:"LISTED_ON"`
	Original     string      `xml:"NAME_ORIGINAL_SCRIPT"`
	Comments     string      `xml:"COMMENTS1"`
	Nationality  []string    `xml:"NATIONALITY>VALUE"`
	Designation  []string    `xml:"DESIGNATION>VALUE"`
	Title        []string    `xml:"TITLE>VALUE"`
	Gender       string      `xml:"GENDER"`
	IndAliases   []unAlias   `xml:"INDIVIDUAL_ALIAS"`
	EntAliases   []unAlias   `xml:"ENTITY_ALIAS"`
	IndAddresses []unAddress `xml:"INDIVIDUAL_ADDRESS"`
	EntAddresses []unAddress `xml:"ENTITY_ADDRESS"`
	Births       []unBirth   `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	BirthPlaces  []unAddress `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents    []unDoc     `xml:"INDIVIDUAL_DOCUMENT"`
}

type unAlias struct {
	Quality string `xml:"QUALITY"`
	Name    string `xml:"ALIAS_NAME"`
}

type unAddress struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Zip     string `xml:"ZIP_CODE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type unBirth struct {
	Type     string `xml:"TYPE_OF_DATE"`
	Date     string `xml:"DATE"`
	Year     string `xml:"YEAR"`
	FromYear string `xml:"FROM_YEAR"`
	ToYear   string `xml:"TO_YEAR"`
}

type unDoc struct {
	Type      string `xml:"TYPE_OF_DOCUMENT"`
	Type2     string `xml:"TYPE_OF_DOCUMENT2"`
	Number    string `xml:"NUMBER"`
	Country   string `xml:"ISSUING_COUNTRY"`
	IssuedIn  string `xml:"COUNTRY_OF_ISSUE"`
	IssuedOn  string `xml:"DATE_OF_ISSUE"`
	IssueCity string `xml:"CITY_OF_ISSUE"`
	Note      string `xml:"NOTE"`
}

// ParseUN parses the UN Security Council consolidated list XML. Individuals
// become persons and entities organisations; the reference number
// (KPe.001, KPi.001) is the entity's Ref. IMO numbers and SWIFT codes
// written in COMMENTS1 become identifiers.
func ParseUN(r io.Reader) ([]Entity, error) {
	l, err := parseUN(r)
	return l.Entities, err
}

// parseUN parses the XML and also returns the list's dateGenerated.
func parseUN(r io.Reader) (List, error) {
	l := List{Version: ListVersion{Source: "UN", Format: FormatUNXML}}
	record := func(individual bool) func(d *xml.Decoder, se *xml.StartElement) error {
		return func(d *xml.Decoder, se *xml.StartElement) error {
			var rec unRecord
			if err := d.DecodeElement(&rec, se); err != nil {
				return err
			}
			e, err := rec.entity(individual)
			if err != nil {
				return err
			}
			l.Entities = append(l.Entities, e)
			return nil
		}
	}
	rootAttrs := func(attrs []xml.Attr) {
		for _, a := range attrs {
			if a.Name.Local == "dateGenerated" {
				l.Version.Published = a.Value
			}
		}
	}
	err := decodeRecords[struct{}](r, "CONSOLIDATED_LIST", "", rootAttrs, nil,
		map[string]func(d *xml.Decoder, se *xml.StartElement) error{"INDIVIDUAL": record(true), "ENTITY": record(false)})
	return l, err
}

func (rec *unRecord) entity(individual bool) (Entity, error) {
	ref := strings.TrimSpace(rec.Ref)
	if ref == "" {
		return Entity{}, fmt.Errorf("REFERENCE_NUMBER: empty (DATAID %q)", strings.TrimSpace(rec.DataID))
	}
	name := joinNonEmpty(" ", rec.First, rec.Second, rec.Third, rec.Fourth)
	if name == "" {
		return Entity{}, fmt.Errorf("%s: FIRST_NAME: empty", ref)
	}
	e := Entity{
		ID:       "UN:" + ref,
		Source:   "UN",
		Ref:      ref,
		Kind:     KindOrganisation,
		ListedOn: strings.TrimSpace(rec.ListedOn),
		Remarks:  strings.Join(strings.Fields(rec.Comments), " "),
	}
	if individual {
		e.Kind = KindPerson
	}
	if p := strings.TrimSpace(rec.ListType); p != "" {
		e.Programs = []string{p}
	}
	e.addName(name, NamePrimary)
	aliases := rec.EntAliases
	if individual {
		aliases = rec.IndAliases
	}
	for _, a := range aliases {
		v := strings.TrimSpace(a.Name)
		if v == "" {
			continue
		}
		e.addName(v, unAliasKind(a.Quality))
	}
	e.addName(strings.TrimSpace(rec.Original), NameOriginalScript)
	for _, n := range rec.Nationality {
		e.addNationality(strings.TrimSpace(n))
	}
	for _, p := range rec.BirthPlaces {
		e.addBirthPlace(joinNonEmpty(", ", p.Street, p.City, p.State, p.Country, p.Note))
	}
	e.Gender = strings.ToLower(strings.TrimSpace(rec.Gender))
	for _, p := range append(rec.Title, rec.Designation...) {
		if p = strings.Join(strings.Fields(p), " "); p != "" && !contains(e.Positions, p) {
			e.Positions = append(e.Positions, p)
		}
	}
	addrs := rec.EntAddresses
	if individual {
		addrs = rec.IndAddresses
	}
	for _, a := range addrs {
		e.addAddress(Address{
			Street:     strings.TrimSpace(a.Street),
			City:       strings.TrimSpace(a.City),
			Region:     strings.TrimSpace(a.State),
			PostalCode: strings.TrimSpace(a.Zip),
			Country:    strings.TrimSpace(a.Country),
		})
	}
	for _, b := range rec.Births {
		for _, v := range []string{b.Date, b.Year} {
			if v = strings.TrimSpace(v); v != "" {
				e.DatesOfBirth = append(e.DatesOfBirth, v)
			}
		}
		e.DatesOfBirth = append(e.DatesOfBirth, yearRange(strings.TrimSpace(b.FromYear), strings.TrimSpace(b.ToYear))...)
	}
	for _, doc := range rec.Documents {
		if id, ok := doc.identifier(); ok {
			e.addIdentifier(id)
		}
	}
	for _, id := range ExtractIMOs(e.Remarks, e.Kind) {
		e.addIdentifier(id)
	}
	for _, id := range extractSWIFT(e.Remarks) {
		e.addIdentifier(id)
	}
	return e, nil
}

// identifier returns the identifier of an INDIVIDUAL_DOCUMENT, or false
// when it has no number. The note keeps what a reviewer compares beside
// the number: the document type as written, where and when it was issued
// and the list's note ("expired on …").
func (doc *unDoc) identifier() (Identifier, bool) {
	num := strings.TrimSpace(doc.Number)
	if num == "" {
		return Identifier{}, false
	}
	typ := strings.ToLower(doc.Type + " " + doc.Type2)
	t := IDOther
	switch {
	case strings.Contains(typ, "passport"):
		t = IDPassport
	case strings.Contains(typ, "national"):
		t = IDNationalID
	}
	country := strings.TrimSpace(doc.Country)
	if country == "" {
		country = strings.TrimSpace(doc.IssuedIn)
	}
	issued := joinNonEmpty(" ", strings.TrimSpace(doc.IssueCity), strings.TrimSpace(doc.IssuedOn))
	if issued != "" {
		issued = "issued " + issued
	}
	note := joinNonEmpty("; ", strings.Trim(strings.TrimSpace(doc.Type+" "+doc.Type2), ":"), issued, strings.TrimSpace(doc.Note))
	return Identifier{Type: t, Value: num, Country: country, Note: note}, true
}

// unAliasKind maps the UN alias QUALITY values: entities use "a.k.a." and
// "f.k.a.", individuals "Good" and "Low".
func unAliasKind(q string) NameKind {
	switch strings.ToLower(strings.TrimSpace(q)) {
	case "f.k.a.", "fka":
		return NameFKA
	case "low":
		return NameWeak
	}
	return NameAKA
}

// joinNonEmpty joins the trimmed non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
