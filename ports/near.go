package ports

import (
	"math"
	"slices"
	"strings"
)

// earthRadiusKm is the mean radius of the Earth (IUGG).
const earthRadiusKm = 6371.0088

// Distance returns the great-circle distance in kilometres between two
// points given in decimal degrees (the haversine formula: exact on a
// sphere, within 0.5% on the Earth).
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	p1, p2 := lat1*rad, lat2*rad
	dp, dl := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(min(h, 1)))
}

// Near selects the places near the places of a country: the query behind
// a computed set such as "the ports of the countries bordering the DPRK
// within 240 km of it".
type Near struct {
	// Of is the ISO 3166-1 code of the country measured from: its places
	// with coordinates are the reference points.
	Of string
	// Except are reference places to leave out: UN/LOCODE entries of the
	// country whose coordinates lie elsewhere.
	Except []string
	// WithinKm is the greatest distance from the nearest reference point.
	WithinKm float64
	// IncludeOf selects the places of Of itself too (at distance 0 when
	// they have coordinates); otherwise they are never selected.
	IncludeOf bool
	// Countries, when given, are the only countries a selected place may
	// be in, besides Of with IncludeOf.
	Countries []string
	// NotCountries are countries a selected place may not be in.
	NotCountries []string
	// Subdivisions ("CN-LN") are selected whatever their distance: the
	// provinces that border the country, when UN/LOCODE gives a place's
	// subdivision.
	Subdivisions []string
	// Functions, when not zero, are the functions a selected place must
	// have one of.
	Functions Function
}

// Select returns the places the query selects, in LOCODE order, with the
// distance of each to the nearest reference point: +Inf for a place
// without coordinates selected by its subdivision, or when the country
// has no place with coordinates.
func (g *Gazetteer) Select(q Near) ([]Place, []float64) {
	ref := g.reference(q.Of, q.Except)
	box := bounds(ref, q.WithinKm)
	var out []Place
	var km []float64
	for i := range g.recs {
		r := g.recs[i]
		c := g.code(i)[:2]
		if q.Functions != 0 && r.fn&q.Functions == 0 {
			continue
		}
		if c == q.Of {
			if q.IncludeOf {
				out, km = append(out, g.place(int32(i))), append(km, nearest(ref, r.lat, r.lon))
			}
			continue
		}
		if (len(q.Countries) > 0 && !slices.Contains(q.Countries, c)) || slices.Contains(q.NotCountries, c) {
			continue
		}
		d := math.Inf(1)
		if box.contains(r.lat, r.lon) {
			d = nearest(ref, r.lat, r.lon)
		}
		if d <= q.WithinKm {
			out, km = append(out, g.place(int32(i))), append(km, d)
			continue
		}
		if len(q.Subdivisions) == 0 {
			continue
		}
		p := g.place(int32(i))
		if slices.ContainsFunc(q.Subdivisions, p.InSubdivision) {
			out, km = append(out, p), append(km, d)
		}
	}
	return out, km
}

// DistanceTo returns the distance from p to the nearest place of country
// with coordinates, leaving out the places except names, and that place.
// ok is false when p or the country has no coordinates.
func (g *Gazetteer) DistanceTo(p Place, country string, except []string) (km float64, nearestPlace Place, ok bool) {
	if !p.Located {
		return 0, Place{}, false
	}
	best, bi := math.Inf(1), int32(-1)
	for _, i := range g.referenceIndex(country, except) {
		r := g.recs[i]
		if d := Distance(p.Lat, p.Lon, float64(r.lat), float64(r.lon)); d < best {
			best, bi = d, i
		}
	}
	if bi < 0 {
		return 0, Place{}, false
	}
	return best, g.place(bi), true
}

type point struct{ lat, lon float64 }

// Reference returns the places of country with coordinates, leaving out
// the places except names: the points [Gazetteer.Select] measures from.
func (g *Gazetteer) Reference(country string, except []string) []Place {
	var out []Place
	for _, i := range g.referenceIndex(country, except) {
		out = append(out, g.place(i))
	}
	return out
}

func (g *Gazetteer) referenceIndex(country string, except []string) []int32 {
	lo, _ := slices.BinarySearchFunc(g.recs, country, func(r rec, c string) int {
		return strings.Compare(g.text[r.start:r.start+2], c)
	})
	var out []int32
	for i := lo; i < len(g.recs) && g.code(i)[:2] == country; i++ {
		if !math.IsNaN(float64(g.recs[i].lat)) && !slices.Contains(except, g.code(i)) {
			out = append(out, int32(i))
		}
	}
	return out
}

func (g *Gazetteer) reference(country string, except []string) []point {
	var out []point
	for _, i := range g.referenceIndex(country, except) {
		out = append(out, point{float64(g.recs[i].lat), float64(g.recs[i].lon)})
	}
	return out
}

// nearest returns the distance from (lat, lon) to the nearest point, or
// +Inf for a place without coordinates or no points.
func nearest(ref []point, lat, lon float32) float64 {
	if math.IsNaN(float64(lat)) {
		return math.Inf(1)
	}
	best := math.Inf(1)
	for _, p := range ref {
		best = min(best, Distance(float64(lat), float64(lon), p.lat, p.lon))
	}
	return best
}

// box is a latitude and longitude range that holds every point within a
// distance of the reference points, to spare computing the distance to
// places far outside it.
type box struct{ minLat, maxLat, minLon, maxLon float64 }

func bounds(ref []point, km float64) box {
	b := box{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)}
	for _, p := range ref {
		b.minLat, b.maxLat = min(b.minLat, p.lat), max(b.maxLat, p.lat)
		b.minLon, b.maxLon = min(b.minLon, p.lon), max(b.maxLon, p.lon)
	}
	const kmPerDegree = earthRadiusKm * math.Pi / 180
	dLat := km / kmPerDegree
	b.minLat, b.maxLat = b.minLat-dLat, b.maxLat+dLat
	// A degree of longitude is shortest at the latitude furthest from the
	// equator; near a pole, every longitude is near.
	if far := max(math.Abs(b.minLat), math.Abs(b.maxLat)); far < 89 {
		dLon := km / (kmPerDegree * math.Cos(far*math.Pi/180))
		b.minLon, b.maxLon = b.minLon-dLon, b.maxLon+dLon
	} else {
		b.minLon, b.maxLon = -180, 180
	}
	return b
}

// contains reports whether a point may be within the distance; it is
// false for a place without coordinates. Ranges that cross the
// antimeridian are not narrowed.
func (b box) contains(lat, lon float32) bool {
	if math.IsNaN(float64(lat)) {
		return false
	}
	la, lo := float64(lat), float64(lon)
	if la < b.minLat || la > b.maxLat {
		return false
	}
	if b.minLon < -180 || b.maxLon > 180 {
		return true
	}
	return lo >= b.minLon && lo <= b.maxLon
}
