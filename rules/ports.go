package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"gopkg.in/yaml.v3"

	"github.com/luxscreen/luxscreen/internal/iso"
	"github.com/luxscreen/luxscreen/ports"
)

// Port is the place a route stop resolves to: a UN/LOCODE location (see
// package ports).
type Port struct {
	LOCODE  string `json:"locode"`
	Name    string `json:"name"`
	Country string `json:"country"`
	// Subdivision is the ISO 3166-2 subdivision without the country
	// ("LN"), when UN/LOCODE gives it.
	Subdivision string `json:"subdivision,omitempty"`
	// Function is UNECE's 8-character function classifier ("1234----":
	// port, rail, road, airport; B in the last place: border crossing).
	Function string `json:"function"`
	// Lat and Lon are the place's coordinates in decimal degrees; both are
	// zero when UN/LOCODE has none.
	Lat float64 `json:"lat,omitempty"`
	Lon float64 `json:"lon,omitempty"`
}

func portOf(p ports.Place) *Port {
	return &Port{LOCODE: p.LOCODE, Name: p.Name, Country: p.Country, Subdivision: p.Subdivision, Function: p.Function.String(), Lat: p.Lat, Lon: p.Lon}
}

// Gazetteer resolves route stops to places: by UN/LOCODE, by name, or by an
// alias of the ports file laid over the UN/LOCODE code list of package
// ports.
type Gazetteer struct {
	places *ports.Gazetteer
	guard  guard
	// countries are the English names of the ISO 3166-1 countries (CLDR,
	// by golang.org/x/text/language/display), by ports.Key: "Dalian,
	// China" names its country.
	countries map[string]string
}

// guard is where a place name must not be resolved past: a name that
// [ports.Gazetteer.Resolve] gives to a port in one country, though a place
// of the same name lies in the country of or within withinKm of its
// places, stays unknown without the stop's country ("Panjang": a port in
// Indonesia, a terminal in the DPRK).
type guard struct {
	of       string
	withinKm float64
	except   []string
}

// guarded returns a place of the name other than p that lies in or near
// the guarded country, if any.
func (g *Gazetteer) guarded(name string, p ports.Place) (ports.Place, bool) {
	if g.guard.of == "" {
		return ports.Place{}, false
	}
	for _, c := range g.places.Candidates(name) {
		if c.Country == p.Country {
			continue
		}
		if c.Country == g.guard.of {
			return c, true
		}
		if km, _, ok := g.places.DistanceTo(c, g.guard.of, g.guard.except); ok && km <= g.guard.withinKm {
			return c, true
		}
	}
	return ports.Place{}, false
}

// guard reads the guard of a ports file; the zero guard guards nothing.
func (f *yfile) guard(base *ports.Gazetteer, n *yaml.Node) guard {
	var gd guard
	if n == nil {
		return gd
	}
	m := f.fields(n, "guard", "of", "within_km", "except")
	gd.of = strings.ToUpper(f.str(m["of"], "guard.of", true))
	gd.withinKm = f.number(m["within_km"], "guard.within_km")
	for i, c := range f.strs(m["except"], "guard.except") {
		c = strings.ToUpper(c)
		if _, ok := base.ByCode(c); !ok {
			f.fail(m["except"], fmt.Sprintf("guard.except[%d]", i), ErrInvalid, "%q is not in UN/LOCODE", c)
		}
		gd.except = append(gd.except, c)
	}
	switch {
	case gd.of == "":
	case !iso.Country(gd.of):
		f.fail(m["of"], "guard.of", ErrInvalid, "%q is not a country code", gd.of)
	case len(base.Reference(gd.of, gd.except)) == 0:
		f.fail(m["of"], "guard.of", ErrInvalid, "UN/LOCODE has no place with coordinates in %s to measure from", gd.of)
	}
	if m["within_km"] == nil {
		f.fail(n, "guard.within_km", ErrMissing, "the distance, in km")
	} else if gd.withinKm < 0 {
		f.fail(m["within_km"], "guard.within_km", ErrInvalid, "%v: want a distance of 0 km or more", gd.withinKm)
	}
	return gd
}

