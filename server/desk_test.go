package server

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/desk"
	"github.com/luxscreen/luxscreen/screen"
	"github.com/luxscreen/luxscreen/store"
)

// deskConfig returns a Config over a desk that keeps its decisions in a
// SQLite store of the test, screening against the demo list.
func deskConfig(t testing.TB, reviewers map[string]string) Config {
	t.Helper()
	demo, err := screen.DemoList()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "desk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	d, err := desk.Open(context.Background(), luxscreen.Config{
		ListSource: func(context.Context) ([]screen.List, error) { return []screen.List{demo}, nil },
		Now:        func() time.Time { return time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC) },
	}, st, desk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return Config{Desk: d, Reviewers: reviewers, Logger: slog.New(slog.DiscardHandler)}
}

// deskShipment is a booking whose consignee is a misspelt listed name.
const deskShipment = `{"id": "BKG-7", "date": "2026-12-01", "origin": "DE", "destination": "CN",
 "documents": {"bill_of_lading": "HLCU7"},
 "parties": [{"role": "exporter", "name": "Hamburger Werkzeug GmbH", "kind": "organisation", "country": "DE"},
             {"role": "consignee", "name": "Korea Hyoksin Trading Corp", "kind": "organisation", "country": "CN"}],
 "route": [{"locode": "DEHAM", "name": "Hamburg"}, {"locode": "CNSHA", "name": "Shanghai"}],
 "lines": [{"description": "hand-operated spanners of steel", "hs": "8204.11", "quantity": 100, "unit": "pcs", "value": 1200, "currency": "USD"}]}`

func TestDeskEndpoints(t *testing.T) {
	_, base := startServer(t, deskConfig(t, nil))

	code, _, body := call(t, "POST", base+"/v1/check", "application/json", strings.NewReader(deskShipment))
	if code != http.StatusOK {
		t.Fatalf("check: %d %s", code, body)
	}
	var checked struct {
		Verdict string  `json:"verdict"`
		Record  int64   `json:"record"`
		Cases   []int64 `json:"cases"`
	}
	mustJSON(t, body, &checked)
	if checked.Verdict == "clear" || checked.Record == 0 || len(checked.Cases) == 0 {
		t.Fatalf("check answered %s; want a kept decision with a case", body)
	}
	caseURL := fmt.Sprintf("%s/v1/cases/%d", base, checked.Cases[0])

	code, _, body = call(t, "GET", base+"/v1/cases", "", nil)
	var list CaseList
	mustJSON(t, body, &list)
	if code != http.StatusOK || len(list.Cases) != len(checked.Cases) {
		t.Fatalf("GET /v1/cases: %d %s", code, body)
	}

	tests := []struct {
		name, method, url, body string
		status                  int
		code                    string
	}{
		{"bad id", "GET", base + "/v1/cases/x", "", 400, CodeInvalidParameter},
		{"unknown case", "GET", base + "/v1/cases/999", "", 404, CodeNotFound},
		{"bad status", "GET", base + "/v1/cases?status=maybe", "", 400, CodeInvalidParameter},
		{"bad limit", "GET", base + "/v1/cases?limit=100000", "", 400, CodeInvalidParameter},
		{"no reviewer", "POST", caseURL + "/release", `{"reason": "false-positive"}`, 400, CodeInvalidField},
		{"unknown reason", "POST", caseURL + "/release", `{"reviewer": "ana", "reason": "dunno"}`, 400, CodeInvalidField},
		{"confirm as false positive", "POST", caseURL + "/confirm", `{"reviewer": "ana", "reason": "false-positive"}`, 400, CodeInvalidField},
		{"unknown field", "POST", caseURL + "/release", `{"reviewer": "ana", "reason": "false-positive", "x": 1}`, 400, CodeInvalidJSON},
		{"bad from", "GET", base + "/v1/records?from=yesterday", "", 400, CodeInvalidParameter},
		{"bad format", "GET", base + "/v1/records?format=xml", "", 400, CodeInvalidParameter},
		{"history without party", "GET", base + "/v1/history", "", 400, CodeInvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, body := call(t, tt.method, tt.url, "application/json", strings.NewReader(tt.body))
			var e ErrorResponse
			mustJSON(t, body, &e)
			if diff := cmp.Diff([]any{tt.status, tt.code}, []any{code, e.Error.Code}); diff != "" {
				t.Errorf("%s %s (-want +got):\n%s\n%s", tt.method, tt.url, diff, body)
			}
		})
	}

	code, _, body = call(t, "POST", caseURL+"/release", "application/json", strings.NewReader(`{"reviewer": "ana.kim", "reason": "false-positive", "note": "seafood trader in Dalian, not the listed company"}`))
	if code != http.StatusOK {
		t.Fatalf("release: %d %s", code, body)
	}
	code, _, body = call(t, "POST", caseURL+"/release", "application/json", strings.NewReader(`{"reviewer": "ana.kim", "reason": "false-positive"}`))
	var e ErrorResponse
	mustJSON(t, body, &e)
	if code != http.StatusConflict || e.Error.Code != CodeConflict {
		t.Errorf("second release: %d %s; want 409 conflict", code, body)
	}

	// The released party screened alone is clear, with the release shown.
	code, _, body = call(t, "POST", base+"/v1/screen", "application/json", strings.NewReader(`{"name": "Korea Hyoksin Trading Corp", "kind": "organisation", "country": "CN"}`))
	var sr ScreenResult
	mustJSON(t, body, &sr)
	if code != http.StatusOK || sr.Verdict != screen.Clear || len(sr.Released) != 1 || !strings.Contains(sr.Released[0], "released by ana.kim") || sr.Record == 0 {
		t.Errorf("screen after release: %d %s", code, body)
	}

	// The party's history and the audit export hold the records.
	code, _, body = call(t, "GET", base+"/v1/history?name=Korea+Hyoksin+Trading+Corp&kind=organisation&country=CN", "", nil)
	var hist RecordList
	mustJSON(t, body, &hist)
	if code != http.StatusOK || len(hist.Records) != 2 {
		t.Errorf("history: %d, %d records; want 2 (the check and the screening)\n%s", code, len(hist.Records), body)
	}
	code, _, body = call(t, "GET", base+"/v1/records?format=csv", "", nil)
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil || code != http.StatusOK || len(rows) != 3 {
		t.Errorf("CSV export: %d, %d rows, %v; want a header and two records\n%s", code, len(rows), err, body)
	}
	code, _, body = call(t, "GET", fmt.Sprintf("%s/v1/records/%d", base, checked.Record), "", nil)
	var rec store.Record
	mustJSON(t, body, &rec)
	if code != http.StatusOK || rec.Subject != "BKG-7" || len(rec.Audit) == 0 {
		t.Errorf("record: %d %s", code, body)
	}
}

