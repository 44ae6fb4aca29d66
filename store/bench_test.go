package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Shape of the benchmark store: a million records of two parties each
// among benchKeys parties (some 200 records a party), a case on every
// benchCaseEvery-th record and one case in benchOpenEvery left open.
const (
	benchRecords   = 1_000_000
	benchKeys      = 10_000
	benchCaseEvery = 20
	benchOpenEvery = 10
)

// bulkRecords adds n records to the SQLite store s directly in SQL, a
// hundred thousand a transaction, as a store grows over years of
// screening: record i has parties org:bench-(i mod keys) and
// org:bench-(7i mod keys), and every caseEvery-th record a case, open for
// one in openEvery of them (no cases when caseEvery is 0).
func bulkRecords(tb testing.TB, s *Store, n, keys, caseEvery, openEvery int) {
	tb.Helper()
	if s.Driver() != "sqlite" {
		tb.Fatalf("bulkRecords fills SQLite stores only, not %s", s.Driver())
	}
	ctx := context.Background()
	var base int64
	if err := s.db.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM records`).Scan(&base); err != nil {
		tb.Fatal(err)
	}
	// seq counts the records of one batch; i is each record's number.
	const seq = `WITH RECURSIVE seq(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?2) `
	stmts := []string{
		seq + `INSERT INTO records (id, kind, at, subject, verdict, decision_id, rules_version, list_versions, audit)
			SELECT ?3 + i, 'check', ?4 + i * 1000000, 'SHP-' || i, CASE WHEN i % 10 = 0 THEN 'review' ELSE 'clear' END,
				printf('%016x', i), '2025.1', '[{"id":"un","source":"UN","format":"un-xml","sha256":"ab12"}]',
				'{"input":{"id":"SHP-' || i || '"},"findings":[]}'
			FROM seq`,
		seq + `INSERT INTO record_parties (record_id, position, party_key, details, name, name_fold, kind, country, imo, role, verdict, hits)
			SELECT ?3 + i, 0, 'org:bench-' || (i % ?5), '', 'Bench Party ' || (i % ?5), 'bench party ' || (i % ?5),
				'organisation', 'DE', '', 'exporter', 'clear', 'null'
			FROM seq
			UNION ALL
			SELECT ?3 + i, 1, 'org:bench-' || (i * 7 % ?5), 'country=CN', 'Bench Party ' || (i * 7 % ?5), 'bench party ' || (i * 7 % ?5),
				'organisation', 'CN', '', 'consignee', 'review', '["UN:KPe.001"]'
			FROM seq`,
	}
	if caseEvery > 0 {
		stmts = append(stmts,
			seq+`INSERT INTO cases (record_id, status, verdict, subject, party_key, party_details, party_name, party_kind,
				party_country, party_imo, party_role, party_verdict, party_hits, entities, versions, summary, opened, updated)
			SELECT ?3 + i, CASE WHEN i / ?6 % ?7 = 0 THEN 'open' ELSE 'released' END, 'review', 'SHP-' || i,
				'org:bench-' || (i * 7 % ?5), 'country=CN', 'Bench Party ' || (i * 7 % ?5), 'organisation',
				'CN', '', 'consignee', 'review', '["UN:KPe.001"]', '["UN:KPe.001"]', '["fp-1"]', 'consignee may be listed',
				?4 + i * 1000000, ?4 + i * 1000000
			FROM seq WHERE i % ?6 = 0`,
		)
	}
	at := t0.UnixMicro()
	const batch = 100_000
	for lo := 1; lo <= n; lo += batch {
		hi := min(lo+batch-1, n)
		err := s.inTx(ctx, "bulk records", func(tx *sql.Tx) error {
			for _, q := range stmts {
				if _, err := tx.ExecContext(ctx, q, lo, hi, base, at, keys, max(caseEvery, 1), max(openEvery, 1)); err != nil {
					return fmt.Errorf("%.60s: %w", strings.TrimSpace(q), err)
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	if caseEvery > 0 {
		_, err := s.db.ExecContext(ctx, `INSERT INTO case_events (case_id, at, actor, action, reason, note)
			SELECT id, opened, 'luxscreen', 'opened', '', '' FROM cases
			WHERE id NOT IN (SELECT case_id FROM case_events)`)
		if err != nil {
			tb.Fatal(err)
		}
	}
}

func TestBulkRecords(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, sqliteDSN(t), Options{})
	bulkRecords(t, s, 1000, 10, 20, 10)
	recs, err := s.Records(ctx, Filter{Limit: 1, WithAudit: true})
	if err != nil {
		t.Fatal(err)
	}
	r := recs[0]
	if r.ID != 1000 || len(r.Parties) != 2 || r.Parties[1].Hits[0] != "UN:KPe.001" || !json.Valid(r.Audit) ||
		!r.At.Equal(t0.Add(1000*time.Second)) || len(r.ListVersions) != 1 {
		t.Errorf("bulk record %+v", r)
	}
	if hs, err := s.History(ctx, "org:bench-3", 0); err != nil || len(hs) != 200 {
		t.Errorf("History of a bulk party: %d records, %v; want 200", len(hs), err)
	}
	open, err := s.Cases(ctx, CaseFilter{Status: StatusOpen})
	if err != nil || len(open) != 5 {
		t.Errorf("%d open bulk cases, %v; want 5", len(open), err)
	}
	if c, err := s.Case(ctx, open[0].ID); err != nil || len(c.Events) != 1 || c.Party == nil {
		t.Errorf("bulk case %+v, %v", c, err)
	}
}

// benchStore is a SQLite store of benchRecords records.
func benchStore(b *testing.B) *Store {
	s := openTest(b, filepath.Join(b.TempDir(), "bench.db"), Options{})
	start := time.Now()
	bulkRecords(b, s, benchRecords, benchKeys, benchCaseEvery, benchOpenEvery)
	b.Logf("built a store of %d records in %s", benchRecords, time.Since(start).Round(time.Millisecond))
	return s
}

// reportP99 reports the 99th percentile of durs, in milliseconds.
func reportP99(b *testing.B, durs []time.Duration) {
	if len(durs) == 0 {
		return
	}
	slices.Sort(durs)
	p99 := durs[min(len(durs)-1, len(durs)*99/100)]
	b.ReportMetric(float64(p99)/float64(time.Millisecond), "p99-ms")
}

func BenchmarkCasesOpen1M(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b)
	var durs []time.Duration
	for b.Loop() {
		start := time.Now()
		cs, err := s.Cases(ctx, CaseFilter{Status: StatusOpen, Limit: 50})
		durs = append(durs, time.Since(start))
		if err != nil || len(cs) != 50 {
			b.Fatalf("%d cases, %v", len(cs), err)
		}
	}
	reportP99(b, durs)
}

func BenchmarkHistory1M(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b)
	var durs []time.Duration
	i := 0
	for b.Loop() {
		key := fmt.Sprintf("org:bench-%d", i*7919%benchKeys)
		i++
		start := time.Now()
		recs, err := s.History(ctx, key, 50)
		durs = append(durs, time.Since(start))
		if err != nil || len(recs) != 50 {
			b.Fatalf("History(%s): %d records, %v", key, len(recs), err)
		}
	}
	reportP99(b, durs)
}

func BenchmarkSave(b *testing.B) {
	ctx := context.Background()
	s := openTest(b, filepath.Join(b.TempDir(), "bench.db"), Options{})
	audit := mustJSON(b, map[string]any{"input": strings.Repeat("x", 2000), "findings": []string{"a", "b"}})
	var durs []time.Duration
	i := 0
	for b.Loop() {
		i++
		r := Record{Kind: KindCheck, Subject: fmt.Sprint("SHP-", i), Verdict: "review", DecisionID: "d",
			Parties: []Party{acme, kim, vessel}, Audit: audit}
		start := time.Now()
		if _, err := s.Save(ctx, &r); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	reportP99(b, durs)
}
