package screen

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen/names"
)

// The same party is often designated on several lists (the UN, then OFAC,
// the EU and the UK after it). Shown once per list, it buries the next
// party under duplicates and leaves the reviewer to tell whether the
// duplicates are one party. So the hits of entries of different lists that
// are the same party are merged into one hit listing every reference.
//
// A wrong merge hides a party behind another's facts, which is worse than
// a duplicate, so the rule asks for positive evidence and lets any
// conflict veto it:
//
//   - evidence: a shared identifier that names one party (IMO number,
//     passport, national identity number, SWIFT/BIC, company registration,
//     MMSI), the same UN reference (the EU, UK and OpenSanctions lists name
//     the UN designation they implement), or the same name (primary or strong alias, the same words in
//     any order, ignoring case and punctuation) of the same kind; for a
//     person, the same name counts only with a birth date of the same year
//     on both lists, since two people often share a name;
//   - veto: entries of the same list file (a list does not designate one
//     party twice); kinds that differ; ship or company IMO numbers that
//     both lists give and none shared; for persons, birth dates that both
//     lists give in no common year, or nationalities that both give and
//     the country table knows, none in common; for organisations, the
//     same for countries.
//
// Call signs are not evidence: they are reassigned when ships change flag.
// Nor are identifiers of type other, whose meaning the lists leave open.

// mergesOn reports whether equal identifiers of type t make two list
// entries one party.
func mergesOn(t IDType) bool {
	switch t {
	case IDShipIMO, IDCompanyIMO, IDIMOUnchecked, IDPassport, IDNationalID, IDSWIFT, IDRegistration, IDMMSI:
		return true
	}
	return false
}

// sameParty reports whether listed entities a and b, of different lists,
// are the same party, and on what evidence ("ship IMO 9187629", "name KIM
// JONG SIK, born 1967").
//
// as and bs are the signatures of a's and b's names (see nameSigs), or nil
// to compute them.
func (s *Screener) sameParty(a, b *listed, as, bs []wordSig) (string, bool) {
	if a.list == b.list || a.Kind != b.Kind {
		return "", false
	}
	// Evidence first: it allocates nothing and is rare between different
	// parties, so the dearer conflict checks run only for likely merges.
	why, ok := sharedID(a.Entity, b.Entity)
	if !ok {
		why, ok = sharedUNRef(a.Entity, b.Entity)
	}
	if !ok {
		name, named := sharedName(a.Entity, b.Entity, as, bs)
		if !named {
			return "", false
		}
		why = "name " + name
		if a.Kind == KindPerson {
			y, born := commonYear(a.DatesOfBirth, b.DatesOfBirth)
			if !born {
				return "", false
			}
			why += ", born " + y
		}
	}
	if s.conflict(a, b) {
		return "", false
	}
	return why, true
}

// conflict reports whether facts both entities give disagree.
func (s *Screener) conflict(a, b *listed) bool {
	for _, t := range []IDType{IDShipIMO, IDCompanyIMO} {
		av, bv := idValues(a.Entity, t), idValues(b.Entity, t)
		if len(av) > 0 && len(bv) > 0 && !slices.ContainsFunc(av, func(v string) bool { return slices.Contains(bv, v) }) {
			return true
		}
	}
	switch a.Kind {
	case KindPerson:
		if len(a.DatesOfBirth) > 0 && len(b.DatesOfBirth) > 0 {
			if _, ok := commonYear(a.DatesOfBirth, b.DatesOfBirth); !ok {
				return true
			}
		}
		return !s.countriesMeet(a.Nationalities, b.Nationalities)
	case KindOrganisation:
		return !s.countriesMeet(a.Countries, b.Countries)
	}
	return false
}

// countriesMeet reports whether two country lists may name one party's
// countries: they share a country, or either is empty, or a spelling is
// not in the country table, so that the two lists cannot be told apart
// ("Congo, Democratic Republic of the" against "Democratic Republic of
// the Congo" when the table lacks them). Only countries known to differ
// keep two entries apart.
func (s *Screener) countriesMeet(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	unknown := false
	for _, x := range a {
		cx, kx := s.countryCode(x)
		unknown = unknown || !kx
		for _, y := range b {
			cy, ky := s.countryCode(y)
			unknown = unknown || !ky
			if cx == cy {
				return true
			}
		}
	}
	return unknown
}

// countryCode returns the ISO code of a country spelling and true, or its
// folded form and false when the country table does not know it.
func (s *Screener) countryCode(c string) (string, bool) {
	k := names.Fold(c).Text
	code, ok := s.cc[k]
	if !ok {
		return k, false
	}
	return code, true
}

// idValues returns the normalised values of e's identifiers of type t.
func idValues(e *Entity, t IDType) []string {
	var out []string
	for _, id := range e.Identifiers {
		if id.Type == t {
			out = append(out, idKey(id.Value))
		}
	}
	return out
}

