// Command luxscreen screens goods, parties and shipments against the UN
// ban on luxury goods to the DPRK and the national lists that implement it.
//
// Usage:
//
//	luxscreen <command> [flags] [arguments]
//
// Run "luxscreen help" for the list of commands. Exit codes: 0 success,
// 1 an error while running (bad input file, failed load), 2 a usage error
// (unknown command or flag, missing argument).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen"
)

// Exit codes documented in the package comment and the README.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], &env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		now:    time.Now,
	}))
}

// env carries what a command may touch, so that tests can run commands
// in-process with their own streams and clock.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	now    func() time.Time
}

// command is one subcommand. Each lives in its own file; this table is the
// only place that names them all.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	cmds := []command{
		{"lists", "list, show and compare control lists; fetch and diff sanctions lists", runLists},
		{"lookup", "every control that covers an HS code", runLookup},
		{"classify", "classify goods descriptions and declared HS codes, with their controls", runClassify},
		{"eval", "measure accuracy on a labelled set", runEval},
		{"screen", "screen party and vessel names against sanctions lists", runScreen},
		{"check", "judge shipments: block, review or clear, with cited findings", runCheck},
		{"data", "check a --data directory: every problem with its file, line and field", runData},
		{"trade", "analyze trade statistics: DPRK flows judged against the lists, unit-value anomalies", runTrade},
		{"serve", "serve the HTTP API and the desk's web pages: classify, screen, check, lists, review queue, yente-compatible API", runServe},
		{"review", "the review queue of kept decisions: list, show, release, confirm, a party's history", runReview},
		{"audit", "the audit trail of kept decisions: export, purge", runAudit},
	}
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	return cmds
}

// usageError marks errors that are the caller's fault; they exit with 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(e.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "-version" {
		return exitCode(e.stderr, runVersion(ctx, e, args[1:]))
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		return exitCode(e.stderr, err)
	}
	fmt.Fprintf(e.stderr, "luxscreen: unknown command %q\n", args[0])
	printUsage(e.stderr)
	return exitUsage
}

func exitCode(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintf(stderr, "luxscreen: %v\n", err)
	var ue *usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitError
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: luxscreen <command> [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'luxscreen <command> -h' for a command's flags, 'luxscreen --version' for the build and data versions.")
	fmt.Fprintln(w, "Exit codes: 0 ok, 1 error, 2 usage.")
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// runVersion prints the build and the versions of the data a system
// opened with the flags given judges with ("luxscreen --version").
func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "--version", "[--list FILE]… [--rules FILE]… [--data DIR]")
	fs.listFlag()
	fs.ruleFlags()
	if err := fs.parseNone(args, ""); err != nil {
		return err
	}
	sys, err := fs.open(ctx, e, luxscreen.Config{}, false)
	if err != nil {
		return err
	}
	v := sys.Versions()
	fmt.Fprintf(e.stdout, "luxscreen %s\nrules: %s\ngoods: %s\n", luxscreen.BuildVersion(), v.Rules, v.Goods)
	for _, src := range sys.Sources() {
		fmt.Fprintln(e.stdout, src)
	}
	return nil
}
