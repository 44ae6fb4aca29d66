package main

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/luxscreen/luxscreen/screen"
)

// formatText is the report "lists diff" prints for a reader.
const formatText outputFormat = "text"

// runListsDiff prints what changed between two versions of the sanctions
// lists ("luxscreen lists diff OLD NEW"): the entities added, removed and
// changed, field by field. OLD and NEW are anything --list loads. It exits
// 0 whether or not the versions differ, as "git diff --no-index" without
// --exit-code does: the diff is a report, and a script that wants to know
// whether anything changed reads the JSON's added, removed and changed.
func runListsDiff(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists diff", "OLD NEW [--format text|json] [--max-list-size BYTES]")
	fs.formatFlag(formatText, formatText, formatJSON)
	flagsUsage := fs.Usage
	fs.Usage = func() {
		flagsUsage()
		fmt.Fprintln(e.stderr, "Exit codes: 0 whether or not the versions differ, 1 a list that cannot be loaded, 2 usage.")
	}
	maxBytes := fs.Int64("max-list-size", screen.DefaultMaxListBytes, "largest sanctions list file accepted, in bytes")
	pos, f, err := fs.parseOutput(args, 2, "want the old and the new version, each a sanctions list file, OFAC CSV directory or directory written by 'lists fetch'")
	if err != nil {
		return err
	}
	if *maxBytes <= 0 {
		return usagef("lists diff: --max-list-size %d: want a positive number of bytes", *maxBytes)
	}
	sides, err := loadVersions(ctx, screen.LoadOptions{MaxBytes: *maxBytes}, pos...)
	if err != nil {
		return fmt.Errorf("lists diff: %w", err)
	}
	d := screen.Diff(sides[0], sides[1])
	if f == formatJSON {
		return writeJSON(e.stdout, d)
	}
	return printListDiff(e.stdout, d)
}

// loadVersions loads each path as --list does, a directory written by
// "lists fetch" standing for every list it holds. The official files take
// seconds each to parse, so they are read side by side.
func loadVersions(ctx context.Context, opt screen.LoadOptions, paths ...string) ([][]screen.List, error) {
	files := make([][]string, len(paths))
	for i, p := range paths {
		fs, err := screen.ListFiles(p)
		if err != nil {
			return nil, err
		}
		files[i] = fs
	}
	out := make([][]screen.List, len(paths))
	errs := make([][]error, len(paths))
	var wg sync.WaitGroup
	for i := range paths {
		out[i] = make([]screen.List, len(files[i]))
		errs[i] = make([]error, len(files[i]))
		for j, p := range files[i] {
			wg.Go(func() { out[i][j], errs[i][j] = screen.LoadWith(ctx, p, opt) })
		}
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i := range errs {
		for _, err := range errs[i] {
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// printListDiff prints d for a reader: the versions compared, then the
// entities added, removed and changed, one line each with the changes of
// a changed entity indented below it, and the counts.
func printListDiff(w io.Writer, d screen.ListDiff) error {
	side := func(label string, v *screen.ListVersion) {
		if v == nil {
			fmt.Fprintf(w, "  %s: not loaded\n", label)
			return
		}
		fmt.Fprintf(w, "  %s: published %s  sha256 %.16s  %d entities  %s\n", label, orDash(v.Published), v.SHA256, v.Entities, v.File)
	}
	for _, p := range d.Versions {
		src := ""
		if v := firstVersion(p.Old, p.New); v.Source != "" {
			src = " (" + v.Source + ")"
		}
		fmt.Fprintf(w, "%s%s\n", p.ID, src)
		side("old", p.Old)
		side("new", p.New)
	}
	section := func(title string, n int, rows func()) {
		fmt.Fprintf(w, "\n%s (%d)\n", title, n)
		if n == 0 {
			fmt.Fprintln(w, "  (none)")
			return
		}
		rows()
	}
	section("Added", len(d.Added), func() {
		for _, r := range d.Added {
			fmt.Fprintf(w, "  %s  %s\n", r.ID, r.Name)
		}
	})
	section("Removed", len(d.Removed), func() {
		for _, r := range d.Removed {
			fmt.Fprintf(w, "  %s  %s\n", r.ID, r.Name)
		}
	})
	redesignated := 0
	section("Changed", len(d.Changed), func() {
		for _, c := range d.Changed {
			note := ""
			if c.FingerprintChanged {
				redesignated++
			} else {
				note = "  (fingerprint unchanged)"
			}
			fmt.Fprintf(w, "  %s  %s%s\n", c.ID, c.Name, note)
			for _, f := range c.Fields {
				fmt.Fprintf(w, "    %s\n", f)
			}
		}
	})
	_, err := fmt.Fprintf(w, "\n%d added, %d removed, %d changed (%d with a new fingerprint); %d affected.\n",
		len(d.Added), len(d.Removed), len(d.Changed), redesignated, len(d.Affected()))
	return err
}

// cmpOr returns the first of vs that is not nil.
func firstVersion(vs ...*screen.ListVersion) *screen.ListVersion {
	for _, v := range vs {
		if v != nil {
			return v
		}
	}
	return &screen.ListVersion{}
}
