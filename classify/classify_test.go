package classify

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/lists"
)

func TestClassifyDescriptions(t *testing.T) {
	c := newClassifier(t)
	tests := []struct {
		desc    string
		hs6     string
		heading string // first candidate when abstaining
	}{
		{"2 UNITS MERCEDES-MAYBACH S600 GUARD ARMOURED SALOON", "870324", ""},
		{"Orlov trotter stallions for breeding", "010121", ""},
		{"Thoroughbred gelding for racing", "010129", ""},
		{"gold colour alloy pendant", "711719", ""},
		{"18K gold plated stainless steel bracelet", "711719", ""},
		{"925 sterling silver ring", "711311", ""},
		{"Pt950 platinum wedding band", "711319", ""},
		{"Rolex Submariner oystersteel automatic", "910221", ""},
		{"18k rose gold automatic wristwatch", "910121", ""},
		{"leather watch strap for Rolex", "911390", ""},
		{"Riva motor yacht 33 ft", "890332", ""},
		{"motor yacht", "", "8903"},
		{"hand-knotted Persian wool rug", "570110", ""},
		{"Waterford lead crystal wine glasses", "701322", ""},
		{"soda-lime drinking glasses tumblers", "701337", ""},
		{"oil on canvas, circa 1885", "970121", ""},
		{"Ming dynasty porcelain vase", "970610", ""},
		{"1:18 scale die-cast Ferrari model car", "950300", ""},
		{"Gulfstream G650ER", "880240", ""},
		{"Champagne Dom Pérignon 2013 6x75cl", "220410", ""},
		{"Armbanduhr 18 Karat Gelbgold Automatik", "910121", ""},
		{"часы наручные золото 585 кварцевые", "910111", ""},
		{"劳力士 手表 18K金", "910121", ""},
		{"롤렉스 손목시계 스테인리스 오토매틱", "910221", ""},
		// A case of plastic or resin rules out precious metal; a rubber
		// strap or a sapphire glass says nothing about the case.
		{"Swatch quartz plastic watch", "910211", ""},
		{"resin case digital quartz watch", "910212", ""},
		{"Rolex Daytona automatic on rubber strap", "", "9101"},
		{"18K gold automatic wristwatch, resin strap, sapphire glass", "910121", ""},
		{"glass bead bracelet", "711790", ""},
		{"plastic cufflinks", "711790", ""},
		// An attribute phrase naming another attribute yields both.
		{"Isfahan carpet hand-knotted wool and silk", "570110", ""},
		{"hand knotted silk and wool rug", "570190", ""},
		// Pearls: natural or cultured, then worked or not.
		{"cultured pearls loose undrilled", "710121", ""},
		{"akoya cultured pearls drilled, loose", "710122", ""},
		{"natural pearls, loose", "710110", ""},
		// Look-alikes of controlled goods. Tractors: the kind, then the
		// engine power or the propulsion.
		{"Claas Arion 450 tractor, 90 kW", "870194", ""},
		{"Fendt 724 Vario farm tractor 240 hp", "870195", ""},
		{"DAF XF 480 FT tractor unit 4x2, diesel", "870121", ""},
		{"rubber track tractor 250 hp", "870130", ""},
		{"two-wheel tractor 8 hp diesel with rotary tiller", "870110", ""},
		{"tractor unit 6x4", "", "8701"},
		// Ten or more seats, driver included, is 8702 whatever the body.
		{"Yutong 35-seater coach, diesel", "870210", ""},
		{"Nissan Urvan 14+1 seats petrol", "870290", ""},
		{"electric shuttle van, 12 passengers", "870240", ""},
		{"Toyota Land Cruiser 8 seats diesel 4.5L", "870333", ""},
		// Commercial fishing vessels are not pleasure craft.
		{"factory trawler 60 m with fish meal plant", "890200", ""},
		{"tuna purse seiner, steel, 70 m", "890200", ""},
		// Ceramic sanitary ware and ornaments are not tableware.
		{"vitreous china close-coupled toilet, white", "691010", ""},
		{"fireclay butler sink 600 mm", "691090", ""},
		{"ceramic wash basin with pedestal", "", "6910"},
		{"Nymphenburg hand-painted porcelain parrot figurine", "691310", ""},
		{"earthenware garden statuette", "691390", ""},
		{"bone china tea set for six", "691110", ""},
		// Silversmiths' wares: the metal decides against 6911.
		{"tea and coffee set in sterling silver, 6 pieces", "711411", ""},
		{"18ct gold snuff box", "711419", ""},
		{"EPNS silver-plated tea service", "", "7114"},
		// Movements and parts are not watches; a watch with a named
		// movement stays a watch.
		{"Sellita SW300 automatic movement", "910820", ""},
		{"Unitas 6498 hand-wound movement", "910890", ""},
		{"Ronda 715 quartz movement", "910811", ""},
		{"movement kit for Miyota 8215, unassembled", "911011", ""},
		{"stainless steel watch with ETA 2824 automatic movement", "910221", ""},
		{"watch balance wheels", "911490", ""},
		{"watch main plate", "911440", ""},
		{"quartz clock movement with hands", "910910", ""},
		// Chandeliers and their glass parts.
		{"Murano glass chandelier, 8 arms, E14", "940519", ""},
		{"LED crystal ceiling light", "940511", ""},
		{"crystal prisms for chandeliers, spare parts", "940591", ""},
		{"acrylic chandelier drops", "940592", ""},
		{"brass table lamp with LED module", "940521", ""},
		// Motorcycles named by their capacity.
		{"Kawasaki Z900 naked motorcycle", "871150", ""},
		{"Triumph Speed Triple 1200 RS", "871150", ""},
		{"Vespa Primavera 125", "871120", ""},
		{"Harley-Davidson Street Glide 117", "871150", ""},
		{"Honda CB500F motorcycle", "", "8711"},
		// A hybrid said not to be a plug-in is not one.
		{"Toyota Corolla Cross 1.8 hybrid, non plug-in", "870340", ""},
		{"Lexus ES 300h self-charging hybrid", "870340", ""},
		{"Volvo XC90 T8 plug-in hybrid", "870360", ""},
		// Works trucks with lifting gear are machinery, not lorries: the
		// word "truck" after forklift, reach or pallet is theirs.
		{"diesel forklift trucks", "842720", ""},
		{"LPG fork-lift truck 2.5 t", "842720", ""},
		{"electric reach truck", "842710", ""},
		{"hand pallet truck 2500 kg", "842790", ""},
		{"Gabelstapler diesel 3 t", "842720", ""},
		{"chariot elevateur electrique", "842710", ""},
		{"Toyota forklift", "", "8427"},
		{"叉车", "", "8427"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			r := mustClassify(t, c, Item{Description: tt.desc})
			if r.HS6 != tt.hs6 {
				t.Errorf("HS6 = %q, want %q; candidates %+v, reasons %q", r.HS6, tt.hs6, r.Candidates, r.Reasons)
			}
			if tt.hs6 == "" {
				// A heading-level answer is reviewed, or says in a note
				// why no subheading was needed: no luxury control of the
				// heading depends on it.
				if !r.NeedsReview && (len(r.Notes) == 0 || r.Luxury != LuxuryNo) {
					t.Errorf("heading-level answer neither reviewed nor settled by a note: luxury %s, notes %q", r.Luxury, r.Notes)
				}
				if len(r.Candidates) == 0 || r.Candidates[0].Code != tt.heading || r.Candidates[0].Level != LevelHeading {
					t.Errorf("first candidate %+v, want heading %s", r.Candidates, tt.heading)
				}
			}
		})
	}
}

