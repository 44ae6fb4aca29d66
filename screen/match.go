package screen

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/antzucaro/matchr"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen/names"
)

// How a pair of tokens was aligned, for explanations.
type how uint8

const (
	howExact how = iota
	howSkeleton
	howFuzzy
	howInitial
	howLegal
	howJoined
)

// feature is the name of the feature that aligned a pair, as in the
// weights file.
func (h how) feature(sim float64) string {
	switch h {
	case howJoined:
		return "joined"
	case howSkeleton:
		return "romanisation"
	case howInitial:
		return "initial"
	case howLegal:
		return "legal_form"
	}
	if sim < 0.999 {
		return "fuzzy"
	}
	return "token"
}

// pair is a candidate alignment of query tokens [qi, qi+qn) with candidate
// tokens [ci, ci+cn).
type pair struct {
	qi, qn, ci, cn int
	sim            float64
	how            how
}

// scored is the outcome of comparing two names.
type scored struct {
	score    float64
	features []party.Feature
}

// comparer compares analysed names with the weights of one screener. It
// is stateless apart from the analyzer and the weights, and so safe for
// concurrent use.
type comparer struct {
	az *names.Analyzer
	w  *Weights
}

// side is one of the two names compared, with its token weights and the
// tokens aligned so far.
type side struct {
	a    *analysed
	w    []float64
	used uint64
}

// compare scores query q (token weights qw) against candidate c (weights
// cw): a weighted Dice coefficient over aligned tokens, where each aligned
// pair earns credit for its similarity and unaligned tokens count against
// the score by their weight (the "name" feature). With explain, the
// features are filled in.
func (m *comparer) compare(q *analysed, qw []float64, c *analysed, cw []float64, kind Kind, explain bool) scored {
	var buf [64]pair
	s, _ := m.compareInto(buf[:0], q, qw, c, cw, kind, explain)
	return s
}

// compareInto is compare, appending the pairs it compares to buf. It
// returns with the score the pairs aligned, in the order they were taken:
// explaining a hit aligns them again (explainAligned) rather than every
// pair of tokens.
func (m *comparer) compareInto(buf []pair, q *analysed, qw []float64, c *analysed, cw []float64, kind Kind, explain bool) (scored, []pair) {
	if q.same(c) {
		return exactScore(explain), nil
	}
	if len(q.toks) > 64 || len(c.toks) > 64 {
		return m.compareLong(q, c), nil
	}
	pairs := m.pairs(buf, q, c, kind == KindVessel)
	s, n := m.align(nil, pairs, q, qw, c, cw, kind, explain)
	return s, pairs[:n]
}

// explainAligned scores q against c again with their features, aligning
// only the pairs compareInto aligned: greedy alignment takes all of them
// again, in order, and so leaves them as they are.
//
// The features are appended to dst, which may hold features of the
// caller's to come first.
func (m *comparer) explainAligned(dst []party.Feature, aligned []pair, q *analysed, qw []float64, c *analysed, cw []float64, kind Kind) scored {
	if q.same(c) {
		return scored{score: 1, features: append(dst, exactFeature())}
	}
	if len(q.toks) > 64 || len(c.toks) > 64 {
		s := m.compareLong(q, c)
		s.features = append(dst, s.features...)
		return s
	}
	s, _ := m.align(dst, aligned, q, qw, c, cw, kind, true)
	return s
}

// exactFeature explains the score of two names equal once normalised.
func exactFeature() party.Feature {
	return party.Feature{Feature: "exact", Score: 1, Weight: 1, Detail: "normalised names equal"}
}

// exactScore is the score of two names equal once normalised.
func exactScore(explain bool) scored {
	s := scored{score: 1}
	if explain {
		s.features = []party.Feature{exactFeature()}
	}
	return s
}

