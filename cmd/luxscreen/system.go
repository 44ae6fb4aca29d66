package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/screen"
)

// flagSet is a command's flag set with the flags that configure the
// luxscreen.System it opens. A command registers the system flags it takes
// (listFlag, ruleFlags), and opens the system with open, so that every
// command reads them alike.
type flagSet struct {
	*flag.FlagSet
	name string
	cfg  luxscreen.Config
	// lists and rules collect the repeatable --list and --rules.
	lists, rules repeated
	// format parses --format, once formatFlag has registered it.
	format func() (outputFormat, error)
	// db and retention are --db and --retention, once dbFlag has
	// registered them.
	db        string
	retention time.Duration
}

// newFlagSet returns a flag set that reports errors instead of exiting, so
// that run can map them to exit code 2.
func newFlagSet(e *env, name, usage string) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet("luxscreen "+name, flag.ContinueOnError), name: name}
	fs.SetOutput(e.stderr)
	fs.StringVar(&fs.cfg.DataDir, "data", "", "a data DIRECTORY laid out like the embedded data (lists/data, classify/lexicon, rules/data, screen/…) whose files replace or extend it; see docs/data-guide.md")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: luxscreen %s %s\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// listFlag registers --list, the sanctions lists to screen against, and
// the limits they are loaded within.
func (fs *flagSet) listFlag() {
	fs.Var(&fs.lists, "list", "a sanctions list file, OFAC CSV directory, or directory written by 'lists fetch' (UN XML, OFAC CSV/XML, EU, UK, FtM JSON); repeatable; default: the embedded demo list")
	fs.listLimitFlags(&fs.cfg.MaxShrink, &fs.cfg.AllowShrink, &fs.cfg.MaxListBytes)
	fs.DurationVar(&fs.cfg.MaxListAge, "max-list-age", luxscreen.DefaultMaxListAge, "flag a sanctions list older than this as stale")
}

// listLimitFlags registers the checks a new copy of a list must pass:
// --max-shrink, --allow-shrink and --max-list-size.
func (fs *flagSet) listLimitFlags(maxShrink *float64, allowShrink *bool, maxBytes *int64) {
	fs.Float64Var(maxShrink, "max-shrink", screen.DefaultMaxShrink, "refuse a list that lost more than this share of its entities since the copy it replaces (0.10 = 10%)")
	fs.BoolVar(allowShrink, "allow-shrink", false, "accept a list that shrank past --max-shrink (a list with no entity is refused all the same)")
	fs.Int64Var(maxBytes, "max-list-size", screen.DefaultMaxListBytes, "largest sanctions list file accepted, in bytes")
}

// ruleFlags registers the inputs of the decision engine besides the
// lists: --rules, --rates and --prices.
func (fs *flagSet) ruleFlags() {
	fs.Var(&fs.rules, "rules", "a rules file merged over the embedded defaults (repeatable)")
	fs.StringVar(&fs.cfg.RatesFile, "rates", "", "exchange rates file (YAML: base, source, rates)")
	fs.StringVar(&fs.cfg.PricesFile, "prices", "", "reference unit prices file (YAML: prices)")
	fs.StringVar(&fs.cfg.Nomenclature, "nomenclature", "", "HS nomenclature FILE (Comtrade JSON, flat HS CSV or EU CN CSV) that declared codes must exist in (rule invalid-input), and that classifies text outside the luxury lexicon")
	fs.TextVar(&fs.cfg.Edition, "edition", hs.HS2022, "edition of --nomenclature when the file does not name it")
}

// formatFlag registers --format with its default and allowed values; the
// returned function parses the value given.
func (fs *flagSet) formatFlag(def outputFormat, allowed ...outputFormat) func() (outputFormat, error) {
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	v := fs.String("format", string(def), "output format: "+strings.Join(names, ", "))
	fs.format = func() (outputFormat, error) { return parseFormat(*v, allowed...) }
	return fs.format
}

// parseOutput parses args as parseArgs does, and the --format that
// formatFlag registered.
func (fs *flagSet) parseOutput(args []string, n int, want string) ([]string, outputFormat, error) {
	pos, err := fs.parseArgs(args, n, want)
	if err != nil {
		return nil, "", err
	}
	f, err := fs.format()
	return pos, f, err
}

