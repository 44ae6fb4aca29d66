package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/luxscreen/luxscreen/party"
)

// backend makes a fresh, empty database for a test and returns its DSN.
type backend struct {
	name string
	dsn  func(testing.TB) string
}

func backends() []backend {
	return []backend{{"sqlite", sqliteDSN}, {"postgres", postgresDSN}}
}

func sqliteDSN(t testing.TB) string {
	return filepath.Join(t.TempDir(), "luxscreen.db")
}

// postgresDSN creates a database on the server LUXSCREEN_POSTGRES names,
// dropped when the test ends, and skips the test when it is unset.
func postgresDSN(t testing.TB) string {
	base := os.Getenv("LUXSCREEN_POSTGRES")
	if base == "" {
		t.Skip("LUXSCREEN_POSTGRES is not set: skipping the PostgreSQL store tests")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	// Lower case, as PostgreSQL folds unquoted names.
	name := "luxscreen_test_" + strings.ToLower(rand.Text()[:12])
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func openTest(t testing.TB, dsn string, opt Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// forEachBackend runs f on a fresh store of each database.
func forEachBackend(t *testing.T, opt Options, f func(t *testing.T, s *Store)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			f(t, openTest(t, b.dsn(t), opt))
		})
	}
}

// t0 has microseconds, to see they survive.
var t0 = time.Date(2025, 3, 1, 9, 30, 0, 123456000, time.UTC)

func clock() Options {
	return Options{Now: func() time.Time { return t0.Add(24 * time.Hour) }}
}

var (
	kim = Party{Key: "org:kim trading", Name: "Kim Trading Co", Kind: "organisation", Country: "KP",
		Role: "consignee", Verdict: "match", Hits: []string{"UN:KPe.001"}}
	acme   = Party{Key: "org:acme", Name: "ACME GmbH", Kind: "organisation", Country: "DE", Role: "exporter", Verdict: "clear"}
	lux    = Party{Key: "org:lux", Name: "Lux Imports", Role: "consignee", Verdict: "clear"}
	vessel = Party{Key: "vessel:9123456", Details: "imo=9123456", Name: "Sea Star", IMO: "9123456", Role: "vessel", Verdict: "review"}
)

func with(p Party, f func(*Party)) Party { f(&p); return p }

// sample returns five records an hour apart from t0, oldest first.
func sample() []Record {
	kimKP := with(kim, func(p *Party) { p.Details = "country=KP" })
	return []Record{
		{Kind: KindCheck, At: t0, Subject: "SHP-1", Verdict: "block", DecisionID: "d1", RulesVersion: "2025.1",
			ListVersions: []party.ListVersion{{ID: "un", Source: "UN", Format: "un-xml", Published: "2025-02-01", SHA256: "ab12"}},
			Parties:      []Party{acme, kim},
			Audit:        json.RawMessage(`{"input":{"id":"SHP-1"},"findings":[1,2]}`)},
		{Kind: KindScreen, At: t0.Add(time.Hour), Subject: "Kim Trading", Verdict: "match", Parties: []Party{kimKP}},
		{Kind: KindCheck, At: t0.Add(2 * time.Hour), Subject: "SHP-2", Verdict: "clear", Parties: []Party{acme, lux},
			ListVersions: []party.ListVersion{}},
		{Kind: KindRescreen, At: t0.Add(3 * time.Hour), Subject: "Kim Trading", Verdict: "review",
			Parties: []Party{kimKP, with(kimKP, func(p *Party) { p.Role = "notify" })}},
		{Kind: KindCheck, At: t0.Add(4 * time.Hour), Subject: "SHP-3", Verdict: "review", Parties: []Party{vessel},
			Audit: json.RawMessage(`{}`)},
	}
}

func saveAll(t *testing.T, s *Store, recs []Record) []Record {
	t.Helper()
	for i := range recs {
		id, err := s.Save(context.Background(), &recs[i])
		if err != nil {
			t.Fatal(err)
		}
		if id != recs[i].ID {
			t.Fatalf("Save returned %d, set ID %d", id, recs[i].ID)
		}
	}
	return recs
}

func noAudit(recs ...Record) []Record {
	out := make([]Record, len(recs))
	for i, r := range recs {
		r.Audit = nil
		out[i] = r
	}
	return out
}

