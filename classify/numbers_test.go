package classify

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// readNumbers runs the number extractor of the embedded vocabulary on s
// and returns the attributes it set ("name=value from evidence") and the
// metal it read ("metal fineness from evidence").
func readNumbers(t *testing.T, s string) (got []string, metal string) {
	t.Helper()
	v, err := loadNumbers(lexiconFS)
	if err != nil {
		t.Fatal(err)
	}
	tx := tokenize(s, nil)
	var a attrs
	var m metalSignals
	v.extract(&tx, &a, &m, 2026)
	for _, at := range a.list() {
		got = append(got, at.Name+"="+at.Value+" from "+at.From)
	}
	switch {
	case m.gold:
		metal = "gold"
	case m.silver:
		metal = "silver"
	case m.platinum:
		metal = "platinum"
	}
	if metal != "" {
		metal += " " + describe(value{num: m.fineness, max: m.fineness}) + " from " + strings.Join(m.ev, " ")
	}
	return got, metal
}

// TestNumberRules checks each rule of the number vocabulary on the way
// descriptions write it, and the cases where the rule must not read.
func TestNumberRules(t *testing.T) {
	tests := []struct {
		rule, in string
		want     []string
		metal    string
	}{
		// attached: units written against the number in Chinese and Korean.
		{"attached length", "游艇 长24米", []string{"length_m=24 from 24m"}, ""},
		{"attached feet", "요트 80피트", []string{"length_m=24.38 from 80ft"}, ""},
		{"attached millilitres", "白兰地 700毫升", []string{"container_l=0.7 from 700ml"}, ""},
		{"attached seats", "15座 客车", []string{"ten_persons=true from 15 seats"}, ""},
		{"attached seats below ten", "9인승 승합차", []string{"ten_persons=false from 9 seats"}, ""},
		// units: a unit word after the number.
		{"cc", "Ferrari 3982 cc V8", []string{"cc=3982 from 3982 cc"}, ""},
		{"cm3 glued", "3982 cm3 petrol", []string{"cc=3982 from 3982 cm"}, ""},
		{"cyrillic cm3", "двигатель 1998 см³", []string{"cc=1998 from 1998 см"}, ""},
		{"horsepower to kW", "engine 150 hp", []string{"kw=110 from 150 hp"}, ""},
		{"kW", "motor 300 kW", []string{"kw=300 from 300 kw"}, ""},
		{"litres", "12 x 1.5 l bottles", []string{"container_l=1.5 from 1.5 l"}, ""},
		{"zero litres", "0 l", nil, ""},
		{"centilitres", "cognac 70 cl", []string{"container_l=0.7 from 70 cl"}, ""},
		{"metres", "yacht LOA 24.5 m", []string{"length_m=24.5 from 24.5 m"}, ""},
		{"metres too long", "cable 250 m", nil, ""},
		{"feet", "sailing yacht 80 ft", []string{"length_m=24.38 from 80 ft"}, ""},
		{"russian metres", "яхта 18 м", []string{"length_m=18 from 18 м"}, ""},
		{"unladen kg", "motorcycle 180 kg", []string{"weight_kg=180 from 180 kg"}, ""},
		{"gross weight is not the goods'", "gross weight 800 kg", nil, ""},
		{"tonnes to kg", "unladen 2.5 t", []string{"weight_kg=2500 from 2.5 t"}, ""},
		{"gross vehicle weight", "truck GVW 7.5 t", []string{"gvw_kg=7500 from 7.5 t"}, ""},
		{"gross vehicle weight phrase", "gross vehicle weight 3500 kg", []string{"gvw_kg=3500 from 3500 kg"}, ""},
		{"pounds", "250 lbs", []string{"weight_kg=113 from 250 lbs"}, ""},
		{"grams", "watch 150 gram", []string{"weight_kg=0.15 from 150 gram"}, ""},
		{"seats with driver apart", "bus 14 seats plus driver", []string{"ten_persons=true from 14 seats"}, ""},
		{"seats", "minibus 8 seats", []string{"ten_persons=false from 8 seats"}, ""},
		// karats.
		{"karat", "ring 18K gold", nil, "gold 750 from 18 k"},
		{"carat that is not a standard", "diamond 3 ct", nil, ""},
		{"russian karat", "кольцо 14 карат", nil, "gold 583 from 14 карат"},
		// centuries: the middle of the century, aged from 2026.
		{"ordinal century", "commode 18th century", []string{"age_years=276 from 1750"}, ""},
		{"ordinal without century", "the 18th", nil, ""},
		{"german century", "Schrank 19. Jahrhundert", []string{"age_years=176 from 1850"}, ""},
		// lead: percentages of lead oxide.
		{"lead crystal", "decanter 30% PbO", []string{"lead_crystal=true from 30% pbo"}, ""},
		{"lead below 24%", "glass 10% lead", []string{"lead_crystal=false from 10% pbo"}, ""},
		{"other percentage", "20% discount", nil, ""},
		// scales.
		{"scale model", "model car 1:18", []string{"scale_model=true from 1:18"}, ""},
		{"no scale", "ratio 1:7", nil, ""},
		// symbols glued to a hallmark.
		{"platinum symbol, read again as a hallmark beside pt", "ring Pt950", nil, "platinum 950 from pt950 950"},
		{"silver symbol, read again as a hallmark", "chain S925", nil, "silver 925 from s925 925"},
		{"gold symbol out of range", "au100 ring", []string{"model_cc=100 from 100"}, ""},
		// hallmarks standing alone.
		{"silver hallmark", "bracelet 925 sterling", nil, "silver 925 from 925"},
		{"silver hallmark beside a multiplication sign", "925 x 2", nil, ""},
		{"gold hallmark needs a gold word", "ring 750 gold", nil, "gold 750 from 750"},
		{"gold hallmark alone is a model number", "ring 750", []string{"model_cc=750 from 750"}, ""},
		{"fine silver", "bar 999 silver", nil, "silver 999 from 999"},
		{"platinum hallmark", "platinum ring 950", nil, "platinum 950 from 950"},
		// engine litres.
		{"engine litres", "Range Rover 3.0 diesel", []string{"engine_l=3 from 3.0"}, ""},
		// model numbers.
		{"model number", "KTM 1290 Super Duke", []string{"model_cc=1290 from 1290"}, ""},
		{"two model numbers decide nothing", "Vespa 300 and 125", nil, ""},
		// years.
		{"year", "painting, 1850, oil", []string{"age_years=176 from 1850"}, ""},
		{"date word", "commode circa 1755", []string{"age_years=271 from 1755"}, ""},
		{"quantity is not a year", "1850 x vases", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got, metal := readNumbers(t, tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q attributes (-want +got):\n%s", tt.in, diff)
			}
			if metal != tt.metal {
				t.Errorf("%q metal = %q, want %q", tt.in, metal, tt.metal)
			}
		})
	}
}

