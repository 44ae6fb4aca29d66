package main

import (
	"context"
	"fmt"

	"github.com/luxscreen/luxscreen/classify/classifyeval"
)

// runEvalClassify measures the classifier on a labelled set: the in-scope
// JSONL set of classify/testdata or a CSV such as the shared
// HSClassify_micro development set.
func runEvalClassify(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval classify", "--input FILE [--nomenclature FILE] [--jurisdiction UN] [--failures] [--format table|json]")
	var cf classifierFlags
	input := fs.String("input", "", "labelled set: JSON lines (id, description, gold_hs6, luxury, hard_negative…) or CSV text,expected_hs_code")
	failures := fs.Bool("failures", false, "list the items the classifier got wrong")
	format := fs.formatFlag(formatTable, formatTable, formatJSON)
	fs.StringVar(&cf.juris, "jurisdiction", "UN", "jurisdictions whose luxury controls the labels follow (the in-scope set is labelled against the UN lists)")
	cf.register(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *input == "" {
		return usagef("eval classify: --input FILE is required")
	}
	f, err := format()
	if err != nil {
		return err
	}
	set, err := readSet(*input, classifyeval.ReadLabelled)
	if err != nil {
		return err
	}
	c, err := cf.newClassifier(ctx, e, fs.cfg.DataDir)
	if err != nil {
		return err
	}
	m, err := classifyeval.Evaluate(ctx, c, set)
	if err != nil {
		return err
	}
	if !*failures {
		m.Failures = nil
	}
	if f == formatJSON {
		return writeJSON(e.stdout, m)
	}
	w := e.stdout
	fmt.Fprintf(w, "items            %d (answered %d)\n", m.N, m.Answered)
	fmt.Fprintf(w, "acc@4            %.3f (answered)\n", m.Acc4)
	fmt.Fprintf(w, "acc@6            %.3f (answered)\n", m.Acc6)
	fmt.Fprintf(w, "top1@4 all       %.3f\n", m.Top1At4All)
	fmt.Fprintf(w, "top5@4           %.3f\n", m.Top5At4)
	fmt.Fprintf(w, "top5@6           %.3f\n", m.Top5At6)
	fmt.Fprintf(w, "abstain          %.3f\n", m.Abstain)
	if m.LuxuryLabelled > 0 {
		fmt.Fprintf(w, "luxury precision %.3f\n", m.LuxuryPrecision)
		fmt.Fprintf(w, "luxury recall    %.3f\n", m.LuxuryRecall)
	}
	if m.HardNegatives > 0 {
		fmt.Fprintf(w, "hard negatives   %d, called luxury %.3f\n", m.HardNegatives, m.HardNegativeLuxury)
	}
	failed := map[string]bool{}
	for _, fl := range m.Failures {
		failed[fl.ID] = true
		fmt.Fprintf(w, "FAIL %s %q gold=%s got=%s: %s\n", fl.ID, fl.Description, fl.Gold, fl.Got, fl.Problem)
	}
	if *failures {
		fmt.Fprintf(w, "%d passed, %d failed\n", m.N-len(failed), len(failed))
	}
	return nil
}
