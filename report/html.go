package report

import (
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
}

// HTMLWriter writes an HTML report one decision at a time. Create it with
// [NewHTMLWriter], call Write for each decision (and WriteError for each
// shipment that could not be judged) in the order they should appear, then
// Close. Its methods must be called from one goroutine.
type HTMLWriter struct {
	w     io.Writer
	t     *template.Template
	meta  Meta
	n     int // sections written
	rows  []row
	count map[rules.Verdict]int
	errs  int
	vers  []versionSet
	err   error // the first write error; later calls return it
}

// row is what the findings table keeps of one finding until Close.
type row struct {
	anchor   string
	id       string
	verdict  rules.Verdict
	severity rules.Severity
	rule     string
	message  string
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
	h := &HTMLWriter{w: w, t: t, meta: meta, count: map[rules.Verdict]int{}}
	h.exec("head", struct {
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
	}).Parse(pageTemplate)
	if err != nil {
		return nil, fmt.Errorf("report: template: %w", err)
	}
	return t, nil
}

func (h *HTMLWriter) exec(name string, data any) {
	if h.err != nil {
		return
	}
	if err := h.t.ExecuteTemplate(h.w, name, data); err != nil {
		h.err = fmt.Errorf("report: %w", err)
	}
}

// Write adds one decision's section to the report.
func (h *HTMLWriter) Write(d *rules.Decision) error {
	if h.err != nil {
		return h.err
	}
	h.n++
	anchor := "d" + strconv.Itoa(h.n)
	h.count[d.Verdict]++
	h.addVersions(d.Versions)
	for _, f := range d.Findings {
		h.rows = append(h.rows, row{anchor: anchor, id: d.ID, verdict: d.Verdict, severity: f.Severity, rule: f.Rule, message: f.Message})
	}
	if len(d.Findings) == 0 {
		h.rows = append(h.rows, row{anchor: anchor, id: d.ID, verdict: d.Verdict, message: "no findings"})
	}
	h.exec("decision", struct {
		Anchor string
		*rules.Decision
	}{anchor, d})
	return h.err
}

// WriteError adds a section for a shipment that could not be read or
// judged, so that the report shows it rather than leave it out. where names
// it (a file and line, or a shipment ID).
func (h *HTMLWriter) WriteError(where string, err error) error {
	if h.err != nil {
		return h.err
	}
	h.n++
	h.errs++
	anchor := "d" + strconv.Itoa(h.n)
	h.rows = append(h.rows, row{anchor: anchor, id: where, verdict: "error", message: err.Error()})
	h.exec("error", struct{ Anchor, Where, Message string }{anchor, where, err.Error()})
	return h.err
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

// Close writes the summary, the findings table and the script, which end
// the report. It does not close the underlying writer.
func (h *HTMLWriter) Close() error {
	return h.close(nil)
}

// CloseIncomplete ends the report as Close does, saying at its top that it
// is incomplete because of err: the run stopped before the end of its
// input, and the shipments after that point are not in it.
func (h *HTMLWriter) CloseIncomplete(err error) error {
	return h.close(err)
}

func (h *HTMLWriter) close(stopped error) error {
	if h.err != nil {
		return h.err
	}
	stoppedMsg := ""
	if stopped != nil {
		stoppedMsg = stopped.Error()
	}
	type tile struct {
		Class, Label string
		N            int
	}
	total := h.errs
	for _, n := range h.count {
		total += n
	}
	tiles := []tile{
		{"block", "Block", h.count[rules.VerdictBlock]},
		{"review", "Review", h.count[rules.VerdictReview]},
		{"clear", "Clear", h.count[rules.VerdictClear]},
	}
	if h.errs > 0 {
		tiles = append(tiles, tile{"error", "Not judged", h.errs})
	}
	var ruleIDs []string
	type tableRow struct {
		Anchor, ID, Verdict, Severity, Rule, Message string
		// First marks a shipment's first row; each shipment's rows are
		// a tbody of their own.
		First bool
	}
	rows := make([]tableRow, len(h.rows))
	for i, r := range h.rows {
		sev := string(r.severity)
		if sev == "" {
			sev = "none"
		}
		first := i == 0 || h.rows[i-1].anchor != r.anchor
		rows[i] = tableRow{r.anchor, r.id, string(r.verdict), sev, r.rule, r.message, first}
		if r.rule != "" && !slices.Contains(ruleIDs, r.rule) {
			ruleIDs = append(ruleIDs, r.rule)
		}
	}
	slices.Sort(ruleIDs)
	h.exec("tail", struct {
		Meta
		Stopped  string
		Total    int
		Tiles    []tile
		Findings int
		Rows     []tableRow
		Rules    []string
		Versions []versionSet
		JS       template.JS
	}{h.meta, stoppedMsg, total, tiles, h.findings(), rows, ruleIDs, h.vers, template.JS(pageJS)})
	if h.err == nil {
		h.err = errClosed
		return nil
	}
	return h.err
}

var errClosed = errors.New("report: writer is closed")

func (h *HTMLWriter) findings() int {
	n := 0
	for _, r := range h.rows {
		if r.rule != "" {
			n++
		}
	}
	return n
}

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
