package classify

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
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
	}
	if m.fineness > 0 {
		a.setNum(attrFineness, m.fineness, ev)
	}
}

// karats are the gold standards written in karats (18K, 9ct).
func isKarat(n float64) bool {
	switch n {
	case 8, 9, 10, 14, 15, 18, 21, 22, 24:
		return true
	}
	return false
}

// extractNumbers reads the attributes written as a number with a unit or
// a hallmark: engine capacity, power, length, weight, container size,
// fineness, lead oxide content, dates and scale ratios. refYear is the year
// ages are counted from.
func extractNumbers(t *text, a *attrs, m *metalSignals, refYear int) {
	toks := t.tokens
	oldest := 0.0
	// modelCC is the one bare number a model name gives ("KTM 1290 Super
	// Duke", "Kawasaki Z900"); two different ones decide nothing.
	modelCC, modelEv, models := 0.0, "", 0
	for i := range toks {
		tk := &toks[i]
		if !tk.isNum {
			// "pt950", "s925", "au750": a metal symbol glued to a hallmark.
			if i+1 < len(toks) && toks[i+1].isNum && toks[i+1].glued {
				n := toks[i+1].num
				switch tk.text {
				case "pt":
					if n >= 850 && n <= 1000 {
						m.platinum, m.fineness = true, n
						m.ev = append(m.ev, tk.text+toks[i+1].text)
					}
				case "s", "ag":
					if n >= 800 && n < 1000 {
						m.silver, m.fineness = true, n
						m.ev = append(m.ev, tk.text+toks[i+1].text)
					}
				case "au":
					if n >= 375 && n <= 1000 {
						m.gold, m.fineness = true, n
						m.ev = append(m.ev, tk.text+toks[i+1].text)
					}
				}
			}
			continue
		}
		n := tk.num
		next, next2 := "", ""
		if i+1 < len(toks) && !toks[i+1].isNum {
			next = toks[i+1].text
			if i+2 < len(toks) {
				next2 = toks[i+2].text
			}
		}
		prev := ""
		if i > 0 {
			prev = toks[i-1].text
		}
		after := byte(0)
		if tk.end < len(t.norm) {
			after = t.norm[tk.end]
		}
		ev := tk.text + " " + next
		if cu := cjkUnit(t.norm[tk.end:]); cu != "" {
			switch cu {
			case "m":
				a.setNum(attrLength, n, tk.text+"m")
			case "ft":
				a.setNum(attrLength, math.Round(n*0.3048*100)/100, tk.text+"ft")
			case "l":
				a.setNum(attrContainer, n, tk.text+"l")
			case "ml":
				a.setNum(attrContainer, n/1000, tk.text+"ml")
			case "kg":
				a.setNum(attrWeight, n, tk.text+"kg")
			case "cc":
				a.setNum(attrCC, n, tk.text+"cc")
			case "seats":
				if p, ok := seating(t, i); ok {
					a.setStr(attrTenPersons, strconv.FormatBool(p >= 10), tk.text+" seats", false)
				}
			}
			continue
		}
		// The tokenizer splits "cm3" and "см³" into a unit and a glued 3.
		if (next == "cm" || next == "см") && i+2 < len(toks) && toks[i+2].isNum && toks[i+2].glued && toks[i+2].num == 3 {
			next = next + "3"
		}
		switch next {
		case "cc", "ccm", "cm3", "куб", "cc3", "см3":
			a.setNum(attrCC, n, ev)
			continue
		case "cm":
			if next2 == "3" && i+2 < len(toks) && toks[i+2].glued {
				a.setNum(attrCC, n, ev+"3")
				continue
			}
		case "kw":
			a.setNum(attrKW, n, ev)
			continue
		case "seat", "seats", "seater", "seaters", "sitzer", "sitze", "sitzplatze", "passenger", "passengers", "pax", "persons", "people", "personen":
			if p, ok := seating(t, i); ok {
				a.setStr(attrTenPersons, strconv.FormatBool(p >= 10), ev, false)
			}
			continue
		case "hp", "bhp", "ps", "cv", "ch":
			a.setNum(attrKW, math.Round(n*0.7355), ev)
			continue
		case "l", "lt", "ltr", "litre", "liter", "litres", "liters", "ltrs":
			if n > 0 {
				a.setNum(attrContainer, n, ev)
			}
			continue
		case "ml":
			a.setNum(attrContainer, n/1000, ev)
			continue
		case "cl":
			a.setNum(attrContainer, n/100, ev)
			continue
		case "m", "meter", "metre", "meters", "metres", "mtr", "mtrs", "м", "метр", "метров":
			if n > 0 && n < 200 && after != '2' {
				a.setNum(attrLength, n, ev)
			}
			continue
		case "ft", "feet", "foot", "fuss", "pied", "pieds":
			if n > 0 && n < 600 {
				a.setNum(attrLength, math.Round(n*0.3048*100)/100, ev)
			}
			continue
		case "kg", "kgs", "kilogram", "kilograms", "кг", "t", "tonnes", "tons", "tonne", "lb", "lbs":
			kg := n
			switch next {
			case "t", "tonnes", "tons", "tonne":
				kg = n * 1000
			case "lb", "lbs":
				kg = math.Round(n * 0.4536)
			}
			if isGVW(toks, i) {
				a.setNum(attrGVW, kg, ev)
			} else if weightIsUnladen(toks, i) {
				a.setNum(attrWeight, kg, ev)
			}
			continue
		case "g", "gr", "gram", "grams", "gramm":
			if tk.glued || next != "g" {
				if weightIsUnladen(toks, i) {
					a.setNum(attrWeight, n/1000, ev)
				}
			}
			continue
		case "k", "kt", "karat", "karats", "carat", "carats", "ct", "kr", "карат", "к":
			if isKarat(n) {
				m.gold = true
				m.fineness = math.Round(n / 24 * 1000)
				m.ev = append(m.ev, ev)
				continue
			}
		case "th", "st", "nd", "rd", "e", "eme", "jahrhundert", "век", "века", "siecle":
			c := n
			if next == "th" || next == "st" || next == "nd" || next == "rd" || next == "e" || next == "eme" {
				if next2 != "century" && next2 != "c" && next2 != "siecle" && next2 != "jh" {
					break
				}
			}
			if c >= 1 && c <= 21 {
				year := (c-1)*100 + 50
				if oldest == 0 || year < oldest {
					oldest = year
				}
				continue
			}
		}
		if after == '%' {
			if next == "pbo" || next == "lead" || next2 == "pbo" || next2 == "lead" || prev == "pbo" {
				a.setStr(attrLead, strconv.FormatBool(n >= 24), tk.text+"% pbo", false)
			}
			continue
		}
		if (after == ':' || after == '/') && n == 1 && i+1 < len(toks) && toks[i+1].isNum {
			switch toks[i+1].num {
			case 8, 10, 12, 18, 24, 32, 35, 43, 48, 64, 72, 76, 87, 100, 144, 160, 200, 350, 700:
				a.setStr(attrScale, "true", "1:"+toks[i+1].text, false)
			}
			continue
		}
		// Hallmarks.
		switch n {
		case 925, 958, 800, 835:
			if prev != "x" && next != "x" {
				m.silver, m.fineness = true, n
				m.ev = append(m.ev, tk.text)
				continue
			}
		case 750, 585, 375, 916, 917, 999, 990:
			if hasWord(toks, "gold", "or", "золото", "gelbgold", "weissgold", "rotgold", "золота") {
				m.gold, m.fineness = true, n
				m.ev = append(m.ev, tk.text)
				continue
			}
			if n == 999 && hasWord(toks, "silver", "argent", "silber", "серебро") {
				m.silver, m.fineness = true, n
				m.ev = append(m.ev, tk.text)
				continue
			}
		case 950, 900:
			if hasWord(toks, "platinum", "platin", "platine", "платина", "pt") {
				m.platinum, m.fineness = true, n
				m.ev = append(m.ev, tk.text)
				continue
			}
		}
		// A bare one-decimal number such as "1.6" or "4.0" is how order lines
		// give an engine's capacity in litres; only vehicle rules read it.
		if !isUnitWord(next) && strings.Count(tk.text, ".") == 1 && len(tk.text) == 3 && n >= 0.6 && n <= 8.5 {
			a.setNum(attrEngineL, n, tk.text)
			continue
		}
		if isModelNumber(t, i, prev, next, after) {
			switch {
			case models == 0:
				modelCC, modelEv, models = n, tk.text, 1
			case n != modelCC:
				models++
			}
		}
		// A bare year: 1000–2099 and not a quantity or a model number.
		if n >= 1000 && n <= 2099 && n == math.Trunc(n) && !strings.ContainsAny(tk.text, ".,") && len(tk.text) == 4 {
			if isUnitWord(next) || prev == "x" || next == "x" || tk.glued {
				continue
			}
			// Model numbers look like old years ("KTM 1290 Super Duke",
			// "BMW R 1250 GS"): a year before 1900 counts only when it
			// stands apart as a date does — after a comma or bracket, at
			// the start, or after a word such as "circa" or "dated".
			if n < 1900 && !standsAsDate(t, i, prev) {
				continue
			}
			if oldest == 0 || n < oldest {
				oldest = n
			}
		}
	}
	if models == 1 {
		a.setNum(attrModelCC, modelCC, modelEv)
	}
	if oldest > 0 && refYear > 0 {
		age := float64(refYear) - oldest
		if age >= 0 {
			a.setNum(attrAge, age, strconv.Itoa(int(oldest)))
			a[attrAge].dated = true
		}
	}
}

