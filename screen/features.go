package screen

import (
	"slices"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen/names"
)

// The entity features (birthDate, country, identifierMismatch,
// identifiers, kindFeature) each adjust the name score of a listed entity
// with one more thing the query and the entity both say. Each returns the
// new score and its explanation, or false when it has nothing to say, and
// adds what agrees to ev. Their weights are in data/weights.yaml under
// their names.

// evidence is what the entity features found beside the name: how much
// the agreeing attributes corroborate it, and whether the birth years or
// the countries speak against it.
type evidence struct {
	// corroboration sums the corroboration weights of the agreeing
	// attributes (features.corroboration).
	corroboration float64
	// disjoint is set when every listed birth year is more than
	// birth_date.disjoint_gap years from every one of the query's.
	disjoint bool
	// identified is set when an identifier of the same type is equal.
	identified bool
	// otherCountry is set when both sides give countries and none is
	// shared.
	otherCountry bool
	// name is the name score, before the entity features.
	name float64
}

// qualify applies the entity features to the name score of query name
// qn against row r, in order, and records their explanations in why when
// it is not nil: birth dates, countries, identifiers and kinds raise or
// lower the score by their weights. With why, it also records the rule
// features that keep the hit from deciding a match alone
// (birth_year_disjoint, uncorroborated, other_country; see
// [party.Hit.Matches]).
func (s *Screener) qualify(score float64, r *nameRow, q *query, qn int, why *[]party.Feature) float64 {
	ev := evidence{name: score}
	e := r.entity
	apply := func(v float64, feat party.Feature, ok bool) {
		if !ok {
			return
		}
		score = v
		if why != nil {
			*why = append(*why, feat)
		}
	}
	// Called one by one rather than over a slice of functions, so
	// that ev stays on the stack: qualify runs for every scored row.
	apply(birthDate(s, q, e, score, &ev))
	apply(country(s, q, e, score, &ev))
	apply(identifierMismatch(s, q, e, score, &ev))
	apply(identifiers(s, q, e, score, &ev))
	apply(kindFeature(s, q, e, score, &ev))
	if why != nil {
		*why = append(*why, s.rules(q, qn, r, &ev)...)
	}
	return min(max(score, 0), 1)
}

// rules returns the rule features of a hit: birth_year_disjoint when the
// birth years rule the person out, and uncorroborated when the query name
// or the listed name it matched is short or common and the agreeing
// attributes do not reach corroboration.need. An equal identifier lifts
// both.
func (s *Screener) rules(q *query, qn int, r *nameRow, ev *evidence) []party.Feature {
	if ev.identified {
		return nil
	}
	if r.entity.Kind == KindOrganisation {
		return s.orgRules(q, qn, r, ev)
	}
	if r.entity.Kind != KindPerson {
		return nil
	}
	var out []party.Feature
	if ev.disjoint {
		out = append(out, party.Feature{Feature: party.FeatureBirthYearDisjoint, Score: -1,
			Weight: float64(s.w.Features.BirthDate.DisjointGap),
			Detail: "every listed birth year is more than the gap away: not a match on the name alone"})
	}
	need, cn := s.w.Features.Corroboration.Need, &s.w.Features.CommonName
	kr := s.w.Features.Romanisation.korean
	common := len(r.a.toks) > 0 && cn.common(&r.a, kr)
	if qn >= 0 && qn < len(q.names) {
		common = common || cn.common(q.names[qn], kr)
	}
	if ev.corroboration < need && common {
		out = append(out, party.Feature{Feature: party.FeatureUncorroborated, Score: round3(ev.corroboration), Weight: need,
			Detail: "a short or common name needs an agreeing birth date, identifier or nationality to match"})
	}
	return out
}

