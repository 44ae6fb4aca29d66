package screen

import (
	"math"
	"math/bits"
	"slices"
	"unicode/utf8"

	"github.com/antzucaro/matchr"
	"github.com/luxscreen/luxscreen/screen/names"
)

// Term namespaces. Words (and foreign-script words) and joined spans have
// one each, although a joined span ("CHANG GWANG") and a word
// ("CHANGGWANG") with one skeleton align alike and a word's document
// frequency (its weight, see tokenStats) counts both: a span stands for
// the weight of several words, and keeping it apart keeps the common
// word's own term light, so that candidates can leave its long postings
// unfetched while fetching the few heavy span rows. Stopwords, numbers and
// initials have their own, so that "bin" the particle does not weigh down
// "pin" the word.
const (
	nsWord = iota
	nsSpan
	nsStop
	nsNumber
	nsInitial
	nsCount
)

// Lengths below which the scorer aligns only equal spellings or
// skeletons, mirroring match.go: fuzzy compares words whose skeletons
// have at least minFuzzyLen letters, and spanSim a joined span and a
// word of at least minSpanFuzzyLen. Shorter terms need no typo keys.
const (
	minFuzzyLen     = 3
	minSpanFuzzyLen = 6
)

// termIndex is the vocabulary of a generation: term ids by namespace and
// key, each term's postings (sorted row ids), the most weight a term
// stands for in any row, and the typo and phonetic neighbourhoods of the
// vocabulary.
type termIndex struct {
	ids [nsCount]map[string]uint32
	// terms holds what a query reads of each term, one record per term
	// (and one past the last, for its postings' end): the postings of term
	// t are post[terms[t].start:terms[t+1].start]. A query reads it for
	// each of the hundreds of terms its words reach, at a million names
	// each a cache miss: in one record, one miss and not four.
	terms []termInfo
	post  []uint32
	del   delIndex
	// phon maps a Double Metaphone code of blocking.phonetic_min_code
	// letters or more to the word terms with a spelling of that code.
	phon map[string][]uint32
	// byLetter lists the word and stopword terms with a spelling starting
	// with each letter: the words a query initial can align with.
	byLetter [26][]uint32
	// letterW is the largest weight among byLetter's terms.
	letterW [26]float32
	// toks and tokStart are the rows' tokens (rowToks).
	toks     []rowTok
	tokStart []uint32
	// psum holds, beside each posting of post, the sums of its row
	// (packedSums): a fetched row's quick bound reads them from its
	// postings, where reading sums cost a cache miss per row at a
	// million names.
	psum []packedSums
	// maxLegal is the largest rowSums.legal.
	maxLegal float32
	// bothDF is the document frequency of the word terms that are joined
	// spans too: the rows carrying either.
	bothDF map[uint32]uint32
	// occ and occStart are the rows' terms: row r's are
	// occ[occStart[r]:occStart[r+1]].
	occ      []rowOcc
	occStart []uint32
	// written holds the hashes of the spellings the lexicon rewrote in
	// the rows (the written tokens), and of their one-letter deletions: a
	// query word one edit from one of them may align with a written
	// token, which the candidate bound must allow for.
	written hashSet
	// hoods are the neighbourhoods of the frequent word spellings, with
	// their rare terms merged (see hoods.go).
	hoods hoods
	// cuts holds, for each term and neighbourhood with more than
	// shortPostings postings, where the rows of each kind but the first
	// start in them (kinds-1 offsets from termInfo.cut): a query walks
	// the runs of its kinds only (inRun), and at a million names finding
	// a run's ends by binary search in a list of thousands of postings
	// was a chain of cache misses, each waiting on the one before.
	cuts  []uint32
	kinds int
}

// shortPostings is the length up to which a term's postings are not cut
// to a run of rows (inRun): checking their rows costs less than cutting
// them.
const shortPostings = 16

// noCuts is the termInfo.cut of a term whose postings are not cut by
// kind: they are short, or the rows are of one kind.
const noCuts = math.MaxUint32

