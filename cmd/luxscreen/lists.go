package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
	"github.com/luxscreen/luxscreen/screen"
)

// listsSubcommand is one "luxscreen lists" subcommand.
type listsSubcommand struct {
	name, summary string
	run           func(ctx context.Context, e *env, args []string) error
}

func listsSubcommands() []listsSubcommand {
	return []listsSubcommand{
		{"show", "one list with its entries, codes and citations", runListsShow},
		{"fetch", "download the current official sanctions lists", runListsFetch},
		{"diff", "what changed between two versions of the sanctions lists, entity by entity", runListsDiff},
		{"compare", "what one list or jurisdiction controls that another does not, by heading", runListsCompare},
		{"matrix", "coverage matrix of jurisdictions by HS chapter or heading (csv, md, svg, html)", runListsMatrix},
		{"gaps", "per jurisdiction, the baseline (UN) luxury categories it does not cover", runListsGaps},
		{"history", "the succession of lists that bound a jurisdiction since 2006, with amendments and the periods no list covers", runListsHistory},
		{"sources", "provenance of every list: instrument, URL, as-of, entries by basis and confidence", runListsSources},
		{"presumptions", "the price floors that judge luxury entries of \"ex\" scope without a threshold, with their sources", runListsPresumptions},
	}
}

// runLists prints the table of lists, or runs a subcommand.
func runLists(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		for _, s := range listsSubcommands() {
			if s.name == args[0] {
				return s.run(ctx, e, args[1:])
			}
		}
		var names []string
		for _, s := range listsSubcommands() {
			names = append(names, s.name)
		}
		return usagef("lists: unknown subcommand %q (have: %s)", args[0], strings.Join(names, ", "))
	}
	fs := newFlagSet(e, "lists", "["+subcommandNames()+"] [--format table|json|jsonl]")
	flagsUsage := fs.Usage
	fs.Usage = func() {
		flagsUsage()
		fmt.Fprintln(e.stderr, "subcommands (run 'luxscreen lists SUBCOMMAND -h' for their flags):")
		for _, s := range listsSubcommands() {
			fmt.Fprintf(e.stderr, "  %-13s %s\n", s.name, s.summary)
		}
	}
	format := fs.formatFlag(formatTable, formatTable, formatMarkdown, formatJSON, formatJSONL)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	f, err := format()
	if err != nil {
		return err
	}
	cat, err := fs.catalogue(ctx, e)
	if err != nil {
		return err
	}
	ls := cat.Lists()
	if f == formatMarkdown {
		return listsMarkdown(e.stdout, ls)
	}
	if f != formatTable {
		recs := make([]lists.Summary, 0, len(ls))
		for _, l := range ls {
			recs = append(recs, l.Summary())
		}
		return writeRecords(e.stdout, f, recs)
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "ID\tJURISDICTION\tKIND\tDIRECTION\tENTRIES\tBASIS\tCONFIDENCE\tIN FORCE\tAS OF")
	var all lists.Counts
	for _, l := range ls {
		s := l.Summary()
		all = all.Plus(s.Counts)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", s.ID, s.Jurisdiction, kindText(l), s.Direction, s.Entries,
			s.BasisText(), s.ConfidenceText(), s.InForceText(), s.AsOf)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "\nAll lists: %s; %s. %s\n", all.BasisText(), all.ConfidenceText(), legend)
	return err
}

// legend explains the short forms of basis and confidence.
const legend = "BASIS: PUB codes printed in the instrument, TAR read from an official tariff, DER derived by us. CONF: PRI primary text, SEC secondary source, REC recalled (not yet seen in a source)."

// listsMarkdown prints the table of lists in Markdown.
func listsMarkdown(w io.Writer, ls []*lists.List) error {
	fmt.Fprintln(w, "| list | jurisdiction | kind | instrument | entries | in force | as of |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, l := range ls {
		s := l.Summary()
		_, err := fmt.Fprintf(w, "| `%s` | %s | %s | %s | %d | %s | %s |\n", s.ID, s.Jurisdiction, s.Kind, s.Instrument, s.Entries, s.InForceText(), s.AsOf)
		if err != nil {
			return err
		}
	}
	return nil
}

func subcommandNames() string {
	var names []string
	for _, s := range listsSubcommands() {
		names = append(names, s.name)
	}
	return strings.Join(names, "|")
}

