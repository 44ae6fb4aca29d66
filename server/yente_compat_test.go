package server

import (
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A yente client reads answers by key and JSON type; these tests replay
// the requests yente's documentation shows and check, for each key such a
// client reads, the JSON types it finds. A path names keys with dots;
// "[]" stands for every element of an array and "*" for every value of an
// object. A type "string|null" accepts either.

// entityShape is yente's EntityResponse as a client reads it, under
// prefix.
func entityShape(prefix string) map[string]string {
	return map[string]string{
		prefix + "id":              "string",
		prefix + "caption":         "string",
		prefix + "schema":          "string",
		prefix + "properties":      "object",
		prefix + "properties.*[]":  "string",
		prefix + "datasets[]":      "string",
		prefix + "referents":       "array",
		prefix + "target":          "boolean",
		prefix + "first_seen":      "string|null",
		prefix + "last_seen":       "string|null",
		prefix + "last_change":     "string|null",
		prefix + "properties.name": "array",
	}
}

// merge returns the union of shapes.
func merge(shapes ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, s := range shapes {
		for k, v := range s {
			out[k] = v
		}
	}
	return out
}

var (
	searchShape = merge(entityShape("results[]."), map[string]string{
		"results":                    "array",
		"results[].score":            "number",
		"total.value":                "number",
		"total.relation":             "string",
		"limit":                      "number",
		"offset":                     "number",
		"facets":                     "object",
		"facets.*.label":             "string",
		"facets.*.values[].name":     "string",
		"facets.*.values[].label":    "string",
		"facets.*.values[].count":    "number",
		"facets.countries.values":    "array",
		"facets.topics.values":       "array",
		"facets.datasets.values":     "array",
		"luxscreen.lists[].sha256":   "string",
		"luxscreen.lists[].entities": "number",
	})
	catalogShape = map[string]string{
		"datasets":                   "array",
		"datasets[].name":            "string",
		"datasets[].title":           "string",
		"datasets[].summary":         "string",
		"datasets[].url":             "string",
		"datasets[].load":            "boolean",
		"datasets[].entity_count":    "number",
		"datasets[].version":         "string",
		"datasets[].updated_at":      "string|null",
		"datasets[].index_version":   "string",
		"datasets[].index_current":   "boolean",
		"datasets[].children":        "array",
		"datasets[].children[]":      "string",
		"current[]":                  "string",
		"outdated":                   "array",
		"index_stale":                "boolean",
		"datasets[].luxscreen_lists": "array",
	}
	algorithmsShape = map[string]string{
		"algorithms":                            "array",
		"algorithms[].name":                     "string",
		"algorithms[].description":              "string",
		"algorithms[].features":                 "object",
		"algorithms[].features.*.description":   "string",
		"algorithms[].features.*.coefficient":   "number",
		"algorithms[].features.*.url":           "string",
		"algorithms[].features.luxscreen_score": "object",
		"best":                                  "string",
		"default":                               "string",
	}
	matchShape = merge(entityShape("responses.*.results[]."), map[string]string{
		"responses":                        "object",
		"responses.*.status":               "number",
		"responses.*.results":              "array",
		"responses.*.results[].score":      "number",
		"responses.*.results[].match":      "boolean",
		"responses.*.results[].features.*": "number",
		"responses.*.total.value":          "number",
		"responses.*.total.relation":       "string",
		"responses.*.query.schema":         "string",
		"responses.*.query.properties.*[]": "string",
		"matcher.*.description":            "string",
		"matcher.*.coefficient":            "number",
		"limit":                            "number",
	})
	errorShape = map[string]string{
		"detail":           "string",
		"error.code":       "string",
		"error.message":    "string",
		"error.request_id": "string",
	}
)

// jsonType names the JSON type of a decoded value.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "?"
}

