package rules

import (
	"context"
	"fmt"
	"slices"

	"github.com/luxscreen/luxscreen/classify"
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
}

// NewClassifyAdapter returns an assessor over c, which must report the
// controls of cat.
func NewClassifyAdapter(c *classify.Classifier, cat *lists.Catalogue) (*ClassifyAdapter, error) {
	all, err := NewCatalogueAssessor(cat)
	if err != nil {
		return nil, err
	}
	return &ClassifyAdapter{c: c, cat: cat, all: all}, nil
}

// Version identifies the catalogue and the classifier.
func (a *ClassifyAdapter) Version() string { return "classify+" + a.all.Version() }

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
	other, err := a.all.AssessLine(ctx, lq)
	if err != nil {
		other = LineAssessment{} // the classifier's answer stands; the code was its own
	}
	full := map[string]Control{}
	for _, ctl := range other.Controls {
		if ctl.Coverage == "full" && ctl.Certain {
			full[ctl.List+"/"+ctl.Entry] = ctl
		}
	}
	seen := map[string]bool{}
	for _, cc := range res.Controls {
		if cc.Applies == classify.DoesNotApply {
			seen[cc.List+"/"+cc.Entry] = true
			continue
		}
		ctl := Control{Jurisdiction: cc.Jurisdiction, List: cc.List, Entry: cc.Entry, Kind: string(cc.Kind), Category: cc.Category,
			Citation: cc.Citation, Pattern: cc.Code, Coverage: string(cc.Coverage), Certain: cc.Applies == classify.Applies}
		if f, ok := full[cc.List+"/"+cc.Entry]; ok && !ctl.Certain {
			// The classifier reads codes at six digits; the declared
			// national code lies wholly inside the entry's pattern.
			ctl.Certain, ctl.Pattern, ctl.Coverage = true, f.Pattern, f.Coverage
		}
		if !ctl.Certain {
			ctl.Reason = cc.Why
		}
		if l, ok := a.cat.List(cc.List); ok {
			ctl.URL = l.Instrument.URL
			if i := slices.IndexFunc(l.Entries, func(e *lists.Entry) bool { return e.ID == cc.Entry }); i >= 0 {
				ctl.InForce = intersect(l.InForce, l.Entries[i].InForce)
			}
		}
		if t := cc.Threshold; t != nil && cc.Applies != classify.Applies {
			ctl.Threshold = &Threshold{Amount: t.Amount, Currency: t.Currency, Per: string(t.Per), PerQuantity: t.PerQuantity, Inclusive: t.Inclusive}
		}
		seen[cc.List+"/"+cc.Entry] = true
		out.Controls = append(out.Controls, ctl)
	}
	if m := res.Mismatch; m != nil && (m.Kind == classify.MismatchControlled || m.Kind == classify.MismatchRedFlag) {
		out.Mismatch = &Mismatch{Declared: m.Declared, Suggested: []string{m.Described}, Reason: fmt.Sprintf("%s: %s", m.Kind, m.Reason)}
		if len(m.Evades) > 0 {
			out.Mismatch.Entry = m.Evades[0]
		}
	}
	// Controls in force only at other dates come from the catalogue.
	for _, ctl := range other.Controls {
		if seen[ctl.List+"/"+ctl.Entry] || ctl.InForce.Contains(q.Date) {
			continue
		}
		out.Controls = append(out.Controls, ctl)
	}
	return out, nil
}
