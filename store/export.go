package store

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// Export writes the records f selects to w, the latest saved first, and
// returns how many it wrote. Format "jsonl" writes one JSON record, audit
// included, a line; format "csv" writes a header and one row a record:
// id, kind, at, subject, verdict, decision_id, rules_version, lists,
// parties ("role: name (verdict)" joined by "; ") and hits. Export reads
// the records a page at a time, so any number can be exported.
func (s *Store) Export(ctx context.Context, w io.Writer, format string, f Filter) (int, error) {
	var (
		write func(Record) error
		flush = func() error { return nil }
	)
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		write = func(r Record) error { return enc.Encode(r) }
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write([]string{"id", "kind", "at", "subject", "verdict", "decision_id", "rules_version", "lists", "parties", "hits"}); err != nil {
			return 0, fmt.Errorf("store: export csv: %w", err)
		}
		write = func(r Record) error { return cw.Write(csvRow(r)) }
		flush = func() error { cw.Flush(); return cw.Error() }
	default:
		return 0, fmt.Errorf("store: export: unknown format %q (want jsonl or csv)", format)
	}
	f.WithAudit = format == "jsonl"
	left := f.Limit
	n := 0
	for {
		page := f
		page.Limit = s.exportPage
		if left > 0 {
			page.Limit = min(s.exportPage, left-n)
		}
		recs, err := s.Records(ctx, page)
		if err != nil {
			return n, fmt.Errorf("store: export %s: %w", format, err)
		}
		for _, r := range recs {
			if err := write(r); err != nil {
				return n, fmt.Errorf("store: export %s: record %d: %w", format, r.ID, err)
			}
			n++
		}
		if len(recs) < page.Limit || (left > 0 && n >= left) {
			break
		}
		f.Before = recs[len(recs)-1].ID
	}
	if err := flush(); err != nil {
		return n, fmt.Errorf("store: export %s: %w", format, err)
	}
	return n, nil
}

// csvRow is r as a row of the CSV export.
func csvRow(r Record) []string {
	var lists, parties, hits []string
	for _, l := range r.ListVersions {
		lists = append(lists, strings.TrimSpace(l.Source+" "+l.Published))
	}
	seen := map[string]bool{}
	for _, p := range r.Parties {
		parties = append(parties, fmt.Sprintf("%s: %s (%s)", p.Role, p.Name, p.Verdict))
		for _, h := range p.Hits {
			if !seen[h] {
				seen[h] = true
				hits = append(hits, h)
			}
		}
	}
	return []string{
		fmt.Sprint(r.ID), r.Kind, r.At.UTC().Format(time.RFC3339Nano), r.Subject, r.Verdict,
		r.DecisionID, r.RulesVersion, strings.Join(lists, "; "), strings.Join(parties, "; "), strings.Join(hits, " "),
	}
}
