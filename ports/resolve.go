package ports

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Errors a [*ResolveError] wraps.
var (
	// ErrUnknown is a code or name no place has.
	ErrUnknown = errors.New("unknown place")
	// ErrAmbiguous is a name several places far apart have, with no
	// country that tells them apart.
	ErrAmbiguous = errors.New("ambiguous place name")
)

// ResolveError says why a name or code did not resolve to one place.
type ResolveError struct {
	Name    string // the name or code asked for
	Country string // the country given, if any
	// Candidates are the places the name fits, best first; for an
	// unknown name in a given country, the places of that name elsewhere.
	Candidates []Place
	Err        error // ErrUnknown or ErrAmbiguous
}

// maxListed bounds the candidates an error message names.
const maxListed = 6

func (e *ResolveError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q", e.Name)
	if e.Country != "" {
		fmt.Fprintf(&b, " in %s", e.Country)
	}
	switch {
	case errors.Is(e.Err, ErrAmbiguous):
		fmt.Fprintf(&b, ": %v: %d places in %s", e.Err, len(e.Candidates), countries(e.Candidates))
	case len(e.Candidates) > 0:
		fmt.Fprintf(&b, ": %v: the places of that name are in %s", e.Err, countries(e.Candidates))
	default:
		fmt.Fprintf(&b, ": %v: no UN/LOCODE place has that code or name", e.Err)
	}
	if len(e.Candidates) > 0 {
		b.WriteString(" (")
		for i, p := range e.Candidates[:min(len(e.Candidates), maxListed)] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(p.String())
		}
		if len(e.Candidates) > maxListed {
			fmt.Fprintf(&b, ", and %d more", len(e.Candidates)-maxListed)
		}
		b.WriteString(")")
	}
	if errors.Is(e.Err, ErrAmbiguous) {
		b.WriteString("; give the country or the UN/LOCODE")
	}
	return b.String()
}

func (e *ResolveError) Unwrap() error { return e.Err }

func countries(ps []Place) string {
	var cs []string
	for _, p := range ps {
		if !slices.Contains(cs, p.Country) {
			cs = append(cs, p.Country)
		}
	}
	slices.Sort(cs)
	return strings.Join(cs, ", ")
}

// SamePlaceKm is how close two places of one name and country must be to
// count as one place: UN/LOCODE often lists a town and its port, or a
// city's terminals, under one name ("Dalian", "Dalian Pt").
const SamePlaceKm = 50

// Candidates returns the places a name fits, best first: the place with
// the name as an authored alias, or else every place whose name (without
// "Port of", "Pt" and the like) is the name, or has it as a part ("Najin"
// in "Rajin (Najin)"), the whole names first.
func (g *Gazetteer) Candidates(name string) []Place {
	k := Key(name)
	if k == "" {
		return nil
	}
	if i, ok := g.aliases[k]; ok {
		return []Place{g.place(i)}
	}
	out := g.candidates(k)
	if len(out) == 0 {
		// "Port of Spain" is the name of a place, not Spain's port.
		var f folder
		if whole := string(f.key1(name, false, true)); whole != k {
			out = g.candidates(whole)
		}
	}
	return out
}

// candidates returns the places with key k, best first.
func (g *Gazetteer) candidates(k string) []Place {
	h := hashKey([]byte(k))
	refs := g.nameRefs()
	lo, _ := slices.BinarySearchFunc(refs, h, func(n nameRef, h uint64) int { return cmp.Compare(n.hash, h) })
	type cand struct {
		p    Place
		rank int
	}
	var cs []cand
	for _, n := range refs[lo:] {
		if n.hash != h {
			break
		}
		p := g.place(n.i)
		// The hash is 64 bits; a place is a candidate only if one of its
		// keys really is the name's.
		if !hasKey(p, k) {
			continue
		}
		cs = append(cs, cand{p, int(n.tier)*32 + rank(p, k)})
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.rank - b.rank })
	out := make([]Place, len(cs))
	for i, c := range cs {
		out[i] = c.p
	}
	return out
}

func hasKey(p Place, k string) bool {
	var f folder
	found := false
	for _, n := range p.Names() {
		f.keys(n, func(key []byte, _ uint8) { found = found || string(key) == k })
	}
	return found
}