// seating reads the number of persons a vehicle seats from the count at
// token i, which a seat word follows. The count includes the driver, as
// heading 8702 counts, unless the text adds the driver's seat apart:
// "14+1 seats", "14 seats plus driver", "14 seats excl. driver".
func seating(t *text, i int) (float64, bool) {
	toks := t.tokens
	n := toks[i].num
	if n != math.Trunc(n) || n < 1 || n > 120 {
		return 0, false
	}
	if i > 0 && toks[i-1].isNum && strings.Contains(t.norm[toks[i-1].end:toks[i].start], "+") {
		n += toks[i-1].num
	}
	for k := i + 2; k < len(toks) && k <= i+3; k++ {
		if toks[k].text != "driver" {
			continue
		}
		added := strings.Contains(t.norm[toks[i+1].end:toks[k].start], "+")
		for _, w := range toks[i+2 : k] {
			switch w.text {
			case "plus", "excl", "excluding", "exc", "excluded", "not", "without":
				added = true
			}
		}
		if added {
			n++
		}
		break
	}
	return n, true
}

// notModelWord reports whether s, next to a number, says that the number
// counts, prices or measures something rather than naming a model.
func notModelWord(s string) bool {
	switch s {
	case "x", "qty", "quantity", "no", "nr", "ref", "item", "lot", "lots", "invoice", "value", "price",
		"total", "fob", "cif", "us", "usd", "eur", "gbp", "cny", "rmb", "jpy", "chf", "hs", "code", "vin",
		"order", "po", "set", "sets", "crate", "crates", "box", "boxes", "case", "cases", "pallet", "pallets",
		"package", "packages", "pkgs", "pieces", "piece", "nos", "each", "ea", "pairs", "pair", "prs", "dozen",
		"bundles", "containers", "cbm", "v", "ah", "wh", "mah", "kmh", "kph", "mph", "ct", "cts", "k", "kt",
		"mm", "km":
		return true
	}
	return false
}