func TestMigrationsIdempotent(t *testing.T) {
	ctx := context.Background()
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.dsn(t)
			s1 := openTest(t, dsn, Options{})
			rec := sample()[0]
			if _, err := s1.Save(ctx, &rec); err != nil {
				t.Fatal(err)
			}
			// Several instances opening one database at once, as
			// service replicas starting together do.
			var wg sync.WaitGroup
			errs := make([]error, 4)
			stores := make([]*Store, 4)
			for i := range stores {
				wg.Go(func() { stores[i], errs[i] = Open(ctx, dsn, Options{}) })
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Fatalf("open %d: %v", i, err)
				}
				defer stores[i].Close()
			}
			got, err := stores[0].Record(ctx, rec.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(rec, got); diff != "" {
				t.Errorf("record after reopening (-saved +read):\n%s", diff)
			}
			var n, v int
			if err := s1.db.QueryRow("SELECT COUNT(*), MAX(version) FROM schema_migrations").Scan(&n, &v); err != nil {
				t.Fatal(err)
			}
			if n != len(migrations()) || v != len(migrations()) {
				t.Errorf("schema_migrations has %d rows up to version %d, want %d", n, v, len(migrations()))
			}
			if got := s1.Driver(); got != b.name {
				t.Errorf("Driver() = %q, want %q", got, b.name)
			}
		})
	}
}

func TestOpenDSNs(t *testing.T) {
	dir := t.TempDir()
	for _, dsn := range []string{
		filepath.Join(dir, "a.db"),
		"sqlite:" + filepath.Join(dir, "b.db"),
		"file:" + filepath.Join(dir, "c.db"),
	} {
		s, err := Open(context.Background(), dsn, Options{})
		if err != nil {
			t.Errorf("Open(%q): %v", dsn, err)
			continue
		}
		var mode string
		if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("Open(%q): journal mode %q (%v), want wal", dsn, mode, err)
		}
		var fk int
		if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
			t.Errorf("Open(%q): foreign_keys %d (%v), want 1", dsn, fk, err)
		}
		s.Close()
	}
	for _, dsn := range []string{"", "sqlite:", filepath.Join(dir, "x.db?mode=ro"), filepath.Join(dir, "missing", "x.db")} {
		if s, err := Open(context.Background(), dsn, Options{}); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded, want an error", dsn)
		}
	}
}

func TestRecords(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, clock(), func(t *testing.T, s *Store) {
		recs := saveAll(t, s, sample())
		for _, r := range recs {
			got, err := s.Record(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(r, got); diff != "" {
				t.Errorf("Record(%d) (-saved +read):\n%s", r.ID, diff)
			}
		}
		if _, err := s.Record(ctx, 999); !errors.Is(err, ErrNotFound) {
			t.Errorf("Record(999) error = %v, want ErrNotFound", err)
		}
		tests := []struct {
			name string
			f    Filter
			want []int // indexes into recs
		}{
			{"all", Filter{}, []int{4, 3, 2, 1, 0}},
			{"verdict", Filter{Verdict: "block"}, []int{0}},
			{"kind", Filter{Kind: KindCheck}, []int{4, 2, 0}},
			{"party key", Filter{Party: "org:kim trading"}, []int{3, 1, 0}},
			{"party name any case", Filter{Party: "TRADING"}, []int{3, 1, 0}},
			{"party name part", Filter{Party: "mport"}, []int{2}},
			{"party name shared", Filter{Party: "acme"}, []int{2, 0}},
			{"wildcards are literal", Filter{Party: "%"}, nil},
			{"underscore is literal", Filter{Party: "A_ME"}, nil},
			{"from to", Filter{From: t0.Add(time.Hour), To: t0.Add(3 * time.Hour)}, []int{2, 1}},
			{"from exact microsecond", Filter{From: t0.Add(4*time.Hour - time.Microsecond)}, []int{4}},
			{"limit", Filter{Limit: 2}, []int{4, 3}},
			{"before", Filter{Before: recs[3].ID, Limit: 2}, []int{2, 1}},
			{"before end", Filter{Before: recs[1].ID, Limit: 2}, []int{0}},
			{"combined", Filter{Kind: KindCheck, Party: "acme", Verdict: "clear"}, []int{2}},
			{"none", Filter{Verdict: "nothing"}, nil},
		}
		for _, tt := range tests {
			got, err := s.Records(ctx, tt.f)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			var want []Record
			for _, i := range tt.want {
				want = append(want, recs[i])
			}
			if diff := cmp.Diff(noAudit(want...), got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: Records(%+v) (-want +got):\n%s", tt.name, tt.f, diff)
			}
			tt.f.WithAudit = true
			got, err = s.Records(ctx, tt.f)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: Records(%+v) with audit (-want +got):\n%s", tt.name, tt.f, diff)
			}
		}
	})
}