// sharedID returns the first identifier of a merging type that a and b
// both carry, described. It allocates nothing but the description.
func sharedID(a, b *Entity) (string, bool) {
	for _, x := range a.Identifiers {
		if !mergesOn(x.Type) || idLen(x.Value) < 4 {
			continue // too short to name one party
		}
		for _, y := range b.Identifiers {
			if y.Type.IsIMO() != x.Type.IsIMO() || !y.Type.IsIMO() && y.Type != x.Type || !sameID(x.Value, y.Value) {
				continue
			}
			if x.Type == IDPassport && x.Country != "" && y.Country != "" && !strings.EqualFold(x.Country, y.Country) {
				continue // equal numbers of two countries' passports
			}
			return x.Type.Label() + " " + x.Value, true
		}
	}
	return "", false
}

// sharedUNRef returns the UN reference both entries carry: the UN entry's
// own, or the one the EU and UK lists write beside theirs ("UN ref
// KPe.001" in the remarks) and FtM exports give as the sanction's unscId.
func sharedUNRef(a, b *Entity) (string, bool) {
	ra, rb := unRef(a), unRef(b)
	if ra == "" || ra != rb {
		return "", false
	}
	return "UN reference " + ra, true
}

// unRef returns the UN Security Council reference of e (KPe.001,
// QDi.339), or "".
func unRef(e *Entity) string {
	switch {
	case e.Source == "UN" || e.Source == "OpenSanctions" && isUNRef(e.Ref):
		return e.Ref
	case strings.HasPrefix(e.Remarks, "UN ref "):
		ref, _, _ := strings.Cut(strings.TrimPrefix(e.Remarks, "UN ref "), " ")
		if ref = strings.TrimSuffix(ref, "."); isUNRef(ref) {
			return ref
		}
	}
	return ""
}

// isUNRef reports whether s looks like a UN reference: two letters, "i"
// or "e", a dot and digits.
func isUNRef(s string) bool {
	if len(s) < 5 || s[3] != '.' || s[2] != 'i' && s[2] != 'e' || !unicode.IsUpper(rune(s[0])) || !unicode.IsUpper(rune(s[1])) {
		return false
	}
	return allDigits(s[4:])
}

// idKey is an identifier value without case, spaces, punctuation or an
// "IMO" prefix, so that "IMO 9187629" and "9187629", or "KP 123-456" and
// "KP123456", meet.
func idKey(v string) string {
	v = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(v)), "IMO")
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, v)
}

// sameID reports whether idKey(a) == idKey(b) without building either.
func sameID(a, b string) bool {
	a, b = trimIMO(a), trimIMO(b)
	for {
		ra, na := nextIDRune(a)
		rb, nb := nextIDRune(b)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
		a, b = a[na:], b[nb:]
	}
}

// trimIMO drops leading spaces and an "IMO" prefix in any case.
func trimIMO(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 3 && strings.EqualFold(v[:3], "IMO") {
		v = v[3:]
	}
	return v
}

// nextIDRune returns the next letter or digit of s, upper-cased, and how
// many bytes it took to reach past it, or -1 at the end.
func nextIDRune(s string) (rune, int) {
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r), i + utf8.RuneLen(r)
		}
	}
	return -1, len(s)
}

