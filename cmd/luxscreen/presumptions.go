package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// runListsPresumptions prints the price floors that judge luxury entries
// of "ex" scope without a threshold, with their codes and sources, and
// the entries no floor is used for.
func runListsPresumptions(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists presumptions", "[--format table|json|jsonl]")
	fs.formatFlag(formatTable, formatTable, formatJSON, formatJSONL)
	_, f, err := fs.parseOutput(args, 0, "takes no arguments")
	if err != nil {
		return err
	}
	cat, err := fs.catalogue(ctx, e)
	if err != nil {
		return err
	}
	ps := cat.Presumptions().All()
	if f != formatTable {
		return writeRecords(e.stdout, f, ps)
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "PRESUMPTION\tFLOOR\tCODES\tBASIS\tCONFIDENCE\tSOURCE")
	for _, p := range ps {
		codes := joinCodes(p.Codes)
		if len(p.Except) > 0 {
			codes += " except " + joinCodes(p.Except)
		}
		floor := strconv.FormatFloat(p.Floor.Amount, 'f', -1, 64) + " " + p.Floor.Currency + " per " + string(p.Floor.Per)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.ID, floor, codes, p.Basis, p.Confidence, p.Citation)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	ex := cat.Presumptions().ExcludedEntries()
	slices.Sort(ex)
	for _, id := range ex {
		why, _ := cat.Presumptions().Excluded(id)
		fmt.Fprintf(e.stdout, "no floor for %s: %s\n", id, why)
	}
	return nil
}

func joinCodes(cs []hs.Code) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, ", ")
}

// presumptionsSummary is the line `lists sources` ends with: how many
// price floors judge the catalogue's "ex" luxury entries, and on what
// basis.
func presumptionsSummary(ps *lists.Presumptions) string {
	all := ps.All()
	if len(all) == 0 {
		return "no price-floor presumptions"
	}
	by := map[string]int{}
	for _, p := range all {
		by[string(p.Basis)+", "+string(p.Confidence)]++
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = strconv.Itoa(by[k]) + " " + k
	}
	return fmt.Sprintf("%d price-floor presumptions for \"ex\" luxury entries (%s), %d entries left out (luxscreen lists presumptions)",
		len(all), strings.Join(parts, "; "), len(ps.ExcludedEntries()))
}
