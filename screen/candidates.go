package screen

import (
	"cmp"
	"math"
	"math/bits"
	"slices"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen/names"
)

// Candidate generation is MaxScore over a bound on the scorer, with no
// cap on how many names a word may fetch.
//
// The scorer (compare, in match.go) is a weighted Dice coefficient: each
// aligned pair earns at most its query and listed token weights, and the
// denominator is at least the sum of both names' weights (more for an
// organisation's unaligned words, counted at least extra_floor). So a
// listed name r can score at most
//
//	(Σ credit·w over the query tokens that can align with r
//	 + Σ credit·w over the tokens of r that can align) / (W + Wr)
//
// For persons the scorer counts words missing on one side only at the
// omission share, shrinking the denominator; when one side has every word
// aligned, the bound counts the other side's words at a credit of at
// least 1−omission, which keeps it an upper bound as long as the floor is
// above 1−omission (else nothing is pruned). The floor is the review
// threshold less the most the entity features can raise a score. Legal
// forms count as aligned when both names have one.
//
// Which tokens "can align" is decided at the level of the vocabulary,
// within an edit budget: a query word reaches the terms with its
// skeleton, those within one edit (deletion, insertion, substitution,
// adjacent transposition) of its spelling or skeleton, those of its
// Double Metaphone code (blocking.phonetic_min_code letters or more: a
// shorter code groups unrelated words), and the listed joined spans of
// syllable-length words it equals or nearly equals; a joined span of the
// query reaches the words it equals (within one edit when its words are
// syllable-length); a word reaches a listed initial of its first letter
// at the initial credit; a query initial reaches the listed initials and,
// at the initial credit, the words of its letter. This is the guarantee:
// a listed name all of whose aligned pairs lie within that budget is never
// lost, however common its words are in the corpus. A pair farther apart
// (two edits in both spelling and skeleton) still scores when the name is
// fetched, but does not by itself make the name a candidate: counting such
// pairs would make every name a candidate, since two edits in a long word
// still earn most of its weight.
//
// MaxScore runs over items, the (query unit, term) pairs, heaviest term
// first: a heavy term is a rare one, with short postings. Items are
// fetched until a row reaching none of the fetched ones cannot reach the
// floor even if every query token with an unfetched item aligns through
// the heaviest of them. So a common word's own term (KOREA: light, long
// postings) often stays unfetched while its rare neighbours (KOREAA: a
// typo on the list, heavy) are fetched. A frequent word's rare
// neighbours were merged when the index was built into one item that
// stands for them all (hoods.go), always fetched. A fetch walks only the
// runs of rows of the kinds the query may be compared with (rows are
// grouped by kind). Each fetched row is then bounded three times, and
// scored only when every bound reaches the floor: first from what its
// fetched terms reach, gathered while fetching (the query tokens, and at
// most how much of the row's weight), with what the unfetched items and
// its legal forms could add, reading nothing of the row (preBound); then
// with the row's weight sums, kept beside its postings (quickBound); then
// from its own terms, token by token on both sides (rowBound). Most
// fetched rows reach one query word only and fall at the first.
//
// The items on many rows of the query's kinds (blocking.sweep_min_rows:
// KOREA, TRADING, a listed initial) are swept rather than fetched
// (sweep.go), and the unfetched items with them: the sweep learns which
// of them each row carries block by block of rows, so that a row
// carrying one of them only, which cannot pass, costs a bit set rather
// than a seen-table entry and a bound; the others are bounded with
// exactly what they would have been fetched with.

// item is one term a query unit (token or joined span) reaches, or a
// neighbourhood's merged terms (see termIndex.isHood): MaxScore runs over
// these, so that a common word's own term (KOREA: light, with long
// postings) can stay unfetched while its rare typo neighbours (KOREAA:
// heavy, with short postings) are fetched.
type item struct {
	t    uint32
	mask uint64
	rho  float64
	// part marks a term reached at the initial credit (a word against a
	// listed initial).
	part bool
	cost int
}

// candScratch is the per-query buffer of candidate generation.
type candScratch struct {
	// seen maps the rows fetched to their place in touched.
	seen seenTable
	// touched lists the rows fetched, with the query tokens their
	// fetched terms reach in full and in part (reach, the same order).
	touched []uint32
	reach   []tokReach
	kept    []uint32
	last    []lastRow
	rest    []restItem
	// sw is the buffer of the sweep (see sweep.go).
	sw    sweeper
	items []item
	terms []uint32
	tab   termTable
	// runs are the runs of rows of the kinds the query may be compared
	// with (generation.runs).
	runs []rowRun
	// Per query token: its items in MaxScore order, and how many of
	// them are still unfetched.
	tokItems [64][]int32
	ptr      [64]int
	nFull    [64]int
	nPart    [64]int
	// sink keeps the reads of boundRows' second pass and of the warm
	// functions (warm.go), so that they are made.
	sink uint32
	// k is the number of items fetched so far.
	k int
	// keys and sorted are buffers for sorting the items.
	keys   []uint64
	sorted []item
}

