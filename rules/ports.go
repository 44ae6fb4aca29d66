package rules

import (
	"errors"
	"fmt"
	"strings"

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
	top := f.fields(root, "", "aliases")
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
	return &Gazetteer{places: places}, nil
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
// a name no place has, and a name of several places that neither the
// stop's country nor nearness tells apart are unknown, because route
// rules cannot judge them; the reason names the candidates.
func (g *Gazetteer) resolve(s Stop) resolvedStop {
	r := resolvedStop{Stop: s, country: s.Country}
	switch {
	case s.LOCODE != "":
		if p, ok := g.places.ByCode(s.LOCODE); ok {
			r.port, r.country, r.known = portOf(p), p.Country, true
		} else {
			r.why = fmt.Sprintf("UN/LOCODE %s is not in the UN/LOCODE code list", s.LOCODE)
		}
	case s.Name != "":
		p, err := g.places.Resolve(s.Name, s.Country)
		if err == nil {
			r.port, r.country, r.known = portOf(p), p.Country, true
			break
		}
		r.why = "port name " + err.Error()
		var re *ports.ResolveError
		if errors.As(err, &re) && errors.Is(err, ports.ErrAmbiguous) && r.country == "" {
			// Places of the name in one country still tell the country.
			if c := re.Candidates[0].Country; allIn(re.Candidates, c) {
				r.country = c
			}
		}
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

func allIn(ps []ports.Place, country string) bool {
	for _, p := range ps {
		if p.Country != country {
			return false
		}
	}
	return true
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
