package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/luxscreen/luxscreen/trade"
)

// WriteTradeTable writes the trade report r as plain text for people: a summary, one line per flow
// with its verdict and unit values, and the entries cited.
func WriteTradeTable(w io.Writer, r *trade.Report) error {
	bw := bufio.NewWriter(w)
	// One visit of the flows gathers what the summary and the notes say
	// and measures the columns; a second writes the lines. A streamed
	// report makes its flows anew on each visit.
	fs, cols := gatherTable(r)
	writeTradeSummary(bw, r, fs)
	fmt.Fprintln(bw)
	hasQty, hasKg := fs.hasQty, fs.hasKg
	head := tableHead(hasQty, hasKg)
	if keep, ok := cols.plain(hasQty, hasKg); ok {
		if err := cols.write(bw, r, keep); err != nil {
			return err
		}
	} else if err := writeTable(bw, r, head, hasQty, hasKg); err != nil {
		return err
	}
	if notes := fs.notes.out; len(notes) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "Entries in force for part of a period only (the verdict rests on entries in force throughout):")
		for _, n := range notes {
			fmt.Fprintf(bw, "  %s\n", n)
		}
	}
	if cs := fs.cited.sorted(); len(cs) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "Entries deciding a verdict:")
		tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  ENTRY\tJURISDICTION\tCITATION\tBASIS/CONF\tCODE\tIN FORCE\tCATEGORY")
		for _, c := range cs {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s/%s\t%s\t%s\t%s\n", c.Entry, c.Jurisdiction, c.Citation, c.Basis.Short(), c.Confidence.Short(), c.PatternText(), c.Span(), c.Category)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	writeTradeProblems(bw, r)
	return bw.Flush()
}

// tableHead is the header of the table of flows, with the quantity and
// weight columns when there are such unit values.
func tableHead(hasQty, hasKg bool) []string {
	head := []string{"PERIOD", "REPORTER", "PARTNER", "FLOW", "CODE", "VALUE USD"}
	if hasQty {
		head = append(head, "QUANTITY", "USD/UNIT", "VS PEERS", "FLAG")
	}
	if hasKg {
		head = append(head, "USD/KG", "VS PEERS (KG)", "FLAG (KG)")
	}
	return append(head, "VERDICT", "COVERAGE", "IN FORCE", "BASIS", "NATIONAL LIST")
}

// gatherTable gathers the facts of r and measures the columns of its
// table as though it had every column, in one visit of the flows.
func gatherTable(r *trade.Report) (tradeFacts, columns) {
	fs := newFacts()
	head := tableHead(true, true)
	cols := columns{width: make([]int, len(head)), special: make([]bool, len(head))}
	cols.measure(head)
	var cells []string
	for f := range r.All() {
		fs.add(f)
		cells = flowCells(cells[:0], f, true, true)
		cols.measure(cells)
	}
	return fs, cols
}

// columns holds, for each column of the table with every column, the
// widest cell and whether a cell holds a character tabwriter gives a
// meaning to.
type columns struct {
	width   []int
	special []bool
}

func (c *columns) measure(cells []string) {
	for j, s := range cells {
		c.special[j] = c.special[j] || strings.ContainsAny(s, "\t\n\v\f\xff")
		c.width[j] = max(c.width[j], utf8.RuneCountInString(s))
	}
}

// plain returns the columns of the full table that the table with or
// without the quantity and weight columns keeps, and whether they can be
// written as writeAligned writes a plain table.
func (c *columns) plain(hasQty, hasKg bool) (keep []int, ok bool) {
	for j := range c.width {
		if (j >= 6 && j < 10 && !hasQty) || (j >= 10 && j < 13 && !hasKg) {
			continue
		}
		if c.special[j] {
			return nil, false
		}
		keep = append(keep, j)
	}
	return keep, true
}

// write writes the header and the flows of r in the columns keep of the
// full table, padded as writeAligned pads them.
func (c *columns) write(w io.Writer, r *trade.Report, keep []int) error {
	var line []byte
	writeLine := func(cells []string) error {
		line = line[:0]
		for k, j := range keep {
			line = append(line, cells[j]...)
			if k < len(keep)-1 {
				for n := utf8.RuneCountInString(cells[j]); n < c.width[j]+2; n++ {
					line = append(line, ' ')
				}
			}
		}
		line = append(line, '\n')
		_, err := w.Write(line)
		return err
	}
	if err := writeLine(tableHead(true, true)); err != nil {
		return err
	}
	var cells []string
	for f := range r.All() {
		cells = flowCells(cells[:0], f, true, true)
		if err := writeLine(cells); err != nil {
			return err
		}
	}
	return nil
}