// orgRules returns the rule feature of an organisation hit on a short
// name (at most country.short_name words, legal forms aside): either
// other_country, when the party's name or the listed name it matched is
// short and the party's countries are all outside the listed ones ("Hana
// Bank" of Seoul is not HANA BANKING CORPORATION of Pyongyang, and short
// company names recur from country to country); or uncorroborated, when
// both names are short, the party gives no country and its name is not
// written as listed (scores below country.short_exact), since nothing then
// tells the two companies apart. Long distinctive names keep their match
// wherever the party writes from, since listed companies trade through
// fronts abroad.
func (s *Screener) orgRules(q *query, qn int, r *nameRow, ev *evidence) []party.Feature {
	c := &s.w.Features.Country
	listed := len(r.a.toks) > 0 && words(&r.a) <= c.ShortName
	asked := qn >= 0 && qn < len(q.names) && words(q.names[qn]) <= c.ShortName
	switch {
	case ev.otherCountry && (listed || asked):
		return []party.Feature{{Feature: party.FeatureOtherCountry, Score: -1, Weight: float64(c.ShortName),
			Detail: "a short company name in another country: not a match on the name alone"}}
	case listed && asked && len(q.countries) == 0 && ev.name < c.ShortExact:
		return []party.Feature{{Feature: party.FeatureUncorroborated, Score: round3(ev.name), Weight: c.ShortExact,
			Detail: "a short company name not written as listed, with no country to compare: not a match on the name alone"}}
	}
	return nil
}

// common reports whether a person's name is short or common: it has at
// most max_tokens words, or its first or last word is a common surname
// and every other word a common given name or, after a Korean surname, a
// single Korean syllable (Korean given names are two syllables from a
// small inventory, written apart on the lists: KIM Yong Chol).
func (c *commonName) common(a *analysed, kr *names.Korean) bool {
	var words []string
	for _, t := range a.toks {
		if t.class == names.Word || t.class == names.Initial {
			words = append(words, t.text)
		}
	}
	if len(words) == 0 {
		return false
	}
	if len(words) <= c.MaxTokens {
		return true
	}
	for _, at := range []int{0, len(words) - 1} {
		if !c.surnames[words[at]] {
			continue
		}
		korean := kr.Plausible(words[at])
		given := true
		for i, w := range words {
			given = given && (i == at || c.given[w] || korean && kr.Syllable(w))
		}
		if given {
			return true
		}
	}
	return false
}

// birthDate is the birth_date feature: for persons with dates on both
// sides, the same day adds exact, the same year same_year and a year
// within near_years near, each corroborating; every listed year farther
// subtracts mismatch, and farther than disjoint_gap sets ev.disjoint.
func birthDate(s *Screener, q *query, e *listed, score float64, ev *evidence) (float64, party.Feature, bool) {
	if len(q.e.BirthDates) == 0 || e.Kind != KindPerson || len(e.DatesOfBirth) == 0 {
		return score, party.Feature{}, false
	}
	w, cw := &s.w.Features.BirthDate, &s.w.Features.Corroboration
	rel, gap := dobDisjoint, -1
	for _, d := range q.e.BirthDates {
		r, g := dobRelation(d, e.DatesOfBirth, w.NearYears)
		rel = max(rel, r)
		if g >= 0 && (gap < 0 || g < gap) {
			gap = g
		}
	}
	detail := strings.Join(q.e.BirthDates, ", ") + " ~ " + strings.Join(e.DatesOfBirth, ", ")
	f := party.Feature{Feature: "birth_date", Score: 1, Detail: detail}
	switch rel {
	case dobExact:
		f.Weight, ev.corroboration = w.Exact, ev.corroboration+cw.BirthDate
	case dobSameYear:
		f.Weight, ev.corroboration = w.SameYear, ev.corroboration+cw.BirthYear
	case dobNear:
		f.Weight, ev.corroboration = w.Near, ev.corroboration+cw.BirthNear
	case dobDisjoint:
		f.Score, f.Weight = -1, w.Mismatch
		ev.disjoint = gap > w.DisjointGap
	default:
		return score, party.Feature{}, false
	}
	return score + f.Score*f.Weight, f, true
}

// Relations of a query birth date to the listed ones, weakest first.
const (
	dobDisjoint = iota - 1
	dobUnknown
	dobNear
	dobSameYear
	dobExact
)

