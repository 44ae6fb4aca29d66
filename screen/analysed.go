package screen

import (
	"math"
	"strings"

	"github.com/antzucaro/matchr"
	"github.com/luxscreen/luxscreen/screen/names"
)

// tok is one analysed token with its histogram for fast edit-distance
// bounds.
type tok struct {
	text, skel string
	class      names.Class
	generic    bool
	// korean marks a word the Korean syllable grammar accepts: only two
	// such words are compared by romanisation skeleton (s17-match).
	korean bool
	hist   [27]uint8
}

// span is a run of adjacent word tokens joined into one word.
type span struct {
	start, n int
	text     string
	skel     string
	hist     [27]uint8
}

// analysed is a name ready for matching.
type analysed struct {
	key     string
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
	a := &analysed{foreign: n.Foreign, toks: make([]tok, 0, len(n.Tokens))}
	ts := n.Tokens
	if vessel {
		ts = stripVesselPrefix(ts)
	}
	for _, t := range ts {
		k := tok{text: t.Text, skel: t.Skel, class: t.Class, generic: t.Generic}
		k.korean = t.Class == names.Word && w.Features.Romanisation.korean.Plausible(t.Text)
		k.hist = histogram(k.skel)
		if t.Class == names.Number {
			a.numbers++
		}
		a.toks = append(a.toks, k)
	}
	var b strings.Builder
	for i, t := range a.toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	a.key = b.String()
	for i := range a.toks {
		if !joinable(a.toks[i]) {
			continue
		}
		text := a.toks[i].text
		for n := 2; n <= w.Blocking.MaxSpan && i+n <= len(a.toks); n++ {
			if !joinable(a.toks[i+n-1]) {
				break
			}
			text += a.toks[i+n-1].text
			sk := names.Skeleton(text)
			a.spans = append(a.spans, span{start: i, n: n, text: text, skel: sk, hist: histogram(sk)})
		}
	}
	return a
}

// joinable reports whether a token may be part of a joined span.
func joinable(t tok) bool { return t.class == names.Word || t.class == names.Initial }

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
// Levenshtein lower bound in mayBeSimilar.
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

// blockKey is one blocking key and the query tokens it stands for.
type blockKey struct {
	key  string
	toks uint64
	// fuzzy marks the typo-tolerant keys (phonetic code, prefix); the
	// others are exact spellings of a word or joined span.
	fuzzy bool
}

// blockingKeys returns the index keys of a name: the skeleton of each word,
// the Double Metaphone code and the skeleton prefix (blocking.prefix_len
// letters) of each longer word, and the skeleton of each joined span of
// syllable-length words (up to blocking.max_span_token letters: split and
// joined spellings are a matter of syllables, "NAM CHON GANG", and
// indexing every span of long words would triple the index for nothing).
// Numbers and initials are keys only in names with no word.
func blockingKeys(a *analysed, w *Weights) []blockKey {
	prefixLen, maxSpanKeyTok := w.Blocking.PrefixLen, w.Blocking.MaxSpanToken
	var keys []blockKey
	words := 0
	for i, t := range a.toks {
		bit := uint64(1) << (i & 63)
		switch t.class {
		case names.Word, names.Foreign:
			words++
			keys = append(keys, blockKey{key: t.skel, toks: bit})
			if t.class == names.Word && len(t.text) >= 4 {
				if p, _ := matchr.DoubleMetaphone(t.text); p != "" {
					keys = append(keys, blockKey{key: "~" + p, toks: bit, fuzzy: true})
				}
			}
			if t.class == names.Word && len(t.skel) > prefixLen {
				keys = append(keys, blockKey{key: "^" + t.skel[:prefixLen], toks: bit, fuzzy: true})
			}
		}
	}
	for _, s := range a.spans {
		short := true
		for i := s.start; i < s.start+s.n; i++ {
			if len(a.toks[i].text) > maxSpanKeyTok {
				short = false
				break
			}
		}
		if short {
			keys = append(keys, blockKey{key: s.skel, toks: spanMask(s.start, s.n)})
		}
	}
	if words == 0 {
		for i, t := range a.toks {
			if t.class == names.Number || t.class == names.Initial {
				keys = append(keys, blockKey{key: t.skel, toks: uint64(1) << (i & 63)})
			}
		}
	}
	return dedupeKeys(keys)
}

// dedupeKeys merges repeated keys, joining their token masks.
func dedupeKeys(ks []blockKey) []blockKey {
	out := ks[:0]
	for _, k := range ks {
		merged := false
		for j := range out {
			if out[j].key == k.key {
				out[j].toks |= k.toks
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, k)
		}
	}
	return out
}

// tokenStats gives token weights from name-frequency statistics: a word
// that appears in few listed names identifies a party; "korea" or
// "trading", which appear in hundreds, do not.
type tokenStats struct {
	w    *Weights
	df   map[string][]posting
	n    float64
	lo   float64
	span float64
}

// newTokenStats builds token statistics from the postings of rows names:
// a word's document frequency is the length of its skeleton's postings.
func newTokenStats(w *Weights, df map[string][]posting, rows int) *tokenStats {
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
	return &tokenStats{w: w, df: df, n: n, lo: lo, span: sp}
}

// weights returns the weight of each token of a.
func (st *tokenStats) weights(a *analysed) []float64 {
	out := make([]float64, len(a.toks))
	for i := range a.toks {
		out[i] = st.of(&a.toks[i])
	}
	return out
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
	if df := len(st.df[t.skel]); df > 0 {
		v = (math.Log(st.n/float64(df)) - st.lo) / st.span
		v = min(max(v, tw.Floor), 1)
	}
	if t.generic && v > tw.Generic {
		v = tw.Generic
	}
	return v
}
