package screen

import (
	"math"
	"slices"

	"github.com/luxscreen/luxscreen/screen/names"
)

// A frequent word's one-edit neighbourhood in a large corpus is mostly
// rare terms: typos and rare words on one or two names each. At a million
// names a query word such as GWANG reaches hundreds of them (an
// organisation query 140 to 1,060 terms in all), and reading each term's
// record and postings costs a cache miss or two apiece. So the
// neighbourhoods of the frequent word spellings are worked out when the
// index is built, and each one's rare terms are merged into one posting
// list, read as one item: a query word with a neighbourhood reads a few
// lists instead of hundreds (an organisation query 21 to 280 items).
//
// The merged item stands for its members in the candidate bound: its
// weight is the heaviest member's, and what it adds to a row the sum of
// what the members that row carries add, kept beside each of its
// postings, so no bound falls below what the members fetched one by one
// would give. The members still go into the query's term table, so that
// a fetched row is bounded token by token as before. A merged item is
// always fetched: a row cannot find it among the unfetched items by its
// own terms. Its item id is past the terms' (isHood).

// hoods are the precomputed neighbourhoods of the frequent word
// spellings.
type hoods struct {
	// of maps a word spelling to its neighbourhood.
	of map[string]uint32
	// info holds, for each neighbourhood and one past the last, its
	// merged rare terms as one term (termInfo): where its postings start
	// in post, and the weights the members stand for.
	info []termInfo
	post []uint32
	// reach holds, beside each row of post, what the members the row
	// carries add to it (termInfo.maxW and relief summed), so that a row
	// reached through one rare member is bounded as tightly as when the
	// member was fetched alone; psum holds the row's sums, as
	// termIndex.psum does.
	reach []packedReach
	psum  []packedSums
	// terms holds each neighbourhood's terms: those of neighbourhood h
	// fetched one by one are terms[at[h]:merged[h]], its merged members
	// terms[merged[h]:at[h+1]].
	at, merged []uint32
	terms      []uint32
}

// hood returns the neighbourhood of a query word's spelling, if it has
// one, as an item id (see isHood) and its terms fetched one by one and
// merged.
func (ix *termIndex) hood(text string) (id uint32, single, merged []uint32, ok bool) {
	h, ok := ix.hoods.of[text]
	if !ok {
		return 0, nil, nil, false
	}
	hs := &ix.hoods
	return uint32(ix.nTerms()) + h, hs.terms[hs.at[h]:hs.merged[h]], hs.terms[hs.merged[h]:hs.at[h+1]], true
}

// isHood reports whether item id t is a neighbourhood's merged terms
// rather than a term.
func (ix *termIndex) isHood(t uint32) bool { return int(t) >= ix.nTerms() }

// hoodReach returns, beside the postings of neighbourhood item t, what
// the members each row carries stand for.
func (ix *termIndex) hoodReach(t uint32) []packedReach {
	hs := &ix.hoods
	h := t - uint32(ix.nTerms())
	return hs.reach[hs.info[h].start:hs.info[h+1].start]
}

// packedReach is what the members of a neighbourhood that one row
// carries stand for in it, the sums of their termInfo.maxW and relief,
// each rounded up to 1/1024 in 16 bits, a sum past the range taken as
// unbounded.
type packedReach uint32

// reachScale is the precision of packedReach.
const reachScale = 1024

// packReach packs the sums w and relief.
func packReach(w, relief float32) packedReach {
	field := func(v float32) uint32 { return uint32(min(math.Ceil(float64(v)*reachScale), math.MaxUint16)) }
	return packedReach(field(w) | field(relief)<<16)
}

// unpack returns the sums p was packed from, rounded up.
func (p packedReach) unpack() (w, relief float32) {
	field := func(v uint32) float32 {
		if v == math.MaxUint16 {
			return math.MaxFloat32
		}
		return float32(v) / reachScale
	}
	return field(uint32(p) & math.MaxUint16), field(uint32(p) >> 16)
}

