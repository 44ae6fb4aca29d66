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
// "Address Country", "Date of birth".
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
	col := make(map[string]int)
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, req := range ukRequired {
		if _, ok := col[req]; !ok {
			return l, fmt.Errorf("line %d: %w: header has no %q column", skipped+1, ErrFormat, req)
		}
	}
	get := func(rec []string, names ...string) string {
		for _, n := range names {
			if i, ok := col[n]; ok && i < len(rec) {
				if v := strings.TrimSpace(rec[i]); v != "" {
					return v
				}
			}
		}
		return ""
	}
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
			kind := KindOrganisation
			switch strings.ToLower(get(rec, "individual, entity, ship", "entity type", "type")) {
			case "individual":
				kind = KindPerson
			case "ship":
				kind = KindVessel
			}
			e := Entity{ID: "UK:" + id, Source: "UK", Ref: id, Kind: kind, ListedOn: get(rec, "date designated")}
			if p := get(rec, "regime name", "regime"); p != "" {
				e.Programs = []string{p}
			}
			if un := get(rec, "un reference number"); un != "" {
				e.Remarks = "UN ref " + un
			}
			byID[id] = len(l.Entities)
			l.Entities = append(l.Entities, e)
			i = len(l.Entities) - 1
		}
		e := &l.Entities[i]
		kind := NameAKA
		switch t := strings.ToLower(get(rec, "name type")); {
		case t == "primary name":
			kind = NamePrimary
		case strings.Contains(t, "variation"):
			kind = NameAKA
		}
		if strings.HasPrefix(strings.ToLower(get(rec, "alias strength", "alias quality")), "low") {
			kind = NameWeak
		}
		if kind == NamePrimary && len(e.Names) > 0 && e.Names[0].Kind != NamePrimary {
			// Keep the primary name first whatever the row order.
			e.Names = append([]Name{{Value: name, Kind: NamePrimary}}, e.Names...)
		} else {
			e.addName(name, kind)
		}
		e.addName(get(rec, "name non-latin script"), NameOriginalScript)
		if imo := get(rec, "imo number"); imo != "" {
			for _, x := range ExtractIMOs("IMO "+imo, e.Kind) {
				e.addIdentifier(x)
			}
		}
		for _, c := range strings.Split(get(rec, "nationality(/ies)", "nationality"), ",") {
			e.addCountry(strings.TrimSpace(c))
		}
		e.addCountry(get(rec, "address country", "country"))
		if d := get(rec, "date of birth", "dob"); d != "" && !contains(e.DatesOfBirth, d) {
			e.DatesOfBirth = append(e.DatesOfBirth, d)
		}
	}
	return l, nil
}