func runListsShow(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists show", "ID [--format table|json]")
	fs.formatFlag(formatTable, formatTable, formatJSON)
	pos, f, err := fs.parseOutput(args, 1, "want exactly one list ID")
	if err != nil {
		return err
	}
	cat, err := fs.catalogue(ctx, e)
	if err != nil {
		return err
	}
	l, ok := cat.List(pos[0])
	if !ok {
		return usagef("lists show: no list %q (run 'luxscreen lists' for the IDs)", pos[0])
	}
	if f == formatJSON {
		return writeJSON(e.stdout, l)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s — %s\n", l.ID, l.Title)
	fmt.Fprintf(w, "Jurisdiction: %s   Kind: %s   Direction: %s %s\n", l.Jurisdiction, l.Kind, l.Direction, l.Target)
	fmt.Fprintf(w, "Instrument:   %s, %s (%s)\n", l.Instrument.Name, l.Instrument.Reference, l.Instrument.Date.Format(dateFlagLayout))
	fmt.Fprintf(w, "Citation:     %s\n", l.Citation)
	fmt.Fprintf(w, "In force:     %s\n", l.Summary().InForceText())
	fmt.Fprintf(w, "As of:        %s   Confidence: %s\n", l.AsOf.Format(dateFlagLayout), l.Confidence)
	if l.Instrument.URL != "" {
		fmt.Fprintf(w, "Source:       %s\n", l.Instrument.URL)
	}
	if l.Notes != "" {
		fmt.Fprintf(w, "Notes:        %s\n", l.Notes)
	}
	fmt.Fprintln(w)
	tw := newTable(w)
	fmt.Fprintln(tw, "ENTRY\tCATEGORY\tCODES\tBASIS\tCONF\tTHRESHOLD\tCITATION")
	for _, en := range l.Entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", en.ID, truncate(en.Category, 60), codeList(en), en.Basis.Short(), en.Confidence.Short(), thresholdText(en.Threshold), en.Citation)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, en := range l.Entries {
		if en.AllGoods {
			fmt.Fprintf(w, "%s: %s\n", en.ID, embargoText(l, en))
		}
	}
	for _, a := range l.Amendments {
		fmt.Fprintf(w, "Amended by %s (%s): %s\n", a.Reference, a.Date.Format(dateFlagLayout), a.Summary)
	}
	_, err = fmt.Fprintln(w, legend)
	return err
}

func codeList(en *lists.Entry) string {
	if en.AllGoods {
		return "all goods"
	}
	var parts []string
	for _, p := range en.Codes {
		parts = append(parts, p.String()+" ("+p.Edition.String()+")")
	}
	return strings.Join(parts, ", ")
}

