package screen

import (
	"math"
	"strings"

	"github.com/luxscreen/luxscreen/screen/names"
)

// tok is one analysed token. Its spelling, skeleton and histogram are
// behind a pointer that the listed names of a generation share (see
// interner): a listed name's token costs 16 bytes, not the 64 a copy
// would, and its histogram is computed once per vocabulary entry.
type tok struct {
	*spelling
	class   names.Class
	generic bool
	// korean marks a word the Korean syllable grammar accepts: only two
	// such words are compared by romanisation skeleton.
	korean bool
}

// spelling is a token's or joined span's text, its romanisation
// skeleton, and the letter counts of both for fast edit-distance bounds.
type spelling struct {
	text, skel string
	// written is what the name wrote where the lexicon rewrote it
	// (names.Token.Spelling), or "".
	written string
	// skelN and textN are the letter counts of skel and text. The text's
	// are kept rather than counted for each pair compared (a word that
	// is not Korean is measured by its text only); packed, both fit in
	// the padding the skeleton's 27 bytes left, and a spelling still
	// takes 80 bytes.
	skelN, textN letterCounts
}

// spellingOf returns the spelling of text with skeleton skel, written as
// written where the lexicon rewrote it.
func spellingOf(text, skel, written string) spelling {
	return spelling{text: text, skel: skel, written: written, skelN: countLetters(skel), textN: countLetters(text)}
}

// span is a run of adjacent word tokens joined into one word.
type span struct {
	// start and n are int-sized in use; a million listed names keep
	// theirs in 16 bits (no name has 65,536 words).
	start, n uint16
	*spelling
}

// same reports whether a and c are the same name once normalised: the
// same words in the same order. (A name keeps no key string for this: at
// a million listed names it would weigh tens of megabytes.)
func (a *analysed) same(c *analysed) bool {
	if len(a.toks) == 0 || len(a.toks) != len(c.toks) {
		return false
	}
	for i := range a.toks {
		if a.toks[i].spelling != c.toks[i].spelling && a.toks[i].text != c.toks[i].text {
			return false
		}
	}
	return true
}

// first returns the span's first token and how many it joins.
func (s *span) first() (start, n int) { return int(s.start), int(s.n) }

// analysed is a name ready for matching.
type analysed struct {
	toks    []tok
	spans   []span
	foreign []string
	numbers int
}

// analyse turns a name into tokens and join spans of up to
// blocking.max_span words ("Chang Gwang Sin Yong" against "CHANGGWANG
// SINYONG"). vessel strips the MV, M/V, MT and similar prefixes that are
// not part of a ship's name.
func analyse(az *names.Analyzer, w *Weights, s string, vessel bool) *analysed {
	return analyseName(w, az.Analyze(s), vessel)
}

// analyseName is analyse for a name already read (one of the readings of
// names.Analyzer.Readings).
func analyseName(w *Weights, n names.Name, vessel bool) *analysed {
	a := analyseInterned(w, n, vessel, nil)
	return &a
}

// analyseInterned is analyseName by value, with the spellings shared
// through in (when not nil): a word on a thousand listed names is one
// spelling, and making one for each token first, to share it afterwards,
// would be most of the garbage of a build. With in, the tokens and spans
// are cut from its slabs too.
func analyseInterned(w *Weights, n names.Name, vessel bool, in *interner) analysed {
	ts := n.Tokens
	if vessel {
		ts = stripVesselPrefix(ts)
	}
	a := analysed{foreign: n.Foreign}
	if in != nil {
		a.toks = in.tokSlab.take(len(ts))[:0]
	} else {
		a.toks = make([]tok, 0, len(ts))
	}
	syllables := koreanSyllables(w.Features.Romanisation.korean, ts)
	// Without an interner (a query's name), the tokens' spellings, and
	// then the spans', take one allocation for them all (see own).
	var own []spelling
	if in == nil {
		own = make([]spelling, 0, len(ts))
	}
	for _, t := range ts {
		k := tok{spelling: in.spellOwn(&own, t.Text, t.Skel, t.Spelling), class: t.Class, generic: t.Generic}
		if syllables && t.Class == names.Stop {
			// "To" in PAK To Chun is a syllable of the given name, not
			// the English word.
			k.class = names.Word
		}
		k.korean = k.class == names.Word && w.Features.Romanisation.korean.Plausible(t.Text)
		if t.Class == names.Number {
			a.numbers++
		}
		a.toks = append(a.toks, k)
	}
	nSpans := 0
	a.eachSpan(w.Blocking.MaxSpan, func(int, int) { nSpans++ })
	if nSpans == 0 {
		return a
	}
	// Every span's text is a piece of the tokens' texts written
	// together: one string for them all (a listed name's cut from the
	// interner's), and the spans sized exactly, as a million listed names
	// keep theirs.
	var offBuf [65]int
	offs := offBuf[:0]
	var joined string
	if in != nil {
		b := in.strs.scratch[:0]
		for _, t := range a.toks {
			offs = append(offs, len(b))
			b = append(b, t.text...)
		}
		offs = append(offs, len(b))
		joined, in.strs.scratch = in.strs.add(b), b
	} else {
		var b strings.Builder
		for _, t := range a.toks {
			offs = append(offs, b.Len())
			b.WriteString(t.text)
		}
		offs = append(offs, b.Len())
		joined = b.String()
	}
	if in != nil {
		a.spans = in.spanSlab.take(nSpans)[:0]
	} else {
		a.spans = make([]span, 0, nSpans)
		own = make([]spelling, 0, nSpans)
	}
	a.eachSpan(w.Blocking.MaxSpan, func(i, n int) {
		text := joined[offs[i]:offs[i+n]]
		a.spans = append(a.spans, span{start: uint16(i), n: uint16(n), spelling: in.spanOwn(&own, text)})
	})
	return a
}

