// Command trade-horses retraces the horse-price question of "The Lap of
// Luxury" (Mihailescu, 2020): what did the DPRK pay per horse for Russian
// horses (HS 0101), year by year, and was it more than other buyers of
// Russian horses paid?
//
// With no arguments it analyses the figures the paper publishes
// (horses-published.csv, bundled): the 2010–2019 total from UN Comtrade and
// the years for which a value and a head count are published. Given a UN
// Comtrade extract of Russia's exports under HS 0101 to all partners
// (-data FILE, legacy bulk or Comtrade Plus CSV), it prints the per-year
// unit values of the exports to the DPRK and flags the years in which they
// stand out from the same year's exports to other partners:
//
//	go run ./examples/trade-horses
//	go run ./examples/trade-horses -data russia-0101-2010-2019.csv
package main

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/trade"
)

//go:embed horses-published.csv
var published string

// paperYears are the years the paper singles out: "Why did North Korea pay
// so much more for the Russian horses in 2014 and 2019?"
func paperYears() []int { return []int{2014, 2019} }

func main() {
	data := flag.String("data", "", "trade statistics to analyse (UN Comtrade CSV or the simple layout); default: the paper's published figures")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, *data); err != nil {
		fmt.Fprintln(os.Stderr, "trade-horses:", err)
		os.Exit(1)
	}
}

// horseFlows analyses the trade statistics of src and returns Russia's
// exports of horses (HS 0101) to the DPRK, judged against the lists.
func horseFlows(ctx context.Context, name string, src io.ReadSeeker) ([]trade.FlowResult, error) {
	sys, err := luxscreen.Open(ctx, luxscreen.Config{})
	if err != nil {
		return nil, err
	}
	defer sys.Close()
	a := trade.NewAssessor(sys.Catalogue(), sys.Reference().Jurisdictions)
	rep, err := trade.NewAnalyzer(a, trade.Options{}).Analyze(ctx, name, src)
	if err != nil {
		return nil, err
	}
	var horses []trade.FlowResult
	for _, f := range rep.Flows {
		if f.Reporter.Code == "RU" && f.Partner.IsDPRK() && f.Kind == trade.Export && strings.HasPrefix(f.Code.Digits(), "0101") {
			horses = append(horses, f)
		}
	}
	if len(horses) == 0 {
		return nil, fmt.Errorf("%s: no Russian exports of horses (HS 0101) to the DPRK", name)
	}
	return horses, nil
}

func run(ctx context.Context, w io.Writer, path string) error {
	var src io.ReadSeeker = strings.NewReader(published)
	name := "horses-published.csv"
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		src, name = f, path
	}
	horses, err := horseFlows(ctx, name, src)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Russian exports of horses (HS 0101) to the DPRK, from %s\n\n", name)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "period\tcode\thead\tvalue USD\tUSD per head\tpeers\tpeer median\tratio\tflag\tverdict\t")
	var headTotal, valueTotal float64
	for _, f := range horses {
		u := f.PerQuantity
		perHead, peers, med, ratio, flag := "-", "-", "-", "-", "-"
		if u.Known {
			perHead = fmt.Sprintf("%.2f", u.Value)
			peers = fmt.Sprint(u.Peers)
		}
		if u.PeerMedian > 0 {
			med, ratio = fmt.Sprintf("%.2f", u.PeerMedian), fmt.Sprintf("×%.2f", u.Ratio)
		}
		if u.Flag != "" {
			flag = string(u.Flag)
		}
		fmt.Fprintf(tw, "%s\t%s\t%.0f\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\t\n", f.Period, f.CodeText, f.Quantity, f.ValueUSD, perHead, peers, med, ratio, flag, f.Assessment.Verdict)
		if !f.Period.IsSpan() && f.Period.Year >= 2010 && f.Period.Year <= 2019 {
			headTotal += f.Quantity
			valueTotal += f.ValueUSD
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	if slices.ContainsFunc(horses, func(f trade.FlowResult) bool { return f.Source != "" }) {
		fmt.Fprintln(w, "\nSources:")
		for _, f := range horses {
			fmt.Fprintf(w, "  %s: %s\n", f.Period, f.Source)
		}
	}

	fmt.Fprintln(w)
	if i := slices.IndexFunc(horses, func(f trade.FlowResult) bool { return f.Period.String() == "2010-2019" }); i >= 0 {
		t := horses[i]
		fmt.Fprintf(w, "2010-2019 as published: %.0f horses, USD %.0f, USD %.2f per head on average.\n", t.Quantity, t.ValueUSD, t.PerQuantity.Value)
		for _, f := range horses {
			if !f.Period.IsSpan() && f.PerQuantity.Known && f.Period.Year >= 2010 && f.Period.Year <= 2019 {
				fmt.Fprintf(w, "  %s: USD %.2f per head, ×%.2f the decade's average.\n", f.Period, f.PerQuantity.Value, f.PerQuantity.Value/t.PerQuantity.Value)
			}
		}
	} else {
		fmt.Fprintf(w, "2010-2019 summed over the years in the file: %.0f horses, USD %.0f.\n", headTotal, valueTotal)
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, "Years the paper discusses:")
	for _, y := range paperYears() {
		i := slices.IndexFunc(horses, func(f trade.FlowResult) bool { return f.Period.Year == y && f.Period.Month == 0 && !f.Period.IsSpan() })
		switch {
		case i < 0:
			fmt.Fprintf(w, "  %d: no figure for the year in %s.\n", y, name)
		case horses[i].PerQuantity.Flag != "":
			u := horses[i].PerQuantity
			fmt.Fprintf(w, "  %d: FLAGGED %s: USD %.2f per head, ×%.2f the median of %d other buyers (robust z %.1f).\n", y, u.Flag, u.Value, u.Ratio, u.Peers, u.Z)
		case horses[i].PerQuantity.PeerMedian > 0:
			u := horses[i].PerQuantity
			fmt.Fprintf(w, "  %d: not flagged: USD %.2f per head, ×%.2f the median of %d other buyers.\n", y, u.Value, u.Ratio, u.Peers)
		default:
			u := horses[i].PerQuantity
			fmt.Fprintf(w, "  %d: USD %.2f per head; not compared: %s in %s (Russia's exports to China, Kazakhstan and other buyers are needed).\n", y, u.Value, u.Note, name)
		}
	}

	last := horses[len(horses)-1]
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Verdict for %s: %s — %s.\n", last.Period, last.Assessment.Verdict, last.Assessment.Reason)
	return nil
}
