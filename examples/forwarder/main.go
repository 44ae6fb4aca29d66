// Command forwarder shows how a freight forwarder wires luxscreen into its
// booking flow: it judges each shipment of a JSON-lines file with the
// embedded lists, the default rules and a sanctions list, holds every
// shipment that is not clear, and keeps an audit record of each decision.
//
// Usage:
//
//	go run ./examples/forwarder [-list FILE] [-audit FILE] SHIPMENTS.jsonl|shipment.json…
//
// Without -list it screens parties against the small embedded demo list.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/rules"
)

func main() {
	list := flag.String("list", "", "sanctions list file (UN XML, OFAC CSV directory…); default: the embedded demo list")
	audit := flag.String("audit", "", "append audit records (JSON lines) to this file")
	flag.Parse()
	if flag.NArg() == 0 {
		log.Fatal("usage: forwarder [-list FILE] [-audit FILE] SHIPMENTS…")
	}
	held, err := run(context.Background(), os.Stdout, *list, *audit, flag.Args())
	if err != nil {
		log.Fatal(err)
	}
	if held > 0 {
		os.Exit(3) // some shipments are held for a compliance officer
	}
}

// run judges every shipment of files and prints one line per shipment; it
// returns how many are held.
func run(ctx context.Context, w io.Writer, listFile, auditFile string, files []string) (int, error) {
	var cfg luxscreen.Config
	if listFile != "" {
		cfg.Lists = []string{listFile}
	}
	sys, err := luxscreen.Open(ctx, cfg)
	if err != nil {
		return 0, err
	}
	defer sys.Close()
	var auditW io.Writer = io.Discard
	if auditFile != "" {
		f, err := os.OpenFile(auditFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		auditW = f
	}
	held := 0
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return held, err
		}
		dec := rules.NewDecoder(f, name)
		for {
			s, err := dec.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				return held, err
			}
			d, err := sys.Check(ctx, s)
			if err != nil {
				f.Close()
				return held, err
			}
			if err := rules.WriteAudit(auditW, d.AuditRecord(nowUTC())); err != nil {
				f.Close()
				return held, err
			}
			action := "release"
			if d.Verdict != rules.VerdictClear {
				action, held = "HOLD", held+1
			}
			fmt.Fprintf(w, "%-8s %-26s %-6s", action, d.ID, d.Verdict)
			for _, fd := range d.Findings {
				fmt.Fprintf(w, " %s", fd.Rule)
			}
			fmt.Fprintln(w)
		}
		f.Close()
	}
	return held, nil
}
