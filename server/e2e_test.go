package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
)

// TestEndpoints calls every route of a server on a loopback port and
// checks the status and the answer's substance.
func TestEndpoints(t *testing.T) {
	logs := &testenv.SyncBuffer{}
	_, base := startServer(t, testConfig(t, logs))
	shipment := testenv.ReadFile(t, filepath.Join("..", "examples", "shipments", "horses-2019-eu.json"))
	rice := testenv.ReadFile(t, filepath.Join("..", "examples", "shipments", "rice-humanitarian.json"))

	tests := []struct {
		name, method, path, body string
		want                     int
		check                    func(t *testing.T, b []byte)
	}{
		{"classify", "POST", "/v1/classify", `{"description": "Rolex Submariner wristwatch, 18K gold case", "destination": "KP"}`, 200,
			func(t *testing.T, b []byte) {
				r := decode[classify.Result](t, b)
				if r.HS6 != "910121" || r.Luxury != classify.LuxuryYes {
					t.Errorf("hs6 %q luxury %v, want 910121 yes", r.HS6, r.Luxury)
				}
			}},
		{"classify abstained", "POST", "/v1/classify", `[{"id": "none", "description": "qzxv wpkj"}]`, 200,
			func(t *testing.T, b []byte) {
				// Read as JSON, not as classify.Result, so that the wire
				// value itself is checked: a string, never false.
				var rs []map[string]any
				if err := json.Unmarshal(b, &rs); err != nil {
					t.Fatal(err)
				}
				got := map[any][]any{}
				for _, r := range rs {
					got[r["id"]] = []any{r["luxury"], r["needs_review"]}
				}
				want := map[any][]any{"none": {"unknown", true}}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("abstained lines (-want +got):\n%s", diff)
				}
			}},
		{"classify batch", "POST", "/v1/classify", `[{"description": "Rolex Submariner wristwatch, 18K gold case"}, {"id": "x", "hs_code": "8703.24"}]`, 200,
			func(t *testing.T, b []byte) {
				rs := decode[[]classify.Result](t, b)
				var ids []string
				for _, r := range rs {
					ids = append(ids, r.ID)
				}
				if diff := cmp.Diff([]string{"1", "x"}, ids); diff != "" {
					t.Errorf("ids (-want +got):\n%s", diff)
				}
			}},
		{"screen", "POST", "/v1/screen", `{"id": "c1", "name": "Korea Ryongbong General Corp.", "kind": "org"}`, 200,
			func(t *testing.T, b []byte) {
				r := decode[ScreenResult](t, b)
				if r.ID != "c1" || r.Verdict != screen.Match || len(r.Hits) == 0 || r.Hits[0].Ref != "KPe.002" || len(r.ListVersions) != 1 {
					t.Errorf("got %s, want c1 match on KPe.002 with one list version", b)
				}
			}},
		{"screen batch", "POST", "/v1/screen", `[{"name": "Acme Widgets GmbH", "kind": "org"}, {"imo": "IMO 7937317", "kind": "vessel"}, {"name": ""}]`, 200,
			func(t *testing.T, b []byte) {
				var got []screen.Verdict
				for _, r := range decode[[]ScreenResult](t, b) {
					got = append(got, r.Verdict)
				}
				// The empty name cannot be screened: review, never clear.
				if diff := cmp.Diff([]screen.Verdict{screen.Clear, screen.Match, screen.Review}, got); diff != "" {
					t.Errorf("verdicts (-want +got):\n%s", diff)
				}
			}},
		{"check", "POST", "/v1/check", string(shipment), 200,
			func(t *testing.T, b []byte) {
				d := decode[rules.Decision](t, b)
				if d.ID != "horses-2019-eu" || d.Verdict != rules.VerdictBlock || len(d.Findings) == 0 || d.DecisionID == "" {
					t.Errorf("got %s, want horses-2019-eu block with findings", truncate(b))
				}
			}},
		{"check batch", "POST", "/v1/check", "[" + string(shipment) + ",\n" + string(rice) + "]", 200,
			func(t *testing.T, b []byte) {
				var got []rules.Verdict
				for _, d := range decode[[]rules.Decision](t, b) {
					got = append(got, d.Verdict)
				}
				if diff := cmp.Diff([]rules.Verdict{rules.VerdictBlock, rules.VerdictClear}, got); diff != "" {
					t.Errorf("verdicts (-want +got):\n%s", diff)
				}
			}},
		{"lookup", "GET", "/v1/lookup/9101.21?jurisdiction=UN&date=2020-01-01", "", 200,
			func(t *testing.T, b []byte) {
				ms := decode[struct {
					Controls []map[string]any `json:"controls"`
				}](t, b).Controls
				if len(ms) == 0 {
					t.Fatal("no control covers 9101.21 under UN")
				}
				for _, m := range ms {
					if m["jurisdiction"] != "UN" || m["citation"] == "" {
						t.Errorf("match %v: want a UN entry with a citation", m)
					}
				}
			}},
		{"lookup bad code", "GET", "/v1/lookup/12345", "", 400, nil},
		{"lookup bad parameter", "GET", "/v1/lookup/9101?jurisdictoin=UN", "", 400, nil},
		// A code in no nomenclature, or an unknown jurisdiction, is not
		// "0 controls".
		{"lookup unknown heading", "GET", "/v1/lookup/9999", "", 400, nil},
		{"lookup unknown jurisdiction", "GET", "/v1/lookup/9101?jurisdiction=XX", "", 400, nil},
		{"lookup no list in force", "GET", "/v1/lookup/9101.11?jurisdiction=UN&date=2010-01-01", "", 200,
			func(t *testing.T, b []byte) {
				a := decode[struct {
					Controls []any            `json:"controls"`
					NoList   []map[string]any `json:"no_list_in_force"`
				}](t, b)
				if len(a.Controls) != 0 || len(a.NoList) != 1 || a.NoList[0]["jurisdiction"] != "UN" {
					t.Errorf("want no control and UN without a list in force on 2010-01-01: %s", b)
				}
			}},
		{"lists", "GET", "/v1/lists", "", 200,
			func(t *testing.T, b []byte) {
				if ls := decode[[]ListSummary](t, b); len(ls) < 5 || ls[0].ID == "" || ls[0].InForceFrom == "" {
					t.Errorf("got %d lists, first %+v", len(ls), ls)
				}
			}},
		{"list", "GET", "/v1/lists/un-2270-luxury", "", 200,
			func(t *testing.T, b []byte) {
				l := decode[lists.List](t, b)
				if l.ID != "un-2270-luxury" || len(l.Entries) == 0 {
					t.Errorf("got list %q with %d entries", l.ID, len(l.Entries))
				}
			}},
		{"list unknown", "GET", "/v1/lists/no-such-list", "", 404, nil},
		{"compare", "GET", "/v1/compare?a=EU&b=US&date=2020-01-01", "", 200,
			func(t *testing.T, b []byte) {
				c := decode[map[string]any](t, b)
				if c["a"] != "EU" || c["b"] != "US" || len(c["rows"].([]any)) == 0 {
					t.Errorf("got %s", truncate(b))
				}
			}},
		{"compare missing b", "GET", "/v1/compare?a=EU", "", 400, nil},
		{"compare no jurisdiction", "GET", "/v1/compare?a=EU&b=ZZ", "", 400, nil},
		{"compare misspelt jurisdiction", "GET", "/v1/compare?a=Europe&b=US", "", 400, nil},
		{"compare before any list", "GET", "/v1/compare?a=EU&b=US&date=1990-01-01", "", 404, nil},
		{"match", "POST", "/match/default", `{"queries": {"q1": {"schema": "Company", "properties": {"name": ["Korea Ryongbong General Corp."]}}}}`, 200,
			func(t *testing.T, b []byte) {
				r := decode[MatchResponse](t, b)
				res := r.Responses["q1"].Results
				if len(res) == 0 || !res[0].Match || res[0].ID != "demo:KPe.002" {
					t.Errorf("got %s", truncate(b))
				}
			}},
		{"healthz", "GET", "/healthz", "", 200,
			func(t *testing.T, b []byte) {
				if diff := cmp.Diff(Health{Status: "ok"}, decode[Health](t, b)); diff != "" {
					t.Error(diff)
				}
			}},
		{"readyz", "GET", "/readyz", "", 503,
			func(t *testing.T, b []byte) {
				r := decode[Readiness](t, b)
				if r.Ready || len(r.Lists) != 1 || r.Lists[0].Source != "demo" || r.Lists[0].SHA256 == "" || r.Catalogue.Lists == 0 ||
					len(r.Sources) != 1 || !r.Sources[0].Demo || r.Sources[0].Ready {
					t.Errorf("got %s", b)
				}
			}},
		{"openapi", "GET", "/openapi.json", "", 200,
			func(t *testing.T, b []byte) {
				if !bytes.Equal(b, OpenAPI()) {
					t.Error("served document differs from OpenAPI()")
				}
			}},
		{"admin reload", "POST", "/admin/reload", "", 200,
			func(t *testing.T, b []byte) {
				st := decode[ReloadStatus](t, b)
				if !st.OK || len(st.Lists) != 1 {
					t.Errorf("got %s", b)
				}
			}},
		// /metrics last, so that it has counted the requests above.
		{"metrics", "GET", "/metrics", "", 200,
			func(t *testing.T, b []byte) {
				for _, want := range []string{
					`luxscreen_http_requests_total{code="200",method="POST",route="POST /v1/screen"} 2`,
					`luxscreen_http_requests_total{code="404",method="GET",route="GET /v1/lists/{id}"} 1`,
					`luxscreen_http_request_duration_seconds_bucket{method="POST",route="POST /v1/check",le="+Inf"} 2`,
					`luxscreen_screenings_total{verdict="review"} 1`,
					`luxscreen_list_reloads_total{result="ok"} 1`,
					`luxscreen_list_reload_requests_total 1`,
					`luxscreen_list_ready{source="demo"} 0`,
					`luxscreen_list_refused{source="demo"} 0`,
					`luxscreen_list_age_seconds{source="demo"} `,
					`luxscreen_list_entities{sha256="`,
					`go_goroutines `,
				} {
					if !strings.Contains(string(b), want) {
						t.Errorf("metrics lack %q", want)
					}
				}
			}},
		// Countries are codes or names; a code of the countries table
		// ("UK") and a name it lacks are screened.
		{"screen countries", "POST", "/v1/screen", `[{"name": "Acme", "kind": "org", "country": "UK"}, {"name": "Fortune", "kind": "vessel", "country": "Sierra Leone", "imo": "9283746"}]`, 200, nil},
		{"match countries", "POST", "/match/default", `{"queries": {"q": {"schema": "Vessel", "properties": {"name": ["Fortune"], "flag": ["sl"], "imoNumber": ["IMO 9283746"]}}}}`, 200, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body *strings.Reader
			ct := ""
			if tt.body != "" {
				body, ct = strings.NewReader(tt.body), "application/json"
			} else {
				body = strings.NewReader("")
			}
			st, h, b := call(t, tt.method, base+tt.path, ct, body)
			if st != tt.want {
				t.Fatalf("%s %s: status %d, want %d: %s", tt.method, tt.path, st, tt.want, truncate(b))
			}
			if h.Get("X-Request-Id") == "" {
				t.Error("no X-Request-Id header")
			}
			if st >= 400 && tt.path != "/readyz" { // a 503 /readyz answers with the Readiness
				e := decode[ErrorResponse](t, b)
				if e.Error.Code == "" || e.Error.Message == "" || e.Error.RequestID != h.Get("X-Request-Id") {
					t.Errorf("error body %s lacks code, message or the request ID", b)
				}
			}
			if tt.check != nil {
				tt.check(t, b)
			}
		})
	}
	if !strings.Contains(logs.String(), `"msg":"request"`) || !strings.Contains(logs.String(), `"route":"POST /v1/check"`) {
		t.Errorf("no request log with its route:\n%s", logs.String())
	}
}