// align aligns the pairs of q and c greedily in the order given, each
// token at most once, and scores the alignment, with explain appending
// the features to dst. It moves the n pairs it aligns to the front of
// pairs, in order.
func (m *comparer) align(dst []party.Feature, pairs []pair, q *analysed, qw []float64, c *analysed, cw []float64, kind Kind, explain bool) (s scored, n int) {
	qs, cs := side{a: q, w: qw}, side{a: c, w: cw}
	total := addUp(addUp(0, qw), cw)
	if total == 0 {
		return scored{features: dst}, 0
	}
	s.features = dst
	matched := 0.0
	for _, p := range pairs {
		qm, cm := spanMask(p.qi, p.qn), spanMask(p.ci, p.cn)
		if qs.used&qm != 0 || cs.used&cm != 0 {
			continue
		}
		pairs[n] = p
		n++
		qs.used |= qm
		cs.used |= cm
		w := addUp(addUp(0, qw[p.qi:p.qi+p.qn]), cw[p.ci:p.ci+p.cn])
		matched += m.credit(p.sim) * w
		if explain {
			s.features = append(s.features, pairFeature(q, c, p, w))
		}
	}
	den := m.denominator(&qs, &cs, total, kind)
	s.score = matched / den
	m.penalise(&s, &qs, &cs, kind, den, explain)
	m.capDistinctive(&s, &qs, &cs, explain)
	switch kind {
	case KindPerson:
		m.capSingleWord(&s, &qs, &cs, explain)
	case KindOrganisation:
		m.capShortName(&s, &qs, &cs, explain)
	}
	return s, n
}

// capShortName caps an organisation's name score at short_name.cap when
// the listed name has at most short_name.words words (LEADER
// INTERNATIONAL, FIRST OIL JV) and the party's name has words it does not
// explain: "Leader Electronics International" adds what tells another
// company from it. The cap is review: it may be the listed body's branch.
func (m *comparer) capShortName(s *scored, q, c *side, explain bool) {
	sn := &m.w.Features.ShortName
	if s.score <= sn.Cap || leftover(q, 0) == 0 || words(c.a) > sn.Words {
		return
	}
	s.score = m.capped(s.score, sn.Cap)
	if explain {
		s.features = append(s.features, party.Feature{Feature: "short_name", Score: round3(s.score), Weight: sn.Cap,
			Detail: "the listed name is short and the party's has more words"})
	}
}

// capSingleWord caps a person's name score at single_word.cap when the
// listed name is a single word (a given name, a kunya: MARTIN, ABU MARIAM)
// and the query has words it does not explain: one shared given name
// says nothing of who "Martin Černý" is.
func (m *comparer) capSingleWord(s *scored, q, c *side, explain bool) {
	ceiling := m.w.Features.SingleWord.Cap
	if s.score <= ceiling || leftover(q, 0) == 0 || words(c.a) != 1 {
		return
	}
	s.score = ceiling
	if explain {
		s.features = append(s.features, party.Feature{Feature: "single_word", Score: ceiling, Weight: 1,
			Detail: "the listed name is one word and the party's has more"})
	}
}

// words counts the name's words (not legal forms, stopwords, numbers or
// initials).
func words(a *analysed) int {
	n := 0
	for _, t := range a.toks {
		if t.class == names.Word || t.class == names.Foreign {
			n++
		}
	}
	return n
}

// capDistinctive keeps below the match threshold a name whose agreement
// does not rest on its distinctive words: a distinctive word left over on
// each side (SIAM RICE against SIAM NICE: one rare word replaced by
// another) caps the score at substitution.cap, and an alignment made only
// of common words (KOREA, TRADING, KIM) caps it at common_only.cap. Names
// equal once normalised never reach here: a listed name made only of
// common words still matches itself. Token weights come from the loaded
// lists, so what is distinctive follows them.
func (m *comparer) capDistinctive(s *scored, q, c *side, explain bool) {
	f := &m.w.Features
	if f.Substitution.Cap < s.score && maxLeftover(q) >= f.Substitution.Distinctive && maxLeftover(c) >= f.Substitution.Distinctive {
		s.score = m.capped(s.score, f.Substitution.Cap)
		if explain {
			s.features = append(s.features, party.Feature{Feature: "substitution", Score: round3(s.score), Weight: f.Substitution.Cap,
				Detail: "a distinctive word differs on both sides: capped below match"})
		}
	}
	whole := leftover(q, 0)+leftover(c, 0) == 0
	if f.CommonOnly.Cap < s.score && maxAligned(q, whole) < f.CommonOnly.Common && maxAligned(c, whole) < f.CommonOnly.Common {
		s.score = m.capped(s.score, f.CommonOnly.Cap)
		if explain {
			s.features = append(s.features, party.Feature{Feature: "common_only", Score: round3(s.score), Weight: f.CommonOnly.Cap,
				Detail: "only common words agree: capped below match"})
		}
	}
}

