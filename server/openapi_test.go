package server

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
)

// openAPIDoc is the part of an OpenAPI document the tests read.
type openAPIDoc struct {
	OpenAPI string `json:"openapi"`
	Info    struct {
		Title   string `json:"title"`
		Version string `json:"version"`
	} `json:"info"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"schemas"`
	} `json:"components"`
}

func loadOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := json.Unmarshal(OpenAPI(), &doc); err != nil {
		t.Fatalf("openapi.json does not parse: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") || doc.Info.Title == "" || doc.Info.Version == "" || len(doc.Paths) == 0 {
		t.Fatalf("openapi.json lacks openapi 3.x, info.title, info.version or paths")
	}
	return doc
}

// TestOpenAPIRoutes checks every registered route is documented and every
// documented operation is registered.
func TestOpenAPIRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	s, err := New(testConfig(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	var registered, documented []string
	for _, rt := range s.routes {
		registered = append(registered, rt.pattern)
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(registered)
	sort.Strings(documented)
	if diff := cmp.Diff(registered, documented); diff != "" {
		t.Errorf("routes (-registered +documented):\n%s", diff)
	}
}

// TestOpenAPIRefs checks every $ref points at a component that exists.
func TestOpenAPIRefs(t *testing.T) {
	raw := OpenAPI()
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	comps := doc["components"].(map[string]any)
	for _, m := range regexp.MustCompile(`"\$ref": "#/components/(\w+)/(\w+)"`).FindAllStringSubmatch(string(raw), -1) {
		group, _ := comps[m[1]].(map[string]any)
		if _, ok := group[m[2]]; !ok {
			t.Errorf("$ref to missing component %s/%s", m[1], m[2])
		}
	}
}

// TestOpenAPISchemas checks the documented properties of the answer and
// request shapes are exactly the JSON fields of the Go types that make
// them, so that the document cannot drift from the code.
func TestOpenAPISchemas(t *testing.T) {
	doc := loadOpenAPI(t)
	tests := []struct {
		schema string
		typ    any
	}{
		{"Error", ErrorResponse{}},
		{"ErrorDetail", ErrorDetail{}},
		{"ClassifyRequest", ClassifyRequest{}},
		{"ClassifyResult", classify.Result{}},
		{"ScreenRequest", ScreenRequest{}},
		{"ScreenResult", ScreenResult{}},
		{"ScreenHit", ScreenHit{}},
		{"ListedFacts", party.Facts{}},
		{"ListedName", party.ListedName{}},
		{"ListedID", party.ListedID{}},
		{"Address", party.Address{}},
		{"Vessel", party.Vessel{}},
		{"Reference", party.Reference{}},
		{"ListVersion", screen.ListVersion{}},
		{"Decision", rules.Decision{}},
		{"Finding", rules.Finding{}},
		{"ListSummary", ListSummary{}},
		{"Health", Health{}},
		{"Readiness", Readiness{}},
		{"SourceStatus", luxscreen.SourceStatus{}},
		{"Thresholds", Thresholds{}},
		{"ReloadStatus", ReloadStatus{}},
		{"MatchRequest", MatchRequest{}},
		{"MatchExample", MatchExample{}},
		{"MatchResponse", MatchResponse{}},
		{"MatchRunInfo", MatchRunInfo{}},
		{"MatchResults", MatchResults{}},
		{"MatchResult", MatchResult{}},
		{"Entity", EntityResponse{}},
		{"SearchResponse", SearchResponse{}},
		{"SearchResult", SearchResult{}},
		{"SearchFacet", SearchFacet{}},
		{"SearchFacetItem", SearchFacetItem{}},
		{"SearchRunInfo", SearchRunInfo{}},
		{"CatalogResponse", CatalogResponse{}},
		{"CatalogDataset", CatalogDataset{}},
		{"AlgorithmsResponse", AlgorithmsResponse{}},
		{"Algorithm", Algorithm{}},
		{"FeatureDoc", FeatureDoc{}},
	}
	for _, tt := range tests {
		sc, ok := doc.Components.Schemas[tt.schema]
		if !ok {
			t.Errorf("no schema %s", tt.schema)
			continue
		}
		var documented []string
		for p := range sc.Properties {
			documented = append(documented, p)
		}
		sort.Strings(documented)
		if diff := cmp.Diff(jsonFields(reflect.TypeOf(tt.typ)), documented); diff != "" {
			t.Errorf("%s properties (-Go +documented):\n%s", tt.schema, diff)
		}
	}
}

// TestOpenAPIShipment checks the Shipment schema names the properties of
// rules/shipment.schema.json, the full schema it refers to.
func TestOpenAPIShipment(t *testing.T) {
	doc := loadOpenAPI(t)
	b := testenv.ReadFile(t, filepath.Join("..", "rules", "shipment.schema.json"))
	var full struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(b, &full); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]json.RawMessage) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	if diff := cmp.Diff(keys(full.Properties), keys(doc.Components.Schemas["Shipment"].Properties)); diff != "" {
		t.Errorf("Shipment properties (-shipment.schema.json +openapi.json):\n%s", diff)
	}
}

