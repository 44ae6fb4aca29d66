package screen

import (
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/party"
)

// An entityFeature adjusts the name score of a listed entity with one more
// thing the query and the entity both say. It returns the new score and
// its explanation, or false when it has nothing to say. Its weights are in
// data/weights.yaml under its name.
type entityFeature func(s *Screener, q *query, e *listed, score float64) (float64, party.Feature, bool)

// qualify applies the entity features to a name score, in order, and
// records their explanations in why when it is not nil: a matching date
// of birth raises a person's score and a disjoint one lowers it, a
// country outside the entity's lowers it, and a vessel whose listed IMO
// differs from the query's is another ship.
func (s *Screener) qualify(score float64, e *listed, q *query, why *[]party.Feature) float64 {
	for _, f := range [...]entityFeature{birthDate, country, identifierMismatch} {
		v, feat, ok := f(s, q, e, score)
		if !ok {
			continue
		}
		score = v
		if why != nil {
			*why = append(*why, feat)
		}
	}
	return min(max(score, 0), 1)
}

// birthDate is the birth_date feature: for persons, a listed date agreeing
// with one of the query's adds match; every listed year more than a year
// away from every query date subtracts mismatch.
func birthDate(s *Screener, q *query, e *listed, score float64) (float64, party.Feature, bool) {
	if len(q.e.BirthDates) == 0 || e.Kind != KindPerson || len(e.DatesOfBirth) == 0 {
		return score, party.Feature{}, false
	}
	rel := -1
	for _, d := range q.e.BirthDates {
		rel = max(rel, dobRelation(d, e.DatesOfBirth))
	}
	w := &s.w.Features.BirthDate
	detail := strings.Join(q.e.BirthDates, ", ") + " ~ " + strings.Join(e.DatesOfBirth, ", ")
	switch rel {
	case 1:
		return score + w.Match, party.Feature{Feature: "birth_date", Score: 1, Weight: w.Match, Detail: detail}, true
	case -1:
		return score - w.Mismatch, party.Feature{Feature: "birth_date", Score: -1, Weight: w.Mismatch, Detail: detail}, true
	}
	return score, party.Feature{}, false
}

// country is the country feature: a listed entity with countries, none of
// which is one of the query's, loses mismatch; a shared country is
// recorded and adds nothing.
func country(s *Screener, q *query, e *listed, score float64) (float64, party.Feature, bool) {
	if len(q.e.Countries) == 0 || len(e.Countries) == 0 {
		return score, party.Feature{}, false
	}
	for _, qc := range q.e.Countries {
		qc = s.cc.canon(qc)
		for _, c := range e.Countries {
			if s.cc.canon(c) == qc {
				return score, party.Feature{Feature: "country", Score: 1, Detail: c}, true
			}
		}
	}
	w := s.w.Features.Country.Mismatch
	detail := strings.Join(q.e.Countries, ", ") + " ~ " + strings.Join(e.Countries, ", ")
	return score - w, party.Feature{Feature: "country", Score: -1, Weight: w, Detail: detail}, true
}

// identifierMismatch is the identifier feature's other half: a vessel
// whose listed ship IMO numbers are not all one of the query's is another
// ship, and its score is multiplied by mismatch_factor.
func identifierMismatch(s *Screener, q *query, e *listed, score float64) (float64, party.Feature, bool) {
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
	f := s.w.Features.Identifier.MismatchFactor
	return score * f, party.Feature{Feature: "identifier", Score: -1, Weight: f, Detail: "listed IMO " + strings.Join(listed, ", ")}, true
}

// dobRelation compares a query date of birth with listed ones: 1 when a
// listed date agrees (same year, and same day when both give one), -1 when
// every listed year is more than one year away, 0 otherwise.
func dobRelation(q string, listed []string) int {
	qy := yearOf(q)
	if qy == "" {
		return 0
	}
	disjoint := true
	for _, d := range listed {
		y := yearOf(d)
		if y == "" {
			return 0
		}
		if y == qy {
			if len(q) >= 10 && len(d) >= 10 && q[:10] != d[:10] {
				disjoint = false
				continue
			}
			return 1
		}
		if absYearDiff(y, qy) <= 1 {
			disjoint = false
		}
	}
	if disjoint {
		return -1
	}
	return 0
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