// isModelNumber reports whether token i, a number, is written the way
// a model number that gives an engine's capacity is: a whole number
// from 50 to 2500 inside a name ("KTM 1290 Super Duke", "Kawasaki
// Z900", "Vespa GTS 300"), not standing apart as a date or quantity
// does, not a year, a price, a count of packages or a size ("120/70").
func isModelNumber(t *text, i int, prev, next string, after byte) bool {
	tk := &t.tokens[i]
	n := tk.num
	if n < 50 || n > 2500 || n != math.Trunc(n) || strings.ContainsAny(tk.text, ".,") {
		return false
	}
	if len(tk.text) == 4 && n >= 1900 {
		return false // a year
	}
	// A number that opens the line is where quantities go ("120
	// motorcycles"), unless it has four digits and stands before a name
	// ("1290 Super Duke R"): lines seldom open with a thousand vehicles.
	if i == 0 && len(tk.text) < 4 || isUnitWord(next) || isUnitWord(prev) || notModelWord(next) || notModelWord(prev) {
		return false
	}
	switch after {
	case '/', '%', ':', '\'', '+':
		return false
	case '-':
		if tk.end+1 < len(t.norm) && t.norm[tk.end+1] >= '0' && t.norm[tk.end+1] <= '9' {
			return false // "2824-2", "120-17"
		}
	}
	if tk.start > 0 {
		switch t.norm[tk.start-1] {
		case '/', '$', '#', '+', '\'':
			return false
		}
		if r, _ := utf8.DecodeLastRuneInString(t.norm[:tk.start]); r == '€' || r == '£' || r == '¥' {
			return false
		}
	}
	return !standsAsDate(t, i, prev)
}

