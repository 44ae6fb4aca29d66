package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/rules"
)

// The page, its styles and its script are data, kept in their own files.
var (
	//go:embed report.html.tmpl
	pageTemplate string
	//go:embed report.css
	pageCSS string
	//go:embed report.js
	pageJS string
)

// DefaultDetailBudget is the size, in bytes, of the findings shown in full
// (messages, evidence and sources) in a report whose [Meta] does not set
// one. The default also gives way to the rows of a large batch, so that a
// report of twenty thousand shipments stays under about three megabytes,
// which a browser opens in seconds.
const DefaultDetailBudget = 1 << 20

// Meta describes a report as a whole.
type Meta struct {
	// Title is the report's heading; empty means "Shipment screening
	// report".
	Title string
	// Source names the input the decisions were made from, such as a file
	// name.
	Source string
	// Generated is when the report was made.
	Generated time.Time
	// Tool names the program and command that made the report, such as
	// "luxscreen check".
	Tool string
	// Warnings are shown prominently at the top: that the parties were
	// screened against a demonstration list, for instance.
	Warnings []string
	// DetailBudget caps, in bytes, the findings shown in full with their
	// evidence and citations. Cases past it, blocked ones kept first,
	// are listed with their rules and shipments only, and the report says
	// so. Zero means [DefaultDetailBudget]; a negative budget shows every
	// finding in full whatever the size.
	DetailBudget int
}

// HTMLWriter writes an HTML report. Create it with [NewHTMLWriter], call
// Write for each decision (and WriteError for each shipment that could not
// be judged) in input order, then Close. Its methods must be called from
// one goroutine.
//
// The report leads with a summary, then the shipments that need a person
// (blocked, under review, not judged) with their findings in full, then
// the clear shipments as one compact row each. Since the summary needs
// every decision, the writer keeps what it shows until Close: one short
// row per shipment, and the findings of each distinct case once.
type HTMLWriter struct {
	w      io.Writer
	t      *template.Template
	meta   Meta
	budget int
	n      int // shipments written, numbering their anchors
	count  map[rules.Verdict]int
	vers   []versionSet
	cases  []*caseGroup
	caseOf map[[sha256.Size]byte]*caseGroup
	// kept is the size of the findings held for each verdict's cases;
	// those that cannot fit in the budget are not held.
	kept  map[rules.Verdict]int
	clear []shipmentRow
	errs  []shipmentRow
	rules map[string]*ruleCount
	// cites numbers the sources cited by the findings of the shipments
	// that need a person; the findings link to them, and the list of
	// sources shows each once, where a batch would repeat it thousands
	// of times.
	cites    map[rules.Citation]int
	citeList []rules.Citation
	buf      bytes.Buffer // a decision's findings, while they are matched
	err      error        // the first write error; later calls return it
}

// shipmentRow is what the report keeps of one shipment: its row.
type shipmentRow struct {
	N          int // position in the input, from 1; the row's anchor
	ID         string
	AsOf       string
	DecisionID string
	// Notes are the rules of a clear shipment's informational findings,
	// and the message of a shipment that was not judged.
	Notes string
}

// caseGroup is the shipments of one verdict whose findings are the same to
// the byte as shown: the findings are shown once, then the shipments.
type caseGroup struct {
	verdict  rules.Verdict
	findings template.HTML
	held     bool // whether findings are kept to be shown in full
	size     int  // of findings, whether held or not
	rules    []ruleSeverity
	rows     []shipmentRow
}

type ruleSeverity struct {
	Rule     string
	Severity rules.Severity
}

// ruleCount counts the findings of one rule.
type ruleCount struct {
	shipments           int
	block, review, info int
	firstCase           *caseGroup
}

// versionSet is one distinct combination of the data decisions were made
// with. All the decisions of one run normally share one.
type versionSet struct {
	rules.Versions
	Decisions int
}

// NewHTMLWriter writes the start of a report to w and returns a writer for
// its decisions.
func NewHTMLWriter(w io.Writer, meta Meta) (*HTMLWriter, error) {
	t, err := parseTemplate()
	if err != nil {
		return nil, err
	}
	if meta.Title == "" {
		meta.Title = "Shipment screening report"
	}
	budget := meta.DetailBudget
	switch {
	case budget == 0:
		budget = DefaultDetailBudget
	case budget < 0:
		budget = int(^uint(0) >> 1)
	}
	h := &HTMLWriter{
		w: w, t: t, meta: meta, budget: budget,
		count:  map[rules.Verdict]int{},
		caseOf: map[[sha256.Size]byte]*caseGroup{},
		kept:   map[rules.Verdict]int{},
		rules:  map[string]*ruleCount{},
		cites:  map[rules.Citation]int{},
	}
	h.exec(w, "head", struct {
		Meta
		CSS template.CSS
	}{meta, template.CSS(pageCSS)})
	return h, h.err
}

