package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/progress"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/trade"
)

// The trade command's output formats besides table.
const (
	tradeCSV  outputFormat = "csv"
	tradeHTML outputFormat = "html"
)

// runTrade runs "luxscreen trade SUBCOMMAND".
func runTrade(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usagef("trade: want a subcommand: analyze FILE [--format table|csv|html]")
	}
	switch args[0] {
	case "analyze":
		return runTradeAnalyze(ctx, e, args[1:])
	}
	return usagef("trade: unknown subcommand %q (have: analyze)", args[0])
}

// runTradeAnalyze reads a trade-statistics file (UN Comtrade legacy bulk,
// UN Comtrade Plus, or the simple layout), judges every flow to or from the
// DPRK against the catalogue and flags unit values unlike the reporter's
// to other partners.
func runTradeAnalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "trade analyze", "FILE [--format table|csv|html] [--lenient] [--min-peers N] [--z Z] [--ratio R]\n\nFILE is a UN Comtrade legacy bulk CSV, a UN Comtrade Plus file (CSV or tab-separated)\nor the simple layout documented in package trade; - reads standard input.")
	format := fs.String("format", "table", "output format: table, csv or html (one self-contained page with SVG charts)")
	lenient := fs.Bool("lenient", false, "count and report rows that cannot be read instead of stopping at the first")
	def := trade.DefaultThresholds()
	minPeers := fs.Int("min-peers", def.MinPeers, "fewest peer partners a unit-value comparison needs")
	z := fs.Float64("z", def.Z, "robust z-score a unit-value flag needs (when peers vary)")
	ratio := fs.Float64("ratio", def.MinRatio, "how many times the peer median (or its inverse) a unit-value flag needs")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("trade analyze: want one FILE, got %d arguments", len(pos))
	}
	f, err := parseFormat(*format, formatTable, tradeCSV, tradeHTML)
	if err != nil {
		return err
	}
	if *minPeers < 1 || *z <= 0 || *ratio <= 1 {
		return usagef("trade analyze: --min-peers must be at least 1, --z above 0 and --ratio above 1")
	}
	src, name, cleanup, err := tradeSource(e, pos[0])
	if err != nil {
		return err
	}
	defer cleanup()
	a, err := fs.tradeAssessor(ctx)
	if err != nil {
		return err
	}
	opts := trade.Options{
		Thresholds: trade.Thresholds{MinPeers: *minPeers, Z: *z, MinRatio: *ratio},
		Lenient:    *lenient,
		// The table and the CSV are written flow by flow, so the report
		// need not hold a full download's hundreds of thousands of
		// results; the HTML page groups them for its charts.
		Stream: f != tradeHTML,
	}
	var meter *tradeMeter
	if progress.IsTerminal(e.stderr) {
		var size int64
		if st, ok := src.(interface{ Stat() (os.FileInfo, error) }); ok {
			if fi, err := st.Stat(); err == nil {
				size = fi.Size()
			}
		}
		cr := &countingReader{ReadSeeker: src}
		src = cr
		meter = newTradeMeter(e.stderr, size, cr.pos, e.now)
		opts.Progress = meter.update
	}
	rep, err := trade.NewAnalyzer(a, opts).Analyze(ctx, name, src)
	if meter != nil {
		meter.clear()
	}
	if err != nil {
		return err
	}
	switch f {
	case tradeCSV:
		if err := report.WriteTradeCSV(e.stdout, rep); err != nil {
			return err
		}
		// The CSV holds flows only; what was not added is said here, so
		// that no row disappears unremarked.
		fmt.Fprintf(e.stderr, "%s: %d rows read, %d to or from the DPRK in %d flows, %d duplicates not added, %d breakdown rows, %d unreadable rows\n",
			rep.File, rep.Rows, rep.DPRKRows, rep.FlowCount(), len(rep.Duplicates), rep.Breakdown, rep.ErrorCount)
		for _, re := range rep.Errors {
			fmt.Fprintf(e.stderr, "  %v\n", re)
		}
		return nil
	case tradeHTML:
		return report.WriteTradeHTML(e.stdout, rep)
	}
	return report.WriteTradeTable(e.stdout, rep)
}

// tradeAssessor returns the assessor over the catalogue, with the files of
// --data laid over the embedded ones as luxscreen.Open lays them. A trade
// analysis needs the catalogue alone: the lexicons, rules and lists of
// parties the rest of the system loads would cost it time and memory.
func (fs *flagSet) tradeAssessor(ctx context.Context) (*trade.Assessor, error) {
	d := datafile.Dir(fs.cfg.DataDir)
	if err := d.Check(); err != nil {
		return nil, fmt.Errorf("luxscreen: %w", err)
	}
	cat, err := lists.Load(ctx, d.FS("lists", lists.FS()))
	if err != nil {
		return nil, err
	}
	return trade.NewAssessor(cat, cat.Membership()), nil
}

// tradeMeter shows the rows an analysis has read on a terminal, one meter
// per reading of the file: the analysis reads it twice, the second time for
// the peers of the flows to and from the DPRK.
type tradeMeter struct {
	w    io.Writer
	size int64
	pos  func() int64
	now  func() time.Time
	m    *progress.Meter
	pass int
	rows int
}

func newTradeMeter(w io.Writer, size int64, pos func() int64, now func() time.Time) *tradeMeter {
	return &tradeMeter{w: w, size: size, pos: pos, now: now}
}

// update is the analysis's [trade.Options.Progress].
func (t *tradeMeter) update(pass, rows int) {
	if pass != t.pass {
		t.clear()
		noun := "rows read"
		if pass > 1 {
			noun = "rows read again for the peers"
		}
		t.m = progress.NewMeter(t.w, progress.Options{Noun: noun, Size: t.size, Pos: t.pos, Now: t.now})
		t.pass, t.rows = pass, 0
	}
	t.m.Add(rows - t.rows)
	t.rows = rows
}

// clear erases the meter, so that the report or an error takes its place.
func (t *tradeMeter) clear() {
	if t.m != nil {
		t.m.Clear()
	}
}

// countingReader counts the bytes read since the last seek to the start,
// for the meter's bar; the meter reads the count from its own goroutine.
type countingReader struct {
	io.ReadSeeker
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.ReadSeeker.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func (c *countingReader) Seek(offset int64, whence int) (int64, error) {
	pos, err := c.ReadSeeker.Seek(offset, whence)
	if err == nil {
		c.n.Store(pos)
	}
	return pos, err
}

func (c *countingReader) pos() int64 { return c.n.Load() }

// tradeSource opens the named file, or for "-" copies standard input to a
// temporary file: the analysis reads its input twice.
func tradeSource(e *env, path string) (io.ReadSeeker, string, func(), error) {
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, "", nil, err
		}
		return f, path, func() { f.Close() }, nil
	}
	tmp, err := os.CreateTemp("", "luxscreen-trade-*.csv")
	if err != nil {
		return nil, "", nil, err
	}
	cleanup := func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}
	if _, err := io.Copy(tmp, e.stdin); err != nil {
		cleanup()
		return nil, "", nil, fmt.Errorf("reading standard input: %w", err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		cleanup()
		return nil, "", nil, err
	}
	return tmp, "stdin", cleanup, nil
}
