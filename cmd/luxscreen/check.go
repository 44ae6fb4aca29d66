package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
)

// repeated is a flag that may be given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "check", "--input FILE|- [--format table|json|jsonl] [--rules FILE]… [--list FILE]… [--rates FILE] [--prices FILE] [--audit FILE]")
	input := fs.String("input", "", "shipments as JSON, one per line or indented documents one after another; - for standard input")
	format := fs.String("format", "table", "output format: table, json or jsonl")
	var ruleFiles, listFiles repeated
	fs.Var(&ruleFiles, "rules", "a rules file merged over the embedded defaults (repeatable)")
	fs.Var(&listFiles, "list", "a sanctions list file or OFAC CSV directory to screen parties against (repeatable)")
	ratesFile := fs.String("rates", "", "exchange rates file (YAML: base, source, rates)")
	pricesFile := fs.String("prices", "", "reference unit prices file (YAML: prices)")
	auditFile := fs.String("audit", "", "append one JSON audit record per decision to this file")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("check: unexpected argument %q; give shipments with --input", pos[0])
	}
	if *input == "" {
		return usagef("check: --input is required (a file, or - for standard input)")
	}
	f, err := parseFormat(*format, formatTable, formatJSON, formatJSONL)
	if err != nil {
		return err
	}
	cfg, err := checkConfig(ctx, e, ruleFiles, listFiles, *ratesFile, *pricesFile)
	if err != nil {
		return err
	}
	eng, err := rules.NewEngine(cfg)
	if err != nil {
		return err
	}
	in, name, done, err := openInput(e, *input)
	if err != nil {
		return err
	}
	defer done()
	var audit io.Writer
	if *auditFile != "" {
		af, err := os.OpenFile(*auditFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer af.Close()
		audit = af
	}
	dec := rules.NewDecoder(in, name)
	var decisions []*rules.Decision
	bad := 0
	for {
		s, err := dec.Next()
		if err == io.EOF {
			break
		}
		var de *rules.DecodeError
		if errors.As(err, &de) && !errors.Is(err, rules.ErrSyntax) {
			// One bad shipment does not stop the batch; it is reported and
			// the exit code says so.
			fmt.Fprintf(e.stderr, "luxscreen check: %v\n", err)
			bad++
			continue
		}
		if err != nil {
			return err
		}
		d, err := eng.Check(ctx, s)
		if err != nil {
			return err
		}
		if audit != nil {
			if err := rules.WriteAudit(audit, d.AuditRecord(e.now())); err != nil {
				return err
			}
		}
		switch f {
		case formatJSONL:
			if err := writeRecords(e.stdout, f, []*rules.Decision{d}); err != nil {
				return err
			}
		case formatTable:
			printDecision(e.stdout, d)
		default:
			decisions = append(decisions, d)
		}
	}
	if f == formatJSON {
		if err := writeRecords(e.stdout, f, decisions); err != nil {
			return err
		}
	}
	if bad > 0 {
		return fmt.Errorf("check: %d shipment(s) could not be read", bad)
	}
	return nil
}

func checkConfig(ctx context.Context, e *env, ruleFiles, listFiles []string, ratesFile, pricesFile string) (rules.Config, error) {
	cfg := rules.Config{Now: e.now}
	rs, err := rules.DefaultRuleSet()
	if err != nil {
		return cfg, err
	}
	for _, p := range ruleFiles {
		b, err := os.ReadFile(p)
		if err != nil {
			return cfg, err
		}
		if rs, err = rs.Merge(p, b); err != nil {
			return cfg, err
		}
	}
	cfg.Rules = rs
	cat, err := lists.Default(ctx)
	if err != nil {
		return cfg, err
	}
	cl, err := classify.New(cat)
	if err != nil {
		return cfg, err
	}
	if cfg.Goods, err = rules.NewClassifyAdapter(cl, cat); err != nil {
		return cfg, err
	}
	var ls []screen.List
	for _, p := range listFiles {
		l, err := screen.Load(ctx, p)
		if err != nil {
			return cfg, err
		}
		ls = append(ls, l)
	}
	if len(ls) == 0 {
		// A first run still screens parties, against a few designations,
		// and says loudly that it does.
		l, err := screen.DemoList()
		if err != nil {
			return cfg, err
		}
		fmt.Fprintln(e.stderr, screen.DemoWarning)
		ls = append(ls, l)
	}
	sc, err := screen.NewScreener(ls...)
	if err != nil {
		return cfg, err
	}
	cfg.Parties = rules.NewScreenAdapter(sc)
	if ratesFile != "" {
		b, err := os.ReadFile(ratesFile)
		if err != nil {
			return cfg, err
		}
		if cfg.Rates, err = rules.ParseRates(ratesFile, b); err != nil {
			return cfg, err
		}
	}
	if pricesFile != "" {
		b, err := os.ReadFile(pricesFile)
		if err != nil {
			return cfg, err
		}
		if cfg.Prices, err = rules.ParseReferencePrices(pricesFile, b); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// printDecision writes a decision for people: the verdict, then each
// finding with its evidence and citations.
func printDecision(w io.Writer, d *rules.Decision) {
	fmt.Fprintf(w, "shipment %s — %s (as of %s)\n", d.ID, strings.ToUpper(string(d.Verdict)), d.AsOf)
	if len(d.Findings) == 0 {
		fmt.Fprintln(w, "  no findings")
	}
	for _, f := range d.Findings {
		fmt.Fprintf(w, "\n  %-6s  %s\n          %s\n", strings.ToUpper(string(f.Severity)), f.Rule, f.Message)
		for _, ev := range f.Evidence {
			fmt.Fprintf(w, "          - %s%s\n", evidenceSubject(ev), ev.Detail)
		}
		for _, c := range f.Citation {
			fmt.Fprintf(w, "          cite [%s %s] %s\n", c.Kind, c.Ref, truncate(c.Text, 160))
		}
	}
	fmt.Fprintf(w, "\n  rules %s\n  goods %s\n", d.Versions.Rules, d.Versions.Goods)
	for _, s := range d.Versions.Sanctions {
		fmt.Fprintf(w, "  sanctions %s %s sha256:%.12s (%d entities)\n", s.Source, s.Published, s.SHA256, s.Entities)
	}
	fmt.Fprintf(w, "  decision %s\n\n", d.DecisionID)
}

func evidenceSubject(ev rules.Evidence) string {
	switch {
	case ev.Line > 0:
		return fmt.Sprintf("line %d: ", ev.Line)
	case ev.Party != "":
		return ev.Party + " — "
	case ev.Vessel != "":
		return "vessel " + ev.Vessel + " — "
	case ev.Port != "":
		return ev.Port + " — "
	}
	return ""
}