// reach is what a row carrying the item's term gains from it. The
// scorer aligns each query unit with one listed unit at most, so however
// many times a row carries the term, what the item adds to the row's
// side is one occurrence's weight at most (termInfo.maxW); the row's
// other occurrences stay unaligned, as the token-by-token bound (which
// counts them all, rowSide) need not assume. A neighbourhood's rows gain
// what they gain from its postings (hoodReach). The row tokens an item
// of a query word's initial reaches (part) align at the initial credit
// at most: their weight counts at that credit.
func (it *item) reach(ix *termIndex, b *bounder) tokReach {
	ti := ix.info(it.t)
	tr := tokReach{full: it.mask, w: ti.maxW, relief: ti.relief}
	if it.part {
		tr.full, tr.part = 0, it.mask
		tr.w = math.Nextafter32(float32(float64(tr.w)*b.cInit), math.MaxFloat32)
	}
	return tr
}

// restItem is an item left unfetched, with what it reaches.
type restItem struct {
	t uint32
	tokReach
}

// tokReach is what the terms fetched for a row reach: the query tokens
// in full and in part, and at most how much of the row's own weight
// (see item.reach).
type tokReach struct {
	full, part uint64
	// w is at most how much of the row's weight the terms stand for,
	// and relief at most how much of its extra_floor excess they take
	// off (see item.reach).
	w, relief float32
	// sums are the row's weight sums, read beside its postings when
	// it was first fetched.
	sums packedSums
	// kind is the row's, as an index into gen.kindNames: that of the
	// run it was fetched from.
	kind uint8
}

// release returns the buffer to its generation's pool.
func (sc *candScratch) release(gen *generation) {
	sc.touched = sc.touched[:0]
	sc.reach = sc.reach[:0]
	sc.kept = sc.kept[:0]
	sc.last = sc.last[:0]
	sc.items = sc.items[:0]
	sc.terms = sc.terms[:0]
	sc.tab.reset()
	gen.putScratch(sc)
}

// lastRow is a fetched row left for the last bound, token by token: its
// tokens and terms, once found, and the least its total weight may be.
type lastRow struct {
	r        uint32
	tok, occ [2]uint32
	total    float32
	person   bool
}

// boundRows appends to kept the rows of sc.last whose token-by-token
// bound (rowBound) reaches floor. At a million names reading a row's
// tokens and terms is a few cache misses, each waiting on the one
// before (where they start, then what they hold); read row by row
// between bounds, a row's misses are paid one after another. So the
// rows are read in passes: where each row's tokens and terms start, for
// every row; then the first of each; then the bounds, on rows already in
// the cache. The reads of one pass do not wait on each other, and the
// processor overlaps their misses.
func (sc *candScratch) boundRows(gen *generation, b *bounder, floor float64, kept []uint32) []uint32 {
	ix := gen.ix
	last := sc.last
	for i := range last {
		r := last[i].r
		last[i].tok = [2]uint32{ix.tokStart[r], ix.tokStart[r+1]}
		last[i].occ = [2]uint32{ix.occStart[r], ix.occStart[r+1]}
	}
	var sink uint32
	for i := range last {
		if p := &last[i]; p.tok[0] < p.tok[1] && p.occ[0] < p.occ[1] {
			sink += uint32(ix.toks[p.tok[0]].letter) + ix.occ[p.occ[0]].t
		}
	}
	sc.sink = sink
	for i := range last {
		p := &last[i]
		toks := ix.toks[p.tok[0]:p.tok[1]]
		if len(toks) > 64 {
			continue // among gen.long
		}
		if b.rowBound(&sc.tab, toks, p.total, ix.occ[p.occ[0]:p.occ[1]], p.person) >= floor-boundSlack {
			kept = append(kept, p.r)
		}
	}
	return kept
}

// bounder holds what the bounds of one query need.
type bounder struct {
	qa    *analysed
	qw    []float64
	total float64
	// person says whether the person rule (omission share) may apply to
	// the rows this query meets; om is 1−omission.
	person bool
	om     float64
	// cInit is the credit of a pair of an initial and a word.
	cInit, initW, legalW float64
	// ef is features.name.extra_floor.
	ef float64
	// hasLegal says whether the query has a legal form, and nLegal how
	// many; initials are the letters of its initials.
	hasLegal bool
	nLegal   int
	// legalQ is the weight of the query's legal forms, which the query's
	// side of a bound counts aligned (querySide): they align only with a
	// legal form, so a row with none takes it off (unaligned, it stays
	// in the scorer's denominator only).
	legalQ   float64
	initials uint32
	letterW  [64]float64
	// free marks the query tokens that may align with a row's written
	// token through the spelling the list wrote (a typo of BANKING
	// against "bank"); the bound counts them aligned in every row, and
	// the written tokens aligned with them.
	free uint64
	// sides remembers querySide's last answers: the rows a query fetches
	// reach few distinct sets of its tokens.
	sides [16]sideMemo
}

