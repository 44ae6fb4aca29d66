package ports_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/luxscreen/luxscreen/ports"
)

// A route stop resolves by code or by name, in any spelling UN/LOCODE or
// an alias gives.
func ExampleGazetteer_Resolve() {
	g, err := ports.Embedded()
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"RUNJK", "Port of Felixstowe", "LONGKOU PT", "Najin"} {
		p, err := g.Resolve(name, "")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p)
	}
	// Output:
	// RUNJK Nakhodka (RU)
	// GBFXT Felixstowe (GB)
	// CNLKU Longkou Pt (CN)
	// KPRJN Rajin (Najin) (KP)
}

// A name several places far apart share needs the country.
func ExampleGazetteer_Resolve_ambiguous() {
	g, err := ports.Embedded()
	if err != nil {
		log.Fatal(err)
	}
	_, err = g.Resolve("Santa Cruz", "")
	fmt.Println(errors.Is(err, ports.ErrAmbiguous))
	p, err := g.Resolve("Santa Cruz", "AR")
	fmt.Println(p, err)
	// Output:
	// true
	// ARRZA Santa Cruz (AR) <nil>
}

// Nearness is computed from coordinates: the distance of a port to the
// nearest place of the DPRK, and the places within a distance of it.
func ExampleGazetteer_Select() {
	g, err := ports.Embedded()
	if err != nil {
		log.Fatal(err)
	}
	dalian, _ := g.ByCode("CNDAL")
	km, nearest, _ := g.DistanceTo(dalian, "KP", nil)
	fmt.Printf("%s: %.0f km from %s\n", dalian.Name, km, nearest.Name)

	places, dist := g.Select(ports.Near{Of: "KP", WithinKm: 100, Countries: []string{"RU"}, Functions: ports.Port})
	for i, p := range places {
		fmt.Printf("%s %.0f km\n", p, dist[i])
	}
	// Output:
	// Dalian: 273 km from Sinuiju
	// RUPSE Posyet (RU) 64 km
	// RUVTZ Vityaz (RU) 84 km
	// RUZAR Zarubino (RU) 79 km
}
