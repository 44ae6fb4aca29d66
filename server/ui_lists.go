package server

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
)

// compareView is a comparison as the compare page shows it.
type compareView struct {
	A, B       *lists.List
	Same       []lists.HeadingRow
	Differ     []lists.HeadingRow
	OnlyA      []lists.HeadingRow
	OnlyB      []lists.HeadingRow
	Sections   []compareSection
	Thresholds []thresholdRow
	// SameDerivation are the headings where both sides copy one
	// derivation, and Origins names those derivations.
	SameDerivation []lists.HeadingRow
	Origins        string
}

type compareSection struct {
	ID, Title string
	Rows      []lists.HeadingRow
}

type thresholdRow struct{ Heading, A, B string }

// handleCompare answers GET /ui/lists/compare: what one list or
// jurisdiction controls that another does not, as "luxscreen lists compare"
// prints it. Without a and b it shows the form with EU and US filled in.
func (u *ui) handleCompare(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	data := struct {
		A, B, Date, Kind string
		Err              string
		Cmp              *compareView
	}{A: q.Get("a"), B: q.Get("b"), Kind: q.Get("kind")}
	if !q.Has("kind") {
		data.Kind = string(lists.Luxury)
	}
	asked := data.A != "" || data.B != ""
	if !asked {
		data.A, data.B = "EU", "US"
	}
	page := &uiPage{Title: "Compare lists", Nav: "compare", Data: &data}
	opts, err := u.s.lookupOptions(q, data.Kind)
	if err != nil {
		data.Err = err.Error()
		return u.render(w, r, http.StatusBadRequest, "compare", page)
	}
	data.Date = opts.Date.Format(dateLayout)
	var sides [2]*lists.List
	for i, name := range []string{data.A, data.B} {
		var ok bool
		if sides[i], ok = u.s.sys.ResolveList(name, opts); !ok {
			data.Err = fmt.Sprintf("%q is neither a list ID nor a jurisdiction with a list in force on %s: give a list ID (see Sources), UN, EU or an ISO 3166-1 alpha-2 code", name, data.Date)
			return u.render(w, r, http.StatusBadRequest, "compare", page)
		}
	}
	c := lists.Compare(sides[0], sides[1])
	a, b := sides[0].ID, sides[1].ID
	v := &compareView{A: sides[0], B: sides[1], Same: c.Same(), Differ: c.Differ(), OnlyA: c.OnlyA(), OnlyB: c.OnlyB(), SameDerivation: c.SameDerivation()}
	var origins []string
	for _, row := range v.SameDerivation {
		if !slices.Contains(origins, row.SameDerivation) {
			origins = append(origins, row.SameDerivation)
		}
	}
	v.Origins = strings.Join(origins, ", ")
	v.Sections = []compareSection{
		{"only-a", fmt.Sprintf("Controlled by %s, not by %s", a, b), v.OnlyA},
		{"only-b", fmt.Sprintf("Controlled by %s, not by %s", b, a), v.OnlyB},
		{"differ", "Controlled by both, to different extents (full = every good of the heading; partial = some, or an ex code)", v.Differ},
	}
	for _, d := range c.Thresholds {
		v.Thresholds = append(v.Thresholds, thresholdRow{d.Heading, thresholdsText(d.A), thresholdsText(d.B)})
	}
	data.Cmp = v
	return u.render(w, r, http.StatusOK, "compare", page)
}