// sideMemo is one remembered answer of querySide.
type sideMemo struct {
	full, part uint64
	person, ok bool
	sb         sideBound
}

// boundSlack absorbs the rounding of the row weights kept as float32 for
// the bound, so that a row scoring exactly the floor is never pruned.
const boundSlack = 1e-6

// floor is the lowest name score that can still become a review hit for
// query q: the review threshold less the most the entity features can
// raise a score (qualify, features.go): an agreeing birth date when the
// query gives one, an equal identifier when it gives one other than an
// IMO number. A feature that raises scores must be added here, or rows it
// would lift to review are pruned.
func (s *Screener) floor(q *query) float64 {
	f := &s.w.Features
	raise := 0.0
	if len(q.e.BirthDates) > 0 {
		raise += max(f.BirthDate.Exact, f.BirthDate.SameYear, f.BirthDate.Near)
	}
	for _, id := range q.e.Identifiers {
		if !id.Type.IsIMO() && id.Type != party.IDOther {
			raise += f.Identifier.Match
			break
		}
	}
	return s.t.Review - raise
}

// candidates returns the rows that could reach the review threshold
// against query name qa (token weights qw) of query q, by the bound
// above.
func (s *Screener) candidates(gen *generation, qa *analysed, qw []float64, q *query) []*nameRow {
	kind := q.e.Kind
	if len(qa.toks) == 0 {
		return nil
	}
	b := s.newBounder(gen, qa, qw, kind)
	if b.total == 0 {
		return nil
	}
	sc := gen.getScratch()
	defer sc.release(gen)
	floor := s.floor(q)
	sc.runs = gen.runs(sc.runs[:0], kind)
	prune := len(qa.toks) <= 64 && (!b.person || floor > b.om)
	s.queryItems(sc, gen, qa)
	k, initials := sc.essential(&b, floor, prune)
	// The quick bound leaves out what an initial of the query or a
	// spelling the list wrote may align with (see rowSide).
	quick := b.initials == 0 && b.free == 0
	swept := prune && quick && sc.planSweep(gen, &b, k, s.w.Blocking.SweepMinRows)
	est := 0
	for j, it := range sc.items[:k] {
		if !swept || !sc.sw.in[j] {
			est += it.cost
		}
	}
	sc.seen.reset(est)
	// The postings fetched are read in one pass first (see warm.go).
	var warm uint32
	for j, it := range sc.items {
		if j < k && (!swept || !sc.sw.in[j]) || j >= k && gen.ix.isHood(it.t) {
			warm += warmU32(gen.ix.postings(it.t)) + warmU32(gen.ix.psums(it.t))
		}
	}
	sc.sink += warm
	for j, it := range sc.items[:k] {
		if !swept || !sc.sw.in[j] {
			sc.fetch(gen, it.t, it.reach(gen.ix, &b))
		}
	}
	// A neighbourhood's merged terms are fetched even when the bound
	// would leave them: a fetched row cannot look them up among the
	// unfetched items by its own terms.
	for _, it := range sc.items[k:] {
		if gen.ix.isHood(it.t) {
			sc.fetch(gen, it.t, it.reach(gen.ix, &b))
		}
	}
	if initials {
		// A query initial counts as aligned in every bound (querySide), so
		// the rows it fetches need no reach of their own.
		for i, t := range qa.toks {
			if t.class != names.Initial {
				continue
			}
			if id, ok := gen.ix.lookup(nsInitial, t.text[:1]); ok {
				sc.fetch(gen, id, tokReach{})
			}
			if c := t.text[0]; c >= 'a' && c <= 'z' && i < 64 {
				for _, id := range gen.ix.byLetter[c-'a'] {
					sc.fetch(gen, id, tokReach{})
				}
			}
		}
	}
	kept := sc.kept[:0]
	if prune {
		// The unfetched items (the commonest terms, few) reach the fetched
		// rows that carry their terms. Which is cheaper to read: the
		// items' postings, adding to the fetched rows they hold, or each
		// fetched row's own terms (its occurrences), looking the items up.
		rest := sc.rest[:0]
		var bloom uint64
		if quick && !swept && k < len(sc.items) {
			posts := 0
			for _, it := range sc.items[k:] {
				if !gen.ix.isHood(it.t) {
					posts += it.cost
				}
			}
			if posts <= len(sc.touched)*len(gen.ix.occ)/max(gen.rows, 1) {
				for _, it := range sc.items[k:] {
					if !gen.ix.isHood(it.t) {
						sc.enrich(gen, it.t, it.reach(gen.ix, &b))
					}
				}
			} else {
				for _, it := range sc.items[k:] {
					if gen.ix.isHood(it.t) {
						continue
					}
					rest = append(rest, restItem{it.t, it.reach(gen.ix, &b)})
					bloom |= 1 << (it.t & 63)
				}
				slices.SortFunc(rest, func(x, y restItem) int { return cmp.Compare(x.t, y.t) })
			}
		}
		sc.rest = rest
		// What the unfetched items may add to a row, all together, and
		// the most a row's legal forms may weigh: the first bound of a
		// row reads nothing of the row.
		var restAll tokReach
		for _, it := range rest {
			restAll.full |= it.full
			restAll.part |= it.part
			restAll.w += it.w
		}
		if b.hasLegal {
			// A legal form aligns with one of the query's (the scorer
			// pairs tokens one to one), so the row's legal forms earn at
			// most as many as the query has.
			restAll.w += min(gen.ix.maxLegal, float32(b.nLegal)*float32(b.legalW))
		}
		if swept {
			sc.sweepRows(gen, &b, restAll, floor, kind)
		}
		// The query's side of the first bound depends only on the query
		// tokens a row reaches, and the rows fetched through one item,
		// which come one after another, mostly reach the same: it is kept
		// from row to row rather than looked up for each (querySide).
		var side struct {
			full, part   uint64
			person, have bool
			q            sideBound
		}
		for i, r := range sc.touched {
			tr := sc.reach[i]
			person := compareKind(kind, gen.kindNames[tr.kind]) == KindPerson
			// Most fetched rows reach too little of the query to pass
			// whatever they weigh themselves: the first bound (preBound)
			// tells without reading the row (at a million names each read
			// is a cache miss). Most of the others reach too little of
			// themselves: the quick bound tells without reading their
			// tokens.
			if quick {
				full, part := tr.full|restAll.full, tr.part|restAll.part
				if !side.have || side.full != full || side.part != part || side.person != person {
					side.full, side.part, side.person, side.have = full, part, person, true
					side.q = b.querySide(full, part, person)
				}
				if b.preBoundSide(side.q, float64(tr.w+restAll.w), person) < floor-boundSlack {
					continue
				}
				if len(rest) > 0 {
					for _, o := range gen.rowOccs(r) {
						if bloom&(1<<(o.t&63)) == 0 {
							continue
						}
						for j, ok := slices.BinarySearchFunc(rest, o.t, func(x restItem, t uint32) int { return cmp.Compare(x.t, t) }); ok && j < len(rest) && rest[j].t == o.t; j++ {
							tr.full |= rest[j].full
							tr.part |= rest[j].part
							tr.w += rest[j].w
							tr.relief += rest[j].relief
						}
					}
				}
				sr := tr.sums.unpack()
				if b.hasLegal {
					tr.w += sr.legal
				}
				if b.quickBound(tr, sr, person) < floor-boundSlack {
					continue
				}
			}
			sc.last = append(sc.last, lastRow{r: r, total: tr.sums.unpack().totalLo, person: person})
		}
		kept = sc.boundRows(gen, &b, floor, kept)
	} else {
		for _, r := range sc.touched {
			if len(gen.ix.rowToks(r)) <= 64 {
				kept = append(kept, r)
			}
		}
	}
	sc.kept = kept
	// In row order, so that among equal scores an entity keeps its name
	// listed first, whatever the order the postings were fetched in.
	slices.Sort(kept)
	out := make([]*nameRow, 0, len(kept)+len(gen.long))
	for _, r := range kept {
		out = append(out, gen.all.at(r))
	}
	for _, r := range gen.long {
		if kind.Compatible(gen.kindNames[gen.kindOf(r)]) {
			out = append(out, gen.all.at(r))
		}
	}
	return out
}