func thresholdText(t *lists.Threshold) string {
	if t == nil {
		return "–"
	}
	op := ">"
	if t.Inclusive {
		op = "≥"
	}
	per := string(t.Per)
	if t.PerQuantity != 1 {
		per = fmt.Sprintf("%g %s", t.PerQuantity, t.Per)
	}
	return fmt.Sprintf("%s %g %s per %s", op, t.Amount, t.Currency, per)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// runListsCompare prints what one list or jurisdiction controls that
// another does not, heading by heading, and where thresholds differ.
func runListsCompare(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists compare", "A B [--date YYYY-MM-DD] [--kind luxury] [--format table|json]")
	date := fs.String("date", "", "compare the lists in force on this day (default today)")
	kind := fs.String("kind", "luxury", "kinds of list to merge when A or B is a jurisdiction: luxury, sectoral, catch-all, embargo (comma-separated)")
	fs.formatFlag(formatTable, formatTable, formatJSON)
	pos, f, err := fs.parseOutput(args, 2, "want two list IDs or jurisdictions, e.g. 'lists compare EU US'")
	if err != nil {
		return err
	}
	opts, err := lookupOptions(e, *date, "", *kind, "")
	if err != nil {
		return err
	}
	sys, err := fs.open(ctx, e, luxscreen.Config{}, false)
	if err != nil {
		return err
	}
	a, err := resolveList(sys, pos[0], opts)
	if err != nil {
		return err
	}
	b, err := resolveList(sys, pos[1], opts)
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
func resolveList(sys *luxscreen.System, name string, opts lists.Options) (*lists.List, error) {
	l, ok := sys.ResolveList(name, opts)
	if !ok {
		return nil, usagef("lists compare: %q is neither a list ID nor a jurisdiction with a list in force on %s (run 'luxscreen lists')", name, opts.Date.Format(dateFlagLayout))
	}
	return l, nil
}

func printComparison(w io.Writer, a, b *lists.List, c lists.Comparison, date time.Time) error {
	fmt.Fprintf(w, "%s vs %s, lists in force on %s\n", a.ID, b.ID, date.Format(dateFlagLayout))
	fmt.Fprintf(w, "  %s: %s\n  %s: %s\n", a.ID, a.Title, b.ID, b.Title)
	fmt.Fprintf(w, "Headings: %d controlled by both alike, %d by both to different extents, %d by %s only, %d by %s only.\n",
		len(c.Same()), len(c.Differ()), len(c.OnlyA()), a.ID, len(c.OnlyB()), b.ID)
	if same := c.SameDerivation(); len(same) > 0 {
		var origins []string
		for _, r := range same {
			if !containsString(origins, r.SameDerivation) {
				origins = append(origins, r.SameDerivation)
			}
		}
		fmt.Fprintf(w, "Same derivation: on %d of these headings both sides copy our derivation of %s; they agree by construction, which says nothing about whether the laws agree.\n",
			len(same), strings.Join(origins, ", "))
	}
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

// runListsGaps prints, per jurisdiction, the baseline (UN) luxury
// categories it does not control or controls only in part.
func runListsGaps(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists gaps", "--baseline UN [--date YYYY-MM-DD] [--only none|partial] [--format table|json|jsonl]")
	baseline := fs.String("baseline", "UN", "jurisdiction whose luxury lists are the floor")
	date := fs.String("date", "", "lists in force on this day (default today)")
	only := fs.String("only", "", "show only gaps of this extent: none or partial")
	fs.formatFlag(formatTable, formatTable, formatJSON, formatJSONL)
	_, f, err := fs.parseOutput(args, 0, "takes no arguments")
	if err != nil {
		return err
	}
	if *only != "" && *only != "none" && *only != "partial" {
		return usagef("--only %q: want none or partial", *only)
	}
	opts, err := lookupOptions(e, *date, "", "luxury", "")
	if err != nil {
		return err
	}
	ls, err := fs.controlLists(ctx, e)
	if err != nil {
		return err
	}
	base := lists.CanonicalJurisdiction(*baseline)
	var baseLists, others []*lists.List
	for _, l := range lists.InForce(ls, opts.Date, lists.Luxury) {
		if l.Jurisdiction == base {
			baseLists = append(baseLists, l.At(opts.Date))
		} else {
			others = append(others, l.At(opts.Date))
		}
	}
	if len(baseLists) == 0 {
		return usagef("lists gaps: no luxury list of %q in force on %s", *baseline, opts.Date.Format(dateFlagLayout))
	}
	var gaps []lists.Gap
	for _, g := range lists.Gaps(baseLists, others) {
		if *only == "" || g.Extent.String() == *only {
			gaps = append(gaps, g)
		}
	}
	copies := lists.Copies(baseLists, others)
	if f != formatTable {
		// Gaps, then the categories covered only by copies of the
		// baseline's derivation, told apart by their "record" field.
		recs := make([]any, 0, len(gaps)+len(copies))
		for _, g := range gaps {
			recs = append(recs, g)
		}
		for _, c := range copies {
			recs = append(recs, c)
		}
		return writeRecords(e.stdout, f, recs)
	}
	fmt.Fprintf(e.stdout, "%s luxury categories not fully controlled, lists in force on %s (none = no code covered; partial = some codes, or only ex/narrower codes)\n\n", base, opts.Date.Format(dateFlagLayout))
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "JURISDICTION\tEXTENT\tBASELINE ENTRY\tCATEGORY\tUNCOVERED CODES")
	for _, g := range gaps {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", g.Jurisdiction, g.Extent, g.Baseline, truncate(g.Category, 50), strings.Join(g.Uncovered, " "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(copies) == 0 {
		return nil
	}
	fmt.Fprintf(e.stdout, "\nCovered only by copies of the %s derivation (same derivation on both sides: no gap by construction, not a finding about the national law)\n\n", base)
	tw = newTable(e.stdout)
	fmt.Fprintln(tw, "JURISDICTION\tBASELINE ENTRY\tCATEGORY\tCOPIED BY")
	for _, c := range copies {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Jurisdiction, c.Baseline, truncate(c.Category, 50), strings.Join(c.Entries, ", "))
	}
	return tw.Flush()
}

// runListsMatrix renders the coverage matrix of jurisdictions by HS
// chapter or heading.
func runListsMatrix(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists matrix", "[--level chapter|heading] [--format csv|md|svg|html] [--date YYYY-MM-DD] [--kind luxury] [--hs FILE]")
	level := fs.String("level", lists.ByChapter, "columns: chapter or heading")
	format := fs.String("format", "csv", "output format: csv, md, svg or html")
	date := fs.String("date", "", "lists in force on this day (default today)")
	kind := fs.String("kind", "luxury", "kinds of list: luxury, sectoral, catch-all, embargo (comma-separated)")
	hsFile := fs.String("hs", "", "HS nomenclature file (flat HS CSV, Comtrade JSON) whose descriptions label the SVG/HTML columns")
	if _, err := fs.parseArgs(args, 0, "takes no arguments"); err != nil {
		return err
	}
	if *level != lists.ByChapter && *level != lists.ByHeading {
		return usagef("--level %q: want chapter or heading", *level)
	}
	switch *format {
	case "csv", "md", "svg", "html":
	default:
		return usagef("--format %q: want csv, md, svg or html", *format)
	}
	opts, err := lookupOptions(e, *date, "", *kind, "")
	if err != nil {
		return err
	}
	var labels report.MatrixLabels
	if *hsFile != "" {
		t, err := hs.Open(ctx, *hsFile, hs.HS2022)
		if err != nil {
			return fmt.Errorf("lists matrix: --hs: %w", err)
		}
		labels = report.MatrixLabels{}
		for it := range t.Items() {
			if n := it.Code.Len(); n == 2 || n == 4 {
				labels[it.Code.Digits()] = it.Description
			}
		}
	}
	ls, err := fs.controlLists(ctx, e)
	if err != nil {
		return err
	}
	m, err := lists.NewMatrix(lists.InForce(ls, opts.Date, opts.Kinds...), *level, opts.Date)
	if err != nil {
		return err
	}
	switch *format {
	case "md":
		return report.WriteMatrixMarkdown(e.stdout, m)
	case "svg":
		return report.WriteMatrixSVG(e.stdout, m, labels)
	case "html":
		return report.WriteMatrixHTML(e.stdout, m, labels)
	}
	return report.WriteMatrixCSV(e.stdout, m)
}

// runListsSources prints the provenance of every list: instrument, URL,
// as-of date and entry counts by basis and confidence.
func runListsSources(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists sources", "[--format table|md|json|jsonl]")
	fs.formatFlag(formatTable, formatTable, formatMarkdown, formatJSON, formatJSONL)
	_, f, err := fs.parseOutput(args, 0, "takes no arguments")
	if err != nil {
		return err
	}
	cat, err := fs.catalogue(ctx, e)
	if err != nil {
		return err
	}
	srcs := lists.Sources(cat.Lists())
	if f == formatMarkdown {
		if err := printSourcesMarkdown(e, srcs); err != nil {
			return err
		}
		_, err := fmt.Fprintf(e.stdout, "\n%s.\n", presumptionsSummary(cat.Presumptions()))
		return err
	}
	if f != formatTable {
		return writeRecords(e.stdout, f, srcs)
	}
	defer fmt.Fprintln(e.stdout, presumptionsSummary(cat.Presumptions()))
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "LIST\tJUR\tKIND\tINSTRUMENT\tIN FORCE\tAS OF\tENTRIES\tPUBLISHED\tTARIFF\tDERIVED\tPRIMARY\tSECONDARY\tRECALLED\tURL")
	var all lists.Counts
	n := 0
	for _, s := range srcs {
		all, n = all.Plus(s.Counts), n+s.Entries
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", s.List, s.Jurisdiction, s.Kind, truncate(s.Reference, 40),
			periodText(s.InForce), s.AsOf.Format(dateFlagLayout), s.Entries, s.Published, s.Tariff, s.Derived, s.PrimaryText, s.SecondarySource, s.Recalled, s.URL)
	}
	fmt.Fprintf(tw, "all %d lists\t\t\t\t\t\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", len(srcs), n, all.Published, all.Tariff, all.Derived, all.PrimaryText, all.SecondarySource, all.Recalled)
	return tw.Flush()
}