func parseTemplate() (*template.Template, error) {
	t, err := template.New("report").Funcs(template.FuncMap{
		"upper":    strings.ToUpper,
		"subject":  Subject,
		"datetime": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 MST") },
		"short":    func(s string) string { return s[:min(len(s), 12)] },
		"num":      thousands,
		"rowsOf": func(rows []shipmentRow) rowsView {
			return rowsView{rows, slices.ContainsFunc(rows, func(r shipmentRow) bool { return r.Notes != "" })}
		},
	}).Parse(pageTemplate)
	if err != nil {
		return nil, fmt.Errorf("report: template: %w", err)
	}
	return t, nil
}

func (h *HTMLWriter) exec(w io.Writer, name string, data any) {
	if h.err != nil {
		return
	}
	if err := h.t.ExecuteTemplate(w, name, data); err != nil {
		h.err = fmt.Errorf("report: %w", err)
	}
}

// Write adds one decision to the report.
func (h *HTMLWriter) Write(d *rules.Decision) error {
	if h.err != nil {
		return h.err
	}
	h.n++
	h.count[d.Verdict]++
	h.addVersions(d.Versions)
	row := shipmentRow{N: h.n, ID: d.ID, AsOf: d.AsOf, DecisionID: d.DecisionID}
	seen := make([]string, 0, len(d.Findings))
	for _, f := range d.Findings {
		rc := h.rules[f.Rule]
		if rc == nil {
			rc = &ruleCount{}
			h.rules[f.Rule] = rc
		}
		switch f.Severity {
		case rules.Block:
			rc.block++
		case rules.Review:
			rc.review++
		default:
			rc.info++
		}
		if !slices.Contains(seen, f.Rule) {
			seen = append(seen, f.Rule)
			rc.shipments++
		}
	}
	if d.Verdict == rules.VerdictClear {
		// A clear shipment needs no one; its informational findings, if
		// a rule set lowered some rules to info, are named by rule.
		row.Notes = strings.Join(seen, " ")
		h.clear = append(h.clear, row)
		return nil
	}
	c, err := h.caseFor(d)
	if err != nil {
		return err
	}
	c.rows = append(c.rows, row)
	for _, r := range seen {
		if rc := h.rules[r]; rc.firstCase == nil {
			rc.firstCase = c
		}
	}
	return nil
}

// caseFor returns the case of d's findings, starting one if no shipment
// before had the same. The findings are rendered to be compared, since
// what matters is that they read the same.
func (h *HTMLWriter) caseFor(d *rules.Decision) (*caseGroup, error) {
	h.buf.Reset()
	h.buf.WriteString(string(d.Verdict))
	h.buf.WriteByte(0)
	prefix := h.buf.Len()
	h.exec(&h.buf, "findings", h.findingViews(d.Findings))
	if h.err != nil {
		return nil, h.err
	}
	key := sha256.Sum256(h.buf.Bytes())
	if c, ok := h.caseOf[key]; ok {
		return c, nil
	}
	shown := h.buf.Bytes()[prefix:]
	c := &caseGroup{verdict: d.Verdict, size: len(shown)}
	for _, f := range d.Findings {
		c.rules = append(c.rules, ruleSeverity{f.Rule, f.Severity})
	}
	// Hold the findings only if they can still be shown: blocked cases
	// come first on the page, so a review case fits only in what blocked
	// ones leave.
	used := h.kept[rules.VerdictBlock]
	if d.Verdict != rules.VerdictBlock {
		used += h.kept[d.Verdict]
	}
	if used+c.size <= h.budget {
		c.findings = template.HTML(shown) // rendered by html/template above
		c.held = true
		h.kept[d.Verdict] += c.size
	}
	h.caseOf[key] = c
	h.cases = append(h.cases, c)
	return c, nil
}

// findingView is a finding as the page shows it: its sources by number.
type findingView struct {
	rules.Finding
	Cites []citeRef
}

// citeRef is a finding's link to a source in the list of sources.
type citeRef struct {
	N         int
	Kind, Ref string
}

func (h *HTMLWriter) findingViews(fs []rules.Finding) []findingView {
	out := make([]findingView, len(fs))
	for i, f := range fs {
		out[i].Finding = f
		for _, c := range f.Citation {
			n, ok := h.cites[c]
			if !ok {
				h.citeList = append(h.citeList, c)
				n = len(h.citeList)
				h.cites[c] = n
			}
			out[i].Cites = append(out[i].Cites, citeRef{n, c.Kind, c.Ref})
		}
	}
	return out
}