// capped maps a score above ceiling into the cap_spread below it, keeping
// the order of the scores it caps: of two namesakes capped for sharing
// only common words, the closer spelling still ranks first.
func (m *comparer) capped(score, ceiling float64) float64 {
	return ceiling - m.w.Features.Name.CapSpread*(1-score)/(1-ceiling)
}

// maxLeftover is the weight of the side's heaviest unaligned word.
func maxLeftover(s *side) float64 {
	var top float64
	for i, t := range s.a.toks {
		if s.used&(1<<i) == 0 && (t.class == names.Word || t.class == names.Foreign) {
			top = max(top, s.w[i])
		}
	}
	return top
}

// maxAligned is the weight of the side's heaviest aligned word, or 0
// when none is aligned. An aligned number counts only with numbers, when
// the names otherwise agree whole: "2nd Economic Committee" is
// SECOND ECONOMIC COMMITTEE, but "First Oil Services" is not FIRST OIL JV
// because both begin with an ordinal.
func maxAligned(s *side, numbers bool) float64 {
	var top float64
	for i, t := range s.a.toks {
		if s.used&(1<<i) != 0 && (t.class == names.Word || t.class == names.Foreign || numbers && t.class == names.Number) {
			top = max(top, s.w[i])
		}
	}
	return top
}

// pairs returns the token and span pairs of q and c similar enough to
// align, most similar first, longer spans first at equal similarity.
func (m *comparer) pairs(pairs []pair, q, c *analysed, vessel bool) []pair {
	minPair := m.w.Features.Name.MinPair
	for i := range q.toks {
		for j := range c.toks {
			if s, h := m.tokSim(&q.toks[i], &c.toks[j], vessel); s >= minPair {
				pairs = append(pairs, pair{qi: i, qn: 1, ci: j, cn: 1, sim: s, how: h})
			}
		}
	}
	for k := range q.spans {
		sp := &q.spans[k]
		start, n := sp.first()
		kr := allKorean(q, sp)
		for j := range c.toks {
			if s := m.spanSim(sp, kr, &c.toks[j]); s >= minPair {
				pairs = append(pairs, pair{qi: start, qn: n, ci: j, cn: 1, sim: s, how: howJoined})
			}
		}
	}
	for k := range c.spans {
		sp := &c.spans[k]
		start, n := sp.first()
		kr := allKorean(c, sp)
		for i := range q.toks {
			if s := m.spanSim(sp, kr, &q.toks[i]); s >= minPair {
				pairs = append(pairs, pair{qi: i, qn: 1, ci: start, cn: n, sim: s, how: howJoined})
			}
		}
	}
	pairs = m.spellingPairs(pairs, q, c, vessel)
	slices.SortStableFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(b.sim, a.sim), (b.qn+b.cn)-(a.qn+a.cn))
	})
	return pairs
}

// spellingPairs adds the pairs of a misspelt query word, or joined span,
// with a listed word the lexicon rewrote, measured against the spelling
// the list wrote: "bankihg" is one letter from BANKING and three from its
// canonical "bank", "joinnt venture" one from JOINT VENTURE and far from
// "jv", "segcond" one from SECOND and nothing like "2". Only spellings of
// fuzzy_spelling letters or more count, the length from which a single
// typo leaves a word recognisable.
func (m *comparer) spellingPairs(pairs []pair, q, c *analysed, vessel bool) []pair {
	minPair, minLen := m.w.Features.Name.MinPair, m.w.Features.Name.FuzzySpelling
	for j := range c.toks {
		ct := &c.toks[j]
		if len(ct.written) < minLen {
			continue
		}
		// Measured as written, by its text alone (not as Korean).
		w := spelling{text: ct.written, textN: countLetters(ct.written)}
		for i := range q.toks {
			qt := &q.toks[i]
			if qt.class != names.Word || qt.text == ct.text {
				continue
			}
			if s := m.fuzzy(qt.spelling, &w, vessel, false); s >= minPair {
				pairs = append(pairs, pair{qi: i, qn: 1, ci: j, cn: 1, sim: s, how: howFuzzy})
			}
		}
		for k := range q.spans {
			sp := &q.spans[k]
			if s := m.fuzzy(sp.spelling, &w, vessel, false); s >= minPair {
				start, n := sp.first()
				pairs = append(pairs, pair{qi: start, qn: n, ci: j, cn: 1, sim: s, how: howJoined})
			}
		}
	}
	return pairs
}