// cutByKind records where the runs of rows of each kind (kindEnd, the
// end of each) start in the postings of each term and neighbourhood with
// more than shortPostings postings.
func (ix *termIndex) cutByKind(kindEnd []uint32) {
	ix.kinds = len(kindEnd)
	each := func(infos []termInfo, post []uint32) {
		// The last record only marks where the postings end.
		for t := 0; t < len(infos)-1; t++ {
			p := post[infos[t].start:infos[t+1].start]
			infos[t].cut = noCuts
			if len(p) <= shortPostings || ix.kinds < 2 {
				continue
			}
			infos[t].cut = uint32(len(ix.cuts))
			for _, end := range kindEnd[:ix.kinds-1] {
				i, _ := slices.BinarySearch(p, end)
				ix.cuts = append(ix.cuts, uint32(i))
			}
		}
	}
	each(ix.terms, ix.post)
	each(ix.hoods.info, ix.hoods.post)
	ix.cuts = slices.Clip(ix.cuts)
}

// inRun returns the range of the postings of term t (or neighbourhood
// item t) within run, or, when they are short (shortPostings), all of
// them: checking a short list's rows costs less than cutting it.
func (ix *termIndex) inRun(t uint32, run rowRun) (lo, hi int) {
	n := len(ix.postings(t))
	c := ix.info(t).cut
	if c == noCuts {
		return 0, n
	}
	lo, hi = 0, n
	if k := uint32(run.kind); k > 0 {
		lo = int(ix.cuts[c+k-1])
	}
	if k := int(run.kind); k < ix.kinds-1 {
		hi = int(ix.cuts[c+uint32(k)])
	}
	return lo, hi
}

// runOf returns the range of the postings of term t within run, cut
// exactly however short they are.
func (ix *termIndex) runOf(t uint32, run rowRun) (lo, hi int) {
	post := ix.postings(t)
	if len(post) > shortPostings {
		return ix.inRun(t, run)
	}
	lo, _ = slices.BinarySearch(post, run.lo)
	hi, _ = slices.BinarySearch(post, run.hi)
	return lo, hi
}

// termInfo is what candidate generation reads of a term.
type termInfo struct {
	// start is where the term's postings start in termIndex.post.
	start uint32
	// maxW is the largest sum of row token weights one occurrence of the
	// term stands for: what a query unit aligned through it can add on
	// the listed side.
	maxW float32
	// relief is the most extra_floor excess (rowSums.extra) the words a
	// term stands for take off one row's when reached.
	relief float32
	// cut is where the term's kind cuts start in termIndex.cuts, or
	// noCuts. It also makes the record 16 bytes, so that none straddles
	// two cache lines.
	cut uint32
}

// rowSums is what the quick bound needs of a row, kept packed beside its
// postings (packedSums): the sum of its token weights, of its legal
// forms' alone, and the extra_floor excess its words would add to the
// scorer's denominator were none of them aligned (see sideBound.add).
type rowSums struct{ total, legal, extra float32 }

// packedSums is a row's weight sums (rowSums) in four bytes: the total
// to 1/256 in 13 bits, the legal forms' to 1/64 in 9 and the extra_floor
// excess to 1/64 in 10, each rounded (by unpack) the way that keeps the
// quick bound above the score, and a value past its field's range taken
// as unbounded.
type packedSums uint32

// Field widths and scales of packedSums.
const (
	psTotalBits, psLegalBits, psExtraBits    = 13, 9, 10
	psTotalScale, psLegalScale, psExtraScale = 256, 64, 64
)

// packSums packs s.
func packSums(s rowSums) packedSums {
	field := func(v float32, scale float64, bits uint) uint32 {
		return uint32(min(math.Floor(float64(v)*scale), float64(uint32(1)<<bits-1)))
	}
	return packedSums(field(s.total, psTotalScale, psTotalBits) |
		field(s.legal, psLegalScale, psLegalBits)<<psTotalBits |
		field(s.extra, psExtraScale, psExtraBits)<<(psTotalBits+psLegalBits))
}

// sumsRange is what the quick bound may take of a row's sums: its total
// lies in [totalLo, totalHi], its legal forms weigh at most legal, and
// its extra_floor excess is at least extra. A legal at its least, 1/64,
// says the legal forms weigh less: when a legal form weighs more
// (tokens.legal), that the row has none.
type sumsRange struct{ totalLo, totalHi, legal, extra float32 }

