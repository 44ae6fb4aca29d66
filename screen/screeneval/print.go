package screeneval

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Print writes the report as tables for people.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "Thresholds: match ≥ %.2f, review ≥ %.2f; %d workers; generated sets sampled 1 in %d\n", r.Match, r.Review, r.Workers, r.Sample)
	fmt.Fprintln(w, "Lists (all loaded together):")
	for _, v := range r.Versions {
		fmt.Fprintf(w, "  %-5s %-9s published %-25s entities %5d sha256 %.16s…\n", v.Source, v.Format, v.Published, v.Entities, v.SHA256)
	}
	if r.DPRK != nil {
		r.printPairs(w)
	}
	if r.Bench != nil {
		r.printBench(w)
	}
	for i := range r.Sets {
		r.Sets[i].Print(w)
	}
	if r.Self != nil {
		fmt.Fprintf(w, "\nself-screen (every UN/OFAC DPRK name and alias): own record at top %d/%d (%.2f%%), of which at match (or weak alias at review) %d\n",
			r.Self.Top, r.Self.Names, pct(r.Self.Top, r.Self.Names), r.Self.TopMatch)
		for _, f := range r.Self.Failures {
			fmt.Fprintln(w, "  fail "+f)
		}
	}
	printTargets(w, r.Targets)
}

func (r *Report) printPairs(w io.Writer) {
	fmt.Fprintln(w, "\nDPRK name pairs (name2 screened against the lists; name1's record must hit):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "category\ttrue?\tn\t≥review\t≥match\tname-only ≥review\t")
	for _, c := range r.DPRK {
		fmt.Fprintf(tw, "%s\t%v\t%d\t%d\t%d\t%d\t\n", c.Category, c.IsMatch, c.N, c.Review, c.Match, c.NameOnlyReview)
	}
	tw.Flush()
	tp, tpN, hn, hnMatch := r.dprkTotals()
	fmt.Fprintf(w, "true pairs reaching review or match: %d/%d (%.1f%%)\n", tp, tpN, pct(tp, tpN))
	fmt.Fprintf(w, "hard negatives reaching match:       %d/%d (%.1f%%)\n", hnMatch, hn, pct(hnMatch, hn))
	for _, c := range r.DPRK {
		for _, f := range c.Failures {
			fmt.Fprintf(w, "  miss %s: %s\n", c.Category, f)
		}
	}
}

func (r *Report) printBench(w io.Writer) {
	fmt.Fprintf(w, "\nnomenklatura name bench (%d pairs, %d sister-vessel pairs relabelled non-match):\n", r.Bench.N, r.Bench.Relabelled)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "threshold\tTP\tFP\tFN\tTN\tprecision\trecall\tF1\t")
	rows := append(append([]Threshold{}, r.Bench.Rows...), r.Bench.AtReview, r.Bench.AtMatch)
	for i, t := range rows {
		label := fmt.Sprintf("%.2f", t.T)
		if i == len(rows)-2 {
			label += " (review)"
		} else if i == len(rows)-1 {
			label += " (match)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", label, t.TP, t.FP, t.FN, t.TN, t.Precision, t.Recall, t.F1)
	}
	tw.Flush()
}

// Print writes the set's table: one line per row, the total, the extra
// totals, then the samples of misses or alerts.
func (s *SetReport) Print(w io.Writer) {
	fmt.Fprintf(w, "\n%s: %s\n", s.Name, s.About)
	for _, n := range s.Notes {
		fmt.Fprintln(w, "  "+n)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tn\tfound\tfound %\tmatch\tmatch %\treview\treview %\tno-hit review\tp50 µs\tp95 µs\t")
	line := func(t *Tally) {
		found, foundPct := "-", "-"
		if t.Positive {
			found, foundPct = fmt.Sprint(t.Found), fmt.Sprintf("%.2f", pct(t.Found, t.N))
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%.2f\t%d\t%.2f\t%d\t%.0f\t%.0f\t\n", t.Group, t.N, found, foundPct,
			t.Match, pct(t.Match, t.N), t.Review, pct(t.Review, t.N), t.ReviewNoHit, t.P50, t.P95)
	}
	for i := range s.Rows {
		line(&s.Rows[i])
	}
	line(&s.Total)
	for i := range s.Totals {
		if s.Totals[i].N > 0 {
			line(&s.Totals[i])
		}
	}
	tw.Flush()
	for _, t := range append(append([]Tally{}, s.Rows...), s.Totals...) {
		if len(t.Samples) == 0 {
			continue
		}
		fmt.Fprintf(w, "  %s:\n", t.Group)
		for _, x := range t.Samples {
			fmt.Fprintln(w, "    "+x)
		}
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// dprkTotals sums the DPRK name pairs over the categories: true pairs
// reaching review or match (tp) of all true pairs (tpN), and hard negatives
// (hn) of which reaching match (hnMatch). Print and the acceptance test
// judge the same sums.
func (r *Report) dprkTotals() (tp, tpN, hn, hnMatch int) {
	for _, c := range r.DPRK {
		if c.IsMatch {
			tp += c.Review
			tpN += c.N
		} else {
			hn += c.N
			hnMatch += c.Match
		}
	}
	return tp, tpN, hn, hnMatch
}