// eachSpan calls f with the start and length of every run of two to
// maxSpan adjacent joinable tokens of a, by start then length.
func (a *analysed) eachSpan(maxSpan int, f func(i, n int)) {
	for i := range a.toks {
		if !joinable(a.toks[i]) {
			continue
		}
		for n := 2; n <= maxSpan && i+n <= len(a.toks); n++ {
			if !joinable(a.toks[i+n-1]) {
				break
			}
			f(i, n)
		}
	}
}

// koreanSyllables reports whether a name is written as Korean syllables
// apart (PAK To Chun, KIM Do Hyong): two words or more, every one of them,
// stopwords included, one syllable of the Korean grammar kr.
func koreanSyllables(kr *names.Korean, ts []names.Token) bool {
	words, stops := 0, 0
	for _, t := range ts {
		switch t.Class {
		case names.Word:
			words++
		case names.Stop:
			stops++
		default:
			return false
		}
		if !kr.Syllable(t.Text) {
			return false
		}
	}
	return stops > 0 && words >= 2
}

// joinable reports whether a token may be part of a joined span.
func joinable(t tok) bool { return t.class == names.Word || t.class == names.Initial }

// interner shares the spellings of the listed names of one generation:
// the same word on a thousand names is one spelling. Words and joined
// spans are kept apart. A word's spelling is keyed by its text, skeleton
// and written form, which the analyser gave. A joined span's skeleton
// and written form follow from its text (names.Skeleton, and none), so
// it is keyed by its text alone and its skeleton worked out only for a
// text not seen before: at a million names, spans are most of the
// spellings, and few repeat.
type interner struct {
	words map[[3]string]*spelling
	spans map[string]*spelling
	// tokSlab and spanSlab hold the listed names' tokens and spans: a
	// million names' arrays in a few hundred allocations, not two
	// million, which the collector would mark one by one for as long as
	// the generation lives.
	tokSlab  slab[tok]
	spanSlab slab[span]
	// spellSlab holds the spellings themselves: at a million names, a
	// million and a half of them; strs the texts of the names' spans and
	// their skeletons.
	spellSlab slab[spelling]
	strs      strSlab
}

// slab hands out slices cut from large arrays, for data that lives as
// long as a generation.
type slab[T any] struct{ free []T }

// slabLen is the length of a slab's arrays: at a million names, a few
// hundred of them.
const slabLen = 1 << 14

// take returns a slice of n zero values whose capacity is n, so that an
// append to it cannot write over its neighbour's.
func (s *slab[T]) take(n int) []T {
	if n > cap(s.free)-len(s.free) {
		s.free = make([]T, 0, max(n, slabLen))
	}
	at := len(s.free)
	s.free = s.free[:at+n]
	return s.free[at : at+n : at+n]
}

// newInterner returns an empty interner.
func newInterner() *interner {
	return &interner{words: make(map[[3]string]*spelling), spans: make(map[string]*spelling)}
}

// spell returns the spelling of text with skeleton skel, written as
// written: the one in the interner when there is one, else a new one,
// kept there.
func (in *interner) spell(text, skel, written string) *spelling {
	k := [3]string{text, skel, written}
	if got, ok := in.words[k]; ok {
		return got
	}
	sp := in.newSpelling(text, skel, written)
	in.words[k] = sp
	return sp
}

// strSlab hands out strings cut from large ones, for text that lives as
// long as a generation. A string the slab gave stays as it was: the
// bytes after it are written, never its own, and a full array is left
// to the strings cut from it.
type strSlab struct {
	b strings.Builder
	// scratch is a caller's buffer for the bytes of the next string.
	scratch []byte
}

// strSlabLen is the least size of a strSlab's arrays.
const strSlabLen = 1 << 16

// add returns a string holding p.
func (s *strSlab) add(p []byte) string {
	if s.b.Cap()-s.b.Len() < len(p) {
		s.b.Reset()
		s.b.Grow(max(len(p), strSlabLen))
	}
	at := s.b.Len()
	s.b.Write(p)
	return s.b.String()[at:]
}

