package server

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// yenteDocsRequest is the example request of yente's /match documentation
// (the docstring of yente/routers/match.py), sent literally.
const yenteDocsRequest = `{
    "queries": {
        "entity1": {
            "schema": "Person",
            "properties": {
                "name": ["John Doe"],
                "birthDate": ["1975-04-21"],
                "nationality": ["us"]
            }
        },
        "entity2": {
            "schema": "Company",
            "properties": {
                "name": ["Brilliant Amazing Limited"],
                "jurisdiction": ["hk"],
                "registrationNumber": ["84BA99810"]
            }
        }
    }
}`

// openSanctionsQuickstart is the query of the OpenSanctions API quickstart:
// a person given by first and last name, under the key "q".
const openSanctionsQuickstart = `{"queries": {"q": {"schema": "Person", "properties": {"firstName": ["Aleksandr"], "lastName": ["Zacharov"], "birthDate": ["1965"]}}}}`

// missingKeys reports the keys of want missing from m.
func missingKeys(m map[string]json.RawMessage, want []string) []string {
	var miss []string
	for _, k := range want {
		if _, ok := m[k]; !ok {
			miss = append(miss, k)
		}
	}
	return miss
}

func TestMatchYenteDocsRequest(t *testing.T) {
	// The fields of yente's EntityMatchResponse and EntityMatches.
	yenteResponseKeys := []string{"limit", "matcher", "responses"}
	yenteMatchesKeys := []string{"query", "results", "status", "total"}
	_, base := startServer(t, testConfig(t, nil))
	for _, body := range []string{yenteDocsRequest, openSanctionsQuickstart} {
		st, b := postJSON(t, base+"/match/default", body)
		if st != 200 {
			t.Fatalf("status %d: %s", st, b)
		}
		top := decode[map[string]json.RawMessage](t, b)
		if miss := missingKeys(top, yenteResponseKeys); miss != nil {
			t.Errorf("answer lacks yente fields %v", miss)
		}
		resp := decode[MatchResponse](t, b)
		var in MatchRequest
		if err := json.Unmarshal([]byte(body), &in); err != nil {
			t.Fatal(err)
		}
		for key := range in.Queries {
			raw := decode[map[string]map[string]json.RawMessage](t, top["responses"])[key]
			if miss := missingKeys(raw, yenteMatchesKeys); miss != nil {
				t.Errorf("response %q lacks yente fields %v", key, miss)
			}
			r := resp.Responses[key]
			// No demo designation resembles these people and companies.
			if r.Status != 200 || len(r.Results) != 0 || r.Total != (Total{Value: 0, Relation: "eq"}) || r.Luxscreen.Verdict != screen.Clear {
				t.Errorf("response %q: %+v", key, r)
			}
			if r.Query.Schema != in.Queries[key].Schema {
				t.Errorf("response %q echoes schema %q", key, r.Query.Schema)
			}
		}
		if resp.Limit != matchDefaultLimit || len(resp.Matcher) == 0 {
			t.Errorf("limit %d matcher %v", resp.Limit, resp.Matcher)
		}
	}
}