// typesAt returns the JSON types found at path in v, "missing" where a
// key is absent.
func typesAt(v any, path []string) []string {
	if len(path) == 0 {
		return []string{jsonType(v)}
	}
	step, rest := path[0], path[1:]
	var out []string
	switch {
	case step == "[]":
		a, ok := v.([]any)
		if !ok {
			return []string{"not an array"}
		}
		for _, e := range a {
			out = append(out, typesAt(e, rest)...)
		}
	case step == "*":
		m, ok := v.(map[string]any)
		if !ok {
			return []string{"not an object"}
		}
		for _, e := range m {
			out = append(out, typesAt(e, rest)...)
		}
	default:
		m, ok := v.(map[string]any)
		if !ok {
			return []string{"not an object"}
		}
		e, ok := m[step]
		if !ok {
			return []string{"missing"}
		}
		out = typesAt(e, rest)
	}
	return out
}

// splitPath splits "results[].properties.*[]" into its steps.
func splitPath(p string) []string {
	var steps []string
	for _, part := range strings.Split(p, ".") {
		name, arrays, _ := strings.Cut(part, "[]")
		if name != "" {
			steps = append(steps, name)
		}
		if part != name {
			steps = append(steps, "[]")
			for range strings.Count(arrays, "[]") {
				steps = append(steps, "[]")
			}
		}
	}
	return steps
}

// shapeOf returns, for each path of want, the types body has there, as
// want would spell them when they fit; a path over an empty array is
// reported as want has it, since no element can be wrong.
func shapeOf(t *testing.T, body []byte, want map[string]string) map[string]string {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("answer is not JSON: %v: %s", err, truncate(body))
	}
	got := map[string]string{}
	for path, w := range want {
		types := typesAt(v, splitPath(path))
		slices.Sort(types)
		types = slices.Compact(types)
		allowed := strings.Split(w, "|")
		fits := true
		for _, ty := range types {
			fits = fits && slices.Contains(allowed, ty)
		}
		if fits {
			got[path] = w
		} else {
			got[path] = strings.Join(types, "|")
		}
	}
	return got
}

// TestYenteCompatShapes replays yente's documented requests against the
// demo list and checks the keys and types of the answers.
func TestYenteCompatShapes(t *testing.T) {
	_, base := startServer(t, testConfig(t, nil))
	const komid = `{"queries": {"c1": {"schema": "Company", "properties": {"name": ["Korea Mining Development Trading Corporation"], "jurisdiction": ["kp"]}}}}`
	tests := []struct {
		name   string
		method string
		path   string
		body   string
		status int
		shape  map[string]string
		// nonEmpty are paths of arrays that must hold an element.
		nonEmpty []string
	}{
		{"search q", "GET", "/search/default?q=Korea+Mining+Development", "", 200, searchShape, []string{"results"}},
		{"search q schema", "GET", "/search/default?q=KOMID&schema=Company&limit=5", "", 200, searchShape, []string{"results"}},
		{"search fuzzy countries topics", "GET", "/search/sanctions?q=ryonbong&fuzzy=true&countries=kp&topics=sanction", "", 200, searchShape, []string{"results"}},
		{"search list dataset", "GET", "/search/luxscreen_demo?q=bank&offset=0&limit=1", "", 200, searchShape, []string{"results"}},
		{"search no q", "GET", "/search/default?schema=Vessel", "", 200, searchShape, []string{"results"}},
		{"search person none", "GET", "/search/default?q=John+Doe&schema=Person", "", 200, searchShape, nil},
		{"entity", "GET", "/entities/demo:KPe.001", "", 200, entityShape(""), []string{"datasets"}},
		{"entity nested", "GET", "/entities/demo:KPe.001?nested=true", "", 200, entityShape(""), nil},
		{"catalog", "GET", "/catalog", "", 200, catalogShape, []string{"datasets", "current"}},
		{"algorithms", "GET", "/algorithms", "", 200, algorithmsShape, []string{"algorithms"}},
		{"match person", "POST", "/match/default", yenteDocsRequest, 200, matchShape, nil},
		{"match company", "POST", "/match/default?algorithm=best", komid, 200, matchShape, []string{"responses.c1.results"}},
		{"search bad limit", "GET", "/search/default?q=x&limit=-1", "", 400, errorShape, nil},
		{"search bad schema", "GET", "/search/default?q=x&schema=Banana", "", 400, errorShape, nil},
		{"search bad offset", "GET", "/search/default?q=x&offset=10001", "", 400, errorShape, nil},
		{"search bad fuzzy", "GET", "/search/default?q=x&fuzzy=perhaps", "", 400, errorShape, nil},
		{"search unknown dataset", "GET", "/search/nope?q=x", "", 404, errorShape, nil},
		{"entity unknown", "GET", "/entities/UN:none", "", 404, errorShape, nil},
		{"entity bad nested", "GET", "/entities/demo:KPe.001?nested=2", "", 400, errorShape, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var st int
			var b []byte
			if tt.method == "POST" {
				st, b = postJSON(t, base+tt.path, tt.body)
			} else {
				st, b = get(t, base+tt.path)
			}
			if st != tt.status {
				t.Fatalf("status %d, want %d: %s", st, tt.status, truncate(b))
			}
			if diff := cmp.Diff(tt.shape, shapeOf(t, b, tt.shape)); diff != "" {
				t.Errorf("shape (-want +got):\n%s", diff)
			}
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			for _, p := range tt.nonEmpty {
				if n := len(typesAt(v, append(splitPath(p), "[]"))); n == 0 {
					t.Errorf("%s is empty: %s", p, truncate(b))
				}
			}
		})
	}
}

