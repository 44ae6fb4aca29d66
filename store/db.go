package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	// The drivers register themselves with database/sql under the names
	// "pgx" and "sqlite"; Open picks one by the DSN.
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// Store keeps records, cases and releases in SQLite or PostgreSQL. It is
// safe for concurrent use; several Stores, in one process or several, may
// share one database.
type Store struct {
	db  *sql.DB
	d   dialect
	opt Options
	// exportPage is how many records Export holds in memory at once;
	// tests make it small to page through few records.
	exportPage int
}

// sqliteBusyTimeout is how long a SQLite writer waits for another to
// finish before failing: long enough to outlast a purge batch or a bulk
// save, short enough that a wedged writer is reported.
const sqliteBusyTimeout = 30 * time.Second

// Open opens the store at dsn, creating and migrating it as needed. A dsn
// beginning postgres:// or postgresql:// names a PostgreSQL database;
// anything else is a SQLite file, given as a path, sqlite:PATH or
// file:PATH, created if missing (its directory must exist).
func Open(ctx context.Context, dsn string, opt Options) (*Store, error) {
	var (
		d          dialect
		driver, ds string
	)
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		d, driver, ds = postgres, "pgx", dsn
	default:
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:")
		if path == "" || strings.ContainsAny(path, "?#") {
			return nil, fmt.Errorf("store: open: bad SQLite path %q", path)
		}
		// Every pooled connection runs these pragmas. BEGIN IMMEDIATE
		// takes the write lock when a transaction starts, so a writer
		// waits out another (busy_timeout) instead of failing when it
		// upgrades a read lock mid-transaction.
		d, driver = sqlite, "sqlite"
		ds = path + "?_txlock=immediate" +
			"&_pragma=busy_timeout(" + strconv.FormatInt(sqliteBusyTimeout.Milliseconds(), 10) + ")" +
			"&_pragma=journal_mode(WAL)" +
			"&_pragma=synchronous(NORMAL)" +
			"&_pragma=foreign_keys(1)"
	}
	db, err := sql.Open(driver, ds)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", d, err)
	}
	s := &Store{db: db, d: d, opt: opt, exportPage: 500}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// Driver names the database behind the store: "sqlite" or "postgres".
func (s *Store) Driver() string { return string(s.d) }

// Retention is how long records are kept.
func (s *Store) Retention() time.Duration {
	if s.opt.Retention > 0 {
		return s.opt.Retention
	}
	return DefaultRetention
}

func (s *Store) now() time.Time {
	if s.opt.Now != nil {
		return s.opt.Now()
	}
	return time.Now()
}

// stamp is t as stored, or now when t is zero. Times are kept in UTC to
// the microsecond, PostgreSQL's precision, so that what is read back
// equals what was saved on either database.
func (s *Store) stamp(t time.Time) time.Time {
	if t.IsZero() {
		t = s.now()
	}
	return t.UTC().Truncate(time.Microsecond)
}

// migrate brings the schema up to date in one transaction. On PostgreSQL
// an advisory lock makes instances opening the same database at once take
// turns; on SQLite BEGIN IMMEDIATE does the same.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migrate %s: %w", s.d, err)
	}
	defer tx.Rollback()
	if s.d == postgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLock); err != nil {
			return fmt.Errorf("store: migrate: lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.d.schema(migrationsTable)); err != nil {
		return fmt.Errorf("store: migrate: create schema_migrations: %w", err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&have); err != nil {
		return fmt.Errorf("store: migrate: read version: %w", err)
	}
	all := migrations()
	if have > len(all) {
		return fmt.Errorf("store: migrate: database schema version %d is newer than this program's %d", have, len(all))
	}
	for v := have + 1; v <= len(all); v++ {
		for i, stmt := range all[v-1] {
			if _, err := tx.ExecContext(ctx, s.d.schema(stmt)); err != nil {
				return fmt.Errorf("store: migrate: version %d statement %d: %w", v, i+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.d.bind("INSERT INTO schema_migrations (version, applied) VALUES (?, ?)"), v, s.d.time(s.stamp(time.Time{}))); err != nil {
			return fmt.Errorf("store: migrate: record version %d: %w", v, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: migrate: commit: %w", err)
	}
	return nil
}

// inTx runs f in a transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, what string, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %s: begin: %w", what, err)
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: %s: commit: %w", what, err)
	}
	return nil
}

// dialect is what differs between the two databases, named as Driver
// names it: the SQL is written once, with ? placeholders and {{type}}
// markers in the schema, and the dialect adapts it.
type dialect string

const (
	sqlite   dialect = "sqlite"
	postgres dialect = "postgres"
)

// schema replaces the type markers of a schema statement.
func (d dialect) schema(stmt string) string {
	if d == postgres {
		return strings.NewReplacer(
			"{{id}}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
			"{{time}}", "TIMESTAMPTZ",
			// json, not jsonb, keeps the text as saved, so that an
			// audit record reads back byte for byte.
			"{{json}}", "JSON",
		).Replace(stmt)
	}
	// SQLite has no time type: times are integer microseconds since
	// the Unix epoch, compact and ordered. AUTOINCREMENT keeps the IDs
	// of purged records from being handed out again.
	return strings.NewReplacer(
		"{{id}}", "INTEGER PRIMARY KEY AUTOINCREMENT",
		"{{time}}", "INTEGER",
		"{{json}}", "TEXT",
	).Replace(stmt)
}

// bind rewrites the ? placeholders of q for the database. The queries
// have no ? inside string literals.
func (d dialect) bind(q string) string {
	if d != postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// time is the query argument for t; the zero time is NULL.
func (d dialect) time(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	if d == sqlite {
		return t.UnixMicro()
	}
	return t.UTC()
}

// placeholders is n comma-separated placeholders, for IN lists.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// timeCol scans a time column of either database into a UTC time; NULL
// is the zero time.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*c.t = time.Time{}
	case int64:
		*c.t = time.UnixMicro(v).UTC()
	case time.Time:
		*c.t = v.UTC()
	default:
		return fmt.Errorf("time column holds %T", v)
	}
	return nil
}

// jsonCol scans a JSON column into a string; NULL is empty.
type jsonCol struct{ s *string }

func (c jsonCol) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*c.s = ""
	case string:
		*c.s = v
	case []byte:
		*c.s = string(v)
	default:
		return fmt.Errorf("JSON column holds %T", v)
	}
	return nil
}

// errBadText is returned for text PostgreSQL cannot hold; SQLite could,
// but the two must accept the same.
var errBadText = errors.New("text is not valid UTF-8 or holds a NUL")

// checkText reports whether each string is text both databases keep.
func checkText(fields ...string) error {
	for _, f := range fields {
		if !utf8.ValidString(f) || strings.IndexByte(f, 0) >= 0 {
			return fmt.Errorf("%w: %.40q", errBadText, f)
		}
	}
	return nil
}

// nullInt is the argument for an optional reference: 0 is NULL.
func nullInt(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
