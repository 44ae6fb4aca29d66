package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/classify"
)

func TestUSDPerUnit(t *testing.T) {
	eurBase, err := ParseRates("eur.yaml", []byte("base: EUR\nsource: test\nrates: {USD: 0.9, CHF: 1.05}\n"))
	if err != nil {
		t.Fatal(err)
	}
	noUSD, err := ParseRates("chf.yaml", []byte("base: EUR\nsource: test\nrates: {CHF: 1.05}\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		rates *Rates
		want  classify.Rates
	}{
		{"nil", nil, nil},
		{"EUR base", eurBase, classify.Rates{"EUR": 1 / 0.9, "USD": 1, "CHF": 1.05 / 0.9}},
		// Without a USD rate nothing can be expressed in dollars.
		{"no USD", noUSD, classify.Rates{}},
	}
	for _, tt := range tests {
		got := tt.rates.USDPerUnit()
		if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 })); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}