// thresholdsText is the distinct thresholds of a heading's entries.
func thresholdsText(refs []lists.ThresholdRef) string {
	var parts []string
	for _, r := range refs {
		s := "no threshold"
		if t := r.Threshold; t != nil {
			op := ">"
			if t.Inclusive {
				op = "≥"
			}
			per := string(t.Per)
			if t.PerQuantity != 1 {
				per = fmt.Sprintf("%g %s", t.PerQuantity, t.Per)
			}
			s = fmt.Sprintf("%s %g %s per %s", op, t.Amount, t.Currency, per)
		}
		if !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

// handleGaps answers GET /ui/lists/gaps: per jurisdiction, the baseline's
// luxury categories it does not fully control, as "luxscreen lists gaps"
// prints them.
func (u *ui) handleGaps(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	data := struct {
		Baseline, Base, Date, Only string
		Err                        string
		Gaps                       []lists.Gap
		Copies                     []lists.Copy
	}{Baseline: q.Get("baseline"), Only: q.Get("only")}
	if data.Baseline == "" {
		data.Baseline = "UN"
	}
	page := &uiPage{Title: "Gaps against a baseline", Nav: "gaps", Data: &data}
	if data.Only != "" && data.Only != "none" && data.Only != "partial" {
		data.Err = fmt.Sprintf("extent %q: want none or partial", data.Only)
		return u.render(w, r, http.StatusBadRequest, "gaps", page)
	}
	opts, err := u.s.lookupOptions(q, string(lists.Luxury))
	if err != nil {
		data.Err = err.Error()
		return u.render(w, r, http.StatusBadRequest, "gaps", page)
	}
	data.Date = opts.Date.Format(dateLayout)
	data.Base = lists.CanonicalJurisdiction(data.Baseline)
	var baseLists, others []*lists.List
	for _, l := range lists.InForce(u.s.sys.Catalogue().Lists(), opts.Date, lists.Luxury) {
		if l.Jurisdiction == data.Base {
			baseLists = append(baseLists, l.At(opts.Date))
		} else {
			others = append(others, l.At(opts.Date))
		}
	}
	if len(baseLists) == 0 {
		data.Err = fmt.Sprintf("no luxury list of %q is in force on %s", data.Baseline, data.Date)
		return u.render(w, r, http.StatusBadRequest, "gaps", page)
	}
	for _, g := range lists.Gaps(baseLists, others) {
		if data.Only == "" || g.Extent.String() == data.Only {
			data.Gaps = append(data.Gaps, g)
		}
	}
	data.Copies = lists.Copies(baseLists, others)
	return u.render(w, r, http.StatusOK, "gaps", page)
}

// handleMatrix answers GET /ui/lists/matrix: the coverage of HS chapters
// or headings by jurisdiction, drawn by report's heatmap and given again
// as a table for screen readers.
func (u *ui) handleMatrix(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	data := struct {
		Level, Date, Kind string
		Err               string
		Matrix            *lists.Matrix
		SVG               template.HTML
	}{Level: q.Get("level"), Kind: q.Get("kind")}
	if data.Level == "" {
		data.Level = lists.ByChapter
	}
	if !q.Has("kind") {
		data.Kind = string(lists.Luxury)
	}
	page := &uiPage{Title: "Coverage matrix", Nav: "matrix", Data: &data}
	if data.Level != lists.ByChapter && data.Level != lists.ByHeading {
		data.Err = fmt.Sprintf("columns %q: want chapter or heading", data.Level)
		return u.render(w, r, http.StatusBadRequest, "matrix", page)
	}
	opts, err := u.s.lookupOptions(q, data.Kind)
	if err != nil {
		data.Err = err.Error()
		return u.render(w, r, http.StatusBadRequest, "matrix", page)
	}
	data.Date = opts.Date.Format(dateLayout)
	m, err := lists.NewMatrix(lists.InForce(u.s.sys.Catalogue().Lists(), opts.Date, opts.Kinds...), data.Level, opts.Date)
	if err != nil {
		data.Err = err.Error()
		return u.render(w, r, http.StatusBadRequest, "matrix", page)
	}
	var svg bytes.Buffer
	if err := report.WriteMatrixSVG(&svg, m, nil); err != nil {
		return fmt.Errorf("server: ui: matrix: %w", err)
	}
	data.Matrix = m
	// The SVG is report's own rendering, every text in it XML-escaped
	// there; it is trusted as markup here.
	data.SVG = template.HTML(svg.String())
	return u.render(w, r, http.StatusOK, "matrix", page)
}

// handleSources answers GET /ui/lists/sources: the provenance of every
// control list, as "luxscreen lists sources" prints it.
func (u *ui) handleSources(w http.ResponseWriter, r *http.Request) error {
	srcs := lists.Sources(u.s.sys.Catalogue().Lists())
	data := struct {
		Sources []lists.Source
		All     lists.Counts
		Entries int
	}{Sources: srcs}
	for _, s := range srcs {
		data.All = data.All.Plus(s.Counts)
		data.Entries += s.Entries
	}
	return u.render(w, r, http.StatusOK, "sources", &uiPage{Title: "Sources of the control lists", Nav: "sources", Data: data})
}
