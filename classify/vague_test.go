package classify

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// miniNomenclature is a few lines whose texts share words with catch-all
// descriptions, so that the nomenclature index has an answer for them.
func miniNomenclature(t *testing.T) *hs.Table {
	t.Helper()
	var items []hs.Item
	for _, l := range []struct{ code, text string }{
		{"49", "Printed books, newspapers, pictures and other products of the printing industry"},
		{"4911", "Other printed matter, including printed pictures and photographs"},
		{"491110", "Trade advertising material, commercial catalogues, merchandise samples and the like"},
		{"63", "Other made up textile articles; sets; worn clothing and worn textile articles"},
		{"6309", "Worn clothing and other worn articles, household goods and personal effects"},
		{"630900", "Worn clothing and other worn articles, household goods and personal effects"},
		{"84", "Nuclear reactors, boilers, machinery and mechanical appliances"},
		{"8413", "Pumps for liquids, whether or not fitted with a measuring device"},
		{"841370", "Other centrifugal pumps"},
		{"8429", "Self-propelled bulldozers, angledozers, graders, excavators"},
		{"842952", "Machinery with a 360 degree revolving superstructure: excavators"},
		{"86", "Railway or tramway locomotives; freight containers for goods of all kinds"},
		{"8609", "Containers (including containers for the transport of fluids) for freight of all kinds"},
		{"860900", "Containers for freight of all kinds, general cargo and consolidated cargo"},
	} {
		items = append(items, hs.Item{Code: hs.MustParse(l.code), Description: l.text})
	}
	n, err := hs.NewTable(hs.HS2022, items)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestVagueDescriptions checks that a description naming no goods is
// never classified, even where the nomenclature index would answer, and
// that goods named beside catch-all words are classified as usual.
func TestVagueDescriptions(t *testing.T) {
	c := newClassifier(t, WithNomenclature(miniNomenclature(t)))
	type got struct {
		HS6   string
		Vague bool
	}
	tests := []struct {
		desc string
		want got
	}{
		{"general merchandise as per invoice", got{"", true}},
		{"GENERAL MERCHANDISE", got{"", true}},
		{"FAK", got{"", true}},
		{"freight all kinds", got{"", true}},
		{"consolidated cargo, said to contain 20 pallets", got{"", true}},
		{"assorted goods", got{"", true}},
		{"samples", got{"", true}},
		{"10 cartons samples, no commercial value", got{"", true}},
		{"spare parts", got{"", true}},
		{"personal effects", got{"", true}},
		{"used household goods and personal effects", got{"", true}},
		{"Marchandises diverses selon facture", got{"", true}},
		{"Ersatzteile", got{"", true}},
		{"образцы товаров", got{"", true}},
		{"样品", got{"", true}},
		{"견본", got{"", true}},
		// Goods named beside catch-all words are classified.
		// Parts that name only what they serve are not vague, but no
		// word places them (their heading is 8431, not the excavators').
		{"spare parts for excavators", got{"", false}},
		{"centrifugal pumps, assorted", got{"841370", false}},
		{"Rolex Submariner oystersteel automatic, samples", got{"910221", false}},
		{"手表配件", got{"", false}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			r := mustClassify(t, c, Item{Description: tt.desc})
			g := got{HS6: r.HS6}
			for _, why := range r.Reasons {
				g.Vague = g.Vague || strings.HasPrefix(why, "the description names no goods")
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s\ncandidates %+v, reasons %q", diff, r.Candidates, r.Reasons)
			}
			if tt.want.Vague && !r.NeedsReview {
				t.Error("a description naming no goods does not need review")
			}
		})
	}
}

// TestVagueDescriptionWithCode checks that a line whose description names
// no goods needs review even with a declared code, since nothing checks
// the code against the goods, while a described line with a code is
// judged by its controls.
func TestVagueDescriptionWithCode(t *testing.T) {
	c := newClassifier(t, WithNomenclature(miniNomenclature(t)))
	tests := []struct {
		desc, code string
		review     bool
	}{
		{"general merchandise as per invoice", "841370", true},
		{"spare parts", "841370", true},
		{"FAK", "", true},
		{"centrifugal water pumps", "841370", false},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			a, err := c.AssessGoods(context.Background(), lists.Goods{Description: tt.desc, Code: tt.code}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.review, len(a.NeedsReview) > 0); diff != "" {
				t.Errorf("needs review (-want +got):\n%s\nreasons %q", diff, a.NeedsReview)
			}
		})
	}
}
