package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/internal/datafile"
)

// dataUsage is the synopsis of "luxscreen data".
const dataUsage = "check DIR"

// runData runs "luxscreen data check DIR": it loads every package's data
// with DIR laid over the embedded files, as --data DIR does, and prints
// every problem with its place, one a line. It exits 2 when there is a
// problem, so that a script or CI job can refuse the directory.
func runData(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "data", dataUsage)
	pos, err := fs.parseArgs(args, 2, "want check DIR")
	if err != nil {
		return err
	}
	if pos[0] != "check" {
		return usagef("data: unknown subcommand %q; want check DIR", pos[0])
	}
	dir := pos[1]
	rep, err := luxscreen.CheckData(ctx, dir)
	problems := datafile.Problems(err)
	slices.SortStableFunc(problems, func(a, b *datafile.Error) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	for _, p := range problems {
		fmt.Fprintln(e.stdout, p.Error())
	}
	if len(problems) > 0 {
		return &usageError{msg: fmt.Sprintf("data check: %s: %d problem%s", dir, len(problems), plural(len(problems)))}
	}
	fmt.Fprintf(e.stdout, "data check: %s: no problems (replacing embedded files: %d, new files: %d)\n",
		dir, len(rep.Replaced), len(rep.Added))
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
