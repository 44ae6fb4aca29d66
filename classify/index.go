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
// digits add their text to their HS6 document. Documents are in code
// order, so the subheadings of a heading are one run of documents.
type index struct {
	codes    []hs.Code
	postings map[string][]posting
	idf      map[string]float64
	edition  hs.Edition
	// headings maps a heading's digits to its run of documents [lo, hi).
	headings map[string][2]int32
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

// buildIndex indexes the six-digit lines of n. Each text is tokenised
// once, however many documents it is part of (a chapter's text is part of
// hundreds), which keeps building the index of the embedded HS 2022 to a
// few tens of milliseconds.
func buildIndex(ctx context.Context, n hs.Nomenclature) (*index, error) {
	stop := stopwords()
	terms := map[string]int32{} // stem → term id
	var names []string          // term id → stem
	words := map[string][]int32{}
	var six []string
	deeper := map[string][]string{} // HS6 → deeper lines
	for it := range n.Items() {
		d := it.Code.Digits()
		var ids []int32
		for _, tk := range tokenize(positive(it.Description), nil).tokens {
			if tk.isNum || stop[tk.stem] || len(tk.stem) < 2 {
				continue
			}
			id, ok := terms[tk.stem]
			if !ok {
				id = int32(len(names))
				terms[tk.stem] = id
				names = append(names, tk.stem)
			}
			ids = append(ids, id)
		}
		words[d] = ids
		switch {
		case len(d) == 6:
			six = append(six, d)
		case len(d) > 6:
			deeper[d[:6]] = append(deeper[d[:6]], d)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slices.Sort(six)
	ix := &index{postings: make(map[string][]posting, len(names)), idf: make(map[string]float64, len(names)),
		edition: n.Edition(), headings: map[string][2]int32{}}
	lists := make([][]posting, len(names))
	lengths := make([]float64, 0, len(six))
	var doc []int32
	for _, d := range six {
		if strings.HasPrefix(d, "99") {
			continue // "not specified" placeholders
		}
		c, err := hs.Parse(d)
		if err != nil {
			continue
		}
		id := int32(len(ix.codes))
		ix.codes = append(ix.codes, c)
		span := ix.headings[d[:4]]
		if span[1] == 0 {
			span[0] = id
		}
		span[1] = id + 1
		ix.headings[d[:4]] = span
		doc = append(append(append(append(doc[:0], words[d]...), words[d]...), words[d[:4]]...), words[d[:2]]...)
		ext := deeper[d]
		slices.Sort(ext)
		for _, e := range ext {
			doc = append(doc, words[e]...)
		}
		lengths = append(lengths, float64(len(doc)))
		slices.Sort(doc)
		for i := 0; i < len(doc); {
			j := i + 1
			for j < len(doc) && doc[j] == doc[i] {
				j++
			}
			lists[doc[i]] = append(lists[doc[i]], posting{doc: id, tf: float32(j - i)})
			i = j
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
	for t, ps := range lists {
		if len(ps) == 0 {
			continue
		}
		ix.idf[names[t]] = math.Log(1 + (N-float64(len(ps))+0.5)/(float64(len(ps))+0.5))
		for i := range ps {
			tf := float64(ps[i].tf)
			norm := tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*lengths[ps[i].doc]/avg))
			ps[i].tf = float32(norm) // store the saturated term weight
		}
		ix.postings[names[t]] = ps
	}
	return ix, ctx.Err()
}

// scored is one search result.
type scored struct {
	doc   int32
	score float64
}

// query is what a search made of a description's words.
type query struct {
	hits []scored
	// known and total are the weights of the description's searchable
	// words that the index knows, and of all of them: a description
	// whose words are mostly unknown to the nomenclature cannot be placed
	// by it.
	known, total float64
}

// coverage is the share of the description's searchable weight that the
// index knows, 0 when it has no searchable word.
func (q *query) coverage() float64 {
	if q.total == 0 {
		return 0
	}
	return q.known / q.total
}

// search returns the k best documents for the tokens, restricted to the
// documents of within (runs [lo, hi)) when it is not empty. scores is
// scratch space of len(ix.codes), returned zeroed.
func (ix *index) search(toks []token, k int, scores []float64, stop map[string]bool, within ...[2]int32) query {
	var q query
	var touched []int32
	var seen [16]string
	nseen := 0
	for _, tk := range toks {
		// A word the description grammar sets aside (packing, what the
		// goods serve) has no weight: it must not make a hit of 0.
		if tk.isNum || tk.weak == 0 || stop[tk.stem] || len(tk.stem) < 2 || slices.Contains(seen[:nseen], tk.stem) {
			continue
		}
		if nseen < len(seen) {
			seen[nseen] = tk.stem
			nseen++
		}
		q.total += tk.weak
		ps, ok := ix.postings[tk.stem]
		if !ok {
			continue
		}
		q.known += tk.weak
		idf := ix.idf[tk.stem] * tk.weak
		for _, p := range ps {
			if len(within) > 0 && !inRuns(p.doc, within) {
				continue
			}
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
	q.hits = top
	return q
}

func inRuns(d int32, runs [][2]int32) bool {
	for _, r := range runs {
		if d >= r[0] && d < r[1] {
			return true
		}
	}
	return false
}

// runsOf returns the runs of documents of the headings (or subheadings)
// of codes; codes the index lacks are left out.
func (ix *index) runsOf(codes []hs.Code) [][2]int32 {
	var out [][2]int32
	for _, c := range codes {
		d := c.Digits()
		if len(d) < 4 {
			continue
		}
		span, ok := ix.headings[d[:4]]
		if !ok {
			continue
		}
		if len(d) >= 6 {
			i, found := slices.BinarySearchFunc(ix.codes[span[0]:span[1]], d[:6], func(x hs.Code, t string) int { return strings.Compare(x.Digits(), t) })
			if !found {
				continue
			}
			span = [2]int32{span[0] + int32(i), span[0] + int32(i) + 1}
		}
		out = append(out, span)
	}
	return out
}

// negations open the part of a nomenclature text that names what the
// goods are not ("Furniture; wooden, other than for office, kitchen or
// bedroom use"; "Coffee; not roasted"). "whether or not" names both.
var negations = [...]string{"other than ", "excluding ", "except ", "not "}

// positive returns text without what it says the goods are not: each
// ";"-separated part is cut at its first negation, so that a search for
// bedroom furniture does not find the furniture other than for bedrooms.
func positive(text string) string {
	if !strings.Contains(text, "other than ") && !strings.Contains(text, "not ") &&
		!strings.Contains(text, "excluding ") && !strings.Contains(text, "except ") {
		return text
	}
	var b strings.Builder
	for i, part := range strings.Split(text, ";") {
		if i > 0 {
			b.WriteByte(';')
		}
		cut := len(part)
		for _, neg := range negations {
			for from := 0; from < len(part); {
				j := strings.Index(part[from:], neg)
				if j < 0 {
					break
				}
				j += from
				// A word ending in the negation ("cannot ") or "whether
				// or not" is no cut.
				if j > 0 && part[j-1] != ' ' && part[j-1] != ',' && part[j-1] != '(' ||
					neg == "not " && strings.HasSuffix(part[:j], "or ") {
					from = j + len(neg)
					continue
				}
				cut = min(cut, j)
				break
			}
		}
		b.WriteString(part[:cut])
	}
	return b.String()
}
