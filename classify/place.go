package classify

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/hs"
)

// Placement by the nomenclature index. A search scores subheadings; the
// goods are placed in a heading when the description's words are the
// nomenclature's and one heading, or a few, stand out. The thresholds are
// set on the searches the index answers: below them the index's first
// heading is right less often than not, and a line it placed would be
// cleared on a guess.
const (
	// indexHits is how many subheadings a search keeps: enough for five
	// candidate headings and for the runner-up within the best heading.
	indexHits = 30
	// minCoverage is the share of the description's searchable weight
	// the nomenclature must know. Below it the description is mostly
	// words the nomenclature does not use (brands, models, trade slang),
	// and a heading found by the remaining words is a guess.
	minCoverage = 0.5
	// plausibleRatio: a heading whose best subheading scores at least
	// this share of the best one is plausible. One plausible heading is a
	// confident placement; its confidence is 1 - runner-up/best.
	plausibleRatio = 0.8
	// maxPlausible is how many plausible headings of several chapters the
	// goods may be judged under; more and nothing is placed. Headings of
	// one chapter are judged up to maxPlausibleChapter: the chapter
	// itself is settled ("hot rolled steel coil" is iron or steel of
	// Chapter 72 whichever of 7208, 7211, 7219 or 7225 it is).
	maxPlausible        = 3
	maxPlausibleChapter = 8
	// subheadingRatio: within the placed heading the best subheading is
	// chosen when the heading's next one scores at most this share of
	// it; otherwise the answer stays at heading level, never padded.
	subheadingRatio = 0.95
)

// headingScore is the best subheading of one heading in a search.
type headingScore struct {
	heading hs.Code
	doc     int32   // the best subheading
	score   float64 // its score
	next    float64 // the score of the heading's next subheading
}

// placement is where the index places the goods.
type placement struct {
	query    query
	headings []headingScore // by descending score
	// plausible is the number of plausible headings (the first ones of
	// headings), 0 when nothing is placed; why then says why.
	plausible  int
	why        string
	confidence float64
	// code is the subheading chosen, when the best heading's subheading
	// stands out.
	code hs.Code
}

// placed reports whether the goods were placed in some heading.
func (p *placement) placed() bool { return p.plausible > 0 }

// confident reports whether one heading stands out.
func (p *placement) confident() bool { return p.plausible == 1 }

// evidence says where the answer came from and how sure it is.
func (p *placement) evidence() string {
	if len(p.headings) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("nomenclature index: heading ")
	b.WriteString(p.headings[0].heading.String())
	if !p.code.IsZero() {
		b.WriteString(", subheading ")
		b.WriteString(p.code.String())
	}
	if p.plausible > 1 {
		b.WriteString(" or ")
		for i, h := range p.headings[1:p.plausible] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(h.heading.String())
		}
	}
	b.WriteString(" (confidence ")
	b.WriteString(strconv.FormatFloat(p.confidence, 'f', 2, 64))
	b.WriteString(")")
	return b.String()
}

// byHeading groups hits (best first) by heading, keeping the best
// maxCandidates headings.
func (c *Classifier) byHeading(hits []scored) []headingScore {
	return c.byHeadingN(hits, maxCandidates)
}

// byHeadingN groups hits (best first) by heading, keeping the best n.
func (c *Classifier) byHeadingN(hits []scored, limit int) []headingScore {
	ix := c.index()
	var out []headingScore
	for _, h := range hits {
		hd := ix.codes[h.doc].Truncate(4)
		found := false
		for i := range out {
			if out[i].heading == hd {
				if out[i].next == 0 {
					out[i].next = h.score
				}
				found = true
				break
			}
		}
		if !found && len(out) < limit {
			out = append(out, headingScore{heading: hd, doc: h.doc, score: h.score})
		}
	}
	return out
}

// placeIn places the goods from a search. within are the headings a
// lexicon concept of ordinary goods names, when the search was
// restricted to them: the words already decided the heading(s), so any
// word the index knows may pick the subheading.
func (c *Classifier) placeIn(q query, within []hs.Code) placement {
	// Group beyond the five candidates, to know whether more headings
	// are plausible.
	p := placement{query: q, headings: c.byHeadingN(q.hits, maxPlausibleChapter+1)}
	switch {
	case len(p.headings) == 0:
		p.why = "no word of the description is in the nomenclature"
		return p
	case within == nil && q.coverage() < minCoverage:
		p.why = fmt.Sprintf("most of the description's words are unknown to the nomenclature (%.0f%% known)", 100*q.coverage())
		return p
	}
	all := p.headings
	best := all[0].score
	n, oneChapter := 0, true
	for _, h := range all {
		if h.score >= plausibleRatio*best {
			n++
			oneChapter = oneChapter && h.heading.Chapter() == all[0].heading.Chapter()
		}
	}
	if n > maxPlausibleChapter || n > maxPlausible && !oneChapter {
		names := make([]string, min(len(p.headings), maxCandidates))
		for i, h := range p.headings[:len(names)] {
			names[i] = h.heading.String()
		}
		p.why = "the nomenclature text fits too many headings alike (" + strings.Join(names, ", ") + ")"
		return p
	}
	p.plausible = n
	p.confidence = 1
	if len(p.headings) > 1 {
		p.confidence = 1 - p.headings[1].score/best
	}
	if top := p.headings[0]; n == 1 && top.next <= subheadingRatio*top.score {
		p.code = c.index().codes[top.doc]
	}
	return p
}

// scale maps BM25 scores of the placement to candidate weights.
func (p *placement) scale() float64 {
	if len(p.headings) == 0 || p.headings[0].score == 0 {
		return 0
	}
	if p.confident() {
		return indexScale / p.headings[0].score
	}
	return indexTentative / p.headings[0].score
}