// writeTable writes the table of flows with writeAligned, for a table
// whose cells hold characters tabwriter gives a meaning to.
func writeTable(bw io.Writer, r *trade.Report, head []string, hasQty, hasKg bool) error {
	// writeAligned asks for the lines in order, twice: each pass visits
	// the flows anew, so that a streamed report is never held whole.
	var next func() (*trade.FlowResult, bool)
	stop := func() {}
	defer func() { stop() }()
	row := func(i int, cells []string) []string {
		if i == 0 {
			stop()
			next, stop = iter.Pull(r.All())
			return append(cells, head...)
		}
		f, ok := next()
		if !ok {
			// FlowCount and All disagree only if the report changed
			// while it was written.
			return cells
		}
		return flowCells(cells, f, hasQty, hasKg)
	}
	return writeAligned(bw, r.FlowCount()+1, row)
}

// flowCells appends the table's cells for one flow to cells.
func flowCells(cells []string, f *trade.FlowResult, hasQty, hasKg bool) []string {
	a := f.Assessment
	cells = append(cells, f.Period.String(), countryShort(f.Reporter), countryShort(f.Partner), f.Kind.String(), f.CodeText, money(f.ValueUSD))
	if hasQty {
		q := "-"
		if f.QuantityUnit != "" {
			q = amount(f.Quantity) + " " + f.QuantityUnit
		}
		cells = append(cells, q, unitCell(f.PerQuantity), peerCell(f.PerQuantity), flagCell(f.PerQuantity))
	}
	if hasKg {
		cells = append(cells, unitCell(f.PerKg), peerCell(f.PerKg), flagCell(f.PerKg))
	}
	basis, cov, when := "-", "-", "-"
	if a.Basis != nil {
		basis, cov, when = a.Basis.Citation, string(a.Coverage), inForceWord(a.WholePeriod)
		if a.Basis.Jurisdiction != "UN" {
			basis = a.Basis.Jurisdiction + ": " + basis
		}
	}
	return append(cells, string(a.Verdict), cov, when, basis, reporterListText(a))
}

// writeAligned writes n lines of cells in columns as a text/tabwriter
// with padding 2 and spaces writes them joined by tabs (the last cell of a
// line is not in a column), but without holding the table in memory: a
// report of a full download has hundreds of thousands of lines. cells
// appends the cells of line i; it is called twice per line, to measure and
// to write. A table whose lines differ in length, or whose cells hold a
// character tabwriter gives a meaning to, is written by tabwriter itself.
func writeAligned(w io.Writer, n int, cells func(i int, dst []string) []string) error {
	var widths []int
	var buf []string
	plain := n > 0
	for i := 0; i < n && plain; i++ {
		buf = cells(i, buf[:0])
		if i == 0 {
			widths = make([]int, max(len(buf)-1, 0))
		}
		if len(buf) != len(widths)+1 {
			plain = false
		}
		for j, c := range buf {
			if strings.ContainsAny(c, "\t\n\v\f\xff") {
				plain = false
			}
			if j < len(widths) {
				widths[j] = max(widths[j], utf8.RuneCountInString(c))
			}
		}
	}
	if !plain {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for i := range n {
			buf = cells(i, buf[:0])
			fmt.Fprintln(tw, strings.Join(buf, "\t"))
		}
		return tw.Flush()
	}
	var line []byte
	for i := range n {
		buf = cells(i, buf[:0])
		line = line[:0]
		for j, c := range buf {
			line = append(line, c...)
			if j < len(widths) {
				for k := utf8.RuneCountInString(c); k < widths[j]+2; k++ {
					line = append(line, ' ')
				}
			}
		}
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	return nil
}

// tradeFacts is what the table says of all the flows before and after
// listing them. One visit of the flows gathers it all: a streamed report
// makes its flows anew on each visit.
type tradeFacts struct {
	counts        map[trade.Verdict]int
	flagged       int
	hasQty, hasKg bool
	notes         partNotes
	cited         citations
}

func newFacts() tradeFacts {
	return tradeFacts{counts: map[trade.Verdict]int{}, notes: partNotes{seen: map[string]bool{}}, cited: citations{seen: map[string]bool{}}}
}

// add counts f in the facts.
func (fs *tradeFacts) add(f *trade.FlowResult) {
	fs.counts[f.Assessment.Verdict]++
	if f.PerQuantity.Flag != "" || f.PerKg.Flag != "" {
		fs.flagged++
	}
	fs.hasQty = fs.hasQty || f.PerQuantity.Known
	fs.hasKg = fs.hasKg || f.PerKg.Known
	fs.notes.add(f)
	fs.cited.add(f)
}

func writeTradeSummary(w io.Writer, r *trade.Report, fs tradeFacts) {
	fmt.Fprintf(w, "%s (%s layout): %d rows read, %d to or from the DPRK in %d flows", r.File, r.Layout, r.Rows, r.DPRKRows, r.FlowCount())
	if r.Breakdown > 0 {
		fmt.Fprintf(w, "; %d breakdown rows counted, not added", r.Breakdown)
	}
	if len(r.Duplicates) > 0 {
		fmt.Fprintf(w, "; %d duplicate rows not added", len(r.Duplicates))
	}
	if r.ErrorCount > 0 {
		fmt.Fprintf(w, "; %d rows could not be read", r.ErrorCount)
	}
	fmt.Fprintln(w, ".")
	counts := fs.counts
	var parts []string
	for _, v := range []trade.Verdict{trade.ProhibitedUN, trade.ProhibitedReporter, trade.Review, trade.LuxuryNotListed, trade.LuxuryNoReporterList, trade.NotControlled} {
		if counts[v] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", v, counts[v]))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "Verdicts: %s.\n", strings.Join(parts, ", "))
	}
	t := r.Thresholds
	fmt.Fprintf(w, "Unit values flagged: %d (at least ×%g or ÷%g the median of %d or more peer partners, robust z ≥ %g).\n", fs.flagged, t.MinRatio, t.MinRatio, t.MinPeers, t.Z)
}

func writeTradeProblems(w io.Writer, r *trade.Report) {
	if len(r.Duplicates) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Duplicate rows (identical to an earlier row; not added):")
		for _, d := range r.Duplicates {
			fmt.Fprintf(w, "  %s:%d repeats line %d\n", r.File, d.Line, d.SameAs)
		}
	}
	if r.ErrorCount > 0 {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "Rows that could not be read (%d; the first %d):\n", r.ErrorCount, len(r.Errors))
		for _, e := range r.Errors {
			fmt.Fprintf(w, "  %v\n", e)
		}
	}
}