// unpack returns the range of the sums p was packed from.
func (p packedSums) unpack() sumsRange {
	const tMax, lMax, eMax = 1<<psTotalBits - 1, 1<<psLegalBits - 1, 1<<psExtraBits - 1
	t, l, e := uint32(p)&tMax, uint32(p)>>psTotalBits&lMax, uint32(p)>>(psTotalBits+psLegalBits)&eMax
	sr := sumsRange{totalLo: float32(t) / psTotalScale, totalHi: float32(t+1) / psTotalScale,
		legal: float32(l+1) / psLegalScale, extra: float32(e) / psExtraScale}
	if t == tMax {
		sr.totalHi = math.MaxFloat32
	}
	if l == lMax {
		sr.legal = math.MaxFloat32
	}
	return sr
}

// rowTok is what the candidate bound needs of one row token, laid out
// flat so that bounding a fetched row reads one short run of memory.
type rowTok struct {
	w     float32
	class names.Class
	// letter is the token's first letter, or 0 when not a–z.
	letter byte
	// written marks a token the lexicon rewrote from a spelling a query
	// word may be measured against (see comparer.spellingPairs).
	written bool
}

// rowToks returns the tokens of row r.
func (ix *termIndex) rowToks(r uint32) []rowTok { return ix.toks[ix.tokStart[r]:ix.tokStart[r+1]] }

// rowOccs returns the terms of row r.
func (gen *generation) rowOccs(r uint32) []rowOcc {
	return gen.ix.occ[gen.ix.occStart[r]:gen.ix.occStart[r+1]]
}

// postings returns the rows carrying term t, or the merged terms of a
// neighbourhood (see isHood).
func (ix *termIndex) postings(t uint32) []uint32 {
	if n := uint32(ix.nTerms()); t >= n {
		hs := &ix.hoods
		return hs.post[hs.info[t-n].start:hs.info[t-n+1].start]
	}
	return ix.post[ix.terms[t].start:ix.terms[t+1].start]
}

// psums returns the packed sums beside postings(t).
func (ix *termIndex) psums(t uint32) []packedSums {
	if n := uint32(ix.nTerms()); t >= n {
		hs := &ix.hoods
		return hs.psum[hs.info[t-n].start:hs.info[t-n+1].start]
	}
	return ix.psum[ix.terms[t].start:ix.terms[t+1].start]
}

// nTerms returns the number of terms.
func (ix *termIndex) nTerms() int { return len(ix.terms) - 1 }

// lookup returns the id of a term.
func (ix *termIndex) lookup(ns int, key string) (uint32, bool) {
	id, ok := ix.ids[ns][key]
	return id, ok
}

// df returns the number of rows carrying key as a word or a joined span.
func (ix *termIndex) df(key string) int {
	if ix == nil {
		return 0
	}
	w, okw := ix.ids[nsWord][key]
	sp, oks := ix.ids[nsSpan][key]
	switch {
	case okw && oks:
		return int(ix.bothDF[w])
	case okw:
		return len(ix.postings(w))
	case oks:
		return len(ix.postings(sp))
	}
	return 0
}

// occurrence is one term of one row and the row tokens it stands for.
type occurrence struct {
	ns        int
	key, text string
	// first and n are the tokens [first, first+n) the term stands for.
	first, n int
}

// rowTerms returns the terms of a name: every token but legal forms, and
// every joined span of syllable-length words (blocking.max_span_token
// letters or fewer each: split and joined spellings are a matter of
// syllables, "NAM CHON GANG", and indexing every span of long words would
// multiply the vocabulary for nothing).
func rowTerms(dst []occurrence, a *analysed, maxSpanTok int) []occurrence {
	for i, t := range a.toks {
		o := occurrence{key: t.skel, text: t.text, first: i, n: 1}
		switch t.class {
		case names.Word, names.Foreign:
			o.ns = nsWord
		case names.Stop:
			o.ns = nsStop
		case names.Number:
			o.ns, o.key = nsNumber, t.text
		case names.Initial:
			o.ns, o.key = nsInitial, t.text[:1]
		default:
			continue
		}
		dst = append(dst, o)
	}
	for _, s := range a.spans {
		if spanShort(a, s, maxSpanTok) {
			dst = append(dst, occurrence{ns: nsSpan, key: s.skel, text: s.text, first: int(s.start), n: int(s.n)})
		}
	}
	return dst
}

