package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/lists"
)

// runListsCompare prints what one list or jurisdiction controls that
// another does not, heading by heading, and where thresholds differ.
func runListsCompare(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists compare", "A B [--date YYYY-MM-DD] [--kind luxury] [--format table|json]")
	date := fs.String("date", "", "compare the lists in force on this day (default today)")
	kind := fs.String("kind", "luxury", "kinds of list to merge when A or B is a jurisdiction: luxury, sectoral, catch-all (comma-separated)")
	format := fs.String("format", "table", "output format: table or json")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("lists compare: want two list IDs or jurisdictions, e.g. 'lists compare EU US'")
	}
	f, err := parseFormat(*format, formatTable, formatJSON)
	if err != nil {
		return err
	}
	opts, err := lookupOptions(e, *date, "", *kind, "")
	if err != nil {
		return err
	}
	ls, err := fs.controlLists(ctx, e)
	if err != nil {
		return err
	}
	a, err := resolveList(ls, pos[0], opts)
	if err != nil {
		return err
	}
	b, err := resolveList(ls, pos[1], opts)
	if err != nil {
		return err
	}
	c := lists.Compare(a, b)
	if f == formatJSON {
		return writeJSON(e.stdout, c)
	}
	return printComparison(e.stdout, a, b, c, opts.Date)
}

// resolveList returns the list with ID name, or else the lists of the
// jurisdiction name in force on the day and of the kinds asked, merged.
func resolveList(ls []*lists.List, name string, opts lists.Options) (*lists.List, error) {
	for _, l := range ls {
		if l.ID == name {
			return l.At(opts.Date), nil
		}
	}
	j := lists.CanonicalJurisdiction(name)
	var parts []*lists.List
	for _, l := range lists.InForce(ls, opts.Date, opts.Kinds...) {
		if l.Jurisdiction == j {
			parts = append(parts, l.At(opts.Date))
		}
	}
	if len(parts) == 0 {
		return nil, usagef("lists compare: %q is neither a list ID nor a jurisdiction with a list in force on %s (run 'luxscreen lists')", name, opts.Date.Format(dateFlagLayout))
	}
	return lists.Combine(j, parts...), nil
}

func printComparison(w io.Writer, a, b *lists.List, c lists.Comparison, date time.Time) error {
	fmt.Fprintf(w, "%s vs %s, lists in force on %s\n", a.ID, b.ID, date.Format(dateFlagLayout))
	fmt.Fprintf(w, "  %s: %s\n  %s: %s\n", a.ID, a.Title, b.ID, b.Title)
	fmt.Fprintf(w, "Headings: %d controlled by both alike, %d by both to different extents, %d by %s only, %d by %s only.\n",
		len(c.Same()), len(c.Differ()), len(c.OnlyA()), a.ID, len(c.OnlyB()), b.ID)
	section := func(title string, rows []lists.HeadingRow) {
		fmt.Fprintf(w, "\n%s (%d)\n", title, len(rows))
		if len(rows) == 0 {
			fmt.Fprintln(w, "  (none)")
			return
		}
		tw := newTable(w)
		fmt.Fprintf(tw, "  HEADING\t%s\t%s\tENTRIES\n", strings.ToUpper(a.ID), strings.ToUpper(b.ID))
		for _, r := range rows {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", r.Heading, r.A, r.B, truncate(strings.Join(append(r.AEntries, r.BEntries...), ", "), 70))
		}
		tw.Flush()
	}
	section(fmt.Sprintf("Controlled by %s, not by %s", a.ID, b.ID), c.OnlyA())
	section(fmt.Sprintf("Controlled by %s, not by %s", b.ID, a.ID), c.OnlyB())
	section("Controlled by both, to different extents (full = every good of the heading; partial = some, or an ex code)", c.Differ())
	fmt.Fprintf(w, "\nThreshold differences (%d)\n", len(c.Thresholds))
	if len(c.Thresholds) == 0 {
		fmt.Fprintln(w, "  (none)")
		return nil
	}
	tw := newTable(w)
	fmt.Fprintf(tw, "  HEADING\t%s\t%s\n", strings.ToUpper(a.ID), strings.ToUpper(b.ID))
	for _, d := range c.Thresholds {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", d.Heading, thresholdsText(d.A), thresholdsText(d.B))
	}
	return tw.Flush()
}

func thresholdsText(refs []lists.ThresholdRef) string {
	var parts []string
	for _, r := range refs {
		s := "no threshold"
		if r.Threshold != nil {
			s = thresholdText(r.Threshold)
		}
		if !containsString(parts, s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
