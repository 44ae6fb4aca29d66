package report

import (
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/trade"
)

// chart is a line chart of one measure by period, one series per
// counterparty, drawn as a self-contained SVG.
type chart struct {
	id     string
	title  string
	yLabel string
	series []series
	// bands shade the periods in which a verdict applied.
	bands []band
	// events mark instruments that took effect within a period.
	events []event
}

type series struct {
	label  string
	points []point
}

type point struct {
	period trade.Period
	y      float64
	// peer is the peers' median at this point, 0 when not compared.
	peer  float64
	flag  trade.Flag
	ratio float64
	tip   string
}

// band is a shaded period; class is one of the bandStyles, label names
// the instrument that decided it.
type band struct {
	period trade.Period
	class  string
	label  string
}

// event is a date within the chart at which an instrument took effect,
// drawn as a dashed rule: a period that contains it is judged under the
// instruments in force for all of it.
type event struct {
	at    float64 // in years, 2017.97 for 22 December 2017
	label string
}

// bandStyle is a shading of the periods in which a verdict applied.
type bandStyle struct{ class, fill, text string }

// bandStyles returns the shadings, strongest first, with their legend
// text.
func bandStyles() []bandStyle {
	return []bandStyle{
		{"un-full", "#f6cfcd", "UN ban on all goods under the code"},
		{"un-part", "#fbe3b8", "UN ban on some goods under the code"},
		{"reporter", "#ddd3f3", "reporter's own list"},
	}
}

// palette returns distinguishable series colours (Tableau 10 and two
// more); series past the last reuse them with dashed lines.
func palette() []string {
	return []string{"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"}
}

// Geometry of a chart, in SVG user units.
const (
	chartW      = 980
	chartH      = 400
	plotLeft    = 86
	plotRight   = chartW - 230
	plotTop     = 56
	plotBottom  = chartH - 46
	legendX     = plotRight + 24
	legendRowDY = 18
)

// plotArea maps data to the plot's pixels.
type plotArea struct {
	xs, ys axisRange
}

// x is the horizontal pixel of a year fraction.
func (p plotArea) x(v float64) float64 {
	return plotLeft + (v-p.xs.lo)/(p.xs.hi-p.xs.lo)*(plotRight-plotLeft)
}

// y is the vertical pixel of a value, on a log scale when the range is.
func (p plotArea) y(v float64) float64 {
	t := (v - p.ys.lo) / (p.ys.hi - p.ys.lo)
	if p.ys.log {
		t = (math.Log10(v) - math.Log10(p.ys.lo)) / (math.Log10(p.ys.hi) - math.Log10(p.ys.lo))
	}
	return plotBottom - t*(plotBottom-plotTop)
}

// write draws the chart as an <svg> element.
func (c *chart) write(w io.Writer) {
	xs, ys := c.domain()
	pa := plotArea{xs: xs, ys: ys}
	esc := html.EscapeString
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-t" font-family="system-ui, sans-serif" font-size="12">`+"\n", chartW, chartH, chartW, chartH, c.id)
	fmt.Fprintf(w, `<title id="%s-t">%s</title>`+"\n", c.id, esc(c.title))
	fmt.Fprintf(w, `<text x="%d" y="20" font-size="15" font-weight="600">%s</text>`+"\n", plotLeft, esc(c.title))
	c.writeShading(w, pa)
	c.writeAxes(w, pa)
	c.writeSeries(w, pa)
	fmt.Fprintln(w, `</svg>`)
}

