package main

import (
	"context"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/shared"
	"github.com/luxscreen/luxscreen/screen"
	"github.com/luxscreen/luxscreen/screen/screeneval"
)

func runEvalScreen(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval screen", "[--shared DIR] [--data DIR]")
	shared := fs.String("shared", shared.Dir(), "shared data directory (default $LUXSCREEN_SHARED)")
	if err := fs.parseNone(args, ""); err != nil {
		return err
	}
	if *shared == "" {
		return errSharedUnset
	}
	if err := datafile.Dir(fs.cfg.DataDir).Check(); err != nil {
		return err
	}
	rep, err := screeneval.RunData(ctx, *shared, datafile.Dir(fs.cfg.DataDir).FS("screen", screen.FS()))
	if err != nil {
		return err
	}
	rep.Print(e.stdout)
	return nil
}
