package screen

import (
	"cmp"
	"math/bits"
	"slices"
)

// A query of common words reaches most of the rows it fetches through
// the long postings of a few light items (KOREA, TRADING, a listed
// initial), and most of those rows through one item only, which cannot
// make a candidate: it takes two of them (KOREA and TRADING) or a heavy
// one. Fetching such an item row by row into the seen table, and
// bounding every row it adds, cost about 10 ns a posting at a million
// names, most of a query's time.
//
// So the long postings are swept instead, block by block of row
// numbers: each item's postings in the block set a bit of the row's
// entry in an array the size of the block, which stays in the cache.
// An entry is stamped with its block, so that the array is never
// cleared: an entry of an earlier block reads as empty. A row is
// recorded for a look once only: when it is fetched through the other
// items (the short postings, fetched into the seen table as before),
// when an item whose reach alone could pass marks it, or when a second
// item does. Most rows are marked by one item whose reach alone cannot
// pass, and cost no more than the setting of a bit. After the block, a
// fetched row gains what its swept items reach; any other is bounded by
// what they reach, exactly what it would have been fetched with, and is
// kept only when the bound reaches the floor. The items left unfetched
// by MaxScore are swept too, in place of enrich and the look-ups of each
// row's own terms. The longest postings are mostly of items that cannot
// make a candidate even all together (KOREA, GENERAL and the initials K
// and G, without RYONGBONG): such a passive item only adds to the rows
// the others marked, reading an entry for each posting but writing
// none.

// Sweep parameters: the most items one sweep takes (an entry's low bits,
// below its flags), and the rows one block holds. A block's entries take
// 128 KiB, within the L2 cache. At a million names, in one process on
// one index, organisation queries took 3% longer with blocks of 8,192
// rows (the cost of each block's own work), 9% with 4,096, and 0.5%
// and 2% longer with 32,768 and 65,536 (entries that crowd out the rest
// of a query's data). Which items are swept is blocking.sweep_min_rows.
const (
	sweepMaxItems = 46
	sweepBlock    = 1 << 14
)

// Flag and stamp of a sweep entry: bits 0-45 are the items marking the
// row, bit 46 whether the row is recorded for a look (a fetched row is
// marked recorded when its block starts, so that it is never recorded
// again), and the block's stamp the top 17 bits.
const (
	sweepItemBits  = 1<<sweepMaxItems - 1
	sweepRecorded  = 1 << 46
	sweepStampBits = 47
)

// sweepItem is one item swept, with what a row carrying it gains.
type sweepItem struct {
	t     uint32
	post  []uint32
	reach tokReach
}

// sweeper is the per-query buffer of a sweep.
type sweeper struct {
	items []sweepItem
	// in marks the items of candScratch.items that are swept.
	in []bool
	// fetched is planSweep's buffer of the fetched items it may sweep.
	fetched []sweepCand
	// cur are the items' positions in their postings, and end where
	// their postings leave the run being swept.
	cur, end []int
	// entry is the rows of the block being swept, by offset, and stamp
	// the stamp of the block; look lists the offsets recorded for a look.
	entry *[sweepBlock]uint64
	stamp uint64
	look  []sweepLook
	// sides are the query's side of the bound (querySide) of a row
	// marked by one item only, by item.
	sides []sideBound
	// order is the order the items are swept in a block of the run
	// being swept: those that mark rows, then the passive ones (see
	// passiveItems), which only add to rows already marked.
	order []uint8
	// fetchedAt lists the places in touched of the fetched rows of a
	// run, by block from fetchedStart.
	fetchedAt          []int32
	fetchedStart, next []int32
}