// TestNumbersFromFS checks that the vocabulary is data: an overlay that
// adds a unit word is read.
func TestNumbersFromFS(t *testing.T) {
	base, err := lexiconFS.ReadFile(NumbersFile)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(base), "{words: [kw], attr: kw}", "{words: [kw, kilowatt], attr: kw}", 1)
	if edited == string(base) {
		t.Fatal("the kW rule is not written as the test expects")
	}
	v, err := loadNumbers(fstest.MapFS{NumbersFile: {Data: []byte(edited)}})
	if err != nil {
		t.Fatal(err)
	}
	tx := tokenize("motor 300 kilowatt", nil)
	var a attrs
	var m metalSignals
	v.extract(&tx, &a, &m, 2026)
	if got := a[attrKW]; !got.set || got.num != 300 {
		t.Errorf("kW = %+v, want 300 from the added unit word", got)
	}
}

func TestNumbersErrors(t *testing.T) {
	tests := []struct {
		name, yaml, field string
	}{
		{"unknown field", "units:\n  - {words: [kw], attr: kw, colour: red}\n", "units[0].colour"},
		{"unknown attr", "units:\n  - {words: [kw], attr: torque}\n", "units[0].attr"},
		{"bad context", "units:\n  - {words: [kg], attr: weight_kg, context: moon}\n", "units[0].context"},
		{"context on another attribute", "units:\n  - {words: [kw], attr: kw, context: unladen}\n", "units[0].context"},
		{"word twice", "units:\n  - {words: [kw], attr: kw}\n  - {words: [kw], attr: cc}\n", "units[1].words"},
		{"karat word that is a unit", "units:\n  - {words: [k], attr: kw}\nkarats:\n  words: [k]\n", "karats.words"},
		{"unknown metal", "symbols:\n  - {symbols: [cu], metal: copper, min: 1, max: 2}\n", "symbols[0].metal"},
		{"symbol without bound", "symbols:\n  - {symbols: [pt], metal: platinum, min: 850}\n", "symbols[0]"},
		{"hallmark metal", "hallmarks:\n  - {metal: tin, values: [925]}\n", "hallmarks[0].metal"},
		{"not a number", "scales: [eighteen]\n", "scales[0]"},
		{"unknown word list", "words:\n  colours: [red]\n", "words.colours"},
		{"missing word list", "words:\n  unit: [kg]\n", "words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadNumbers(fstest.MapFS{NumbersFile: {Data: []byte(tt.yaml)}})
			var de *datafile.Error
			if !errors.As(err, &de) {
				t.Fatalf("error %v (%T) is not a *datafile.Error", err, err)
			}
			fields := []string{}
			for _, p := range datafile.Problems(err) {
				fields = append(fields, p.Field)
			}
			if !strings.Contains(strings.Join(fields, " "), tt.field) {
				t.Errorf("error %v names fields %v, want %s", err, fields, tt.field)
			}
		})
	}
}
