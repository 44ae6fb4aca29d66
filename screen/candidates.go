package screen

// rowCover is what a query's blocking keys cover of one row: the query
// tokens and the row's tokens they stand for.
type rowCover struct {
	q, c uint64
	seen bool
}

// candScratch is the per-query buffer of candidates.
type candScratch struct {
	cov     []rowCover
	touched []*nameRow
}

// candidates fetches the rows that share a blocking key with the query and
// could reach the review threshold. Each row's shared keys cover some of
// the query's tokens; aligning only those (and the unkeyed legal forms,
// numbers and initials) bounds its weighted Dice score by
// 2·Wcov/(W+Wcov). Rows whose bound is below the review threshold (less
// blocking.prune_margin, since a fuzzy alignment outside the blocking keys
// can lift a row above what its shared keys promise) are not scored, and
// common keys (long posting lists such as "korea" or "trading") are not
// even fetched when no row reached through them alone could pass. This
// keeps generic queries fast.
func (s *Screener) candidates(gen *generation, qa *analysed, qw []float64, kind Kind) []*nameRow {
	bl := &s.w.Blocking
	keys := blockingKeys(qa, s.w)
	var buf [32][]posting
	posts := buf[:0]
	var keyed, common uint64
	for _, k := range keys {
		p := gen.postings[k.key]
		posts = append(posts, p)
		keyed |= k.toks
		if !k.fuzzy && len(p) > bl.RareDF {
			common |= k.toks
		}
	}
	var total, unkeyed, wc float64
	for i, w := range qw {
		total += w
		bit := uint64(1) << (i & 63)
		switch {
		case keyed&bit == 0:
			unkeyed += w
		case common&bit != 0:
			wc += w
		}
	}
	if total == 0 {
		return nil
	}
	floor := s.t.Review - bl.PruneMargin
	// A row reached only through common keys aligns at most the common
	// tokens; with the row's own aligned weight at most equal, its bound
	// is 2·Wc/(W+Wc).
	fetchCommon := 2*(wc+unkeyed)/(total+wc+unkeyed) >= floor
	sc := gen.scratch.Get().(*candScratch)
	defer sc.release(gen)
	fetched := 0
	for i, k := range keys {
		df := len(posts[i])
		if df == 0 || df > bl.MaxDF || (df > bl.RareDF && (k.fuzzy || !fetchCommon)) {
			continue
		}
		sc.fetch(posts[i], k.toks, kind)
		fetched++
	}
	if fetched == 0 {
		// Every key is very common: fetch the rarest so that a query made
		// only of common words still finds the names made of them.
		rarest := -1
		for i := range keys {
			if df := len(posts[i]); df > 0 && (rarest < 0 || df < len(posts[rarest])) {
				rarest = i
			}
		}
		if rarest >= 0 {
			sc.fetch(posts[rarest], keys[rarest].toks, kind)
		}
	}
	return sc.bounded(qw, unkeyed, total, floor)
}

// fetch records the rows of one key's postings and what the key covers of
// them.
func (sc *candScratch) fetch(posts []posting, qmask uint64, kind Kind) {
	for _, p := range posts {
		if !kind.Compatible(p.row.entity.Kind) {
			continue
		}
		m := &sc.cov[p.row.idx]
		if !m.seen {
			m.seen = true
			sc.touched = append(sc.touched, p.row)
		}
		m.q |= qmask
		m.c |= p.toks
	}
}

// bounded returns the fetched rows whose weighted Dice bound, from the
// tokens their shared keys cover on both sides, can reach floor.
func (sc *candScratch) bounded(qw []float64, unkeyed, total, floor float64) []*nameRow {
	var out []*nameRow
	for _, r := range sc.touched {
		m := sc.cov[r.idx]
		cq := unkeyed
		for i, w := range qw {
			if m.q&(uint64(1)<<(i&63)) != 0 {
				cq += w
			}
		}
		cc := r.unkeyed
		for i, w := range r.w {
			if m.c&(uint64(1)<<(i&63)) != 0 {
				cc += w
			}
		}
		if (cq+cc)/(total+r.total) >= floor {
			out = append(out, r)
		}
	}
	return out
}

// release clears the buffer and returns it to its generation's pool.
func (sc *candScratch) release(gen *generation) {
	for _, r := range sc.touched {
		sc.cov[r.idx] = rowCover{}
	}
	sc.touched = sc.touched[:0]
	gen.scratch.Put(sc)
}
