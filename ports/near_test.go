package ports

import (
	"math"
	"slices"
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		km                     float64
	}{
		{"same point", 40, 124, 40, 124, 0},
		{"a degree of latitude", 0, 0, 1, 0, 111.195},
		{"quarter meridian", 0, 0, 90, 0, 10007.557},
		{"antipodes", 0, 0, 0, 180, 20015.115},
		{"across the antimeridian", 0, 179.5, 0, -179.5, 111.195},
	}
	for _, tt := range tests {
		if got := Distance(tt.lat1, tt.lon1, tt.lat2, tt.lon2); math.Abs(got-tt.km) > 0.01 {
			t.Errorf("%s: Distance = %.3f km, want %.3f", tt.name, got, tt.km)
		}
	}
}

func TestDistanceTo(t *testing.T) {
	g := embeddedForTest(t)
	tests := []struct {
		code, nearest string
		km            float64 // rounded
	}{
		{"CNDDG", "KPSII", 4},
		{"RUZAR", "KPRJN", 79},
		{"RUNJK", "KPRJN", 224},
		{"CNDAL", "KPSII", 273},
		{"KRPUS", "KPKSN", 386},
		{"JPOSA", "KPTCH", 862},
	}
	for _, tt := range tests {
		p, _ := g.ByCode(tt.code)
		km, near, ok := g.DistanceTo(p, "KP", []string{"KPCCD"})
		if !ok || near.LOCODE != tt.nearest || math.Round(km) != tt.km {
			t.Errorf("DistanceTo(%s) = %.1f km to %s, %v; want %.0f km to %s", tt.code, km, near.LOCODE, ok, tt.km, tt.nearest)
		}
	}
	if _, _, ok := g.DistanceTo(Place{}, "KP", nil); ok {
		t.Error("DistanceTo a place without coordinates: ok")
	}
}

func TestSelect(t *testing.T) {
	g := embeddedForTest(t)
	got, km := g.Select(Near{Of: "KP", Except: []string{"KPCCD"}, WithinKm: 100, Countries: []string{"RU"}, Functions: Port | Rail})
	var codes []string
	for i, p := range got {
		codes = append(codes, p.LOCODE)
		if km[i] > 100 {
			t.Errorf("%s at %.0f km", p.LOCODE, km[i])
		}
	}
	for _, want := range []string{"RUKHS", "RUPSE", "RUZAR"} {
		if !slices.Contains(codes, want) {
			t.Errorf("Select: %v lacks %s", codes, want)
		}
	}
	if slices.Contains(codes, "RUVVO") {
		t.Errorf("Select within 100 km holds Vladivostok (165 km)")
	}
	// The country's own places, with IncludeOf.
	got, _ = g.Select(Near{Of: "KP", WithinKm: 0, IncludeOf: true, Countries: []string{"CN"}})
	if !slices.ContainsFunc(got, func(p Place) bool { return p.LOCODE == "KPNAM" }) {
		t.Errorf("Select(IncludeOf) lacks Nampo")
	}
	if got, _ := g.Select(Near{Of: "KP", WithinKm: 0, Countries: []string{"KP"}}); len(got) != 0 {
		t.Errorf("Select without IncludeOf holds %d places of KP", len(got))
	}
	// A subdivision is selected whatever the distance; places without
	// coordinates too.
	got, _ = g.Select(Near{Of: "KP", WithinKm: 0, Countries: []string{"CN"}, Subdivisions: []string{"CN-LN"}})
	if len(got) == 0 || !slices.ContainsFunc(got, func(p Place) bool { return p.LOCODE == "CNDAL" }) {
		t.Errorf("Select(CN-LN) lacks Dalian: %d places", len(got))
	}
	for _, p := range got {
		if p.Country != "CN" || p.Subdivision != "LN" {
			t.Errorf("Select(CN-LN) holds %s in %s-%s", p.LOCODE, p.Country, p.Subdivision)
		}
	}
}

func TestFunction(t *testing.T) {
	for _, s := range []string{"1234----", "--3----B", "12345678"[:7] + "B", "--------"} {
		f, err := ParseFunction(s)
		if err != nil || f.String() != s {
			t.Errorf("ParseFunction(%q) = %v, %v; String %q", s, f, err, f.String())
		}
	}
	if f, err := ParseFunction("0-------"); err != nil || f != 0 {
		t.Errorf(`ParseFunction("0-------") = %v, %v; want no function`, f, err)
	}
	for _, s := range []string{"", "1234", "2-------", "1234---x"} {
		if _, err := ParseFunction(s); err == nil {
			t.Errorf("ParseFunction(%q): no error", s)
		}
	}
	if got := (Port | Border).Names(); got != "port, border" {
		t.Errorf("Names = %q", got)
	}
}
