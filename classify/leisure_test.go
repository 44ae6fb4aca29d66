package classify

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSportsGoodsAndElectricCycles checks the sports goods of 9506 the
// lists name as recreational sports equipment, electric cycles of
// 8711.60, and the goods named after them that are not them.
func TestSportsGoodsAndElectricCycles(t *testing.T) {
	c := newClassifier(t)
	tests := []struct {
		desc, want string // want: HS6, or the heading of the first candidate
	}{
		{"Football Size 5 Match Ball Thermal Bonded Official Size", "950662"},
		{"1,200 PCS BASKETBALLS SIZE 7 PU LAMINATED DEFLATED", "950662"},
		{"足球 5号 比赛用球", "950662"},
		{"Inline Skates for Kids Adjustable Size Light Up Wheels", "950670"},
		{"Skateboard 31 Inch Complete Double Kick Maple Deck", "950699"},
		{"Yoga Mat Non Slip TPE 6mm with Carrying Strap", "950691"},
		{"Golf Practice Hitting Net 3x2m with Target", "950639"},
		{"Electric Bike 26 inch 500W Motor 48V 13Ah Removable Battery", "871160"},
		{"電動アシスト自転車 26インチ", "871160"},
		// Boots for football are footwear; a pump for balls is a pump.
		{"football boots men's FG studs", "6403"},
		{"football pump with needle", "8413"},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		got := r.HS6
		if len(tt.want) == 4 && len(r.Candidates) > 0 {
			got = r.Candidates[0].Code[:4]
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s\ncandidates %+v", tt.desc, diff, r.Candidates)
		}
	}
}

// TestCosmeticsWords checks make-up and skin-care words in five scripts,
// and the paint and toner they must not take.
func TestCosmeticsWords(t *testing.T) {
	c := newClassifier(t)
	tests := []struct{ desc, heading string }{
		{"Pressed powder compact 10g", "3304"},
		{"Korean Sheet Mask Set 10 Pcs Aloe", "3304"},
		{"防晒霜 SPF50+ 50毫升", "3304"},
		{"日焼け止め SPF50+ 60ml", "3304"},
		{"선크림 SPF50+ 50ml", "3304"},
		{"toner cartridge for HP LaserJet", "8443"},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		got := ""
		if len(r.Candidates) > 0 {
			got = r.Candidates[0].Code[:4]
		}
		if got != tt.heading {
			t.Errorf("%q: heading %q, want %s (%+v)", tt.desc, got, tt.heading, r.Candidates)
		}
	}
	// A primer is a paint unless it says it is for the face.
	if r := mustClassify(t, c, Item{Description: "primer paint for metal"}); len(lexiconCandidates(r)) > 0 && lexiconCandidates(r)[0].Code[:4] == "3304" {
		t.Errorf("primer paint placed as cosmetics: %+v", r.Candidates)
	}
}
