package rules

import (
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Port is one port of the gazetteer.
type Port struct {
	LOCODE  string   `json:"locode"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Country string   `json:"country"`
	// Confidence says how the LOCODE was checked: secondary-source or
	// recalled.
	Confidence string `json:"confidence"`
}

// Gazetteer resolves route stops to ports by UN/LOCODE, name or alias.
type Gazetteer struct {
	byCode map[string]*Port
	byName map[string]*Port
}

// ParseGazetteer reads a ports file (see data/ports.yaml); name is used in
// errors.
func ParseGazetteer(name string, data []byte) (*Gazetteer, error) {
	f := &yfile{name: name}
	root := f.root(data)
	top := f.fields(root, "", "ports")
	g := &Gazetteer{byCode: map[string]*Port{}, byName: map[string]*Port{}}
	for i, n := range f.seq(top["ports"], "ports") {
		at := fmt.Sprintf("ports[%d]", i)
		m := f.fields(n, at, "locode", "name", "aliases", "country", "confidence")
		p := &Port{
			LOCODE:     strings.ToUpper(f.str(m["locode"], at+".locode", true)),
			Name:       f.str(m["name"], at+".name", true),
			Aliases:    f.strs(m["aliases"], at+".aliases"),
			Country:    strings.ToUpper(f.str(m["country"], at+".country", true)),
			Confidence: f.str(m["confidence"], at+".confidence", true),
		}
		if !locodeRE.MatchString(p.LOCODE) {
			f.fail(m["locode"], at+".locode", ErrInvalid, "%q is not a UN/LOCODE", p.LOCODE)
		} else if p.Country != "" && p.LOCODE[:2] != p.Country {
			f.fail(m["country"], at+".country", ErrInvalid, "%s is not the country of LOCODE %s", p.Country, p.LOCODE)
		}
		switch p.Confidence {
		case "primary-text", "secondary-source", "recalled", "":
		default:
			f.fail(m["confidence"], at+".confidence", ErrInvalid, "%q: want primary-text, secondary-source or recalled", p.Confidence)
		}
		if _, dup := g.byCode[p.LOCODE]; dup {
			f.fail(m["locode"], at+".locode", ErrInvalid, "%s is listed twice", p.LOCODE)
		}
		g.byCode[p.LOCODE] = p
		for _, a := range append([]string{p.Name}, p.Aliases...) {
			k := placeKey(a)
			if other, dup := g.byName[k]; dup && other != p {
				f.fail(n, at, ErrInvalid, "name %q is also a name of %s", a, other.LOCODE)
			}
			g.byName[k] = p
		}
	}
	if f.err != nil {
		return nil, f.err
	}
	return g, nil
}

// placeKey folds a place name for lookup: NFKC, lower case, spaces and
// punctuation removed, so that "Namp'o" and "NAMPO" meet.
func placeKey(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '\'' || r == '-' || r == '.' || r == ',' || r == '’' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Port returns the port with the given UN/LOCODE.
func (g *Gazetteer) Port(locode string) (*Port, bool) {
	p, ok := g.byCode[strings.ToUpper(locode)]
	return p, ok
}

// resolvedStop is a route stop with what the gazetteer knows of it.
type resolvedStop struct {
	Stop
	port    *Port  // nil when not in the gazetteer
	country string // the stop's country, from the port or the stop
	known   bool   // false: an unknown port
	why     string // why it is unknown
}

// Resolve looks up a route stop. A stop given only by country is known (the
// record names the country, not the port); a LOCODE or name the gazetteer
// lacks is unknown, because route rules cannot judge it.
func (g *Gazetteer) resolve(s Stop) resolvedStop {
	r := resolvedStop{Stop: s, country: s.Country}
	switch {
	case s.LOCODE != "":
		if p, ok := g.byCode[s.LOCODE]; ok {
			r.port, r.country, r.known = p, p.Country, true
		} else {
			r.why = fmt.Sprintf("UN/LOCODE %s is not in the gazetteer", s.LOCODE)
		}
	case s.Name != "":
		if p, ok := g.byName[placeKey(s.Name)]; ok {
			r.port, r.country, r.known = p, p.Country, true
		} else {
			r.why = fmt.Sprintf("port name %q is not in the gazetteer", s.Name)
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
