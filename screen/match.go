package screen

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/antzucaro/matchr"
	"github.com/luxscreen/luxscreen/screen/names"
)

// Pair similarities below minPairSim do not align two tokens; the credit a
// pair earns rises linearly from creditFloor (nothing) to 1 (identical).
const (
	minPairSim  = 0.75
	creditFloor = 0.7
	// skeletonSim is the similarity of two different spellings with the
	// same romanisation skeleton (Ryongbong/Ryonbong, Taedong/Daedong).
	skeletonSim = 0.97
	// initialSim is the similarity of an initial and a word it begins.
	initialSim = 0.8
	// legalFamilySim is the similarity of two legal forms of one family
	// (Co and Ltd).
	legalFamilySim = 0.8
	// numberMismatch multiplies the score of two names whose numbers
	// differ; for vessels a differing hull number means another ship.
	// minLevRatio is the Levenshtein ratio two words must reach, on their
	// spelling or their skeleton, to align at all; Jaro-Winkler alone
	// rewards shared prefixes too much (KWANGSON/KWANGSONG).
	minLevRatio = 0.6
	// minSpanLevRatio is the same for a joined span against a word: a
	// join is evidence only when it spells nearly the same word.
	minSpanLevRatio = 0.8
	// conflictFactor scales the penalty for words left over on both sides.
	conflictFactor = 0.6
	// extraFloor is the least weight of an unaligned word in the
	// denominator of an organisation's score.
	extraFloor = 0.5
	// omissionWeight is the weight, relative to their own, of words found
	// on one side only.
	omissionWeight = 0.6
	// conflictFloor is the least a leftover word counts in a conflict:
	// swapping even a common given name ("Ahmed" for "Mohamed") names
	// another person.
	conflictFloor        = 0.5
	numberMismatch       = 0.75
	numberMismatchVessel = 0.5
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

// pair is a candidate alignment of query tokens [qi, qi+qn) with candidate
// tokens [ci, ci+cn).
type pair struct {
	qi, qn, ci, cn int
	sim            float64
	how            how
}

// scored is the outcome of comparing two names.
type scored struct {
	score   float64
	reasons []string
}

// comparer compares analysed names. It is stateless apart from the
// analyzer and so safe for concurrent use.
type comparer struct {
	az *names.Analyzer
}

// compare scores query q (token weights qw) against candidate c (weights
// cw): a weighted Dice coefficient over aligned tokens, where each aligned
// pair earns credit for its similarity and unaligned tokens count against
// the score by their weight. With explain, the reasons are filled in.
func (m *comparer) compare(q *analysed, qw []float64, c *analysed, cw []float64, kind Kind, explain bool) scored {
	vessel := kind == KindVessel
	if q.key != "" && q.key == c.key {
		s := scored{score: 1}
		if explain {
			s.reasons = []string{"exact: normalised names equal"}
		}
		return s
	}
	if len(q.toks) > 64 || len(c.toks) > 64 {
		return m.compareLong(q, c)
	}
	var buf [64]pair
	pairs := buf[:0]
	for i := range q.toks {
		for j := range c.toks {
			if s, h := m.tokSim(&q.toks[i], &c.toks[j], vessel); s >= minPairSim {
				pairs = append(pairs, pair{qi: i, qn: 1, ci: j, cn: 1, sim: s, how: h})
			}
		}
	}
	for k := range q.spans {
		sp := &q.spans[k]
		for j := range c.toks {
			if s := spanSim(sp.text, sp.skel, &sp.hist, &c.toks[j]); s >= minPairSim {
				pairs = append(pairs, pair{qi: sp.start, qn: sp.n, ci: j, cn: 1, sim: s, how: howJoined})
			}
		}
	}
	for k := range c.spans {
		sp := &c.spans[k]
		for i := range q.toks {
			if s := spanSim(sp.text, sp.skel, &sp.hist, &q.toks[i]); s >= minPairSim {
				pairs = append(pairs, pair{qi: i, qn: 1, ci: sp.start, cn: sp.n, sim: s, how: howJoined})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int {
		switch {
		case a.sim > b.sim:
			return -1
		case a.sim < b.sim:
			return 1
		}
		return (b.qn + b.cn) - (a.qn + a.cn)
	})
	var usedQ, usedC uint64
	var matched, total float64
	for _, w := range qw {
		total += w
	}
	for _, w := range cw {
		total += w
	}
	if total == 0 {
		return scored{}
	}
	var chosen []pair
	for _, p := range pairs {
		qm := spanMask(p.qi, p.qn)
		cm := spanMask(p.ci, p.cn)
		if usedQ&qm != 0 || usedC&cm != 0 {
			continue
		}
		usedQ |= qm
		usedC |= cm
		w := 0.0
		for i := p.qi; i < p.qi+p.qn; i++ {
			w += qw[i]
		}
		for j := p.ci; j < p.ci+p.cn; j++ {
			w += cw[j]
		}
		matched += credit(p.sim) * w
		if explain {
			chosen = append(chosen, p)
		}
	}
	uq, uc := leftover(q, qw, usedQ, 0), leftover(c, cw, usedC, 0)
	if kind != KindPerson {
		// In an organisation's or vessel's name every extra word counts at
		// least extraFloor, generic or not: "CREDIT DEVELOPMENT" is what
		// tells KORYO CREDIT DEVELOPMENT BANK from KORYO BANK.
		total += leftover(q, qw, usedQ, extraFloor) - uq + leftover(c, cw, usedC, extraFloor) - uc
	}
	if kind == KindPerson && (uq > 0) != (uc > 0) {
		// In a person's name, words present on one side only are an
		// omission (a middle name, a patronymic): weaker evidence against
		// identity than a substitution, so they count with omissionWeight.
		// In an organisation's name an extra word usually names another
		// body ("KORYO BANK", "KORYO CREDIT DEVELOPMENT BANK").
		total -= (1 - omissionWeight) * (uq + uc)
	}
	s := scored{score: matched / total}
	// A distinctive word left over on both sides is a substitution, not an
	// omission: "KOREA KUMRYONG TRADING" and "KOREA KUMSAN TRADING" are two
	// companies, while "DAEDONG CREDIT BANK" and "DAEDONG CREDIT BANK DCB"
	// are one. The smaller leftover mass, relative to the mean name weight,
	// is subtracted.
	conflict := min(leftover(q, qw, usedQ, conflictFloor), leftover(c, cw, usedC, conflictFloor))
	if conflict > 0 {
		s.score -= conflictFactor * conflict / (total / 2)
		if s.score < 0 {
			s.score = 0
		}
	}
	mismatch := q.numbers > 0 && c.numbers > 0 && unmatchedNumber(q, usedQ) && unmatchedNumber(c, usedC)
	if mismatch {
		if vessel {
			s.score *= numberMismatchVessel
		} else {
			s.score *= numberMismatch
		}
	}
	if explain {
		s.reasons = explainPairs(q, c, chosen, usedQ, usedC, mismatch)
		if conflict > 0 {
			s.reasons = append(s.reasons, fmt.Sprintf("substitution: distinctive words differ on both sides (-%.2f)", conflictFactor*conflict/(total/2)))
		}
	}
	return s
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
	return scored{score: 2 * float64(hit) / float64(len(q.toks)+len(c.toks)), reasons: []string{"long name: exact token overlap only"}}
}

func spanMask(start, n int) uint64 { return ((uint64(1) << n) - 1) << start }

// credit maps a pair similarity to the share of its weight it earns: the
// square root of the similarity's position between creditFloor and 1, so
// that a one-letter typo in a surname still earns most of its weight.
func credit(sim float64) float64 {
	if sim >= 0.999 {
		return 1
	}
	c := (sim - creditFloor) / (1 - creditFloor)
	if c <= 0 {
		return 0
	}
	return math.Sqrt(c)
}

// leftover sums the weights of a's unaligned words (not legal forms,
// stopwords or numbers, which have their own rules), each counted at least
// floor.
func leftover(a *analysed, w []float64, used uint64, floor float64) float64 {
	var sum float64
	for i, t := range a.toks {
		if used&(1<<i) != 0 {
			continue
		}
		switch t.class {
		case names.Word, names.Foreign:
			sum += max(w[i], floor)
		case names.Initial:
			sum += w[i]
		}
	}
	return sum
}

// unmatchedNumber reports whether a has a number token outside used.
func unmatchedNumber(a *analysed, used uint64) bool {
	for i, t := range a.toks {
		if t.class == names.Number && used&(1<<i) == 0 {
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
			return legalFamilySim, howLegal
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
			return initialSim, howInitial
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
	if a.skel == b.skel {
		return skeletonSim, howSkeleton
	}
	return fuzzy(a.text, a.skel, &a.hist, b.text, b.skel, &b.hist, vessel), howFuzzy
}

// fuzzy is the edit-distance similarity of two words that are neither
// equal nor share a skeleton: the better of the plain spelling and the
// skeleton, each the mean of Jaro-Winkler and the Levenshtein ratio (for
// vessels the Levenshtein ratio alone, since ship names are short and
// exact). A histogram bound skips pairs that cannot reach minPairSim.
func fuzzy(at, as string, ah *[27]uint8, bt, bs string, bh *[27]uint8, vessel bool) float64 {
	la, lb := len(as), len(bs)
	if la < 3 || lb < 3 {
		return 0
	}
	maxl := la
	if lb > maxl {
		maxl = lb
	}
	if 1-float64(levLowerBound(ah, bh))/float64(maxl) < minLevRatio {
		return 0
	}
	ls := levRatio(as, bs)
	lt := levRatio(at, bt)
	if ls < minLevRatio && lt < minLevRatio {
		return 0
	}
	if vessel {
		return max(lt, ls*skeletonSim)
	}
	st := (lt + matchr.JaroWinkler(at, bt, false)) / 2
	ss := (ls + matchr.JaroWinkler(as, bs, false)) / 2 * skeletonSim
	return max(st, ss)
}

// spanSim compares a joined span with a single word token.
func spanSim(text, skel string, hist *[27]uint8, b *tok) float64 {
	if b.class != names.Word {
		return 0
	}
	if text == b.text {
		return 1
	}
	if skel == b.skel {
		return skeletonSim
	}
	if len(skel) < 6 || len(b.skel) < 6 || absInt(len(skel)-len(b.skel)) > 2 {
		return 0
	}
	if 1-float64(levLowerBound(hist, &b.hist))/float64(max(len(skel), len(b.skel))) < minSpanLevRatio {
		return 0
	}
	return fuzzy(text, skel, hist, b.text, b.skel, &b.hist, false)
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

// explainPairs describes an alignment in words.
func explainPairs(q, c *analysed, chosen []pair, usedQ, usedC uint64, mismatch bool) []string {
	var out []string
	for _, p := range chosen {
		qs := joinToks(q, p.qi, p.qn)
		cs := joinToks(c, p.ci, p.cn)
		switch {
		case p.how == howJoined:
			out = append(out, fmt.Sprintf("joined: %s~%s %.2f", qs, cs, p.sim))
		case p.how == howSkeleton:
			out = append(out, fmt.Sprintf("romanisation: %s~%s", qs, cs))
		case p.how == howInitial:
			out = append(out, fmt.Sprintf("initial: %s~%s", qs, cs))
		case p.how == howLegal:
			out = append(out, fmt.Sprintf("legal_form: %s~%s", qs, cs))
		case p.sim < 0.999:
			out = append(out, fmt.Sprintf("fuzzy: %s~%s %.2f", qs, cs, p.sim))
		default:
			out = append(out, "token: "+qs)
		}
	}
	if extra := unusedToks(q, usedQ); extra != "" {
		out = append(out, "unmatched_query: "+extra)
	}
	if extra := unusedToks(c, usedC); extra != "" {
		out = append(out, "unmatched_listed: "+extra)
	}
	if mismatch {
		out = append(out, "number_mismatch")
	}
	return out
}

func joinToks(a *analysed, start, n int) string {
	parts := make([]string, 0, n)
	for i := start; i < start+n; i++ {
		parts = append(parts, a.toks[i].text)
	}
	return strings.Join(parts, " ")
}

func unusedToks(a *analysed, used uint64) string {
	var parts []string
	for i, t := range a.toks {
		if used&(1<<i) == 0 {
			parts = append(parts, t.text)
		}
	}
	return strings.Join(parts, " ")
}
