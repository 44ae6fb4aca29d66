package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/desk"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/store"
)

const reviewUsage = "list|show|release|confirm|history [flags] [arguments]"

// reviewSubcommands are the subcommands of "review", the review queue of
// a store that "check --db", "screen --db" and "serve" keep.
func reviewSubcommands() []listsSubcommand {
	return []listsSubcommand{
		{"list", "the cases of the queue, newest first (open ones unless --status says otherwise)", runReviewList},
		{"show", "one case with its history and the record it was opened on", runReviewShow},
		{"release", "release a case: false-positive (remembered for later screenings), licence-held or other", runReviewDecide(store.ActionReleased)},
		{"confirm", "confirm a case: true-match, licence-held or other", runReviewDecide(store.ActionConfirmed)},
		{"history", "one party's records, newest first", runReviewHistory},
	}
}

// runReview runs a subcommand of "review".
func runReview(ctx context.Context, e *env, args []string) error {
	return runSubcommand(ctx, e, "review", reviewSubcommands(), args)
}

// runSubcommand runs the subcommand of cmd that args name.
func runSubcommand(ctx context.Context, e *env, cmd string, subs []listsSubcommand, args []string) error {
	var names []string
	for _, s := range subs {
		if len(args) > 0 && s.name == args[0] {
			return s.run(ctx, e, args[1:])
		}
		names = append(names, s.name)
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(e.stderr, "usage: luxscreen %s <subcommand> [flags]\n\nsubcommands:\n", cmd)
		for _, s := range subs {
			fmt.Fprintf(e.stderr, "  %-10s %s\n", s.name, s.summary)
		}
		return usagef("%s: give a subcommand (%s)", cmd, strings.Join(names, ", "))
	}
	return usagef("%s: unknown subcommand %q (have: %s)", cmd, args[0], strings.Join(names, ", "))
}

// storeFlags is a review or audit subcommand's flag set: --db, required.
func storeFlags(e *env, name, usage string) *flagSet {
	fs := newFlagSet(e, name, usage)
	fs.dbFlag(os.Getenv("LUXSCREEN_DB"), "the store the decisions are kept in (a SQLite file or postgres://…); default $LUXSCREEN_DB")
	return fs
}

// needStore opens the store of --db, which these commands require.
func (fs *flagSet) needStore(ctx context.Context) (*store.Store, error) {
	if fs.db == "" || fs.db == "off" {
		return nil, usagef("%s: --db is required (or set LUXSCREEN_DB)", fs.name)
	}
	if _, err := os.Stat(fs.db); err != nil && !strings.Contains(fs.db, "://") {
		// Reading a queue from a store that does not exist would create
		// an empty one and answer "no cases": say what is wrong instead.
		return nil, fmt.Errorf("%s: --db %s: %w", fs.name, fs.db, err)
	}
	return fs.openStore(ctx)
}

func runReviewList(ctx context.Context, e *env, args []string) error {
	fs := storeFlags(e, "review list", "[--status open|released|confirmed|all] [--party KEY] [--limit N] [--before ID] [--format table|json|jsonl]")
	status := fs.String("status", "open", "cases of this status: open, released, confirmed or all")
	partyKey := fs.String("party", "", "only the cases of the party with this key (see 'review history')")
	limit := fs.Int("limit", 50, "most cases listed")
	before := fs.Int64("before", 0, "only cases with a smaller ID, for the next page")
	fs.formatFlag(formatTable, formatTable, formatJSON, formatJSONL)
	if _, f, err := fs.parseOutput(args, 0, "takes no argument"); err != nil {
		return err
	} else {
		cf := store.CaseFilter{Party: *partyKey, Limit: *limit, Before: *before}
		switch *status {
		case "all":
		case "open", "released", "confirmed":
			cf.Status = store.Status(*status)
		default:
			return usagef("review list: --status %q: want open, released, confirmed or all", *status)
		}
		if *limit < 1 {
			return usagef("review list: --limit %d: want a positive number", *limit)
		}
		st, err := fs.needStore(ctx)
		if err != nil {
			return err
		}
		defer st.Close()
		cs, err := st.Cases(ctx, cf)
		if err != nil {
			return err
		}
		if f != formatTable {
			return writeRecords(e.stdout, f, cs)
		}
		if len(cs) == 0 {
			fmt.Fprintf(e.stdout, "no %s case\n", strings.ReplaceAll(*status, "all", "kept"))
			return nil
		}
		tw := newTable(e.stdout)
		fmt.Fprintln(tw, "CASE\tSTATUS\tVERDICT\tOPENED\tSUBJECT\tSUMMARY")
		for _, c := range cs {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Status, c.Verdict, c.Opened.UTC().Format("2006-01-02 15:04"), oneLine(c.Subject, 40), oneLine(c.Summary, 100))
		}
		return tw.Flush()
	}
}