func TestMatchDPRK(t *testing.T) {
	_, base := startServer(t, testConfig(t, nil))
	body := `{
		"queries": {
			"consignee": {"schema": "Company", "properties": {"name": ["Korea Ryongbong General Corp."], "jurisdiction": ["kp"], "website": ["example.kp"]}},
			"ship": {"schema": "Vessel", "properties": {"name": ["Chong Chon Gang"], "imoNumber": ["IMO 7937317"]}},
			"alias": {"schema": "LegalEntity", "properties": {"alias": "KOMID"}},
			"nobody": null
		},
		"weights": {"name_literal": 0.8}
	}`
	st, h, b := call(t, "POST", base+"/match/default?algorithm=logic-v2&topics=sanction", "application/json", strings.NewReader(body))
	if st != 200 {
		t.Fatalf("status %d: %s", st, b)
	}
	if h.Get("X-Batch-Size") != "3" {
		t.Errorf("X-Batch-Size %q, want 3", h.Get("X-Batch-Size"))
	}
	// The fields of yente's ScoredEntityResponse.
	yenteResultKeys := []string{"caption", "datasets", "features", "first_seen", "id", "last_change", "last_seen", "match", "properties", "referents", "schema", "score", "target"}
	raw := decode[struct {
		Responses map[string]struct {
			Results []map[string]json.RawMessage `json:"results"`
		} `json:"responses"`
	}](t, b)
	for k, r := range raw.Responses {
		for _, res := range r.Results {
			if miss := missingKeys(res, yenteResultKeys); miss != nil {
				t.Errorf("%s: result lacks yente fields %v", k, miss)
			}
		}
	}
	resp := decode[MatchResponse](t, b)
	type brief struct {
		ID, Schema string
		Datasets   []string
		Match      bool
		Verdict    screen.Verdict
	}
	got := map[string]brief{}
	for k, r := range resp.Responses {
		if len(r.Results) == 0 {
			t.Fatalf("%s: no results: %s", k, b)
		}
		top := r.Results[0]
		got[k] = brief{top.ID, top.Schema, top.Datasets, top.Match, r.Luxscreen.Verdict}
		if top.Features[featureScore] != top.Score || !top.Target || top.Caption == "" {
			t.Errorf("%s: result %+v", k, top)
		}
	}
	want := map[string]brief{
		"consignee": {"demo:KPe.002", "Organization", []string{"luxscreen_demo"}, true, screen.Match},
		"ship":      {"demo:OFAC 17069", "Vessel", []string{"luxscreen_demo"}, true, screen.Match},
		"alias":     {"demo:KPe.001", "Organization", []string{"luxscreen_demo"}, true, screen.Match},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("top results (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"website"}, resp.Responses["consignee"].Luxscreen.IgnoredProperties); diff != "" {
		t.Errorf("ignored properties (-want +got):\n%s", diff)
	}
	ignored := strings.Join(resp.Luxscreen.Ignored, "|")
	for _, w := range []string{"algorithm=logic-v2", "topics", "weights"} {
		if !strings.Contains(ignored, w) {
			t.Errorf("ignored %q lacks %s", ignored, w)
		}
	}
	w, err := screen.DefaultWeights()
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Luxscreen.Lists) != 1 || resp.Luxscreen.Thresholds.Match != w.Thresholds.Match {
		t.Errorf("run info %+v", resp.Luxscreen)
	}
}