// newBounder returns the bounder of a query.
func (s *Screener) newBounder(gen *generation, qa *analysed, qw []float64, kind Kind) bounder {
	b := bounder{qa: qa, qw: qw, total: addUp(0, qw), person: kind == KindPerson || kind == KindUnknown,
		om: 1 - s.w.Features.Name.Omission, cInit: s.cmp.credit(s.w.Features.Initial.Similarity),
		initW: s.w.Tokens.Initial, legalW: s.w.Tokens.Legal, ef: s.w.Features.Name.ExtraFloor}
	b.free = freeTokens(gen, qa)
	for i, t := range qa.toks {
		switch {
		case t.class == names.Legal:
			b.hasLegal = true
			b.nLegal++
			b.legalQ += qw[i]
		case t.class == names.Initial && t.text[0] >= 'a' && t.text[0] <= 'z':
			b.initials |= 1 << (t.text[0] - 'a')
			if i < 64 {
				b.letterW[i] = float64(gen.ix.letterW[t.text[0]-'a'])
			}
		}
	}
	return b
}

// freeTokens returns the query words, and words of joined spans, one edit
// from a spelling the lexicon rewrote in some listed name.
func freeTokens(gen *generation, qa *analysed) uint64 {
	if gen.ix.written.empty() {
		return 0
	}
	var free uint64
	for i, t := range qa.toks {
		if t.class == names.Word && gen.ix.nearWritten(t.text) {
			free |= bit(i)
		}
	}
	for _, sp := range qa.spans {
		if gen.ix.nearWritten(sp.text) {
			free |= spanMask(sp.first())
		}
	}
	return free
}

