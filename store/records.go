package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// partiesChunk is how many records' parties one query loads: well under
// the bound-parameter limits of both databases.
const partiesChunk = 500

// Save stores rec and its parties in one transaction and sets rec.ID. A
// zero rec.At is now; rec.At is kept in UTC to the microsecond, and Save
// sets it so.
func (s *Store) Save(ctx context.Context, rec *Record) (int64, error) {
	if rec == nil {
		return 0, errors.New("store: save record: nil record")
	}
	switch rec.Kind {
	case KindCheck, KindScreen, KindRescreen:
	default:
		return 0, fmt.Errorf("store: save record: unknown kind %q", rec.Kind)
	}
	if len(rec.Audit) > 0 && !json.Valid(rec.Audit) {
		return 0, errors.New("store: save record: audit record is not valid JSON")
	}
	if err := checkText(rec.Subject, rec.Verdict, rec.DecisionID, rec.RulesVersion, string(rec.Audit)); err != nil {
		return 0, fmt.Errorf("store: save record: %w", err)
	}
	for _, p := range rec.Parties {
		if err := checkText(p.Key, p.Details, p.Name, p.Kind, p.Country, p.IMO, p.Role, p.Verdict); err != nil {
			return 0, fmt.Errorf("store: save record: party %q: %w", p.Key, err)
		}
	}
	lists, err := json.Marshal(rec.ListVersions)
	if err != nil {
		return 0, fmt.Errorf("store: save record: list versions: %w", err)
	}
	at := s.stamp(rec.At)
	var audit any
	if len(rec.Audit) > 0 {
		audit = string(rec.Audit)
	}
	var id int64
	err = s.inTx(ctx, "save record", func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.d.bind(`INSERT INTO records
			(kind, at, subject, verdict, decision_id, rules_version, list_versions, audit)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			rec.Kind, s.d.time(at), rec.Subject, rec.Verdict, rec.DecisionID, rec.RulesVersion, string(lists), audit,
		).Scan(&id)
		if err != nil {
			return err
		}
		return s.insertParties(ctx, tx, id, rec.Parties)
	})
	if err != nil {
		return 0, err
	}
	rec.ID, rec.At = id, at
	return id, nil
}

func (s *Store) insertParties(ctx context.Context, tx *sql.Tx, id int64, parties []Party) error {
	if len(parties) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, s.d.bind(`INSERT INTO record_parties
		(record_id, position, party_key, details, name, name_fold, kind, country, imo, role, verdict, hits)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return fmt.Errorf("parties: %w", err)
	}
	defer stmt.Close()
	for i, p := range parties {
		hits, err := json.Marshal(p.Hits)
		if err != nil {
			return fmt.Errorf("party %q hits: %w", p.Key, err)
		}
		if _, err := stmt.ExecContext(ctx, id, i, p.Key, p.Details, p.Name, strings.ToLower(p.Name),
			p.Kind, p.Country, p.IMO, p.Role, p.Verdict, string(hits)); err != nil {
			return fmt.Errorf("party %q: %w", p.Key, err)
		}
	}
	return nil
}

// recordCols are the columns scanRecord reads, audit last and optional.
const recordCols = `r.id, r.kind, r.at, r.subject, r.verdict, r.decision_id, r.rules_version, r.list_versions`

func scanRecord(sc interface{ Scan(...any) error }, withAudit bool) (Record, error) {
	var (
		r            Record
		lists, audit string
	)
	dst := []any{&r.ID, &r.Kind, timeCol{&r.At}, &r.Subject, &r.Verdict, &r.DecisionID, &r.RulesVersion, jsonCol{&lists}}
	if withAudit {
		dst = append(dst, jsonCol{&audit})
	}
	if err := sc.Scan(dst...); err != nil {
		return Record{}, err
	}
	if err := json.Unmarshal([]byte(lists), &r.ListVersions); err != nil {
		return Record{}, fmt.Errorf("record %d list versions: %w", r.ID, err)
	}
	if audit != "" {
		r.Audit = json.RawMessage(audit)
	}
	return r, nil
}

// Record returns the record with ID id, with its parties and audit
// record, or ErrNotFound.
func (s *Store) Record(ctx context.Context, id int64) (Record, error) {
	row := s.db.QueryRowContext(ctx, s.d.bind(`SELECT `+recordCols+`, r.audit FROM records r WHERE r.id = ?`), id)
	r, err := scanRecord(row, true)
	if errors.Is(err, sql.ErrNoRows) {
		return Record{}, fmt.Errorf("store: record %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Record{}, fmt.Errorf("store: record %d: %w", id, err)
	}
	recs := []Record{r}
	if err := s.loadParties(ctx, recs); err != nil {
		return Record{}, fmt.Errorf("store: record %d: %w", id, err)
	}
	return recs[0], nil
}

// Records returns the records f selects, the latest saved first, with
// their parties.
func (s *Store) Records(ctx context.Context, f Filter) ([]Record, error) {
	var (
		where []string
		args  []any
	)
	if !f.From.IsZero() {
		where, args = append(where, "r.at >= ?"), append(args, s.d.time(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "r.at < ?"), append(args, s.d.time(f.To))
	}
	if f.Verdict != "" {
		where, args = append(where, "r.verdict = ?"), append(args, f.Verdict)
	}
	if f.Kind != "" {
		where, args = append(where, "r.kind = ?"), append(args, f.Kind)
	}
	if f.Before > 0 {
		where, args = append(where, "r.id < ?"), append(args, f.Before)
	}
	if f.Party != "" {
		// The name is matched against name_fold, folded by Go on
		// save, so that both databases fold all scripts alike.
		where = append(where, `r.id IN (SELECT record_id FROM record_parties
			WHERE party_key = ? OR name_fold LIKE ? ESCAPE '\')`)
		args = append(args, f.Party, "%"+escapeLike(strings.ToLower(f.Party))+"%")
	}
	q := `SELECT ` + recordCols
	if f.WithAudit {
		q += `, r.audit`
	}
	q += ` FROM records r`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY r.id DESC`
	if f.Limit > 0 {
		q, args = q+` LIMIT ?`, append(args, f.Limit)
	}
	recs, err := s.queryRecords(ctx, q, f.WithAudit, args...)
	if err != nil {
		return nil, fmt.Errorf("store: records: %w", err)
	}
	return recs, nil
}

// History returns up to limit records having a party of key, the latest
// saved first, with their parties but not their audit records. A limit
// of zero or less means no limit.
func (s *Store) History(ctx context.Context, partyKey string, limit int) ([]Record, error) {
	// The inner query walks record_parties_key backwards and stops
	// after limit, whatever the number of records.
	inner := `SELECT DISTINCT record_id FROM record_parties WHERE party_key = ? ORDER BY record_id DESC`
	args := []any{partyKey}
	if limit > 0 {
		inner, args = inner+` LIMIT ?`, append(args, limit)
	}
	q := `SELECT ` + recordCols + ` FROM records r WHERE r.id IN (` + inner + `) ORDER BY r.id DESC`
	recs, err := s.queryRecords(ctx, q, false, args...)
	if err != nil {
		return nil, fmt.Errorf("store: history of %q: %w", partyKey, err)
	}
	return recs, nil
}

func (s *Store) queryRecords(ctx context.Context, q string, withAudit bool, args ...any) ([]Record, error) {
	rows, err := s.db.QueryContext(ctx, s.d.bind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var recs []Record
	for rows.Next() {
		r, err := scanRecord(rows, withAudit)
		if err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.loadParties(ctx, recs); err != nil {
		return nil, err
	}
	return recs, nil
}

// partyCols are the columns scanParty reads.
const partyCols = `p.party_key, p.details, p.name, p.kind, p.country, p.imo, p.role, p.verdict, p.hits`

func scanParty(p *Party) []any {
	return []any{&p.Key, &p.Details, &p.Name, &p.Kind, &p.Country, &p.IMO, &p.Role, &p.Verdict}
}

func decodeHits(hits string, p *Party) error {
	if err := json.Unmarshal([]byte(hits), &p.Hits); err != nil {
		return fmt.Errorf("party %q hits: %w", p.Key, err)
	}
	return nil
}

// loadParties fills in the parties of recs, a few hundred records a
// query rather than one query a record.
func (s *Store) loadParties(ctx context.Context, recs []Record) error {
	at := make(map[int64]int, len(recs))
	for i, r := range recs {
		at[r.ID] = i
	}
	for start := 0; start < len(recs); start += partiesChunk {
		chunk := recs[start:min(start+partiesChunk, len(recs))]
		args := make([]any, len(chunk))
		for i, r := range chunk {
			args[i] = r.ID
		}
		rows, err := s.db.QueryContext(ctx, s.d.bind(`SELECT p.record_id, `+partyCols+`
			FROM record_parties p WHERE p.record_id IN (`+placeholders(len(chunk))+`)
			ORDER BY p.record_id, p.position`), args...)
		if err != nil {
			return fmt.Errorf("parties: %w", err)
		}
		for rows.Next() {
			var (
				id   int64
				p    Party
				hits string
			)
			if err := rows.Scan(append([]any{&id}, append(scanParty(&p), jsonCol{&hits})...)...); err != nil {
				rows.Close()
				return fmt.Errorf("parties: %w", err)
			}
			if err := decodeHits(hits, &p); err != nil {
				rows.Close()
				return err
			}
			r := &recs[at[id]]
			r.Parties = append(r.Parties, p)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("parties: %w", err)
		}
	}
	return nil
}

// PartiesSince returns each party (key and details) of the records saved
// at or after since, with its latest record, ordered by key and details:
// the parties to screen again when a list changes.
func (s *Store) PartiesSince(ctx context.Context, since time.Time) ([]Seen, error) {
	rows, err := s.db.QueryContext(ctx, s.d.bind(`SELECT x.record_id, x.at, `+strings.ReplaceAll(partyCols, "p.", "x.")+`
		FROM (SELECT p.*, r.at, ROW_NUMBER() OVER (
				PARTITION BY p.party_key, p.details ORDER BY r.at DESC, p.record_id DESC, p.position
			) AS latest
			FROM record_parties p JOIN records r ON r.id = p.record_id
			WHERE r.at >= ?) x
		WHERE x.latest = 1`), s.d.time(since.UTC()))
	if err != nil {
		return nil, fmt.Errorf("store: parties since %s: %w", since.Format(time.RFC3339), err)
	}
	defer rows.Close()
	var seen []Seen
	for rows.Next() {
		var (
			v    Seen
			hits string
		)
		if err := rows.Scan(append([]any{&v.Record, timeCol{&v.At}}, append(scanParty(&v.Party), jsonCol{&hits})...)...); err != nil {
			return nil, fmt.Errorf("store: parties since: %w", err)
		}
		if err := decodeHits(hits, &v.Party); err != nil {
			return nil, fmt.Errorf("store: parties since: %w", err)
		}
		seen = append(seen, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: parties since: %w", err)
	}
	// Sorted here, not by ORDER BY, because PostgreSQL would sort by the
	// database's collation and SQLite by bytes.
	slices.SortFunc(seen, func(a, b Seen) int {
		return cmp.Or(strings.Compare(a.Party.Key, b.Party.Key), strings.Compare(a.Party.Details, b.Party.Details))
	})
	return seen, nil
}

// escapeLike escapes the LIKE wildcards of s for ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Purge deletes the records made before before, with their parties and
// their closed cases, and returns how many it deleted. A record with an
// open case is kept: the case still needs it. Each batch of
// Options.PurgeBatch records is its own short transaction, so that saves
// running meanwhile wait for one batch at most.
func (s *Store) Purge(ctx context.Context, before time.Time) (int64, error) {
	batch := s.opt.PurgeBatch
	if batch <= 0 {
		batch = 1000
	}
	var total int64
	for {
		var n int64
		var more bool
		err := s.inTx(ctx, "purge", func(tx *sql.Tx) error {
			ids, err := queryIDs(ctx, tx, s.d.bind(`SELECT r.id FROM records r
				WHERE r.at < ? AND NOT EXISTS (
					SELECT 1 FROM cases c WHERE c.record_id = r.id AND c.status = 'open')
				ORDER BY r.at LIMIT ?`), s.d.time(before.UTC()), batch)
			if err != nil || len(ids) == 0 {
				return err
			}
			more = len(ids) == batch
			in := placeholders(len(ids))
			if _, err := tx.ExecContext(ctx, s.d.bind(`DELETE FROM cases
				WHERE record_id IN (`+in+`) AND status <> 'open'`), ids...); err != nil {
				return fmt.Errorf("closed cases: %w", err)
			}
			res, err := tx.ExecContext(ctx, s.d.bind(`DELETE FROM records WHERE id IN (`+in+`)`), ids...)
			if err != nil {
				return fmt.Errorf("records: %w", err)
			}
			n, err = res.RowsAffected()
			return err
		})
		if err != nil {
			return total, err
		}
		total += n
		if !more {
			return total, nil
		}
	}
}

// PurgeExpired purges the records older than the retention period at
// now.
func (s *Store) PurgeExpired(ctx context.Context, now time.Time) (int64, error) {
	return s.Purge(ctx, now.Add(-s.Retention()))
}

func queryIDs(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]any, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []any
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