// ParseGazetteer reads a ports file (see data/ports.yaml): the aliases laid
// over the embedded UN/LOCODE code list. name is used in errors.
func ParseGazetteer(name string, data []byte) (*Gazetteer, error) {
	base, err := ports.Embedded()
	if err != nil {
		return nil, err
	}
	f := &yfile{name: name}
	root := f.root(data)
	if root == nil {
		return nil, f.err
	}
	top := f.fields(root, "", "guard", "aliases")
	gd := f.guard(base, top["guard"])
	var aliases []ports.Alias
	owner := map[string]string{} // alias key -> LOCODE
	for i, n := range f.seq(top["aliases"], "aliases") {
		at := fmt.Sprintf("aliases[%d]", i)
		m := f.fields(n, at, "locode", "names", "note")
		code := strings.ToUpper(f.str(m["locode"], at+".locode", true))
		names := f.strs(m["names"], at+".names")
		f.str(m["note"], at+".note", false)
		if code == "" {
			continue
		}
		if _, ok := base.ByCode(code); !ok {
			f.fail(m["locode"], at+".locode", ErrInvalid, "%q is not in UN/LOCODE", code)
			continue
		}
		if len(names) == 0 {
			f.fail(n, at+".names", ErrMissing, "an alias needs names")
		}
		for j, a := range names {
			k := ports.Key(a)
			switch other, dup := owner[k]; {
			case k == "":
				f.fail(m["names"], fmt.Sprintf("%s.names[%d]", at, j), ErrInvalid, "%q has no letters or digits", a)
			case dup && other != code:
				f.fail(m["names"], fmt.Sprintf("%s.names[%d]", at, j), ErrInvalid, "%q is also an alias of %s", a, other)
			default:
				owner[k] = code
				aliases = append(aliases, ports.Alias{Name: a, LOCODE: code})
			}
		}
	}
	if f.err != nil {
		return nil, f.err
	}
	places, err := base.WithAliases(aliases)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Gazetteer{places: places, guard: gd, countries: countryNames()}, nil
}

// Port returns the place with the given UN/LOCODE.
func (g *Gazetteer) Port(locode string) (*Port, bool) {
	p, ok := g.places.ByCode(locode)
	if !ok {
		return nil, false
	}
	return portOf(p), true
}

// Places returns the gazetteer of package ports the stops resolve in,
// with the file's aliases.
func (g *Gazetteer) Places() *ports.Gazetteer { return g.places }

// resolvedStop is a route stop with what the gazetteer knows of it.
type resolvedStop struct {
	Stop
	port    *Port  // nil when not in the gazetteer
	country string // the stop's country, from the port or the stop
	known   bool   // false: an unknown port
	why     string // why it is unknown
}

// resolve looks up a route stop. A stop given only by country is known
// (the record names the country, not the port). A LOCODE UN/LOCODE lacks,
// a name no place has, a name of several places that neither the stop's
// country nor nearness tells apart, and a name of a port elsewhere that
// is also the name of a place in or near the guarded country are unknown,
// because route rules cannot judge them; the reason names the candidates.
func (g *Gazetteer) resolve(s Stop) resolvedStop {
	r := resolvedStop{Stop: s, country: s.Country}
	switch {
	case s.LOCODE != "":
		if p, ok := g.places.ByCode(s.LOCODE); ok {
			r.port, r.country, r.known = portOf(p), p.Country, true
			if why := g.disagree(p, s.Name); why != "" {
				r.port, r.known, r.why = nil, false, why
			}
			break
		}
		r.why = fmt.Sprintf("UN/LOCODE %s is not in the UN/LOCODE code list", s.LOCODE)
		// Five capitals that are no code may be a name written in
		// capitals ("DUBAI", "BUSAN"): its first two letters are then no
		// country.
		if s.Name == "" && len(g.places.Candidates(s.LOCODE)) > 0 {
			g.byName(&r, s.LOCODE)
			return r
		}
	case s.Name != "":
		g.byName(&r, s.Name)
	default:
		r.known = s.Country != ""
		r.why = "no LOCODE, name or country"
	}
	if r.port != nil && s.Country != "" && s.Country != r.port.Country {
		r.known = false
		r.why = fmt.Sprintf("%s is in %s, not %s as given", r.port.LOCODE, r.port.Country, s.Country)
	}
	if r.country == "" && s.LOCODE != "" {
		r.country = s.LOCODE[:2]
	}
	return r
}