// printSourcesMarkdown prints the table of lists the README carries: each
// list with its period in force and its entries by basis and confidence,
// and the totals.
func printSourcesMarkdown(e *env, srcs []lists.Source) error {
	var b strings.Builder
	b.WriteString("| list | jurisdiction | kind | instrument | in force | as of | entries | published / tariff / derived | primary / secondary / recalled |\n|---|---|---|---|---|---|---|---|---|\n")
	var all lists.Counts
	n := 0
	for _, s := range srcs {
		all, n = all.Plus(s.Counts), n+s.Entries
		fmt.Fprintf(&b, "| [`%s`](%s) | %s | %s | %s | %s | %s | %d | %d / %d / %d | %d / %d / %d |\n", s.List, s.URL, s.Jurisdiction, s.Kind,
			strings.ReplaceAll(s.Reference, "|", "/"), periodText(s.InForce), s.AsOf.Format(dateFlagLayout), s.Entries,
			s.Published, s.Tariff, s.Derived, s.PrimaryText, s.SecondarySource, s.Recalled)
	}
	fmt.Fprintf(&b, "| **all %d lists** | | | | | | %d | %d / %d / %d | %d / %d / %d |\n", len(srcs), n,
		all.Published, all.Tariff, all.Derived, all.PrimaryText, all.SecondarySource, all.Recalled)
	_, err := fmt.Fprint(e.stdout, b.String())
	return err
}