func runReviewShow(ctx context.Context, e *env, args []string) error {
	fs := storeFlags(e, "review show", "CASE [--format table|json]")
	fs.formatFlag(formatTable, formatTable, formatJSON)
	pos, f, err := fs.parseOutput(args, 1, "give one case number")
	if err != nil {
		return err
	}
	id, err := caseID(fs.name, pos[0])
	if err != nil {
		return err
	}
	st, err := fs.needStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := st.Case(ctx, id)
	if err != nil {
		return caseError(fs.name, id, err)
	}
	if f == formatJSON {
		return writeJSON(e.stdout, c)
	}
	printCase(e.stdout, &c)
	rec, err := st.Record(ctx, c.Record)
	switch {
	case errors.Is(err, store.ErrNotFound):
		fmt.Fprintf(e.stdout, "record %d: purged\n", c.Record)
	case err != nil:
		return err
	default:
		fmt.Fprintf(e.stdout, "record %d: %s %s at %s, verdict %s\n", rec.ID, rec.Kind, rec.Subject, rec.At.UTC().Format(time.RFC3339), rec.Verdict)
		for _, p := range rec.Parties {
			fmt.Fprintf(e.stdout, "  %s%s: %s%s\n", orRole(p.Role), p.Name, p.Verdict, hitsText(p.Hits))
		}
		for _, v := range rec.ListVersions {
			fmt.Fprintf(e.stdout, "  list %s published %s sha256 %s\n", v.Source, orDash(v.Published), v.SHA256)
		}
	}
	return nil
}

// printCase prints a case and its history.
func printCase(w io.Writer, c *store.Case) {
	fmt.Fprintf(w, "case %d: %s (%s)\n", c.ID, c.Status, c.Verdict)
	fmt.Fprintf(w, "subject: %s\n", c.Subject)
	if c.Party != nil {
		fmt.Fprintf(w, "party: %s%s (key %s)\n", orRole(c.Party.Role), c.Party.Name, c.Party.Key)
	}
	if len(c.Entities) > 0 {
		fmt.Fprintf(w, "listed: %s\n", strings.Join(c.Entities, ", "))
	}
	if c.Linked != 0 {
		fmt.Fprintf(w, "follows up record %d (screened again after a list change)\n", c.Linked)
	}
	fmt.Fprintf(w, "why: %s\n", c.Summary)
	fmt.Fprintln(w, "history:")
	for _, ev := range c.Events {
		line := fmt.Sprintf("  %s  %-9s by %s", ev.At.UTC().Format("2006-01-02 15:04"), ev.Action, ev.Actor)
		if ev.Reason != "" {
			line += ", reason " + string(ev.Reason)
		}
		if ev.Note != "" {
			line += ": " + ev.Note
		}
		fmt.Fprintln(w, line)
	}
}

