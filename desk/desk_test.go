package desk_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/desk"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
	"github.com/luxscreen/luxscreen/store"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// backends opens a fresh store on each database the tests can reach:
// SQLite always, PostgreSQL when LUXSCREEN_POSTGRES names a server (a
// database of its own is created and dropped).
func backends(t *testing.T) map[string]func(t *testing.T) *store.Store {
	t.Helper()
	out := map[string]func(t *testing.T) *store.Store{
		"sqlite": func(t *testing.T) *store.Store {
			st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "desk.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		},
	}
	dsn := os.Getenv("LUXSCREEN_POSTGRES")
	if dsn == "" {
		t.Log("LUXSCREEN_POSTGRES unset: PostgreSQL not tested")
		return out
	}
	out["postgres"] = func(t *testing.T) *store.Store { return postgresStore(t, dsn) }
	return out
}

// postgresStore creates a database of its own on the server of dsn and
// opens a store on it; the database is dropped when the test ends.
func postgresStore(t *testing.T, dsn string) *store.Store {
	t.Helper()
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	name := "luxscreen_desk_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Error(err)
			return
		}
		defer a.Close()
		if _, err := a.ExecContext(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database: %v", err)
		}
	})
	st, err := store.Open(ctx, withDatabase(t, dsn, name), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// withDatabase returns dsn naming database name instead.
func withDatabase(t *testing.T, dsn, name string) string {
	t.Helper()
	base, query, _ := strings.Cut(dsn, "?")
	i := strings.LastIndex(base, "/")
	if i < len("postgres://") {
		t.Fatalf("LUXSCREEN_POSTGRES %q names no database", dsn)
	}
	out := base[:i+1] + name
	if query != "" {
		out += "?" + query
	}
	return out
}

// lists is a list source whose version the test changes, as an operator's
// fetch would.
type lists struct {
	mu  sync.Mutex
	cur []screen.List
}

func (l *lists) set(ls ...screen.List) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cur = ls
}

func (l *lists) source(context.Context) ([]screen.List, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.cur, nil
}

func org(ref, name string, aka ...string) screen.Entity {
	e := screen.Entity{ID: "UN:" + ref, Source: "UN", Ref: ref, Kind: screen.KindOrganisation,
		Names: []screen.Name{{Value: name, Kind: screen.NamePrimary}}, Countries: []string{"KP"}, Programs: []string{"DPRK"}, ListedOn: "2017-08-05"}
	for _, a := range aka {
		e.Names = append(e.Names, screen.Name{Value: a, Kind: screen.NameAKA})
	}
	return e
}

func unList(version string, es ...screen.Entity) screen.List {
	return screen.List{Version: screen.ListVersion{Source: "UN", Format: "test", Published: version, SHA256: "sha-" + version, Entities: len(es)}, Entities: es}
}

// fixture is a desk over a store with lists the test changes.
type fixture struct {
	d   *desk.Desk
	src *lists
	now time.Time
}

func newFixture(t testing.TB, st *store.Store, first screen.List) *fixture {
	t.Helper()
	f := &fixture{src: &lists{}, now: time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)}
	f.src.set(first)
	d, err := desk.Open(context.Background(), luxscreen.Config{ListSource: f.src.source, Now: func() time.Time { return f.now }, AllowShrink: true}, st, desk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	f.d = d
	return f
}

// shipment is a shipment of hand tools from Hamburg to Shanghai whose
// consignee is the given name.
func shipment(t testing.TB, id, consignee string) *rules.Shipment {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"id": id, "date": "2026-12-01", "origin": "DE", "destination": "CN",
		"documents": map[string]string{"bill_of_lading": "HLCU" + id},
		"parties": []map[string]string{
			{"role": "exporter", "name": "Hamburger Werkzeug GmbH", "kind": "organisation", "country": "DE"},
			{"role": "consignee", "name": consignee, "kind": "organisation", "country": "CN"},
		},
		"route": []map[string]string{{"locode": "DEHAM", "name": "Hamburg"}, {"locode": "CNSHA", "name": "Shanghai"}},
		"lines": []map[string]any{{"description": "hand-operated spanners of steel", "hs": "8204.11", "quantity": 100, "unit": "pcs", "value": 1200, "currency": "USD"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	sh, err := rules.Decode(id, b)
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

func TestDeskLifecycle(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) { testLifecycle(t, open(t)) })
	}
}