// disagree says why a stop's name is not the place its LOCODE is, or
// returns "". A name UN/LOCODE does not know ("Dalian Container
// Terminal") does not disagree: names on documents vary. A name of a
// place elsewhere does ("CNSHA" named "Dandong"): the route rules would
// judge one place while the document may mean the other.
func (g *Gazetteer) disagree(p ports.Place, name string) string {
	if name == "" {
		return ""
	}
	q, err := g.places.Resolve(name, p.Country)
	var re *ports.ResolveError
	switch {
	case err == nil:
		if ports.SamePlace(p, q) {
			return ""
		}
	case errors.As(err, &re):
		if len(re.Candidates) == 0 || slices.ContainsFunc(re.Candidates, func(c ports.Place) bool { return ports.SamePlace(p, c) }) {
			return ""
		}
		q = re.Candidates[0]
	default:
		return ""
	}
	return fmt.Sprintf("UN/LOCODE %s is %s, but the stop is named %q, which is %s: give the one place meant", p.LOCODE, p, name, q)
}

// countryNames returns the English names of the ISO 3166-1 countries by
// ports.Key, and their codes.
func countryNames() map[string]string {
	out := map[string]string{}
	names := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if !iso.Country(code) {
				continue
			}
			if k := ports.Key(names.Name(language.MustParseRegion(code))); k != "" {
				out[k] = code
			}
		}
	}
	return out
}

// splitCountry splits "Dalian, China", "Dalian (CN)" or "Dalian, CN" into
// the place's name and its country's code; ok is false when the name
// ends in no country.
func (g *Gazetteer) splitCountry(name string) (head, country string, ok bool) {
	name = strings.TrimSpace(name)
	var tail string
	switch i := strings.LastIndexAny(name, ",("); {
	case i <= 0:
		return "", "", false
	case name[i] == '(' && strings.HasSuffix(name, ")"):
		head, tail = name[:i], name[i+1:len(name)-1]
	case name[i] == ',':
		head, tail = name[:i], name[i+1:]
	default:
		return "", "", false
	}
	head, tail = strings.TrimSpace(head), strings.TrimSpace(tail)
	if iso.Country(tail) {
		return head, tail, head != ""
	}
	c, ok := g.countries[ports.Key(tail)]
	return head, c, ok && head != ""
}

// byName resolves the stop r by a place name, with the stop's country if
// it gives one, or with the country the name ends in ("Dalian, China")
// when the whole name is no place's.
func (g *Gazetteer) byName(r *resolvedStop, name string) {
	country := r.Country
	p, err := g.places.Resolve(name, country)
	if errors.Is(err, ports.ErrUnknown) {
		if head, c, ok := g.splitCountry(name); ok && (country == "" || country == c) {
			name, country = head, c
			p, err = g.places.Resolve(name, country)
		}
	}
	if err != nil {
		r.why = "port name " + err.Error()
		var re *ports.ResolveError
		if errors.As(err, &re) && errors.Is(err, ports.ErrAmbiguous) && r.country == "" {
			// The country the name ends in still tells the country. Places
			// of the name all in one country do not: "Genoa" is seven
			// American towns in UN/LOCODE, and the Italian port as Genova.
			r.country = country
		}
		return
	}
	if country == "" {
		if o, near := g.guarded(name, p); near {
			r.why = fmt.Sprintf("port name %q is %s, but also names %s, in or near %s: give the country or the UN/LOCODE", name, p, o, g.guard.of)
			return
		}
	}
	r.port, r.country, r.known, r.why = portOf(p), p.Country, true, ""
}

// label names a stop for evidence: "CNDLC Dalian (CN)".
func (r resolvedStop) label() string {
	switch {
	case r.port != nil:
		return fmt.Sprintf("%s %s (%s)", r.port.LOCODE, r.port.Name, r.port.Country)
	case r.LOCODE != "" || r.Name != "":
		return strings.TrimSpace(r.LOCODE + " " + r.Name)
	}
	return "a port in " + r.Country
}
