package screen

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The UK Sanctions List CSV (FCDO, sanctionslist.fcdo.gov.uk) has one row
// per name: rows sharing a "Unique ID" are one designation. A line such as
// "Report Date: 27-Feb-2026" may precede the header. Columns are found by
// their header names, so a reordering does not break the parser; the
// required ones are "Unique ID" and the name columns ("Name 6" holds the
// surname or the whole name of an entity or ship, "Name 1"–"Name 5" the
// given names). Optional: "Name type" (Primary Name, Alias, Primary Name
// Variation), "Alias strength" (Good/Low quality), "Name non-latin script",
// "Individual, Entity, Ship" or "Entity type", "Regime Name", "UN
// Reference Number", "Date Designated", "IMO number", "Nationality(/ies)",
// "Address Country", "Date of birth", "Town of birth", "Country of birth".
var ukRequired = []string{"unique id", "name 6"}

// ParseUK parses the UK Sanctions List CSV.
func ParseUK(r io.Reader) ([]Entity, error) {
	l, err := parseUKCSV(r)
	return l.Entities, err
}

func parseUKCSV(r io.Reader) (List, error) {
	l := List{Version: ListVersion{Source: "UK", Format: FormatUKCSV}}
	data, err := io.ReadAll(r)
	if err != nil {
		return l, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	skipped := 0
	if first, _, _ := bufio.NewReader(bytes.NewReader(data)).ReadLine(); bytes.HasPrefix(first, []byte("Report Date")) {
		l.Version.Published = strings.TrimSpace(strings.Trim(strings.TrimPrefix(string(first), "Report Date"), ":,\" "))
		data = data[bytes.IndexByte(data, '\n')+1:]
		skipped = 1
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return l, fmt.Errorf("line %d: header: %w", skipped+1, err)
	}
	t := ukTable{col: make(map[string]int)}
	for i, h := range header {
		t.col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, req := range ukRequired {
		if _, ok := t.col[req]; !ok {
			return l, fmt.Errorf("line %d: %w: header has no %q column", skipped+1, ErrFormat, req)
		}
	}
	get := t.get
	byID := make(map[string]int)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return l, err
		}
		line, _ := cr.FieldPos(0)
		line += skipped
		id := get(rec, "unique id")
		if id == "" {
			return l, fmt.Errorf("line %d: Unique ID: empty", line)
		}
		name := joinNonEmpty(" ", get(rec, "name 1"), get(rec, "name 2"), get(rec, "name 3"), get(rec, "name 4"), get(rec, "name 5"), get(rec, "name 6"))
		if name == "" {
			return l, fmt.Errorf("line %d: Name 6: empty (Unique ID %s)", line, id)
		}
		i, seen := byID[id]
		if !seen {
			byID[id] = len(l.Entities)
			l.Entities = append(l.Entities, t.entity(rec, id))
			i = len(l.Entities) - 1
		}
		t.addRow(&l.Entities[i], rec, name)
	}
	return l, nil
}

// ukTable reads the rows of a UK list by column name.
type ukTable struct {
	col map[string]int
}

// get returns the first non-empty value of the named columns.
func (t ukTable) get(rec []string, names ...string) string {
	for _, n := range names {
		if i, ok := t.col[n]; ok && i < len(rec) {
			if v := strings.TrimSpace(rec[i]); v != "" {
				return v
			}
		}
	}
	return ""
}

// entity returns the entity of the first row of designation id.
func (t ukTable) entity(rec []string, id string) Entity {
	kind := KindOrganisation
	switch strings.ToLower(t.get(rec, "individual, entity, ship", "entity type", "type")) {
	case "individual":
		kind = KindPerson
	case "ship":
		kind = KindVessel
	}
	e := Entity{ID: "UK:" + id, Source: "UK", Ref: id, Kind: kind, ListedOn: ukDate(t.get(rec, "date designated"))}
	if p := t.get(rec, "regime name", "regime"); p != "" {
		e.Programs = []string{p}
	}
	if un := t.get(rec, "un reference number"); un != "" {
		e.Remarks = "UN ref " + un
	}
	return e
}

// addRow adds what one row of the list says about e: a name, and the
// identifiers, countries and dates of birth.
func (t ukTable) addRow(e *Entity, rec []string, name string) {
	kind := NameAKA
	switch nt := strings.ToLower(t.get(rec, "name type")); {
	case nt == "primary name":
		kind = NamePrimary
	case strings.Contains(nt, "variation"):
		kind = NameAKA
	}
	if strings.HasPrefix(strings.ToLower(t.get(rec, "alias strength", "alias quality")), "low") {
		kind = NameWeak
	}
	if kind == NamePrimary && len(e.Names) > 0 && e.Names[0].Kind != NamePrimary {
		// Keep the primary name first whatever the row order.
		e.Names = append([]Name{{Value: name, Kind: NamePrimary}}, e.Names...)
	} else {
		e.addName(name, kind)
	}
	e.addName(t.get(rec, "name non-latin script"), NameOriginalScript)
	if imo := t.get(rec, "imo number"); imo != "" {
		for _, x := range ExtractIMOs("IMO "+imo, e.Kind) {
			e.addIdentifier(x)
		}
	}
	for _, c := range strings.Split(t.get(rec, "nationality(/ies)", "nationality"), ",") {
		e.addNationality(strings.TrimSpace(c))
	}
	e.addBirthPlace(joinNonEmpty(", ", t.get(rec, "town of birth"), t.get(rec, "country of birth")))
	e.addCountry(t.get(rec, "address country", "country"))
	if d := ukDate(t.get(rec, "date of birth", "dob")); d != "" && !contains(e.DatesOfBirth, d) {
		e.DatesOfBirth = append(e.DatesOfBirth, d)
	}
}

// ukDate turns the UK list's "dd/mm/yyyy" into ISO 8601 "yyyy-mm-dd"; the
// list writes an unknown day or month as "00" ("00/00/1961"), which gives
// "1961" or "1961-05". Other forms are returned as written.
func ukDate(d string) string {
	p := strings.Split(d, "/")
	if len(p) != 3 || len(p[0]) != 2 || len(p[1]) != 2 || len(p[2]) != 4 || !allDigits(p[0]+p[1]+p[2]) {
		return d
	}
	switch {
	case p[1] == "00":
		return p[2]
	case p[0] == "00":
		return p[2] + "-" + p[1]
	}
	return p[2] + "-" + p[1] + "-" + p[0]
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