// writeShading shades the periods by verdict, labels each run of bands
// decided by the same instrument, marks the events and writes the legend
// of the shadings used.
func (c *chart) writeShading(w io.Writer, pa plotArea) {
	esc := html.EscapeString
	// Verdict shading and its legend.
	used := map[string]bool{}
	styles := bandStyles()
	for _, b := range c.bands {
		for _, bc := range styles {
			if bc.class == b.class {
				x0, x1 := pa.x(periodStart(b.period)), pa.x(periodEnd(b.period))
				fmt.Fprintf(w, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s %s</title></rect>`+"\n", x0, plotTop, x1-x0, plotBottom-plotTop, bc.fill, esc(b.period.String()), esc(bc.text))
				used[bc.class] = true
			}
		}
	}
	// Label each run of adjacent bands decided by the same instrument.
	for i := 0; i < len(c.bands); {
		j := i + 1
		for j < len(c.bands) && c.bands[j].label == c.bands[i].label && c.bands[j].class == c.bands[i].class && adjacent(c.bands[j-1].period, c.bands[j].period) {
			j++
		}
		if c.bands[i].label != "" {
			mid := (pa.x(periodStart(c.bands[i].period)) + pa.x(periodEnd(c.bands[j-1].period))) / 2
			fmt.Fprintf(w, `<text x="%.1f" y="%d" text-anchor="middle" fill="#6b3a36" font-size="11">%s</text>`+"\n", mid, plotTop+13, esc(c.bands[i].label))
		}
		i = j
	}
	for k, e := range c.events {
		if e.at <= pa.xs.lo || e.at >= pa.xs.hi {
			continue
		}
		// A label runs into the plot, away from the nearer edge, and
		// labels take turns at two heights so that close dates stay
		// legible.
		ex := pa.x(e.at)
		anchor, lx := "end", ex-4
		if ex < (plotLeft+plotRight)/2 {
			anchor, lx = "start", ex+4
		}
		fmt.Fprintf(w, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#8a1f1a" stroke-width="1.5" stroke-dasharray="5 3"><title>%s</title></line>`+"\n", ex, ex, plotTop, plotBottom, esc(e.label))
		fmt.Fprintf(w, `<text x="%.1f" y="%d" text-anchor="%s" fill="#8a1f1a" font-size="11">%s</text>`+"\n", lx, plotBottom-6-14*(k%2), anchor, esc(e.label))
	}
	lx := float64(plotLeft)
	for _, bc := range styles {
		if !used[bc.class] {
			continue
		}
		fmt.Fprintf(w, `<rect x="%.0f" y="32" width="14" height="10" fill="%s"/><text x="%.0f" y="41" fill="#444">%s</text>`+"\n", lx, bc.fill, lx+18, esc(bc.text))
		lx += 30 + 6.2*float64(len(bc.text))
	}
}

// writeAxes draws the grid, the axes and their ticks and label.
func (c *chart) writeAxes(w io.Writer, pa plotArea) {
	esc := html.EscapeString
	// Axes, grid and ticks.
	fmt.Fprintf(w, `<g stroke="#bbb" stroke-width="1">`)
	for _, t := range pa.ys.ticks {
		fmt.Fprintf(w, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke-dasharray="2 3"/>`, plotLeft, plotRight, pa.y(t), pa.y(t))
	}
	fmt.Fprintf(w, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#333"/>`, plotLeft, plotRight, plotBottom, plotBottom)
	fmt.Fprintf(w, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#333"/>`, plotLeft, plotLeft, plotTop, plotBottom)
	fmt.Fprintln(w, `</g>`)
	for _, t := range pa.ys.ticks {
		fmt.Fprintf(w, `<text x="%d" y="%.1f" text-anchor="end" dominant-baseline="middle" fill="#333">%s</text>`+"\n", plotLeft-8, pa.y(t), esc(short(t)))
	}
	step := max(1, int(math.Ceil((pa.xs.hi-pa.xs.lo)/24)))
	for yr := int(pa.xs.lo); float64(yr) < pa.xs.hi; yr += step {
		fmt.Fprintf(w, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#333"/>`, pa.x(float64(yr)), pa.x(float64(yr)), plotBottom, plotBottom+5)
		fmt.Fprintf(w, `<text x="%.1f" y="%d" text-anchor="middle" fill="#333">%d</text>`+"\n", pa.x(float64(yr)+0.5), plotBottom+20, yr)
	}
	scale := ""
	if pa.ys.log {
		scale = " (log scale)"
	}
	fmt.Fprintf(w, `<text transform="translate(18 %d) rotate(-90)" text-anchor="middle" fill="#333">%s</text>`+"\n", (plotTop+plotBottom)/2, esc(c.yLabel+scale))

}

// writeSeries draws each series and its legend, and the legend of the
// peer medians and flags when a series has them.
func (c *chart) writeSeries(w io.Writer, pa plotArea) {
	esc := html.EscapeString
	// Series: lines between adjacent periods, a dot per point, the peer
	// median as a grey tick, and a ring and label on flagged points.
	// Series share a slot per period; each is shifted a little within it
	// so that equal values (Germany and Kuwait in 2015) stay visible.
	dodge := func(i int, p trade.Period) float64 {
		n := float64(len(c.series))
		if n <= 1 {
			return periodAxis(p)
		}
		width := periodEnd(p) - periodStart(p)
		return periodAxis(p) + (float64(i)-(n-1)/2)*width*min(0.08, 0.7/n)
	}
	colours := palette()
	for i, s := range c.series {
		col := colours[i%len(colours)]
		dash := ""
		if i >= len(colours) {
			dash = ` stroke-dasharray="6 3"`
		}
		pts := slices.Clone(s.points)
		slices.SortFunc(pts, func(a, b point) int { return a.period.Compare(b.period) })
		for j := 1; j < len(pts); j++ {
			if adjacent(pts[j-1].period, pts[j].period) {
				fmt.Fprintf(w, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"%s/>`+"\n", pa.x(dodge(i, pts[j-1].period)), pa.y(pts[j-1].y), pa.x(dodge(i, pts[j].period)), pa.y(pts[j].y), col, dash)
			}
		}
		for _, p := range pts {
			if p.period.IsSpan() {
				// A span of years is an average over it: a bar across
				// the span, not a point.
				x0, x1, py := pa.x(periodStart(p.period)), pa.x(periodEnd(p.period)), pa.y(p.y)
				fmt.Fprintf(w, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="3" stroke-dasharray="8 4" opacity="0.8"><title>%s</title></line>`+"\n", x0, x1, py, py, col, esc(p.tip))
				fmt.Fprintf(w, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="%s" font-size="11">%s average</text>`+"\n", (x0+x1)/2, py-6, col, p.period)
				continue
			}
			px, py := pa.x(dodge(i, p.period)), pa.y(p.y)
			if p.peer > 0 {
				fmt.Fprintf(w, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#555" stroke-width="3"><title>%s %s: peer median %s</title></line>`+"\n", px-11, px+11, pa.y(p.peer), pa.y(p.peer), esc(s.label), p.period, unitMoney(p.peer))
			}
			if p.flag != "" {
				fmt.Fprintf(w, `<circle cx="%.1f" cy="%.1f" r="9" fill="none" stroke="#c00" stroke-width="2.5"/>`, px, py)
				fmt.Fprintf(w, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#c00" font-weight="700">%s ×%.1f</text>`+"\n", px, py-14, p.flag, p.ratio)
			}
			fmt.Fprintf(w, `<circle cx="%.1f" cy="%.1f" r="4.5" fill="%s" stroke="#fff" stroke-width="1"><title>%s</title></circle>`+"\n", px, py, col, esc(p.tip))
		}
		ly := plotTop + 6 + i*legendRowDY
		label := s.label
		if r := []rune(label); len(r) > 26 {
			label = string(r[:25]) + "…"
		}
		fmt.Fprintf(w, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s" stroke-width="3"%s/><text x="%d" y="%d" dominant-baseline="middle">%s</text>`+"\n", legendX, legendX+22, ly, ly, col, dash, legendX+28, ly, esc(label))
	}
	if hasPeers(c.series) {
		ly := plotTop + 6 + len(c.series)*legendRowDY + 6
		fmt.Fprintf(w, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#555" stroke-width="3"/><text x="%d" y="%d" dominant-baseline="middle" fill="#444">peer partners' median</text>`+"\n", legendX, legendX+22, ly, ly, legendX+28, ly)
		ly += legendRowDY
		fmt.Fprintf(w, `<circle cx="%d" cy="%d" r="7" fill="none" stroke="#c00" stroke-width="2.5"/><text x="%d" y="%d" dominant-baseline="middle" fill="#444">flagged against peers</text>`+"\n", legendX+11, ly, legendX+28, ly)
	}
}

func hasPeers(ss []series) bool {
	for _, s := range ss {
		for _, p := range s.points {
			if p.peer > 0 || p.flag != "" {
				return true
			}
		}
	}
	return false
}

// adjacent reports whether b is the period right after a, so that a line
// may join them; a gap is left open, and a span of years is never joined.
func adjacent(a, b trade.Period) bool {
	if a.IsSpan() || b.IsSpan() {
		return false
	}
	if a.Month != 0 && b.Month != 0 {
		return a.End().Equal(b.Start())
	}
	return a.Month == 0 && b.Month == 0 && a.End().Equal(b.Start())
}

func periodStart(p trade.Period) float64 {
	if p.Month != 0 {
		return float64(p.Year) + float64(p.Month-1)/12
	}
	return float64(p.Year)
}

func periodEnd(p trade.Period) float64 {
	switch {
	case p.Month != 0:
		return float64(p.Year) + float64(p.Month)/12
	case p.LastYear != 0:
		return float64(p.LastYear + 1)
	}
	return float64(p.Year + 1)
}

// axisRange is one axis' domain and ticks.
type axisRange struct {
	lo, hi float64
	ticks  []float64
	log    bool
}

// domain returns the x domain (whole years) and the y domain: a log scale
// when the values span two orders of magnitude or more, otherwise linear
// from zero.
func (c *chart) domain() (xs, ys axisRange) {
	xs.lo, xs.hi = math.Inf(1), math.Inf(-1)
	lo, hi := math.Inf(1), math.Inf(-1)
	see := func(v float64) {
		if v > 0 {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	for _, s := range c.series {
		for _, p := range s.points {
			xs.lo = math.Min(xs.lo, math.Floor(periodStart(p.period)))
			xs.hi = math.Max(xs.hi, math.Ceil(periodEnd(p.period)))
			see(p.y)
			see(p.peer)
		}
	}
	if math.IsInf(xs.lo, 0) {
		xs.lo, xs.hi = 0, 1
	}
	if math.IsInf(lo, 0) {
		lo, hi = 1, 1
	}
	if hi/lo >= 100 {
		ys.log = true
		ys.lo = math.Pow(10, math.Floor(math.Log10(lo)))
		ys.hi = math.Pow(10, math.Ceil(math.Log10(hi)))
		if ys.hi == ys.lo {
			ys.hi *= 10
		}
		for e := math.Log10(ys.lo); e <= math.Log10(ys.hi)+1e-9; e++ {
			ys.ticks = append(ys.ticks, math.Pow(10, math.Round(e)))
		}
		return xs, ys
	}
	ys.lo = 0
	step := niceStep(hi * 1.15 / 5)
	ys.hi = math.Ceil(hi*1.15/step) * step
	// Multiplying rather than adding keeps 0.1 + 0.2 from printing as
	// 0.30000000000000004.
	for i := 0; float64(i)*step <= ys.hi*1.0001; i++ {
		ys.ticks = append(ys.ticks, float64(i)*step)
	}
	return xs, ys
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// chartTitle names a group of flows: "HS 8703 · supply to the DPRK".
func chartTitle(code string, dir string, measure string) string {
	var b strings.Builder
	b.WriteString(measure)
	b.WriteString(", HS ")
	b.WriteString(code)
	b.WriteString(" · ")
	b.WriteString(dir)
	return b.String()
}
