package screen

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/luxscreen/luxscreen/party"
)

// The OFAC legacy CSV set, as documented at
// https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas:
//
//	sdn.csv           ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
//	                  Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks
//	alt.csv           ent_num, alt_num, alt_type, alt_name, alt_remarks
//	add.csv           ent_num, add_num, Address, City/State/Province/Postal Code,
//	                  Country, add_remarks
//	sdn_comments.csv  ent_num, Remarks_Extended (continuation of Remarks)
//
// "-0-" marks an empty field, and the files end with a DOS EOF (0x1A).
const (
	ofacSDNFields      = 12
	ofacAltFields      = 5
	ofacAddFields      = 6
	ofacCommentsFields = 2
)

// OFACCSV is the OFAC SDN legacy CSV set. Alt, Add and Comments may be nil;
// SDN is required.
type OFACCSV struct {
	SDN, Alt, Add, Comments io.Reader
}

// ParseOFACSDN parses sdn.csv alone: primary names, types, programs, vessel
// data and remarks, without the alias and address files.
func ParseOFACSDN(r io.Reader) ([]Entity, error) {
	return OFACCSV{SDN: r}.Parse()
}

// Parse parses the set and joins aliases, addresses and extended remarks to
// their SDN record. A row in alt, add or comments whose ent_num is not in
// sdn.csv is an error, since dropping it would hide a name.
func (set OFACCSV) Parse() ([]Entity, error) {
	if set.SDN == nil {
		return nil, errors.New("sdn.csv: missing")
	}
	var out []Entity
	byNum := make(map[string]int)
	err := readOFAC(set.SDN, "sdn.csv", ofacSDNFields, func(line int, f []string) error {
		num := f[0]
		if num == "" {
			return fmt.Errorf("sdn.csv:%d: ent_num: empty", line)
		}
		if _, dup := byNum[num]; dup {
			return fmt.Errorf("sdn.csv:%d: ent_num %s: duplicate", line, num)
		}
		if f[1] == "" {
			return fmt.Errorf("sdn.csv:%d: SDN_Name: empty (ent_num %s)", line, num)
		}
		e := Entity{ID: "OFAC:" + num, Source: "OFAC", Ref: num, Kind: ofacKind(f[2]), Remarks: f[11]}
		e.addName(f[1], NamePrimary)
		for _, p := range strings.Split(f[3], "] [") {
			if p = strings.Trim(p, "[] "); p != "" {
				e.Programs = append(e.Programs, p)
			}
		}
		if f[4] != "" {
			e.Positions = append(e.Positions, f[4])
		}
		if f[5] != "" {
			e.addIdentifier(Identifier{Type: IDCallSign, Value: f[5]})
		}
		e.addCountry(f[9])
		if v := (party.Vessel{Type: f[6], Flag: f[9], Tonnage: f[7], GrossTonnage: f[8], Owner: f[10]}); v != (party.Vessel{}) {
			e.Vessel = &v
		}
		byNum[num] = len(out)
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, m := range []struct {
		r      io.Reader
		file   string
		fields int
		join   func(e *Entity, line int, f []string) error
	}{
		{set.Comments, "sdn_comments.csv", ofacCommentsFields, joinOFACComment},
		{set.Alt, "alt.csv", ofacAltFields, joinOFACAlt},
		{set.Add, "add.csv", ofacAddFields, joinOFACAdd},
	} {
		if m.r == nil {
			continue
		}
		err := readOFAC(m.r, m.file, m.fields, func(line int, f []string) error {
			i, ok := byNum[f[0]]
			if !ok {
				return fmt.Errorf("%s:%d: ent_num %s: not in sdn.csv", m.file, line, f[0])
			}
			return m.join(&out[i], line, f)
		})
		if err != nil {
			return nil, err
		}
	}
	for i := range out {
		ofacRemarks(&out[i])
	}
	return out, nil
}

// joinOFACComment adds an extended remark, which continues the truncated
// Remarks field.
func joinOFACComment(e *Entity, _ int, f []string) error {
	e.Remarks += f[1]
	return nil
}

// joinOFACAlt adds an alias: a.k.a., f.k.a., or weak.
func joinOFACAlt(e *Entity, line int, f []string) error {
	if f[3] == "" {
		return fmt.Errorf("alt.csv:%d: alt_name: empty (ent_num %s)", line, f[0])
	}
	kind := NameAKA
	switch strings.ToLower(strings.Trim(f[2], ". ")) {
	case "fka", "f.k.a":
		kind = NameFKA
	}
	if strings.Contains(strings.ToLower(f[4]), "weak") {
		kind = NameWeak
	}
	e.addName(f[3], kind)
	return nil
}

// joinOFACAdd adds an address and its country.
func joinOFACAdd(e *Entity, _ int, f []string) error {
	e.addAddress(Address{Street: f[2], City: f[3], Country: f[4]})
	return nil
}

// ofacKind maps SDN_Type; OFAC leaves it empty for entities.
func ofacKind(t string) Kind {
	switch strings.ToLower(t) {
	case "individual":
		return KindPerson
	case "vessel":
		return KindVessel
	case "aircraft":
		return KindAircraft
	}
	return KindOrganisation
}

// ofacRemarks pulls identifiers, weak aliases, dates of birth and
// nationalities out of the free-text remarks.
func ofacRemarks(e *Entity) {
	r := e.Remarks
	for _, id := range ExtractIMOs(r, e.Kind) {
		e.addIdentifier(id)
	}
	for _, id := range extractSWIFT(r) {
		e.addIdentifier(id)
	}
	for _, id := range ofacRemarkIDs(r) {
		e.addIdentifier(id)
	}
	if m := ofacGender.FindStringSubmatch(r); m != nil {
		e.Gender = strings.ToLower(m[1])
	}
	for _, m := range ofacWeakAKA.FindAllStringSubmatch(r, -1) {
		e.addName(strings.TrimSpace(m[1]), NameWeak)
	}
	for _, m := range ofacDOB.FindAllStringSubmatch(r, -1) {
		if m[2] == "" {
			e.DatesOfBirth = append(e.DatesOfBirth, isoDate(m[1]))
			continue
		}
		e.DatesOfBirth = append(e.DatesOfBirth, yearRange(isoDate(m[1]), m[2])...)
	}
	for _, m := range ofacNationality.FindAllStringSubmatch(r, -1) {
		e.addNationality(strings.TrimSpace(m[1]))
	}
	for _, m := range ofacBirthPlace.FindAllStringSubmatch(r, -1) {
		e.addBirthPlace(strings.TrimSpace(m[1]))
	}
}

// readOFAC reads one OFAC CSV file, checks the field count, turns "-0-"
// into "" and calls fn with the 1-based line of each record.
func readOFAC(r io.Reader, file string, fields int, fn func(line int, f []string) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.Trim(rec[0], "\x1a \r\n") == "" {
			continue // DOS end-of-file marker or blank line
		}
		if len(rec) != fields {
			return fmt.Errorf("%s:%d: %w: %d fields, want %d", file, line, ErrFormat, len(rec), fields)
		}
		for i, v := range rec {
			v = strings.TrimSpace(v)
			if v == "-0-" {
				v = ""
			}
			rec[i] = v
		}
		if err := fn(line, rec); err != nil {
			return err
		}
	}
}