// TestYenteSearchDemo checks what /search finds on the demo list: a name
// fragment, an alias, the filters, paging and facets.
func TestYenteSearchDemo(t *testing.T) {
	_, base := startServer(t, testConfig(t, nil))
	ids := func(r SearchResponse) []string {
		var out []string
		for _, e := range r.Results {
			out = append(out, e.ID)
		}
		return out
	}
	search := func(q string) SearchResponse {
		t.Helper()
		st, b := get(t, base+"/search/default?"+q)
		if st != 200 {
			t.Fatalf("%s: status %d: %s", q, st, b)
		}
		return decode[SearchResponse](t, b)
	}
	if got := ids(search("q=KOMID")); len(got) == 0 || got[0] != "demo:KPe.001" {
		t.Errorf("q=KOMID: %v, want demo:KPe.001 first", got)
	}
	if got := ids(search("q=korea+mining")); !slices.Contains(got, "demo:KPe.001") {
		t.Errorf("q=korea mining (a prefix of the name): %v, want demo:KPe.001", got)
	}
	all := search("limit=0")
	if all.Total.Value < 10 || len(all.Results) != 0 || all.Total.Relation != "eq" {
		t.Fatalf("no q, limit 0: total %+v, %d results", all.Total, len(all.Results))
	}
	// Paging walks every result once.
	var paged []string
	for off := 0; off < all.Total.Value; off += 4 {
		paged = append(paged, ids(search("limit=4&offset="+strconv.Itoa(off)))...)
	}
	sorted := slices.Clone(paged)
	sort.Strings(sorted)
	if len(paged) != all.Total.Value || len(slices.Compact(sorted)) != all.Total.Value {
		t.Errorf("pages hold %d results (%d distinct), want %d", len(paged), len(slices.Compact(sorted)), all.Total.Value)
	}
	vessels := search("schema=Vessel&limit=500")
	orgs := search("schema=Organization&limit=500")
	if vessels.Total.Value == 0 || orgs.Total.Value == 0 || vessels.Total.Value+orgs.Total.Value != all.Total.Value {
		t.Errorf("vessels %d + organisations %d, want %d", vessels.Total.Value, orgs.Total.Value, all.Total.Value)
	}
	for _, r := range vessels.Results {
		if r.Schema != "Vessel" {
			t.Errorf("schema=Vessel gave %s %s", r.ID, r.Schema)
		}
	}
	if n := search("schema=Organization&exclude_schema=Organization").Total.Value; n != 0 {
		t.Errorf("excluding the schema asked for left %d", n)
	}
	if n := search("countries=ir").Total.Value; n == 0 || n >= all.Total.Value {
		t.Errorf("countries=ir: %d of %d", n, all.Total.Value)
	}
	if n := search("countries=ir&countries=kp&filter_op=AND").Total.Value; n >= search("countries=ir").Total.Value {
		t.Errorf("AND of two countries kept %d", n)
	}
	f := search("facets=countries&facets=datasets").Facets
	if _, ok := f["topics"]; ok || len(f["countries"].Values) == 0 || f["datasets"].Values[0] != (SearchFacetItem{Name: "luxscreen_demo", Label: datasetTitle("demo"), Count: all.Total.Value}) {
		t.Errorf("facets %+v", f)
	}
	if n := search("exclude_dataset=luxscreen_demo").Total.Value; n != 0 {
		t.Errorf("excluding the only dataset left %d", n)
	}
	st, b := get(t, base+"/search/default?include_dataset=us_ofac_sdn")
	if st != 400 {
		t.Errorf("include_dataset of no loaded list: status %d: %s", st, b)
	}
	if r := search("q=x&sort=name&changed_since=2020-01-01"); !slices.Equal(r.Luxscreen.Ignored, []string{"changed_since", "sort"}) {
		t.Errorf("ignored %v", r.Luxscreen.Ignored)
	}
}