// info returns what candidate generation reads of item id t: a term's
// record, or a neighbourhood's merged terms as one.
func (ix *termIndex) info(t uint32) *termInfo {
	if n := uint32(ix.nTerms()); t >= n {
		return &ix.hoods.info[t-n]
	}
	return &ix.terms[t]
}

// buildHoods works out the neighbourhoods of the word spellings (texts)
// of terms carried by blocking.hood_min_rows rows or more: the terms a
// query word of that spelling reaches (expand), of which those on
// blocking.hood_rare rows or fewer are merged. A neighbourhood with fewer
// than blocking.hood_min_merged such terms is not kept: reading its
// members one by one costs little. sums are the rows' weight sums.
func (ix *termIndex) buildHoods(w *Weights, texts map[textKey]uint32, sums []rowSums) {
	b := &w.Blocking
	var spellings []string
	for tk, t := range texts {
		// Word spellings only: a query word of such a spelling is of the
		// Word class (a stopword's term is in nsStop, a foreign word's
		// spelling is not made of letters, an initial is one letter).
		if tk.ns == nsWord && len(tk.text) > 1 && isLetters(tk.text) && len(ix.postings(t)) >= b.HoodMinRows {
			spellings = append(spellings, tk.text)
		}
	}
	// In order, so that a build is the same every time.
	slices.Sort(spellings)
	hs := hoods{of: make(map[string]uint32), at: []uint32{0}}
	// First the terms of each neighbourhood and a bound on its merged
	// postings (its members' postings counted with repeats), so that the
	// merged postings take one allocation of their size: at a million
	// names they are millions, and growing them by appending kept twice
	// their size alive at the build's peak.
	var terms, single, rare []uint32
	bound := 0
	for _, text := range spellings {
		terms = ix.expand(terms[:0], w, names.Skeleton(text), text, true, minFuzzyLen)
		single, rare = single[:0], rare[:0]
		for _, t := range terms {
			if len(ix.postings(t)) > b.HoodRare {
				single = append(single, t)
			} else {
				rare = append(rare, t)
			}
		}
		if len(rare) < b.HoodMinMerged {
			continue
		}
		for _, t := range rare {
			bound += len(ix.postings(t))
		}
		hs.of[text] = uint32(len(hs.at) - 1)
		hs.terms = append(hs.terms, single...)
		hs.merged = append(hs.merged, uint32(len(hs.terms)))
		hs.terms = append(hs.terms, rare...)
		hs.at = append(hs.at, uint32(len(hs.terms)))
	}
	hs.terms = slices.Clone(hs.terms)
	hs.info = make([]termInfo, len(hs.at))
	hs.post = make([]uint32, 0, bound)
	hs.reach = make([]packedReach, 0, bound)
	hs.psum = make([]packedSums, 0, bound)
	// Each row's sums over the members it carries: what fetching the
	// members one by one would have added to it.
	acc := make([]struct {
		w, relief float32
		in        bool
	}, len(sums))
	var inHood []uint32
	for h := range len(hs.at) - 1 {
		info := termInfo{start: uint32(len(hs.post))}
		inHood = inHood[:0]
		for _, t := range hs.terms[hs.merged[h]:hs.at[h+1]] {
			ti := &ix.terms[t]
			info.maxW = max(info.maxW, ti.maxW)
			for _, r := range ix.postings(t) {
				if !acc[r].in {
					acc[r].in = true
					inHood = append(inHood, r)
				}
				acc[r].w += ti.maxW
				acc[r].relief += ti.relief
			}
		}
		slices.Sort(inHood)
		for _, r := range inHood {
			pr := packReach(acc[r].w, acc[r].relief)
			_, relief := pr.unpack()
			hs.reach = append(hs.reach, pr)
			hs.psum = append(hs.psum, packSums(sums[r]))
			info.relief = max(info.relief, relief)
			acc[r].w, acc[r].relief, acc[r].in = 0, 0, false
		}
		hs.post = append(hs.post, inHood...)
		hs.info[h] = info
	}
	hs.info[len(hs.at)-1].start = uint32(len(hs.post))
	ix.hoods = hs
}