// idLen counts the letters and digits of an identifier value.
func idLen(v string) int {
	n := 0
	for _, r := range trimIMO(v) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// sharedName returns a name, not weak, that a and b both carry (the same
// words in any order); as and bs are their names' signatures, or nil.
func sharedName(a, b *Entity, as, bs []wordSig) (string, bool) {
	if as == nil {
		as = nameSigs(nil, a.Names)
	}
	if bs == nil {
		bs = nameSigs(nil, b.Names)
	}
	for i, x := range a.Names {
		if x.Kind == NameWeak {
			continue
		}
		for j, y := range b.Names {
			if y.Kind != NameWeak && as[i] == bs[j] && sameWords(x.Value, y.Value) {
				return x.Value, true
			}
		}
	}
	return "", false
}

// nameSigs appends the signatures of names to to.
func nameSigs(to []wordSig, names []Name) []wordSig {
	for _, n := range names {
		to = append(to, sigOf(n.Value))
	}
	return to
}

// wordSig is what two names with the same words share whatever their
// order, case and punctuation: the number of letters and digits and the
// sum of their lower-case code points. Comparing it first spares most
// pairs the word-by-word comparison.
type wordSig struct{ n, sum int }

func sigOf(s string) wordSig {
	var g wordSig
	for _, r := range s {
		if wordRune(r) {
			g.n++
			g.sum += int(unicode.ToLower(r))
		}
	}
	return g
}

// sameWords reports whether a and b hold the same words, ignoring case,
// punctuation and order: "KIM, Jong Sik" and "KIM JONG SIK", "Tong Gu
// PAK" and "PAK TONG-GU". It allocates nothing.
func sameWords(a, b string) bool {
	// Most names two lists share differ, if at all, in case and
	// punctuation only: their words in order settle it without a search
	// for each word.
	if sameWordsInOrder(a, b) {
		return true
	}
	na, nb := 0, 0
	for w, rest := nextWord(a); w != ""; w, rest = nextWord(rest) {
		na++
		if !hasWord(b, w) {
			return false
		}
	}
	for w, rest := nextWord(b); w != ""; w, rest = nextWord(rest) {
		nb++
		if !hasWord(a, w) {
			return false
		}
	}
	return na > 0 && na == nb
}

// sameWordsInOrder reports whether a and b hold the same words in the
// same order, ignoring case and punctuation, and at least one.
func sameWordsInOrder(a, b string) bool {
	x, ra := nextWord(a)
	y, rb := nextWord(b)
	n := 0
	for ; x != "" && y != ""; n++ {
		if !strings.EqualFold(x, y) {
			return false
		}
		x, ra = nextWord(ra)
		y, rb = nextWord(rb)
	}
	return n > 0 && x == "" && y == ""
}

// hasWord reports whether s holds the word w, ignoring case.
func hasWord(s, w string) bool {
	for x, rest := nextWord(s); x != ""; x, rest = nextWord(rest) {
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}

// nextWord returns the first run of letters and digits of s and what
// follows it.
func nextWord(s string) (word, rest string) {
	start := -1
	for i, r := range s {
		inWord := wordRune(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			return s[start:i], s[i:]
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// wordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		// Most of what list names are written in is ASCII, where the
		// Unicode tables (and the search of Mn for every space and
		// comma) are not needed.
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// commonYear returns a year that both date lists give.
func commonYear(a, b []string) (string, bool) {
	for _, x := range a {
		y := yearOf(x)
		if y == "" {
			continue
		}
		for _, z := range b {
			if yearOf(z) == y {
				return y, true
			}
		}
	}
	return "", false
}

// mergeFacts returns the union of the facts of a hit and of the same
// party on another list, but for the names (see mergeNames) and the
// remarks, which stay f's (g's are on its reference). It copies, so the
// lists' facts stay untouched; the unions scan rather than hash, as each
// holds a handful of values.
func mergeFacts(f, g party.Facts) party.Facts {
	out := party.Facts{
		Names:         f.Names,
		BirthDates:    union(f.BirthDates, g.BirthDates, eq),
		BirthPlaces:   union(f.BirthPlaces, g.BirthPlaces, eq),
		Nationalities: union(f.Nationalities, g.Nationalities, eq),
		Gender:        cmp.Or(f.Gender, g.Gender),
		Addresses:     union(f.Addresses, g.Addresses, eq),
		Countries:     union(f.Countries, g.Countries, eq),
		Identifiers:   union(f.Identifiers, g.Identifiers, func(x, y Identifier) bool { return x.Type == y.Type && sameID(x.Value, y.Value) }),
		Programs:      union(f.Programs, g.Programs, eq),
		Positions:     union(f.Positions, g.Positions, eq),
		Vessel:        cmp.Or(f.Vessel, g.Vessel),
		ListedOn:      cmp.Or(f.ListedOn, g.ListedOn),
		Remarks:       f.Remarks,
	}
	return out
}

// mergeNames returns the union of two entries' names, one spelling of
// each (the same words in any order are one name), with the union's
// signatures; as and bs are those of a and b. A name that one list calls
// weak and the other strong is strong, as the stronger list's word is the
// one a reviewer must weigh.
func mergeNames(a, b []Name, as, bs []wordSig) ([]Name, []wordSig) {
	out := make([]Name, 0, len(a)+len(b))
	sigs := make([]wordSig, 0, len(a)+len(b))
	for k, s := range [][]Name{a, b} {
		ss := [][]wordSig{as, bs}[k]
	next:
		for j, n := range s {
			for i := range out {
				// Equal names have equal signatures: comparing those
				// first spares reading most names' text.
				if sigs[i] == ss[j] && (out[i].Value == n.Value || sameWords(out[i].Value, n.Value)) {
					if out[i].Kind == NameWeak && n.Kind != NameWeak {
						out[i].Kind = n.Kind
					}
					continue next
				}
			}
			out, sigs = append(out, n), append(sigs, ss[j])
		}
	}
	return out, sigs
}

func eq[T comparable](x, y T) bool { return x == y }

// distinct reports whether no two elements of s are the same.
func distinct[T any](s []T, same func(x, y T) bool) bool {
	for i := range s {
		for j := range i {
			if same(s[i], s[j]) {
				return false
			}
		}
	}
	return true
}

// union returns a new slice of a's elements then those of b that same
// says a has not, or nil when both are empty.
func union[T any](a, b []T, same func(x, y T) bool) []T {
	if len(a)+len(b) == 0 {
		return nil
	}
	if distinct(a, same) && !slices.ContainsFunc(b, func(x T) bool {
		return !slices.ContainsFunc(a, func(y T) bool { return same(x, y) })
	}) {
		// The other entry adds nothing, as most often: a as it is,
		// without a copy.
		return a
	}
	out := make([]T, 0, len(a)+len(b))
	for _, s := range [][]T{a, b} {
		for _, x := range s {
			if !slices.ContainsFunc(out, func(y T) bool { return same(x, y) }) {
				out = append(out, x)
			}
		}
	}
	return out
}