// dateWords introduce a year.
var dateWords = map[string]bool{
	"circa": true, "c": true, "ca": true, "dated": true, "date": true, "year": true, "anno": true,
	"built": true, "made": true, "painted": true, "from": true, "around": true, "about": true,
	"um": true, "vers": true, "год": true, "года": true,
}

// standsAsDate reports whether token i, a four-digit number, is written
// the way a date is rather than the way a model number is. At the start
// of a description a number stands as a date only when nothing but a
// separator follows it ("1755, Paris"); followed by words it is more
// likely a model ("1290 Super Duke R").
func standsAsDate(t *text, i int, prev string) bool {
	if dateWords[prev] {
		return true
	}
	if i == 0 {
		rest := strings.TrimLeft(t.norm[t.tokens[0].end:], " ")
		return rest == "" || strings.ContainsRune(",;:()[]/", rune(rest[0]))
	}
	// The nearest non-space character before the number.
	for j := t.tokens[i].start - 1; j >= 0; j-- {
		switch t.norm[j] {
		case ' ':
			continue
		case ',', '(', '[', ';', ':', '/':
			return true
		}
		return false
	}
	return true
}

// cjkUnit reads a unit written in Chinese or Korean right after a number
// ("12米", "750毫升"), which the tokenizer does not make a token of.
func cjkUnit(rest string) string {
	for _, u := range [...]struct{ s, unit string }{
		{"毫升", "ml"}, {"英尺", "ft"}, {"米", "m"}, {"公尺", "m"}, {"미터", "m"}, {"피트", "ft"},
		{"升", "l"}, {"리터", "l"}, {"밀리리터", "ml"}, {"公斤", "kg"}, {"千克", "kg"}, {"킬로그램", "kg"},
		{"毫升", "ml"}, {"排量", "cc"}, {"座", "seats"}, {"인승", "seats"},
	} {
		if strings.HasPrefix(rest, u.s) {
			return u.unit
		}
	}
	return ""
}

// weightIsUnladen reports whether the weight at token i describes the
// goods' own unladen weight rather than a shipment's gross or net weight
// or a take-off weight.
func weightIsUnladen(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k].text {
		case "gross", "gw", "g", "nw", "net", "mtow", "takeoff", "take", "max", "maximum", "payload", "gvw", "load", "capacity", "weighing":
			return false
		case "unladen", "empty", "dry", "tare", "leer", "vide":
			return true
		}
	}
	return true
}

// isGVW reports whether the weight at token i is a gross vehicle weight.
func isGVW(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k].text {
		case "gvw", "gvwr", "gvm":
			return true
		case "vehicle":
			if k+1 < i && toks[k+1].text == "weight" && k > 0 && toks[k-1].text == "gross" {
				return true
			}
		}
	}
	return false
}

func isUnitWord(s string) bool {
	switch s {
	case "cc", "ccm", "cm3", "см3", "kg", "kgs", "g", "mm", "cm", "m", "km", "ml", "cl", "l", "pcs", "pc", "units", "unit", "hp", "kw", "rpm", "nm", "ft", "lbs", "lb", "sqm", "sqft", "carton", "cartons", "ctns", "bottles", "btl", "bags", "usd", "eur", "gbp":
		return true
	}
	return false
}

func hasWord(toks []token, words ...string) bool {
	for i := range toks {
		for _, w := range words {
			if toks[i].text == w {
				return true
			}
		}
	}
	return false
}