// fetch records the rows of item t in the query's runs (sc.runs, the
// rows of the kinds it is compatible with), adding to each the query
// tokens the item reaches: a term, or a neighbourhood's merged terms,
// whose rows each gain what the members they carry stand for.
func (sc *candScratch) fetch(gen *generation, t uint32, tr tokReach) {
	post, psum := gen.ix.postings(t), gen.ix.psums(t)
	var reach []packedReach
	if gen.ix.isHood(t) {
		reach = gen.ix.hoodReach(t)
	}
	for _, run := range sc.runs {
		tr.kind = run.kind
		lo, hi := gen.ix.inRun(t, run)
		for j := lo; j < hi; j++ {
			r := post[j]
			if r < run.lo || r >= run.hi {
				continue // a short list is not cut to the run
			}
			if reach != nil {
				tr.w, tr.relief = reach[j].unpack()
			}
			slot := sc.seen.slot(r)
			if *slot != 0 {
				p := &sc.reach[uint32(*slot)]
				p.full |= tr.full
				p.part |= tr.part
				p.w += tr.w
				p.relief += tr.relief
				continue
			}
			*slot = uint64(r+1)<<32 | uint64(len(sc.touched))
			sc.touched = append(sc.touched, r)
			tr.sums = psum[j]
			sc.reach = append(sc.reach, tr)
			if sc.seen.full(len(sc.touched)) {
				sc.seen.grow(sc.touched)
			}
		}
	}
}

// enrich adds what term t reaches (tr) to the fetched rows that carry it,
// fetching no other row.
func (sc *candScratch) enrich(gen *generation, t uint32, tr tokReach) {
	for _, r := range gen.ix.postings(t) {
		if slot := sc.seen.slot(r); *slot != 0 {
			p := &sc.reach[uint32(*slot)]
			p.full |= tr.full
			p.part |= tr.part
			p.w += tr.w
			p.relief += tr.relief
		}
	}
}

// queryItems expands every word, stopword and number of the query, and
// every joined span, into the terms it reaches, orders them for MaxScore
// (heaviest first: a heavy term is a rare one, with short postings) and
// records them in the term table for the row bounds.
func (s *Screener) queryItems(sc *candScratch, gen *generation, qa *analysed) {
	ix := gen.ix
	add := func(terms []uint32, mask uint64, part bool) {
		for _, t := range terms {
			sc.items = append(sc.items, item{t: t, mask: mask, rho: float64(ix.info(t).maxW), part: part, cost: len(ix.postings(t))})
			sc.tab.add(t, mask, part)
		}
	}
	for i := range qa.toks {
		t := &qa.toks[i]
		start := len(sc.terms)
		switch t.class {
		case names.Word, names.Foreign, names.Stop:
			if id, single, merged, ok := ix.hood(t.text); ok && t.class == names.Word {
				add(single, bit(i), false)
				sc.items = append(sc.items, item{t: id, mask: bit(i), rho: float64(ix.info(id).maxW), cost: len(ix.postings(id))})
				for _, m := range merged {
					sc.tab.add(m, bit(i), false)
				}
			} else {
				sc.terms = ix.expand(sc.terms, s.w, t.skel, t.text, t.class == names.Word, minFuzzyLen)
				add(sc.terms[start:], bit(i), false)
			}
			if c := t.text[0]; t.class != names.Foreign && c >= 'a' && c <= 'z' {
				if id, ok := ix.lookup(nsInitial, t.text[:1]); ok {
					add([]uint32{id}, bit(i), true)
				}
			}
		case names.Number:
			if id, ok := ix.lookup(nsNumber, t.text); ok {
				add([]uint32{id}, bit(i), false)
			}
		case names.Initial:
			if id, ok := ix.lookup(nsInitial, t.text[:1]); ok {
				sc.tab.add(id, bit(i), false)
			}
		}
	}
	for _, sp := range qa.spans {
		// Joined spans of syllable-length words reach the words within
		// one edit, as listed spans do (blocking.max_span_token); longer
		// ones only their equals.
		minLen := minSpanFuzzyLen
		if !spanShort(qa, sp, s.w.Blocking.MaxSpanToken) {
			minLen = math.MaxInt
		}
		start := len(sc.terms)
		sc.terms = ix.expand(sc.terms, s.w, sp.skel, sp.text, false, minLen)
		add(sc.terms[start:], spanMask(sp.first()), false)
	}
	sc.sortItems()

	for i := range qa.toks {
		if i < 64 {
			sc.tokItems[i] = sc.tokItems[i][:0]
			sc.ptr[i], sc.nFull[i], sc.nPart[i] = 0, 0, 0
		}
	}
	for k, it := range sc.items {
		for m := it.mask; m != 0; m &= m - 1 {
			i := bits.TrailingZeros64(m)
			sc.tokItems[i] = append(sc.tokItems[i], int32(k))
			if it.part {
				sc.nPart[i]++
			} else {
				sc.nFull[i]++
			}
		}
	}
}