// periodText is a period as "from –" or "from – until", until being the
// first day no longer in force.
func periodText(p lists.Period) string {
	if p.Until == nil {
		return p.From.Format(dateFlagLayout) + " –"
	}
	return p.From.Format(dateFlagLayout) + " – " + p.Until.Format(dateFlagLayout)
}

// runListsFetch downloads the official sanctions list files ("luxscreen
// lists fetch"), checks each before putting it in place, and writes the
// manifest; it exits 1 when a source failed, the file fetched before
// staying in place.
func runListsFetch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists fetch", "[--dir D] [--timeout 2m] [--only NAME,…] [--url NAME=URL …] [--max-shrink 0.10] [--allow-shrink] [--max-list-size BYTES]")
	dir := fs.String("dir", "lists", "directory to write the files and manifest.json into; give it to --list to load them all")
	opt := screen.FetchOptions{Now: e.now}
	fs.DurationVar(&opt.Timeout, "timeout", 2*time.Minute, "time limit for each download")
	fs.listLimitFlags(&opt.MaxShrink, &opt.AllowShrink, &opt.MaxBytes)
	only := fs.String("only", "", "comma-separated source names to fetch (default: all)")
	var urls repeated
	fs.Var(&urls, "url", "NAME=URL: fetch source NAME from a mirror instead; repeatable")
	if _, err := fs.parseArgs(args, 0, "takes no arguments"); err != nil {
		return err
	}
	if opt.MaxShrink < 0 || opt.MaxShrink > 1 {
		return usagef("lists fetch: --max-shrink %g: want a share between 0 and 1", opt.MaxShrink)
	}
	sources := screen.OfficialSources()
	known := make(map[string]int)
	for i, s := range sources {
		known[s.Name] = i
	}
	for _, u := range urls {
		name, url, ok := strings.Cut(u, "=")
		i, found := known[name]
		if !ok || !found || url == "" {
			return usagef("lists fetch: --url %q: want NAME=URL with NAME one of %s", u, sourceNames(sources))
		}
		sources[i].URL = url
	}
	if *only != "" {
		var sel []screen.Source
		for _, n := range splitList(*only) {
			i, found := known[n]
			if !found {
				return usagef("lists fetch: --only %q: unknown source (have %s)", n, sourceNames(sources))
			}
			sel = append(sel, sources[i])
		}
		sources = sel
	}
	got, err := screen.Fetch(ctx, &http.Client{}, sources, *dir, opt)
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "SOURCE\tFILE\tSTATUS\tENTITIES\tPUBLISHED\tBYTES\tSHA256")
	for _, f := range got {
		status := "ok"
		if f.Error != "" {
			status = "FAILED (previous file kept)"
			if f.SHA256 == "" {
				status = "FAILED (no file)"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\t%.16s\n", f.Source, f.File, status, f.Entities, orDash(f.Published), f.Bytes, f.SHA256)
	}
	if ferr := tw.Flush(); err == nil {
		err = ferr
	}
	if len(got) > 0 {
		fmt.Fprintf(e.stdout, "manifest: %s\n", filepath.Join(*dir, screen.ManifestFile))
	}
	return err
}

func sourceNames(ss []screen.Source) string {
	var names []string
	for _, s := range ss {
		names = append(names, s.Name)
	}
	return strings.Join(names, ", ")
}
