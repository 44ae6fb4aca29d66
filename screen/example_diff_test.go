package screen_test

import (
	"fmt"

	"github.com/luxscreen/luxscreen/screen"
)

// Compare two versions of a list: the new one adds an alias to one
// entity, rewords the remarks of another and drops a third. Only the
// alias can make a party cleared against the old version a hit, so only
// that entity is affected.
func ExampleDiff() {
	komid := screen.Entity{
		ID: "UN:KPe.001", Source: "UN", Kind: screen.KindOrganisation,
		Names:    []screen.Name{{Value: "KOREA MINING DEVELOPMENT TRADING CORPORATION", Kind: screen.NamePrimary}},
		Programs: []string{"DPRK"}, ListedOn: "2009-04-24",
	}
	ryonbong := screen.Entity{
		ID: "UN:KPe.002", Source: "UN", Kind: screen.KindOrganisation,
		Names:    []screen.Name{{Value: "KOREA RYONBONG GENERAL CORPORATION", Kind: screen.NamePrimary}},
		Programs: []string{"DPRK"}, ListedOn: "2009-04-24", Remarks: "Defense conglomerate.",
	}
	tanchon := screen.Entity{
		ID: "UN:KPe.003", Source: "UN", Kind: screen.KindOrganisation,
		Names: []screen.Name{{Value: "TANCHON COMMERCIAL BANK", Kind: screen.NamePrimary}},
	}
	old := screen.List{Version: screen.ListVersion{ID: "un", Source: "UN", Published: "2026-01-02"},
		Entities: []screen.Entity{komid, ryonbong, tanchon}}

	komid2 := komid
	komid2.Names = append(komid2.Names[:1:1], screen.Name{Value: "KOMID", Kind: screen.NameAKA})
	ryonbong2 := ryonbong
	ryonbong2.Remarks = "Defence conglomerate specialising in acquisition for DPRK defence industries."
	new := screen.List{Version: screen.ListVersion{ID: "un", Source: "UN", Published: "2026-02-27"},
		Entities: []screen.Entity{komid2, ryonbong2}}

	d := screen.Diff([]screen.List{old}, []screen.List{new})
	for _, v := range d.Versions {
		fmt.Printf("%s: %s → %s\n", v.ID, v.Old.Published, v.New.Published)
	}
	for _, r := range d.Removed {
		fmt.Println("removed", r.ID, r.Name)
	}
	for _, c := range d.Changed {
		fmt.Println("changed", c.ID, c.Name, "fingerprint changed:", c.FingerprintChanged)
		for _, f := range c.Fields {
			fmt.Println("   ", f)
		}
	}
	fmt.Println("affected:", d.Affected())
	// Output:
	// un: 2026-01-02 → 2026-02-27
	// removed UN:KPe.003 TANCHON COMMERCIAL BANK
	// changed UN:KPe.001 KOREA MINING DEVELOPMENT TRADING CORPORATION fingerprint changed: true
	//     + alias "KOMID" (aka)
	// changed UN:KPe.002 KOREA RYONBONG GENERAL CORPORATION fingerprint changed: false
	//     ~ remarks "Defense conglomerate." → "Defence conglomerate specialising in acquisition for DPRK defence industries."
	// affected: [UN:KPe.001]
}