// sourceView is a source in the list of sources.
type sourceView struct {
	rules.Citation
	N int
}

// WriteError adds a shipment that could not be read or judged, so that the
// report shows it rather than leave it out. where names it (a file and
// line, or a shipment ID).
func (h *HTMLWriter) WriteError(where string, err error) error {
	if h.err != nil {
		return h.err
	}
	h.n++
	h.errs = append(h.errs, shipmentRow{N: h.n, ID: where, Notes: err.Error()})
	return nil
}

func (h *HTMLWriter) addVersions(v rules.Versions) {
	for i := range h.vers {
		if equalVersions(h.vers[i].Versions, v) {
			h.vers[i].Decisions++
			return
		}
	}
	h.vers = append(h.vers, versionSet{Versions: v, Decisions: 1})
}

func equalVersions(a, b rules.Versions) bool {
	return a.Rules == b.Rules && a.Goods == b.Goods && slices.Equal(a.Sanctions, b.Sanctions)
}

// Close writes the report: the summary, the shipments that need a person
// and the clear ones. It does not close the underlying writer.
func (h *HTMLWriter) Close() error {
	return h.close(nil)
}

// CloseIncomplete ends the report as Close does, saying at its top that it
// is incomplete because of err: the run stopped before the end of its
// input, and the shipments after that point are not in it.
func (h *HTMLWriter) CloseIncomplete(err error) error {
	return h.close(err)
}

// Views of the page's parts for the template.
type (
	tileView struct {
		Class, Label string
		N            int
	}
	ruleView struct {
		Rule                string
		Shipments           int
		Block, Review, Info int
		FirstCase           string
	}
	// rowsView is a table of shipments; Notes says whether any has
	// informational findings, which take a column.
	rowsView struct {
		Rows  []shipmentRow
		Notes bool
	}
	caseView struct {
		Anchor   string
		Verdict  rules.Verdict
		Findings template.HTML
		Rules    []ruleSeverity
		RuleIDs  string
		Rows     []shipmentRow
	}
)

