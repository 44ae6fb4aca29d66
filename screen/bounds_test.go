package screen

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBoundsAboveScore checks the three row bounds of candidate
// generation against the scorer directly: for every listed name that
// shares a term with the query and whose alignment lies within the edit
// budget (each pair's query unit reaching the listed unit whole), each
// bound, computed from what the query's items reach of the
// row as a fetch would gather it, is at least the name's score, whatever
// the score. The candidate tests see only names that reach review, which
// a bound too tight by a little rarely loses; this sees every score, so
// that a bound under the score anywhere fails. Neighbourhoods are off, so
// that every item is one term. For persons the bounds hold above
// 1−omission only (see the comment at the top of candidates.go): scores
// below it are not checked.
func TestBoundsAboveScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 7))
	ls, _ := completeLists(t, rng)
	s := blockingVariants(t, ls, func(w *Weights) { w.Blocking.HoodMinRows = math.MaxInt })[0]
	gen := s.gen.Load()
	nq := 300
	if testing.Short() || raceEnabled {
		nq = 60
	}
	checked, legalRows := 0, 0
	for i := range nq {
		name, kind := sampleQuery(rng, gen, i)
		qa := analyse(s.az, s.w, name, kind == KindVessel)
		if len(qa.toks) == 0 || len(qa.toks) > 64 {
			continue
		}
		qw := gen.stats.weights(qa)
		b := s.newBounder(gen, qa, qw, kind)
		if b.total == 0 || b.initials != 0 || b.free != 0 {
			continue // the quick bounds do not apply
		}
		sc := gen.getScratch()
		s.queryItems(sc, gen, qa)
		var more tokReach
		if b.hasLegal {
			more.w = min(gen.ix.maxLegal, float32(b.nLegal)*float32(b.legalW))
		}
		for _, r := range sharingRows(gen, sc) {
			c := gen.all.at(r)
			if !kind.Compatible(c.entity.Kind) || len(c.a.toks) > 64 {
				continue
			}
			ck := compareKind(kind, c.entity.Kind)
			person := ck == KindPerson
			score := s.cmp.compare(qa, qw, &c.a, c.w, ck, false).score
			if person && score < b.om || !budget(s, gen, qa, &sc.tab, b.free, r, ck == KindVessel, true) {
				continue
			}
			var tr tokReach
			for _, it := range sc.items {
				if slices.ContainsFunc(gen.rowOccs(r), func(o rowOcc) bool { return o.t == it.t }) {
					ir := it.reach(gen.ix, &b)
					tr.full |= ir.full
					tr.part |= ir.part
					tr.w += ir.w
					tr.relief += ir.relief
				}
			}
			sr := rowSumsOf(gen, r).unpack()
			if sr.legal <= 1.0/psLegalScale {
				legalRows++
			}
			pre := b.preBound(tr, more, person)
			if b.hasLegal {
				tr.w += sr.legal
			}
			quick := b.quickBound(tr, sr, person)
			row := b.rowBound(&sc.tab, gen.ix.rowToks(r), sr.totalLo, gen.rowOccs(r), person)
			for _, x := range []struct {
				what  string
				bound float64
			}{{"preBound", pre}, {"quickBound", quick}, {"rowBound", row}} {
				if x.bound < score-boundSlack {
					t.Errorf("%s query %q, listed %q: %s %.4f under the score %.4f", kind, name, c.name.Value, x.what, x.bound, score)
				}
			}
			checked++
		}
		sc.release(gen)
	}
	t.Logf("%d listed names checked against %d queries, %d of them with no legal form", checked, nq, legalRows)
	if checked < 10*nq {
		t.Errorf("only %d listed names checked: the check is too weak", checked)
	}
}

// sharingRows returns the rows carrying a term of the query's term table
// (filled by queryItems), in row order.
func sharingRows(gen *generation, sc *candScratch) []uint32 {
	var rows []uint32
	for r := range gen.rows {
		for _, o := range gen.rowOccs(uint32(r)) {
			if _, _, ok := sc.tab.get(o.t); ok {
				rows = append(rows, uint32(r))
				break
			}
		}
	}
	return rows
}

// rowSumsOf returns row r's packed sums, as kept beside its postings.
func rowSumsOf(gen *generation, r uint32) packedSums {
	o := gen.rowOccs(r)[0]
	j, _ := slices.BinarySearch(gen.ix.postings(o.t), r)
	return gen.ix.psums(o.t)[j]
}
