package lists

import "strings"

// unitWords is the one vocabulary of units as documents write them: every
// spelling a bill of lading, an invoice or a customs unit code uses, mapped
// to the catalogue's unit.
var unitWords = map[string]Unit{
	"item": Item, "items": Item, "pc": Item, "pcs": Item, "pce": Item, "pces": Item, "piece": Item, "pieces": Item,
	"unit": Item, "units": Item, "u": Item, "nos": Item, "no": Item, "nr": Item, "nar": Item, "stk": Item,
	"ea": Item, "each": Item, "btl": Item, "btls": Item, "bottle": Item, "bottles": Item,
	"animal": Animal, "animals": Animal, "head": Animal, "heads": Animal,
	"pair": Pair, "pairs": Pair, "pr": Pair, "prs": Pair, "npr": Pair,
	"set": Set, "sets": Set,
	"kg": Kg, "kgs": Kg, "kgm": Kg, "kilogram": Kg, "kilograms": Kg,
	"g": Gram, "gr": Gram, "grm": Gram, "gram": Gram, "grams": Gram,
	"l": Litre, "lt": Litre, "ltr": Litre, "litre": Litre, "litres": Litre, "liter": Litre, "liters": Litre,
	"ct": Carat, "car": Carat, "carat": Carat, "carats": Carat,
	"m2": M2, "sqm": M2, "mtk": M2, "square metre": M2, "square meter": M2,
}

// ParseUnit reads a unit of quantity as documents write it ("pcs",
// "btl", "KGM", "carats") and returns the catalogue's unit. It reports
// false for a unit it does not know.
func ParseUnit(s string) (Unit, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	if u, ok := unitWords[s]; ok {
		return u, true
	}
	u, ok := unitWords[strings.ToLower(s)]
	return u, ok
}

// counted reports whether goods in unit u are counted one by one: a
// threshold per item applies to animals counted by the head, and the
// other way round.
func (u Unit) counted() bool { return u == Item || u == Animal }

// perUnit converts a quantity in unit have into a quantity in unit want,
// reporting false when the units do not measure the same thing.
func perUnit(qty float64, have, want Unit) (float64, bool) {
	switch {
	case have == want, have.counted() && want.counted():
		return qty, true
	case have == Gram && want == Kg:
		return qty / 1000, true
	case have == Kg && want == Gram:
		return qty * 1000, true
	}
	return 0, false
}