// TestErrors checks bad requests answer the JSON error shape with the
// right status and code, and name the place of the fault.
func TestErrors(t *testing.T) {
	cfg := testConfig(t, nil)
	cfg.MaxBodyBytes = 2048
	cfg.MaxBatch = 3
	_, base := startServer(t, cfg)
	big := `{"name": "` + strings.Repeat("A", 4096) + `"}`
	tests := []struct {
		name, method, path, contentType, body string
		status                                int
		code, message                         string // message is a substring
		allow                                 string
	}{
		{"malformed", "POST", "/v1/screen", "application/json", "{\"name\": \"x\",\n \"kind\": }", 400, CodeInvalidJSON, "line 2, column 10", ""},
		{"truncated", "POST", "/v1/screen", "application/json", `{"name": "x"`, 400, CodeInvalidJSON, "unexpected end", ""},
		{"unknown field", "POST", "/v1/screen", "application/json", `{"nmae": "x"}`, 400, CodeInvalidJSON, `unknown field "nmae"`, ""},
		{"wrong type in batch", "POST", "/v1/screen", "application/json", "[{\"name\": \"x\"},\n {\"name\": 7}]", 400, CodeInvalidJSON, `item 2 (line 2, column 11), field "name"`, ""},
		{"bad kind", "POST", "/v1/screen", "application/json", `{"name": "x", "kind": "ship-owner"}`, 400, CodeInvalidField, `field "kind"`, ""},
		{"bad date", "POST", "/v1/classify", "application/json", `[{"description": "watch"}, {"description": "watch", "date": "01/02/2020"}]`, 400, CodeInvalidField, `item 2 (line 1): field "date"`, ""},
		{"nothing to classify", "POST", "/v1/classify", "application/json", `{"id": "1"}`, 400, CodeInvalidField, `give a description or an hs_code`, ""},
		{"bad shipment", "POST", "/v1/check", "application/json", "[{\"id\": \"a\", \"lines\": [{\"description\": \"rice\"}]},\n{\"id\": \"b\", \"lines\": [{\"description\": \"rice\", \"value\": 5}]}]", 400, CodeInvalidField, "item 2:2", ""},
		{"trailing data", "POST", "/v1/screen", "application/json", `{"name": "x"} {"name": "y"}`, 400, CodeInvalidJSON, "data after the JSON value", ""},
		{"not an object", "POST", "/v1/screen", "application/json", `"x"`, 400, CodeInvalidJSON, "want a JSON object", ""},
		{"empty body", "POST", "/v1/screen", "application/json", ``, 400, CodeInvalidJSON, "empty body", ""},
		{"oversized", "POST", "/v1/screen", "application/json", big, 413, CodeBodyTooLarge, "2048 bytes", ""},
		{"batch too large", "POST", "/v1/screen", "application/json", `[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"}]`, 413, CodeBatchTooLarge, "more than 3 items", ""},
		{"not json", "POST", "/v1/screen", "text/csv", `name\nx`, 415, CodeUnsupportedMedia, "text/csv", ""},
		{"unknown route", "GET", "/v2/screen", "", "", 404, CodeNotFound, "no route for GET /v2/screen", ""},
		{"wrong method", "GET", "/v1/screen", "", "", 405, CodeMethodNotAllowed, "GET is not allowed", "POST"},
		{"match no queries", "POST", "/match/default", "application/json", `{"queries": {}}`, 400, CodeInvalidField, "No queries provided.", ""},
		// Codes that name nothing would be compared with nothing.
		{"screen country code", "POST", "/v1/screen", "application/json", `{"name": "Acme", "kind": "org", "country": "XX"}`, 400, CodeInvalidField, `field "country": "XX" is not an assigned ISO 3166-1`, ""},
		{"screen vessel IMO", "POST", "/v1/screen", "application/json", `{"name": "Fortune", "kind": "vessel", "imo": "IMO 9283747"}`, 400, CodeInvalidField, `field "imo": invalid IMO number`, ""},
		{"screen company IMO of a vessel", "POST", "/v1/screen", "application/json", `{"name": "Fortune", "kind": "vessel", "imo": "12345"}`, 400, CodeInvalidField, `field "imo"`, ""},
		{"classify currency", "POST", "/v1/classify", "application/json", `{"description": "watch", "value": 5, "currency": "EURO"}`, 400, CodeInvalidField, `field "currency": "EURO" is not an ISO 4217`, ""},
		{"classify withdrawn currency", "POST", "/v1/classify", "application/json", `{"description": "watch", "value": 5, "currency": "DEM"}`, 400, CodeInvalidField, `field "currency"`, ""},
		{"classify destination", "POST", "/v1/classify", "application/json", `{"description": "watch", "destination": "KO"}`, 400, CodeInvalidField, `field "destination": "KO" is not an assigned ISO 3166-1`, ""},
		{"classify exporter country", "POST", "/v1/classify", "application/json", `{"description": "watch", "exporter_country": "XX"}`, 400, CodeInvalidField, `field "exporter_country"`, ""},
		{"match country", "POST", "/match/default", "application/json", `{"queries": {"q": {"schema": "Company", "properties": {"name": ["Acme"], "country": ["xx"]}}}}`, 400, CodeInvalidField, `property country: "xx" is not an assigned ISO 3166-1`, ""},
		{"match nationality", "POST", "/match/default", "application/json", `{"queries": {"q": {"schema": "Person", "properties": {"name": ["Kim Chol"], "nationality": ["ko"]}}}}`, 400, CodeInvalidField, `property nationality`, ""},
		{"match flag", "POST", "/match/default", "application/json", `{"queries": {"q": {"schema": "Vessel", "properties": {"name": ["Fortune"], "flag": ["zz"]}}}}`, 400, CodeInvalidField, `property flag`, ""},
		{"match IMO", "POST", "/match/default", "application/json", `{"queries": {"q": {"schema": "Vessel", "properties": {"name": ["Fortune"], "imoNumber": ["9283747"]}}}}`, 400, CodeInvalidField, `property imoNumber: invalid IMO number`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, h, b := call(t, tt.method, base+tt.path, tt.contentType, strings.NewReader(tt.body))
			if st != tt.status {
				t.Fatalf("status %d, want %d: %s", st, tt.status, b)
			}
			if ct := h.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			e := decode[ErrorResponse](t, b)
			if e.Error.Code != tt.code || !strings.Contains(e.Error.Message, tt.message) {
				t.Errorf("got %s, want code %s and a message containing %q", b, tt.code, tt.message)
			}
			if got := h.Get("Allow"); got != tt.allow {
				t.Errorf("Allow %q, want %q", got, tt.allow)
			}
		})
	}

	t.Run("oversized without Content-Length", func(t *testing.T) {
		// A reader net/http cannot measure is sent chunked, with no length
		// to refuse up front; the limit stops the read.
		body := struct{ io.Reader }{strings.NewReader(big)}
		st, _, b := call(t, "POST", base+"/v1/screen", "application/json", body)
		if e := decode[ErrorResponse](t, b); st != 413 || e.Error.Code != CodeBodyTooLarge {
			t.Errorf("status %d body %s, want 413 %s", st, b, CodeBodyTooLarge)
		}
	})
}