// TestMatchParameters checks yente's query parameters filter and judge the
// results as yente's do.
func TestMatchParameters(t *testing.T) {
	_, base := startServer(t, testConfig(t, nil))
	// Three names of three designations, screened as one entity: each
	// listed entity's best hit is kept, and says which name made it.
	body := `{"queries": {"q": {"schema": "Company", "properties": {"name": ["Korea Hyoksin Trading Corp", "Tanchon Commercial Bank", "Korea Ryonbong General Corporation"]}}}}`
	all := decode[MatchResponse](t, mustPost(t, base+"/match/default?limit=50", body)).Responses["q"]
	if len(all.Results) < 3 {
		t.Fatalf("want a result for each name, got %+v", all)
	}
	queryNames := map[string]bool{}
	for _, x := range all.Results {
		queryNames[x.Luxscreen.QueryName] = true
	}
	if len(queryNames) < 3 {
		t.Errorf("results name %d of the 3 query names: %v", len(queryNames), queryNames)
	}
	ids := func(r MatchResults) []string {
		var out []string
		for _, x := range r.Results {
			out = append(out, x.ID)
		}
		return out
	}
	first := all.Results[0].ID
	if !sort.SliceIsSorted(all.Results, func(i, j int) bool { return all.Results[i].Score > all.Results[j].Score }) {
		t.Errorf("results not ranked by score: %v", ids(all))
	}
	tests := []struct {
		name, query string
		check       func(t *testing.T, r MatchResults)
	}{
		{"limit", "limit=1", func(t *testing.T, r MatchResults) {
			if len(r.Results) != 1 || r.Total.Value != len(all.Results) {
				t.Errorf("%d results, total %d; want 1 of %d", len(r.Results), r.Total.Value, len(all.Results))
			}
		}},
		{"threshold", "threshold=1", func(t *testing.T, r MatchResults) {
			for _, x := range r.Results {
				if x.Match != (x.Score >= 1) {
					t.Errorf("%s score %.3f match %v at threshold 1", x.ID, x.Score, x.Match)
				}
			}
		}},
		{"cutoff", "cutoff=0.99", func(t *testing.T, r MatchResults) {
			for _, x := range r.Results {
				if x.Score < 0.99 {
					t.Errorf("%s score %.3f under the cutoff", x.ID, x.Score)
				}
			}
		}},
		{"exclude entity", "exclude_entity_ids=" + first, func(t *testing.T, r MatchResults) {
			if slices.Contains(ids(r), first) || len(r.Results) != len(all.Results)-1 {
				t.Errorf("got %v after excluding %s from %v", ids(r), first, ids(all))
			}
		}},
		{"include the loaded dataset", "include_dataset=luxscreen_demo", func(t *testing.T, r MatchResults) {
			if diff := cmp.Diff(ids(all), ids(r)); diff != "" {
				t.Errorf("(-default +include_dataset=luxscreen_demo):\n%s", diff)
			}
		}},
		{"exclude dataset", "exclude_dataset=luxscreen_demo", func(t *testing.T, r MatchResults) {
			if len(r.Results) != 0 {
				t.Errorf("got %v", ids(r))
			}
		}},
		{"exclude schema", "exclude_schema=Organization", func(t *testing.T, r MatchResults) {
			for _, x := range r.Results {
				if x.Schema == "Organization" {
					t.Errorf("got %s", x.ID)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, decode[MatchResponse](t, mustPost(t, base+"/match/default?limit=50&"+tt.query, body)).Responses["q"])
		})
	}
	t.Run("dataset path", func(t *testing.T) {
		r := decode[MatchResponse](t, mustPost(t, base+"/match/luxscreen_demo?limit=50", body)).Responses["q"]
		if diff := cmp.Diff(ids(all), ids(r)); diff != "" {
			t.Errorf("(-default +luxscreen_demo):\n%s", diff)
		}
	})
}

func mustPost(t *testing.T, url, body string) []byte {
	t.Helper()
	st, b := postJSON(t, url, body)
	if st != 200 {
		t.Fatalf("status %d: %s", st, b)
	}
	return b
}

// TestMatchErrors checks /match refuses what it cannot answer, in the JSON
// error shape with yente's "detail".
func TestMatchErrors(t *testing.T) {
	cfg := testConfig(t, nil)
	cfg.MaxBatch, cfg.MaxScreenings = 2, 50
	_, base := startServer(t, cfg)
	q := func(schema, props string) string {
		return `{"queries": {"q": {"schema": "` + schema + `", "properties": ` + props + `}}}`
	}
	tests := []struct {
		name, path, body string
		status           int
		code, detail     string
	}{
		{"unknown dataset", "/match/us_ofac_sdn", q("Person", `{"name": ["x"]}`), 404, CodeNotFound, `no dataset "us_ofac_sdn"`},
		{"unknown schema", "/match/default", q("Address", `{"full": ["Pyongyang"]}`), 400, CodeInvalidField, `schema "Address" cannot be screened`},
		{"no name", "/match/default", q("Person", `{"birthDate": ["1970"]}`), 400, CodeInvalidField, "no name to screen"},
		{"unscreenable name", "/match/default", q("Company", `{"name": ["Co. Ltd."]}`), 422, CodeCannotScreen, "empty after normalisation"},
		{"number value", "/match/default", q("Vessel", `{"imoNumber": [7937317]}`), 400, CodeInvalidJSON, "string or a list of strings"},
		{"too many queries", "/match/default", `{"queries": {"a": {"schema": "Person", "properties": {"name": "x"}}, "b": {"schema": "Person", "properties": {"name": "y"}}, "c": {"schema": "Person", "properties": {"name": "z"}}}}`, 400, CodeBatchTooLarge, "Too many queries in one batch (limit: 2)"},
		{"unknown field", "/match/default", `{"queries": {}, "querys": {}}`, 400, CodeInvalidJSON, `unknown field "querys"`},
		{"bad limit", "/match/default?limit=0", q("Person", `{"name": ["x"]}`), 400, CodeInvalidParameter, "limit"},
		{"bad threshold", "/match/default?threshold=high", q("Person", `{"name": ["x"]}`), 400, CodeInvalidParameter, "threshold"},
		{"too many names", "/match/default", q("Person", manyNames(65)), 400, CodeInvalidField, "65 names; at most 64"},
		{"dataset of no loaded list", "/match/default?include_dataset=us_ofac_sdn", q("Person", `{"name": ["x"]}`), 400, CodeInvalidParameter,
			`include_dataset "us_ofac_sdn": no list of that dataset is loaded (loaded: luxscreen_demo)`},
		{"misspelt dataset", "/match/default?include_dataset=luxscreen_demo&include_dataset=un_sc_sanction", q("Person", `{"name": ["x"]}`), 400, CodeInvalidParameter,
			`include_dataset "un_sc_sanction"`},
		{"excluded dataset of no loaded list", "/match/default?exclude_dataset=eu_fsf", q("Person", `{"name": ["x"]}`), 400, CodeInvalidParameter,
			`exclude_dataset "eu_fsf"`},
		{"too many names in all", "/match/default", `{"queries": {"a": {"schema": "Person", "properties": ` + manyNames(40) + `}, "b": {"schema": "Person", "properties": ` + manyNames(40) + `}}}`,
			400, CodeBatchTooLarge, "The queries hold 80 names to screen; at most 50 in one request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, b := postJSON(t, base+tt.path, tt.body)
			e := decode[ErrorResponse](t, b)
			if st != tt.status || e.Error.Code != tt.code || !strings.Contains(e.Detail, tt.detail) || e.Detail != e.Error.Message {
				t.Errorf("got %d %s, want %d %s with detail containing %q", st, b, tt.status, tt.code, tt.detail)
			}
		})
	}
}

