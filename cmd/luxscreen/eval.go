package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
)

// evaluations returns the "luxscreen eval" subcommands: each measures a
// capability on a labelled set and prints its metrics.
func evaluations() []command {
	evs := []command{
		{"check", "shipment decisions: verdict accuracy, confusion, block recall, false reviews, per-rule precision/recall", runEvalCheck},
		{"screen", "screening with UN+OFAC together: typo recall, namesakes, innocent companies, cross-script, 50,000 ordinary names, DPRK pairs, bench, self-screen", runEvalScreen},
		{"classify", "HS classifier: acc@4, acc@6, top-5, abstention, luxury precision/recall", runEvalClassify}}
	sort.Slice(evs, func(i, j int) bool { return evs[i].name < evs[j].name })
	return evs
}

func runEval(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("eval: name what to evaluate: %s", evalNames())
	}
	for _, ev := range evaluations() {
		if ev.name == args[0] {
			return ev.run(ctx, e, args[1:])
		}
	}
	return usagef("eval: unknown evaluation %q (have: %s)", args[0], evalNames())
}

func evalNames() string {
	var s string
	for i, ev := range evaluations() {
		if i > 0 {
			s += ", "
		}
		s += ev.name
	}
	if s == "" {
		return "none"
	}
	return fmt.Sprint(s)
}

// readSet reads a labelled evaluation set from path with read; errors name
// the file.
func readSet[T any](path string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	set, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return set, nil
}
