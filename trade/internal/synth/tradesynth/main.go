// Command tradesynth writes a synthetic trade-statistics file in the legacy
// UN Comtrade bulk layout over every HS6 code of a nomenclature, for
// measuring "luxscreen trade analyze" on files too large to commit:
//
//	go run ./trade/internal/synth/tradesynth -rows 1000000 -o /tmp/trade-1m.csv
//
// The codes come from a UN Comtrade classification file, by default
// classificationH6.json (HS 2022) in the shared data folder named by
// LUXSCREEN_SHARED.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/shared"
	"github.com/luxscreen/luxscreen/trade/internal/synth"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "number of data rows")
	out := flag.String("o", "", "file to write (required)")
	every := flag.Int("dprk-every", 0, "put the DPRK among the partners of one block of rows in N (default 4; 1 for every block)")
	nomen := flag.String("hs", "", "UN Comtrade classification JSON whose HS6 codes the rows use (default: classificationH6.json in $"+shared.EnvVar+"/data/hs/comtrade)")
	flag.Parse()
	if err := run(synth.Options{Rows: *rows, DPRKEvery: *every}, *out, *nomen); err != nil {
		fmt.Fprintln(os.Stderr, "tradesynth:", err)
		os.Exit(1)
	}
}

func run(opt synth.Options, out, nomen string) error {
	if out == "" || opt.Rows < 0 || opt.DPRKEvery < 0 {
		return fmt.Errorf("want -o FILE, and -rows and -dprk-every at least 0")
	}
	if nomen == "" {
		dir, ok := shared.Lookup()
		if !ok {
			return fmt.Errorf("no -hs file and %s is not set", shared.EnvVar)
		}
		nomen = filepath.Join(dir, "data", "hs", "comtrade", "classificationH6.json")
	}
	tab, err := hs.Open(context.Background(), nomen, hs.Edition{})
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	opt.Codes = synth.Codes(tab)
	if err := synth.Write(f, opt); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return f.Close()
}