// spanShort reports whether every word of s has at most maxTok letters.
func spanShort(a *analysed, s span, maxTok int) bool {
	start, n := s.first()
	for i := start; i < start+n; i++ {
		if len(a.toks[i].text) > maxTok {
			return false
		}
	}
	return true
}

// rowOcc is one term of a row and the tokens [first, first+n) it stands
// for, kept for the candidate bound of each fetched row.
type rowOcc struct {
	t        uint32
	first, n uint8
}

// indexBuilder collects the terms of a generation's rows.
type indexBuilder struct {
	rowOcc   []rowOcc
	occStart []uint32
	w        *Weights
	ids      [nsCount]map[string]uint32
	posts    [][]uint32
	// texts maps each spelling of a word, span or stopword term to it,
	// for the typo, phonetic and initial neighbourhoods.
	texts map[textKey]uint32
	occ   []occurrence
}

// textKey is one spelling in one namespace.
type textKey struct {
	text string
	ns   int
}

func newIndexBuilder(w *Weights) *indexBuilder {
	ib := &indexBuilder{w: w, texts: make(map[textKey]uint32)}
	for i := range ib.ids {
		ib.ids[i] = make(map[string]uint32)
	}
	return ib
}

// addRow adds the terms of row id, which must exceed every row added
// before.
func (ib *indexBuilder) addRow(id uint32, a *analysed) {
	if len(ib.occStart) == 0 {
		ib.occStart = append(ib.occStart, 0)
	}
	defer func() { ib.occStart = append(ib.occStart, uint32(len(ib.rowOcc))) }()
	ib.occ = rowTerms(ib.occ[:0], a, ib.w.Blocking.MaxSpanToken)
	for _, o := range ib.occ {
		t, ok := ib.ids[o.ns][o.key]
		if !ok {
			t = uint32(len(ib.posts))
			ib.ids[o.ns][o.key] = t
			ib.posts = append(ib.posts, nil)
		}
		if p := ib.posts[t]; len(p) == 0 || p[len(p)-1] != id {
			ib.posts[t] = append(p, id)
		}
		if len(a.toks) <= 64 {
			ib.rowOcc = append(ib.rowOcc, rowOcc{t: t, first: uint8(o.first), n: uint8(o.n)})
		}
		if o.ns == nsWord || o.ns == nsSpan || o.ns == nsStop {
			ib.texts[textKey{o.text, o.ns}] = t
		}
	}
}

// postings returns the index with its postings laid out flat; finish
// completes it once the rows have weights.
func (ib *indexBuilder) postings() *termIndex {
	ix := &termIndex{ids: ib.ids, terms: make([]termInfo, len(ib.posts)+1), occ: slices.Clip(ib.rowOcc), occStart: ib.occStart}
	ib.rowOcc, ib.occStart = nil, nil
	total := 0
	for _, p := range ib.posts {
		total += len(p)
	}
	ix.post = make([]uint32, 0, total)
	for t, p := range ib.posts {
		ix.post = append(ix.post, p...)
		ix.terms[t+1].start = uint32(len(ix.post))
		ib.posts[t] = nil
	}
	ib.posts = nil
	// After the postings are laid out, which it reads.
	ix.bothDF = make(map[uint32]uint32)
	for key, w := range ix.ids[nsWord] {
		if sp, ok := ix.ids[nsSpan][key]; ok {
			ix.bothDF[w] = uint32(unionLen(ix.postings(w), ix.postings(sp)))
		}
	}
	return ix
}

