package classify

import (
	"strings"
)

// attr identifies one product attribute that decides a heading or
// subheading: engine capacity for cars, length for yachts, the metal of a
// jewel or watch case, the age of a painting.
type attr int

// The attributes the extractors read. Their names (see attrNames) are the
// keys rule conditions use in the lexicon YAML.
const (
	attrCC           attr = iota // engine cylinder capacity, cm³
	attrKW                       // engine power, kW
	attrFuel                     // petrol, diesel, electric, hybrid, phev
	attrLength                   // hull length, m
	attrInflatable               // true for inflatable and rigid-hull inflatable boats
	attrPropulsion               // sail, motor, outboard, oar
	attrWeight                   // unladen weight, kg
	attrMetal                    // silver, gold, platinum, palladium, clad, plated, imitation, base, mixed, nonmetal
	attrFineness                 // millesimal fineness of the precious metal, e.g. 750
	attrMovement                 // automatic, manual, mechanical, quartz
	attrDisplay                  // analogue, digital, both
	attrForm                     // wrist, pocket
	attrAge                      // age in years (interval: min in num, max in max)
	attrConstruction             // knotted, kilim, woven, flat, tufted, felt
	attrFibre                    // wool, cashmere, silk, cotton, synthetic, artificial, linen, jute
	attrPurebred                 // true for pure-bred breeding animals
	attrLead                     // true for lead crystal (PbO ≥ 24 %)
	attrUsed                     // true for used, second-hand goods
	attrMaterial                 // leather, plastic, textile, other: outer surface of bags, uppers of shoes
	attrKnitted                  // true knitted or crocheted, false woven
	attrGender                   // men, women
	attrSparkling                // true for sparkling wine
	attrContainer                // container size, litres
	attrGlassForm                // stemware, tumbler, table, other
	attrScale                    // true for scale models (1:18, 1/43)
	attrParts                    // true when the goods are parts or spare parts
	attrAnkle                    // true for footwear covering the ankle
	attrPile                     // true for pile carpets, false for flat weaves
	attrMadeUp                   // true for made-up carpets (rugs)
	attrCarried                  // pocket, handbag, luggage: for cases of heading 4202
	attrLegalTender              // true for coins that are legal tender
	attrSet                      // true for sets of assorted articles
	attrGVW                      // gross vehicle weight, kg
	attrSole                     // leather, rubber: outer soles of footwear
	attrState                    // raw, dressed, rough, polished, fresh, preserved
	attrEngineL                  // a bare decimal that may be an engine's litres
	attrOrigin                   // natural, cultured: how pearls were grown
	attrModelCC                  // a bare whole number in a model name that may be the cc
	attrTenPersons               // true when seating for ten or more persons, driver included
	attrLED                      // true for luminaires for LED light sources only
	numAttrs
)

var attrNames = [numAttrs]string{
	attrCC: "cc", attrKW: "kw", attrFuel: "fuel", attrLength: "length_m", attrInflatable: "inflatable",
	attrPropulsion: "propulsion", attrWeight: "weight_kg", attrMetal: "metal", attrFineness: "fineness",
	attrMovement: "movement", attrDisplay: "display", attrForm: "form", attrAge: "age_years",
	attrConstruction: "construction", attrFibre: "fibre", attrPurebred: "purebred", attrLead: "lead_crystal",
	attrUsed: "used", attrMaterial: "material", attrKnitted: "knitted", attrGender: "gender",
	attrSparkling: "sparkling", attrContainer: "container_l", attrGlassForm: "glass_form", attrScale: "scale_model",
	attrParts: "parts", attrAnkle: "covers_ankle", attrPile: "pile", attrMadeUp: "made_up", attrCarried: "carried",
	attrLegalTender: "legal_tender", attrSet: "set", attrGVW: "gvw_kg", attrSole: "sole", attrState: "state", attrEngineL: "engine_l",
	attrOrigin: "origin", attrModelCC: "model_cc", attrTenPersons: "ten_persons", attrLED: "led",
}

func (a attr) String() string { return attrNames[a] }