// skeleton returns names.Skeleton(text), text itself when they are the
// same.
func (s *strSlab) skeleton(text string) string {
	s.scratch = names.AppendSkeleton(s.scratch[:0], text)
	if string(s.scratch) == text {
		return text
	}
	return s.add(s.scratch)
}

// newSpelling returns a new spelling from in's slab.
func (in *interner) newSpelling(text, skel, written string) *spelling {
	sp := &in.spellSlab.take(1)[0]
	*sp = spellingOf(text, skel, written)
	return sp
}

// spellOwn is spell, except that without an interner the spelling is
// appended to *own, whose room the caller sized, rather than allocated
// alone: a query's spellings live as long as the query.
func (in *interner) spellOwn(own *[]spelling, text, skel, written string) *spelling {
	if in != nil {
		return in.spell(text, skel, written)
	}
	*own = append(*own, spellingOf(text, skel, written))
	return &(*own)[len(*own)-1]
}

// spanOwn is spellOwn for a joined span's text.
func (in *interner) spanOwn(own *[]spelling, text string) *spelling {
	if in == nil {
		return in.spellOwn(own, text, names.Skeleton(text), "")
	}
	if got, ok := in.spans[text]; ok {
		return got
	}
	sp := in.newSpelling(text, in.strs.skeleton(text), "")
	in.spans[text] = sp
	return sp
}

// stripVesselPrefix drops a leading "mv", "m v", "mt", "m t", "ms", "ss"
// or "fv": the ship-type prefixes written before vessel names.
func stripVesselPrefix(ts []names.Token) []names.Token {
	if len(ts) >= 3 && ts[0].Text == "m" && (ts[1].Text == "v" || ts[1].Text == "t" || ts[1].Text == "s") {
		return ts[2:]
	}
	if len(ts) >= 2 {
		switch ts[0].Text {
		case "mv", "mt", "ms", "ss", "fv", "mts", "mvs":
			return ts[1:]
		}
	}
	return ts
}

// histogram counts letters a–z (and everything else in slot 26) for the
// Levenshtein lower bound (levLowerBound).
func histogram(s string) [27]uint8 {
	var h [27]uint8
	for i := 0; i < len(s); i++ {
		c := s[i]
		idx := 26
		if c >= 'a' && c <= 'z' {
			idx = int(c - 'a')
		} else if c == 'N' {
			idx = int('n' - 'a')
		}
		if h[idx] < 255 {
			h[idx]++
		}
	}
	return h
}

// levLowerBound is a lower bound on the edit distance of two strings with
// histograms a and b: each edit changes the letter counts by at most two.
func levLowerBound(a, b *[27]uint8) int {
	pos, neg := 0, 0
	for i := range a {
		d := int(a[i]) - int(b[i])
		if d > 0 {
			pos += d
		} else {
			neg -= d
		}
	}
	if pos > neg {
		return pos
	}
	return neg
}

// tokenStats gives token weights from name-frequency statistics: a word
// that appears in few listed names identifies a party; "korea" or
// "trading", which appear in hundreds, do not.
type tokenStats struct {
	w    *Weights
	ix   *termIndex
	n    float64
	lo   float64
	span float64
}

// newTokenStats builds token statistics from the term index of rows
// names (nil for none): a word's document frequency is the number of
// names with its skeleton as a word or joined span.
func newTokenStats(w *Weights, ix *termIndex, rows int) *tokenStats {
	n := float64(rows + 1)
	hi := math.Log(n / w.Tokens.FullDF)
	lo := math.Log(n / w.Tokens.FloorDF)
	if lo < 0 {
		lo = 0
	}
	sp := hi - lo
	if sp <= 0 {
		sp = 1
	}
	return &tokenStats{w: w, ix: ix, n: n, lo: lo, span: sp}
}

// weights returns the weight of each token of a.
func (st *tokenStats) weights(a *analysed) []float64 {
	return st.appendWeights(make([]float64, 0, len(a.toks)), a)
}

// appendWeights appends the weight of each token of a to dst.
func (st *tokenStats) appendWeights(dst []float64, a *analysed) []float64 {
	for i := range a.toks {
		dst = append(dst, st.of(&a.toks[i]))
	}
	return dst
}

// of returns the weight of one token. Legal forms and stopwords still
// count, so that "Ltd" against "Trust" is not ignored, but little.
func (st *tokenStats) of(t *tok) float64 {
	tw := &st.w.Tokens
	switch t.class {
	case names.Legal:
		return tw.Legal
	case names.Stop:
		return tw.Stop
	case names.Initial:
		return tw.Initial
	case names.Number:
		return tw.Number
	}
	v := 1.0
	if df := st.ix.df(t.skel); df > 0 {
		v = (math.Log(st.n/float64(df)) - st.lo) / st.span
		v = min(max(v, tw.Floor), 1)
	}
	if t.generic && v > tw.Generic {
		v = tw.Generic
	}
	return v
}