// TestPanicRecovered checks a panicking handler, on the request goroutine
// or in a batch worker, answers 500 in the JSON shape, is logged with its
// stack, and leaves the server serving.
func TestPanicRecovered(t *testing.T) {
	logs := &testenv.SyncBuffer{}
	s, err := New(testConfig(t, logs))
	if err != nil {
		t.Fatal(err)
	}
	s.mux.Handle("GET /test/panic", s.adapt(func(w http.ResponseWriter, r *http.Request) error {
		panic("deliberate test panic")
	}))
	s.mux.Handle("GET /test/panic-in-worker", s.adapt(func(w http.ResponseWriter, r *http.Request) error {
		_, err := parallelMap(r.Context(), []int{1, 2, 3, 4}, func(ctx context.Context, i int) (int, error) {
			if i == 3 {
				panic("deliberate worker panic")
			}
			return i, nil
		})
		return err
	}))
	ts := httptest.NewServer(s)
	defer ts.Close()
	base := ts.URL
	for _, path := range []string{"/test/panic", "/test/panic-in-worker"} {
		st, b := get(t, base+path)
		e := decode[ErrorResponse](t, b)
		if st != 500 || e.Error.Code != CodeInternal || strings.Contains(e.Error.Message, "deliberate") {
			t.Errorf("%s: status %d body %s, want 500 internal without the panic's text", path, st, b)
		}
	}
	if st, _ := get(t, base+"/healthz"); st != 200 {
		t.Errorf("after the panics /healthz answered %d", st)
	}
	for _, want := range []string{"deliberate test panic", "deliberate worker panic", `"stack":`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q", want)
		}
	}
}