// deletions returns the deletion index of the vocabulary, of nTerms
// terms. It reads only the vocabulary (ids and texts), which no longer
// changes once every row is added, so it may run beside postings and
// finish's work on the rows.
func (ib *indexBuilder) deletions(az *names.Analyzer, nTerms int) delIndex {
	// Every spelling whose one-letter deletions reach a term: the
	// vocabulary's keys and listed spellings, and the spellings a word
	// the lexicon rewrote ("defence" to "defense") was written in, so
	// that their typos reach it too. Counted first, so that the entries
	// take one allocation: at a million names they are tens of millions.
	eachSpelling := func(yield func(s string, t uint32)) {
		for _, ns := range []int{nsWord, nsSpan, nsStop} {
			for key, t := range ib.ids[ns] {
				if utf8.RuneCountInString(key) >= minFuzzyLen {
					yield(key, t)
				}
			}
		}
		for tk, t := range ib.texts {
			if id, ok := ib.ids[tk.ns][tk.text]; !(ok && id == t) && utf8.RuneCountInString(tk.text) >= minFuzzyLen {
				yield(tk.text, t)
			}
		}
		az.WordRewrites(func(from, to string) {
			if t, ok := ib.ids[nsWord][names.Skeleton(to)]; ok && utf8.RuneCountInString(from) >= minFuzzyLen {
				yield(from, t)
				if sk := names.Skeleton(from); sk != from && utf8.RuneCountInString(sk) >= minFuzzyLen {
					yield(sk, t)
				}
			}
		})
	}
	n := 0
	eachSpelling(func(s string, _ uint32) { n += utf8.RuneCountInString(s) + 1 })
	// The deletions are worked out twice (see newDelIndex) rather than
	// kept: at a million names, sixteen bytes for each of tens of millions
	// of them were the largest thing alive at the end of a build.
	eachDeletion := func(yield func(h uint64, t uint32)) {
		var buf [65]uint64
		eachSpelling(func(s string, t uint32) {
			for _, h := range deletionHashes(buf[:0], s) {
				yield(h, t)
			}
		})
	}
	return newDelIndex(n, eachDeletion, nTerms)
}

// finish fills in the weights each term stands for and the typo,
// phonetic and initial neighbourhoods of the vocabulary, with the
// deletion index del returns (see deletions).
func (ib *indexBuilder) finish(ix *termIndex, rows rowArrays, del func() delIndex) {
	// The rows' weight sums are kept only packed beside their postings
	// (psum), which is all a query reads of them.
	sums := make([]rowSums, rows.len())
	ix.tokStart = make([]uint32, 1, rows.len()+1)
	var written map[uint64]struct{}
	for i, r := range rows.each() {
		sums[i].total = float32(addUp(0, r.w))
		for j, t := range r.a.toks {
			rt := rowTok{w: float32(r.w[j]), class: t.class}
			if c := t.text[0]; c >= 'a' && c <= 'z' {
				rt.letter = c
			}
			if len(t.written) >= ib.w.Features.Name.FuzzySpelling {
				rt.written = true
				if written == nil {
					written = make(map[uint64]struct{})
				}
				var buf [65]uint64
				for _, h := range deletionHashes(buf[:0], t.written) {
					written[h] = struct{}{}
				}
			}
			ix.toks = append(ix.toks, rt)
		}
		ix.tokStart = append(ix.tokStart, uint32(len(ix.toks)))
	}
	ix.toks = slices.Clip(ix.toks)
	ix.written = newHashSet(written)
	ef := ib.w.Features.Name.ExtraFloor
	// relief sums, over a row's occurrences of each of its terms, the
	// extra_floor excess of the words they stand for.
	relief := make(map[uint32]float64)
	for i, r := range rows.each() {
		ib.occ = rowTerms(ib.occ[:0], &r.a, ib.w.Blocking.MaxSpanToken)
		clear(relief)
		for _, o := range ib.occ {
			t := ib.ids[o.ns][o.key]
			w := addUp(0, r.w[o.first:o.first+o.n])
			// Rounded up, so that float32 never makes it smaller.
			ix.terms[t].maxW = max(ix.terms[t].maxW, math.Nextafter32(float32(w), math.MaxFloat32))
			rl := relief[t]
			for j := int(o.first); j < int(o.first+o.n); j++ {
				if extraClass(r.a.toks[j].class) {
					rl += max(ef-r.w[j], 0)
				}
			}
			relief[t] = rl
		}
		for t, rl := range relief {
			ix.terms[t].relief = max(ix.terms[t].relief, math.Nextafter32(float32(rl), math.MaxFloat32))
		}
		var extra float64
		for j, t := range r.a.toks {
			switch {
			case t.class == names.Legal:
				sums[i].legal += float32(r.w[j])
			case extraClass(t.class):
				extra += max(ef-r.w[j], 0)
			}
		}
		// Rounded down: it is taken as the least the row adds.
		sums[i].extra = math.Nextafter32(float32(extra), 0)
		ix.maxLegal = max(ix.maxLegal, sums[i].legal)
	}
	ix.psum = make([]packedSums, len(ix.post))
	for i, r := range ix.post {
		ix.psum[i] = packSums(sums[r])
	}
	phon := make(map[string][]uint32)
	for tk, t := range ib.texts {
		text := tk.text
		if tk.ns == nsSpan {
			continue
		}
		if tk.ns == nsWord && isLetters(text) && len(text) >= ib.w.Blocking.PhoneticMinLen {
			if p, _ := matchr.DoubleMetaphone(text); len(p) >= ib.w.Blocking.PhoneticMinCode {
				phon[p] = append(phon[p], t)
			}
		}
		if c := text[0]; c >= 'a' && c <= 'z' {
			ix.byLetter[c-'a'] = append(ix.byLetter[c-'a'], t)
			ix.letterW[c-'a'] = max(ix.letterW[c-'a'], ix.terms[t].maxW)
		}
	}
	for c := range ix.byLetter {
		slices.Sort(ix.byLetter[c])
		ix.byLetter[c] = slices.Compact(ix.byLetter[c])
	}
	for p, ts := range phon {
		slices.Sort(ts)
		phon[p] = slices.Clip(slices.Compact(ts))
	}
	ix.phon = phon
	// The neighbourhoods are found through the deletion index.
	ix.del = del()
	ix.buildHoods(ib.w, ib.texts, sums)
	ib.texts, ib.occ = nil, nil
}

