package rules

import (
	"context"
	"fmt"
	"slices"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// ClassifyAdapter is a GoodsAssessor over a [classify.Classifier]: the
// classifier reads the description (it classifies lines without a code,
// says whether an "ex" entry or a threshold applies, and flags
// mislabelled goods), and a [CatalogueAssessor] over the same catalogue
// adds the controls in force at other dates, which "dated: check" tests
// need and the classifier, judging as of the shipment date, leaves out.
type ClassifyAdapter struct {
	c   *classify.Classifier
	cat *lists.Catalogue
	all *CatalogueAssessor
	// entries holds, by list and entry ID, what the classifier's controls
	// lack: the instrument URL, the period in force and the citation.
	entries map[entryKey]entryInfo
	version string
}

type entryKey struct{ list, entry string }

type entryInfo struct {
	url     string
	inForce Period
	cite    Citation
	// exports is false for lists that only control imports from the DPRK
	// (UNSCR 2371 seafood, 2375 textiles): a shipment is an export, and
	// the classifier, asked without a KP destination, reports both.
	exports bool
}

// NewClassifyAdapter returns an assessor over c, which must report the
// controls of cat.
func NewClassifyAdapter(c *classify.Classifier, cat *lists.Catalogue) (*ClassifyAdapter, error) {
	all, err := NewCatalogueAssessor(cat)
	if err != nil {
		return nil, err
	}
	a := &ClassifyAdapter{c: c, cat: cat, all: all, entries: map[entryKey]entryInfo{}, version: "classify+" + all.Version()}
	for _, l := range cat.Lists() {
		for _, e := range l.Entries {
			ctl := control(l, e)
			a.entries[entryKey{l.ID, e.ID}] = entryInfo{url: ctl.URL, inForce: ctl.InForce, cite: ctl.cite, exports: l.Direction.Covers(lists.ExportTo)}
		}
	}
	return a, nil
}

// Version identifies the catalogue and the classifier.
func (a *ClassifyAdapter) Version() string { return a.version }

// AssessLine classifies one line and reports its controls.
func (a *ClassifyAdapter) AssessLine(ctx context.Context, q LineQuery) (LineAssessment, error) {
	res, err := a.c.Classify(ctx, classify.Item{
		Description: q.Line.Description, DeclaredCode: q.Line.HS,
		Value: q.Line.Value, Currency: q.Line.Currency, Quantity: q.Line.Quantity, Unit: q.Line.Unit,
		Destination: q.Destination, Date: q.Date,
	})
	if err != nil {
		return LineAssessment{}, err
	}
	out := LineAssessment{HS6: res.HS6, Source: "classified", Code: res.HS6}
	if d := res.Declared; d != nil && d.Valid && d.Code != "" {
		out.Code, out.Source = d.Code, "declared"
		if len(out.Code) >= 6 {
			out.HS6 = out.Code[:6]
		}
	}
	// A line with a valid declared or classified code is judged by its
	// controls: the classifier's doubts about them come back as uncertain
	// controls and mismatches below. Without any code nothing can be
	// judged, and the classifier's reasons say why.
	if res.NeedsReview && out.Code == "" {
		out.NeedsReview = append(out.NeedsReview, res.Reasons...)
		if len(out.NeedsReview) == 0 {
			out.NeedsReview = []string{"the classifier could not decide"}
		}
	}
	// The catalogue's view of the declared (or classified) code: controls
	// in force at other dates, and whether a national code is wholly
	// inside an entry.
	lq := q
	if lq.Line.HS == "" && out.Code != "" {
		lq.Line.HS = out.Code
	}
	desc := a.all.described(q.Line.Description)
	other, err := a.all.assess(ctx, lq, desc, &q.Date)
	if err != nil {
		other = LineAssessment{} // the classifier's answer stands; the code was its own
	}
	var found []coded
	if lq.Line.HS != "" {
		if code, err := hs.Parse(lq.Line.HS); err == nil {
			found = a.all.lookup(code)
		}
	}
	// fullyCovered finds the catalogue's match of an entry when it is
	// certain: full coverage, or an ex or partial code whose category the
	// description names by a keyword (as the CatalogueAssessor judges).
	fullyCovered := func(list, entry string) *Control {
		for i := range found {
			f := &found[i]
			if f.ctl.List != list || f.ctl.Entry != entry {
				continue
			}
			if f.m.Coverage == lists.Full {
				return &f.ctl
			}
			if slices.ContainsFunc(desc, func(p phrase) bool { return p.entry == f.m.Entry }) {
				return &f.ctl
			}
		}
		return nil
	}
	out.Controls = make([]Control, 0, len(res.Controls)+2)
	for _, cc := range res.Controls {
		if cc.Applies == classify.DoesNotApply {
			continue
		}
		info, known := a.entries[entryKey{cc.List, cc.Entry}]
		if known && !info.exports {
			continue
		}
		ctl := Control{Jurisdiction: cc.Jurisdiction, List: cc.List, Entry: cc.Entry, Kind: string(cc.Kind), Category: cc.Category,
			Citation: cc.Citation, Pattern: cc.Code, Coverage: string(cc.Coverage), Certain: cc.Applies == classify.Applies}
		if !ctl.Certain {
			if f := fullyCovered(cc.List, cc.Entry); f != nil {
				// The classifier reads codes at six digits; the declared
				// national code lies wholly inside the entry's pattern.
				ctl.Certain, ctl.Pattern, ctl.Coverage = true, f.Pattern, f.Coverage
			}
		}
		if !ctl.Certain {
			ctl.Reason = cc.Why
		}
		if known {
			ctl.URL, ctl.InForce, ctl.cite = info.url, info.inForce, info.cite
		}
		if t := cc.Threshold; t != nil && cc.Applies != classify.Applies {
			ctl.Threshold = &Threshold{Amount: t.Amount, Currency: t.Currency, Per: string(t.Per), PerQuantity: t.PerQuantity, Inclusive: t.Inclusive}
		}
		out.Controls = append(out.Controls, ctl)
	}
	// seen reports whether the classifier judged the entry, either way.
	seen := func(list, entry string) bool {
		return slices.ContainsFunc(res.Controls, func(cc classify.Control) bool { return cc.List == list && cc.Entry == entry })
	}
	if m := res.Mismatch; m != nil && (m.Kind == classify.MismatchControlled || m.Kind == classify.MismatchRedFlag) {
		out.Mismatch = &Mismatch{Declared: m.Declared, Suggested: []string{m.Described}, Reason: fmt.Sprintf("%s: %s", m.Kind, m.Reason)}
		if len(m.Evades) > 0 {
			out.Mismatch.Entry = m.Evades[0]
		}
	}
	// Controls in force only at other dates come from the catalogue.
	for _, ctl := range other.Controls {
		if seen(ctl.List, ctl.Entry) {
			continue
		}
		out.Controls = append(out.Controls, ctl)
	}
	return out, nil
}