// parseArgs parses args as parseFlags does and checks the number of
// positional arguments: exactly n, or any number when n is negative. want
// says what the command takes, for the usage error.
func (fs *flagSet) parseArgs(args []string, n int, want string) ([]string, error) {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if n >= 0 && len(pos) != n {
		return nil, usagef("%s: %s", fs.name, want)
	}
	return pos, nil
}

// parseNone parses args as parseFlags does for a command that takes no
// positional argument; hint, when not empty, follows the usage error and
// says where the input goes instead.
func (fs *flagSet) parseNone(args []string, hint string) error {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		if hint != "" {
			hint = "; " + hint
		}
		return usagef("%s: unexpected argument %q%s", fs.name, pos[0], hint)
	}
	return nil
}

// parseInput parses args as parseNone does for a command that reads
// --input, wants input given (missing says how, for the usage error), and
// parses the --format that formatFlag registered.
func (fs *flagSet) parseInput(args []string, hint string, input *string, missing string) (outputFormat, error) {
	if err := fs.parseNone(args, hint); err != nil {
		return "", err
	}
	if *input == "" {
		return "", usagef("%s: %s", fs.name, missing)
	}
	return fs.format()
}

// open opens the system with the flags given, over cfg for what the
// command sets itself. A command that screens parties passes screens, so
// that screening against the demo list is said on standard error.
func (fs *flagSet) open(ctx context.Context, e *env, cfg luxscreen.Config, screens bool) (*luxscreen.System, error) {
	cfg, err := fs.config(e, cfg)
	if err != nil {
		return nil, err
	}
	sys, err := luxscreen.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	fs.announce(e, sys, screens)
	return sys, nil
}

// config is cfg completed with the flags given.
func (fs *flagSet) config(e *env, cfg luxscreen.Config) (luxscreen.Config, error) {
	if ms := fs.cfg.MaxShrink; ms < 0 || ms > 1 {
		return cfg, usagef("%s: --max-shrink %g: want a share between 0 and 1", fs.name, ms)
	}
	cfg.Lists = append(cfg.Lists, fs.lists...)
	cfg.Rules = append(cfg.Rules, fs.rules...)
	if cfg.RatesFile == "" {
		cfg.RatesFile = fs.cfg.RatesFile
	}
	if cfg.PricesFile == "" {
		cfg.PricesFile = fs.cfg.PricesFile
	}
	if cfg.DataDir == "" {
		cfg.DataDir = fs.cfg.DataDir
	}
	if cfg.Nomenclature == "" {
		cfg.Nomenclature, cfg.Edition = fs.cfg.Nomenclature, fs.cfg.Edition
	}
	cfg.MaxShrink, cfg.AllowShrink = cmp.Or(cfg.MaxShrink, fs.cfg.MaxShrink), cfg.AllowShrink || fs.cfg.AllowShrink
	cfg.MaxListAge, cfg.MaxListBytes = cmp.Or(cfg.MaxListAge, fs.cfg.MaxListAge), cmp.Or(cfg.MaxListBytes, fs.cfg.MaxListBytes)
	if cfg.Now == nil {
		cfg.Now = e.now
	}
	return cfg, nil
}

// announce says on standard error, for a command that screens, each list
// screened against with its age, so that a user sees at once an old or
// unexpected list, and the system's warnings.
func (fs *flagSet) announce(e *env, sys *luxscreen.System, screens bool) {
	if !screens {
		return
	}
	for _, src := range sys.Sources() {
		if !src.Demo {
			fmt.Fprintf(e.stderr, "luxscreen: %s\n", src)
		}
	}
	for _, w := range sys.Warnings() {
		fmt.Fprintln(e.stderr, w)
	}
}

// parseFlags parses args, allowing flags after positional arguments
// ("lookup 9101.21 --format json"), which the flag package alone does not.
func parseFlags(fs *flagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{msg: err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// repeated is a flag that may be given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// catalogue opens the system the flags configure and returns its control
// lists' catalogue, for the commands that read the lists alone.
func (fs *flagSet) catalogue(ctx context.Context, e *env) (*lists.Catalogue, error) {
	sys, err := fs.open(ctx, e, luxscreen.Config{}, false)
	if err != nil {
		return nil, err
	}
	return sys.Catalogue(), nil
}

// controlLists returns the control lists of the catalogue.
func (fs *flagSet) controlLists(ctx context.Context, e *env) ([]*lists.List, error) {
	cat, err := fs.catalogue(ctx, e)
	if err != nil {
		return nil, err
	}
	return cat.Lists(), nil
}