// expand appends the word and stopword terms a query word or span
// reaches at full credit: its skeleton, the terms within one edit of its
// skeleton when it has minLen letters or more, those within one edit of
// its spelling likewise (for words, when the spelling has minFuzzyLen
// letters, whatever the skeleton's length), and for words
// the terms of its Double Metaphone code when it is long enough
// (blocking.phonetic_min_code).
func (ix *termIndex) expand(dst []uint32, w *Weights, skel, text string, phonetic bool, minLen int) []uint32 {
	start := len(dst)
	for _, ns := range []int{nsWord, nsSpan, nsStop} {
		if id, ok := ix.lookup(ns, skel); ok {
			dst = append(dst, id)
		}
	}
	skelOK := utf8.RuneCountInString(skel) >= minLen
	if skelOK {
		dst = ix.del.neighbours(dst, skel)
	}
	// The scorer compares spellings of minFuzzyLen letters by edit
	// distance whatever their skeletons' lengths ("liing" against
	// "living", skeletons "iN" and "iviN"); a joined span only when its
	// skeleton is long enough.
	if textOK := skelOK || minLen == minFuzzyLen && utf8.RuneCountInString(text) >= minFuzzyLen; textOK && text != skel {
		dst = ix.del.neighbours(dst, text)
	}
	if phonetic && len(text) >= w.Blocking.PhoneticMinLen && isLetters(text) {
		if p, _ := matchr.DoubleMetaphone(text); len(p) >= w.Blocking.PhoneticMinCode {
			dst = append(dst, ix.phon[p]...)
		}
	}
	slices.Sort(dst[start:])
	return append(dst[:start], slices.Compact(dst[start:])...)
}

// unionLen returns the size of the union of two sorted lists.
func unionLen(a, b []uint32) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			a, b = a[1:], b[1:]
		}
		n++
	}
	return n + len(a) + len(b)
}

// isLetters reports whether s is made of the letters a–z only.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// hashBase is the base of the polynomial string hash.
const hashBase = 1099511628211

