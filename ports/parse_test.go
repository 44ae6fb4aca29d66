package ports

import (
	"strings"
	"testing"
)

const sample = "# comment\n" +
	"CNDDG\tDandong\t\tLN\tAS\t1234----\t40.1238\t124.3822\tg\t\n" +
	"KPNAM\tNampo\t\t14\tAA\t123-----\t40.5147\t125.5742\t\t\n" +
	"SEMMA\tMalmö\tMalmo\tM\tAI\t1234----\t55.6\t13\t\tMalmoe|Malmø\n" +
	"XXNOW\tNowhere\t\t\t\t0-------\t\t\t\t\n"

func TestParse(t *testing.T) {
	g, err := Parse("sample", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 4 {
		t.Errorf("Len = %d, want 4", g.Len())
	}
	p, ok := g.ByCode("semma")
	if !ok || p.Name != "Malmö" || p.NameASCII != "Malmo" || p.Subdivision != "M" || p.Function != Port|Rail|Road|Airport || !p.Located || p.Lon != 13 {
		t.Errorf("ByCode(semma) = %+v, %v", p, ok)
	}
	for _, name := range []string{"Malmo", "MALMÖ", "Malmø", "Malmoe"} {
		if q, err := g.Resolve(name, ""); err != nil || q.LOCODE != "SEMMA" {
			t.Errorf("Resolve(%q) = %v, %v", name, q, err)
		}
	}
	if p, _ := g.ByCode("XXNOW"); p.Located || p.Function != 0 {
		t.Errorf("XXNOW = %+v: want no coordinates, no function", p)
	}
	if p, _ := g.ByCode("CNDDG"); !p.Geocoded {
		t.Error("CNDDG: not geocoded")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CNDDG\tDandong\n", "x:1: 2 fields, want 10"},
		{"CNDDG\tDandong\t\t\t\t1-------\t\t\t\t\textra\n", "x:1: more than 10 fields"},
		{"cnddg\tDandong\t\t\t\t1-------\t\t\t\t\n", `x:1: locode: "cnddg" is not a UN/LOCODE`},
		{"CNDDG\t \t\t\t\t1-------\t\t\t\t\n", "x:1: name: empty"},
		{"CNDDG\tDandong\t\t\t\t9-------\t\t\t\t\n", "x:1: function:"},
		{"CNDDG\tDandong\t\t\t\t1-------\t40\t\t\t\n", "x:1: lat: latitude and longitude go together"},
		{"CNDDG\tDandong\t\t\t\t1-------\t91\t124\t\t\n", `x:1: lat: "91", "124" are not coordinates`},
		{"CNDDG\tDandong\t\t\t\t1-------\tNaN\t124\t\t\n", "are not coordinates"},
		{"CNDDG\tDandong\t\t\t\t1-------\t\t\tq\t\n", `x:1: flags: "q"`},
		{"CNDDG\tDandong\t\t\t\t1-------\t\t\t\t\nCNDDG\tDandong\t\t\t\t1-------\t\t\t\t\n", "x:2: locode: CNDDG after CNDDG"},
		{"# only a comment\n", "x: no places"},
	}
	for _, tt := range tests {
		_, err := Parse("x", []byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}

// FuzzParse checks that Parse never panics, and that what it accepts
// answers every lookup without panicking.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("CNDDG\tDandong (Antung)/Tandong, LN\t\tLN\tAS\t123----B\t-90\t180\t\t|\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse("fuzz", data)
		if err != nil {
			return
		}
		for p := range g.All {
			if q, ok := g.ByCode(p.LOCODE); !ok || q.LOCODE != p.LOCODE {
				t.Fatalf("ByCode(%s) = %v, %v", p.LOCODE, q, ok)
			}
			for _, n := range p.Names() {
				if _, err := g.Resolve(n, p.Country); err != nil && Key(n) != "" {
					if _, amb := err.(*ResolveError); !amb {
						t.Fatalf("Resolve(%q): %v", n, err)
					}
				}
			}
		}
		g.Select(Near{Of: "KP", WithinKm: 500})
	})
}
