package classify

import (
	"slices"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// judgeCode judges every catalogue entry covering code for the line,
// appending to out. tentative is set when code is a heading the
// classifier could not resolve further (or one of several possible
// headings): then no entry can be said to apply. opts are resolved (see
// [lists.Catalogue.Resolve]); a zero date keeps entries of every date.
func (c *Classifier) judgeCode(code hs.Code, tentative bool, f *lists.Facts, opts *lists.Options, rates *lists.Rates, out []judged) []judged {
	cl := c.lookup(code, tentative, opts.Direction)
	if cap(out)-len(out) < len(cl.pre) {
		out = slices.Grow(out, len(cl.pre))
	}
	// The catalogue names an entry once per lookup, so only judgements of
	// earlier lookups (other headings of an undecided item) can repeat.
	earlier := out[:len(out):len(out)]
	for i := range cl.pre {
		p := &cl.pre[i]
		if !opts.Keep(&p.Match) {
			continue
		}
		if slices.ContainsFunc(earlier, func(x judged) bool { return x.Entry == p.Entry }) {
			continue
		}
		out = append(out, judged{Judgement: c.cat.Finish(p, f, rates), entry: cl.entries[i]})
	}
	return out
}

// judged is a judgement with the entry's facts as the classifier reports
// them, shared by every result that names the entry at the same code.
type judged struct {
	lists.Judgement
	entry *ControlEntry
}

// cachedLookup is the catalogue's answer for one code and direction at any
// date, with each entry prejudged before the item's value, text and date
// are considered.
type cachedLookup struct {
	pre     []lists.Prejudged
	entries []*ControlEntry
}

// lookup returns the catalogue entries covering code for a direction at
// any date and every jurisdiction, prejudged. The catalogue is asked once
// per code; repeated codes cost a map read.
func (c *Classifier) lookup(code hs.Code, tentative bool, dir lists.Direction) *cachedLookup {
	key := lookupKey{code: code.Digits(), dir: dir, tentative: tentative}
	if v, ok := c.lookups.Load(key); ok {
		return v.(*cachedLookup)
	}
	ms := c.cat.Lookup(code, lists.Options{Direction: dir})
	cl := &cachedLookup{pre: make([]lists.Prejudged, len(ms)), entries: make([]*ControlEntry, len(ms))}
	for i, m := range ms {
		cl.pre[i] = c.cat.Prejudge(m, code, tentative)
		cl.entries[i] = &ControlEntry{
			List: m.List.ID, Jurisdiction: m.List.Jurisdiction, Kind: m.List.Kind, Entry: m.Entry.ID,
			Category: m.Entry.Category, Basis: m.Entry.Basis, Citation: m.Entry.Citation,
			Code: m.Pattern.Code.Digits(), Coverage: m.Coverage, Threshold: m.Entry.Threshold,
		}
	}
	v, _ := c.lookups.LoadOrStore(key, cl)
	return v.(*cachedLookup)
}

// matchesFor returns the catalogue entries covering code that pass the
// resolved options.
func (c *Classifier) matchesFor(code hs.Code, opts *lists.Options) []lists.Match {
	cl := c.lookup(code, false, opts.Direction)
	out := make([]lists.Match, 0, len(cl.pre))
	for i := range cl.pre {
		if m := &cl.pre[i].Match; opts.Keep(m) {
			out = append(out, *m)
		}
	}
	return out
}