func TestSaveRejects(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, Options{}, func(t *testing.T, s *Store) {
		for name, r := range map[string]*Record{
			"nil":         nil,
			"no kind":     {Subject: "x"},
			"bad kind":    {Kind: "guess"},
			"bad audit":   {Kind: KindCheck, Audit: json.RawMessage(`{"a":`)},
			"NUL":         {Kind: KindCheck, Subject: "a\x00b"},
			"bad UTF-8":   {Kind: KindCheck, Parties: []Party{{Key: "k", Name: "\xff\xfe"}}},
			"NUL in note": {Kind: KindCheck, Parties: []Party{{Key: "k\x00"}}},
		} {
			if _, err := s.Save(ctx, r); err == nil {
				t.Errorf("%s: Save succeeded, want an error", name)
			}
		}
		if got, err := s.Records(ctx, Filter{}); err != nil || len(got) != 0 {
			t.Errorf("after rejected saves: %d records, %v", len(got), err)
		}
	})
}

func TestHistory(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, Options{}, func(t *testing.T, s *Store) {
		recs := noAudit(saveAll(t, s, sample())...)
		tests := []struct {
			key   string
			limit int
			want  []int
		}{
			{kim.Key, 0, []int{3, 1, 0}},
			{kim.Key, 2, []int{3, 1}},
			{kim.Key, 1, []int{3}},
			{acme.Key, 50, []int{2, 0}},
			{vessel.Key, 50, []int{4}},
			{"Kim Trading Co", 50, nil}, // a key, not a name
			{"org:nobody", 50, nil},
		}
		for _, tt := range tests {
			got, err := s.History(ctx, tt.key, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			var want []Record
			for _, i := range tt.want {
				want = append(want, recs[i])
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("History(%q, %d) (-want +got):\n%s", tt.key, tt.limit, diff)
			}
		}
	})
}

func TestPartiesSince(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, Options{}, func(t *testing.T, s *Store) {
		recs := saveAll(t, s, sample())
		seen := func(i, p int) Seen { return Seen{Party: recs[i].Parties[p], Record: recs[i].ID, At: recs[i].At} }
		tests := []struct {
			since time.Time
			want  []Seen
		}{
			{t0.Add(time.Hour), []Seen{seen(2, 0), seen(3, 0), seen(2, 1), seen(4, 0)}},
			// Kim Trading without details is another party from Kim
			// Trading in North Korea: a release of one is not of the
			// other.
			{t0, []Seen{seen(2, 0), seen(0, 1), seen(3, 0), seen(2, 1), seen(4, 0)}},
			{t0.Add(4 * time.Hour), []Seen{seen(4, 0)}},
			{t0.Add(5 * time.Hour), nil},
		}
		for _, tt := range tests {
			got, err := s.PartiesSince(ctx, tt.since)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("PartiesSince(%s) (-want +got):\n%s", tt.since, diff)
			}
		}
	})
}