func (h *HTMLWriter) close(stopped error) error {
	if h.err != nil {
		return h.err
	}
	stoppedMsg := ""
	if stopped != nil {
		stoppedMsg = stopped.Error()
	}
	total := len(h.errs)
	for _, n := range h.count {
		total += n
	}
	tiles := []tileView{
		{"block", "Block", h.count[rules.VerdictBlock]},
		{"review", "Review", h.count[rules.VerdictReview]},
		{"clear", "Clear", h.count[rules.VerdictClear]},
	}
	if len(h.errs) > 0 {
		tiles = append(tiles, tileView{"error", "Not judged", len(h.errs)})
	}
	full, compact := h.arrange()
	anchors := map[*caseGroup]string{}
	cases := make([]caseView, len(full))
	for i, c := range full {
		a := "c" + strconv.Itoa(i+1)
		anchors[c] = a
		cases[i] = caseView{a, c.verdict, c.findings, c.rules, ruleIDs(c.rules), c.rows}
	}
	var compactRows []compactRow
	for _, c := range compact {
		anchors[c] = "compact"
		ids := ruleIDs(c.rules)
		for _, r := range c.rows {
			compactRows = append(compactRows, compactRow{r, c.verdict, ids})
		}
	}
	var ruleViews []ruleView
	findings := 0
	for id, rc := range h.rules {
		findings += rc.block + rc.review + rc.info
		ruleViews = append(ruleViews, ruleView{id, rc.shipments, rc.block, rc.review, rc.info, anchors[rc.firstCase]})
	}
	// The rules that block first, then by how many shipments they hold
	// for: the order a reader works through them.
	slices.SortFunc(ruleViews, func(a, b ruleView) int {
		if (a.Block > 0) != (b.Block > 0) {
			if a.Block > 0 {
				return -1
			}
			return 1
		}
		if a.Shipments != b.Shipments {
			return b.Shipments - a.Shipments
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	sources := make([]sourceView, len(h.citeList))
	for i, c := range h.citeList {
		sources[i] = sourceView{c, i + 1}
	}
	attention := h.count[rules.VerdictBlock] + h.count[rules.VerdictReview] + len(h.errs)
	bw := bufio.NewWriterSize(h.w, 64<<10)
	h.exec(bw, "body", struct {
		Meta
		Stopped   string
		Total     int
		Attention int
		Tiles     []tileView
		Findings  int
		Rules     []ruleView
		Versions  []versionSet
		Cases     []caseView
		Compact   []compactRow
		Budget    int
		Errors    []shipmentRow
		Sources   []sourceView
		Clear     []shipmentRow
		JS        template.JS
	}{h.meta, stoppedMsg, total, attention, tiles, findings, ruleViews, h.vers,
		cases, compactRows, h.budget, h.errs, sources, h.clear, template.JS(pageJS)})
	if h.err == nil {
		if err := bw.Flush(); err != nil {
			h.err = fmt.Errorf("report: %w", err)
		}
	}
	if h.err == nil {
		h.err = errClosed
		return nil
	}
	return h.err
}

// compactRow is a shipment of a case whose findings are past the budget:
// its row names the case's verdict and rules.
type compactRow struct {
	shipmentRow
	Verdict rules.Verdict
	Rules   string
}

// ruleIDs lists the distinct rules of a case, space-separated.
func ruleIDs(rs []ruleSeverity) string {
	ids := make([]string, 0, len(rs))
	for _, r := range rs {
		if !slices.Contains(ids, r.Rule) {
			ids = append(ids, r.Rule)
		}
	}
	return strings.Join(ids, " ")
}

// pageTarget is the size the default budget keeps a report under, as far
// as it can without leaving a shipment out: a page a browser opens in a
// few seconds and a mail server takes.
const pageTarget = 2_900_000

// Estimates of the markup around a shipment's row and a case's findings,
// in bytes, for keeping the page near pageTarget.
const (
	rowMarkup  = 40
	caseMarkup = 1000
	pageMarkup = 40 << 10
)

// arrange orders the cases as the page shows them, blocked before under
// review and each in input order, and splits those whose findings are
// shown in full from those past the budget. The default budget also gives
// way to the rows of a large batch, which must all be there, so that the
// page stays near pageTarget; a budget the caller set is kept as it is.
func (h *HTMLWriter) arrange() (full, compact []*caseGroup) {
	ordered := make([]*caseGroup, 0, len(h.cases))
	for _, v := range []rules.Verdict{rules.VerdictBlock, rules.VerdictReview} {
		for _, c := range h.cases {
			if c.verdict == v {
				ordered = append(ordered, c)
			}
		}
	}
	for _, c := range h.cases {
		if c.verdict != rules.VerdictBlock && c.verdict != rules.VerdictReview {
			ordered = append(ordered, c)
		}
	}
	// page starts as if every case were listed in compact rows; showing a
	// case in full adds its findings and saves the verdict and rules of
	// its rows.
	page, limit := pageMarkup, pageTarget
	if h.meta.DetailBudget != 0 {
		limit = int(^uint(0) >> 1)
	}
	for _, r := range h.clear {
		page += rowMarkup + len(r.ID) + len(r.AsOf) + len(r.Notes) + 12
	}
	for _, r := range h.errs {
		page += rowMarkup + len(r.ID) + len(r.Notes)
	}
	saved := make([]int, len(ordered))
	for i, c := range ordered {
		per := len(c.verdict) + len(ruleIDs(c.rules)) + 10
		for _, r := range c.rows {
			page += rowMarkup + len(r.ID) + len(r.AsOf) + 12 + per
		}
		saved[i] = per * len(c.rows)
	}
	used := 0
	for i, c := range ordered {
		grow := c.size + caseMarkup - saved[i]
		if c.held && used+c.size <= h.budget && (grow <= 0 || page+grow <= limit) {
			used += c.size
			page += grow
			full = append(full, c)
			continue
		}
		c.findings, c.held = "", false
		compact = append(compact, c)
	}
	return full, compact
}

var errClosed = errors.New("report: writer is closed")

// WriteHTML writes a whole report of the decisions to w.
func WriteHTML(w io.Writer, decisions iter.Seq[*rules.Decision], meta Meta) error {
	h, err := NewHTMLWriter(w, meta)
	if err != nil {
		return err
	}
	for d := range decisions {
		if err := h.Write(d); err != nil {
			return err
		}
	}
	return h.Close()
}

// Subject says what a piece of evidence is about: "line 2", "consignee: Do
// Young Shipping", "vessel DN5505", "port RUNJK Nakhodka", or the name of a
// shipment field ("destination"); "" for evidence about the shipment as a
// whole.
func Subject(ev rules.Evidence) string {
	switch {
	case ev.Line > 0:
		return "line " + strconv.Itoa(ev.Line)
	case ev.Party != "":
		return ev.Party
	case ev.Vessel != "":
		return "vessel " + ev.Vessel
	case ev.Port != "":
		return "port " + ev.Port
	case ev.Field != "":
		return ev.Field
	}
	return ""
}

// thousands writes n with commas between groups of three digits, as the
// counts of a large batch read best.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
