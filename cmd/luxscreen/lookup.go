package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// dateFlagLayout is the form of every --date flag.
const dateFlagLayout = "2006-01-02"

func runLookup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lookup", "CODE [--date YYYY-MM-DD] [--jurisdiction J,…] [--kind K,…] [--direction export-to|import-from] [--format table|json|jsonl]")
	date := fs.String("date", "", "judge as of this date (default today)")
	juris := fs.String("jurisdiction", "", "comma-separated jurisdictions, e.g. UN,EU,GB (default all)")
	kinds := fs.String("kind", "", "comma-separated kinds: luxury, sectoral, catch-all, embargo (default all)")
	dir := fs.String("direction", "", "export-to or import-from (default both)")
	fs.formatFlag(formatTable, formatTable, formatJSON, formatJSONL)
	pos, f, err := fs.parseOutput(args, 1, "want exactly one HS code, e.g. luxscreen lookup 9101.21")
	if err != nil {
		return err
	}
	code, err := hs.Parse(pos[0])
	if err != nil {
		return usagef("lookup: %v", err)
	}
	opts, err := lookupOptions(e, *date, *juris, *kinds, *dir)
	if err != nil {
		return err
	}
	sys, err := fs.open(ctx, e, luxscreen.Config{}, false)
	if err != nil {
		return err
	}
	a, err := sys.Answer(code, opts)
	if errors.Is(err, luxscreen.ErrUnknownCode) {
		return usagef("lookup: %v", err)
	} else if err != nil {
		return err
	}
	switch f {
	case formatJSON:
		return writeJSON(e.stdout, a)
	case formatJSONL:
		// One control per line, then one line per jurisdiction with no
		// list in force, so that a stream never mistakes absence for
		// "not controlled".
		enc := json.NewEncoder(e.stdout)
		for _, m := range a.Controls {
			if err := enc.Encode(m); err != nil {
				return err
			}
		}
		for _, n := range a.NoList {
			if err := enc.Encode(map[string]lists.NoList{"no_list_in_force": n}); err != nil {
				return err
			}
		}
		for _, n := range a.NotCovered {
			if err := enc.Encode(map[string]lists.NotCovered{"not_covered": n}); err != nil {
				return err
			}
		}
		return nil
	}
	return printAnswer(e.stdout, a)
}

// lookupOptions reads the filters of "lookup" and the lists commands.
func lookupOptions(e *env, date, juris, kinds, dir string) (lists.Options, error) {
	opts, err := luxscreen.Filter{Date: date, Jurisdictions: juris, Kinds: kinds, Direction: dir}.Options(e.now())
	if err != nil {
		return opts, usagef("--%v", err)
	}
	return opts, nil
}

// printAnswer prints a lookup's controls, law before reconstruction,
// with each control's basis and confidence, then what each embargo
// excepts, then the jurisdictions with no list in force.
func printAnswer(w io.Writer, a lists.Answer) error {
	fmt.Fprintf(w, "%s — %d control(s) in force on %s\n", a.Code, len(a.Controls), a.Date.Format(dateFlagLayout))
	for _, n := range a.NoList {
		fmt.Fprintf(w, "%s: %s\n", n.Jurisdiction, n.Message)
	}
	for _, n := range a.NotCovered {
		fmt.Fprintf(w, "%s: not controlled by its lists in force (%s)", n.Jurisdiction, strings.Join(n.Lists, ", "))
		if !slices.Contains(a.Jurisdictions, "UN") && n.Jurisdiction != "UN" {
			fmt.Fprint(w, "; the UN lists bind it too (--jurisdiction UN,"+n.Jurisdiction+")")
		}
		fmt.Fprintln(w)
	}
	if len(a.Controls) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	tw := newTable(w)
	fmt.Fprintln(tw, "JURISDICTION\tLIST\tKIND\tDIRECTION\tCODE\tCOVERAGE\tCATEGORY\tTHRESHOLD\tBASIS\tCONF\tCITATION")
	for _, m := range a.Controls {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.List.Jurisdiction, m.List.ID, kindText(m.List), m.List.Direction,
			patternText(m.Entry, m.Pattern), m.Coverage, truncate(m.Entry.Category, 50), thresholdText(m.Entry.Threshold), m.Entry.Basis.Short(), m.Entry.Confidence.Short(), m.Entry.Citation)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, m := range a.Controls {
		if m.Entry.AllGoods {
			fmt.Fprintf(w, "%s %s: %s\n", m.List.Jurisdiction, m.List.ID, embargoText(m.List, m.Entry))
		}
	}
	fmt.Fprintln(w, "BASIS: PUB codes printed in the instrument, TAR read from an official tariff, DER derived by us. CONF: PRI primary text, SEC secondary source, REC recalled (not yet seen in a source).")
	return nil
}

// kindText is a list's kind, with its measure when it is a licence.
func kindText(l *lists.List) string {
	if l.Measure == lists.Licence {
		return string(l.Kind) + " (licence)"
	}
	return string(l.Kind)
}

// patternText is the code of a match as a table shows it.
func patternText(e *lists.Entry, p lists.Pattern) string {
	if e.AllGoods {
		return "all goods"
	}
	return p.String()
}

// embargoText says what an all-goods entry controls and what it excepts.
func embargoText(l *lists.List, e *lists.Entry) string {
	s := "all goods prohibited"
	if l.Measure == lists.Licence {
		s = "all goods need a licence"
	}
	var ex []string
	for _, p := range e.Except {
		ex = append(ex, p.String()+" ("+truncate(p.Rationale, 40)+")")
	}
	ex = append(ex, e.Exemptions...)
	if len(ex) > 0 {
		s += ", except " + strings.Join(ex, "; ")
	}
	return s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