// deletionHashes appends the hash of s and of s without each of its
// runes, in O(len(s)): with a polynomial hash, s without s[i:j] hashes to
// H(s[:i])·B^(n−j) + H(s[j:]), from prefix hashes. Collisions only add
// candidates, never lose one.
func deletionHashes(dst []uint64, s string) []uint64 {
	n := len(s)
	var pre [65]uint64
	var pw [65]uint64
	if n > 64 {
		dst = append(dst, mix(polyHash(s)))
		for i := 0; i < n; {
			_, k := utf8.DecodeRuneInString(s[i:])
			dst = append(dst, mix(polyHash(s[:i])*pow(n-i-k)+polyHash(s[i+k:])))
			i += k
		}
		return dst
	}
	pw[0] = 1
	for i := 0; i < n; i++ {
		pre[i+1] = pre[i]*hashBase + uint64(s[i])
		pw[i+1] = pw[i] * hashBase
	}
	full := pre[n]
	dst = append(dst, mix(full))
	for i := 0; i < n; {
		_, k := utf8.DecodeRuneInString(s[i:])
		j := i + k
		suffix := full - pre[j]*pw[n-j]
		dst = append(dst, mix(pre[i]*pw[n-j]+suffix))
		i = j
	}
	return dst
}

// polyHash is the polynomial hash of s.
func polyHash(s string) uint64 {
	var h uint64
	for i := 0; i < len(s); i++ {
		h = h*hashBase + uint64(s[i])
	}
	return h
}

// pow returns hashBase to the power k.
func pow(k int) uint64 {
	p := uint64(1)
	for range k {
		p *= hashBase
	}
	return p
}

// mix spreads the bits of a polynomial hash (the final avalanche of
// MurmurHash3), so that its top bits can index the directory.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// delIndex maps hashes to terms: entries sorted by hash, and a directory
// of where each run of hashes with the same top bits starts, so a lookup
// reads one directory slot and a handful of entries. An entry is one
// word: the hash bits below the directory's, then the term. Dropping the
// lowest hash bits to make room for the term only lets a rare farther term
// come too, which only widens the candidate bound; and one array of
// entries, two thirds the size of a hash array and a term array, costs a
// lookup one cache miss where two took two.
type delIndex struct {
	// shift is 64 less the directory's bits: h>>shift is h's bucket.
	shift uint
	// tmask covers the term field of an entry.
	tmask uint64
	dir   []uint32
	es    []uint64
}

// newDelIndex indexes the n entries each yields, the same ones each time
// it is called (in any order), whose terms are below nTerms. Two strings
// within one deletion, insertion, substitution or adjacent transposition
// of each other share the hash of one of their deletions (see
// deletionHashes; the symmetric deletion scheme of SymSpell).
func newDelIndex(n int, each func(yield func(h uint64, t uint32)), nTerms int) delIndex {
	dirBits := uint(1)
	for 1<<(dirBits+2) < n {
		dirBits++
	}
	tbits := uint(max(bits.Len64(uint64(nTerms)), 1))
	d := delIndex{shift: 64 - dirBits, tmask: 1<<tbits - 1, dir: make([]uint32, 1<<dirBits+1)}
	// A counting sort into the directory's buckets (a few entries each),
	// then each bucket sorted and its repeats dropped: linear, where a
	// comparison sort of tens of millions of entries took seconds.
	each(func(h uint64, _ uint32) { d.dir[h>>d.shift+1]++ })
	for b := 1; b < len(d.dir); b++ {
		d.dir[b] += d.dir[b-1]
	}
	d.es = make([]uint64, d.dir[1<<dirBits])
	next := slices.Clone(d.dir[:1<<dirBits])
	each(func(h uint64, t uint32) {
		b := h >> d.shift
		d.es[next[b]] = d.key(h) | uint64(t)
		next[b]++
	})
	w := uint32(0)
	for b := range 1 << dirBits {
		lo, hi := d.dir[b], d.dir[b+1]
		d.dir[b] = w
		for k := lo; k < hi; k++ {
			// Insertion into the sorted, repeat-free run d.es[d.dir[b]:w].
			e := d.es[k]
			j := w
			for j > d.dir[b] && d.es[j-1] > e {
				j--
			}
			if j > d.dir[b] && d.es[j-1] == e {
				continue
			}
			copy(d.es[j+1:w+1], d.es[j:w])
			d.es[j] = e
			w++
		}
	}
	d.dir[1<<dirBits] = w
	// The repeats' room (a few per cent) is kept rather than given back
	// by a copy, which at a million names would hold a second array of
	// tens of megabytes at the build's peak.
	d.es = slices.Clip(d.es[:w])
	return d
}