func TestDeskReviewerTokens(t *testing.T) {
	_, base := startServer(t, deskConfig(t, map[string]string{"0123456789abcdef-ana": "Ana Kim"}))
	code, _, body := call(t, "POST", base+"/v1/check", "application/json", strings.NewReader(deskShipment))
	var checked CheckedDecision
	mustJSON(t, body, &checked)
	if code != http.StatusOK || len(checked.Cases) == 0 {
		t.Fatalf("check: %d %s", code, body)
	}
	url := fmt.Sprintf("%s/v1/cases/%d/confirm", base, checked.Cases[0])
	send := func(token string) (int, []byte) {
		req, _ := http.NewRequest("POST", url, strings.NewReader(`{"reviewer": "someone else", "reason": "true-match", "note": "same company"}`))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	for _, tok := range []string{"", "wrong-token-wrong-token"} {
		if code, body := send(tok); code != http.StatusUnauthorized {
			t.Errorf("token %q: %d %s; want 401", tok, code, body)
		}
	}
	code, body = send("0123456789abcdef-ana")
	var c store.Case
	mustJSON(t, body, &c)
	if code != http.StatusOK || c.Status != store.StatusConfirmed || c.Events[len(c.Events)-1].Actor != "Ana Kim" {
		t.Errorf("confirm with token: %d %s; want confirmed by Ana Kim", code, body)
	}
}

func TestNoDeskAnswers501(t *testing.T) {
	_, base := startServer(t, testConfig(t, nil))
	code, _, body := call(t, "GET", base+"/v1/cases", "", nil)
	var e ErrorResponse
	mustJSON(t, body, &e)
	if code != http.StatusNotImplemented || e.Error.Code != CodeNoStore {
		t.Errorf("GET /v1/cases without a desk: %d %s", code, body)
	}
}

func mustJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
}
