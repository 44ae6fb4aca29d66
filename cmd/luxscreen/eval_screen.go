package main

import (
	"context"
	"strings"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/shared"
	"github.com/luxscreen/luxscreen/screen"
	"github.com/luxscreen/luxscreen/screen/screeneval"
)

// quickSample is the sampling of --quick: one generated probe in twenty
// keeps the typo and ordinary-name sets to a few seconds while still
// touching every name.
const quickSample = 20

// runEvalScreen measures screening with the UN and OFAC lists (and the EU
// and UK lists when the shared directory has them) loaded together, on the
// shared sets and the generated and authored sets of screeneval.
func runEvalScreen(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval screen", "[--shared DIR] [--data DIR] [--sets a,b,…] [--sample N | --quick] [--workers N] [--format table|json]")
	sharedDir := fs.String("shared", shared.Dir(), "shared data directory (default $LUXSCREEN_SHARED)")
	only := fs.String("sets", "", "comma-separated sets to run (default all): "+strings.Join(screeneval.SetNames(), ", "))
	sample := fs.Int("sample", 1, "keep every N-th probe of the generated typo and ordinary-name sets")
	quick := fs.Bool("quick", false, "same as --sample 20")
	workers := fs.Int("workers", 0, "concurrent screenings (default GOMAXPROCS)")
	format := fs.formatFlag(formatTable, formatTable, formatJSON)
	if err := fs.parseNone(args, ""); err != nil {
		return err
	}
	f, err := format()
	if err != nil {
		return err
	}
	if *sharedDir == "" {
		return errSharedUnset
	}
	if *sample < 1 {
		return usagef("eval screen: --sample %d: want 1 or more", *sample)
	}
	if *quick {
		*sample = quickSample
	}
	if err := datafile.Dir(fs.cfg.DataDir).Check(); err != nil {
		return err
	}
	opt := screeneval.Options{Data: datafile.Dir(fs.cfg.DataDir).FS("screen", screen.FS()), Sample: *sample, Workers: *workers}
	if *only != "" {
		opt.Only = strings.Split(*only, ",")
	}
	rep, err := screeneval.RunOptions(ctx, *sharedDir, opt)
	if err != nil {
		return err
	}
	if f == formatJSON {
		return writeJSON(e.stdout, rep)
	}
	rep.Print(e.stdout)
	return nil
}
