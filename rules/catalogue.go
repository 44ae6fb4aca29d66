package rules

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// CatalogueAssessor judges lines by their declared code and description
// against a lists catalogue directly: every entry whose codes cover the
// declared code is a control, and an entry whose keywords the description
// names but whose codes miss the declared code is a described, uncertain
// control and a mismatch. It is the assessor to use without the
// classifier, and is safe for concurrent use.
type CatalogueAssessor struct {
	cat     *lists.Catalogue
	version string
	// byWord indexes keyword phrases by their first word.
	byWord map[string][]phrase
	// cache holds lookups by code digits; the catalogue is immutable, so
	// they never go stale.
	cache sync.Map
}

type phrase struct {
	words []string
	text  string
	list  *lists.List
	entry *lists.Entry
}

// NewCatalogueAssessor returns an assessor over cat.
func NewCatalogueAssessor(cat *lists.Catalogue) (*CatalogueAssessor, error) {
	ls := cat.Lists()
	b, err := json.Marshal(ls)
	if err != nil {
		return nil, fmt.Errorf("rules: catalogue version: %w", err)
	}
	sum := sha256.Sum256(b)
	ids := make([]string, len(ls))
	for i, l := range ls {
		ids[i] = l.ID
	}
	a := &CatalogueAssessor{
		cat:     cat,
		version: fmt.Sprintf("catalogue@%s (%d lists: %s)", hex.EncodeToString(sum[:6]), len(ls), strings.Join(ids, ", ")),
		byWord:  map[string][]phrase{},
	}
	for _, l := range ls {
		for _, e := range l.Entries {
			for _, k := range e.Keywords {
				w := words(k)
				if len(w) == 0 {
					continue
				}
				a.byWord[w[0]] = append(a.byWord[w[0]], phrase{words: w, text: k, list: l, entry: e})
			}
		}
	}
	return a, nil
}

// Version identifies the catalogue: a hash of its lists and their IDs.
func (a *CatalogueAssessor) Version() string { return a.version }

// coded is one catalogue match of a code with its control prebuilt.
type coded struct {
	m   lists.Match
	ctl Control
}

func (a *CatalogueAssessor) lookup(code hs.Code) []coded {
	if v, ok := a.cache.Load(code.Digits()); ok {
		return v.([]coded)
	}
	ms := a.cat.Lookup(code, lists.Options{Direction: lists.ExportTo})
	out := make([]coded, len(ms))
	for i, m := range ms {
		ctl := control(m.List, m.Entry)
		ctl.Pattern, ctl.Coverage = m.Pattern.Code.String(), string(m.Coverage)
		out[i] = coded{m: m, ctl: ctl}
	}
	a.cache.Store(code.Digits(), out)
	return out
}

