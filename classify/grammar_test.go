package classify

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/datafile"
)

// grammarLexicon loads the embedded lexicon once per test.
func grammarLexicon(t testing.TB) *Lexicon {
	t.Helper()
	lx, err := LoadLexicon(lexiconFS, LexiconDir)
	if err != nil {
		t.Fatalf("LoadLexicon: %v", err)
	}
	return lx
}

// roles returns the tokens of desc the grammar marked, as "word:role",
// after matching.
func roles(lx *Lexicon, desc string) []string {
	tx := tokenize(desc, lx.weak)
	lx.match(&tx, nil)
	var out []string
	for _, tk := range tx.tokens {
		if tk.role != roleNone {
			out = append(out, tk.text+":"+tk.role.String())
		}
	}
	return out
}

// headingOf is the heading the result places the goods in: its HS6, or
// else its first candidate; "" when nothing placed them.
func headingOf(r Result) string {
	switch {
	case r.HS6 != "":
		return r.HS6[:4]
	case len(r.Candidates) > 0:
		return r.Candidates[0].Code[:4]
	}
	return ""
}

// lexiconCandidates returns the candidates of r the lexicon gave, not the
// nomenclature index: the grammar governs lexicon matches.
func lexiconCandidates(r Result) []Candidate {
	var out []Candidate
	for _, cd := range r.Candidates {
		if !slices.Contains(cd.Evidence, "nomenclature text match") {
			out = append(out, cd)
		}
	}
	return out
}

// attribute returns the value of the named attribute of r, or "".
func attribute(r Result, name string) string {
	for _, a := range r.Attributes {
		if a.Name == name {
			return a.Value
		}
	}
	return ""
}

func TestGrammarMarkers(t *testing.T) {
	lx := grammarLexicon(t)
	tests := []struct {
		desc string
		want []string // text:factor:lead:opens of each token
	}{
		{"strap for Rolex", []string{"strap:1:0:false", "rolex:0.3:1:true"}},
		// Two markers in a row keep the weaker: "compatible with" serves.
		{"case compatible with iPhone", []string{"case:1:0:false", "iphone:0.3:1:true"}},
		{"watch with box, papers", []string{"watch:1:0:false", "box:0.5:2:true", "paper:0.5:2:false"}},
		// A comma ends a scope above 0.5, a semicolon any scope.
		{"cement in bags, grey", []string{"cement:1:0:false", "bag:0.7:3:true", "grey:1:0:false"}},
		{"ring for men; gold", []string{"ring:1:0:false", "men:0.3:1:true", "gold:1:0:false"}},
	}
	for _, tt := range tests {
		tx := tokenize(tt.desc, lx.weak)
		var got []string
		for _, tk := range tx.tokens {
			got = append(got, fmt.Sprintf("%s:%g:%d:%t", tk.stem, tk.weak, tk.lead, tk.opens))
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.desc, diff)
		}
	}
}