func TestCaseLifecycle(t *testing.T) {
	ctx := context.Background()
	opt := clock()
	now := opt.Now().UTC()
	forEachBackend(t, opt, func(t *testing.T, s *Store) {
		recs := saveAll(t, s, sample())
		kimCase := &Case{Record: recs[0].ID, Verdict: "block", Subject: "SHP-1", Party: &kim,
			Entities: []string{"UN:KPe.001"}, Versions: []string{"fp-2025-02"}, Summary: "consignee Kim Trading Co matches UN:KPe.001"}
		if _, err := s.OpenCase(ctx, kimCase); err != nil {
			t.Fatal(err)
		}
		want := Case{ID: kimCase.ID, Record: recs[0].ID, Status: StatusOpen, Verdict: "block", Subject: "SHP-1",
			Party: &kim, Entities: []string{"UN:KPe.001"}, Versions: []string{"fp-2025-02"}, Summary: kimCase.Summary, Opened: now, Updated: now,
			Events: []Event{{At: now, Actor: "luxscreen", Action: ActionOpened}}}
		if diff := cmp.Diff(want, *kimCase); diff != "" {
			t.Errorf("OpenCase set (-want +got):\n%s", diff)
		}
		got, err := s.Case(ctx, kimCase.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Case after OpenCase (-want +got):\n%s", diff)
		}

		// A re-screening case, opened by a person, without a party.
		later := t0.Add(3 * time.Hour)
		rescreen := &Case{Record: recs[3].ID, Linked: recs[1].ID, Verdict: "review", Subject: "Kim Trading",
			Opened: later, Events: []Event{{Actor: "ana", Action: ActionOpened, Note: "list changed"}}}
		if _, err := s.OpenCase(ctx, rescreen); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Case(ctx, rescreen.ID); err != nil {
			t.Fatal(err)
		} else if diff := cmp.Diff(*rescreen, got); diff != "" {
			t.Errorf("rescreen case (-want +got):\n%s", diff)
		}

		step := func(name string, f func() (Case, error), status Status, action string) {
			t.Helper()
			c, err := f()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if c.Status != status || c.Events[len(c.Events)-1].Action != action {
				t.Errorf("%s: status %s, last event %+v, want %s after %s", name, c.Status, c.Events[len(c.Events)-1], status, action)
			}
			read, err := s.Case(ctx, kimCase.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c, read); diff != "" {
				t.Errorf("%s: returned case and stored case differ:\n%s", name, diff)
			}
		}
		release := Event{At: t0.Add(25 * time.Hour), Actor: "ana", Action: ActionReleased, Reason: FalsePositive, Note: "different company"}
		step("release", func() (Case, error) { return s.Decide(ctx, kimCase.ID, release) }, StatusReleased, ActionReleased)
		if _, err := s.Decide(ctx, kimCase.ID, release); !errors.Is(err, ErrCaseClosed) {
			t.Errorf("second decision error = %v, want ErrCaseClosed", err)
		}
		step("reopen", func() (Case, error) {
			return s.Reopen(ctx, kimCase.ID, Event{Actor: "bo", Note: "new evidence"})
		}, StatusOpen, ActionReopened)
		step("confirm", func() (Case, error) {
			return s.Decide(ctx, kimCase.ID, Event{Actor: "bo", Action: ActionConfirmed, Reason: TrueMatch})
		}, StatusConfirmed, ActionConfirmed)

		final, err := s.Case(ctx, kimCase.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantEvents := []Event{
			{At: now, Actor: "luxscreen", Action: ActionOpened},
			release,
			{At: now, Actor: "bo", Action: ActionReopened, Note: "new evidence"},
			{At: now, Actor: "bo", Action: ActionConfirmed, Reason: TrueMatch},
		}
		if diff := cmp.Diff(wantEvents, final.Events); diff != "" {
			t.Errorf("history (-want +got):\n%s", diff)
		}
		if !final.Updated.Equal(now) {
			t.Errorf("Updated = %s, want %s", final.Updated, now)
		}

		listed := func(f CaseFilter) []int64 {
			cs, err := s.Cases(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, c := range cs {
				if c.Events != nil {
					t.Errorf("Cases(%+v) filled in events", f)
				}
				ids = append(ids, c.ID)
			}
			return ids
		}
		for _, tt := range []struct {
			f    CaseFilter
			want []int64
		}{
			{CaseFilter{}, []int64{rescreen.ID, kimCase.ID}},
			{CaseFilter{Status: StatusOpen}, []int64{rescreen.ID}},
			{CaseFilter{Status: StatusConfirmed}, []int64{kimCase.ID}},
			{CaseFilter{Status: StatusReleased}, nil},
			{CaseFilter{Party: kim.Key}, []int64{kimCase.ID}},
			{CaseFilter{Record: recs[3].ID}, []int64{rescreen.ID}},
			{CaseFilter{Before: rescreen.ID}, []int64{kimCase.ID}},
			{CaseFilter{Limit: 1}, []int64{rescreen.ID}},
		} {
			if diff := cmp.Diff(tt.want, listed(tt.f)); diff != "" {
				t.Errorf("Cases(%+v) (-want +got):\n%s", tt.f, diff)
			}
		}

		if _, err := s.Case(ctx, 999); !errors.Is(err, ErrNotFound) {
			t.Errorf("Case(999) error = %v, want ErrNotFound", err)
		}
		if _, err := s.Decide(ctx, 999, release); !errors.Is(err, ErrNotFound) {
			t.Errorf("Decide(999) error = %v, want ErrNotFound", err)
		}
		if _, err := s.Reopen(ctx, 999, Event{Actor: "bo"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("Reopen(999) error = %v, want ErrNotFound", err)
		}
		if _, err := s.OpenCase(ctx, &Case{Record: 999}); err == nil {
			t.Error("OpenCase on a missing record succeeded")
		}
	})
}

func TestDecideRejects(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, Options{}, func(t *testing.T, s *Store) {
		rec := sample()[0]
		if _, err := s.Save(ctx, &rec); err != nil {
			t.Fatal(err)
		}
		c := &Case{Record: rec.ID, Verdict: "block"}
		if _, err := s.OpenCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			ev   Event
		}{
			{"no action", Event{Actor: "ana", Reason: FalsePositive}},
			{"reopen is not a decision", Event{Actor: "ana", Action: ActionReopened, Reason: FalsePositive}},
			{"no reason", Event{Actor: "ana", Action: ActionReleased}},
			{"unknown reason", Event{Actor: "ana", Action: ActionReleased, Reason: "hunch"}},
			{"no actor", Event{Action: ActionConfirmed, Reason: TrueMatch}},
			{"blank actor", Event{Actor: " \t", Action: ActionConfirmed, Reason: TrueMatch}},
		}
		for _, tt := range tests {
			if _, err := s.Decide(ctx, c.ID, tt.ev); err == nil || errors.Is(err, ErrCaseClosed) {
				t.Errorf("%s: Decide error = %v, want a validation error", tt.name, err)
			}
		}
		for name, ev := range map[string]Event{
			"no actor":       {},
			"wrong action":   {Actor: "ana", Action: ActionReleased},
			"unknown reason": {Actor: "ana", Reason: "hunch"},
		} {
			if _, err := s.Reopen(ctx, c.ID, ev); err == nil {
				t.Errorf("%s: Reopen succeeded", name)
			}
		}
		got, err := s.Case(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != StatusOpen || len(got.Events) != 1 {
			t.Errorf("rejected decisions changed the case: %+v", got)
		}
	})
}

func TestReleases(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, clock(), func(t *testing.T, s *Store) {
		rec := sample()[0]
		if _, err := s.Save(ctx, &rec); err != nil {
			t.Fatal(err)
		}
		c := &Case{Record: rec.ID}
		if _, err := s.OpenCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		rs := []*Release{
			{PartyKey: kim.Key, PartyName: kim.Name, Entity: "UN:KPe.001", EntityVersion: "v1", Case: c.ID,
				Actor: "ana", Reason: FalsePositive, Note: "other Kim", At: t0},
			{PartyKey: kim.Key, PartyDetails: "country=CN", PartyName: kim.Name, Entity: "OFAC:123", EntityVersion: "v9",
				Actor: "ana", Reason: LicenceHeld},
			{PartyKey: acme.Key, PartyName: acme.Name, Entity: "UN:KPe.001", EntityVersion: "v1", Actor: "bo", Reason: Other},
		}
		for _, r := range rs {
			if _, err := s.Remember(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if want := s.stamp(time.Time{}); !rs[1].At.Equal(want) {
			t.Errorf("Remember set At %s, want now %s", rs[1].At, want)
		}
		check := func(name string, got []Release, err error, want ...*Release) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			var w []Release
			for _, r := range want {
				w = append(w, *r)
			}
			if diff := cmp.Diff(w, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", name, diff)
			}
		}
		got, err := s.Releases(ctx, kim.Key)
		check("Releases(kim)", got, err, rs[0], rs[1])
		got, err = s.ReleasesOf(ctx, "UN:KPe.001")
		check("ReleasesOf(UN)", got, err, rs[0], rs[2])

		if err := s.Revoke(ctx, rs[0].ID, t0.Add(48*time.Hour), "UN record amended"); err != nil {
			t.Fatal(err)
		}
		if err := s.Revoke(ctx, rs[0].ID, time.Time{}, "again"); err != nil {
			t.Errorf("second Revoke: %v", err)
		}
		got, err = s.Releases(ctx, kim.Key)
		check("Releases(kim) after revoking", got, err, rs[1])
		got, err = s.ReleasesOf(ctx, "UN:KPe.001")
		check("ReleasesOf(UN) after revoking", got, err, rs[2])
		var when time.Time
		var why string
		if err := s.db.QueryRow(s.d.bind("SELECT revoked, revoked_why FROM releases WHERE id = ?"), rs[0].ID).Scan(timeCol{&when}, &why); err != nil {
			t.Fatal(err)
		}
		if !when.Equal(t0.Add(48*time.Hour)) || why != "UN record amended" {
			t.Errorf("revocation kept as %s %q, want the first", when, why)
		}

		if err := s.Revoke(ctx, 999, time.Time{}, "x"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Revoke(999) error = %v, want ErrNotFound", err)
		}
		for name, r := range map[string]*Release{
			"no party":       {Entity: "E", Actor: "a", Reason: Other},
			"no entity":      {PartyKey: "k", Actor: "a", Reason: Other},
			"no actor":       {PartyKey: "k", Entity: "E", Reason: Other},
			"unknown reason": {PartyKey: "k", Entity: "E", Actor: "a", Reason: "hunch"},
			"missing case":   {PartyKey: "k", Entity: "E", Actor: "a", Reason: Other, Case: 999},
		} {
			if _, err := s.Remember(ctx, r); err == nil {
				t.Errorf("%s: Remember succeeded", name)
			}
		}
	})
}

func TestPurge(t *testing.T) {
	ctx := context.Background()
	opt := clock()
	opt.PurgeBatch = 1 // one record a transaction, to see batches add up
	opt.Retention = time.Hour
	forEachBackend(t, opt, func(t *testing.T, s *Store) {
		recs := saveAll(t, s, sample())
		closed := &Case{Record: recs[0].ID}
		open := &Case{Record: recs[1].ID, Linked: recs[0].ID}
		for _, c := range []*Case{closed, open} {
			if _, err := s.OpenCase(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Decide(ctx, closed.ID, Event{Actor: "ana", Action: ActionReleased, Reason: FalsePositive}); err != nil {
			t.Fatal(err)
		}
		rel := &Release{PartyKey: kim.Key, Entity: "UN:KPe.001", Case: closed.ID, Actor: "ana", Reason: FalsePositive}
		if _, err := s.Remember(ctx, rel); err != nil {
			t.Fatal(err)
		}

		n, err := s.Purge(ctx, t0.Add(2*time.Hour+time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("Purge deleted %d records, want 2 (the one with an open case kept)", n)
		}
		for _, r := range []int64{recs[0].ID, recs[2].ID} {
			if _, err := s.Record(ctx, r); !errors.Is(err, ErrNotFound) {
				t.Errorf("purged record %d: error %v, want ErrNotFound", r, err)
			}
		}
		if _, err := s.Case(ctx, closed.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("closed case of a purged record: error %v, want ErrNotFound", err)
		}
		if _, err := s.Record(ctx, recs[1].ID); err != nil {
			t.Errorf("record with an open case: %v", err)
		}
		c, err := s.Case(ctx, open.ID)
		if err != nil {
			t.Fatalf("open case: %v", err)
		}
		if c.Linked != 0 {
			t.Errorf("open case still links purged record %d", c.Linked)
		}
		if rs, err := s.Releases(ctx, kim.Key); err != nil || len(rs) != 1 || rs[0].Case != 0 {
			t.Errorf("release of a purged case: %+v, %v; want it kept without its case", rs, err)
		}
		if hs, err := s.History(ctx, acme.Key, 0); err != nil || len(hs) != 0 {
			t.Errorf("History of a purged party: %d records, %v", len(hs), err)
		}

		// Settled, the case no longer keeps its record.
		if _, err := s.Decide(ctx, open.ID, Event{Actor: "ana", Action: ActionConfirmed, Reason: TrueMatch}); err != nil {
			t.Fatal(err)
		}
		if s.Retention() != time.Hour {
			t.Errorf("Retention() = %s", s.Retention())
		}
		n, err = s.PurgeExpired(ctx, t0.Add(4*time.Hour+time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("PurgeExpired deleted %d records, want 2", n)
		}
		left, err := s.Records(ctx, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(left) != 1 || left[0].ID != recs[4].ID {
			t.Errorf("left %+v, want only record %d", left, recs[4].ID)
		}
	})
	s := openTest(t, sqliteDSN(t), Options{})
	if s.Retention() != DefaultRetention {
		t.Errorf("default Retention() = %s", s.Retention())
	}
}

// TestPurgeWhileSaving runs a purge of many small batches while records
// are saved: neither may fail for the other holding the database.
func TestPurgeWhileSaving(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, Options{PurgeBatch: 20}, func(t *testing.T, s *Store) {
		const old, writers, each = 600, 4, 60
		for i := range old {
			r := Record{Kind: KindScreen, At: t0.Add(-time.Duration(i) * time.Minute), Subject: "old", Verdict: "clear", Parties: []Party{acme}}
			if _, err := s.Save(ctx, &r); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		errs := make(chan error, writers*each+1)
		wg.Go(func() {
			n, err := s.Purge(ctx, t0.Add(time.Hour))
			if err != nil {
				errs <- err
			} else if n != old {
				errs <- fmt.Errorf("purged %d, want %d", n, old)
			}
		})
		for w := range writers {
			wg.Go(func() {
				for i := range each {
					r := Record{Kind: KindCheck, At: t0.Add(48 * time.Hour), Subject: fmt.Sprintf("new-%d-%d", w, i),
						Verdict: "clear", Parties: []Party{acme, kim}}
					if _, err := s.Save(ctx, &r); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		left, err := s.Records(ctx, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(left) != writers*each {
			t.Errorf("%d records left, want the %d saved", len(left), writers*each)
		}
	})
}

func TestExport(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, Options{}, func(t *testing.T, s *Store) {
		s.exportPage = 2 // page through the five records
		recs := saveAll(t, s, sample())
		for _, tt := range []struct {
			name string
			f    Filter
			want []int
		}{
			{"all", Filter{}, []int{4, 3, 2, 1, 0}},
			{"limit across pages", Filter{Limit: 3}, []int{4, 3, 2}},
			{"filtered", Filter{Party: "kim"}, []int{3, 1, 0}},
		} {
			var want []Record
			for _, i := range tt.want {
				want = append(want, recs[i])
			}

			var buf bytes.Buffer
			n, err := s.Export(ctx, &buf, "jsonl", tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(want) {
				t.Errorf("%s: jsonl exported %d, want %d", tt.name, n, len(want))
			}
			var got []Record
			dec := json.NewDecoder(&buf)
			for {
				var r Record
				if err := dec.Decode(&r); err == io.EOF {
					break
				} else if err != nil {
					t.Fatal(err)
				}
				got = append(got, r)
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: jsonl (-want +got):\n%s", tt.name, diff)
			}

			buf.Reset()
			n, err = s.Export(ctx, &buf, "csv", tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(want) {
				t.Errorf("%s: csv exported %d, want %d", tt.name, n, len(want))
			}
			rows, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			wantRows := [][]string{{"id", "kind", "at", "subject", "verdict", "decision_id", "rules_version", "lists", "parties", "hits"}}
			for _, r := range want {
				wantRows = append(wantRows, csvRow(r))
			}
			if diff := cmp.Diff(wantRows, rows); diff != "" {
				t.Errorf("%s: csv (-want +got):\n%s", tt.name, diff)
			}
		}
		var buf bytes.Buffer
		if _, err := s.Export(ctx, &buf, "csv", Filter{Verdict: "block"}); err != nil {
			t.Fatal(err)
		}
		want := "id,kind,at,subject,verdict,decision_id,rules_version,lists,parties,hits\n" +
			fmt.Sprint(recs[0].ID) + ",check,2025-03-01T09:30:00.123456Z,SHP-1,block,d1,2025.1,UN 2025-02-01," +
			"exporter: ACME GmbH (clear); consignee: Kim Trading Co (match),UN:KPe.001\n"
		if diff := cmp.Diff(want, buf.String()); diff != "" {
			t.Errorf("csv of one record (-want +got):\n%s", diff)
		}
		if _, err := s.Export(ctx, io.Discard, "xml", Filter{}); err == nil || !strings.Contains(err.Error(), `"xml"`) {
			t.Errorf("Export xml error = %v, want one naming the format", err)
		}
	})
}

// TestHostileText saves text meant to break quoting, escaping, encoding
// and case folding, and reads it back unchanged.
func TestHostileText(t *testing.T) {
	ctx := context.Background()
	hostile := []string{
		`O'Brien "Lux" Trading; DROP TABLE records; --`,
		"line one\nline two\r\nline three",
		"조선 무역 회사",                    // Hangul
		"朝鲜贸易公司 ‘’",                   // Han
		"Корейская Торговая Компания", // Cyrillic
		`back\slash 100% _under_ ?$1`,
		"tab\tand emoji 🚢 and combining é",
	}
	long := strings.Repeat("Здравствуйте, 안녕하세요, \"quoted\"\n", 5000)
	// Byte for byte: cmp walks a byte slice element by element.
	raw := cmp.Comparer(func(a, b json.RawMessage) bool { return bytes.Equal(a, b) })
	forEachBackend(t, clock(), func(t *testing.T, s *Store) {
		var recs []Record
		for i, name := range hostile {
			recs = append(recs, Record{Kind: KindScreen, At: t0.Add(time.Duration(i) * time.Second), Subject: name, Verdict: "review",
				Parties: []Party{{Key: "org:" + name, Details: name, Name: name, Role: name, Verdict: "review", Hits: []string{name}}},
				Audit:   mustJSON(t, map[string]string{"name": name, "note": long})})
		}
		recs = saveAll(t, s, recs)
		for _, r := range recs {
			got, err := s.Record(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(r, got, raw); diff != "" {
				t.Errorf("Record (-saved +read):\n%s", diff)
			}
			if hs, err := s.History(ctx, r.Parties[0].Key, 10); err != nil || len(hs) != 1 || hs[0].ID != r.ID {
				t.Errorf("History(%q) = %d records, %v", r.Parties[0].Key, len(hs), err)
			}
		}
		for _, tt := range []struct {
			party string
			want  int
		}{
			{"корейская", 4}, {"ТОРГОВАЯ", 4}, {"무역", 2}, {"朝鲜", 3}, {"o'brien", 0},
			{`"lux"`, 0}, {"100%", 5}, {`back\slash`, 5}, {"_under_", 5}, {"LINE TWO", 1}, {"🚢", 6},
		} {
			got, err := s.Records(ctx, Filter{Party: tt.party})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].ID != recs[tt.want].ID {
				t.Errorf("Records(Party %q) = %d records, want record %d", tt.party, len(got), tt.want)
			}
		}

		c := &Case{Record: recs[0].ID, Subject: hostile[0], Summary: hostile[1], Party: &recs[2].Parties[0],
			Entities: hostile, Versions: hostile, Events: []Event{{Actor: hostile[3], Action: ActionOpened, Note: long}}}
		if _, err := s.OpenCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, err := s.Decide(ctx, c.ID, Event{Actor: hostile[4], Action: ActionReleased, Reason: Other, Note: long + hostile[5]})
		if err != nil {
			t.Fatal(err)
		}
		c.Status, c.Updated = StatusReleased, got.Updated
		c.Events = append(c.Events, Event{At: got.Updated, Actor: hostile[4], Action: ActionReleased, Reason: Other, Note: long + hostile[5]})
		if diff := cmp.Diff(*c, got); diff != "" {
			t.Errorf("hostile case (-want +got):\n%s", diff)
		}

		r := &Release{PartyKey: hostile[2], PartyDetails: hostile[1], PartyName: hostile[0], Entity: hostile[5],
			EntityVersion: hostile[6], Actor: hostile[4], Reason: FalsePositive, Note: long, Case: c.ID}
		if _, err := s.Remember(ctx, r); err != nil {
			t.Fatal(err)
		}
		rs, err := s.ReleasesOf(ctx, hostile[5])
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]Release{*r}, rs); diff != "" {
			t.Errorf("hostile release (-want +got):\n%s", diff)
		}

		var buf bytes.Buffer
		if _, err := s.Export(ctx, &buf, "csv", Filter{}); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows[1:] {
			r := recs[len(recs)-1-i]
			// encoding/csv reads a quoted CR LF back as LF.
			lf := strings.NewReplacer("\r\n", "\n").Replace
			want := lf(fmt.Sprintf("%s: %s (review)", r.Parties[0].Role, r.Parties[0].Name))
			if row[3] != lf(r.Subject) || row[8] != want || row[9] != lf(r.Parties[0].Hits[0]) {
				t.Errorf("csv row %d = %q, want subject %q, parties %q", i, row, r.Subject, want)
			}
		}
	})
}

// TestTimes checks that times read back equal, whatever their zone and
// precision: UTC, to the microsecond.
func TestTimes(t *testing.T) {
	ctx := context.Background()
	seoul := time.FixedZone("KST", 9*3600)
	forEachBackend(t, Options{}, func(t *testing.T, s *Store) {
		for _, at := range []time.Time{
			time.Date(2024, 12, 31, 23, 59, 59, 999999999, seoul),
			time.Date(1999, 1, 1, 0, 0, 0, 1000, time.UTC),
			time.Date(2031, 6, 15, 12, 0, 0, 0, time.UTC),
			time.Now(),
		} {
			r := Record{Kind: KindCheck, At: at, Verdict: "clear"}
			if _, err := s.Save(ctx, &r); err != nil {
				t.Fatal(err)
			}
			if want := at.UTC().Truncate(time.Microsecond); r.At != want {
				t.Errorf("Save set At %v, want %v", r.At, want)
			}
			got, err := s.Record(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.At != r.At {
				t.Errorf("At read back %v, saved %v", got.At, r.At)
			}
		}
		r := Record{Kind: KindCheck, Verdict: "clear"}
		before := time.Now().Add(-time.Second)
		if _, err := s.Save(ctx, &r); err != nil {
			t.Fatal(err)
		}
		if r.At.Before(before) || r.At.Location() != time.UTC {
			t.Errorf("Save of a zero time set %v, want now in UTC", r.At)
		}
	})
}

func mustJSON(t testing.TB, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