// runReviewDecide returns the subcommand that releases or confirms a case.
func runReviewDecide(action string) func(ctx context.Context, e *env, args []string) error {
	verb := strings.TrimSuffix(action, "ed")
	if action == store.ActionReleased {
		verb = "release"
	}
	return func(ctx context.Context, e *env, args []string) error {
		fs := storeFlags(e, "review "+verb, "CASE --reviewer NAME --reason REASON [--note TEXT]")
		reviewer := fs.String("reviewer", os.Getenv("LUXSCREEN_REVIEWER"), "who decides; default $LUXSCREEN_REVIEWER")
		reason := fs.String("reason", "", "false-positive, true-match, licence-held or other")
		note := fs.String("note", "", "why, in the reviewer's words (required with --reason other)")
		fs.formatFlag(formatTable, formatTable, formatJSON)
		pos, f, err := fs.parseOutput(args, 1, "give one case number")
		if err != nil {
			return err
		}
		id, err := caseID(fs.name, pos[0])
		if err != nil {
			return err
		}
		st, err := fs.needStore(ctx)
		if err != nil {
			return err
		}
		defer st.Close()
		dk := desk.Review(st, e.now)
		var c store.Case
		if action == store.ActionReleased {
			c, err = dk.Release(ctx, id, *reviewer, store.Reason(*reason), *note)
		} else {
			c, err = dk.Confirm(ctx, id, *reviewer, store.Reason(*reason), *note)
		}
		if errors.Is(err, desk.ErrBadRequest) {
			return usagef("%s: %v", fs.name, err)
		}
		if err != nil {
			return caseError(fs.name, id, err)
		}
		if f == formatJSON {
			return writeJSON(e.stdout, c)
		}
		printCase(e.stdout, &c)
		return nil
	}
}

func runReviewHistory(ctx context.Context, e *env, args []string) error {
	fs := storeFlags(e, "review history", "(--party KEY | NAME [--kind K] [--country CC] [--imo N]) [--limit N] [--format table|json|jsonl]")
	key := fs.String("party", "", "the party's key, as 'review show' and the records print it")
	kindFlag := fs.String("kind", "", "the party's kind, with a NAME: organisation, person or vessel")
	country := fs.String("country", "", "the party's country, with a NAME")
	imo := fs.String("imo", "", "the party's IMO number, with a NAME")
	limit := fs.Int("limit", 50, "most records listed")
	fs.formatFlag(formatTable, formatTable, formatJSON, formatJSONL)
	pos, f, err := fs.parseOutput(args, -1, "")
	if err != nil {
		return err
	}
	switch {
	case *key == "" && len(pos) != 1:
		return usagef("review history: give the party's NAME or --party KEY")
	case *key != "" && len(pos) > 0:
		return usagef("review history: give NAME or --party KEY, not both")
	case *limit < 1:
		return usagef("review history: --limit %d: want a positive number", *limit)
	}
	if *key == "" {
		kind, ok := party.ParseKind(*kindFlag)
		if !ok {
			return usagef("review history: --kind %q: want organisation, person or vessel", *kindFlag)
		}
		*key, _ = desk.PartyKey(party.New(pos[0], kind, *country, *imo, ""))
	}
	st, err := fs.needStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	rs, err := st.History(ctx, *key, *limit)
	if err != nil {
		return err
	}
	if f != formatTable {
		return writeRecords(e.stdout, f, rs)
	}
	fmt.Fprintf(e.stdout, "party %s: %d record(s)\n", *key, len(rs))
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "RECORD\tAT\tKIND\tSUBJECT\tVERDICT\tTHIS PARTY")
	for _, r := range rs {
		mine := ""
		for _, p := range r.Parties {
			if p.Key == *key {
				mine = p.Verdict + hitsText(p.Hits)
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.At.UTC().Format("2006-01-02 15:04"), r.Kind, oneLine(r.Subject, 40), r.Verdict, mine)
	}
	return tw.Flush()
}

func caseID(cmd, s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%s: case %q: want a case number", cmd, s)
	}
	return id, nil
}

func caseError(cmd string, id int64, err error) error {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return fmt.Errorf("%s: no case %d", cmd, id)
	case errors.Is(err, store.ErrCaseClosed):
		return fmt.Errorf("%s: case %d is not open", cmd, id)
	}
	return err
}

func orRole(role string) string {
	if role == "" {
		return ""
	}
	return role + ": "
}

func hitsText(hits []string) string {
	if len(hits) == 0 {
		return ""
	}
	return " (" + strings.Join(hits, ", ") + ")"
}

// casesText is " and case N" or " and cases N, M", or "".
func casesText(cs []int64) string {
	if len(cs) == 0 {
		return ""
	}
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = strconv.FormatInt(c, 10)
	}
	if len(cs) == 1 {
		return "; review case " + ids[0]
	}
	return "; review cases " + strings.Join(ids, ", ")
}

// oneLine is s on one line, cut to n characters.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