// denominator is the weight the aligned credit is divided by: both names'
// weights, with every extra word of an organisation's or vessel's name
// counted at least extra_floor ("CREDIT DEVELOPMENT" is what tells KORYO
// CREDIT DEVELOPMENT BANK from KORYO BANK), and words on one side only of
// a person's name (a middle name, a patronymic: an omission, weaker
// evidence against identity than a substitution) counted at the omission
// share.
func (m *comparer) denominator(q, c *side, total float64, kind Kind) float64 {
	nw := &m.w.Features.Name
	uq, uc := leftover(q, 0), leftover(c, 0)
	if kind != KindPerson {
		total += leftover(q, nw.ExtraFloor) - uq + leftover(c, nw.ExtraFloor) - uc
	}
	if kind == KindPerson && (uq > 0) != (uc > 0) {
		total -= (1 - nw.Omission) * (uq + uc)
	}
	return total
}

// penalise applies the substitution and number_mismatch features to s,
// given the score's denominator den, and explains what was left
// unaligned. A distinctive word left over on both
// sides is a substitution, not an omission: "KOREA KUMRYONG TRADING" and
// "KOREA KUMSAN TRADING" are two companies, while "DAEDONG CREDIT BANK" and
// "DAEDONG CREDIT BANK DCB" are one. The smaller leftover mass, relative to
// the mean name weight, is subtracted.
func (m *comparer) penalise(s *scored, q, c *side, kind Kind, den float64, explain bool) {
	f := &m.w.Features
	var penalty float64
	if conflict := min(leftover(q, f.Substitution.Floor), leftover(c, f.Substitution.Floor)); conflict > 0 {
		penalty = f.Substitution.Weight * conflict / (den / 2)
		s.score = max(s.score-penalty, 0)
	}
	mismatch := q.a.numbers > 0 && c.a.numbers > 0 && unmatchedNumber(q) && unmatchedNumber(c)
	factor := f.NumberMismatch.Factor
	if kind == KindVessel {
		factor = f.NumberMismatch.VesselFactor
	}
	if mismatch {
		s.score *= factor
	}
	if !explain {
		return
	}
	if extra := unusedToks(q); extra != "" {
		s.features = append(s.features, party.Feature{Feature: "unmatched_query", Weight: round3(leftover(q, 0)), Detail: extra})
	}
	if extra := unusedToks(c); extra != "" {
		s.features = append(s.features, party.Feature{Feature: "unmatched_listed", Weight: round3(leftover(c, 0)), Detail: extra})
	}
	if mismatch {
		s.features = append(s.features, party.Feature{Feature: "number_mismatch", Score: -1, Weight: factor, Detail: "numbers differ"})
	}
	if penalty > 0 {
		s.features = append(s.features, party.Feature{Feature: "substitution", Score: -round3(penalty / f.Substitution.Weight), Weight: f.Substitution.Weight,
			Detail: "distinctive words differ on both sides"})
	}
}

// pairFeature explains one aligned pair: the feature that aligned it, its
// similarity and the weight of its tokens.
func pairFeature(q, c *analysed, p pair, w float64) party.Feature {
	f := party.Feature{Feature: p.how.feature(p.sim), Score: round3(p.sim), Weight: round3(w)}
	qs, cs := joinToks(q, p.qi, p.qn), joinToks(c, p.ci, p.cn)
	f.Detail = qs + "~" + cs
	if qs == cs {
		f.Detail = qs
	}
	return f
}

