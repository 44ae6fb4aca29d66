package rules_test

import (
	"fmt"
	"log"
	"slices"

	"github.com/luxscreen/luxscreen/rules"
)

// A ports file lays aliases over the UN/LOCODE code list: every LOCODE
// and place name resolves without one.
func ExampleParseGazetteer() {
	g, err := rules.ParseGazetteer("ports.yaml", []byte(`
aliases:
  - locode: RUNJK
    names: [Nahodka]
    note: a spelling UN/LOCODE lacks
`))
	if err != nil {
		log.Fatal(err)
	}
	p, _ := g.Port("GBFXT")
	fmt.Println(p.LOCODE, p.Name, p.Function)
	q, _ := g.Places().Resolve("Nahodka", "")
	fmt.Println(q)
	// Output:
	// GBFXT Felixstowe 1-------
	// RUNJK Nakhodka (RU)
}

// A port set may be computed from the places' coordinates rather than
// listed.
func ExampleParseRuleSet_computedSet() {
	rs, err := rules.ParseRuleSet("near.yaml", []byte(`
sets:
  near-rason:
    kind: port
    near: {of: KP, within_km: 80, countries: [RU], functions: [port, rail]}
    source: ports and rail terminals of Russia within 80 km of the DPRK
`))
	if err != nil {
		log.Fatal(err)
	}
	s, _ := rs.Set("near-rason")
	fmt.Println(s.Members)
	fmt.Println(slices.Contains(s.Members, "RUVVO"))
	// Output:
	// [RUKHS RUPSE RUZAR]
	// false
}
