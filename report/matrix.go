package report

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/template"

	"github.com/luxscreen/luxscreen/lists"
)

// WriteMatrixCSV writes the matrix as CSV: a header of "jurisdiction" and the
// columns, then one row per jurisdiction with cells written as
// "full:3", "partial:1" or "none".
func WriteMatrixCSV(w io.Writer, m *lists.Matrix) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(append([]string{"jurisdiction"}, m.Columns...)); err != nil {
		return err
	}
	for i, j := range m.Jurisdictions {
		rec := []string{j}
		for _, c := range m.Cells[i] {
			rec = append(rec, cellText(c))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteMatrixMarkdown writes the matrix as a Markdown table, one column per
// chapter or heading, with a legend line.
func WriteMatrixMarkdown(w io.Writer, m *lists.Matrix) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Coverage of HS %ss by DPRK control lists in force on %s. Cells: full / partial / none, with the number of entries.\n\n", m.Level, formatDate(m.AsOf))
	b.WriteString("| jurisdiction |")
	for _, c := range m.Columns {
		b.WriteString(" " + c + " |")
	}
	b.WriteString("\n|---|")
	b.WriteString(strings.Repeat("---|", len(m.Columns)))
	b.WriteString("\n")
	for i, j := range m.Jurisdictions {
		b.WriteString("| " + j + " |")
		for _, c := range m.Cells[i] {
			b.WriteString(" " + cellText(c) + " |")
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func cellText(c lists.Cell) string {
	if c.Extent == lists.None {
		return "none"
	}
	return c.Extent.String() + ":" + strconv.Itoa(c.Entries)
}

// MatrixLabels names the chapters or headings of a matrix for its drawings, e.g.
// "71" → "Pearls, precious stones, metals…". The caller supplies them from
// a nomenclature; columns without a label show their code alone.
type MatrixLabels map[string]string

// The drawing's geometry, in pixels.
const (
	svgLeft     = 190 // room for jurisdiction names
	svgHead     = 140 // title and legend, above the column labels
	svgBottom   = 60
	svgRowH     = 26
	svgLabelLen = 34 // characters of a column label before it is cut
)

type svgView struct {
	ID                string // of the svg element, when it is part of a page
	Width, Height     int
	Title, Subtitle   string
	Cols              []svgCol
	Rows              []svgRow
	GridX, GridY      int
	GridW, GridH      int
	LegendY, FootY    int
	CellW, CellH      int
	LegendX, LegendX2 int
	LegendX3          int
	Angle             int // rotation of the column labels, degrees
}

type svgCol struct {
	X, LabelX int
	Label     string
}

type svgRow struct {
	Y, TextY int
	Name     string
	Cells    []svgCell
}

type svgCell struct {
	X, TextX        int
	Fill, TextColor string
	Count           string
	Tip             string
}

const svgTemplate = `<svg xmlns="http://www.w3.org/2000/svg"{{with .ID}} id="{{.}}"{{end}} width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" font-family="Helvetica, Arial, sans-serif">
<title>{{x .Title}}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="20" y="34" font-size="22" font-weight="bold" fill="#1a1a1a">{{x .Title}}</text>
<text x="20" y="58" font-size="14" fill="#444444">{{x .Subtitle}}</text>
<g font-size="13" fill="#1a1a1a">
<rect x="20" y="{{.LegendY}}" width="18" height="18" fill="#1b7f5a" stroke="#999999"/><text x="44" y="{{add .LegendY 14}}">full: a list controls every good of the column</text>
<rect x="{{.LegendX2}}" y="{{.LegendY}}" width="18" height="18" fill="#f2b134" stroke="#999999"/><text x="{{add .LegendX2 24}}" y="{{add .LegendY 14}}">partial: some goods, or an "ex" code</text>
<rect x="{{.LegendX3}}" y="{{.LegendY}}" width="18" height="18" fill="#f2f2f2" stroke="#999999"/><text x="{{add .LegendX3 24}}" y="{{add .LegendY 14}}">none</text>
<text x="20" y="{{add .LegendY 38}}" fill="#444444">Number in a cell: entries of the jurisdiction's lists that touch the column.</text>
</g>
<g font-size="12" fill="#1a1a1a">
{{range .Cols}}<text transform="translate({{.LabelX}},{{$.GridY}}) rotate({{$.Angle}})" x="0" y="-6">{{x .Label}}</text>
{{end}}</g>
<g font-size="14" fill="#1a1a1a">
{{range .Rows}}<text x="{{sub $.GridX 10}}" y="{{.TextY}}" text-anchor="end">{{x .Name}}</text>
{{$r := .}}{{range .Cells}}<rect x="{{.X}}" y="{{$r.Y}}" width="{{$.CellW}}" height="{{$.CellH}}" fill="{{.Fill}}" stroke="#ffffff" stroke-width="1"><title>{{x .Tip}}</title></rect>{{if .Count}}<text x="{{.TextX}}" y="{{$r.TextY}}" font-size="11" text-anchor="middle" fill="{{.TextColor}}">{{.Count}}</text>{{end}}
{{end}}{{end}}</g>
<rect x="{{.GridX}}" y="{{.GridY}}" width="{{.GridW}}" height="{{.GridH}}" fill="none" stroke="#999999"/>
<text x="20" y="{{.FootY}}" font-size="12" fill="#666666">Codes are compared by digits across editions. "Full" for a chapter needs a list naming the whole chapter. Source: luxscreen catalogue (lists sources).</text>
</svg>
`

func svgFuncs() template.FuncMap {
	return template.FuncMap{
		"x": func(s string) string {
			var b bytes.Buffer
			_ = xml.EscapeText(&b, []byte(s)) // writes to a buffer, cannot fail
			return b.String()
		},
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
	}
}

// WriteMatrixSVG draws the matrix as a self-contained SVG heatmap with a title
// naming the as-of date, a legend, jurisdiction names and column labels
// (codes with labels[code] where given). Each cell carries a tooltip.
func WriteMatrixSVG(w io.Writer, m *lists.Matrix, labels MatrixLabels) error {
	return writeSVG(w, matrixView(m, labels))
}

func writeSVG(w io.Writer, v svgView) error {
	t, err := template.New("svg").Funcs(svgFuncs()).Parse(svgTemplate)
	if err != nil {
		return err
	}
	return t.Execute(w, v)
}

func matrixView(m *lists.Matrix, labels MatrixLabels) svgView {
	// Narrow columns need steeper labels to keep them apart; the label
	// band grows with the sine of the angle.
	cellW, angle, sin := 24, -55, 0.82
	if len(m.Columns) > 60 {
		cellW, angle, sin = 16, -80, 0.985
	}
	longest := 0
	for _, c := range m.Columns {
		n := len([]rune(c))
		if d := labels[c]; d != "" {
			n += 1 + min(len([]rune(d)), svgLabelLen)
		}
		longest = max(longest, n)
	}
	top := svgHead + int(float64(longest)*6.8*sin) + 10
	v := svgView{CellW: cellW, CellH: svgRowH - 2, GridX: svgLeft, GridY: top, Angle: angle}
	v.Title = fmt.Sprintf("DPRK luxury-goods controls: coverage by HS %s", m.Level)
	v.Subtitle = fmt.Sprintf("Lists in force on %s · %d jurisdictions × %d %ss", formatDate(m.AsOf), len(m.Jurisdictions), len(m.Columns), m.Level)
	v.LegendY = 76
	v.LegendX2, v.LegendX3 = 360, 640
	for i, c := range m.Columns {
		label := c
		if d := labels[c]; d != "" {
			label = c + " " + cut(d, svgLabelLen)
		}
		x := svgLeft + i*cellW
		v.Cols = append(v.Cols, svgCol{X: x, LabelX: x + cellW/2 + 4, Label: label})
	}
	for i, j := range m.Jurisdictions {
		y := top + i*svgRowH
		r := svgRow{Y: y, TextY: y + svgRowH/2 + 4, Name: jurisdictionName(j)}
		for k, c := range m.Cells[i] {
			x := svgLeft + k*cellW
			sc := svgCell{X: x, TextX: x + cellW/2, Fill: "#f2f2f2", TextColor: "#1a1a1a"}
			switch c.Extent {
			case lists.All:
				sc.Fill, sc.TextColor = "#1b7f5a", "#ffffff"
			case lists.Some:
				sc.Fill = "#f2b134"
			}
			if c.Entries > 0 {
				sc.Count = strconv.Itoa(c.Entries)
			}
			col := m.Columns[k]
			if d := labels[col]; d != "" {
				col += " " + d
			}
			sc.Tip = fmt.Sprintf("%s × %s: %s, %d entries", j, col, c.Extent, c.Entries)
			r.Cells = append(r.Cells, sc)
		}
		v.Rows = append(v.Rows, r)
	}
	v.GridW = len(m.Columns) * cellW
	v.GridH = len(m.Jurisdictions) * svgRowH
	v.FootY = top + v.GridH + 30
	v.Width = max(svgLeft+v.GridW+120, 980)
	v.Height = v.FootY + svgBottom - 30
	return v
}

// WriteMatrixHTML writes a self-contained HTML page holding the SVG heatmap, for
// viewing in a browser.
func WriteMatrixHTML(w io.Writer, m *lists.Matrix, labels MatrixLabels) error {
	// The id lets the page's print styles, and its tests, find the
	// drawing.
	v := matrixView(m, labels)
	v.ID = "heatmap"
	var svg bytes.Buffer
	if err := writeSVG(&svg, v); err != nil {
		return err
	}
	title := fmt.Sprintf("DPRK luxury-goods coverage by HS %s, %s", m.Level, formatDate(m.AsOf))
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
	_ = xml.EscapeText(&b, []byte(title)) // writes to a buffer, cannot fail
	b.WriteString("</title>\n<style>")
	b.WriteString(matrixPageCSS)
	b.WriteString("</style>\n</head>\n<body>\n<div class=\"wrap\">\n")
	b.Write(svg.Bytes())
	b.WriteString("</div>\n</body>\n</html>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// matrixPageCSS lays out the heatmap page. On screen the drawing keeps its
// size and scrolls sideways. On paper a page would cut it after some
// thirty of the 89 headings, so it is scaled to the page's width (and
// height): whole on any sheet, and on landscape A3, which the page asks
// for, with its labels still near their drawn size.
const matrixPageCSS = `body{margin:16px;font-family:Helvetica,Arial,sans-serif;color:#1a1a1a}
.wrap{overflow-x:auto}
@media print{
@page{size:A3 landscape;margin:10mm}
body{margin:0}
.wrap{overflow:visible}
#heatmap{display:block;width:100%;height:auto;max-height:100vh;break-inside:avoid;page-break-inside:avoid}
#heatmap rect,#heatmap text{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// jurisdictionName returns the name a reader knows a jurisdiction by,
// with its code.
func jurisdictionName(j string) string {
	names := map[string]string{
		"UN": "United Nations", "EU": "European Union", "GB": "United Kingdom", "US": "United States",
		"CH": "Switzerland", "AU": "Australia", "CA": "Canada", "JP": "Japan", "KR": "South Korea",
		"SG": "Singapore", "NZ": "New Zealand", "RU": "Russia", "HK": "Hong Kong SAR",
	}
	if n, ok := names[j]; ok {
		return n + " (" + j + ")"
	}
	return j
}
