package screen

import (
	"encoding/xml"
	"errors"
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
	IndAliases   []unAlias   `xml:"INDIVIDUAL_ALIAS"`
	EntAliases   []unAlias   `xml:"ENTITY_ALIAS"`
	IndAddresses []unAddress `xml:"INDIVIDUAL_ADDRESS"`
	EntAddresses []unAddress `xml:"ENTITY_ADDRESS"`
	Births       []unBirth   `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
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
}

type unBirth struct {
	Type     string `xml:"TYPE_OF_DATE"`
	Date     string `xml:"DATE"`
	Year     string `xml:"YEAR"`
	FromYear string `xml:"FROM_YEAR"`
	ToYear   string `xml:"TO_YEAR"`
}

type unDoc struct {
	Type    string `xml:"TYPE_OF_DOCUMENT"`
	Number  string `xml:"NUMBER"`
	Country string `xml:"ISSUING_COUNTRY"`
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
	var l List
	l.Version.Source = "UN"
	l.Version.Format = FormatUNXML
	d := xml.NewDecoder(r)
	sawRoot := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return l, fmt.Errorf("line %d: %w", line, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "CONSOLIDATED_LIST":
			sawRoot = true
			for _, a := range se.Attr {
				if a.Name.Local == "dateGenerated" {
					l.Version.Published = a.Value
				}
			}
		case "INDIVIDUAL", "ENTITY":
			line, _ := d.InputPos()
			var rec unRecord
			if err := d.DecodeElement(&rec, &se); err != nil {
				return l, fmt.Errorf("line %d: %s: %w", line, se.Name.Local, err)
			}
			e, err := rec.entity(se.Name.Local == "INDIVIDUAL")
			if err != nil {
				return l, fmt.Errorf("line %d: %s: %w", line, se.Name.Local, err)
			}
			l.Entities = append(l.Entities, e)
		}
	}
	if !sawRoot {
		return l, fmt.Errorf("%w: no CONSOLIDATED_LIST element", ErrFormat)
	}
	return l, nil
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
		e.addCountry(strings.TrimSpace(n))
	}
	addrs := rec.EntAddresses
	if individual {
		addrs = rec.IndAddresses
	}
	for _, a := range addrs {
		ad := Address{
			Street:     strings.TrimSpace(a.Street),
			City:       strings.TrimSpace(a.City),
			Region:     strings.TrimSpace(a.State),
			PostalCode: strings.TrimSpace(a.Zip),
			Country:    strings.TrimSpace(a.Country),
		}
		if ad != (Address{}) {
			e.Addresses = append(e.Addresses, ad)
		}
		e.addCountry(ad.Country)
	}
	for _, b := range rec.Births {
		for _, v := range []string{b.Date, b.Year, b.FromYear, b.ToYear} {
			if v = strings.TrimSpace(v); v != "" {
				e.DatesOfBirth = append(e.DatesOfBirth, v)
			}
		}
	}
	for _, doc := range rec.Documents {
		num := strings.TrimSpace(doc.Number)
		if num == "" {
			continue
		}
		t := IDOther
		if strings.Contains(strings.ToLower(doc.Type), "passport") {
			t = IDPassport
		} else if strings.Contains(strings.ToLower(doc.Type), "national") {
			t = IDNationalID
		}
		e.addIdentifier(Identifier{Type: t, Value: num, Country: strings.TrimSpace(doc.Country), Note: strings.TrimSpace(doc.Type)})
	}
	for _, id := range ExtractIMOs(e.Remarks, e.Kind) {
		e.addIdentifier(id)
	}
	for _, id := range extractSWIFT(e.Remarks) {
		e.addIdentifier(id)
	}
	return e, nil
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