// compareLong handles names of more than 64 tokens, which the bit masks
// cannot hold: it scores only exact token overlap.
func (m *comparer) compareLong(q, c *analysed) scored {
	set := make(map[string]bool, len(c.toks))
	for _, t := range c.toks {
		set[t.skel] = true
	}
	hit := 0
	for _, t := range q.toks {
		if set[t.skel] {
			hit++
		}
	}
	score := 2 * float64(hit) / float64(len(q.toks)+len(c.toks))
	return scored{score: score, features: []party.Feature{{Feature: "long_name", Score: round3(score), Weight: 1, Detail: "exact token overlap only"}}}
}

// addUp adds ws to t in order.
func addUp(t float64, ws []float64) float64 {
	for _, w := range ws {
		t += w
	}
	return t
}

func spanMask(start, n int) uint64 { return ((uint64(1) << n) - 1) << start }

// credit maps a pair similarity to the share of its weight it earns: the
// square root of the similarity's position between credit_floor and 1, so
// that a one-letter typo in a surname still earns most of its weight.
func (m *comparer) credit(sim float64) float64 {
	if sim >= 0.999 {
		return 1
	}
	floor := m.w.Features.Name.CreditFloor
	c := (sim - floor) / (1 - floor)
	if c <= 0 {
		return 0
	}
	return math.Sqrt(c)
}

// leftover sums the weights of the side's unaligned words (not legal
// forms, stopwords or numbers, which have their own rules), each counted
// at least floor.
func leftover(s *side, floor float64) float64 {
	var sum float64
	for i, t := range s.a.toks {
		if s.used&(1<<i) != 0 {
			continue
		}
		switch t.class {
		case names.Word, names.Foreign:
			sum += max(s.w[i], floor)
		case names.Initial:
			sum += s.w[i]
		}
	}
	return sum
}

// unmatchedNumber reports whether the side has an unaligned number token.
func unmatchedNumber(s *side) bool {
	for i, t := range s.a.toks {
		if t.class == names.Number && s.used&(1<<i) == 0 {
			return true
		}
	}
	return false
}

// tokSim compares two single tokens.
func (m *comparer) tokSim(a, b *tok, vessel bool) (float64, how) {
	if a.class == names.Legal || b.class == names.Legal {
		if a.class != b.class {
			return 0, howLegal
		}
		if a.text == b.text {
			return 1, howExact
		}
		if m.az.SameLegalFamily(a.text, b.text) {
			return m.w.Features.LegalForm.Similarity, howLegal
		}
		return 0, howLegal
	}
	if a.class == names.Number || b.class == names.Number {
		if a.class == b.class && a.text == b.text {
			return 1, howExact
		}
		return 0, howExact
	}
	if a.class == names.Initial || b.class == names.Initial {
		switch {
		case a.class == b.class:
			if a.text == b.text {
				return 1, howExact
			}
		case a.class == names.Initial && b.text[0] == a.text[0],
			b.class == names.Initial && a.text[0] == b.text[0]:
			return m.w.Features.Initial.Similarity, howInitial
		}
		return 0, howInitial
	}
	if a.text == b.text {
		return 1, howExact
	}
	if a.class == names.Foreign || b.class == names.Foreign {
		if a.class != b.class {
			return 0, howFuzzy
		}
		return levRatio(a.text, b.text), howFuzzy
	}
	korean := a.korean && b.korean
	if korean && a.skel == b.skel {
		return m.w.Features.Romanisation.Similarity, howSkeleton
	}
	if !korean && a.text[0] != b.text[0] && max(len(a.text), len(b.text)) <= m.w.Features.Name.ShortWord {
		// Another first letter of a short word that is not Korean makes
		// another word (rice/nice), not a typo (Mosk/Musk).
		return 0, howFuzzy
	}
	return m.fuzzy(a.spelling, b.spelling, vessel, korean), howFuzzy
}

// allKorean reports whether every word of a span is plausibly Korean.
func allKorean(a *analysed, sp *span) bool {
	start, n := sp.first()
	for i := start; i < start+n; i++ {
		if !a.toks[i].korean {
			return false
		}
	}
	return true
}

