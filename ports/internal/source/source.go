// Package source reads the UN/LOCODE code list as packaged one CSV file
// per country (columns country, location, name, nameWoDiacritics,
// subdivision, status, function, iata, lat, lon, geocoded), repairing the
// packaging's faults, for the generator of the compact file and for the
// tests that check it against the source.
package source

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// columns are the columns of the packaged CSV files.
var columns = []string{"country", "location", "name", "nameWoDiacritics", "subdivision", "status", "function", "iata", "lat", "lon", "geocoded"}

// Record is one place, its fields as the compact file writes them:
// coordinates rounded to four decimals, the name without diacritics empty
// when it is the name, Geocoded "g" when the coordinates were geocoded.
type Record struct {
	Code                string // the LOCODE, country and place
	Name, ASCII         string // the name, and without diacritics
	Subdivision, Status string
	Function            string // the UNECE classifier
	Lat, Lon            string
	Geocoded            string
	Also                []string // other names of the place
}

// ReadDir reads every XX.csv file of dir, sorted by LOCODE; a place
// listed twice is one Record with other names.
func ReadDir(dir string) ([]Record, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("source: no .csv files in %s", dir)
	}
	var all []Record
	for _, fn := range files {
		recs, err := readFile(fn)
		if err != nil {
			return nil, err
		}
		all = append(all, recs...)
	}
	slices.SortStableFunc(all, func(a, b Record) int { return strings.Compare(a.Code, b.Code) })
	// UN/LOCODE lists a place with names in two languages twice
	// ("Brussel (Bruxelles)", "Bruxelles (Brussel)"): the first row is
	// the place, and the other rows' names are its other names.
	var out []Record
	for _, r := range all {
		if n := len(out); n > 0 && out[n-1].Code == r.Code {
			p := &out[n-1]
			for _, name := range []string{r.Name, r.ASCII} {
				if name != "" && name != p.Name && name != p.ASCII && !slices.Contains(p.Also, name) {
					p.Also = append(p.Also, name)
				}
			}
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

func readFile(fn string) ([]Record, error) {
	f, err := os.Open(fn)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("source: %s: %w", fn, err)
	}
	// A file of places without a geocoded one lacks the last column.
	if !slices.Equal(head, columns) && !slices.Equal(head, columns[:len(columns)-1]) {
		return nil, fmt.Errorf("source: %s: header %v, want %v", fn, head, columns)
	}
	var out []Record
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("source: %s: %w", fn, err)
		}
		line, _ := r.FieldPos(0)
		if len(head) < len(columns) {
			row = append(row, "")
		}
		row, err = repair(row)
		if err != nil {
			return nil, fmt.Errorf("source: %s:%d: %w", fn, line, err)
		}
		rec, err := convert(row)
		if err != nil {
			return nil, fmt.Errorf("source: %s:%d: %w", fn, line, err)
		}
		out = append(out, rec)
	}
}

// repair rejoins a name that holds a comma. The packaged files write
// "Nagoya, Aichi" as """Nagoya"," Aichi""", which a CSV reader splits into
// two fields for the name and two for the name without diacritics; such
// rows also lack the status and IATA columns.
func repair(row []string) ([]string, error) {
	quoted := func(a, b string) bool { return strings.HasPrefix(a, `"`) && strings.HasSuffix(b, `"`) }
	if len(row) < 6 || !quoted(row[2], row[3]) {
		if len(row) != len(columns) {
			return nil, fmt.Errorf("%d fields, want %d", len(row), len(columns))
		}
		return row, nil
	}
	if len(row) != len(columns) || !quoted(row[4], row[5]) {
		return nil, fmt.Errorf("a quoted name in %d fields: %q", len(row), row)
	}
	join := func(a, b string) string { return strings.Trim(a, `"`) + "," + strings.Trim(b, `"`) }
	rest := row[6:] // subdivision, function, lat, lon, geocoded
	return []string{row[0], row[1], join(row[2], row[3]), join(row[4], row[5]), rest[0], "", rest[1], "", rest[2], rest[3], rest[4]}, nil
}

func convert(row []string) (Record, error) {
	clean := func(s string) string {
		s = strings.TrimSpace(s)
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		return strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' || r == '|' {
				return ' '
			}
			return r
		}, s)
	}
	rec := Record{Code: row[0] + row[1], Name: clean(row[2]), ASCII: clean(row[3]), Subdivision: clean(row[4]), Status: clean(row[5]), Function: clean(row[6])}
	if len(rec.Code) != 5 {
		return rec, fmt.Errorf("LOCODE %q is not five characters", rec.Code)
	}
	if rec.Name == "" || strings.ContainsRune(rec.Name, '\uFFFD') {
		// A name the packaging garbled: the name without diacritics is
		// the readable one.
		rec.Name = rec.ASCII
	}
	if rec.ASCII == rec.Name {
		rec.ASCII = ""
	}
	if row[8] != "" || row[9] != "" {
		lat, err1 := strconv.ParseFloat(row[8], 64)
		lon, err2 := strconv.ParseFloat(row[9], 64)
		switch {
		case errors.Join(err1, err2) != nil && row[8] != "NaN" && row[9] != "NaN":
			return rec, fmt.Errorf("coordinates: %w", errors.Join(err1, err2))
		case err1 == nil && err2 == nil && math.Abs(lat) <= 90 && math.Abs(lon) <= 180:
			rec.Lat, rec.Lon = coord(lat), coord(lon)
		default:
			// Coordinates off the globe (NaN, a latitude of 97) are
			// none.
		}
	}
	if row[10] == "true" {
		rec.Geocoded = "g"
	}
	return rec, nil
}

// coord writes a coordinate to four decimals (about 11 m), without
// trailing zeros.
func coord(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// Write writes the records in the compact form package ports reads: a
// comment naming the source, a comment naming the columns, and one
// tab-separated line per place, other names separated by "|".
func Write(w io.Writer, recs []Record) error {
	var b strings.Builder
	b.WriteString("# UN/LOCODE (UNECE), as packaged by geoapify/un-locode (MIT licence); see NOTICE.\n")
	b.WriteString("# locode\tname\tname-without-diacritics\tsubdivision\tstatus\tfunction\tlat\tlon\tflags\tother-names\n")
	for _, r := range recs {
		b.WriteString(strings.Join([]string{r.Code, r.Name, r.ASCII, r.Subdivision, r.Status, r.Function, r.Lat, r.Lon, r.Geocoded, strings.Join(r.Also, "|")}, "\t"))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