// sortItems orders the items heaviest first, cheapest first among
// equals, by sorting packed keys rather than the items (several times
// faster); past 65,536 items, which the keys cannot number, it sorts the
// items.
func (sc *candScratch) sortItems() {
	if len(sc.items) > math.MaxUint16 {
		slices.SortFunc(sc.items, func(x, y item) int { return cmp.Or(cmp.Compare(y.rho, x.rho), cmp.Compare(x.cost, y.cost)) })
		return
	}
	keys := sc.keys[:0]
	for k, it := range sc.items {
		keys = append(keys, uint64(math.MaxUint16-min(uint64(it.rho*rhoQuantum), math.MaxUint16))<<48|uint64(min(it.cost, 1<<32-1))<<16|uint64(k))
	}
	slices.Sort(keys)
	sorted := sc.sorted[:0]
	for _, key := range keys {
		sorted = append(sorted, sc.items[key&0xffff])
	}
	sc.items, sc.sorted, sc.keys = sorted, sc.items, keys
}

// essential returns how many of the leading items must be fetched: the
// fewest such that a row reaching none of them cannot reach floor, and
// whether the query's initials must be fetched too (when even all items
// leave a row that aligns only the initials able to pass). Without
// pruning everything is fetched.
func (sc *candScratch) essential(b *bounder, floor float64, prune bool) (int, bool) {
	for k, it := range sc.items {
		sc.k = k
		if prune && sc.universal(b) < floor {
			return k, false
		}
		for m := it.mask; m != 0; m &= m - 1 {
			i := bits.TrailingZeros64(m)
			if it.part {
				sc.nPart[i]--
			} else {
				sc.nFull[i]--
			}
		}
	}
	sc.k = len(sc.items)
	return len(sc.items), b.initials != 0 && (!prune || sc.universal(b) >= floor)
}

// universal bounds the score of a row that reaches none of the items
// fetched so far: every query token with an unfetched item counts as
// aligned through the heaviest of them.
func (sc *candScratch) universal(b *bounder) float64 {
	var nq, nr, part, extra float64
	for i, w := range b.qw {
		if i >= 64 {
			break
		}
		if b.free&bit(i) != 0 {
			// It may align with a written token of any weight up to 1.
			nq += w
			nr++
			continue
		}
		switch b.qa.toks[i].class {
		case names.Legal:
			nq += w
			nr += b.legalW
			continue
		case names.Initial:
			// An initial aligns with a listed initial at full credit or
			// with a word of its letter at the initial credit.
			nq += w
			nr += b.initW
			part += max(b.letterW[i]-b.initW, 0)
			continue
		}
		c, rho := 0.0, 0.0
		switch {
		case sc.nFull[i] > 0:
			c, rho = 1, sc.remRho(i)
		case sc.nPart[i] > 0:
			c = b.cInit
			part += b.initW
		case !b.person && extraClass(b.qa.toks[i].class):
			// An unaligned word of an organisation's name counts at least
			// extra_floor in the scorer's denominator.
			extra += max(b.ef-w, 0)
		}
		if b.person && leftoverClass(b.qa.toks[i].class) {
			c = max(c, b.om)
		}
		nq += c * w
		nr += rho
	}
	num, den := nq+nr, b.total+nr+extra
	if num/den < b.cInit {
		num, den = num+b.cInit*part, den+part
	}
	return num / den
}

// remRho returns the weight of the heaviest unfetched full-credit item
// of query token i: items are fetched in order, so it is the first one
// of the token's past those fetched.
func (sc *candScratch) remRho(i int) float64 {
	its := sc.tokItems[i]
	for sc.ptr[i] < len(its) && (int(its[sc.ptr[i]]) < sc.k || sc.items[its[sc.ptr[i]]].part) {
		sc.ptr[i]++
	}
	if sc.ptr[i] < len(its) {
		// The items are ordered by weight rounded down to 1/1024 (see
		// sortItems): round up, to bound every later one too.
		return (math.Floor(sc.items[its[sc.ptr[i]]].rho*rhoQuantum) + 1) / rhoQuantum
	}
	return 0
}

// rhoQuantum is the precision of the item weights in their order.
const rhoQuantum = 1024

// rowBound bounds the score of a fetched row from what the query's items
// reach of it, token by token on both sides: a query token counts at full
// credit when a term of the row is one of its full items, at the initial
// credit when only its initial item is, and a listed token likewise when
// one of its terms is reached; legal forms count on both sides when both
// names have one, and a listed word counts at the initial credit when the
// query has an initial of its letter. Unreached words of an organisation
// count at least extra_floor in the denominator, as in the scorer. For
// persons, when one side has every word reached, the other side's words
// count at least at 1−omission (see the comment at the top of the file).
// total is at most the sum of the row's token weights: a smaller one only
// raises the bound.
func (b *bounder) rowBound(tab *termTable, toks []rowTok, total float32, occs []rowOcc, person bool) float64 {
	var qFull, qPart, rFull, rPart uint64
	for _, o := range occs {
		f, p, ok := tab.get(o.t)
		if !ok {
			continue
		}
		m := spanMask(int(o.first), int(o.n))
		qFull |= f
		qPart |= p
		if f != 0 {
			rFull |= m
		} else {
			rPart |= m
		}
	}
	q := b.querySide(qFull, qPart, person)
	c, legal := b.rowSide(toks, rFull, rPart, person)
	if !legal {
		q = q.withoutLegal(b.legalQ)
	}
	den := b.total + float64(total)
	best := (q.n + c.n) / (den + q.extra + c.extra)
	if person && c.all {
		best = max(best, (q.nOm+c.n)/den)
	}
	if person && q.all {
		best = max(best, (q.n+c.nOm)/den)
	}
	return best
}

