package lists

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
)

func TestJudgeThreshold(t *testing.T) {
	th := &Threshold{Amount: 500, Currency: "USD", Per: Item, PerQuantity: 1}
	kg := &Threshold{Amount: 100, Currency: "EUR", Per: Kg, PerQuantity: 1.5}
	krw := &Threshold{Amount: 300000, Currency: "KRW", Per: Item, PerQuantity: 1}
	rates := &Rates{Base: "USD", PerUnit: map[string]float64{"EUR": 1.10, "KRW": 0.00075}}
	usd := func(v float64) Money { return Money{v, "USD"} }
	tests := []struct {
		name string
		th   *Threshold
		f    Facts
		want Applicability
	}{
		{"above", th, Facts{Value: usd(1200), Quantity: 2, Unit: "pcs"}, Applies},
		{"within", th, Facts{Value: usd(900), Quantity: 2, Unit: "pcs"}, DoesNotApply},
		{"converted", th, Facts{Value: Money{1000, "EUR"}, Quantity: 2, Unit: "pcs"}, Applies},
		{"no value", th, Facts{Quantity: 2, Unit: "pcs"}, CannotTell},
		{"no currency", th, Facts{Value: Money{Amount: 900}, Quantity: 2}, CannotTell},
		{"unknown currency", th, Facts{Value: Money{900, "XYZ"}, Quantity: 2, Unit: "pcs"}, CannotTell},
		{"bad currency", th, Facts{Value: Money{900, "dollars"}, Quantity: 2, Unit: "pcs"}, CannotTell},
		{"no quantity but whole line within", th, Facts{Value: usd(400)}, DoesNotApply},
		{"no quantity above", th, Facts{Value: usd(4000)}, CannotTell},
		{"bare count", th, Facts{Value: usd(4000), Quantity: 4}, Applies},
		{"per 1.5 kg", kg, Facts{Value: Money{300, "EUR"}, Quantity: 3, Unit: "kg"}, Applies},
		{"grams converted", kg, Facts{Value: Money{30, "EUR"}, Quantity: 3000, Unit: "g"}, DoesNotApply},
		{"unit mismatch", kg, Facts{Value: Money{300, "EUR"}, Quantity: 3, Unit: "pcs"}, CannotTell},
		// Ten bottles of whisky: bottles are counted like pieces.
		{"whisky btl within", krw, Facts{Value: usd(2000), Quantity: 10, Unit: "btl"}, DoesNotApply},
		{"whisky pcs within", krw, Facts{Value: usd(2000), Quantity: 10, Unit: "pcs"}, DoesNotApply},
		{"whisky btl above", krw, Facts{Value: usd(5000), Quantity: 10, Unit: "btl"}, Applies},
		{"whisky bottles above", krw, Facts{Value: usd(5000), Quantity: 10, Unit: "Bottles"}, Applies},
		{"horses by the head", th, Facts{Value: usd(5000), Quantity: 2, Unit: "heads"}, Applies},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := judgeThreshold(tt.th, &tt.f, rates)
			if got != tt.want {
				t.Errorf("got %s (%s), want %s", got, why, tt.want)
			}
			if why == "" {
				t.Error("no reason given")
			}
		})
	}
}

func TestParseUnit(t *testing.T) {
	for in, want := range map[string]Unit{"pcs": Item, "BTL": Item, "bottles": Item, "heads": Animal, "KGM": Kg, "g.": Gram, "ltr": Litre, "ct": Carat, "prs": Pair, "sets": Set, "sqm": M2} {
		if got, ok := ParseUnit(in); !ok || got != want {
			t.Errorf("ParseUnit(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if u, ok := ParseUnit("crates"); ok {
		t.Errorf("ParseUnit(crates) = %q, want unknown", u)
	}
}

func TestJudgeScope(t *testing.T) {
	ex := &Entry{ID: "e-wines", Category: "wines and spirits", Keywords: []string{"whisky", "eau de toilette", "watch"},
		Codes: []Pattern{{Code: hs.MustParse("2208"), Ex: true}}}
	full := &Entry{ID: "e-watches", Category: "watches", Codes: []Pattern{{Code: hs.MustParse("9101")}}}
	until := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	l := &List{ID: "l", Jurisdiction: "EU", Kind: Luxury, Direction: ExportTo, InForce: Period{From: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), Until: &until}, Entries: []*Entry{ex, full}}
	cat, err := New(l)
	if err != nil {
		t.Fatal(err)
	}
	spirits, watch := hs.MustParse("220830"), hs.MustParse("910121")
	tests := []struct {
		name string
		code hs.Code
		e    *Entry
		cov  Coverage
		f    Facts
		want Applicability
	}{
		{"ex named", spirits, ex, Ex, Facts{Description: "Scotch Whisky 12y"}, Applies},
		{"ex named in plural", spirits, ex, Ex, Facts{Description: "two watches"}, Applies},
		{"ex phrase", spirits, ex, Ex, Facts{Description: "Eau de Toilette 50ml"}, Applies},
		{"ex not named", spirits, ex, Ex, Facts{Description: "grain spirit"}, CannotTell},
		{"ex tentative", spirits, ex, Ex, Facts{Description: "whisky", Tentative: true}, CannotTell},
		{"full", watch, full, Full, Facts{}, Applies},
		{"full out of force", watch, full, Full, Facts{Date: until}, DoesNotApply},
		{"full in force", watch, full, Full, Facts{Date: until.AddDate(0, 0, -1)}, Applies},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := cat.Judge(Match{List: l, Entry: tt.e, Pattern: tt.e.Codes[0], Coverage: tt.cov}, tt.code, &tt.f, nil)
			if j.Applies != tt.want || j.Why == "" {
				t.Errorf("got %s (%s), want %s", j.Applies, j.Why, tt.want)
			}
		})
	}
}