// planSweep chooses the items of a sweep, k being how many items MaxScore
// fetches: when an item is on blocking.sweep_min_rows rows or more of the
// query's runs (sc.runs), every unfetched item but the neighbourhoods
// (each row must learn what they add), and the fetched items on as many
// rows of the runs, the longest postings first, up to sweepMaxItems in
// all. It reports false, sweeping nothing, when no item is on that many
// rows, or the unfetched items alone are too many.
func (sc *candScratch) planSweep(gen *generation, b *bounder, k int, minRows int) bool {
	sw := &sc.sw
	sw.items = sw.items[:0]
	sw.in = slices.Grow(sw.in[:0], len(sc.items))[:len(sc.items)]
	clear(sw.in)
	fetched := sw.fetched[:0]
	n, long := 0, false
	for j, it := range sc.items {
		if gen.ix.isHood(it.t) {
			continue
		}
		// What counts is an item's rows in the query's runs: a word on
		// thousands of persons' names and a few organisations' is
		// fetched for an organisation, in a few steps, where sweeping it
		// would pass over every block of the run for nothing.
		rows := it.cost
		if rows >= minRows {
			rows = sc.inRuns(gen.ix, it.t)
		}
		long = long || rows >= minRows
		switch {
		case j >= k:
			sw.in[j] = true
			n++
		case rows >= minRows:
			fetched = append(fetched, sweepCand{int32(j), rows})
		}
	}
	sw.fetched = fetched
	if !long || n > sweepMaxItems {
		return false
	}
	slices.SortFunc(fetched, func(x, y sweepCand) int { return cmp.Compare(y.rows, x.rows) })
	for _, c := range fetched[:min(len(fetched), sweepMaxItems-n)] {
		sw.in[c.j] = true
	}
	for j, in := range sw.in {
		if !in {
			continue
		}
		it := &sc.items[j]
		r := it.reach(gen.ix, b)
		// Two query words may reach one term (the listed initial M from
		// Maritime and from Management): a row carrying it gains what
		// both reach, so its postings are swept once for both.
		if k := slices.IndexFunc(sw.items, func(x sweepItem) bool { return x.t == it.t }); k >= 0 {
			x := &sw.items[k].reach
			x.full |= r.full
			x.part |= r.part
			x.w += r.w
			x.relief += r.relief
			continue
		}
		sw.items = append(sw.items, sweepItem{t: it.t, post: gen.ix.postings(it.t), reach: r})
	}
	return len(sw.items) > 0
}

// sweepCand is a fetched item that may be swept: its place in
// candScratch.items and its rows in the query's runs.
type sweepCand struct {
	j    int32
	rows int
}

// inRuns counts the postings of term t in the query's runs; a list short
// enough that inRun does not cut it counts whole.
func (sc *candScratch) inRuns(ix *termIndex, t uint32) int {
	n := 0
	for _, run := range sc.runs {
		lo, hi := ix.inRun(t, run)
		n += hi - lo
	}
	return n
}

// sweepRows sweeps the swept items over the query's runs: a row already
// fetched (in the seen table) gains what the items it carries reach;
// another, which reaches nothing but those items, is left for the last
// bound (sc.last) when its first two bounds from them (preBound, with
// more: what its legal forms may add; quickBound) reach floor.
func (sc *candScratch) sweepRows(gen *generation, b *bounder, more tokReach, floor float64, kind Kind) {
	sw := &sc.sw
	if sw.entry == nil {
		sw.entry = new([sweepBlock]uint64)
	}
	entry := sw.entry
	for _, run := range sc.runs {
		person := compareKind(kind, gen.kindNames[run.kind]) == KindPerson
		live, passive := sw.startRun(gen.ix, b, run, more, floor, person)
		// The run's postings are read in one pass first (see warm.go):
		// the sweep reads them a block at a time, item after item, too
		// little of each at once for the processor to read ahead.
		var warm uint32
		for l := range sw.items {
			warm += warmU32(sw.items[l].post[sw.cur[l]:sw.end[l]])
		}
		sc.sink += warm
		sc.fetchedByBlock(run)
		for blk, base := 0, run.lo; base < run.hi; blk, base = blk+1, base+sweepBlock {
			top := min(base+sweepBlock, run.hi)
			sw.stamp++
			if sw.stamp == 1<<(64-sweepStampBits) {
				clear(entry[:])
				sw.stamp = 1
			}
			stamp := sw.stamp << sweepStampBits
			fetched := sw.fetchedAt[sw.fetchedStart[blk]:sw.fetchedStart[blk+1]]
			for _, i := range fetched {
				entry[(sc.touched[i]-base)&(sweepBlock-1)] = stamp | sweepRecorded
			}
			look := sw.look[:0]
			for _, l := range sw.order {
				c, end := sw.cur[l], sw.end[l]
				if c == end {
					continue
				}
				post := sw.items[l].post[c:end]
				bit := uint64(1) << l
				liveRec := uint64(0)
				if live&bit != 0 {
					liveRec = sweepRecorded
				}
				look = slices.Grow(look, len(post))
				n := len(look)
				var taken marked
				if passive&bit != 0 {
					taken = probeBlock(entry, post, base, top, stamp|bit, look[n:n+len(post)], uint32(c), l)
				} else {
					taken = markBlock(entry, post, base, top, stamp|bit, liveRec, look[n:n+len(post)], uint32(c), l)
				}
				look = look[:n+taken.looks]
				sw.cur[l] = c + taken.n
			}
			for _, i := range fetched {
				r := sc.touched[i]
				if m := entry[(r-base)&(sweepBlock-1)] & sweepItemBits; m != 0 {
					sw.add(&sc.reach[i], m)
				}
			}
			for _, lk := range look {
				sc.lookAt(gen, b, more, floor, person, base+lk.off, entry[lk.off&(sweepBlock-1)]&sweepItemBits, lk)
			}
			sw.look = look
		}
	}
}

