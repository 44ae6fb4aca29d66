package classify

import (
	"context"
	"math"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/hs"
)

// bm25 parameters, the usual defaults.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// posting is one document a term occurs in.
type posting struct {
	doc int32
	tf  float32
}

// index is a BM25 index over the six-digit lines of a nomenclature. Each
// document is the line's own text (twice, since it is the most specific)
// followed by its heading's and chapter's texts, so that "Other" lines are
// searchable by what they are other than. National lines deeper than six
// digits add their text to their HS6 document.
type index struct {
	codes    []hs.Code
	postings map[string][]posting
	idf      map[string]float64
	edition  hs.Edition
}

// stopwords are words of nomenclature texts that say nothing about goods.
func stopwords() map[string]bool {
	ws := map[string]bool{}
	for _, w := range strings.Fields(`a an and are as at be by for from in into is it its of on or other
		than that the their this to with without whether not n e c nec heading headings subheading item no
		chapter excluding including those such kind used similar etc thereof parts part`) {
		ws[w] = true
	}
	return ws
}

// buildIndex indexes the six-digit lines of n.
func buildIndex(ctx context.Context, n hs.Nomenclature) (*index, error) {
	text := map[string]string{} // digits → text
	var six []string
	for it := range n.Items() {
		d := it.Code.Digits()
		text[d] = it.Description
		if len(d) == 6 {
			six = append(six, d)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slices.Sort(six)
	deeper := map[string][]string{}
	for d, s := range text {
		if len(d) > 6 {
			deeper[d[:6]] = append(deeper[d[:6]], s)
		}
	}
	stop := stopwords()
	ix := &index{postings: map[string][]posting{}, idf: map[string]float64{}, edition: n.Edition()}
	lengths := make([]float64, 0, len(six))
	for _, d := range six {
		if strings.HasPrefix(d, "99") {
			continue // "not specified" placeholders
		}
		doc := int32(len(ix.codes))
		c, err := hs.Parse(d)
		if err != nil {
			continue
		}
		ix.codes = append(ix.codes, c)
		parts := []string{text[d], text[d], text[d[:4]], text[d[:2]]}
		ext := deeper[d]
		slices.Sort(ext)
		parts = append(parts, ext...)
		tf := map[string]float32{}
		total := 0.0
		for _, p := range parts {
			for _, tk := range tokenize(p, nil).tokens {
				if tk.isNum || stop[tk.stem] || len(tk.stem) < 2 {
					continue
				}
				tf[tk.stem]++
				total++
			}
		}
		lengths = append(lengths, total)
		terms := make([]string, 0, len(tf))
		for t := range tf {
			terms = append(terms, t)
		}
		slices.Sort(terms)
		for _, t := range terms {
			ix.postings[t] = append(ix.postings[t], posting{doc: doc, tf: tf[t]})
		}
	}
	if len(ix.codes) == 0 {
		return ix, nil
	}
	avg := 0.0
	for _, l := range lengths {
		avg += l
	}
	avg /= float64(len(lengths))
	N := float64(len(ix.codes))
	for t, ps := range ix.postings {
		ix.idf[t] = math.Log(1 + (N-float64(len(ps))+0.5)/(float64(len(ps))+0.5))
		for i := range ps {
			tf := float64(ps[i].tf)
			norm := tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*lengths[ps[i].doc]/avg))
			ps[i].tf = float32(norm) // store the saturated term weight
		}
	}
	return ix, ctx.Err()
}

// scored is one search result.
type scored struct {
	doc   int32
	score float64
}

// search returns the k best documents for the tokens. scores is scratch
// space of len(ix.codes), returned zeroed.
func (ix *index) search(toks []token, k int, scores []float64, stop map[string]bool) []scored {
	var touched []int32
	seen := map[string]bool{}
	for _, tk := range toks {
		// A word the description grammar sets aside (packing, what the
		// goods serve) has no weight: it must not make a hit of 0.
		if tk.isNum || tk.weak == 0 || stop[tk.stem] || seen[tk.stem] {
			continue
		}
		seen[tk.stem] = true
		ps := ix.postings[tk.stem]
		idf := ix.idf[tk.stem] * tk.weak
		for _, p := range ps {
			if scores[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			scores[p.doc] += idf * float64(p.tf)
		}
	}
	top := make([]scored, 0, k+1)
	for _, d := range touched {
		s := scores[d]
		scores[d] = 0
		if len(top) == k && s <= top[k-1].score {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, s, func(x scored, s float64) int {
			switch {
			case x.score > s:
				return -1
			case x.score < s:
				return 1
			}
			return 0
		})
		top = slices.Insert(top, i, scored{doc: d, score: s})
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}