// key is the part of an entry that hash h gives: its bits below the
// directory's, with the term field clear.
func (d *delIndex) key(h uint64) uint64 { return h << (64 - d.shift) &^ d.tmask }

// neighbours appends the terms within one edit of s (by the deletion
// scheme: a few farther terms come too, which only widens the candidate
// bound).
func (d *delIndex) neighbours(dst []uint32, s string) []uint32 {
	if len(d.es) == 0 {
		return dst
	}
	var buf [65]uint64
	hs := deletionHashes(buf[:0], s)
	// At a million names each hash's directory slot, and then its first
	// entry, is a cache miss: they are read for all the hashes first, in
	// loops whose reads do not wait on each other (see warm.go). A
	// bucket whose first entry is past the hash holds none of it.
	var fromBuf, toBuf [65]uint32
	from, to := fromBuf[:0], toBuf[:0]
	if len(hs) > len(fromBuf) {
		from, to = make([]uint32, 0, len(hs)), make([]uint32, 0, len(hs))
	}
	for _, h := range hs {
		b := h >> d.shift
		from, to = append(from, d.dir[b]), append(to, d.dir[b+1])
	}
	for i, h := range hs {
		if from[i] < to[i] && d.es[from[i]]&^d.tmask > d.key(h) {
			to[i] = from[i]
		}
	}
	for i, h := range hs {
		key := d.key(h)
		for k := from[i]; k < to[i] && d.es[k]&^d.tmask <= key; k++ {
			if e := d.es[k]; e&^d.tmask == key {
				dst = append(dst, uint32(e&d.tmask))
			}
		}
	}
	return dst
}

// nearWritten reports whether s is at most one edit from a spelling of
// ix.written: s itself, or one of its deletions, is a key.
func (ix *termIndex) nearWritten(s string) bool {
	var buf [65]uint64
	return ix.written.hasAny(deletionHashes(buf[:0], s))
}

// hashSet is a set of 64-bit hashes in one open-addressed array: a
// look-up reads one cache line, where a map's reads two or three, and
// the look-ups of many hashes can be read ahead of them (warm).
type hashSet struct {
	shift uint
	slots []uint64
}

// newHashSet returns the set of the keys of m. The zero hash is kept as
// one, which only lets a hash of one in too.
func newHashSet(m map[uint64]struct{}) hashSet {
	if len(m) == 0 {
		return hashSet{}
	}
	// At least twice as many slots as hashes, a power of two.
	size := 1 << bits.Len(uint(2*len(m)-1))
	s := hashSet{shift: uint(64 - bits.TrailingZeros(uint(size))), slots: make([]uint64, size)}
	for h := range m {
		h = max(h, 1)
		i := h >> s.shift
		for s.slots[i] != 0 && s.slots[i] != h {
			i = (i + 1) & uint64(size-1)
		}
		s.slots[i] = h
	}
	return s
}

// empty reports whether the set holds no hash.
func (s *hashSet) empty() bool { return len(s.slots) == 0 }

// hasAny reports whether any of hs is in the set. At a million names
// each hash's first slot is a cache miss: they are read for all the
// hashes first, in a loop whose reads do not wait on each other (see
// warm.go), and most hashes are settled by that slot.
func (s *hashSet) hasAny(hs []uint64) bool {
	if len(s.slots) == 0 {
		return false
	}
	var buf [65]uint64
	first := buf[:0]
	if len(hs) > len(buf) {
		first = make([]uint64, 0, len(hs))
	}
	for _, h := range hs {
		first = append(first, s.slots[max(h, 1)>>s.shift])
	}
	for i, h := range hs {
		if first[i] != 0 && s.probe(max(h, 1)) {
			return true
		}
	}
	return false
}

// probe reports whether h, not zero, is in the set.
func (s *hashSet) probe(h uint64) bool {
	mask := uint64(len(s.slots) - 1)
	for j := h >> s.shift; ; j = (j + 1) & mask {
		switch s.slots[j] {
		case h:
			return true
		case 0:
			return false
		}
	}
}