// dobRelation compares a query date of birth with listed ones: the
// closest relation of any listed date (the same day when both give one,
// the same year, a year within near years, or disjoint when every listed
// year is farther), and the smallest year gap, or -1 when a date has no
// year.
func dobRelation(q string, listed []string, near int) (int, int) {
	qy := yearOf(q)
	if qy == "" {
		return dobUnknown, -1
	}
	rel, gap := dobDisjoint, -1
	for _, d := range listed {
		y := yearOf(d)
		if y == "" {
			return dobUnknown, -1
		}
		g := absYearDiff(y, qy)
		if gap < 0 || g < gap {
			gap = g
		}
		switch {
		case g == 0 && len(q) >= 10 && len(d) >= 10 && q[:10] == d[:10]:
			rel = max(rel, dobExact)
		case g == 0 && (len(q) < 10 || len(d) < 10):
			rel = max(rel, dobSameYear)
		case g <= near:
			// The same year on another day is as good as a near year:
			// one of the two dates is wrong.
			rel = max(rel, dobNear)
		}
	}
	return rel, gap
}

// country is the country feature: a listed entity with countries, none
// of which is one of the query's, loses mismatch; a shared country is
// recorded, adds nothing and, when it is a listed nationality (or the list
// gives none), corroborates by corroboration.nationality.
func country(s *Screener, q *query, e *listed, score float64, ev *evidence) (float64, party.Feature, bool) {
	if len(q.e.Countries) == 0 || len(e.Countries) == 0 {
		return score, party.Feature{}, false
	}
	for _, qc := range q.countries {
		for i, c := range e.countries {
			if c != qc {
				continue
			}
			// A nationality corroborates a person; an address country
			// only when the list gives no nationality.
			if len(e.nationalities) == 0 || slices.Contains(e.nationalities, qc) {
				ev.corroboration += s.w.Features.Corroboration.Nationality
			}
			return score, party.Feature{Feature: "country", Score: 1, Detail: e.Countries[i]}, true
		}
	}
	w := s.w.Features.Country.Mismatch
	ev.otherCountry = true
	detail := strings.Join(q.e.Countries, ", ") + " ~ " + strings.Join(e.Countries, ", ")
	return score - w, party.Feature{Feature: "country", Score: -1, Weight: w, Detail: detail}, true
}

// inCountries reports whether the canonical country code is one of cs.
func (s *Screener) inCountries(code string, cs []string) bool {
	for _, c := range cs {
		if s.cc.canon(c) == code {
			return true
		}
	}
	return false
}

// identifierMismatch is the identifier feature's IMO half: a vessel whose
// listed ship IMO numbers are not all one of the query's is another ship,
// and its score is multiplied by mismatch_factor. When the numbers on both
// sides are valid ship IMO numbers, the score is capped at other_hull,
// below review: an IMO number is the hull's for life, so the name's
// resemblance is a coincidence of names — unless the name is the listed
// vessel's own (same_name), which stays review.
func identifierMismatch(s *Screener, q *query, e *listed, score float64, _ *evidence) (float64, party.Feature, bool) {
	if len(q.imos) == 0 || e.Kind != KindVessel {
		return score, party.Feature{}, false
	}
	var listed []string
	for _, id := range e.Identifiers {
		if id.Type == IDShipIMO {
			listed = append(listed, id.Value)
		}
	}
	if len(listed) == 0 {
		return score, party.Feature{}, false
	}
	for _, imo := range q.imos {
		same := true
		for _, l := range listed {
			same = same && l == imo
		}
		if same {
			return score, party.Feature{}, false
		}
	}
	w := &s.w.Features.Identifier
	detail := "listed IMO " + strings.Join(listed, ", ")
	if allValidShipIMOs(q.imos) && allValidShipIMOs(listed) {
		if score >= w.SameName {
			// The designated vessel's own name under another valid number
			// is how a ship sails under a stolen identity; a person must
			// compare the hulls.
			return min(score*w.MismatchFactor, s.w.Thresholds.Review), party.Feature{Feature: "identifier", Score: -1, Weight: w.MismatchFactor,
				Detail: detail + ", not " + strings.Join(q.imos, ", ") + ": another hull under a listed vessel's name"}, true
		}
		return min(score*w.MismatchFactor, w.OtherHull), party.Feature{Feature: "identifier", Score: -1, Weight: w.MismatchFactor,
			Detail: detail + ", not " + strings.Join(q.imos, ", ") + ": another hull"}, true
	}
	return score * w.MismatchFactor, party.Feature{Feature: "identifier", Score: -1, Weight: w.MismatchFactor, Detail: detail}, true
}

