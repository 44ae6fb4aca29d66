package screen

import (
	"cmp"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/party"
)

// hits returns the candidates at or above the review threshold, best
// first and at most the hit limit, each explained.
func (sc *screening) hits() []Hit {
	var cands []*candidate
	for _, c := range sc.best {
		if c.score >= sc.s.t.Review {
			cands = append(cands, c)
		}
	}
	slices.SortFunc(cands, func(a, b *candidate) int {
		return cmp.Or(cmp.Compare(b.score, a.score), strings.Compare(a.row.entity.ID, b.row.entity.ID))
	})
	if len(cands) > sc.s.max {
		cands = cands[:sc.s.max]
	}
	hits := make([]Hit, 0, len(cands))
	for _, c := range cands {
		if c.features == nil {
			sc.explain(c)
		}
		e := c.row.entity
		h := Hit{Entity: e.ID, List: e.Source, ListVersion: e.list, Ref: e.Ref, Name: e.PrimaryName(),
			MatchedName: c.row.name.Value, MatchedKind: c.row.name.Kind, Kind: e.Kind, Score: round3(c.score),
			ListedOn: e.ListedOn, Features: c.features}
		if c.qn >= 0 {
			h.QueryName = sc.q.raw[c.qn]
		}
		hits = append(hits, h)
	}
	return hits
}

// explain scores a name candidate again, this time recording its
// features.
func (sc *screening) explain(c *candidate) {
	s, r := sc.s, c.row
	res := s.cmp.compare(sc.q.names[c.qn], sc.q.w[c.qn], r.a, r.w, compareKind(sc.q.e.Kind, r.entity.Kind), true)
	name := party.Feature{Feature: "name", Score: round3(res.score), Weight: 1, Detail: string(r.name.Kind)}
	if r.variant != "" {
		name.Detail += " " + r.variant
	}
	c.features = append([]party.Feature{name}, res.features...)
	if r.name.Kind == NameWeak {
		c.features = append(c.features, party.Feature{Feature: "weak_alias", Detail: "a weak alias alone cannot make a match"})
	}
	c.score = s.qualify(res.score, r, &sc.q, c.qn, &c.features)
}