// manyNames returns the properties of an example with n distinct names.
// TestMatchScreeningsBounded checks the default bound on the names one
// /match request screens: within the query and per-example limits, a
// request could otherwise ask for 64,000 screenings.
func TestMatchScreeningsBounded(t *testing.T) {
	_, base := startServer(t, testConfig(t, nil))
	var qs []string
	for i := range DefaultMaxScreenings/matchMaxNames + 1 {
		qs = append(qs, fmt.Sprintf(`"q%d": {"schema": "Company", "properties": %s}`, i, manyNames(matchMaxNames)))
	}
	st, b := postJSON(t, base+"/match/default", `{"queries": {`+strings.Join(qs, ",")+`}}`)
	e := decode[ErrorResponse](t, b)
	want := fmt.Sprintf("The queries hold %d names to screen; at most %d in one request", len(qs)*matchMaxNames, DefaultMaxScreenings)
	if st != 400 || e.Error.Code != CodeBatchTooLarge || !strings.Contains(e.Error.Message, want) {
		t.Errorf("got %d %s, want 400 %s %q", st, truncate(b), CodeBatchTooLarge, want)
	}
}

func manyNames(n int) string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("%q", fmt.Sprintf("name %d", i))
	}
	return `{"name": [` + strings.Join(names, ",") + `]}`
}