// fuzzy is the edit-distance similarity of two words that are neither
// equal nor share a skeleton: the better of the plain spelling and the
// skeleton, each the mean of Jaro-Winkler and the Levenshtein ratio (for
// vessels the Levenshtein ratio alone, since ship names are short and
// exact). The skeleton counts only when both words are plausibly Korean
// (korean). Letter-count bounds skip the spellings that cannot reach
// min_lev_ratio: the skeletons' first, then, when theirs fails, the
// plain spellings' (a skeleton can be further apart than its spelling:
// "ehang" and "chang").
func (m *comparer) fuzzy(a, b *spelling, vessel, korean bool) float64 {
	at, as, bt, bs := a.text, a.skel, b.text, b.skel
	minLevRatio, skeletonSim := m.w.Features.Name.MinLevRatio, m.w.Features.Romanisation.Similarity
	skelOK := korean && len(as) >= 3 && len(bs) >= 3 && mayReach(editLowerBound(as, bs, a.skelN, b.skelN), max(len(as), len(bs)), minLevRatio)
	textOK := len(at) >= 3 && len(bt) >= 3
	// The difference in length alone often rules the spellings out,
	// before counting their letters.
	if textOK && !skelOK && 1-float64(absInt(len(at)-len(bt)))/float64(max(len(at), len(bt))) < minLevRatio {
		textOK = false
	}
	if textOK && !skelOK {
		textOK = mayReach(editLowerBound(at, bt, a.textN, b.textN), max(len(at), len(bt)), minLevRatio)
	}
	var lt, ls float64
	if textOK {
		lt = levRatio(at, bt)
	}
	if skelOK {
		ls = levRatio(as, bs)
	}
	if ls < minLevRatio && lt < minLevRatio {
		return 0
	}
	if vessel {
		return max(lt, ls*skeletonSim)
	}
	st := (lt + matchr.JaroWinkler(at, bt, false)) / 2
	if !skelOK {
		return st
	}
	ss := (ls + matchr.JaroWinkler(as, bs, false)) / 2 * skeletonSim
	return max(st, ss)
}

// mayReach reports whether two strings at least lower edits apart, the
// longer maxl letters long, may have a Levenshtein ratio of at least
// ratio.
func mayReach(lower, maxl int, ratio float64) bool {
	return 1-float64(lower)/float64(maxl) >= ratio
}

// spanSim compares a joined span with a single word token; korean says
// whether every word of the span is plausibly Korean.
func (m *comparer) spanSim(sp *span, korean bool, b *tok) float64 {
	if b.class != names.Word {
		return 0
	}
	if sp.text == b.text {
		return 1
	}
	korean = korean && b.korean
	if korean && sp.skel == b.skel {
		return m.w.Features.Romanisation.Similarity
	}
	if len(sp.skel) < 6 || len(b.skel) < 6 || absInt(len(sp.skel)-len(b.skel)) > 2 {
		return 0
	}
	if !mayReach(editLowerBound(sp.skel, b.skel, sp.skelN, b.skelN), max(len(sp.skel), len(b.skel)), m.w.Features.Name.MinSpanLevRatio) {
		return 0
	}
	return m.fuzzy(sp.spelling, b.spelling, false, korean)
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// levRatio is 1 − Levenshtein distance / longer length.
func levRatio(a, b string) float64 {
	la, lb := len(a), len(b)
	if la == 0 && lb == 0 {
		return 1
	}
	maxl := la
	if lb > maxl {
		maxl = lb
	}
	return 1 - float64(levenshtein(a, b))/float64(maxl)
}

func joinToks(a *analysed, start, n int) string {
	parts := make([]string, 0, n)
	for i := start; i < start+n; i++ {
		parts = append(parts, a.toks[i].text)
	}
	return strings.Join(parts, " ")
}

// unusedToks returns the side's unaligned tokens.
func unusedToks(s *side) string {
	var parts []string
	for i, t := range s.a.toks {
		if s.used&(1<<i) == 0 {
			parts = append(parts, t.text)
		}
	}
	return strings.Join(parts, " ")
}
