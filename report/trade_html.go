package report

import (
	"bufio"
	"cmp"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/lists"

	"github.com/luxscreen/luxscreen/trade"
)

// WriteTradeHTML writes the trade report r as one self-contained HTML page: the
// summary, for each commodity code and direction a chart of value by
// period and one of unit value by period (per counterparty, with the
// periods under a ban shaded and the anomalous unit values ringed), the
// table of flows with their verdicts and citations, and the entries cited.
func WriteTradeHTML(w io.Writer, r *trade.Report) error {
	if len(r.Flows) < r.FlowCount() {
		// The charts group the flows by code and direction, so the flows
		// of a streamed report are collected.
		held := *r
		held.Flows = make([]trade.FlowResult, 0, r.FlowCount())
		for f := range r.All() {
			held.Flows = append(held.Flows, *f)
		}
		r = &held
	}
	bw := bufio.NewWriter(w)
	esc := html.EscapeString
	fmt.Fprintf(bw, `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trade with the DPRK: %s</title>
<style>%s</style></head><body>
`, esc(r.File), pageStyle)
	fmt.Fprintf(bw, "<h1>Trade flows to and from the DPRK</h1>\n<p class=\"meta\">%s</p>\n", esc(summaryText(r)))
	writeVerdictBadges(bw, r)
	writeConventions(bw, r)
	for i, g := range chartGroups(r.Flows) {
		writeChartGroup(bw, g, i)
	}
	writeFlowTable(bw, r)
	writeTradeNotesHTML(bw, r)
	fmt.Fprintln(bw, "</body></html>")
	return bw.Flush()
}

// writeVerdictBadges writes the count of flows by verdict.
func writeVerdictBadges(w io.Writer, r *trade.Report) {
	esc := html.EscapeString
	fmt.Fprint(w, `<p class="verdicts">`)
	counts := map[trade.Verdict]int{}
	for f := range r.All() {
		counts[f.Assessment.Verdict]++
	}
	for _, v := range []trade.Verdict{trade.ProhibitedUN, trade.ProhibitedReporter, trade.Review, trade.LuxuryNotListed, trade.LuxuryNoReporterList, trade.NotControlled} {
		if counts[v] > 0 {
			fmt.Fprintf(w, `<span class="badge %s" title="%s">%s <b>%d</b></span> `, v, esc(v.Describe()), v, counts[v])
		}
	}
	fmt.Fprintln(w, "</p>")
}

// writeChartGroup writes the section of one code and direction with its
// value and unit-value charts; n numbers the group's charts.
func writeChartGroup(w io.Writer, g chartGroup, n int) {
	esc := html.EscapeString
	fmt.Fprintf(w, "<section class=\"group\"><h2>HS %s · %s</h2>\n", esc(g.code), esc(directionText(g.dir)))
	value, uv, spans := g.charts(n)
	if value != nil {
		fmt.Fprint(w, "<figure>")
		value.write(w)
		fmt.Fprintln(w, "</figure>")
	}
	if uv != nil {
		fmt.Fprint(w, "<figure>")
		uv.write(w)
		fmt.Fprintln(w, "</figure>")
	} else {
		fmt.Fprintln(w, `<p class="note">No quantity or net weight is reported for these flows, so there are no unit values to chart.</p>`)
	}
	if len(spans) > 0 {
		fmt.Fprintf(w, "<p class=\"note\">Multi-year totals are not drawn on the value chart (they are in the table); their unit values, averages over the span, are drawn as dashed bars: %s.</p>\n", esc(strings.Join(spans, "; ")))
	}
	fmt.Fprintln(w, "</section>")
}

