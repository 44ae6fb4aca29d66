package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/classify/classifyeval"
)

// evalClassifyUsage is the synopsis of "luxscreen eval classify".
const evalClassifyUsage = "--input FILE|GLOB [--input …] [--results FILE] [--nomenclature FILE] [--jurisdiction auto|all|UN,EU…] [--by section,style] [--failures] [--format table|json]"

// evalSet is one labelled set of "eval classify" with its figures.
type evalSet struct {
	Input string `json:"input"`
	classifyeval.Metrics
}

// evalClassifyReport is the JSON output of "eval classify" with several
// inputs: each set's figures and those of all sets together.
type evalClassifyReport struct {
	Jurisdictions string               `json:"jurisdictions"`
	Sets          []evalSet            `json:"sets"`
	All           classifyeval.Metrics `json:"all"`
}

// runEvalClassify measures the classifier on labelled sets: the JSONL
// sets of classify/testdata or a CSV such as the shared HSClassify_micro
// development set. With --results it scores a classifier's saved batch
// output instead of classifying.
func runEvalClassify(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval classify", evalClassifyUsage)
	var cf classifierFlags
	var inputs repeated
	fs.Var(&inputs, "input", "labelled set: JSON lines (id, description, gold_hs6, luxury, hard_negative, style…) or CSV text,expected_hs_code; a glob, or repeat for several sets")
	results := fs.String("results", "", "score this JSON-lines output of \"luxscreen classify --input … --format jsonl\" (of one --input) instead of classifying")
	failures := fs.Bool("failures", false, "list the items the classifier got wrong")
	by := fs.String("by", "", "break the figures down by section, style or both (section,style); default both for sets of ordinary goods (lines with a style)")
	format := fs.formatFlag(formatTable, formatTable, formatJSON)
	fs.StringVar(&cf.juris, "jurisdiction", "auto", "jurisdictions whose luxury controls count: auto (UN for sets labelled luxury, all for sets of ordinary goods with styles), all, or a comma-separated list")
	cf.register(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if len(inputs) == 0 {
		return usagef("eval classify: --input FILE is required")
	}
	f, err := format()
	if err != nil {
		return err
	}
	var files []string
	for _, in := range inputs {
		m, err := filepath.Glob(in)
		if err != nil {
			return usagef("--input %q: %v", in, err)
		}
		if len(m) == 0 {
			m = []string{in} // not a pattern, or a missing file: reading it says so
		}
		files = append(files, m...)
	}
	if *results != "" && len(files) != 1 {
		return usagef("eval classify: --results scores the output of one --input, not %d", len(files))
	}
	sets := make([][]classifyeval.Labelled, len(files))
	styled := false
	for i, path := range files {
		if sets[i], err = readSet(path, classifyeval.ReadLabelled); err != nil {
			return err
		}
		styled = styled || slices.ContainsFunc(sets[i], func(l classifyeval.Labelled) bool { return l.Style != "" })
	}
	switch cf.juris {
	case "auto":
		cf.juris = "UN"
		if styled {
			cf.juris = ""
		}
	case "all":
		cf.juris = ""
	}
	groups := strings.Split(*by, ",")
	if *by == "" {
		groups = nil
		if styled {
			groups = []string{"section", "style"}
		}
	}
	for _, g := range groups {
		if g != "section" && g != "style" {
			return usagef("--by %q: want section, style or section,style", *by)
		}
	}
	c, opts, err := openEvalClassifier(ctx, e, &cf, fs.cfg.DataDir)
	if err != nil {
		return err
	}
	opts.Groups = groups
	juris := cf.juris
	if juris == "" {
		juris = "all"
	}
	var all []classifyeval.Labelled
	var allOuts []classifyeval.Outcome
	rep := evalClassifyReport{Jurisdictions: juris}
	for i, set := range sets {
		var outs []classifyeval.Outcome
		if *results != "" {
			if outs, err = readSet(*results, classifyeval.ReadOutcomes); err != nil {
				return err
			}
		} else {
			outs = make([]classifyeval.Outcome, len(set))
			for j, l := range set {
				r, err := c.Classify(ctx, l.Item)
				if err != nil {
					return err
				}
				outs[j] = classifyeval.OutcomeOf(r)
			}
		}
		m, err := classifyeval.Score(set, outs, opts)
		if err != nil {
			return fmt.Errorf("%s: %w", files[i], err)
		}
		if !*failures {
			m.Failures = nil
		}
		rep.Sets = append(rep.Sets, evalSet{Input: files[i], Metrics: m})
		all, allOuts = append(all, set...), append(allOuts, outs...)
	}
	if len(sets) > 1 {
		if rep.All, err = classifyeval.Score(all, allOuts, opts); err != nil {
			return err
		}
		rep.All.Failures = nil
	}
	if f == formatJSON {
		if len(sets) == 1 {
			return writeJSON(e.stdout, struct {
				Jurisdictions string `json:"jurisdictions"`
				evalSet
			}{juris, rep.Sets[0]})
		}
		return writeJSON(e.stdout, rep)
	}
	w := e.stdout
	fmt.Fprintf(w, "luxury lists     %s (luxury state and catalogue coverage)\n", juris)
	for _, s := range rep.Sets {
		if len(sets) > 1 {
			fmt.Fprintf(w, "\n== %s\n", s.Input)
		}
		printEvalClassify(w, s.Metrics)
	}
	if len(sets) > 1 {
		fmt.Fprintf(w, "\n== all %d sets\n", len(sets))
		printEvalClassify(w, rep.All)
	}
	failed := map[string]bool{}
	for _, s := range rep.Sets {
		for _, fl := range s.Failures {
			failed[s.Input+"\x00"+fl.ID] = true
			fmt.Fprintf(w, "FAIL %s %q gold=%s got=%s: %s\n", fl.ID, fl.Description, fl.Gold, fl.Got, fl.Problem)
		}
	}
	if *failures {
		n := 0
		for _, s := range rep.Sets {
			n += s.N
		}
		fmt.Fprintf(w, "%d passed, %d failed\n", n-len(failed), len(failed))
	}
	return nil
}

// openEvalClassifier opens the system the flags ask for and returns its
// classifier, and the scoring options that read the coverage of gold
// codes from its catalogue with the same jurisdictions.
func openEvalClassifier(ctx context.Context, e *env, cf *classifierFlags, dataDir string) (*classify.Classifier, classifyeval.Options, error) {
	var opts classifyeval.Options
	cfg, err := cf.config()
	if err != nil {
		return nil, opts, err
	}
	cfg.Now, cfg.DataDir = e.now, dataDir
	sys, err := luxscreen.Open(ctx, cfg)
	if err != nil {
		return nil, opts, err
	}
	opts.Catalogue, opts.Jurisdictions, opts.Now, opts.Rates = sys.Catalogue(), cfg.Jurisdictions, e.now(), cfg.Rates
	return sys.Classifier(), opts, nil
}

// printEvalClassify prints the figures of one evaluation as a table.
func printEvalClassify(w io.Writer, m classifyeval.Metrics) {
	fmt.Fprintf(w, "items            %d (answered %d)\n", m.N, m.Answered)
	fmt.Fprintf(w, "acc@4            %.3f (answered)\n", m.Acc4)
	fmt.Fprintf(w, "acc@6            %.3f (answered)\n", m.Acc6)
	fmt.Fprintf(w, "top1@4 all       %.3f\n", m.Top1At4All)
	fmt.Fprintf(w, "top1@6 all       %.3f\n", m.Top1At6All)
	fmt.Fprintf(w, "top5@4           %.3f\n", m.Top5At4)
	fmt.Fprintf(w, "top5@6           %.3f\n", m.Top5At6)
	fmt.Fprintf(w, "abstain          %.3f\n", m.Abstain)
	fmt.Fprintf(w, "review (unknown) %.3f, needs_review %.3f\n", m.Review, m.NeedsReview)
	fmt.Fprintf(w, "law says no      %d lines: false alarms %.3f, review (unknown) %.3f\n", m.Uncontrolled, m.FalseAlarm, m.UncontrolledReview)
	fmt.Fprintf(w, "law says yes     %d lines: yes %.3f, unknown %.3f\n", m.Controlled, m.ControlledRecall, m.ControlledUnknown)
	if m.LuxuryLabelled > 0 {
		fmt.Fprintf(w, "luxury precision %.3f\n", m.LuxuryPrecision)
		fmt.Fprintf(w, "luxury recall    %.3f\n", m.LuxuryRecall)
	}
	if m.HardNegatives > 0 {
		fmt.Fprintf(w, "hard negatives   %d, called luxury %.3f\n", m.HardNegatives, m.HardNegativeLuxury)
	}
	if len(m.Groups) == 0 {
		return
	}
	fmt.Fprintf(w, "%-8s %-8s %5s %6s %6s %6s %6s %7s %6s %5s %9s %7s %5s %8s\n", "by", "group", "n", "acc@4", "acc@6", "top1@4", "top5@4", "abstain", "review", "no", "falsealarm", "no-rev", "yes", "yes-yes")
	for _, g := range m.Groups {
		fmt.Fprintf(w, "%-8s %-8s %5d %6.3f %6.3f %6.3f %6.3f %7.3f %6.3f %5d %9.3f %7.3f %5d %8.3f\n", g.By, g.Key, g.N, g.Acc4, g.Acc6, g.Top1At4All, g.Top5At4, g.Abstain, g.Review, g.Uncontrolled, g.FalseAlarm, g.UncontrolledReview, g.Controlled, g.ControlledRecall)
	}
}
