package main

import (
	"context"
	"fmt"
	"time"

	"github.com/luxscreen/luxscreen/store"
)

// auditSubcommands are the subcommands of "audit", the trail of kept
// decisions.
func auditSubcommands() []listsSubcommand {
	return []listsSubcommand{
		{"export", "the kept decisions and screenings with their audit records, as JSON lines or CSV, filtered by date, party, verdict and kind", runAuditExport},
		{"purge", "delete the records older than the retention period (open cases keep theirs)", runAuditPurge},
	}
}

// runAudit runs a subcommand of "audit".
func runAudit(ctx context.Context, e *env, args []string) error {
	return runSubcommand(ctx, e, "audit", auditSubcommands(), args)
}

func runAuditExport(ctx context.Context, e *env, args []string) error {
	fs := storeFlags(e, "audit export", "[--from DATE] [--to DATE] [--party P] [--verdict V] [--kind K] [--format jsonl|csv]")
	from := fs.String("from", "", "records at or after this date (YYYY-MM-DD) or RFC 3339 time")
	to := fs.String("to", "", "records before this date or time")
	partyFlag := fs.String("party", "", "records with a party of this key, or whose name contains this text")
	verdict := fs.String("verdict", "", "records of this verdict: block, review, clear (checks) or match, review, clear (screenings)")
	kind := fs.String("kind", "", "records of this kind: check, screen or rescreen")
	fs.formatFlag(formatJSONL, formatJSONL, formatCSV)
	_, f, err := fs.parseOutput(args, 0, "takes no argument")
	if err != nil {
		return err
	}
	flt := store.Filter{Party: *partyFlag, Verdict: *verdict, Kind: *kind}
	if flt.From, err = parseWhen("audit export: --from", *from); err != nil {
		return err
	}
	if flt.To, err = parseWhen("audit export: --to", *to); err != nil {
		return err
	}
	switch *kind {
	case "", store.KindCheck, store.KindScreen, store.KindRescreen:
	default:
		return usagef("audit export: --kind %q: want check, screen or rescreen", *kind)
	}
	switch *verdict {
	case "", "block", "review", "clear", "match":
	default:
		return usagef("audit export: --verdict %q: want block, review, clear or match", *verdict)
	}
	st, err := fs.needStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Export(ctx, e.stdout, string(f), flt)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "luxscreen: exported %d record(s)\n", n)
	return nil
}

func runAuditPurge(ctx context.Context, e *env, args []string) error {
	fs := storeFlags(e, "audit purge", "[--retention DURATION] [--before DATE]")
	before := fs.String("before", "", "purge records before this date instead of those older than --retention")
	if err := fs.parseNone(args, ""); err != nil {
		return err
	}
	cut := e.now().Add(-fs.retention)
	if *before != "" {
		var err error
		if cut, err = parseWhen("audit purge: --before", *before); err != nil {
			return err
		}
	}
	st, err := fs.needStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Purge(ctx, cut)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "purged %d record(s) kept before %s\n", n, cut.UTC().Format(time.RFC3339))
	return nil
}

// parseWhen parses a date or time flag (see store.ParseBound).
func parseWhen(what, v string) (time.Time, error) {
	t, err := store.ParseBound(v)
	if err != nil {
		return time.Time{}, usagef("%s %v", what, err)
	}
	return t, nil
}