// rank orders the places of one name: a place whose name is exactly the
// name before one whose name adds "Pt" or "Port"; then ports; then
// entries an authority approved; then places with more functions; then
// places with coordinates.
func rank(p Place, k string) int {
	r := 0
	if !exactName(p.Name, k) && !exactName(p.NameASCII, k) {
		r += 16
	}
	if p.Function&Port == 0 {
		r += 8
	}
	switch p.Status {
	case "AA", "AC", "AF", "AI", "AS":
	default:
		r += 4
	}
	if bits(p.Function&Transport) < 2 {
		r += 2
	}
	if !p.Located {
		r++
	}
	return r
}

func bits(f Function) int {
	n := 0
	for ; f != 0; f &= f - 1 {
		n++
	}
	return n
}

// Resolve returns the one place a route stop names: by UN/LOCODE ("CNDDG",
// "CN DDG") or by name, in any case, with or without diacritics, with or
// without "Port of" or "Pt", by an authored alias, or by a part of a
// UN/LOCODE name ("Najin" for "Rajin (Najin)"). country, the ISO 3166-1
// code of the stop when the record gives it, chooses among places of the
// same name and must agree with a LOCODE.
//
// A name of several places is resolved only when, after ports are
// preferred to places of the name that are not ports, the rest are one
// place (see [SamePlace]); the best ranked is returned. Otherwise the
// error is a [*ResolveError] wrapping [ErrAmbiguous] that names the
// candidates; a name or code no place has wraps [ErrUnknown]. Preferring
// ports across countries can pass over a terminal of the name elsewhere:
// a caller for whom some places matter more checks [Gazetteer.Candidates].
func (g *Gazetteer) Resolve(name, country string) (Place, error) {
	country = strings.ToUpper(strings.TrimSpace(country))
	// A code is written in capitals ("CNDDG", "CN DDG"); "De Aar" is a
	// name.
	if t := strings.TrimSpace(name); t == strings.ToUpper(t) && isLOCODE(normCode(t)) {
		c := normCode(t)
		if p, ok := g.ByCode(c); ok {
			if country != "" && p.Country != country {
				return Place{}, &ResolveError{Name: name, Country: country, Candidates: []Place{p}, Err: ErrUnknown}
			}
			return p, nil
		}
	}
	all := g.Candidates(name)
	cands := all
	if country != "" {
		cands = slices.DeleteFunc(slices.Clone(all), func(p Place) bool { return p.Country != country })
	}
	if len(cands) == 0 {
		return Place{}, &ResolveError{Name: name, Country: country, Candidates: all, Err: ErrUnknown}
	}
	if slices.ContainsFunc(cands, func(p Place) bool { return p.Function&Port != 0 }) {
		cands = slices.DeleteFunc(slices.Clone(cands), func(p Place) bool { return p.Function&Port == 0 })
	}
	best := cands[0]
	for _, p := range cands[1:] {
		if !samePlace(best, p) {
			return Place{}, &ResolveError{Name: name, Country: country, Candidates: cands, Err: ErrAmbiguous}
		}
	}
	return best, nil
}

// SamePlace reports whether two places are one place for screening: the
// same LOCODE, or in one country and within SamePlaceKm of each other or
// in one subdivision. The subdivision decides when coordinates are
// missing or disagree: UN/LOCODE's "Wuhan" and "Wuhan Pt" are both in
// Hubei, one of them geocoded far off.
func SamePlace(a, b Place) bool { return a.LOCODE == b.LOCODE || samePlace(a, b) }

func samePlace(a, b Place) bool {
	if a.Country != b.Country {
		return false
	}
	if a.Located && b.Located && Distance(a.Lat, a.Lon, b.Lat, b.Lon) <= SamePlaceKm {
		return true
	}
	if a.Subdivision != "" && b.Subdivision != "" {
		return a.Subdivision == b.Subdivision
	}
	return !a.Located || !b.Located
}

// exactName reports whether name is the name of key k without "Port of",
// "Pt" or the like.
func exactName(name, k string) bool {
	var f folder
	return string(f.key1(name, false, false)) == k
}
