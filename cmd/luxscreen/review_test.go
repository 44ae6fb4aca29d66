package main

import (
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/luxscreen/luxscreen/store"
)

// reviewBooking is a booking whose consignee bears the name of a company
// of the demo list, short of its legal form, in another country.
const reviewBooking = `{"id": "BKG-9", "date": "2026-11-20", "origin": "DE", "destination": "CN", "documents": {"bill_of_lading": "HLCU9"}, "parties": [{"role": "exporter", "name": "Hamburger Werkzeug GmbH", "kind": "organisation", "country": "DE"}, {"role": "consignee", "name": "Korea Hyoksin Trading Corp", "kind": "organisation", "country": "CN"}], "route": [{"locode": "DEHAM", "name": "Hamburg"}, {"locode": "CNSHA", "name": "Shanghai"}], "lines": [{"description": "hand-operated spanners of steel", "hs": "8204.11", "quantity": 100, "unit": "pcs", "value": 1200, "currency": "USD"}]}`

func TestReviewDesk(t *testing.T) {
	db := filepath.Join(t.TempDir(), "desk.db")
	out, _ := runOK(t, reviewBooking, "check", "--input", "-", "--db", db, "--format", "json")
	wantContains(t, "check", out, `"verdict": "block"`)

	out, _ = runOK(t, "", "review", "list", "--db", db)
	wantContains(t, "review list", out, "CASE", "open", "consignee: Korea Hyoksin Trading Corp", "demo:KPe.006")
	cases := decodeLines[store.Case](t, mustOut(t, "review", "list", "--db", db, "--format", "jsonl"))
	if len(cases) != 1 {
		t.Fatalf("%d cases; want 1", len(cases))
	}
	id := strconv.FormatInt(cases[0].ID, 10)

	wantExit(t, "", exitUsage, "no reviewer named", "review", "release", id, "--db", db, "--reason", "false-positive")
	wantExit(t, "", exitUsage, "reason \"sure\"", "review", "release", id, "--db", db, "--reviewer", "ana", "--reason", "sure")
	wantExit(t, "", exitUsage, "confirm a true match instead", "review", "release", id, "--db", db, "--reviewer", "ana", "--reason", "true-match")
	wantExit(t, "", exitError, "no case 99", "review", "show", "99", "--db", db)
	wantExit(t, "", exitUsage, "--db is required", "review", "list")
	wantExit(t, "", exitError, "no such file", "review", "list", "--db", filepath.Join(t.TempDir(), "absent.db"))

	out, _ = runOK(t, "", "review", "release", id, "--db", db, "--reviewer", "ana.kim", "--reason", "false-positive", "--note", "seafood trader in Dalian")
	wantContains(t, "review release", out, "released", "by ana.kim, reason false-positive: seafood trader in Dalian")
	wantExit(t, "", exitError, "is not open", "review", "confirm", id, "--db", db, "--reviewer", "ana.kim", "--reason", "true-match")

	// The next check of the same booking honours the release.
	out, _ = runOK(t, reviewBooking, "check", "--input", "-", "--db", db)
	wantContains(t, "check after release", out, "CLEAR", "released-false-positive", "released by ana.kim on 2026-11-23, reason false-positive")
	out, _ = runOK(t, "", "screen", "Korea Hyoksin Trading Corp", "--kind", "organisation", "--country", "CN", "--db", db)
	wantContains(t, "screen after release", out, "CLEAR", "released: demo:KPe.006", "kept as record")

	out, _ = runOK(t, "", "review", "history", "Korea Hyoksin Trading Corp", "--kind", "organisation", "--country", "CN", "--db", db)
	wantContains(t, "review history", out, "3 record(s)", "BKG-9")
	out, _ = runOK(t, "", "review", "show", id, "--db", db)
	wantContains(t, "review show", out, "opened", "released  by ana.kim", "record 1: check BKG-9")

	out, _ = runOK(t, "", "audit", "export", "--db", db, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Errorf("audit export csv: %d rows, %v; want a header and 3 records\n%s", len(rows), err, out)
	}
	out, _ = runOK(t, "", "audit", "export", "--db", db, "--verdict", "clear", "--kind", "check")
	if n := strings.Count(out, "\n"); n != 1 {
		t.Errorf("audit export of clear checks: %d lines; want 1\n%s", n, out)
	}
	wantExit(t, "", exitUsage, "--from \"last week\"", "audit", "export", "--db", db, "--from", "last week")
	out, _ = runOK(t, "", "audit", "purge", "--db", db)
	wantContains(t, "audit purge", out, "purged 0 record(s)")
	out, _ = runOK(t, "", "audit", "purge", "--db", db, "--before", "2030-01-01")
	wantContains(t, "audit purge --before 2030", out, "purged 3 record(s)")
}

func mustOut(t *testing.T, args ...string) string {
	t.Helper()
	out, _ := runOK(t, "", args...)
	return out
}
