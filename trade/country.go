package trade

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// Country is a reporter or partner of a trade flow.
type Country struct {
	// Code is the ISO 3166-1 alpha-2 code ("DE", "KP") when the file's
	// code resolves to a country, and otherwise the file's own code for the
	// area ("490" for Comtrade's "Other Asia, nes").
	Code string
	// ISO3 is the ISO 3166-1 alpha-3 code, empty for areas that are not
	// countries.
	ISO3 string
	// Name is the name the file gives, or the English name of the country
	// when the file gives none.
	Name string
	// Total marks an area whose figures are the sum of other partners'
	// (Comtrade's World and EU-28).
	Total bool
}

// DPRK is the ISO 3166-1 alpha-2 code of the Democratic People's Republic
// of Korea, the target of the lists.
const DPRK = "KP"

// IsDPRK reports whether c is the DPRK.
func (c Country) IsDPRK() bool { return c.Code == DPRK }

// Label returns the name, or the code when the name is unknown.
func (c Country) Label() string {
	if c.Name != "" {
		return c.Name
	}
	return c.Code
}

// String returns the code, which is what machine-readable output prints.
func (c Country) String() string { return c.Code }

//go:embed data/comtrade-areas.yaml
var areaData string

// area is one row of data/comtrade-areas.yaml.
type area struct {
	Code  int      `yaml:"code"`
	ISO2  string   `yaml:"iso2"`
	ISO3  []string `yaml:"iso3"`
	Name  string   `yaml:"name"`
	Total bool     `yaml:"total"`
}

// countries resolves the codes and names a file writes to countries. Each
// reader has its own, which caches what it resolved: a large file names a
// few hundred areas a million times.
type countries struct {
	byCode  map[int]area    // Comtrade numeric codes that are not ISO numeric
	byAlpha map[string]area // alpha-3 codes of areas that are not countries
	cache   map[countryKey]Country
}

type countryKey struct{ iso, code, name string }

func newCountries() (*countries, error) {
	var f struct {
		Areas []area `yaml:"areas"`
	}
	if _, err := datafile.Decode("trade/data/comtrade-areas.yaml", []byte(areaData), &f); err != nil {
		return nil, err
	}
	c := &countries{byCode: map[int]area{}, byAlpha: map[string]area{}, cache: map[countryKey]Country{}}
	for _, a := range f.Areas {
		c.byCode[a.Code] = a
		for _, s := range a.ISO3 {
			c.byAlpha[s] = a
		}
	}
	return c, nil
}

// resolve returns the country a file names by ISO code (alpha-2 or
// alpha-3), Comtrade numeric code and name; any of them may be empty, but
// not all. The ISO code wins over the numeric code, which wins over the
// name. It returns false when all three are empty.
func (c *countries) resolve(iso, code, name string) (Country, bool) {
	k := countryKey{iso, code, name}
	if v, ok := c.cache[k]; ok {
		return v, true
	}
	iso, code, name = strings.TrimSpace(iso), strings.TrimSpace(code), textOf(strings.TrimSpace(name))
	if iso == "" && code == "" && name == "" {
		return Country{}, false
	}
	v := c.lookup(strings.ToUpper(iso), code, name)
	if len(c.cache) < 4096 { // areas are few; a cap keeps hostile input bounded
		// The cached country owns its strings, so that the flows that
		// share it hold nothing of the row it was first read from.
		v = Country{Code: strings.Clone(v.Code), ISO3: strings.Clone(v.ISO3), Name: strings.Clone(v.Name), Total: v.Total}
		c.cache[countryKey{strings.Clone(k.iso), strings.Clone(k.code), strings.Clone(k.name)}] = v
	}
	return v, true
}

func (c *countries) lookup(iso, code, name string) Country {
	if iso != "" {
		if a, ok := c.byAlpha[iso]; ok {
			return c.fromArea(a, iso, name)
		}
		if r, err := language.ParseRegion(iso); err == nil && (r.IsCountry() || r.String() == "EU") {
			return fromRegion(r, name)
		}
		return Country{Code: iso, Name: name}
	}
	if code != "" {
		n, err := strconv.Atoi(code)
		if err == nil && n >= 0 && n < 1000 {
			if a, ok := c.byCode[n]; ok {
				return c.fromArea(a, code, name)
			}
			if r, err := language.ParseRegion(fmt.Sprintf("%03d", n)); err == nil && r.IsCountry() {
				return fromRegion(r, name)
			}
		}
		return Country{Code: code, Name: name}
	}
	if isDPRKName(name) {
		r, _ := language.ParseRegion(DPRK)
		return fromRegion(r, name)
	}
	return Country{Code: name, Name: name}
}

func (c *countries) fromArea(a area, code, name string) Country {
	if name == "" {
		name = a.Name
	}
	if a.ISO2 != "" {
		r, err := language.ParseRegion(a.ISO2)
		if err == nil {
			return fromRegion(r, name)
		}
	}
	return Country{Code: code, Name: name, Total: a.Total}
}

func fromRegion(r language.Region, name string) Country {
	if name == "" {
		name = display.English.Regions().Name(r)
	}
	c := Country{Code: r.String(), Name: name}
	if r.IsCountry() {
		c.ISO3 = r.ISO3()
	}
	return c
}

// isDPRKName reports whether a name, in a file without codes, is one of the
// names Comtrade and the press give the DPRK.
func isDPRKName(name string) bool {
	switch strings.ToLower(name) {
	case "dem. people's rep. of korea", "democratic people's republic of korea", "north korea", "dprk", "korea, dem. people's rep.", "korea, democratic people's republic of":
		return true
	}
	return false
}

// textOf returns s as UTF-8. Files saved from the Comtrade website are
// Latin-1 ("Côte d'Ivoire" as one byte for ô); a string that is not valid
// UTF-8 is decoded as Latin-1, in which every byte is a character.
func textOf(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}