// writeFlowTable writes the table of flows with their verdicts, unit
// values and citations.
func writeFlowTable(w io.Writer, r *trade.Report) {
	esc := html.EscapeString
	fmt.Fprintln(w, "<h2>Flows</h2>\n<div class=\"scroll\"><table id=\"flows\">")
	hasQty, hasKg := hasUnitValues(r)
	fmt.Fprint(w, "<thead><tr><th>Period</th><th>Reporter</th><th>Partner</th><th>Flow</th><th>Code</th><th class=\"n\">Value USD</th>")
	if hasQty {
		fmt.Fprint(w, "<th class=\"n\">Quantity</th><th class=\"n\">USD / unit</th><th>vs peers</th>")
	}
	if hasKg {
		fmt.Fprint(w, "<th class=\"n\">Net kg</th><th class=\"n\">USD / kg</th><th>vs peers (kg)</th>")
	}
	fmt.Fprintln(w, "<th class=\"verdict\">Verdict</th><th>Basis</th><th title=\"the lists of the side that is not the DPRK: the reporter's, its union's\">National list</th><th>Rows</th></tr></thead><tbody>")
	for f := range r.All() {
		a := f.Assessment
		qty := ""
		if f.QuantityUnit != "" {
			qty = amount(f.Quantity) + " " + f.QuantityUnit
		}
		basis := "—"
		if b := a.Basis; b != nil {
			basis = fmt.Sprintf(`<span title="%s">%s</span> <span class="cov">%s · %s</span>`, esc(b.Entry+": "+b.Category), esc(citationLabel(*b)), esc(string(a.Coverage)), esc(inForceWord(a.WholePeriod)))
		}
		lines := make([]string, len(f.Lines))
		for i, l := range f.Lines {
			lines[i] = fmt.Sprint(l)
		}
		fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"n\">%s</td>",
			f.Period, esc(countryShort(f.Reporter)), esc(countryShort(f.Partner)), f.Kind, esc(f.CodeText), money(f.ValueUSD))
		if hasQty {
			fmt.Fprintf(w, "<td class=\"n\">%s</td><td class=\"n\">%s</td><td>%s</td>", esc(qty), unitCell(f.PerQuantity), uvCell(f.PerQuantity))
		}
		if hasKg {
			kg := ""
			if f.NetWeightKg > 0 {
				kg = amount(f.NetWeightKg)
			}
			fmt.Fprintf(w, "<td class=\"n\">%s</td><td class=\"n\">%s</td><td>%s</td>", kg, unitCell(f.PerKg), uvCell(f.PerKg))
		}
		fmt.Fprintf(w, "<td class=\"verdict\"><span class=\"badge %s\" title=\"%s\">%s</span></td><td>%s</td><td>%s</td><td title=\"lines %s\">%d</td></tr>\n",
			a.Verdict, esc(a.Reason), a.Verdict, basis, esc(reporterListText(a)), strings.Join(lines, ", "), f.Rows)
	}
	fmt.Fprintln(w, "</tbody></table></div>")
}

// writeTradeNotesHTML writes the entries in force for part of a period,
// the entries deciding a verdict, and the rows not added.
func writeTradeNotesHTML(w io.Writer, r *trade.Report) {
	esc := html.EscapeString
	if notes := partPeriodNotes(r); len(notes) > 0 {
		fmt.Fprintln(w, "<h2>Entries in force for part of a period</h2><p class=\"note\">The verdict rests on entries in force throughout the period; these took effect (or ended) within it, so part of the period's trade falls under them.</p><ul>")
		for _, n := range notes {
			fmt.Fprintf(w, "<li>%s</li>\n", esc(n))
		}
		fmt.Fprintln(w, "</ul>")
	}
	if cs := citedEntries(r); len(cs) > 0 {
		fmt.Fprintln(w, "<h2>Entries deciding a verdict</h2><div class=\"scroll\"><table><thead><tr><th>Entry</th><th>Jurisdiction</th><th>Citation</th><th>Basis, confidence</th><th>Code</th><th>In force</th><th>Category</th></tr></thead><tbody>")
		for _, c := range cs {
			fmt.Fprintf(w, "<tr><td><code>%s</code></td><td>%s</td><td>%s</td><td>%s, %s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", esc(c.Entry), esc(c.Jurisdiction), esc(c.Citation),
				esc(string(c.Basis)), esc(string(c.Confidence)), esc(c.PatternText()), esc(c.Span()), esc(c.Category))
		}
		fmt.Fprintln(w, "</tbody></table></div>")
	}
	if len(r.Duplicates) > 0 || r.ErrorCount > 0 {
		fmt.Fprintln(w, "<h2>Rows not added</h2><ul>")
		for _, d := range r.Duplicates {
			fmt.Fprintf(w, "<li>%s:%d repeats line %d (identical; not added twice)</li>\n", esc(r.File), d.Line, d.SameAs)
		}
		for _, e := range r.Errors {
			fmt.Fprintf(w, "<li>%s</li>\n", esc(e.Error()))
		}
		if r.ErrorCount > len(r.Errors) {
			fmt.Fprintf(w, "<li>… and %d more unreadable rows</li>\n", r.ErrorCount-len(r.Errors))
		}
		fmt.Fprintln(w, "</ul>")
	}
}