// described returns the entries whose keywords the description names,
// with the keyword, in catalogue order. A description word matches a
// keyword word also in the plural ("horses" names "horse").
func (a *CatalogueAssessor) described(desc string) []phrase {
	ws := words(desc)
	var out []phrase
	for i, w := range ws {
		st, n := stems(w)
		for _, stem := range st[:n] {
			for _, p := range a.byWord[stem] {
				if i+len(p.words) <= len(ws) && wordsMatch(ws[i:i+len(p.words)], p.words) &&
					!slices.ContainsFunc(out, func(q phrase) bool { return q.entry == p.entry }) {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// stems returns w and its singular forms, in an array so that matching
// every word of every line allocates nothing.
func stems(w string) (out [3]string, n int) {
	out[0], n = w, 1
	if s, ok := strings.CutSuffix(w, "es"); ok && len(s) > 2 {
		out[n] = s
		n++
	}
	if s, ok := strings.CutSuffix(w, "s"); ok && len(s) > 2 {
		out[n] = s
		n++
	}
	return out, n
}

func wordsMatch(text, kw []string) bool {
	for i := range kw {
		st, n := stems(text[i])
		if !slices.Contains(st[:n], kw[i]) {
			return false
		}
	}
	return true
}

// AssessLine judges one line.
func (a *CatalogueAssessor) AssessLine(ctx context.Context, q LineQuery) (LineAssessment, error) {
	return a.assess(ctx, q, a.described(q.Line.Description), nil)
}

// assess judges one line whose description names the entries of desc.
// With outside set, it reports only the controls not in force on that
// date, which is what the ClassifyAdapter needs of it.
func (a *CatalogueAssessor) assess(ctx context.Context, q LineQuery, desc []phrase, outside *time.Time) (LineAssessment, error) {
	if err := ctx.Err(); err != nil {
		return LineAssessment{}, err
	}
	skip := func(ctl *Control) bool { return outside != nil && ctl.InForce.Contains(*outside) }
	var out LineAssessment
	// A line has tens of controls at most: a slice beats a map here.
	var covered []*lists.Entry
	if q.Line.HS != "" {
		code, err := hs.Parse(q.Line.HS)
		if err != nil {
			return out, fmt.Errorf("declared code %q: %w", q.Line.HS, err)
		}
		out.Code, out.HS6, out.Source = code.Digits(), code.HS6(), "declared"
		found := a.lookup(code)
		if outside == nil {
			out.Controls = make([]Control, 0, len(found)+len(desc))
		}
		covered = make([]*lists.Entry, 0, len(found)+len(desc))
		for _, cd := range found {
			m, ctl := cd.m, cd.ctl
			covered = append(covered, m.Entry)
			named := slices.ContainsFunc(desc, func(p phrase) bool { return p.entry == m.Entry })
			switch m.Coverage {
			case lists.Full:
				ctl.Certain = true
			case lists.Ex:
				ctl.Certain = named
				if !named {
					ctl.Reason = "ex code: the description names none of the category's keywords"
				}
			case lists.Partial:
				ctl.Certain = named
				if named {
					break
				}
				ctl.Reason = fmt.Sprintf("declared code %s is less specific than the entry's: only some goods under it are controlled", code)
			}
			if !skip(&ctl) {
				out.Controls = append(out.Controls, ctl)
			}
		}
	}
	for _, p := range desc {
		if slices.Contains(covered, p.entry) || !p.list.Direction.Covers(lists.ExportTo) {
			continue
		}
		covered = append(covered, p.entry)
		ctl := control(p.list, p.entry)
		if skip(&ctl) {
			continue
		}
		ctl.Coverage = "described"
		var codes []string
		for _, c := range p.entry.Codes {
			if !slices.Contains(codes, c.Code.String()) {
				codes = append(codes, c.Code.String())
			}
		}
		ctl.Pattern = strings.Join(codes, ", ")
		if out.Code == "" {
			ctl.Reason = fmt.Sprintf("no declared code; the description names %q", p.text)
		} else {
			ctl.Reason = fmt.Sprintf("the description names %q, but the declared code %s is not among the entry's codes", p.text, q.Line.HS)
			if out.Mismatch == nil {
				out.Mismatch = &Mismatch{Declared: q.Line.HS, Suggested: codes, Entry: p.entry.ID,
					Reason: fmt.Sprintf("%q is a keyword of %s (%s)", p.text, p.entry.ID, p.entry.Category)}
			}
		}
		out.Controls = append(out.Controls, ctl)
	}
	if out.Code == "" && len(desc) == 0 {
		out.NeedsReview = append(out.NeedsReview, "no declared HS code, and the description names no listed goods: classify the line")
	}
	return out, nil
}

func control(l *lists.List, e *lists.Entry) Control {
	c := Control{
		Jurisdiction: l.Jurisdiction, List: l.ID, Entry: e.ID, Kind: string(l.Kind),
		Category: e.Category, Citation: e.Citation, URL: l.Instrument.URL,
		InForce: intersect(l.InForce, e.InForce),
	}
	c.cite = c.newCitation()
	if t := e.Threshold; t != nil {
		c.Threshold = &Threshold{Amount: t.Amount, Currency: t.Currency, Per: string(t.Per), PerQuantity: t.PerQuantity, Inclusive: t.Inclusive}
	}
	return c
}

func intersect(a, b lists.Period) Period {
	p := Period{From: a.From}
	if b.From.After(p.From) {
		p.From = b.From
	}
	for _, u := range []*lists.Period{&a, &b} {
		if u.Until != nil && (p.Until.IsZero() || u.Until.Before(p.Until)) {
			p.Until = *u.Until
		}
	}
	return p
}