// TestLookAlikesNotUnder checks goods that share words with a lexicon
// concept but are not its goods.
func TestLookAlikesNotUnder(t *testing.T) {
	c := newClassifier(t)
	tests := []struct {
		desc, notHeading string
	}{
		{"tractor tyres 420/85R34", "8701"},
		{"tractor-mounted boom sprayer 800 l", "8701"},
		{"toilet paper 3 ply, 48 rolls", "6910"},
		{"leather toilet bag", "6910"},
		{"stainless steel teapot", "7114"},
		{"12 seater dining table, oak", "8702"},
		{"aluminium fishing boat 4.8 m, outboard", "8902"},
		{"Nordhavn 60 trawler yacht 18.3 m", "8902"},
		{"porcelain dinner service with silver rim", "7114"},
		{"silver-plated tea service", "6911"},
		{"stainless steel kitchen sink", "6911"},
		{"container ETA 14 May Busan", "9108"},
		{"Herend porcelain owl figurine", "6911"},
		{"diesel forklift trucks", "8704"},
		{"pallet jacks, manual", "8704"},
		{"Linde reach truck", "8704"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			r := mustClassify(t, c, Item{Description: tt.desc})
			if strings.HasPrefix(r.HS6, tt.notHeading) {
				t.Errorf("HS6 = %s, want none under %s", r.HS6, tt.notHeading)
			}
			if r.HS6 == "" && len(r.Candidates) > 0 && r.Candidates[0].Score >= minAnswer && strings.HasPrefix(r.Candidates[0].Code, tt.notHeading) {
				t.Errorf("first candidate %s, want none under %s", r.Candidates[0].Code, tt.notHeading)
			}
		})
	}
}

