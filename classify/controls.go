package classify

import (
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// judgeInto judges every code of w for the item, each entry once,
// appending what conv makes of each judgement to out. A code that is
// tentative is a heading the classifier could not resolve further (or one
// of several possible headings): then no entry can be said to apply. opts
// are resolved (see [lists.Catalogue.Resolve]); a zero date keeps entries
// of every date. It is generic so that Classify and AssessGoods each build
// their own output in one pass, without an intermediate slice.
func judgeInto[T any](c *Classifier, w *work, it *Item, opts *lists.Options, rates *lists.Rates, out []T, conv func(lists.Judgement, *ControlEntry) T, entry func(T) string) []T {
	f := factsOf(it, opts)
	for k := range w.n {
		jc := w.code(k)
		cl := c.lookup(jc.code, jc.tentative, opts)
		if cap(out)-len(out) < len(cl.pre) {
			out = slices.Grow(out, len(cl.pre))
		}
		// The catalogue names an entry once per lookup, so only judgements
		// of earlier lookups (other codes of the line) can repeat.
		earlier := out[:len(out):len(out)]
		for i := range cl.pre {
			p := &cl.pre[i]
			if !opts.Keep(&p.Match) {
				continue
			}
			if k > 0 && slices.ContainsFunc(earlier, func(x T) bool { return entry(x) == p.Entry.ID }) {
				continue
			}
			out = append(out, conv(c.cat.Finish(p, &f, rates), cl.entries[i]))
		}
	}
	return out
}

// factsOf returns the facts of the item an entry is judged with.
func factsOf(it *Item, opts *lists.Options) lists.Facts {
	return lists.Facts{Description: it.Description, Value: lists.Money{Amount: it.Value, Currency: it.Currency}, Quantity: it.Quantity, Unit: it.Unit, Date: opts.Date}
}

// underAll judges the entry with the given ID under each code of w as if
// it were the goods' own, and returns the last judgement when the entry
// applies under every one: the goods are in one of the codes, so an entry
// that controls them whichever it is applies. It is used only when the
// codes of w are the alternatives of one concept (work.alternatives).
func (c *Classifier) underAll(w *work, id string, f *lists.Facts, opts *lists.Options, rates *lists.Rates) (lists.Judgement, bool) {
	var last lists.Judgement
	for k := range w.n {
		cl := c.lookup(w.code(k).code, false, opts)
		found := false
		for i := range cl.pre {
			p := &cl.pre[i]
			if p.Entry.ID != id || !opts.Keep(&p.Match) {
				continue
			}
			if last = c.cat.Finish(p, f, rates); last.Applies != lists.Applies {
				return lists.Judgement{}, false
			}
			found = true
			break
		}
		if !found {
			return lists.Judgement{}, false
		}
	}
	return last, true
}

// settleAlternatives turns the open luxury judgements of a line whose
// codes are the alternative headings of one concept into applies, where
// the entry applies under every alternative. get and set read and write
// one judgement of out.
func settleAlternatives[T any](c *Classifier, w *work, it *Item, opts *lists.Options, rates *lists.Rates, out []T, get func(*T) (id string, k lists.Kind, a lists.Applicability), set func(*T, lists.Judgement, string)) {
	if !w.alternatives || w.n < 2 {
		return
	}
	f := factsOf(it, opts)
	var codes []string
	for k := range w.n {
		codes = append(codes, w.code(k).code.String())
	}
	for i := range out {
		id, kind, a := get(&out[i])
		if kind != lists.Luxury || a != lists.CannotTell {
			continue
		}
		if j, ok := c.underAll(w, id, &f, opts, rates); ok {
			set(&out[i], j, "applies under every heading the goods may fall in ("+strings.Join(codes, ", ")+"); under "+codes[len(codes)-1]+": "+j.Why)
		}
	}
}

// cachedLookup is the catalogue's answer for one code and direction at any
// date, with each entry prejudged before the item's value, text and date
// are considered.
type cachedLookup struct {
	pre     []lists.Prejudged
	entries []*ControlEntry
}

// lookup returns the catalogue entries covering code for the direction of
// opts at any date and every jurisdiction, prejudged; embargoes only when
// opts asks for them, since Classify never judges against them and they
// cover every code. The catalogue is asked once per code; repeated codes
// cost a map read.
func (c *Classifier) lookup(code hs.Code, tentative bool, opts *lists.Options) *cachedLookup {
	embargo := len(opts.Kinds) == 0 || slices.Contains(opts.Kinds, lists.Embargo)
	key := lookupKey{code: code.Digits(), dir: opts.Direction, tentative: tentative, embargo: embargo}
	if v, ok := c.lookups.Load(key); ok {
		return v.(*cachedLookup)
	}
	q := lists.Options{Direction: opts.Direction}
	if !embargo {
		q.Kinds = lists.GoodsKinds()
	}
	ms := c.cat.Lookup(code, q)
	cl := &cachedLookup{pre: make([]lists.Prejudged, len(ms)), entries: make([]*ControlEntry, len(ms))}
	for i, m := range ms {
		cl.pre[i] = c.cat.Prejudge(m, code, tentative)
		cl.entries[i] = &ControlEntry{
			List: m.List.ID, Jurisdiction: m.List.Jurisdiction, Kind: m.List.Kind, Entry: m.Entry.ID,
			Category: m.Entry.Category, Basis: m.Entry.Basis, Confidence: m.Entry.Confidence, Citation: m.Entry.Citation,
			Code: m.Pattern.Code.Digits(), Coverage: m.Coverage, Threshold: m.Entry.Threshold,
		}
	}
	v, _ := c.lookups.LoadOrStore(key, cl)
	return v.(*cachedLookup)
}

// matchesFor returns the catalogue entries covering code that pass the
// resolved options.
func (c *Classifier) matchesFor(code hs.Code, opts *lists.Options) []lists.Match {
	cl := c.lookup(code, false, opts)
	out := make([]lists.Match, 0, len(cl.pre))
	for i := range cl.pre {
		if m := &cl.pre[i].Match; opts.Keep(m) {
			out = append(out, *m)
		}
	}
	return out
}