func TestParseRates(t *testing.T) {
	r, err := ParseRates("r.yaml", []byte("base: usd\nsource: test\nrates: {eur: 1.08, KRW: 0.00075}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Set("CHF=1.1"); err != nil {
		t.Fatal(err)
	}
	want := &Rates{Base: "USD", Source: "test", PerUnit: map[string]float64{"EUR": 1.08, "KRW": 0.00075, "CHF": 1.1}}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("rates (-want +got):\n%s", diff)
	}
	v, err := r.Convert(108, "EUR", "CHF")
	if err != nil || v < 106.03 || v > 106.04 {
		t.Errorf("Convert(108 EUR to CHF) = %v, %v; want 106.04", v, err)
	}
	if _, err := r.Convert(1, "JPY", "USD"); err == nil || !strings.Contains(err.Error(), "no rate for JPY") {
		t.Errorf("Convert(JPY) error = %v, want no rate for JPY", err)
	}
	for _, bad := range []string{"base: US\nsource: x\nrates: {}\n", "base: USD\nsource: x\nrates: {EUR: -1}\n", "base: USD\nrates: {}\n", "base: USD\nsource: x\nrates: {}\nextra: 1\n", "base: [\n"} {
		if _, err := ParseRates("bad.yaml", []byte(bad)); err == nil {
			t.Errorf("ParseRates(%q): no error", bad)
		}
	}
}

// TestRatesCurrencies checks that rates are refused for codes of the right
// form that ISO 4217 does not list as in use: a rate for them could never
// convert a line's value.
func TestRatesCurrencies(t *testing.T) {
	tests := []struct {
		name, file string
		want       string // "" for no error
	}{
		{"in use", "base: USD\nsource: x\nrates: {EUR: 1.08, VES: 0.03}\n", ""},
		{"unknown base", "base: ABC\nsource: x\nrates: {EUR: 1.08}\n", `r.yaml:1:7: base: invalid value: "ABC" is not an ISO 4217 currency code in use`},
		{"unknown rate", "base: USD\nsource: x\nrates: {XYZ: 2}\n", `r.yaml:3:9: rates.XYZ: invalid value: "XYZ=2": XYZ is not an ISO 4217 currency code in use`},
		{"withdrawn rate", "base: USD\nsource: x\nrates: {DEM: 0.5}\n", `r.yaml:3:9: rates.DEM: invalid value: "DEM=0.5": DEM is not an ISO 4217 currency code in use`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRates("r.yaml", []byte(tt.file))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
	if err := NewRates("USD").Set("XTS=1"); err == nil {
		t.Error(`Set("XTS=1"): no error for the testing code`)
	}
}

// FuzzRatesSet checks the --rate parser.
func FuzzRatesSet(f *testing.F) {
	for _, s := range []string{"EUR=1.08", "krw=0.00075", "=1", "EUR=", "EUR=-1", "EURO=1", "EUR=NaN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := NewRates("USD")
		if err := r.Set(s); err == nil {
			for cur, v := range r.PerUnit {
				if len(cur) != 3 || !(v > 0) {
					t.Errorf("Set(%q) = %q, %v without error", s, cur, v)
				}
			}
		}
	})
}

func TestMembershipLookup(t *testing.T) {
	cat, err := Default(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	juris := func(date string) []string {
		d, _ := time.Parse(dateLayout, date)
		var out []string
		for _, m := range cat.Lookup(hs.MustParse("9101.21"), Options{Date: d, Jurisdictions: []string{"GB"}}) {
			if len(out) == 0 || out[len(out)-1] != m.List.Jurisdiction {
				out = append(out, m.List.Jurisdiction)
			}
		}
		return out
	}
	if diff := cmp.Diff([]string{"EU"}, juris("2019-06-01")); diff != "" {
		t.Errorf("GB in 2019 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"GB"}, juris("2021-06-01")); diff != "" {
		t.Errorf("GB in 2021 (-want +got):\n%s", diff)
	}
}