// TestTimeout checks a request that runs over the time limit answers 503.
func TestTimeout(t *testing.T) {
	cfg := testConfig(t, nil)
	cfg.RequestTimeout = time.Nanosecond
	_, base := startServer(t, cfg)
	st, b := postJSON(t, base+"/v1/screen", `{"name": "Korea Ryongbong"}`)
	if e := decode[ErrorResponse](t, b); st != 503 || e.Error.Code != CodeTimeout {
		t.Errorf("status %d body %s, want 503 timeout", st, b)
	}
}

// TestNotReady checks /readyz answers 503 with the reason when no
// sanctions list is loaded, /v1/screen fails closed to review, and
// /match refuses.
func TestNotReady(t *testing.T) {
	cfg := testConfigSource(t, nil, func(context.Context) ([]screen.List, error) { return nil, nil })
	_, base := startServer(t, cfg)
	st, b := get(t, base+"/readyz")
	r := decode[Readiness](t, b)
	if st != 503 || r.Ready || !slices.Contains(r.Reasons, "no sanctions list loaded") {
		t.Errorf("readyz %d %s", st, b)
	}
	st, b = postJSON(t, base+"/v1/screen", `{"name": "Korea Ryongbong"}`)
	if res := decode[ScreenResult](t, b); st != 200 || res.Verdict != screen.Review || len(res.Reasons) == 0 {
		t.Errorf("screen %d %s, want review with a reason", st, b)
	}
	st, b = postJSON(t, base+"/match/default", `{"queries": {"q": {"schema": "Company", "properties": {"name": ["x"]}}}}`)
	if e := decode[ErrorResponse](t, b); st != 503 || e.Error.Code != CodeNotReady {
		t.Errorf("match %d %s, want 503 not_ready", st, b)
	}
}

