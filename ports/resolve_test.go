package ports

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResolve(t *testing.T) {
	g := embeddedForTest(t)
	tests := []struct {
		name, country string
		want          string // LOCODE, or "" for an error
		err           error
	}{
		// Ports the old hand list lacked.
		{name: "Felixstowe", want: "GBFXT"},
		{name: "Longkou", want: "CNLKU"},
		{name: "Zarubino", want: "RUZAR"},
		// Case, punctuation, diacritics, "Port of", "Pt".
		{name: "FELIXSTOWE", want: "GBFXT"},
		{name: "Port of Felixstowe", want: "GBFXT"},
		{name: "Longkou Port", want: "CNLKU"},
		{name: "Longkou Pt", want: "CNLKU"},
		{name: "Port of Dalian", want: "CNDAL"},
		{name: "Namp'o", want: "KPNAM"},
		{name: "Lübeck", want: "DELBC"},
		{name: "LUBECK", want: "DELBC"},
		{name: "Bruxelles", want: "BEBRU"},
		{name: "Najin", want: "KPRJN"},
		{name: "Leningrad", want: "RULED"},
		// A port is preferred to places of its name that are not ports,
		// in any country: Panjang is a port in Indonesia, a rail and road
		// terminal in the DPRK (the rules guard against such names).
		{name: "Panjang", want: "IDPNJ"},
		{name: "Panjang", country: "KP", want: "KPPNG"},
		{name: "Hamburg", want: "DEHAM"},
		{name: "Nagoya", want: "JPNGO"},
		// A town and its port in one place: one answer.
		{name: "Dalian", want: "CNDAL"},
		{name: "Dandong", want: "CNDDG"},
		{name: "Vladivostok", want: "RUVVO"},
		{name: "Wuhan", want: "CNNHN"},
		{name: "Shanghai Railway Station", want: "CNSGH"},
		// "Port of" before a name: the town's port, unless the whole is
		// the name of a place.
		{name: "Port-of-Spain", want: "TTPOS"},
		{name: "Port of Spain", want: "TTPOS"},
		{name: "Spain", err: ErrUnknown},
		// Ji'an in Jiangxi, and the rail crossing of Ji'an, Jilin, to
		// Manpo: the name needs more than the country.
		{name: "Ji'an", country: "CN", err: ErrAmbiguous},
		// Codes.
		{name: "CNDDG", want: "CNDDG"},
		{name: "CN DDG", want: "CNDDG"},
		{name: "RUNJK", country: "RU", want: "RUNJK"},
		{name: "RUNJK", country: "CN", err: ErrUnknown},
		{name: "ZZZZZ", err: ErrUnknown},
		// Mixed case is a name, not a code.
		{name: "De Aar", country: "ZA", want: "ZADAC"},
		// One name, several places far apart: the country decides.
		{name: "Victoria", err: ErrAmbiguous},
		{name: "Victoria", country: "SC", want: "SCVIC"},
		{name: "Santa Cruz", err: ErrAmbiguous},
		{name: "Rotterdam", err: ErrAmbiguous},
		{name: "Rotterdam", country: "NL", want: "NLRTM"},
		{name: "Saint Petersburg", err: ErrAmbiguous},
		{name: "St. Petersburg", country: "RU", want: "RULED"},
		{name: "Portland", country: "US", err: ErrAmbiguous},
		// Nothing.
		{name: "Lost City of Atlantis", err: ErrUnknown},
		{name: "Felixstowe", country: "CN", err: ErrUnknown},
		{name: "", err: ErrUnknown},
		{name: "---", err: ErrUnknown},
	}
	for _, tt := range tests {
		p, err := g.Resolve(tt.name, tt.country)
		if !errors.Is(err, tt.err) || p.LOCODE != tt.want {
			t.Errorf("Resolve(%q, %q) = %s, %v; want %s, %v", tt.name, tt.country, p.LOCODE, err, tt.want, tt.err)
		}
	}
}

func TestResolveErrorNamesCandidates(t *testing.T) {
	g := embeddedForTest(t)
	_, err := g.Resolve("Victoria", "")
	var re *ResolveError
	if !errors.As(err, &re) {
		t.Fatalf("Resolve(Victoria): %v, want a *ResolveError", err)
	}
	var got []string
	for _, p := range re.Candidates {
		got = append(got, p.LOCODE)
	}
	// Ports only: the towns named Victoria without a port are not
	// candidates when ports of the name exist.
	want := []string{"CAVIC", "SCVIC", "HKVIC", "CAVIH"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("candidates (-want +got):\n%s", diff)
	}
	const msg = `"Victoria": ambiguous place name: 4 places in CA, HK, SC (CAVIC Victoria (CA), SCVIC Victoria (SC), HKVIC Victoria (HK), CAVIH Victoria Harbour (CA)); give the country or the UN/LOCODE`
	if err.Error() != msg {
		t.Errorf("message:\n got %s\nwant %s", err, msg)
	}
}

func TestWithAliases(t *testing.T) {
	base := embeddedForTest(t)
	g, err := base.WithAliases([]Alias{{Name: "Rotterdam", LOCODE: "NLRTM"}, {Name: "Находка", LOCODE: "RUNJK"}})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Rotterdam": "NLRTM", "ROTTERDAM": "NLRTM", "Находка": "RUNJK", "Felixstowe": "GBFXT"} {
		if p, err := g.Resolve(name, ""); err != nil || p.LOCODE != want {
			t.Errorf("Resolve(%q) = %s, %v; want %s", name, p.LOCODE, err, want)
		}
	}
	// The receiver is unchanged.
	if _, err := base.Resolve("Rotterdam", ""); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("base Resolve(Rotterdam): %v, want ambiguous", err)
	}
	for _, bad := range [][]Alias{
		{{Name: "Atlantis", LOCODE: "ZZZZZ"}},
		{{Name: "...", LOCODE: "NLRTM"}},
		{{Name: "X", LOCODE: "NLRTM"}, {Name: "x", LOCODE: "BEANR"}},
	} {
		if _, err := base.WithAliases(bad); err == nil {
			t.Errorf("WithAliases(%v): no error", bad)
		}
	}
}

func TestKey(t *testing.T) {
	tests := map[string]string{
		"Port of Dalian":      "dalian",
		"Dalian Pt":           "dalian",
		"DALIAN":              "dalian",
		"Namp'o":              "nampo",
		"Nam-po":              "nampo",
		"Saint-Nazaire":       "stnazaire",
		"St. Nazaire":         "stnazaire",
		"Lübeck":              "lubeck",
		"Straße":              "strasse",
		"Ålesund":             "alesund",
		"Port":                "port",
		"Newport":             "newport",
		"Port Said":           "portsaid",
		"Vostochnyy Port":     "vostochnyy",
		"Находка":             "находка",
		"  Harbour  of  Oz  ": "harbourofoz",
	}
	for in, want := range tests {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}
