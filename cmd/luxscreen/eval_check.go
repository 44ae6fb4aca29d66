package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/rules/ruleseval"
)

// runEvalCheck measures the shipment-decision engine on a labelled set of
// shipments, built exactly as "luxscreen check" builds it, so that the
// figures are those of the command people run.
func runEvalCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval check", "--input FILE [--list FILE]… [--rules FILE]… [--rates FILE] [--prices FILE] [--nomenclature FILE [--edition HS2022]] [--failures] [--format table|json]")
	input := fs.String("input", "", "labelled set: JSON lines of {shipment, expect: {verdict, rules, not_rules}, why} (rules/testdata/eval/shipments.jsonl)")
	fs.listFlag()
	fs.ruleFlags()
	// The labelled set comes with its own rates and prices; say where.
	fs.Lookup("rates").Usage += "; the set's own is rules/testdata/eval/rates.yaml"
	fs.Lookup("prices").Usage += "; the set's own is rules/testdata/eval/prices.yaml"
	failures := fs.Bool("failures", false, "list the shipments the engine got wrong, with its findings")
	fs.formatFlag(formatTable, formatTable, formatJSON)
	f, err := fs.parseInput(args, "give the set with --input", input, "--input FILE is required")
	if err != nil {
		return err
	}
	set, err := readSet(*input, ruleseval.ReadLabelled)
	if err != nil {
		return err
	}
	if fs.cfg.PricesFile == "" {
		fmt.Fprintln(e.stderr, "luxscreen: no --prices: rule unit-value-above-reference cannot fire, and labels that expect it will fail")
	}
	sys, err := fs.open(ctx, e, luxscreen.Config{}, true)
	if err != nil {
		return err
	}
	m, err := ruleseval.Evaluate(ctx, sys.Engine(), set)
	if err != nil {
		return fmt.Errorf("%s: %w", *input, err)
	}
	if !*failures {
		m.Failures = nil
	}
	if f == formatJSON {
		return writeJSON(e.stdout, m)
	}
	printCheckMetrics(e.stdout, m, *failures)
	return nil
}

// printCheckMetrics writes the metrics for people.
func printCheckMetrics(w io.Writer, m ruleseval.Metrics, failures bool) {
	verdicts := []rules.Verdict{rules.VerdictBlock, rules.VerdictReview, rules.VerdictClear}
	fmt.Fprintf(w, "shipments          %d (block %d, review %d, clear %d expected)\n", m.N, m.ExpectedBlock, m.N-m.ExpectedBlock-m.Clean, m.Clean)
	fmt.Fprintf(w, "verdict accuracy   %.3f (%d/%d)\n", m.VerdictAccuracy, m.Correct, m.N)
	fmt.Fprintf(w, "passed             %d/%d (verdict and every labelled finding right)\n", m.Passed, m.N)
	fmt.Fprintf(w, "block recall       %.3f (%d/%d)\n", m.BlockRecall, m.Confusion[rules.VerdictBlock][rules.VerdictBlock], m.ExpectedBlock)
	fmt.Fprintf(w, "block cleared      %d (expected block, got clear: must be 0)\n", m.BlockCleared)
	fmt.Fprintf(w, "review cleared     %d (expected review, got clear)\n", m.ReviewCleared)
	fmt.Fprintf(w, "clear precision    %.3f (%d/%d cleared)\n", m.ClearPrecision, m.Confusion[rules.VerdictClear][rules.VerdictClear], m.GotClear)
	fmt.Fprintf(w, "false review rate  %.3f (%d/%d clean shipments not cleared)\n", m.FalseReviewRate, m.Clean-m.Confusion[rules.VerdictClear][rules.VerdictClear], m.Clean)
	fmt.Fprintln(w)
	tw := newTable(w)
	fmt.Fprintln(tw, "expected \\ got\tblock\treview\tclear\t")
	for _, x := range verdicts {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", x, m.Confusion[x][rules.VerdictBlock], m.Confusion[x][rules.VerdictReview], m.Confusion[x][rules.VerdictClear])
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = newTable(w)
	// The groups are the parts of a set ("ord" and "nexus" of the trade
	// set): the review rate of ordinary shipments is read here.
	fmt.Fprintln(tw, "group\tn\tblock\treview\tclear\tas labelled\t")
	for _, g := range m.Groups {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t\n", g.Group, g.N, g.Block, g.Review, g.Clear, g.Correct)
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = newTable(w)
	fmt.Fprintln(tw, "rule\ttp\tfp\tfn\ttn\tprecision\trecall\tunlabelled\t")
	for _, r := range m.Rules {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%s\t%d\t\n", r.Rule, r.TP, r.FP, r.FN, r.TN,
			score(r.Precision, r.TP+r.FP), score(r.Recall, r.TP+r.FN), r.Unlabelled)
	}
	tw.Flush()
	if !failures {
		return
	}
	for _, fl := range m.Failures {
		fmt.Fprintf(w, "\nFAIL %s (line %d): expected %s, got %s\n", fl.ID, fl.Line, fl.Expected, fl.Got)
		if len(fl.Missing) > 0 {
			fmt.Fprintf(w, "  missing     %s\n", strings.Join(fl.Missing, ", "))
		}
		if len(fl.Unexpected) > 0 {
			fmt.Fprintf(w, "  unexpected  %s\n", strings.Join(fl.Unexpected, ", "))
		}
		for _, f := range fl.Findings {
			fmt.Fprintf(w, "  finding     %s\n", truncate(f, 400))
		}
		fmt.Fprintf(w, "  label       %s\n", fl.Why)
	}
	fmt.Fprintf(w, "\n%d passed, %d failed\n", m.Passed, len(m.Failures))
}

// score prints a ratio, or "-" when nothing was counted.
func score(v float64, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}