// TestParseExample checks how FollowTheMoney properties become one entity.
func TestParseExample(t *testing.T) {
	id := "p1"
	ex := &MatchExample{ID: &id, Schema: "Person", Properties: map[string]PropValues{
		"firstName":  {"Jong Un"},
		"lastName":   {"Kim", "KIM"},
		"fatherName": {"Il"},
		"alias":      {" ", "Kim Jong-un"},
		"birthDate":  {"1984-01-08"},
		"gender":     {"male"},
		"country":    {"kp"},
	}}
	mq, err := parseExample("q", ex)
	if err != nil {
		t.Fatal(err)
	}
	want := party.Entity{Names: []string{"Kim Jong-un", "Jong Un Il Kim"}, Kind: party.KindPerson,
		BirthDates: []string{"1984-01-08"}, Countries: []string{"kp"}}
	if diff := cmp.Diff(want, mq.entity); diff != "" {
		t.Errorf("entity (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"gender"}, mq.ignored); diff != "" {
		t.Errorf("ignored (-want +got):\n%s", diff)
	}
	if _, ok := mq.echo.Properties["alias"]; !ok || len(mq.echo.Properties["alias"]) != 1 {
		t.Errorf("echo %v: want blank values dropped", mq.echo.Properties)
	}
}

// TestMatchParityShared checks, on the UN and 2021 OFAC lists and the
// shared name sets, that /match judges every party as /v1/screen does: the
// yente layer adds shapes, not a second opinion. It prints the agreement.
func TestMatchParityShared(t *testing.T) {
	_, base := startServer(t, testConfig(t, nil, sharedLists(t)...))
	bodies := loadBodies(t)
	n := min(len(bodies), 600)
	agree, matches := 0, 0
	for _, b := range bodies[:n] {
		var q ScreenRequest
		if err := json.Unmarshal(b, &q); err != nil {
			t.Fatal(err)
		}
		sr := decode[ScreenResult](t, mustPost(t, base+"/v1/screen", string(b)))
		schema := map[string]string{"org": "Organization", "person": "Person"}[q.Kind]
		ex, err := json.Marshal(map[string]any{"queries": map[string]any{"q": map[string]any{
			"schema": schema, "properties": map[string][]string{"name": {q.Name}, "birthDate": nonEmpty(q.DOB), "country": nonEmpty(q.Country)}}}})
		if err != nil {
			t.Fatal(err)
		}
		st, mb := postJSON(t, base+"/match/default?limit=50", string(ex))
		if st == 422 {
			// Not screenable: /v1/screen must have said review with no hit.
			if sr.Verdict == screen.Review && len(sr.Hits) == 0 {
				agree++
			} else {
				t.Errorf("%q: /match refused, /v1/screen said %s with %d hits", q.Name, sr.Verdict, len(sr.Hits))
			}
			continue
		}
		mr := decode[MatchResponse](t, mb).Responses["q"]
		topMatch := len(mr.Results) > 0 && mr.Results[0].Match
		if mr.Luxscreen.Verdict == sr.Verdict && topMatch == (sr.Verdict == screen.Match) && len(mr.Results) == len(sr.Hits) {
			agree++
		} else {
			t.Errorf("%q: /match %s (top match %v, %d results), /v1/screen %s (%d hits)", q.Name, mr.Luxscreen.Verdict, topMatch, len(mr.Results), sr.Verdict, len(sr.Hits))
		}
		if sr.Verdict == screen.Match {
			matches++
		}
	}
	t.Logf("/match agrees with /v1/screen on %d of %d parties (%d matches)", agree, n, matches)
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// TestMatchOneEntity checks that an example is screened as one entity:
// many names, countries and birth dates together are one query (yente
// examples often carry them; they used to multiply into one screening per
// combination, capped at 64), and the properties qualify the hits.
func TestMatchOneEntity(t *testing.T) {
	_, base := startServer(t, testConfig(t, nil))
	body := `{"queries": {"q": {"schema": "Company", "properties": {
		"name": ["Samsung Electronics", "Acme Trading", "Korea Ryonbong General Corporation", "Globex", "Initech"],
		"country": ["kr", "cn", "kp", "jp"],
		"incorporationDate": ["1990"]}}}}`
	st, b := postJSON(t, base+"/match/default", body)
	if st != 200 {
		t.Fatalf("status %d: %s", st, b)
	}
	r := decode[MatchResponse](t, b).Responses["q"]
	if len(r.Results) == 0 || r.Results[0].Luxscreen.QueryName != "Korea Ryonbong General Corporation" || r.Luxscreen.Verdict != party.Match {
		t.Fatalf("want a match through the third name, got %+v", r)
	}
	var features []string
	for _, f := range r.Results[0].Luxscreen.Features {
		features = append(features, f.Feature)
	}
	if !slices.Contains(features, "name") || len(r.Results[0].Luxscreen.Reasons) != len(features) {
		t.Errorf("features %v, reasons %v: want the name feature, each rendered once", features, r.Results[0].Luxscreen.Reasons)
	}
}