// TestOpenAPIErrorCodes checks the documented error codes are the Code
// constants.
func TestOpenAPIErrorCodes(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas struct {
				ErrorDetail struct {
					Properties struct {
						Code struct {
							Enum []string `json:"enum"`
						} `json:"code"`
					} `json:"properties"`
				} `json:"ErrorDetail"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	codes := []string{CodeInvalidJSON, CodeInvalidField, CodeInvalidParameter, CodeBodyTooLarge, CodeBatchTooLarge,
		CodeUnsupportedMedia, CodeNotFound, CodeMethodNotAllowed, CodeUnauthorized, CodeForbidden, CodeCannotScreen, CodeNotReady,
		CodeTimeout, CodeReloadFailed, CodeInternal}
	got := doc.Components.Schemas.ErrorDetail.Properties.Code.Enum
	sort.Strings(codes)
	sort.Strings(got)
	if diff := cmp.Diff(codes, got); diff != "" {
		t.Errorf("error codes (-constants +documented):\n%s", diff)
	}
}

// jsonFields returns the sorted JSON names of a struct type's fields.
func jsonFields(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" && f.Anonymous && f.Type.Kind() == reflect.Struct {
			// encoding/json promotes an embedded struct's fields.
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// TestOpenAPILuxuryStates checks the classify result's luxury is
// documented as the enum of the three states, not a boolean.
func TestOpenAPILuxuryStates(t *testing.T) {
	doc := loadOpenAPI(t)
	var p struct {
		Type string   `json:"type"`
		Enum []string `json:"enum"`
	}
	if err := json.Unmarshal(doc.Components.Schemas["ClassifyResult"].Properties["luxury"], &p); err != nil {
		t.Fatal(err)
	}
	want := []string{string(classify.LuxuryYes), string(classify.LuxuryNo), string(classify.LuxuryUnknown)}
	if p.Type != "string" {
		t.Errorf("luxury type %q, want string", p.Type)
	}
	if diff := cmp.Diff(want, p.Enum); diff != "" {
		t.Errorf("luxury enum (-states +documented):\n%s", diff)
	}
}

// TestOpenAPILengthLimits checks the documented lengths of the screen
// request's fields are the screener's limits.
func TestOpenAPILengthLimits(t *testing.T) {
	doc := loadOpenAPI(t)
	got := map[string]int{}
	for field, raw := range doc.Components.Schemas["ScreenRequest"].Properties {
		var p struct {
			MaxLength int `json:"maxLength"`
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatal(err)
		}
		if p.MaxLength != 0 {
			got[field] = p.MaxLength
		}
	}
	want := map[string]int{"name": screen.MaxNameRunes, "country": screen.MaxFieldRunes, "imo": screen.MaxFieldRunes, "dob": screen.MaxFieldRunes}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ScreenRequest maxLength (-limits +documented):\n%s", diff)
	}
}