// TestReloadFailureKeepsLists checks a failed reload answers 500, keeps the
// old lists and is reported by /readyz, and that the admin token guards
// the endpoint.
func TestReloadFailureKeepsLists(t *testing.T) {
	demo, err := screen.DemoList()
	if err != nil {
		t.Fatal(err)
	}
	var loads atomic.Int64
	cfg := testConfigSource(t, nil, func(context.Context) ([]screen.List, error) {
		if loads.Add(1) > 1 {
			return nil, errors.New("open /lists/un.xml: no such file or directory")
		}
		return []screen.List{demo}, nil
	})
	cfg.AdminToken = "s3cret"
	_, base := startServer(t, cfg)

	st, h, b := call(t, "POST", base+"/admin/reload", "", nil)
	if e := decode[ErrorResponse](t, b); st != 401 || e.Error.Code != CodeUnauthorized || h.Get("WWW-Authenticate") == "" {
		t.Errorf("without token: %d %s", st, b)
	}
	req, _ := http.NewRequest("POST", base+"/admin/reload", nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 500 {
		t.Errorf("failed reload answered %d, want 500", resp.StatusCode)
	}
	_, b = get(t, base+"/readyz")
	r := decode[Readiness](t, b)
	if r.LastReload == nil || r.LastReload.OK || !strings.Contains(r.LastReload.Error, "un.xml") || len(r.Lists) != 1 {
		t.Errorf("readyz after a failed reload: %s", b)
	}
}

// TestConcurrentReload screens continuously over HTTP while the lists are
// reloaded back and forth between two versions. Every answer must be
// consistent with one version whole: the extra list's entity is a match
// exactly when that list is named in the answer's list versions. Run with
// -race.
func TestConcurrentReload(t *testing.T) {
	demo, err := screen.DemoList()
	if err != nil {
		t.Fatal(err)
	}
	extra := screen.List{
		Version: screen.ListVersion{Source: "TEST", Format: "test", SHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Entities: 1},
		Entities: []screen.Entity{{ID: "TEST:1", Source: "TEST", Ref: "1", Kind: screen.KindOrganisation,
			Names: []screen.Name{{Value: "ZEPHYRANTHES QUILLBRIDGE HOLDINGS", Kind: screen.NamePrimary}}}},
	}
	var n atomic.Int64
	cfg := testConfigSource(t, nil, func(context.Context) ([]screen.List, error) {
		// The first call is Open's; reloads then alternate.
		if n.Add(1)%2 == 0 {
			return []screen.List{demo, extra}, nil
		}
		return []screen.List{demo}, nil
	})
	_, base := startServer(t, cfg)

	const screeners, perScreener, reloads = 4, 40, 12
	var wg sync.WaitGroup
	errs := make(chan error, screeners*perScreener+reloads)
	var sawExtra, sawPlain atomic.Int64
	for range screeners {
		wg.Go(func() {
			for range perScreener {
				st, b := postJSON(t, base+"/v1/screen", `[{"name": "Zephyranthes Quillbridge Holdings", "kind": "org"}, {"name": "Korea Ryongbong General Corp."}]`)
				if st != 200 {
					errs <- fmt.Errorf("screen answered %d: %s", st, b)
					continue
				}
				var rs []ScreenResult
				if err := json.Unmarshal(b, &rs); err != nil {
					errs <- err
					continue
				}
				for _, r := range rs {
					hasExtra := slices.ContainsFunc(r.ListVersions, func(v screen.ListVersion) bool { return v.Source == "TEST" })
					if hasExtra {
						sawExtra.Add(1)
					} else {
						sawPlain.Add(1)
					}
					if r.Verdict == "" {
						errs <- fmt.Errorf("empty verdict: %s", b)
					}
				}
				if hasExtra := len(rs[0].ListVersions) == 2; (rs[0].Verdict == screen.Match) != hasExtra {
					errs <- fmt.Errorf("inconsistent answer: verdict %s with lists %v", rs[0].Verdict, rs[0].ListVersions)
				}
				if rs[1].Verdict != screen.Match {
					errs <- fmt.Errorf("KPe.002 not matched during reloads: %s", b)
				}
			}
		})
	}
	wg.Go(func() {
		for range reloads {
			if st, b := postJSON(t, base+"/admin/reload", ""); st != 200 {
				errs <- fmt.Errorf("reload answered %d: %s", st, b)
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n.Load() != reloads+1 { // and Open's load
		t.Errorf("%d reloads ran, want %d", n.Load()-1, reloads)
	}
	t.Logf("answers against demo+extra %d, demo alone %d", sawExtra.Load(), sawPlain.Load())
}

// TestNewRejectsIncompleteConfig checks New names a missing component, and
// that two servers on one registry collide instead of sharing counters.
func TestNewRejectsIncompleteConfig(t *testing.T) {
	cfg := testConfig(t, nil)
	for _, tt := range []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"system", func(c *Config) { c.System = nil }, "System"},
		{"negative", func(c *Config) { c.MaxBatch = -1 }, "negative"},
	} {
		c := cfg
		tt.edit(&c)
		if _, err := New(c); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one naming %s", tt.name, err, tt.want)
		}
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Registry = s.reg
	if _, err := New(cfg); err == nil {
		t.Error("a second server on the same registry was accepted")
	}
}

// TestSplitBodyPositions checks batch items are placed at their line and
// column in the body, for errors inside them to name.
func TestSplitBodyPositions(t *testing.T) {
	body := "[\n  {\"a\": 1},\n\n    {\"b\": 2}, {\"c\": 3}\n]\n"
	items, batch, err := splitBody([]byte(body), 10)
	if err != nil || !batch {
		t.Fatalf("batch %v err %v", batch, err)
	}
	type place struct {
		Data      string
		Line, Col int
	}
	var got []place
	for _, it := range items {
		got = append(got, place{string(it.data), it.line, it.col})
	}
	want := []place{{`{"a": 1}`, 2, 3}, {`{"b": 2}`, 4, 5}, {`{"c": 3}`, 4, 15}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
