package rules

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAuthoredCurrencies checks that rule and price files name currencies
// ISO 4217 lists as in use, not merely three capital letters: an amount in
// "XYZ" could never be compared with a line's value.
func TestAuthoredCurrencies(t *testing.T) {
	const rule = "rules:\n  - id: b\n    severity: review\n    title: t\n    message: m\n    source: s\n    when: {line: {value_above: {amount: 5, currency: %s}}}\n"
	const price = "prices:\n  - {hs: \"0101\", unit: animal, currency: %s, low: 500, high: 1500, source: test range}\n"
	parseRule := func(cur string) error {
		_, err := ParseRuleSet("r.yaml", []byte(fmt.Sprintf(rule, cur)))
		return err
	}
	parsePrice := func(cur string) error {
		_, err := ParseReferencePrices("p.yaml", []byte(fmt.Sprintf(price, cur)))
		return err
	}
	tests := []struct {
		name  string
		parse func(string) error
		cur   string
		want  string // "" for no error
	}{
		{"rule USD", parseRule, "USD", ""},
		{"rule XYZ", parseRule, "XYZ", `r.yaml:7:54: rules[0].when.line.value_above.currency: invalid value: "XYZ" is not an ISO 4217 currency code in use`},
		{"rule DEM", parseRule, "DEM", `r.yaml:7:54: rules[0].when.line.value_above.currency: invalid value: "DEM" is not an ISO 4217 currency code in use`},
		{"price EUR", parsePrice, "EUR", ""},
		{"price XXX", parsePrice, "XXX", `p.yaml:2:42: prices[0].currency: invalid value: "XXX" is not an ISO 4217 currency code in use`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if err := tt.parse(tt.cur); err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}