func testLifecycle(t *testing.T, st *store.Store) {
	ctx := context.Background()
	v1 := unList("v1", org("KPe.071", "KOREA SUNGRI TRADING CORPORATION"), org("KPe.072", "PYONGYANG MARINE SUPPLY COMPANY"))
	f := newFixture(t, st, v1)

	// A near match of a listed name goes to review and opens a case on
	// the consignee.
	c1, err := f.d.Check(ctx, shipment(t, "BKG-1", "Korea Sungri Trading Co"))
	if err != nil {
		t.Fatal(err)
	}
	if c1.Decision.Verdict == rules.VerdictClear || len(c1.Cases) != 1 {
		t.Fatalf("check: verdict %s, cases %v; want review or block with one case", c1.Decision.Verdict, c1.Cases)
	}
	cs, err := f.d.Case(ctx, c1.Cases[0])
	if err != nil {
		t.Fatal(err)
	}
	if cs.Party == nil || cs.Party.Role != "consignee" || !cmp.Equal(cs.Entities, []string{"UN:KPe.071"}) || cs.Status != store.StatusOpen {
		t.Fatalf("case = %+v; want an open case on the consignee against UN:KPe.071", cs)
	}

	// The same party checked again while the case waits joins it.
	c2, err := f.d.Check(ctx, shipment(t, "BKG-2", "Korea Sungri Trading Co"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c1.Cases, c2.Cases); diff != "" {
		t.Errorf("second check opened another case (-first +second):\n%s", diff)
	}

	// A release needs a reviewer and a fitting reason.
	for _, bad := range []struct {
		who    string
		reason store.Reason
	}{{"", store.FalsePositive}, {"ana", "maybe"}, {"ana", store.TrueMatch}, {"ana", store.Other}} {
		if _, err := f.d.Release(ctx, cs.ID, bad.who, bad.reason, ""); err == nil {
			t.Errorf("Release(%q, %q) succeeded", bad.who, bad.reason)
		}
	}
	f.now = f.now.Add(time.Hour)
	rel, err := f.d.Release(ctx, cs.ID, "ana.kim", store.FalsePositive, "Korea Sungri Trading Co of Dalian is a seafood trader, registration 91210200")
	if err != nil {
		t.Fatal(err)
	}
	if rel.Status != store.StatusReleased || len(rel.Events) != 2 || rel.Events[1].Actor != "ana.kim" {
		t.Errorf("released case = %+v", rel)
	}
	if _, err := f.d.Release(ctx, cs.ID, "ana.kim", store.FalsePositive, ""); err == nil {
		t.Error("a released case was released again")
	}

	// The next identical screening honours the release and says so.
	c3, err := f.d.Check(ctx, shipment(t, "BKG-3", "Korea Sungri Trading Co"))
	if err != nil {
		t.Fatal(err)
	}
	if c3.Decision.Verdict != rules.VerdictClear || len(c3.Cases) != 0 {
		t.Errorf("check after release: verdict %s, cases %v; want clear, none", c3.Decision.Verdict, c3.Cases)
	}
	if !hasFinding(c3.Decision, "released-false-positive", "released by ana.kim on 2026-12-04, reason false-positive") {
		t.Errorf("check after release: no finding showing the release: %+v", c3.Decision.Findings)
	}
	sc, err := f.d.Screen(ctx, party.New("Korea Sungri Trading Co", party.KindOrganisation, "CN", "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Result.Verdict != party.Clear || len(sc.Result.Released) != 1 || sc.Result.Released[0].By != "ana.kim" {
		t.Errorf("screen after release = %+v; want clear with the release", sc.Result)
	}
	// Another party of the same name in another country is not the
	// released one.
	other, err := f.d.Screen(ctx, party.New("Korea Sungri Trading Co", party.KindOrganisation, "KP", "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if other.Result.Verdict == party.Clear {
		t.Error("a release for the party in CN cleared the same name in KP")
	}

	// A new list version that adds an alias to the listed entity and
	// designates a new one: the release is revoked and its case
	// reopened; a party checked clear before is hit now.
	clearBefore, err := f.d.Check(ctx, shipment(t, "BKG-4", "Haeyang Logistics Limited"))
	if err != nil {
		t.Fatal(err)
	}
	if clearBefore.Decision.Verdict != rules.VerdictClear {
		t.Fatalf("BKG-4 before the designation: %s, want clear", clearBefore.Decision.Verdict)
	}
	f.src.set(unList("v2", org("KPe.071", "KOREA SUNGRI TRADING CORPORATION", "SUNGRI GENERAL TRADING"), org("KPe.072", "PYONGYANG MARINE SUPPLY COMPANY"), org("KPe.090", "HAEYANG LOGISTICS LIMITED")))
	f.now = f.now.Add(time.Hour)
	rs, err := f.d.Reload(ctx, luxscreen.ReloadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rs.Added != 1 || rs.Changed != 1 || rs.Removed != 0 {
		t.Errorf("reload diff: added %d changed %d removed %d; want 1, 1, 0", rs.Added, rs.Changed, rs.Removed)
	}
	if diff := cmp.Diff([]int64{cs.ID}, rs.Reopened); diff != "" {
		t.Errorf("reopened cases (-want +got):\n%s", diff)
	}
	reopened, err := f.d.Case(ctx, cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if reopened.Status != store.StatusOpen || reopened.Events[len(reopened.Events)-1].Action != store.ActionReopened {
		t.Errorf("case after the alias was added: %+v; want reopened", reopened)
	}
	if len(rs.Cases) != 1 {
		t.Fatalf("re-screening opened cases %v; want one, for Haeyang Logistics", rs.Cases)
	}
	nc, err := f.d.Case(ctx, rs.Cases[0])
	if err != nil {
		t.Fatal(err)
	}
	if nc.Linked != clearBefore.Record || !cmp.Equal(nc.Entities, []string{"UN:KPe.090"}) {
		t.Errorf("re-screening case = %+v; want linked to record %d, against UN:KPe.090", nc, clearBefore.Record)
	}
	// With the release revoked, the party is raised again.
	again, err := f.d.Screen(ctx, party.New("Korea Sungri Trading Co", party.KindOrganisation, "CN", "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if again.Result.Verdict == party.Clear || len(again.Result.Released) != 0 {
		t.Errorf("screen after the listed record changed = %+v; want the hit back", again.Result)
	}

	// The party's history holds every record of it.
	key, _ := desk.PartyKey(party.New("Korea Sungri Trading Co", party.KindOrganisation, "CN", "", ""))
	hist, err := f.d.History(ctx, key, 50)
	if err != nil {
		t.Fatal(err)
	}
	// Three checks, the screenings in CN and KP, the re-screening after
	// the reload and the screening after it.
	if len(hist) != 7 {
		t.Errorf("history of %s: %d records, want 7", key, len(hist))
	}
	kinds := map[string]int{}
	for _, r := range hist {
		kinds[r.Kind]++
	}
	if diff := cmp.Diff(map[string]int{store.KindCheck: 3, store.KindScreen: 3, store.KindRescreen: 1}, kinds); diff != "" {
		t.Errorf("history kinds (-want +got):\n%s", diff)
	}
}

func hasFinding(d *rules.Decision, rule, detail string) bool {
	for _, f := range d.Findings {
		if f.Rule != rule {
			continue
		}
		for _, e := range f.Evidence {
			if strings.Contains(e.Detail, detail) {
				return true
			}
		}
	}
	return false
}

func TestPartyKey(t *testing.T) {
	tests := []struct {
		q            party.Entity
		key, details string
	}{
		{party.New("Korea Sungri Trading Co.", party.KindOrganisation, "CN", "", ""), "organisation:KOREA SUNGRI TRADING CO", "country=CN"},
		{party.New("  korea   sungri-trading co ", party.KindOrganisation, "cn", "", ""), "organisation:KOREA SUNGRI TRADING CO", "country=CN"},
		{party.New("Société Générale", party.KindUnknown, "", "", ""), "party:SOCIETE GENERALE", ""},
		{party.New("조선광업개발무역회사", party.KindOrganisation, "", "", ""), "organisation:조선광업개발무역회사", ""},
		{party.New("Chon Ma San", party.KindVessel, "KP", "8660313", ""), "vessel:CHON MA SAN", "country=KP imo=8660313"},
	}
	for _, tt := range tests {
		key, details := desk.PartyKey(tt.q)
		if diff := cmp.Diff([]string{tt.key, tt.details}, []string{key, details}); diff != "" {
			t.Errorf("PartyKey(%v) (-want +got):\n%s", tt.q.Names, diff)
		}
	}
}