// startRun readies the sweep of run: where each item's postings enter
// and leave it (sw.cur, sw.end), the query's side of a row marked by each
// alone (sw.sides), and the order of the items in a block (sw.order). It
// returns the live items, whose reach alone may pass (a row one of them
// marks is looked at even when no other item marks it), and the passive
// ones (see passiveItems).
func (sw *sweeper) startRun(ix *termIndex, b *bounder, run rowRun, more tokReach, floor float64, person bool) (live, passive uint64) {
	n := len(sw.items)
	sw.cur = slices.Grow(sw.cur[:0], n)[:n]
	sw.end = slices.Grow(sw.end[:0], n)[:n]
	sw.sides = slices.Grow(sw.sides[:0], n)[:n]
	for l := range sw.items {
		it := &sw.items[l]
		sw.cur[l], sw.end[l] = ix.runOf(it.t, run)
		if b.preBound(it.reach, more, person) >= floor-boundSlack {
			live |= 1 << l
		}
		sw.sides[l] = b.querySide(it.reach.full, it.reach.part, person)
	}
	return live, sw.passiveItems(b, more, floor, person)
}

// fetchedByBlock lists the fetched rows of run by block of the sweep, in
// sw.fetchedAt from sw.fetchedStart.
func (sc *candScratch) fetchedByBlock(run rowRun) {
	sw := &sc.sw
	nb := int((run.hi-run.lo)/sweepBlock) + 1
	start := slices.Grow(sw.fetchedStart[:0], nb+1)[:nb+1]
	clear(start)
	for _, r := range sc.touched {
		if r >= run.lo && r < run.hi {
			start[(r-run.lo)/sweepBlock+1]++
		}
	}
	for i := 1; i <= nb; i++ {
		start[i] += start[i-1]
	}
	at := slices.Grow(sw.fetchedAt[:0], int(start[nb]))[:start[nb]]
	next := slices.Grow(sw.next[:0], nb)[:nb]
	copy(next, start)
	for i, r := range sc.touched {
		if r >= run.lo && r < run.hi {
			blk := (r - run.lo) / sweepBlock
			at[next[blk]] = int32(i)
			next[blk]++
		}
	}
	sw.fetchedAt, sw.fetchedStart, sw.next = at, start, next
}

// sweepLook is a row recorded for a look: its offset in the block, and
// where it is in the postings of an item that marks it (its sums are
// beside).
type sweepLook struct {
	off, j uint32
	l      uint8
}

// lookAt bounds row r, which is not fetched and carries the swept items
// of mask m, and leaves it for the last bound when both bounds reach
// floor.
func (sc *candScratch) lookAt(gen *generation, b *bounder, more tokReach, floor float64, person bool, r uint32, m uint64, lk sweepLook) {
	sw := &sc.sw
	var tr tokReach
	sw.add(&tr, m)
	l := bits.TrailingZeros64(m)
	q := sw.sides[l]
	if m&(m-1) != 0 {
		if b.preBound(tr, more, person) < floor-boundSlack {
			return
		}
		q = b.querySide(tr.full, tr.part, person)
	}
	sr := gen.ix.psums(sw.items[lk.l].t)[lk.j].unpack()
	if b.hasLegal {
		tr.w += sr.legal
	}
	if b.sideQuick(q, tr.w, tr.relief, sr, person) < floor-boundSlack {
		return
	}
	sc.last = append(sc.last, lastRow{r: r, total: sr.totalLo, person: person})
}