const pageStyle = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#222;line-height:1.4}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta,.note{color:#555}.note{font-size:13px}
figure{margin:8px 0}figure svg{max-width:100%;height:auto;display:block}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{border-bottom:1px solid #e4e4e4;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f5f5f5;position:sticky;top:0}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap;border:1px solid transparent}
.prohibited-un{background:#f6cfcd;border-color:#d9534f}.prohibited-reporter{background:#ddd3f3;border-color:#7b61c4}
.review{background:#fff0b3;border-color:#c9a300}.luxury-not-listed,.luxury-no-reporter-list{background:#fbe3b8;border-color:#e0a030}
.not-controlled{background:#e6f2e6;border-color:#6aa86a}
.cov{color:#666;font-size:12px;white-space:nowrap}.why{color:#666;font-size:12px}.flag{color:#c00;font-weight:700}
details{background:#fafafa;border:1px solid #e4e4e4;border-radius:6px;padding:6px 12px;margin:12px 0}
@media print{
@page{size:A4 landscape;margin:10mm}
body{margin:0;max-width:none;padding:0;font-size:9pt}
h2{break-after:avoid;page-break-after:avoid}
figure{break-inside:avoid;page-break-inside:avoid}
.scroll{overflow:visible}
table{font-size:7.5pt;table-layout:auto}
thead{display:table-header-group}
th{position:static}
th,td{padding:2px 3px}
tr{break-inside:avoid;page-break-inside:avoid}
td.n,th.n,.cov{white-space:normal}
.cov,.why{font-size:6.5pt}
.badge{white-space:normal;font-size:7pt;padding:0 4px}
.verdict{min-width:5em}
.badge,.flag{-webkit-print-color-adjust:exact;print-color-adjust:exact}
details::details-content{content-visibility:visible;display:block}
}
`

// summaryText is the one-line account of what was read.
func summaryText(r *trade.Report) string {
	s := fmt.Sprintf("%s (%s layout): %d rows read, %d to or from the DPRK in %d flows", r.File, r.Layout, r.Rows, r.DPRKRows, r.FlowCount())
	if r.Breakdown > 0 {
		s += fmt.Sprintf("; %d breakdown rows counted, not added", r.Breakdown)
	}
	if len(r.Duplicates) > 0 {
		s += fmt.Sprintf("; %d duplicate rows not added", len(r.Duplicates))
	}
	if r.ErrorCount > 0 {
		s += fmt.Sprintf("; %d rows could not be read", r.ErrorCount)
	}
	return s + "."
}

func writeConventions(w io.Writer, r *trade.Report) {
	t := r.Thresholds
	fmt.Fprintf(w, `<details open><summary>How to read this page</summary>
<ul>
<li><b>Time.</b> A statistic covers a year or a month, not a day. An entry counts if it was in force on any day of the period; the verdict rests on entries in force for the whole period first, and entries that took effect (or ended) within the period are listed as in force for part of it. An annual 2017 flow of cars is thus judged under UNSCR 2094 (2013) and cites UNSCR 2397 (adopted 22 December 2017) for part of the year; 2018 and 2019 flows fall under UNSCR 2397 paragraph 7 whole.</li>
<li><b>Coverage.</b> <i>full</i>: the entry controls every good under the flow's code; <i>ex</i>: only the goods its category describes (luxury cars within heading 8703); <i>partial</i>: the flow's code is wider than the entry's (a 4-digit flow against a 6-digit entry), so some of its goods are controlled.</li>
<li><b>Verdicts.</b> prohibited-un, then prohibited-reporter (the reporter's own list, or its union's), then luxury-not-listed (another jurisdiction's luxury list covers it, the reporter's does not) or luxury-no-reporter-list (the catalogue holds no list of the reporter's), then not-controlled; review when the code cannot be assessed or only a watch list covers it.</li>
<li><b>Unit values</b> are value ÷ quantity and value ÷ net weight, per reporter, partner, code and period. Each is compared with the same reporter's flows of the same code and period to other partners: flagged when it is at least ×%g (or ÷%g) the peers' median, with at least %d peers, and its robust z-score (distance from the median over 1.4826 × the median absolute deviation) is at least %g when the peers vary.</li>
</ul></details>
`, t.MinRatio, t.MinRatio, t.MinPeers, t.Z)
}

func directionText(d lists.Direction) string {
	if d == lists.ImportFrom {
		return "procurement from the DPRK"
	}
	return "supply to the DPRK"
}

func citationLabel(c trade.Citation) string {
	if c.Jurisdiction == "UN" {
		return c.Citation
	}
	return c.Jurisdiction + ": " + c.Citation
}

// uvCell writes a peer comparison as the ratio, flagged if it is, over
// the median and number of peers in small type.
func uvCell(u trade.UnitValue) string {
	switch {
	case u.Known && u.PeerMedian > 0:
		s := fmt.Sprintf("×%.2f", u.Ratio)
		if u.Flag != "" {
			s = fmt.Sprintf(`<span class="flag">%s ×%.2f</span>`, u.Flag, u.Ratio)
		}
		return fmt.Sprintf(`%s<br><span class="cov">median %s, %d peers</span>`, s, unitMoney(u.PeerMedian), u.Peers)
	case u.Known:
		return `<span class="why">` + html.EscapeString(u.Note) + `</span>`
	}
	return ""
}

// chartGroup is the flows of one code in one direction.
type chartGroup struct {
	code  string
	dir   lists.Direction
	flows []trade.FlowResult
}

func chartGroups(fs []trade.FlowResult) []chartGroup {
	var out []chartGroup
	for _, f := range fs {
		i := slices.IndexFunc(out, func(g chartGroup) bool { return g.code == f.CodeText && g.dir == f.Assessment.Direction })
		if i < 0 {
			out = append(out, chartGroup{code: f.CodeText, dir: f.Assessment.Direction})
			i = len(out) - 1
		}
		out[i].flows = append(out[i].flows, f)
	}
	return out
}

// charts builds the group's value chart, nil when it has only multi-year
// totals, and, when any flow has a unit value, its unit-value chart (per
// quantity when any flow has a quantity, else per kilogram). Multi-year
// totals are left off the value chart; spans lists them.
func (g chartGroup) charts(n int) (value, uv *chart, spans []string) {
	value = &chart{id: fmt.Sprintf("v%d", n), title: chartTitle(g.code, directionText(g.dir), "Trade value by period"), yLabel: "USD"}
	byQty := slices.ContainsFunc(g.flows, func(f trade.FlowResult) bool { return f.PerQuantity.Known })
	byKg := slices.ContainsFunc(g.flows, func(f trade.FlowResult) bool { return f.PerKg.Known })
	if byQty || byKg {
		uv = &chart{id: fmt.Sprintf("u%d", n)}
		uv.title = chartTitle(g.code, directionText(g.dir), "Unit value by period")
		uv.yLabel = "USD per kg"
		if byQty {
			uv.yLabel = "USD per " + unitName(g.flows)
		}
	}
	idx := map[string]int{}
	strongestBand := map[trade.Period]band{}
	for _, f := range g.flows {
		label := countryShort(f.Assessment.Counterparty)
		if f.Kind == trade.ReExport || f.Kind == trade.ReImport {
			label += ", " + f.Kind.String()
		}
		if f.Reporter.IsDPRK() {
			label = "DPRK ↔ " + label
		}
		i, ok := idx[label]
		if !ok {
			i = len(value.series)
			idx[label] = i
			value.series = append(value.series, series{label: label})
			if uv != nil {
				uv.series = append(uv.series, series{label: label})
			}
		}
		a := f.Assessment
		tip := fmt.Sprintf("%s %s: %s USD — %s", label, f.Period, money(f.ValueUSD), a.Verdict)
		if a.Basis != nil {
			tip += " (" + citationLabel(*a.Basis) + ", " + string(a.Coverage) + ")"
		}
		if f.Period.IsSpan() {
			// A multi-year total on a chart of yearly values would dwarf
			// them; its unit value, an average, is comparable and drawn.
			spans = append(spans, fmt.Sprintf("%s %s %s USD", label, f.Period, money(f.ValueUSD)))
		} else {
			value.series[i].points = append(value.series[i].points, point{period: f.Period, y: f.ValueUSD, tip: tip})
		}
		if uv != nil {
			u := f.PerKg
			if byQty {
				u = f.PerQuantity
			}
			if u.Known && u.Value > 0 {
				t := fmt.Sprintf("%s %s: %s USD per %s", label, f.Period, unitMoney(u.Value), u.Unit)
				if r := ratioText(u); r != "" {
					t += ", " + r
				}
				if u.Flag != "" {
					t += " — flagged " + string(u.Flag)
				}
				uv.series[i].points = append(uv.series[i].points, point{period: f.Period, y: u.Value, peer: u.PeerMedian, flag: u.Flag, ratio: u.Ratio, tip: t})
			}
		}
		if b := bandOf(a); b != "" && !f.Period.IsSpan() && (strongestBand[f.Period].class == "" || bandRank(b) < bandRank(strongestBand[f.Period].class)) {
			strongestBand[f.Period] = band{period: f.Period, class: b, label: bandLabel(a)}
		}
		for _, c := range a.UN {
			// Only entries that could decide a verdict on their own: a
			// partial match (8703.10 snowmobiles within 8703) would mark
			// a date that changes little for the code as a whole.
			if !c.WholePeriod && c.From.After(f.Period.Start()) && c.Kind != lists.CatchAll && c.Coverage != lists.Partial {
				ev := event{at: yearFraction(c.From), label: c.Instrument + " from " + c.From.Format(time.DateOnly)}
				if !slices.Contains(value.events, ev) {
					value.events = append(value.events, ev)
				}
			}
		}
	}
	for _, b := range strongestBand {
		value.bands = append(value.bands, b)
	}
	slices.SortFunc(value.bands, func(a, b band) int { return a.period.Compare(b.period) })
	if uv != nil {
		uv.bands, uv.events = value.bands, value.events
		if !slices.ContainsFunc(uv.series, func(s series) bool { return len(s.points) > 0 }) {
			uv = nil
		}
	}
	if !slices.ContainsFunc(value.series, func(s series) bool { return len(s.points) > 0 }) {
		value = nil
	}
	return value, uv, spans
}

// unitName names the quantity unit of a group's flows for an axis label.
func unitName(fs []trade.FlowResult) string {
	units := map[string]bool{}
	for _, f := range fs {
		if f.PerQuantity.Known {
			units[f.PerQuantity.Unit] = true
		}
	}
	var us []string
	for u := range units {
		if u == "u" {
			u = "item (u)"
		}
		us = append(us, u)
	}
	slices.SortFunc(us, cmp.Compare)
	return strings.Join(us, " / ")
}

func bandOf(a trade.Assessment) string {
	switch {
	case a.Verdict == trade.ProhibitedUN && a.Coverage == lists.Full && a.WholePeriod:
		return "un-full"
	case a.Verdict == trade.ProhibitedUN:
		return "un-part"
	case a.Verdict == trade.ProhibitedReporter:
		return "reporter"
	}
	return ""
}

// bandLabel names the instrument behind a band: "S/RES/2397 (2017)",
// with "ex" when it controls only the goods its category describes.
func bandLabel(a trade.Assessment) string {
	if a.Basis == nil {
		return ""
	}
	l := a.Basis.Instrument
	if a.Basis.Jurisdiction != "UN" {
		l = a.Basis.Jurisdiction + " " + l
	}
	if a.Coverage != lists.Full {
		l += " (" + string(a.Coverage) + ")"
	}
	return l
}

// yearFraction places a date on the chart's axis of years.
func yearFraction(t time.Time) float64 {
	start := time.Date(t.Year(), time.January, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(1, 0, 0)
	return float64(t.Year()) + t.Sub(start).Hours()/end.Sub(start).Hours()
}

func bandRank(class string) int {
	return slices.IndexFunc(bandStyles(), func(s bandStyle) bool { return s.class == class })
}