func TestGrammarPackagingRoles(t *testing.T) {
	lx := grammarLexicon(t)
	tests := []struct {
		desc string
		want []string
	}{
		{"rice 25kg bags", []string{"25:packaging", "kg:packaging", "bags:packaging"}},
		{"wheat flour 50kg bags", []string{"50:packaging", "kg:packaging", "bags:packaging"}},
		{"cement in 50 kg bags", []string{"50:packaging", "kg:packaging", "bags:packaging"}},
		{"sugar 50kg pp bags", []string{"50:packaging", "kg:packaging", "pp:packaging", "bags:packaging"}},
		{"bags of rice", []string{"bags:packaging"}},
		{"olive oil in bottles", []string{"bottles:packaging"}},
		{"urea in bulk", []string{"bulk:packaging"}},
		{"tomato paste 24 cartons", []string{"24:packaging", "cartons:packaging"}},
		{"sunflower oil 20 drums", []string{"20:packaging", "drums:packaging"}},
		{"used tyres 1X40'HC", nil},
		// A measure after the packing word: what each holds.
		{"rice, bags 50kg", []string{"bags:packaging"}},
		{"riz en sacs de 25 kg", []string{"sacs:packaging"}},
		{"Reis 25 kg Säcke", []string{"25:packaging", "kg:packaging", "sacke:packaging"}},
		// A count is no measure: these are two bags.
		{"Gucci bags 2 pcs", []string{"bags:packaging?"}},
		// Qualified as goods, or nothing else named: the bags are goods.
		{"leather bags", nil},
		{"ladies handbags", nil},
		// Bags named after what they hold are goods, not handbags.
		{"100 plastic bags", []string{"plastic:modifier", "bags:head"}},
		{"garbage bags on rolls", []string{"garbage:modifier", "bags:head", "rolls:packaging"}},
		{"25kg bags", []string{"bags:packaging?"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, roles(lx, tt.desc)); diff != "" {
			t.Errorf("%q roles (-want +got):\n%s", tt.desc, diff)
		}
	}
}

// TestGrammarPackagingNotGoods checks that packing does not place the
// goods in the heading of the packing word (4202 handbags).
func TestGrammarPackagingNotGoods(t *testing.T) {
	c := newClassifier(t)
	for _, desc := range []string{"rice 25kg bags", "wheat flour 50kg bags", "cement in 50 kg bags", "sugar 50kg pp bags", "bags of rice", "white sugar 50 kg sacks, 500 sacks", "potatoes in jute bags"} {
		r := mustClassify(t, c, Item{Description: desc})
		if h := headingOf(r); h == "4202" {
			t.Errorf("%q placed in 4202 (handbags) by its packing: %+v", desc, r.Candidates)
		}
	}
	// The goods named by the lexicon are still read: a phrase that goes
	// on past the packing word names them.
	if r := mustClassify(t, c, Item{Description: "bales of used clothing, mixed"}); r.HS6 != "630900" {
		t.Errorf("bales of used clothing: HS6 %q, want 630900", r.HS6)
	}
	for _, desc := range []string{"leather bags", "Chanel leather bag"} {
		if r := mustClassify(t, c, Item{Description: desc}); headingOf(r) != "4202" {
			t.Errorf("%q: heading %q, want 4202: bags qualified as goods are goods", desc, headingOf(r))
		}
	}
}

// TestGrammarPackedGoods checks that a packaging word without packing
// syntax is the packing when another concept names the goods.
func TestGrammarPackedGoods(t *testing.T) {
	lx := grammarLexicon(t)
	if diff := cmp.Diff([]string{"bags:packaging"}, roles(lx, "cognac bags")); diff != "" {
		t.Errorf("cognac bags (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"bags:packaging"}, roles(lx, "rice bags")); diff != "" {
		t.Errorf("rice bags (-want +got):\n%s", diff)
	}
	// Goods no concept names leave the packing word in doubt.
	if diff := cmp.Diff([]string{"bags:packaging?"}, roles(lx, "widget bags")); diff != "" {
		t.Errorf("widget bags (-want +got):\n%s", diff)
	}
}

func TestGrammarServed(t *testing.T) {
	lx := grammarLexicon(t)
	tests := []struct {
		desc string
		want []string
	}{
		{"charger for Nintendo Switch", []string{"nintendo:served", "switch:served"}},
		{"car radio for Toyota Corolla", []string{"toyota:served", "corolla:served"}},
		{"phone case compatible with iPhone 15", []string{"iphone:served", "15:served"}},
		{"screen protector fits Apple Watch", []string{"apple:served", "watch:served"}},
		{"cover suitable for Porsche 911", []string{"porsche:served", "911:served"}},
		// Parts keep the marker's factor: they go to the parts heading of
		// what they belong to.
		{"spare parts for Mercedes cars", nil},
		{"accessories for yachts", nil},
		// A title opening with the marker: what follows serves, or is the
		// goods, in no telling order.
		{"For iPhone 15 Pro Max Case", []string{"iphone:served", "15:served", "pro:served", "max:served", "case:served"}},
		// Packing before the marker names no goods: what follows may be
		// them.
		{"20 cartons for Rolex", []string{"20:packaging", "cartons:packaging", "rolex:served"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, roles(lx, tt.desc)); diff != "" {
			t.Errorf("%q roles (-want +got):\n%s", tt.desc, diff)
		}
	}
	c := newClassifier(t)
	for _, tt := range []struct{ desc, not string }{
		{"charger for Nintendo Switch", "9504"},
		{"car radio for Toyota Corolla", "8703"},
		{"connector plug for automobile", "8703"},
		{"phone case for iPhone", "8517"},
		{"leather watch strap 20mm for Rolex", "9101"},
		{"For iPhone 15 Pro Max Case Leather", "8517"},
		{"For Nintendo Switch Charger", "9504"},
	} {
		r := mustClassify(t, c, Item{Description: tt.desc})
		for _, cd := range lexiconCandidates(r) {
			if strings.HasPrefix(cd.Code, tt.not) {
				t.Errorf("%q: what the goods serve (%s) is a candidate: %+v", tt.desc, tt.not, r.Candidates)
			}
		}
	}
}

// TestGrammarParts checks that parts and accessories go to the parts
// heading of the concept they belong to.
func TestGrammarParts(t *testing.T) {
	c := newClassifier(t)
	for _, tt := range []struct{ desc, heading string }{
		{"spare parts for Mercedes cars", "8708"},
		{"parts of motorcycles", "8714"},
	} {
		r := mustClassify(t, c, Item{Description: tt.desc})
		if !slices.ContainsFunc(lexiconCandidates(r), func(cd Candidate) bool { return cd.Code == tt.heading }) {
			t.Errorf("%q: candidates %+v, want the parts heading %s", tt.desc, r.Candidates, tt.heading)
		}
		if attribute(r, "parts") != "true" {
			t.Errorf("%q: parts attribute not set: %+v", tt.desc, r.Attributes)
		}
	}
}

func TestGrammarResembles(t *testing.T) {
	lx := grammarLexicon(t)
	tests := []struct {
		desc string
		want []string
	}{
		// The article after the look word may itself be an ordinary head
		// (keyring, cushion): the look word then modifies it.
		{"watch-shaped keyring", []string{"watch:resembles", "shaped:modifier", "keyring:head (goods)"}},
		{"car-shaped USB flash drive", []string{"car:resembles"}},
		{"ring-shaped cushion", []string{"ring:resembles", "shaped:modifier", "cushion:head (goods)"}},
		{"sports-car-shaped night lamp", []string{"sports:resembles", "car:resembles"}},
		{"Chanel style jacket", []string{"chanel:resembles"}},
		{"leopard print silk scarf", []string{"leopard:resembles"}},
		{"toy car Lamborghini", []string{"car:resembles", "lamborghini:resembles"}},
		{"remote control car toy", []string{"car:resembles"}},
		// A breed is not a toy of it.
		{"toy poodle puppy", nil},
		// A style may take three words.
		{"Louis XV style commode", []string{"louis:resembles", "xv:resembles"}},
		{"18th century style commode", []string{"18:resembles", "th:resembles", "century:resembles"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, roles(lx, tt.desc)); diff != "" {
			t.Errorf("%q roles (-want +got):\n%s", tt.desc, diff)
		}
	}
	c := newClassifier(t)
	// A look sets no attribute: a reproduction is no antique, a Rolex
	// style watch no automatic.
	for _, tt := range []struct{ desc, attr, heading string }{
		{"Ming style vase porcelain", "age_years", "6911"},
		{"Victorian style brooch 9ct gold", "age_years", "7113"},
		{"1920s style mirror", "age_years", "7009"},
		{"Rolex style watch stainless steel", "movement", "9102"},
	} {
		r := mustClassify(t, c, Item{Description: tt.desc})
		if v := attribute(r, tt.attr); v != "" {
			t.Errorf("%q: %s = %q read from a look", tt.desc, tt.attr, v)
		}
		if h := headingOf(r); h != tt.heading {
			t.Errorf("%q: heading %q, want %q", tt.desc, h, tt.heading)
		}
	}
	for _, tt := range []struct{ desc, not string }{
		{"watch-shaped keyring", "910"},
		{"ring-shaped cushion", "711"},
		{"car-shaped USB flash drive", "8703"},
	} {
		r := mustClassify(t, c, Item{Description: tt.desc})
		for _, cd := range lexiconCandidates(r) {
			if strings.HasPrefix(cd.Code, tt.not) {
				t.Errorf("%q: what the goods look like (%s) is a candidate: %+v", tt.desc, tt.not, r.Candidates)
			}
		}
	}
}

func TestGrammarModifiers(t *testing.T) {
	lx := grammarLexicon(t)
	tests := []struct {
		desc string
		want []string
	}{
		{"scriber pen", []string{"scriber:modifier", "pen:head"}},
		{"magnetic pen", []string{"magnetic:modifier", "pen:head"}},
		{"diamond saw blade", []string{"diamond:modifier", "saw:head (goods)", "blade:head (goods)"}},
		{"watch battery", []string{"watch:modifier", "battery:head (goods)"}},
		{"crystal oscillator 12MHz", []string{"crystal:modifier", "oscillator:head (goods)"}},
		// A pen with no tool word before it is a pen.
		{"fountain pen", nil},
		// A battery of a clock said to be quartz is no battery.
		{"wall clock quartz battery", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, roles(lx, tt.desc)); diff != "" {
			t.Errorf("%q roles (-want +got):\n%s", tt.desc, diff)
		}
	}
	c := newClassifier(t)
	for _, tt := range []struct{ desc, not string }{
		{"scriber pen", "9608"},
		{"magnetic pen", "9608"},
		{"marker pen", "9608"},
		{"soldering pen", "9608"},
		{"diamond saw blade", "710"},
		{"diamond drill bit", "710"},
		{"diamond grinding wheel", "710"},
		{"crystal oscillator", "7013"},
		{"watch battery", "910"},
		{"yacht varnish", "8903"},
		{"car wax", "8703"},
		{"horse shampoo", "0101"},
		{"wine opener", "2204"},
		{"wine rack", "2204"},
		{"cigar cutter", "2402"},
		{"Chanel shopping bag", "4202"},
		{"tea bags 100 per box", "4202"},
		{"plastic garbage bags on rolls", "4202"},
		{"crystal beads for jewelry making", "7013"},
		{"whisky stones gift set", "2208"},
		{"pearl barley", "7101"},
		{"ruby red grapefruit juice", "7103"},
		{"emerald green paint", "7103"},
		{"cognac leather shoulder bag", "2208"},
		{"Chanel shopping bag", "4202"},
		{"Cartier ring box", "711"},
		{"Rolex watch battery", "910"},
		{"truffle oil 250ml", "0709"},
		{"diamond painting kit", "9701"},
		{"imitation gold leaf 100 sheets", "7108"},
		{"gold foil balloons", "7108"},
		{"motorcycle helmet", "8711"},
		{"horse riding helmet", "0101"},
		{"watch winder for automatic watches", "910"},
		{"ring light for camera", "711"},
		{"caviar spoon mother of pearl", "710"},
		{"empty perfume bottles 50ml", "3303"},
		{"Car Phone Mount for iPhone 14", "8703"},
		{"Motorcycle Phone Mount", "8711"},
		{"Diamond Ring Box Velvet", "71"},
		{"Jewelry Organizer Box", "711"},
		{"Ring Sizer Gauge", "711"},
		{"Cigar Humidor Cedar", "2402"},
		{"horse hair brush", "0101"},
		{"horse blanket", "0101"},
		{"Truffle slicer", "0709"},
		{"Sports Car Bed for Kids", "8703"},
		{"wine cooler bag", "4202"},
		{"whisky barrel furniture", "2208"},
		{"pen refill blue", "9608"},
		{"fountain pen ink cartridges", "9608"},
		{"watch glass sapphire crystal replacement", "7103"},
		{"Gold Fish Food", "711"},
		{"rug underlay", "570"},
		{"Perfume Atomizer Refillable", "3303"},
		{"boat fenders", "92"},
		// Shoes, drums and clutches of machines.
		{"brake shoes for trucks", "64"},
		{"brake drums 420mm", "9206"},
		{"electromagnetic clutches 24V", "4202"},
		{"peristaltic pumps", "64"},
		// Rings of food and engines; ring-spun yarn.
		{"squid rings breaded", "711"},
		{"piston rings 0.25 oversize", "711"},
		{"cotton yarn ring spun Ne 30/1", "711"},
		// Glass that is no glassware, frames of furniture.
		{"tempered glass screen protector", "7013"},
		{"magnifying glass 10x", "7013"},
		{"reading glasses +2.0", "7013"},
		{"solid wood bed frame", "9003"},
		// What goes in a car, imitation pearls, flowers, machines,
		// supplies, toys and animal hair.
		{"convertible car seat ISOFIX", "8703"},
		{"car key fob remote", "8703"},
		{"glass pearl beads 8mm", "7101"},
		{"imitation pearls 6mm strands", "7101"},
		{"artificial silk roses", "2204"},
		{"laser engraver 40W", "970"},
		{"coin operated washing machine", "7118"},
		{"oil pastels 24 colours", "9701"},
		{"magnetic drawing board for toddlers", "9701"},
		{"kids kick scooter", "8711"},
		{"horse tail hair, raw", "0101"},
		{"storage baskets set of 3", "64"},
		{"teach pendant for robot", "711"},
		{"natural wine corks", "2204"},
		{"Parmigiano Reggiano wedge 1kg", "9506"},
		// Furniture and aerials named after the computer or television
		// they serve: Canada lists computers and televisions.
		{"Computer Desk Solid Wood Home Office Writing Desk with 2 Drawers", "8471"},
		{"TV stand oak 160cm", "8528"},
		{"Outdoor TV Antenna Amplified 4K HD Digital Antenna", "8528"},
	} {
		r := mustClassify(t, c, Item{Description: tt.desc})
		for _, cd := range lexiconCandidates(r) {
			if strings.HasPrefix(cd.Code, tt.not) {
				t.Errorf("%q: the luxury word (%s) placed the goods: %+v", tt.desc, tt.not, r.Candidates)
			}
		}
	}
	// The lexicon's own compound stays: a watch box is a case of 4202.
	if r := mustClassify(t, c, Item{Description: "watch box for 6 watches"}); headingOf(r) != "4202" {
		t.Errorf("watch box: heading %q, want 4202", headingOf(r))
	}
	// With keep_head the head keeps its reading: vodka glasses are
	// glassware, not vodka.
	for _, tt := range []struct{ desc, heading string }{
		{"vodka glasses", "7013"},
		{"watch bezel 40mm", "9111"},
		{"jewelry pouch velvet", "4202"},
		{"Tiffany lamp", "9405"},
		{"caviar spoon mother of pearl", "7114"},
		{"horse trailer", "8716"},
	} {
		if r := mustClassify(t, c, Item{Description: tt.desc}); headingOf(r) != tt.heading {
			t.Errorf("%q: heading %q, want %s (%+v)", tt.desc, headingOf(r), tt.heading, r.Candidates)
		}
	}
	// A phrase the lexicon knows past a head is read: "red wine" in
	// "Bordeaux red" wine; "light aircraft" is no ring light.
	for _, tt := range []struct{ desc, hs6 string }{
		{"Bordeaux red wine bag in box 5L", "220422"},
		{"Cessna 172 Skyhawk light aircraft", "880220"},
		{"Bordeaux red wine 2015, 12 x 75cl", "220421"},
		// No pattern for what is ambiguous: cognac is sold in its
		// decanter, and an antique chair is antique.
		{"Rémy Martin Louis XIII cognac decanter", "220820"},
		{"antique Victorian mahogany chair, circa 1870", "970690"},
		{"tufted nylon carpet tiles", "570329"},
		// Heads the lexicon names stay goods: a rope chain, gold wire, a
		// perfume spray, a watch bezel.
		{"14K yellow gold rope chain 22 inch", "711319"},
		{"gold wire 0.5mm", "710813"},
		{"Dior Sauvage Eau de Parfum spray 100ml", "330300"},
		{"horse harness", "420100"},
		{"dog toy", "950300"},
		{"sterling silver caviar spoon", "711411"},
	} {
		if r := mustClassify(t, c, Item{Description: tt.desc}); r.HS6 != tt.hs6 {
			t.Errorf("%q: HS6 %q, want %s", tt.desc, r.HS6, tt.hs6)
		}
	}
	// A quartz clock with its battery is a clock.
	if r := mustClassify(t, c, Item{Description: "wall clock quartz battery"}); r.HS6 != "910521" {
		t.Errorf("wall clock quartz battery: HS6 %q, want 910521", r.HS6)
	}
}

// TestGrammarCompound checks that of two product words in a row the last
// names the goods.
func TestGrammarCompound(t *testing.T) {
	c := newClassifier(t)
	for _, tt := range []struct{ desc, heading string }{
		{"horse saddle", "4201"},
		{"crystal chandelier", "9405"},
		{"diamond ring 18k gold", "7113"},
		{"Ferrari cap", "6505"},
		{"car bumper", "8708"},
		// No compound: the first word is the goods' own phrase, or a
		// number stands between.
		{"18K yellow gold diamond engagement ring 1.02ct", "7113"},
		{"jade bangle jadeite carved", "7116"},
		{"stoneware dinnerware set 16 pieces", "6912"},
		{"Moët & Chandon Imperial Brut 750ml", "2204"},
	} {
		r := mustClassify(t, c, Item{Description: tt.desc})
		if h := headingOf(r); h != tt.heading {
			t.Errorf("%q: heading %q, want %s (%+v)", tt.desc, h, tt.heading, r.Candidates)
		}
	}
}

func TestGrammarImitation(t *testing.T) {
	c := newClassifier(t)
	tests := []struct {
		desc, metal, hs6 string
	}{
		{"enamel brooch", "imitation", "711719"},
		{"rhinestone necklace", "imitation", "711719"},
		{"cubic zirconia earrings", "imitation", "711719"},
		{"CZ stud earrings", "imitation", "711719"},
		{"crystal bracelet", "imitation", "711719"},
		{"stainless steel ring with zircon", "base", "711719"},
		{"titanium steel pendant", "base", "711719"},
		{"zinc alloy necklace with rhinestones", "base", "711719"},
		{"gold colour brass pendant", "imitation", "711719"},
		{"18K gold plated ring with CZ", "plated", "711719"},
		{"fashion jewelry earrings", "imitation", "711719"},
		// Silvers that are base-metal alloys.
		{"tibetan silver pendant", "imitation", "711719"},
		{"German silver bracelet", "imitation", "711719"},
		// A precious metal or stone stated: not imitation.
		{"925 sterling silver ring with cubic zirconia", "silver", "711311"},
		{"18k gold ring with cubic zirconia", "gold", "711319"},
		{"enamel and diamond ring", "", ""},
		{"sapphire pendant with crystals", "", ""},
		// A material that imitates a stone is not the stone.
		{"simulated diamond ring", "imitation", "711719"},
		// Crystal glassware is no jewel.
		{"crystal vase", "", ""},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		if got := attribute(r, "metal"); got != tt.metal {
			t.Errorf("%q: metal %q, want %q", tt.desc, got, tt.metal)
		}
		if tt.hs6 != "" && r.HS6 != tt.hs6 {
			t.Errorf("%q: HS6 %q, want %s", tt.desc, r.HS6, tt.hs6)
		}
	}
}

// TestGrammarBrandOnly checks that a luxury maker's brand with an ordinary
// product noun follows the noun, and that a brand alone is weak evidence
// and needs review.
func TestGrammarBrandOnly(t *testing.T) {
	c := newClassifier(t)
	for _, tt := range []struct{ desc, not string }{
		{"Ferrari cap", "8703"},
		{"Chanel shopping bag", "4202"},
		{"Rolex keyring", "910"},
		{"Gucci phone case", "8517"},
		{"Rolex box", "910"},
		{"Chanel box", "3303"},
	} {
		r := mustClassify(t, c, Item{Description: tt.desc})
		// The brand may stay a candidate; it does not place the goods.
		if lc := lexiconCandidates(r); len(lc) > 0 && strings.HasPrefix(lc[0].Code, tt.not) {
			t.Errorf("%q: placed in %s by the brand alone: %+v", tt.desc, lc[0].Code, r.Candidates)
		}
	}
	// A brand before packing is no evidence of the goods, but the
	// packing is kept for the product word: "Chanel bag" is a handbag.
	if r := mustClassify(t, c, Item{Description: "Chanel bag"}); headingOf(r) != "4202" {
		t.Errorf("Chanel bag: heading %q, want 4202", headingOf(r))
	}
	r := mustClassify(t, c, Item{Description: "Rolex"})
	if !r.NeedsReview || !slicesContainsPrefix(r.Reasons, "weak evidence") {
		t.Errorf("Rolex alone: needs review %t, reasons %q; want review for weak evidence", r.NeedsReview, r.Reasons)
	}
}

func slicesContainsPrefix(ss []string, prefix string) bool {
	for _, s := range ss {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// TestGrammarTable checks that the grammar is data: a lexicon without a
// grammar has no markers, and an edited table changes the reading.
func TestGrammarTable(t *testing.T) {
	concept := "concepts:\n  - id: pens\n    headings: [\"9608\"]\n    description: pens\n    code: \"960830\"\n    terms: [pen]\n"
	lx, err := LoadLexicon(fstest.MapFS{"lx/a.yaml": {Data: []byte(concept)}}, "lx")
	if err != nil {
		t.Fatal(err)
	}
	if tx := tokenize("pen for kids", lx.weak); len(tx.tokens) != 3 {
		t.Errorf("without a grammar, %d tokens; want 3 (no markers)", len(tx.tokens))
	}
	grammar := "grammar:\n  markers:\n    - {kind: serves, factor: 0.3, words: [for]}\n  modifiers:\n    factor: 0\n    patterns:\n      - {modifiers: [laser], heads: [pen], head_misleads: true}\n"
	lx, err = LoadLexicon(fstest.MapFS{"lx/a.yaml": {Data: []byte(concept)}, "lx/grammar.yaml": {Data: []byte(grammar)}}, "lx")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"laser:modifier", "pen:head", "kids:served"}, roles(lx, "laser pen for kids")); diff != "" {
		t.Errorf("edited grammar (-want +got):\n%s", diff)
	}
	if tx := tokenize("pen for kids", lx.weak); len(tx.tokens) != 2 {
		t.Errorf("with the marker, %d tokens; want 2", len(tx.tokens))
	}
}

func TestGrammarErrors(t *testing.T) {
	concept := "concepts:\n  - id: pens\n    headings: [\"9608\"]\n    description: pens\n    code: \"960830\"\n    terms: [pen]\n"
	tests := []struct {
		name    string
		grammar string
		want    []string
	}{
		{"unknown kind", "grammar:\n  markers:\n    - {kind: near, factor: 0.3, words: [for]}\n", []string{"lx/g.yaml:3:14 grammar.markers[0].kind"}},
		{"two words", "grammar:\n  markers:\n    - {kind: serves, factor: 0.3, words: [for, made for]}\n", []string{"lx/g.yaml:3:48 grammar.markers[0].words[1]"}},
		{"bad factor", "grammar:\n  served:\n    factor: 2\n", []string{"lx/g.yaml:3:13 grammar.served.factor"}},
		{"unknown concept", "grammar:\n  imitation:\n    concepts: [pens, rings]\n", []string{"lx/g.yaml:3:22 grammar.imitation.concepts[1]"}},
		{"pattern without heads", "grammar:\n  modifiers:\n    patterns:\n      - {modifiers: [laser]}\n", []string{"lx/g.yaml:4:9 grammar.modifiers.patterns[0]"}},
		{"unknown field", "grammar:\n  packing: {}\n", []string{"lx/g.yaml:2:3 grammar.packing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadLexicon(fstest.MapFS{"lx/a.yaml": {Data: []byte(concept)}, "lx/g.yaml": {Data: []byte(tt.grammar)}}, "lx")
			if !errors.Is(err, ErrLexicon) {
				t.Fatalf("error %v does not wrap ErrLexicon", err)
			}
			var got []string
			for _, p := range datafile.Problems(err) {
				got = append(got, fmt.Sprintf("%s:%d:%d %s", p.File, p.Line, p.Column, p.Field))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
	// One grammar only.
	two := fstest.MapFS{"lx/a.yaml": {Data: []byte(concept + "grammar:\n  compound: {factor: 0.2}\n")}, "lx/g.yaml": {Data: []byte("grammar:\n  compound: {factor: 0.2}\n")}}
	if _, err := LoadLexicon(two, "lx"); !errors.Is(err, ErrLexicon) || !strings.Contains(fmt.Sprint(err), errTwoGrammars.Error()) {
		t.Errorf("two grammar sections: error %v, want %q", err, errTwoGrammars)
	}
}

// FuzzGrammar checks that the grammar never panics, keeps factors in
// [0, 1] and is idempotent: applying it to its own output changes nothing.
func FuzzGrammar(f *testing.F) {
	for _, s := range []string{"rice 25kg bags", "bags of rice", "charger for Nintendo Switch", "watch-shaped keyring", "toy car", "diamond saw blade", "enamel brooch", "in in for with", "-shaped", "bags", "1X40'HC", "for"} {
		f.Add(s)
	}
	lx := grammarLexicon(f)
	f.Fuzz(func(t *testing.T, s string) {
		tx := tokenize(s, lx.weak)
		ms := lx.match(&tx, nil)
		for _, m := range ms {
			if m.factor < 0 || m.factor > 1 || m.factor != m.factor {
				t.Fatalf("factor %v of %q in %q", m.factor, m.text, s)
			}
		}
		before := append([]token(nil), tx.tokens...)
		lx.grammar.apply(&tx)
		if diff := cmp.Diff(before, tx.tokens, cmp.AllowUnexported(token{}), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("grammar not idempotent on %q:\n%s", s, diff)
		}
	})
}

// TestGrammarPackingCountsAreFiller checks that packing and container
// counts add nothing to a description that names no goods: it stays
// vague, never placed by the packing word.
func TestGrammarPackingCountsAreFiller(t *testing.T) {
	c := newClassifier(t)
	for _, desc := range []string{"general cargo, 20 pallets, 1X40'HC", "samples 10 bags", "said to contain 12 drums", "FAK 500 cartons 2 x 40ft"} {
		r := mustClassify(t, c, Item{Description: desc})
		if r.HS6 != "" || !slicesContainsPrefix(r.Reasons, "the description names no goods") {
			t.Errorf("%q: HS6 %q, reasons %q; want a vague description", desc, r.HS6, r.Reasons)
		}
	}
	// Packing named with goods is not vague: the goods are classified.
	if r := mustClassify(t, c, Item{Description: "leather bags"}); slicesContainsPrefix(r.Reasons, "the description names no goods") {
		t.Errorf("leather bags: vague, reasons %q", r.Reasons)
	}
}

// TestGrammarWithGeneralConcepts checks the grammar with concepts of
// ordinary goods beside the luxury ones: a packaging word is the packing
// once another concept names the goods, and a packing phrase ("pp bags")
// does not place goods packed in it.
func TestGrammarWithGeneralConcepts(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"grammar.yaml", "fashion.yaml", "food-drink-tobacco.yaml", "jewellery.yaml", "vessels-aircraft.yaml", "attributes.yaml"} {
		data, err := lexiconFS.ReadFile("lexicon/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys["lx/"+name] = &fstest.MapFile{Data: data}
	}
	fsys["lx/general-test.yaml"] = &fstest.MapFile{Data: []byte(`concepts:
  - id: g-rice
    headings: ["1006"]
    description: rice
    terms: [rice]
    code: "100630"
  - id: g-plastic-bags
    headings: ["3923"]
    description: sacks and bags of plastics
    terms: [plastic bags, pp bags, woven bags]
    code: "392321"
  - id: g-vinegar
    headings: ["2209"]
    description: vinegar
    terms: [vinegar]
    code: "220900"
  - id: g-polish
    headings: ["3405"]
    description: polishes and waxes for coachwork
    terms: [wax, car wax]
    code: "340530"
`)}
	lx, err := LoadLexicon(fsys, "lx")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"bags:packaging"}, roles(lx, "rice bags")); diff != "" {
		t.Errorf("rice bags (-want +got):\n%s", diff)
	}
	c := newClassifier(t, WithLexicon(lx))
	for _, tt := range []struct{ desc, hs6 string }{
		{"rice bags", "100630"},
		{"rice 25kg bags", "100630"},
		{"jasmine rice in 50kg pp bags", "100630"},
		{"100 pp woven bags", "392321"},
		{"wine vinegar", "220900"},
		// The head of a modifier pattern is placed by its own concept.
		{"yacht wax", "340530"},
		{"car wax", "340530"},
	} {
		r := mustClassify(t, c, Item{Description: tt.desc})
		if r.HS6 != tt.hs6 {
			t.Errorf("%q: HS6 %q, want %s (%+v)", tt.desc, r.HS6, tt.hs6, r.Candidates)
		}
		for _, cd := range r.Candidates[1:] {
			if tt.hs6 == "100630" && strings.HasPrefix(cd.Code, "3923") {
				t.Errorf("%q: the packing is a candidate: %+v", tt.desc, r.Candidates)
			}
		}
	}
}

// TestGrammarIndexIgnoresSetAside checks that the words the grammar sets
// aside count for nothing in the nomenclature search, and that a
// description of nothing else gets no hit at all (never a score of 0).
func TestGrammarIndexIgnoresSetAside(t *testing.T) {
	var items []hs.Item
	for _, l := range []struct{ code, text string }{
		{"48", "Paper and paperboard; articles of paper pulp, of paper or of paperboard"},
		{"4819", "Cartons, boxes, cases, bags and other packing containers, of paper"},
		{"481910", "Cartons, boxes and cases, of corrugated paper or paperboard"},
		{"10", "Cereals"},
		{"1006", "Rice"},
		{"100610", "Rice; in the husk (paddy or rough)"},
	} {
		items = append(items, hs.Item{Code: hs.MustParse(l.code), Description: l.text})
	}
	n, err := hs.NewTable(hs.HS2022, items)
	if err != nil {
		t.Fatal(err)
	}
	c := newClassifier(t, WithNomenclature(n))
	// Paddy is no lexicon word, so only the nomenclature search places it.
	if r := mustClassify(t, c, Item{Description: "paddy in 20 cartons"}); r.HS6 != "100610" {
		t.Errorf("paddy in 20 cartons: HS6 %q, want 100610 (%+v)", r.HS6, r.Candidates)
	}
	r := mustClassify(t, c, Item{Description: "20 cartons for Rolex"})
	for _, cd := range r.Candidates {
		if cd.Score != cd.Score || cd.Score <= 0 || strings.HasPrefix(cd.Code, "4819") {
			t.Errorf("20 cartons for Rolex: candidate %+v from words set aside", cd)
		}
	}
}

// BenchmarkGrammarMatch measures tokenising and matching descriptions the
// grammar has work on, the grammar included.
func BenchmarkGrammarMatch(b *testing.B) {
	lx := grammarLexicon(b)
	descs := []string{
		"jasmine rice in 50kg pp bags x 1000 bags, 1X40'HC",
		"car radio for Toyota Corolla 2018, double din",
		"watch-shaped keyring zinc alloy",
		"diamond saw blade 230mm for granite",
		"stainless steel ring with cubic zirconia, gold colour",
		"Chanel shopping bag paper",
	}
	ms := make([]matched, 0, 16)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		tx := tokenize(descs[i%len(descs)], lx.weak)
		ms = lx.match(&tx, ms[:0])
		i++
	}
}

// TestGrammarHeadsAreNoBrands checks that no head a modifier pattern keeps
// is a brand of the lexicon: "boat fenders" must not read as Fender
// guitars. Such a head needs head_misleads.
func TestGrammarHeadsAreNoBrands(t *testing.T) {
	lx := grammarLexicon(t)
	for i, p := range lx.grammar.modifiers.patterns {
		if p.headMisleads {
			continue
		}
		for _, qs := range p.heads {
			for _, q := range qs {
				tx := tokenize(strings.Join(q, " "), nil)
				ph, n := lx.longest(tx.tokens, 0, len(tx.tokens))
				if ph == nil || n != len(q) {
					continue
				}
				for _, h := range ph.hits {
					if h.kind == "brand" {
						t.Errorf("patterns[%d] head %q is a brand of %s", i, strings.Join(q, " "), lx.concepts[h.concept].id)
					}
				}
			}
		}
	}
}

// TestGrammarInPackingClosesTheMarker checks that "in" or "on" before a
// packing word governs the packing only: the goods named after it count
// in full.
func TestGrammarInPackingClosesTheMarker(t *testing.T) {
	c := newClassifier(t)
	for _, tt := range []struct{ desc, heading string }{
		{"IN BULK 60,000 MT SOYBEANS GMO US ORIGIN", "1201"},
		{"in bulk wheat 50000 mt", "1001"},
	} {
		r := mustClassify(t, c, Item{Description: tt.desc})
		if headingOf(r) != tt.heading || r.NeedsReview {
			t.Errorf("%q: heading %q, review %v %q; want %s, no review", tt.desc, headingOf(r), r.NeedsReview, r.Reasons, tt.heading)
		}
	}
}