// attrByName returns the attribute with the given YAML name.
func attrByName(name string) (attr, bool) {
	for i, n := range attrNames {
		if n == name {
			return attr(i), true
		}
	}
	return 0, false
}

// value is what an extractor found for one attribute.
type value struct {
	set     bool
	implied bool    // from a model or brand term, not the text itself
	num     float64 // numeric value, or the minimum of an interval
	max     float64 // the maximum of an interval (age); equals num otherwise
	str     string  // enumerated value ("petrol"); "true"/"false" for flags
	ev      string  // the words it was read from
	// dated marks an age read from a date, a century or an era, as opposed
	// to the loose trade word "antique".
	dated bool
}

// attrs holds every attribute of one description.
type attrs [numAttrs]value

// setNum records a number unless one was already read from the text.
func (a *attrs) setNum(k attr, n float64, ev string) {
	if a[k].set && !a[k].implied {
		return
	}
	a[k] = value{set: true, num: n, max: n, ev: ev}
}

// unknownValue is what a word sets when it names an attribute without
// deciding it ("crystal" may or may not be lead crystal); a model or brand
// that implies the value may still decide it.
const unknownValue = "?"

// setStr records an enumerated value; text beats implication, and the
// first explicit value wins.
func (a *attrs) setStr(k attr, s, ev string, implied bool) {
	if s == unknownValue && a[k].set {
		return
	}
	if a[k].set && a[k].str != unknownValue && (!a[k].implied || implied) {
		return
	}
	if a[k].set && a[k].str == unknownValue && !implied && s != unknownValue {
		// An explicit decision after an explicit "?" wins.
	} else if a[k].set && a[k].str == unknownValue && s == unknownValue {
		return
	}
	a[k] = value{set: true, implied: implied, str: s, ev: ev}
}

// Attribute is one attribute the classifier read from a description, for
// the explanation of a result.
type Attribute struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	// From is the text it was read from, or the model or brand that
	// implies it.
	From string `json:"from"`
}

func (a *attrs) list() []Attribute {
	var out []Attribute
	for i := range a {
		v := a[i]
		if !v.set {
			continue
		}
		s := v.str
		if s == "" {
			s = describe(v)
		}
		from := v.ev
		if v.implied {
			from = "implied by " + from
		}
		out = append(out, Attribute{Name: attr(i).String(), Value: s, From: from})
	}
	return out
}

// metalSignals collects the words about metal before they are resolved
// into one attrMetal value.
type metalSignals struct {
	silver, gold, platinum, palladium bool
	plated, clad, imitation, base     bool
	// nonmetal is a case or article of plastic, resin and the like: it
	// rules out precious metal only when no metal is named at all.
	nonmetal bool
	// costume is an imitation-jewellery material (zircon, rhinestone,
	// enamel, alloy) beside a jewel with no precious stone: imitation,
	// unless a precious metal or another metal word is stated.
	costume  bool
	fineness float64
	ev       []string
}

// resolve applies the precedence of Chapter 71: a hallmark of silver wins
// (silver plated with gold is still silver), plating or an imitation word
// makes the article base metal, and a precious metal beside steel is a
// mixed article.
func (m *metalSignals) resolve(a *attrs) {
	ev := strings.Join(m.ev, " ")
	if ev == "" {
		return
	}
	set := func(s string) { a.setStr(attrMetal, s, ev, false) }
	switch {
	case m.silver && m.fineness >= 800 && m.fineness < 1000 && !m.imitation:
		set("silver")
	case m.imitation:
		set("imitation")
	case m.plated:
		set("plated")
	case m.clad:
		set("clad")
	case (m.gold || m.platinum || m.palladium || m.silver) && m.base:
		set("mixed")
	case m.platinum:
		set("platinum")
	case m.gold:
		set("gold")
	case m.palladium:
		set("palladium")
	case m.silver:
		set("silver")
	case m.base:
		set("base")
	case m.nonmetal:
		set("nonmetal")
	case m.costume:
		set("imitation")
	}
	if m.fineness > 0 {
		a.setNum(attrFineness, m.fineness, ev)
	}
}
