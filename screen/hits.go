package screen

import (
	"cmp"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/party"
)

// hits returns the candidates at or above the review threshold, best
// first and at most the hit limit, each explained, with the same party on
// several lists merged into one hit (see sameParty).
func (sc *screening) hits() []Hit {
	var cands []*candidate
	lists := 0
	var first string
	for _, c := range sc.best {
		if c.score >= sc.s.t.Review {
			cands = append(cands, c)
			if l := c.row.entity.list; lists == 0 || lists == 1 && l != first {
				first, lists = l, lists+1
			}
		}
	}
	// Scores are ranked as they are shown, to three decimals: two names
	// that score the same but for floating-point rounding (a sum of token
	// weights that comes to 0.9999999999999999) tie, and the tie goes by
	// ID, whichever token statistics the loaded lists give.
	slices.SortFunc(cands, func(a, b *candidate) int {
		return cmp.Or(cmp.Compare(round3(b.score), round3(a.score)), strings.Compare(a.row.entity.ID, b.row.entity.ID))
	})
	groups := sc.group(cands, lists > 1)
	hits := make([]Hit, 0, len(groups))
	// One array holds every hit's references, so that a hit costs no
	// allocation of its own for them.
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	refs := make([]party.Reference, 0, n)
	for _, g := range groups {
		c := g[0].c
		if c.features == nil {
			sc.explain(c)
		}
		e := c.row.entity
		start := len(refs)
		refs = append(refs, sc.gen.reference(e))
		h := Hit{Entity: e.ID, List: e.Source, ListVersion: e.list, Ref: e.Ref, Name: e.PrimaryName(),
			MatchedName: c.row.name.Value, MatchedKind: c.row.name.Kind, Kind: e.Kind, Score: round3(c.score),
			ListedOn: e.ListedOn, Features: c.features, Listed: e.Facts()}
		if c.qn >= 0 {
			h.QueryName = sc.q.raw[c.qn]
		}
		if len(g) > 1 {
			// A hit takes one entry per list: a few at most.
			var buf [4]*listed
			rest := buf[:0]
			for _, m := range g[1:] {
				r := sc.gen.reference(m.c.row.entity)
				r.SameAs, r.Remarks = m.why, m.c.row.entity.Remarks
				refs = append(refs, r)
				rest = append(rest, m.c.row.entity)
			}
			h.Listed = sc.gen.groupFacts(e, rest)
		}
		h.References = refs[start:len(refs):len(refs)]
		hits = append(hits, h)
	}
	return hits
}

// member is one candidate of a hit: the first is the best-scored entry,
// the others the same party on other lists, each with the evidence.
type member struct {
	c   *candidate
	why string
}

// group gathers the sorted candidates into hits, at most the hit limit:
// with merge, a candidate that is the same party as a member of an earlier
// hit joins that hit; else each candidate is its own hit.
func (sc *screening) group(cands []*candidate, merge bool) [][]member {
	groups := make([][]member, 0, min(len(cands), sc.s.max))
	flat := make([]member, len(cands))
	for i, c := range cands {
		flat[i] = member{c: c}
	}
	if !merge {
		for i := range flat {
			if len(groups) == sc.s.max {
				break
			}
			groups = append(groups, flat[i:i+1:i+1])
		}
		return groups
	}
	for i := range flat {
		gi, why := sc.joins(groups, flat[i])
		switch {
		case gi >= 0:
			groups[gi] = append(groups[gi], member{c: flat[i].c, why: why})
		case len(groups) < sc.s.max:
			groups = append(groups, flat[i:i+1:i+1])
		}
	}
	return groups
}

// joins returns the hit that candidate c is the same party as and the
// evidence, or -1. A hit takes one entry per list. A hit that cannot make
// a match (see [party.Hit.Matches]: a weak alias, an uncorroborated name)
// takes no candidate that can, which stays a hit of its own: merging
// changes no verdict.
func (sc *screening) joins(groups [][]member, cm member) (int, string) {
	c, e := cm.c, cm.c.row.entity
	for gi, g := range groups {
		if slices.ContainsFunc(g, func(m member) bool { return m.c.row.entity.list == e.list }) {
			continue
		}
		for _, m := range g {
			why, ok := sc.gen.twinOf(m.c.row.entity, e)
			if !ok {
				continue
			}
			// The head is explained as a hit anyway: asking it first
			// spares explaining c when the head can match.
			if !sc.canMatch(g[0].c) && sc.canMatch(c) {
				break
			}
			return gi, why
		}
	}
	return -1, ""
}

// canMatch reports whether candidate c, as a hit alone, would make a
// match, explaining it first if need be.
func (sc *screening) canMatch(c *candidate) bool {
	if c.features == nil {
		sc.explain(c)
	}
	h := Hit{Score: round3(c.score), MatchedKind: c.row.name.Kind, Features: c.features}
	return h.Matches(sc.s.t.Match)
}

// reference returns the reference of listed entity e: its list entry and
// the version of the list it was loaded from.
func (gen *generation) reference(e *listed) party.Reference {
	r := party.Reference{Entity: e.ID, List: e.Source, Ref: e.Ref, Name: e.PrimaryName(), ListVersion: e.list, ListedOn: e.ListedOn}
	for i := range gen.versions {
		if gen.versions[i].SHA256 == e.list {
			r.Published = gen.versions[i].Published
			break
		}
	}
	return r
}

// explain scores a name candidate again from the pairs its score
// aligned, this time recording its features.
func (sc *screening) explain(c *candidate) {
	s, r := sc.s, c.row
	// The name feature comes first; room for it and the features most
	// hits have (a pair each, what is left unaligned, a few attributes).
	feats := make([]party.Feature, 1, len(c.aligned)+8)
	res := s.cmp.explainAligned(feats, c.aligned, sc.q.names[c.qn], sc.q.w[c.qn], &r.a, r.w, compareKind(sc.q.e.Kind, r.entity.Kind))
	name := party.Feature{Feature: "name", Score: round3(res.score), Weight: 1, Detail: string(r.name.Kind)}
	if r.variant != nil {
		name.Detail += " " + *r.variant
	}
	c.features = res.features
	c.features[0] = name
	if r.name.Kind == NameWeak {
		c.features = append(c.features, party.Feature{Feature: "weak_alias", Detail: "a weak alias alone cannot make a match"})
	}
	c.score = s.qualify(res.score, r, &sc.q, c.qn, &c.features)
}