// allValidShipIMOs reports whether every number of imos is a valid ship
// IMO number.
func allValidShipIMOs(imos []string) bool {
	for _, n := range imos {
		if !ValidShipIMO(n) {
			return false
		}
	}
	return true
}

// identifiers is the identifier feature's other half: for the
// identifier types other than IMO numbers (which decide outright) that
// both sides give, an equal value adds match and corroborates; values
// that all differ subtract conflict.
func identifiers(s *Screener, q *query, e *listed, score float64, ev *evidence) (float64, party.Feature, bool) {
	w := &s.w.Features.Identifier
	var conflict []string
	for _, qid := range q.e.Identifiers {
		if qid.Type.IsIMO() || qid.Type == party.IDOther {
			continue
		}
		qv, typed := normID(qid.Value), false
		for _, id := range e.Identifiers {
			if id.Type != qid.Type {
				continue
			}
			typed = true
			if normID(id.Value) == qv {
				ev.identified = true
				ev.corroboration += s.w.Features.Corroboration.Identifier
				return score + w.Match, party.Feature{Feature: "identifier", Score: 1, Weight: w.Match,
					Detail: string(id.Type) + " " + id.Value}, true
			}
		}
		if typed {
			conflict = append(conflict, string(qid.Type)+" "+qid.Value)
		}
	}
	if len(conflict) == 0 {
		return score, party.Feature{}, false
	}
	return score - w.Conflict, party.Feature{Feature: "identifier", Score: -1, Weight: w.Conflict,
		Detail: strings.Join(conflict, ", ") + " not listed"}, true
}

// normID folds an identifier for comparison: letters and digits only,
// upper case ("AB-123 456" and "ab123456" are one passport number).
func normID(v string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(v) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// kindFeature is the kind feature: a query of no stated kind whose every
// name carries a legal form ("Kim Chol Trading Co") is a company, not the
// listed person of that name, and loses mismatch.
func kindFeature(s *Screener, q *query, e *listed, score float64, _ *evidence) (float64, party.Feature, bool) {
	if q.e.Kind != KindUnknown || e.Kind != KindPerson || len(q.names) == 0 {
		return score, party.Feature{}, false
	}
	for _, a := range q.names {
		legal := false
		for _, t := range a.toks {
			legal = legal || t.class == names.Legal
		}
		if !legal {
			return score, party.Feature{}, false
		}
	}
	w := s.w.Features.Kind.Mismatch
	return score - w, party.Feature{Feature: "kind", Score: -1, Weight: w, Detail: "a company name against a listed person"}, true
}

func yearOf(d string) string {
	if len(d) < 4 {
		return ""
	}
	for i := 0; i < 4; i++ {
		if d[i] < '0' || d[i] > '9' {
			return ""
		}
	}
	return d[:4]
}

func absYearDiff(a, b string) int {
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	if x > y {
		return x - y
	}
	return y - x
}

// localise withdraws the Korean romanisation equivalences from a query
// name when the party states countries and none is in the romanisation
// region (features.romanisation.region): a Thai exporter's "Siam Rice" is
// English, whatever its letters allow. A vessel's country is its flag,
// which says nothing of the language of its name (DPRK-linked ships sail
// under flags of convenience), so vessels keep the equivalences.
func (s *Screener) localise(a *analysed, e *party.Entity) {
	if len(e.Countries) == 0 || e.Kind == KindVessel {
		return
	}
	for _, c := range e.Countries {
		if s.inCountries(s.cc.canon(c), s.w.Features.Romanisation.Region) {
			return
		}
	}
	for i := range a.toks {
		a.toks[i].korean = false
	}
}