// add adds to p what the swept items of mask m reach.
func (sw *sweeper) add(p *tokReach, m uint64) {
	for ; m != 0; m &= m - 1 {
		r := &sw.items[bits.TrailingZeros64(m)].reach
		p.full |= r.full
		p.part |= r.part
		p.w += r.w
		p.relief += r.relief
	}
}

// marked is what markBlock did: how many postings it took, and how many
// rows it recorded for a look.
type marked struct{ n, looks int }

// markBlock marks the rows of post below top in entry, the sweep's
// entries of the block from base: each row gains the item's bit of sb,
// with the block's stamp (the rest of sb) when the item is the first to
// mark it. It records a row for a look, in look (which has room for every
// posting), when it marks it first and liveRec is sweepRecorded (the
// item's reach alone may pass), or second; j is the place of post[0] in
// the item's postings, and l the item.
//
// It is a function of its own, with no call in its loop, so that the
// loop keeps its variables in registers: written inside sweepRows, with
// an append for each row recorded, the compiler kept them on the stack,
// and screening took 2–3% longer.
func markBlock(entry *[sweepBlock]uint64, post []uint32, base, top uint32, sb, liveRec uint64, look []sweepLook, j uint32, l uint8) marked {
	n := 0
	k := 0
	for ; k < len(post); k++ {
		r := post[k]
		if r >= top {
			break
		}
		off := (r - base) & (sweepBlock - 1)
		e := entry[off]
		if e>>sweepStampBits != sb>>sweepStampBits {
			entry[off] = sb | liveRec
			if liveRec != 0 {
				look[n] = sweepLook{off, j + uint32(k), l}
				n++
			}
			continue
		}
		if e&sweepRecorded == 0 {
			look[n] = sweepLook{off, j + uint32(k), l}
			n++
		}
		entry[off] = e | sb | sweepRecorded
	}
	return marked{k, n}
}

// passiveItems returns the passive items of a run, and sets sw.order to
// sweep them last. A row reached through passive items only cannot pass
// however many of them it carries: their reach all together does not
// reach floor. So a passive item need not mark the rows it reaches, only
// add to those the other items (and the fetched rows) marked before it,
// which saves writing an entry for each of its postings. The passive items
// are chosen longest postings first, each while the reach of all chosen
// stays below floor (preBound, which only grows with the reach). Only an
// item that cannot pass alone (not live) may be passive.
func (sw *sweeper) passiveItems(b *bounder, more tokReach, floor float64, person bool) uint64 {
	sw.order = sw.order[:0]
	for l := range sw.items {
		sw.order = append(sw.order, uint8(l))
	}
	slices.SortStableFunc(sw.order, func(x, y uint8) int {
		return cmp.Compare(sw.end[y]-sw.cur[y], sw.end[x]-sw.cur[x])
	})
	var passive uint64
	var all tokReach
	for _, l := range sw.order {
		r := sw.items[l].reach
		try := tokReach{full: all.full | r.full, part: all.part | r.part, w: all.w + r.w}
		if b.preBound(try, more, person) < floor-boundSlack {
			passive |= 1 << l
			all = try
		}
	}
	// The marking items first, then the passive ones, each in item order.
	sw.order = sw.order[:0]
	for _, p := range []uint64{0, 1} {
		for l := range sw.items {
			if passive>>l&1 == p {
				sw.order = append(sw.order, uint8(l))
			}
		}
	}
	return passive
}

// probeBlock adds the item of sb (its bit and the block's stamp) to the
// rows of post below top (the block from base) already marked in entry,
// recording for a look, in look, those not recorded yet; it leaves the
// others as they are. It is markBlock for a passive item (see
// passiveItems).
func probeBlock(entry *[sweepBlock]uint64, post []uint32, base, top uint32, sb uint64, look []sweepLook, j uint32, l uint8) marked {
	n := 0
	stamp := sb >> sweepStampBits
	for k, r := range post {
		if r >= top {
			return marked{k, n}
		}
		off := (r - base) & (sweepBlock - 1)
		e := entry[off]
		if e>>sweepStampBits != stamp {
			continue
		}
		if e&sweepRecorded == 0 {
			look[n] = sweepLook{off, j + uint32(k), l}
			n++
		}
		entry[off] = e | sb | sweepRecorded
	}
	return marked{len(post), n}
}