// TestSeatingAndModelNumbers checks the attributes read from seat counts,
// model names and negated fuel words, and that a model number is no date.
func TestSeatingAndModelNumbers(t *testing.T) {
	c := newClassifier(t)
	tests := []struct {
		desc string
		want map[string]string // attribute → value; "" for absent
	}{
		{"minibus 14+1 seats", map[string]string{"ten_persons": "true"}},
		{"van 9 seats plus driver", map[string]string{"ten_persons": "true"}},
		{"van 9 seats (incl driver)", map[string]string{"ten_persons": "false"}},
		{"15座 客车", map[string]string{"ten_persons": "true"}},
		{"KTM 1290 Super Duke R", map[string]string{"model_cc": "1290"}},
		{"1290 Super Duke R motorcycle", map[string]string{"model_cc": "1290", "age_years": ""}},
		{"Louis XV commode, Paris, 1755", map[string]string{"model_cc": "", "age_years": "271"}},
		{"Kawasaki Z650 motorcycle", map[string]string{"model_cc": "650"}},
		{"120 motorcycles Honda", map[string]string{"model_cc": ""}},
		{"Honda motorcycle, 150 sets", map[string]string{"model_cc": ""}},
		{"motorcycle tyre 120/70-17", map[string]string{"model_cc": ""}},
		{"Suzuki motorcycle USD 1200", map[string]string{"model_cc": ""}},
		{"Yamaha 125 and Honda 150 motorcycles", map[string]string{"model_cc": ""}},
		{"Toyota RAV4 hybrid, not plug-in", map[string]string{"fuel": "hybrid"}},
		{"BMW 330e plug-in hybrid", map[string]string{"fuel": "phev"}},
		{"chandelier, LED", map[string]string{"led": "true"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			r := mustClassify(t, c, Item{Description: tt.desc, Date: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
			got := map[string]string{}
			for k := range tt.want {
				got[k] = ""
			}
			for _, a := range r.Attributes {
				if _, ok := tt.want[a.Name]; ok {
					got[a.Name] = a.Value
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("attributes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNeverPads(t *testing.T) {
	c := newClassifier(t)
	for _, in := range []Item{
		{Description: "wristwatch"},
		{DeclaredCode: "9101"},
		{Description: "Mercedes-Benz S-Class car"},
	} {
		r := mustClassify(t, c, in)
		if r.HS6 != "" {
			t.Errorf("%+v: HS6 = %q, want abstention", in, r.HS6)
		}
		for _, cd := range r.Candidates {
			if cd.Level == LevelSubheading && len(cd.Code) != 6 || cd.Level == LevelHeading && len(cd.Code) != 4 {
				t.Errorf("%+v: candidate %+v has the wrong length for its level", in, cd)
			}
		}
	}
}

func TestGarbageNeedsReview(t *testing.T) {
	c := newClassifier(t)
	for _, d := range []string{"", "   ", "asdkjh qwe zzz", "\x00\xff\xfe", "12345 67890", strings.Repeat("x", 5000), "!!!???"} {
		r := mustClassify(t, c, Item{Description: d})
		if !r.NeedsReview || r.HS6 != "" || len(r.Reasons) == 0 {
			t.Errorf("%.20q: got HS6 %q, needs_review %v, reasons %q; want review with a reason", d, r.HS6, r.NeedsReview, r.Reasons)
		}
	}
}

func TestControlsAndLuxury(t *testing.T) {
	c := newClassifier(t, WithJurisdictions("UN"), WithRates(&lists.Rates{Base: "USD", PerUnit: map[string]float64{"EUR": 1.08}}))
	// Rugs are controlled by UNSCR 2321 above USD 500.
	cheap := mustClassify(t, c, Item{Description: "hand-knotted wool rug", Value: 300, Currency: "EUR", Quantity: 1, Unit: "pcs"})
	dear := mustClassify(t, c, Item{Description: "hand-knotted wool rug", Value: 3000, Currency: "EUR", Quantity: 1, Unit: "pcs"})
	unknown := mustClassify(t, c, Item{Description: "hand-knotted wool rug", Value: 3000, Currency: "CHF", Quantity: 1, Unit: "pcs"})
	applies := func(r Result, entry string) lists.Applicability {
		for _, ctl := range r.Controls {
			if ctl.Entry == entry {
				return ctl.Applies
			}
		}
		return ""
	}
	const rugs = "un-2321-iv-a-rugs-tapestries"
	got := []any{applies(cheap, rugs), cheap.Luxury, applies(dear, rugs), dear.Luxury, applies(unknown, rugs), unknown.Luxury, unknown.NeedsReview}
	want := []any{lists.DoesNotApply, LuxuryNo, lists.Applies, LuxuryYes, lists.CannotTell, LuxuryUnknown, true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rug controls (-want +got):\n%s", diff)
	}
	for _, r := range []Result{cheap, dear} {
		for _, ctl := range r.Controls {
			if ctl.Jurisdiction != "UN" {
				t.Errorf("control of %s with --jurisdiction UN", ctl.Jurisdiction)
			}
		}
	}
}

func TestJurisdictionFilterKeepsUN(t *testing.T) {
	c := newClassifier(t, WithJurisdictions("eu"))
	r := mustClassify(t, c, Item{Description: "18k gold automatic wristwatch"})
	seen := map[string]bool{}
	for _, ctl := range r.Controls {
		seen[ctl.Jurisdiction] = true
	}
	if diff := cmp.Diff(map[string]bool{"UN": true, "EU": true}, seen); diff != "" {
		t.Errorf("jurisdictions of controls (-want +got):\n%s", diff)
	}
}

func TestUNLuxuryFacts(t *testing.T) {
	// Known facts of the UN luxury annexes, asserted on the catalogue as
	// the classifier reports it.
	c := newClassifier(t, WithJurisdictions("UN"))
	tests := []struct {
		desc  string
		entry string
	}{
		{"18k gold automatic wristwatch", "un-2270-v-a-luxury-watches"},
		{"18K yellow gold diamond ring", "un-2094-iv-a-jewellery-with-pearls"},
		{"Sea-Doo personal watercraft", "un-2270-v-b-aquatic-recreational-vehicles"},
		{"full lead crystal decanter", "un-2270-v-d-lead-crystal"},
		{"Meissen porcelain dinner service", "un-2321-iv-b-porcelain-tableware"},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		found := false
		for _, ctl := range r.Controls {
			found = found || ctl.Entry == tt.entry
		}
		if !found || r.Luxury == LuxuryNo {
			t.Errorf("%s: want luxury with entry %s; got luxury %v, controls %+v", tt.desc, tt.entry, r.Luxury, r.Controls)
		}
	}
}

func TestMismatch(t *testing.T) {
	c := newClassifier(t)
	tests := []struct {
		name string
		it   Item
		kind string
	}{
		{"armoured limousine declared as trailer", Item{Description: "Mercedes-Maybach S600 Guard armoured limousine", DeclaredCode: "8716.39"}, MismatchControlled},
		{"missile carrier declared as lumber truck", Item{Description: "lumber transporter WS51200 8-axle chassis with hydraulic erector and launcher", DeclaredCode: "8704.23"}, MismatchRedFlag},
		{"consistent", Item{Description: "18k gold automatic wristwatch", DeclaredCode: "9101.21"}, ""},
		{"consistent heading", Item{Description: "wristwatch", DeclaredCode: "9102.21.00"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustClassify(t, c, tt.it)
			got := ""
			if r.Mismatch != nil {
				got = r.Mismatch.Kind
			}
			if got != tt.kind {
				t.Errorf("mismatch %+v, want kind %q", r.Mismatch, tt.kind)
			}
			if tt.kind != "" && !r.NeedsReview {
				t.Error("mismatch without needs_review")
			}
		})
	}
}

func TestDeclaredCodeOnly(t *testing.T) {
	// UN only: national thresholds without a value would, rightly, ask
	// for review.
	c := newClassifier(t, WithJurisdictions("UN"))
	tests := []struct {
		code   string
		hs6    string
		valid  bool
		review bool
	}{
		{"9101.21.00", "910121", true, false},
		{"910121", "910121", true, false},
		{"9101", "", true, true},
		{"10121", "", false, true}, // lost leading zero
		{"91x1", "", false, true},  // letters
		{"9101..21", "910121", true, false},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{DeclaredCode: tt.code})
		got := []any{r.HS6, r.Declared.Valid, r.NeedsReview}
		if diff := cmp.Diff([]any{tt.hs6, tt.valid, tt.review}, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s\nreasons %q", tt.code, diff, r.Reasons)
		}
	}
}

func TestDeclaredCodeAgainstEditions(t *testing.T) {
	dir := sharedDir(t)
	ctx := context.Background()
	h22 := hs2022(t)
	cr, err := openCorrelation(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	c := newClassifier(t, WithValidation(h22), WithCorrelation(cr))
	day := func(y int) time.Time { return time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		code   string
		date   time.Time
		exists string
		hs2022 []string
	}{
		{"890333", day(2023), "yes", nil},
		{"890399", day(2023), "yes", nil},
		{"890392", day(2023), "no", nil},
		{"890392", day(2019), "unknown", []string{"890331", "890332", "890333"}},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{DeclaredCode: tt.code, Date: tt.date})
		got := []any{r.Declared.Exists, r.Declared.HS2022}
		if diff := cmp.Diff([]any{tt.exists, tt.hs2022}, got); diff != "" {
			t.Errorf("%s on %s (-want +got):\n%s", tt.code, tt.date.Format("2006"), diff)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	c := newClassifier(t)
	done := make(chan struct{})
	for i := 0; i < 8; i++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for _, d := range []string{"Rolex Daytona 18k gold", "persian rug", "Gulfstream G650", "gold colour pendant"} {
				if _, err := c.Classify(context.Background(), Item{Description: d}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for i := 0; i < 8; i++ {
		<-done
	}
}

func TestCancelledContext(t *testing.T) {
	c := newClassifier(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Classify(ctx, Item{Description: "watch"}); err == nil {
		t.Error("no error on a cancelled context")
	}
}