// quickBound bounds a row's score from what its fetched terms reach
// (tr): the query tokens, at most how much of the row's own weight, and
// at most how much of its extra_floor excess they take off. It counts
// every query token reached at full credit, and on the row's side what
// the scorer can align at most (see item.reach); it is cheap enough to
// pass over the hundreds of rows a query fetches before bounding token
// by token the few that reach enough.
func (b *bounder) quickBound(tr tokReach, sr sumsRange, person bool) float64 {
	return b.sideQuick(b.querySide(tr.full, tr.part, person), tr.w, tr.relief, sr, person)
}

// sideQuick is quickBound given the query's side of it (querySide).
func (b *bounder) sideQuick(q sideBound, w, relief float32, sr sumsRange, person bool) float64 {
	// A legal form weighing 1/64 or more shows in the packed sums.
	if sr.legal <= 1.0/psLegalScale && b.legalW*psLegalScale >= 1 {
		q = q.withoutLegal(b.legalQ)
	}
	c := float64(min(w, sr.totalHi))
	den := b.total + float64(sr.totalLo)
	if !person {
		return (q.n + c) / (den + q.extra + float64(max(sr.extra-relief, 0)))
	}
	best := (q.nOm + c) / den
	if q.all {
		best = max(best, (q.n+float64(sr.totalHi))/den)
	}
	return best
}

// preBound bounds a row's score from what its fetched terms reach (tr)
// and what the unfetched items and its legal forms may add at most
// (more), reading nothing of the row: it is above quickBound, since a
// row's score bound only grows with the weight of its own that is
// reached, and is highest when the row has no other. A person whose
// every query word is reached may have a row of any weight, whose other
// words count at the omission share: that is left to quickBound.
func (b *bounder) preBound(tr, more tokReach, person bool) float64 {
	return b.preBoundSide(b.querySide(tr.full|more.full, tr.part|more.part, person), float64(tr.w+more.w), person)
}

// preBoundSide is preBound given the query's side of the bound, q (the
// querySide of the query tokens the row reaches), and c, at most how much
// of the row's own weight is reached.
func (b *bounder) preBoundSide(q sideBound, c float64, person bool) float64 {
	if !person {
		return (q.n + c) / (b.total + c + q.extra)
	}
	if q.all {
		return 1
	}
	return (q.nOm + c) / (b.total + c)
}

// sideBound is one name's part of a row bound: its credited weight, the
// same with every word at least at 1−omission, the extra_floor excess of
// its unreached words, and whether every word is reached.
type sideBound struct {
	n, nOm, extra float64
	all           bool
}

// withoutLegal is the query's side sb of a row bound for a row with no
// legal form, the query's weighing legalQ.
func (sb sideBound) withoutLegal(legalQ float64) sideBound {
	sb.n -= legalQ
	sb.nOm -= legalQ
	return sb
}

// add adds a token of weight w, class cl and credit c.
func (sb *sideBound) add(b *bounder, w, c float64, cl names.Class, person bool) {
	sb.n += c * w
	if !leftoverClass(cl) {
		sb.nOm += c * w
		return
	}
	sb.nOm += max(c, b.om) * w
	if c == 0 {
		sb.all = false
		if !person && extraClass(cl) {
			sb.extra += max(b.ef-w, 0)
		}
	}
}

// querySide sums the query's side of a row bound, given the query tokens
// the row's terms reach in full and in part.
func (b *bounder) querySide(full, part uint64, person bool) sideBound {
	m := &b.sides[(full^part*0x9e3779b97f4a7c15^full>>17)%uint64(len(b.sides))]
	if m.ok && m.full == full && m.part == part && m.person == person {
		return m.sb
	}
	sb := b.sumQuerySide(full, part, person)
	*m = sideMemo{full: full, part: part, person: person, ok: true, sb: sb}
	return sb
}

// sumQuerySide is querySide without the memory.
func (b *bounder) sumQuerySide(full, part uint64, person bool) sideBound {
	sb := sideBound{all: true}
	for i, w := range b.qw {
		cl := b.qa.toks[i].class
		c := 0.0
		switch {
		case full&bit(i) != 0, cl == names.Legal, cl == names.Initial, b.free&bit(i) != 0:
			c = 1
		case part&bit(i) != 0:
			c = b.cInit
		}
		sb.add(b, w, c, cl, person)
	}
	return sb
}