// TestYenteEntityMatchesSearch checks /entities, /search and /match render
// one party alike: one renderer makes all three.
func TestYenteEntityMatchesSearch(t *testing.T) {
	_, base := startServer(t, factsConfig(t))
	st, b := get(t, base+"/entities/UN:KPi.901")
	if st != 200 {
		t.Fatalf("status %d: %s", st, b)
	}
	ent := decode[EntityResponse](t, b)
	if diff := cmp.Diff([]string{"OpenSanctions:ex-person"}, ent.Referents); diff != "" {
		t.Errorf("referents (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"un_sc_sanctions", "opensanctions"}, ent.Datasets); diff != "" {
		t.Errorf("datasets (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"123456789", "990000111"}, ent.Properties["passportNumber"]); diff != "" {
		t.Errorf("passports merged from both lists (-want +got):\n%s", diff)
	}
	if ent.FirstSeen == nil || ent.LastChange == nil {
		t.Errorf("first_seen %v last_change %v, want the designation dates", ent.FirstSeen, ent.LastChange)
	}
	st, b = get(t, base+"/search/default?q=123456789")
	if st != 200 {
		t.Fatalf("status %d: %s", st, b)
	}
	sr := decode[SearchResponse](t, b)
	if len(sr.Results) != 1 || sr.Results[0].Score != 1 {
		t.Fatalf("search by passport: %s", truncate(b))
	}
	// The search index merges in load order, so its party is led by the
	// UN entry; /entities of the UN entry is the same entity.
	if diff := cmp.Diff(ent, sr.Results[0].EntityResponse); diff != "" {
		t.Errorf("search result and /entities differ (-entities +search):\n%s", diff)
	}
}

// TestYenteSharedLists checks, on the UN consolidated list and the 2021
// OFAC SDN list, that /search finds KOMID by its name and that /entities
// merges the UN entry with OFAC's.
func TestYenteSharedLists(t *testing.T) {
	_, base := startServer(t, testConfig(t, nil, sharedLists(t)...))
	st, b := get(t, base+"/search/default?q="+url.QueryEscape("Korea Mining Development Trading")+"&schema=Organization")
	if st != 200 {
		t.Fatalf("status %d: %s", st, b)
	}
	if diff := cmp.Diff(searchShape, shapeOf(t, b, searchShape)); diff != "" {
		t.Errorf("search shape (-want +got):\n%s", diff)
	}
	sr := decode[SearchResponse](t, b)
	if len(sr.Results) == 0 || sr.Results[0].ID != "UN:KPe.001" {
		t.Fatalf("search: want UN:KPe.001 first: %s", truncate(b))
	}
	for id, other := range map[string]string{"UN:KPe.001": "OFAC:9345", "OFAC:9345": "UN:KPe.001"} {
		st, b := get(t, base+"/entities/"+id)
		if st != 200 {
			t.Fatalf("%s: status %d: %s", id, st, b)
		}
		e := decode[EntityResponse](t, b)
		if e.ID != id || !slices.Contains(e.Referents, other) || !slices.Contains(e.Datasets, "us_ofac_sdn") || !slices.Contains(e.Datasets, "un_sc_sanctions") {
			t.Errorf("%s: id %s, referents %v, datasets %v: want %s merged", id, e.ID, e.Referents, e.Datasets, other)
		}
		if !slices.Contains(e.Properties["program"], "DPRK") || !slices.Contains(e.Properties["program"], "NPWMD") {
			t.Errorf("%s: programs %v, want the UN's and OFAC's", id, e.Properties["program"])
		}
	}
	st, b = get(t, base+"/catalog")
	if st != 200 {
		t.Fatalf("catalog: status %d", st)
	}
	cat := decode[CatalogResponse](t, b)
	var names []string
	for _, d := range cat.Datasets {
		names = append(names, d.Name)
	}
	if diff := cmp.Diff([]string{"un_sc_sanctions", "us_ofac_sdn", "default", "sanctions", "luxscreen"}, names); diff != "" {
		t.Errorf("catalog datasets (-want +got):\n%s", diff)
	}
	st, b = postJSON(t, base+"/match/default", `{"queries": {"komid": {"schema": "Company", "properties": {"name": ["Korea Mining Development Trading Corporation"]}}}}`)
	if st != 200 {
		t.Fatalf("match: status %d: %s", st, b)
	}
	mr := decode[MatchResponse](t, b).Responses["komid"].Results
	if len(mr) == 0 || !slices.Contains(append(mr[0].Referents, mr[0].ID), "OFAC:9345") || !slices.Contains(append(mr[0].Referents, mr[0].ID), "UN:KPe.001") {
		t.Errorf("match: want KOMID on both lists first: %+v", mr)
	}
}

// FuzzSearchParams checks /search's parameter parsing never panics,
// refuses only with a 4xx error, and keeps what it accepts in bounds.
func FuzzSearchParams(f *testing.F) {
	for _, s := range [][2]string{
		{"q=Korea+Mining&schema=Company&limit=5", "default"},
		{"q=x&countries=kp&countries=cn&filter_op=AND&facets=schema", "luxscreen_demo"},
		{"limit=-1", "sanctions"},
		{"offset=99999&fuzzy=maybe", "default"},
		{"q=%ff%fe&exclude_schema=Vessel&include_dataset=luxscreen_demo", "nope"},
	} {
		f.Add(s[0], s[1])
	}
	loaded := []string{"luxscreen_demo"}
	f.Fuzz(func(t *testing.T, raw, dataset string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		p, err := parseSearchParams(q, dataset, loaded)
		if err != nil {
			var ae *apiError
			if !errors.As(err, &ae) || ae.status < 400 || ae.status >= 500 || ae.message == "" {
				t.Fatalf("error %v is not a 4xx apiError", err)
			}
			return
		}
		if p.limit < 0 || p.limit > searchMaxLimit || p.offset < 0 || p.offset > searchMaxOffset {
			t.Fatalf("limit %d offset %d out of bounds", p.limit, p.offset)
		}
		if p.dataset != "" && !slices.Contains(loaded, p.dataset) {
			t.Fatalf("dataset %q accepted", p.dataset)
		}
		if !slices.Contains(searchSchemas(), p.schema) {
			t.Fatalf("schema %q accepted", p.schema)
		}
		for _, fc := range p.facets {
			if !slices.Contains(searchFacets(), fc) {
				t.Fatalf("facet %q accepted", fc)
			}
		}
	})
}
