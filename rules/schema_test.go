package rules

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/internal/testenv"
)

// TestShipmentSchemaMatchesModel checks that shipment.schema.json names
// exactly the JSON fields of the model, so that the schema and the strict
// decoder cannot drift apart.
func TestShipmentSchemaMatchesModel(t *testing.T) {
	b := testenv.ReadFile(t, "shipment.schema.json")
	var schema map[string]any
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	props := func(m map[string]any) []string {
		var out []string
		for k := range m["properties"].(map[string]any) {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	sub := func(path ...string) map[string]any {
		m := schema
		for _, p := range path {
			m = m["properties"].(map[string]any)[p].(map[string]any)
			if items, ok := m["items"].(map[string]any); ok {
				m = items
			}
		}
		return m
	}
	tests := []struct {
		name   string
		schema map[string]any
		model  any
	}{
		{"shipment", schema, Shipment{}},
		{"documents", sub("documents"), Documents{}},
		{"parties", sub("parties"), Party{}},
		{"vessel", sub("vessel"), Vessel{}},
		{"route", sub("route"), Stop{}},
		{"lines", sub("lines"), Line{}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(jsonFields(tt.model), props(tt.schema)); diff != "" {
			t.Errorf("%s: schema properties (-model +schema):\n%s", tt.name, diff)
		}
	}
	var roleEnum []string
	for _, r := range sub("parties")["properties"].(map[string]any)["role"].(map[string]any)["enum"].([]any) {
		roleEnum = append(roleEnum, r.(string))
	}
	var want []string
	for _, r := range roles() {
		want = append(want, string(r))
	}
	if !slices.Equal(want, roleEnum) {
		t.Errorf("schema roles %v, model roles %v", roleEnum, want)
	}
	if _, err := os.ReadFile("rules.schema.json"); err != nil {
		t.Fatal(err)
	}
}

func jsonFields(v any) []string {
	var out []string
	rt := reflect.TypeOf(v)
	for i := 0; i < rt.NumField(); i++ {
		tag := rt.Field(i).Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// TestRuleSchemaMatchesGrammar checks that rules.schema.json names exactly
// the conditions the parser knows.
func TestRuleSchemaMatchesGrammar(t *testing.T) {
	b := testenv.ReadFile(t, "rules.schema.json")
	var schema struct {
		Defs struct {
			Condition struct {
				Properties map[string]any `json:"properties"`
			} `json:"condition"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	var got []string
	for k := range schema.Defs.Condition.Properties {
		got = append(got, k)
	}
	sort.Strings(got)
	want := strings.Split(conditionNames, ", ")
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("schema conditions (-parser +schema):\n%s", diff)
	}
}

// TestRuleSchemaMatchesFields checks that rules.schema.json names exactly
// the fields of a rule the parser reads.
func TestRuleSchemaMatchesFields(t *testing.T) {
	b := testenv.ReadFile(t, "rules.schema.json")
	var schema struct {
		Properties struct {
			Rules struct {
				Items struct {
					Properties map[string]any `json:"properties"`
				} `json:"items"`
			} `json:"rules"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	var got []string
	for k := range schema.Properties.Rules.Items.Properties {
		got = append(got, k)
	}
	sort.Strings(got)
	want := slices.Sorted(slices.Values(ruleFields))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("schema rule fields (-parser +schema):\n%s", diff)
	}
}
