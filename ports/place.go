package ports

import (
	"fmt"
	"strconv"
	"strings"
)

// Place is one location of UN/LOCODE: a port, rail or road terminal,
// airport, border crossing or other place used in trade and transport.
type Place struct {
	// LOCODE is the five-character UN/LOCODE: the ISO 3166-1 country code
	// and three characters for the place, for example "CNDDG".
	LOCODE string `json:"locode"`
	// Name is UNECE's name of the place, with diacritics; NameASCII is
	// the name without them, where it differs.
	Name      string `json:"name"`
	NameASCII string `json:"name_ascii,omitempty"`
	// OtherNames are the names of a place UN/LOCODE lists in two
	// languages ("Bruxelles (Brussel)" for "Brussel (Bruxelles)").
	OtherNames []string `json:"other_names,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code, the first two characters of
	// the LOCODE.
	Country string `json:"country"`
	// Subdivision is the ISO 3166-2 subdivision code without the country
	// ("LN" for Liaoning), empty when UN/LOCODE gives none. UN/LOCODE
	// writes some Chinese provinces by their numeric code ("21").
	Subdivision string `json:"subdivision,omitempty"`
	// Status is UN/LOCODE's status of the entry: AA, AC, AF, AI or AS
	// approved by an authority; RL, RN, RQ or QQ recognised or requested;
	// XX to be removed. It may be empty.
	Status   string   `json:"status,omitempty"`
	Function Function `json:"function"`
	// Lat and Lon are the coordinates in decimal degrees when Located.
	Lat     float64 `json:"lat,omitempty"`
	Lon     float64 `json:"lon,omitempty"`
	Located bool    `json:"located"`
	// Geocoded says the coordinates were found by geocoding the name, not
	// given by UNECE: they are more often wrong.
	Geocoded bool `json:"geocoded,omitempty"`
}

// String returns the LOCODE, the name and the country: "CNDDG Dandong (CN)".
func (p Place) String() string { return fmt.Sprintf("%s %s (%s)", p.LOCODE, p.Name, p.Country) }

// Names returns every name of the place.
func (p Place) Names() []string {
	out := []string{p.Name}
	if p.NameASCII != "" {
		out = append(out, p.NameASCII)
	}
	return append(out, p.OtherNames...)
}

// InSubdivision reports whether the place lies in subdivision, written
// "CN-LN" (ISO 3166-2).
func (p Place) InSubdivision(subdivision string) bool {
	c, s, ok := strings.Cut(subdivision, "-")
	return ok && p.Subdivision != "" && c == p.Country && s == p.Subdivision
}

// The compact file is tab-separated, one place a line, sorted by LOCODE;
// lines starting with # are comments. Its fields are those of [Place]:
const (
	fLOCODE = iota
	fName
	fNameASCII // empty when equal to the name
	fSubdivision
	fStatus
	fFunction   // the UNECE classifier, "1234----"
	fLat        // decimal degrees, or empty
	fLon        // decimal degrees, or empty with the latitude
	fFlags      // "g": geocoded
	fOtherNames // names separated by "|"
	nFields
)

var fieldNames = [nFields]string{"locode", "name", "name-without-diacritics", "subdivision", "status", "function", "lat", "lon", "flags", "other-names"}

// parseLine reads one line of the compact file into p. It checks every
// field, so that a damaged file fails at load rather than answering wrong.
func parseLine(line string) (p Place, err error) {
	var f [nFields]string
	rest := line
	for i := range nFields {
		var ok bool
		f[i], rest, ok = strings.Cut(rest, "\t")
		if !ok && i < nFields-1 {
			return p, fmt.Errorf("%d fields, want %d", i+1, nFields)
		}
	}
	if rest != "" {
		return p, fmt.Errorf("more than %d fields", nFields)
	}
	fail := func(i int, format string, args ...any) (Place, error) {
		return Place{}, fmt.Errorf("%s: %s", fieldNames[i], fmt.Sprintf(format, args...))
	}
	if !isLOCODE(f[fLOCODE]) {
		return fail(fLOCODE, "%q is not a UN/LOCODE", f[fLOCODE])
	}
	if strings.TrimSpace(f[fName]) == "" {
		return fail(fName, "empty")
	}
	p = Place{LOCODE: f[fLOCODE], Country: f[fLOCODE][:2], Name: f[fName], NameASCII: f[fNameASCII], Subdivision: f[fSubdivision], Status: f[fStatus]}
	if f[fOtherNames] != "" {
		p.OtherNames = strings.Split(f[fOtherNames], "|")
	}
	if p.Function, err = ParseFunction(f[fFunction]); f[fFunction] != "" && err != nil {
		return fail(fFunction, "%v", err)
	}
	switch {
	case f[fLat] == "" && f[fLon] == "":
	case f[fLat] == "" || f[fLon] == "":
		return fail(fLat, "latitude and longitude go together")
	default:
		var e1, e2 error
		p.Lat, e1 = strconv.ParseFloat(f[fLat], 64)
		p.Lon, e2 = strconv.ParseFloat(f[fLon], 64)
		if e1 != nil || e2 != nil || !(p.Lat >= -90 && p.Lat <= 90) || !(p.Lon >= -180 && p.Lon <= 180) {
			return fail(fLat, "%q, %q are not coordinates", f[fLat], f[fLon])
		}
		p.Located = true
	}
	switch f[fFlags] {
	case "":
	case "g":
		p.Geocoded = true
	default:
		return fail(fFlags, "%q: want g or nothing", f[fFlags])
	}
	return p, nil
}

// isLOCODE reports whether s has the form of a UN/LOCODE: two letters of
// the country and three letters or digits for the place. Recommendation 16
// uses digits 2-9 only, but the code list holds a few codes with 0.
func isLOCODE(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i := range 5 {
		c := s[i]
		if !(c >= 'A' && c <= 'Z') && !(i >= 2 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
