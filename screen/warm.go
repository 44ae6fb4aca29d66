package screen

// At a million names, most of what a screening reads is not in the
// processor's caches when it starts: the postings of its terms, the rows
// it scores, the listed records of its hits. Read where they are used,
// each of those is a cache miss that waits on the one before it, since
// the work between two reads depends on the first (a posting decides
// the next step of the sweep, a row's tokens where its spellings are).
// The warm functions read the same memory beforehand in short loops
// whose reads do not depend on each other, level by level where one
// record points to the next, so that the processor has many misses in
// flight at once and the work that follows finds its data in the cache.
// They return a sum of what they read, kept by the caller, so that the
// reads are made.

// warmU32 reads one element of s in each 64-byte cache line.
func warmU32[T ~uint32](s []T) (x uint32) {
	for i := 0; i < len(s); i += 16 {
		x += uint32(s[i])
	}
	return x
}

// warmRows reads what scoring rows reads, one level of pointers at a
// time: each row and its analysed name; its tokens, weights, entity and
// name; then the spellings' texts and skeletons.
func warmRows(rows []*nameRow) (x int) {
	for _, r := range rows {
		x += len(r.a.toks) + len(r.a.spans) + len(r.w)
	}
	for _, r := range rows {
		x += len(r.entity.ID) + len(r.name.Value)
		if len(r.w) > 0 && r.w[0] > 0 {
			x++
		}
		for i := range r.a.toks {
			x += len(r.a.toks[i].text)
		}
		for i := range r.a.spans {
			x += len(r.a.spans[i].text)
		}
	}
	for _, r := range rows {
		x += len(r.entity.Names) + len(r.entity.countries)
		for i := range r.a.toks {
			if t := r.a.toks[i].text; t != "" {
				x += int(t[0])
			}
			x += len(r.a.toks[i].skel)
		}
		for i := range r.a.spans {
			if t := r.a.spans[i].text; t != "" {
				x += int(t[0])
			}
		}
	}
	return x
}

// warmHits reads what building the hits of best reads (see
// screening.hits), one level of pointers at a time: each listed entity
// scored review or above; its record; its ID and first name.
func warmHits(best map[*listed]*candidate, review float64) (x int) {
	var buf [32]*listed
	es := buf[:0]
	for e, c := range best {
		if c.score >= review {
			es = append(es, e)
		}
	}
	for _, e := range es {
		x += len(e.ID) + len(e.list)
	}
	for _, e := range es {
		if e.ID != "" {
			x += int(e.ID[0])
		}
		x += len(e.Names) + len(e.Identifiers) + len(e.Remarks) + len(e.sigs)
	}
	for _, e := range es {
		if len(e.Names) > 0 && e.Names[0].Value != "" {
			x += int(e.Names[0].Value[0])
		}
	}
	return x
}
