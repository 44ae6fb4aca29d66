// Command bol-batch shows how a forwarder or a customs broker screens a
// day's bills of lading in one batch: it reads the bills from the flat
// CSV export of its shipping system (one row per line of goods, rows of a
// bill consecutive; see docs/csv-formats.md), judges every bill with the
// rules engine (goods classified, parties and vessel screened, destination
// and route checked), and writes one HTML report for the compliance
// officer, with a section per bill and a summary of the verdicts.
//
// Usage:
//
//	go run ./examples/bol-batch [-list FILE] [-rates FILE] -out report.html BILLS.csv
//
// It prints a one-line summary by verdict and exits with status 3 when any
// bill is not clear (blocked, under review or not readable), 1 on an error
// that stops the run, and 0 when every bill is clear. A bill that cannot
// be read is shown in the report with the file, line and column of the
// problem, and the others are still judged. Without -list, parties are
// screened against the small embedded demo list, which is not for
// production use. Without -rates, a line in a currency other than a
// threshold's cannot be valued, and the bill goes to review (screening
// fails closed).
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/rules"
)

const usage = "usage: bol-batch [-list FILE] [-rates FILE] -out report.html BILLS.csv"

func main() {
	var opt options
	flag.StringVar(&opt.list, "list", "", "sanctions list file (UN XML, OFAC CSV directory…); default: the embedded demo list")
	flag.StringVar(&opt.rates, "rates", "", "exchange rates file (YAML: base, source, rates)")
	flag.StringVar(&opt.out, "out", "", "the HTML report to write")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), usage)
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || opt.out == "" {
		log.Fatal(usage)
	}
	opt.bills = flag.Arg(0)
	t, err := run(context.Background(), os.Stdout, opt, time.Now)
	if err != nil {
		log.Fatal(err)
	}
	if !t.allClear() {
		os.Exit(3)
	}
}

// options are the program's arguments.
type options struct {
	list  string // a sanctions list file; "" for the demo list
	rates string // an exchange rates file; "" for none
	out   string // the HTML report to write
	bills string // the bill-of-lading CSV to read
}

// tally counts the bills of a batch by verdict.
type tally struct {
	Block, Review, Clear int
	NotRead              int // bills that could not be read
}

func (t *tally) add(v rules.Verdict) {
	switch v {
	case rules.VerdictBlock:
		t.Block++
	case rules.VerdictClear:
		t.Clear++
	default: // review, or a verdict this program does not know: a person looks
		t.Review++
	}
}

// allClear reports whether every bill was read and is clear.
func (t tally) allClear() bool { return t.Block+t.Review+t.NotRead == 0 }

func (t tally) String() string {
	n := t.Block + t.Review + t.Clear + t.NotRead
	return fmt.Sprintf("%d bills: %d block, %d review, %d clear, %d not read", n, t.Block, t.Review, t.Clear, t.NotRead)
}

// open opens the system once for the batch: the classifier judges the
// lines, the screener the parties and the vessel. It also returns the
// warnings the report must carry.
func open(ctx context.Context, listFile, ratesFile string) (*luxscreen.System, []string, error) {
	// Without rates the engine knows only amounts already in a
	// threshold's currency; the others fail closed to review.
	cfg := luxscreen.Config{RatesFile: ratesFile}
	if listFile != "" {
		cfg.Lists = []string{listFile}
	}
	sys, err := luxscreen.Open(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	var warnings []string
	if sys.DemoList() {
		warnings = append(warnings, "Parties and vessels were screened against the embedded DEMO list of a few DPRK designations, not the official sanctions lists: these decisions are not for production use. Run again with -list for the official list.")
	}
	return sys, warnings, nil
}

// run judges every bill of opt.bills, writes the report to opt.out and
// prints the summary to w. When the input breaks off, the report says
// that it is incomplete and run returns the error with the tally so far.
func run(ctx context.Context, w io.Writer, opt options, now func() time.Time) (tally, error) {
	sys, warnings, err := open(ctx, opt.list, opt.rates)
	if err != nil {
		return tally{}, err
	}
	defer sys.Close()
	in, err := os.Open(opt.bills)
	if err != nil {
		return tally{}, err
	}
	defer in.Close()
	dec, err := rules.NewCSVDecoder(bufio.NewReader(in), opt.bills)
	if err != nil {
		return tally{}, err
	}
	f, err := os.Create(opt.out)
	if err != nil {
		return tally{}, err
	}
	meta := report.Meta{
		Title: "Bill-of-lading batch screening", Source: opt.bills, Generated: now(),
		Tool: "luxscreen examples/bol-batch", Warnings: warnings,
	}
	t, err := writeReport(ctx, f, meta, dec, sys)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	fmt.Fprintf(w, "%s: %s; report %s\n", opt.bills, t, opt.out)
	return t, err
}

// writeReport judges the bills and writes the report to w. After an error
// that stops the batch the report is closed as incomplete, so that it
// does not look whole.
func writeReport(ctx context.Context, w io.Writer, meta report.Meta, dec *rules.CSVDecoder, sys *luxscreen.System) (tally, error) {
	bw := bufio.NewWriter(w)
	h, err := report.NewHTMLWriter(bw, meta)
	if err != nil {
		return tally{}, err
	}
	t, err := judge(ctx, dec, sys, h)
	if err != nil {
		err = errors.Join(err, h.CloseIncomplete(err))
	} else {
		err = h.Close()
	}
	return t, errors.Join(err, bw.Flush())
}

// judge reads the bills one after another and adds each decision to the
// report; a bill that cannot be read gets a section saying why, and the
// batch goes on.
func judge(ctx context.Context, dec *rules.CSVDecoder, sys *luxscreen.System, h *report.HTMLWriter) (tally, error) {
	var t tally
	for {
		s, err := dec.Next()
		if err == io.EOF {
			return t, nil
		}
		if errors.Is(err, rules.ErrSyntax) {
			return t, err // the rest of the file cannot be split into rows
		}
		if err != nil {
			t.NotRead++
			// The error names the file, line and column; the heading
			// names the bill as the rows do.
			where := "Unreadable bill"
			if id, line := dec.Last(); id != "" {
				where = fmt.Sprintf("Bill %s (line %d)", id, line)
			} else if line > 0 {
				where = fmt.Sprintf("Unreadable bill at line %d", line)
			}
			if err := h.WriteError(where, err); err != nil {
				return t, err
			}
			continue
		}
		d, err := sys.Check(ctx, s)
		if err != nil {
			return t, fmt.Errorf("bill %s: %w", s.ID, err)
		}
		t.add(d.Verdict)
		if err := h.Write(d); err != nil {
			return t, err
		}
	}
}