// rowSide sums a row's side of its bound, given the row tokens the
// query's terms reach in full and in part, and reports whether the row
// has a legal form.
func (b *bounder) rowSide(toks []rowTok, full, part uint64, person bool) (sideBound, bool) {
	sb, legal := sideBound{all: true}, false
	for j, t := range toks {
		c := 0.0
		legal = legal || t.class == names.Legal
		switch {
		case full&bit(j) != 0, t.class == names.Legal && b.hasLegal, t.written && b.free != 0:
			c = 1
		case part&bit(j) != 0:
			c = b.cInit
		case t.letter != 0 && b.initials&(1<<(t.letter-'a')) != 0 && (t.class == names.Word || t.class == names.Stop):
			c = b.cInit
		}
		sb.add(b, float64(t.w), c, t.class, person)
	}
	return sb, legal
}

// extraClass reports whether the scorer counts an unaligned token of
// class c at least extra_floor in an organisation's name.
func extraClass(c names.Class) bool { return c == names.Word || c == names.Foreign }

// leftoverClass reports whether the scorer counts an unaligned token of
// class c as left over (and so at the omission share for persons).
func leftoverClass(c names.Class) bool {
	return c == names.Word || c == names.Foreign || c == names.Initial
}

// bit is the mask bit of query token i.
func bit(i int) uint64 { return 1 << (i & 63) }

// termTable maps the terms a query reaches to the query tokens reaching
// them at full and at the initial credit: a small open-addressing table
// reused across queries.
type termTable struct {
	keys       []uint32 // term+1; 0 is empty
	full, part []uint64
	used       []int
}

func (tt *termTable) add(t uint32, mask uint64, part bool) {
	if 2*(len(tt.used)+1) > len(tt.keys) {
		tt.grow()
	}
	i := tt.slot(t)
	if tt.keys[i] == 0 {
		tt.keys[i] = t + 1
		tt.used = append(tt.used, i)
	}
	if part {
		tt.part[i] |= mask
	} else {
		tt.full[i] |= mask
	}
}

// slot returns the slot of t: its own, or the empty one where it would go.
func (tt *termTable) slot(t uint32) int {
	m := len(tt.keys) - 1
	i := int(uint32(t)*2654435761) & m
	for tt.keys[i] != 0 && tt.keys[i] != t+1 {
		i = (i + 1) & m
	}
	return i
}

func (tt *termTable) get(t uint32) (full, part uint64, ok bool) {
	if len(tt.keys) == 0 {
		return 0, 0, false
	}
	i := tt.slot(t)
	if tt.keys[i] == 0 {
		return 0, 0, false
	}
	return tt.full[i], tt.part[i], true
}

func (tt *termTable) grow() {
	old := *tt
	n := max(256, 2*len(old.keys))
	*tt = termTable{keys: make([]uint32, n), full: make([]uint64, n), part: make([]uint64, n), used: make([]int, 0, n/2)}
	for _, i := range old.used {
		j := tt.slot(old.keys[i] - 1)
		tt.keys[j], tt.full[j], tt.part[j] = old.keys[i], old.full[i], old.part[i]
		tt.used = append(tt.used, j)
	}
}

func (tt *termTable) reset() {
	for _, i := range tt.used {
		tt.keys[i], tt.full[i], tt.part[i] = 0, 0, 0
	}
	tt.used = tt.used[:0]
}

// seenTable maps the rows one query fetches to their places in touched:
// an open-addressing table sized to the query, not an array as long as
// the corpus, so that the lookup of every posting stays in the cache
// (at a million names the array is megabytes, each lookup a miss). A
// slot holds row+1 in its upper half and the place in its lower; 0 is
// empty.
type seenTable struct {
	slots []uint64
	shift uint
}

// reset empties the table and sizes it for about n rows.
func (st *seenTable) reset(n int) {
	size := 1 << max(10, bits.Len(uint(n)))
	if cap(st.slots) < size {
		st.slots = make([]uint64, size)
	} else {
		st.slots = st.slots[:size]
		clear(st.slots)
	}
	st.shift = uint(64 - bits.TrailingZeros(uint(size)))
}

// slot returns row r's slot, or the empty one where it would go.
func (st *seenTable) slot(r uint32) *uint64 {
	m := uint64(len(st.slots) - 1)
	i := (uint64(r) * 0x9e3779b97f4a7c15) >> st.shift
	key := uint64(r+1) << 32
	for {
		s := &st.slots[i]
		if *s == 0 || *s&^(1<<32-1) == key {
			return s
		}
		i = (i + 1) & m
	}
}

// full reports whether n rows fill the table past its load limit.
func (st *seenTable) full(n int) bool { return 8*n > 5*len(st.slots) }

// grow doubles the table and places the rows of touched again.
func (st *seenTable) grow(touched []uint32) {
	size := 2 * len(st.slots)
	st.slots = make([]uint64, size)
	st.shift = uint(64 - bits.TrailingZeros(uint(size)))
	for pos, r := range touched {
		*st.slot(r) = uint64(r+1)<<32 | uint64(pos)
	}
}