func hasUnitValues(r *trade.Report) (qty, kg bool) {
	for f := range r.All() {
		qty = qty || f.PerQuantity.Known
		kg = kg || f.PerKg.Known
	}
	return qty, kg
}

// partPeriodNotes lists, once per period and entry, the UN and reporter
// entries in force for part of a flow's period only.
func partPeriodNotes(r *trade.Report) []string {
	ns := partNotes{seen: map[string]bool{}}
	for f := range r.All() {
		ns.add(f)
	}
	return ns.out
}

// partNotes gathers the notes of partPeriodNotes.
type partNotes struct {
	seen map[string]bool
	out  []string
}

func (ns *partNotes) add(f *trade.FlowResult) {
	for _, cs := range [][]trade.Citation{f.Assessment.UN, f.Assessment.Reporter} {
		for _, c := range cs {
			if c.WholePeriod {
				continue
			}
			n := fmt.Sprintf("%s %s: %s %s (%s, %s) %s", f.Period, f.CodeText, c.Jurisdiction, c.Citation, c.PatternText(), c.Coverage, c.Span())
			if !ns.seen[n] {
				ns.seen[n] = true
				ns.out = append(ns.out, n)
			}
		}
	}
}

// citedEntries returns the entries that decide a verdict, once each.
func citedEntries(r *trade.Report) []trade.Citation {
	cs := citations{seen: map[string]bool{}}
	for f := range r.All() {
		cs.add(f)
	}
	return cs.sorted()
}

// citations gathers the entries of citedEntries.
type citations struct {
	seen map[string]bool
	out  []trade.Citation
}

func (cs *citations) add(f *trade.FlowResult) {
	if b := f.Assessment.Basis; b != nil && !cs.seen[b.Entry] {
		cs.seen[b.Entry] = true
		cs.out = append(cs.out, *b)
	}
}

func (cs *citations) sorted() []trade.Citation {
	slices.SortFunc(cs.out, func(a, b trade.Citation) int { return cmp.Compare(a.Entry, b.Entry) })
	return cs.out
}

func unitCell(u trade.UnitValue) string {
	if !u.Known {
		return "-"
	}
	return unitMoney(u.Value)
}

func flagCell(u trade.UnitValue) string {
	if u.Flag != "" {
		return string(u.Flag)
	}
	return "-"
}

// peerCell writes the peer comparison, or why there was none.
func peerCell(u trade.UnitValue) string {
	switch {
	case !u.Known:
		return "-"
	case u.PeerMedian == 0:
		return "(" + u.Note + ")"
	}
	return ratioText(u)
}
