package lists

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/testenv"
)

// testPresumptions are floors of round amounts, so that the judgements
// below test the arithmetic, not the embedded file's values.
const testPresumptions = `edition: HS2022
exclude_entries:
  - {entry: e-any-garments, reason: controlled whatever the price}
presumptions:
  - id: t-garments
    category: Garments
    floor: {amount: 300, currency: EUR, per: item}
    codes: ["61", "62"]
    basis: analogue
    citation: Regulation (EU) No 833/2014, Annex XVIII
    confidence: secondary-source
    as_of: 2026-12-03
    rationale: test
  - id: t-footwear
    category: Footwear
    floor: {amount: 300, currency: EUR, per: pair}
    codes: ["64"]
    basis: analogue
    citation: Regulation (EU) No 833/2014, Annex XVIII
    confidence: secondary-source
    as_of: 2026-12-03
    rationale: test
  - id: t-cars
    category: Cars
    floor: {amount: 50000, currency: EUR, per: item}
    codes: ["8703"]
    except: ["870310"]
    basis: analogue
    citation: Regulation (EU) No 833/2014, Annex XVIII
    confidence: secondary-source
    as_of: 2026-12-03
    rationale: test
  - id: t-rugs
    category: Carpets
    floor: {amount: 300, currency: EUR, per: item}
    codes: ["5702"]
    basis: analogue
    citation: Regulation (EU) No 833/2014, Annex XVIII
    confidence: secondary-source
    as_of: 2026-12-03
    rationale: test
`

// TestJudgePresumption pins when a price floor rules out a luxury entry
// of "ex" scope, and when it leaves the judgement to the description.
func TestJudgePresumption(t *testing.T) {
	garments := &Entry{ID: "e-garments", Category: "High-quality garments", Keywords: []string{"designer", "haute couture"},
		Codes: []Pattern{{Code: hs.MustParse("61"), Ex: true}, {Code: hs.MustParse("62"), Ex: true}, {Code: hs.MustParse("64"), Ex: true}}}
	cars := &Entry{ID: "e-cars", Category: "Luxury automobiles", Keywords: []string{"luxury"},
		Codes: []Pattern{{Code: hs.MustParse("8703"), Ex: true}}}
	rugs := &Entry{ID: "e-rugs", Category: "Rugs valued greater than $500", Codes: []Pattern{{Code: hs.MustParse("5702"), Ex: true}},
		Threshold: &Threshold{Amount: 500, Currency: "USD", Per: Item, PerQuantity: 1}}
	jewels := &Entry{ID: "e-jewels", Category: "Jewellery", Keywords: []string{"gold"}, Codes: []Pattern{{Code: hs.MustParse("7113"), Ex: true}}}
	fullCars := &Entry{ID: "e-full-cars", Category: "Automobiles", Codes: []Pattern{{Code: hs.MustParse("8703")}}}
	snow := &Entry{ID: "e-snow", Category: "Snowmobiles", Codes: []Pattern{{Code: hs.MustParse("870310"), Ex: true}}}
	anyGarments := &Entry{ID: "e-any-garments", Category: "Garments (regardless of their material)", Codes: []Pattern{{Code: hs.MustParse("61"), Ex: true}}}
	from := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	lux := &List{ID: "lux", Jurisdiction: "EU", Kind: Luxury, Direction: ExportTo, InForce: Period{From: from},
		Entries: []*Entry{garments, cars, rugs, jewels, fullCars, snow, anyGarments}}
	sectoralGarments := &Entry{ID: "e-sec", Category: "Textiles", Codes: []Pattern{{Code: hs.MustParse("61"), Ex: true}}}
	sec := &List{ID: "sec", Jurisdiction: "UN", Kind: Sectoral, Direction: ImportFrom, InForce: Period{From: from}, Entries: []*Entry{sectoralGarments}}
	ps, err := ParsePresumptions("p.yaml", []byte(testPresumptions))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := New(lux, sec)
	if err != nil {
		t.Fatal(err)
	}
	cat = cat.WithPresumptions(ps)
	rates := &Rates{Base: "USD", PerUnit: map[string]float64{"EUR": 1.10, "JPY": 0.0067}}
	usd := func(v float64) Money { return Money{v, "USD"} }
	tshirt, bag, shoe, car, rug, ring := hs.MustParse("610910"), hs.MustParse("6211"), hs.MustParse("640399"), hs.MustParse("870323"), hs.MustParse("570231"), hs.MustParse("711319")
	tests := []struct {
		name    string
		l       *List
		e       *Entry
		code    hs.Code
		f       Facts
		want    Applicability
		presume string // the presumption that ruled the entry out
		why     string // a part of the Why
	}{
		{"t-shirts converted per unit", lux, garments, tshirt, Facts{Description: "cotton t-shirts", Value: usd(7440), Quantity: 2400, Unit: "pcs"},
			DoesNotApply, "t-garments", "unit value 3.10 USD (2.82 EUR) per item is below the 300.00 EUR per item of presumption t-garments (analogue: Regulation (EU) No 833/2014, Annex XVIII)"},
		{"same currency", lux, garments, tshirt, Facts{Description: "wool coat", Value: Money{299, "EUR"}, Quantity: 1, Unit: "pcs"},
			DoesNotApply, "t-garments", "unit value 299.00 EUR per item is below"},
		{"bare count is items", lux, garments, tshirt, Facts{Description: "shirts", Value: usd(100), Quantity: 10},
			DoesNotApply, "t-garments", "10.00 USD (9.09 EUR) per item"},
		{"at the floor is not below", lux, garments, tshirt, Facts{Description: "wool coat", Value: Money{300, "EUR"}, Quantity: 1, Unit: "pcs"},
			CannotTell, "", "is not below the 300.00 EUR per item of presumption t-garments"},
		{"above the floor", lux, garments, bag, Facts{Description: "silk evening gown", Value: usd(4500), Quantity: 1, Unit: "pcs"},
			CannotTell, "", "only the description can tell"},
		{"keyword applies", lux, garments, tshirt, Facts{Description: "designer t-shirt", Value: usd(20), Quantity: 1, Unit: "pcs"},
			Applies, "", "description matches the category (designer)"},
		{"no quantity", lux, garments, tshirt, Facts{Description: "polyester shirts", Value: usd(8)},
			CannotTell, "", "cannot be used: no quantity in item"},
		{"quantity in another unit", lux, garments, shoe, Facts{Description: "leather shoes", Value: usd(80), Quantity: 4, Unit: "pcs"},
			CannotTell, "", "cannot be used: quantity is in pcs, the floor is per pair"},
		{"pairs", lux, garments, shoe, Facts{Description: "leather shoes", Value: usd(80), Quantity: 4, Unit: "prs"},
			DoesNotApply, "t-footwear", "20.00 USD (18.18 EUR) per pair"},
		{"no value", lux, garments, tshirt, Facts{Description: "cotton t-shirts", Quantity: 2400, Unit: "pcs"},
			CannotTell, "", "the description does not say it is one"},
		{"no currency", lux, garments, tshirt, Facts{Description: "cotton t-shirts", Value: Money{Amount: 7440}, Quantity: 2400},
			CannotTell, "", "cannot be used: the value has no currency"},
		{"unknown currency", lux, garments, tshirt, Facts{Description: "cotton t-shirts", Value: Money{7440, "XYZ"}, Quantity: 2400},
			CannotTell, "", "cannot be used: no rate for XYZ"},
		{"malformed currency", lux, garments, tshirt, Facts{Description: "cotton t-shirts", Value: Money{7440, "dollars"}, Quantity: 2400},
			CannotTell, "", "cannot be used: \"dollars\" is not an ISO 4217"},
		{"no rate", lux, garments, tshirt, Facts{Description: "cotton t-shirts", Value: Money{7440, "CNY"}, Quantity: 2400},
			CannotTell, "", "cannot be used: no rate for CNY"},
		{"car per vehicle", lux, cars, car, Facts{Description: "Toyota Corolla 1.6 2019", Value: usd(29000), Quantity: 2, Unit: "units"},
			DoesNotApply, "t-cars", "14500.00 USD (13181.82 EUR) per item is below the 50000.00 EUR per item"},
		{"car above", lux, cars, car, Facts{Description: "Mercedes-Maybach S 680", Value: usd(180000), Quantity: 1, Unit: "units"},
			CannotTell, "", "is not below the 50000.00 EUR per item"},
		{"car keyword", lux, cars, car, Facts{Description: "luxury sedan", Value: usd(14500), Quantity: 1, Unit: "units"},
			Applies, "", "(luxury)"},
		{"tentative code within the floor", lux, garments, hs.MustParse("6109"), Facts{Description: "tops", Value: usd(31), Quantity: 10, Unit: "pcs", Tentative: true},
			DoesNotApply, "t-garments", "3.10 USD"},
		{"tentative keyword keeps the description's word", lux, garments, hs.MustParse("6109"), Facts{Description: "designer tops", Value: usd(31), Quantity: 10, Unit: "pcs", Tentative: true},
			CannotTell, "", "classified only to 6109"},
		{"own threshold kept", lux, rugs, rug, Facts{Description: "wool rug", Value: usd(400), Quantity: 1, Unit: "pcs"},
			DoesNotApply, "", "unit value 400.00 USD per item is within 500.00 USD"},
		{"own threshold above, floor not used", lux, rugs, rug, Facts{Description: "wool rug", Value: usd(450), Quantity: 1, Unit: "pcs"},
			DoesNotApply, "", "within 500.00 USD"},
		{"code outside the presumptions", lux, jewels, ring, Facts{Description: "silver ring", Value: usd(5), Quantity: 1, Unit: "pcs"},
			CannotTell, "", "the description does not say it is one"},
		{"excluded entry", lux, anyGarments, tshirt, Facts{Description: "cotton t-shirts", Value: usd(7440), Quantity: 2400, Unit: "pcs"},
			CannotTell, "", "the description does not say it is one"},
		{"excepted code", lux, snow, hs.MustParse("870310"), Facts{Description: "snow scooter", Value: usd(9000), Quantity: 1, Unit: "units"},
			CannotTell, "", "the description does not say it is one"},
		{"heading of an excepted entry", lux, snow, hs.MustParse("8703"), Facts{Description: "snow scooter", Value: usd(9000), Quantity: 1, Unit: "units", Tentative: true},
			CannotTell, "", "classified only to 8703"},
		{"heading of cars", lux, cars, hs.MustParse("8703"), Facts{Description: "sedan", Value: usd(9000), Quantity: 1, Unit: "units", Tentative: true},
			DoesNotApply, "t-cars", "9000.00 USD"},
		{"full entry", lux, fullCars, car, Facts{Description: "Toyota Corolla", Value: usd(14500), Quantity: 1, Unit: "units"},
			Applies, "", "covered by 8703"},
		{"not a luxury list", sec, sectoralGarments, tshirt, Facts{Description: "cotton t-shirts", Value: usd(3), Quantity: 1, Unit: "pcs"},
			CannotTell, "", "the description does not say it is one"},
		{"not in force", lux, garments, tshirt, Facts{Description: "cotton t-shirts", Value: usd(3), Quantity: 1, Date: from.AddDate(0, 0, -1)},
			DoesNotApply, "", "not in force"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := cat.Lookup(tt.code, Options{Lists: []string{tt.l.ID}})
			var match *Match
			for i := range m {
				if m[i].Entry == tt.e {
					match = &m[i]
				}
			}
			if match == nil {
				t.Fatalf("lookup of %s does not find %s", tt.code, tt.e.ID)
			}
			j := cat.Judge(*match, tt.code, &tt.f, rates)
			if j.Applies != tt.want || !strings.Contains(j.Why, tt.why) {
				t.Errorf("got %s (%s), want %s with %q", j.Applies, j.Why, tt.want, tt.why)
			}
			if diff := cmp.Diff(tt.presume, j.Presumption); diff != "" {
				t.Errorf("presumption (-want +got):\n%s", diff)
			}
			if tt.presume == "" && j.Applies != CannotTell && strings.Contains(j.Why, "presumption") {
				t.Errorf("Why names a presumption that did not decide: %s", j.Why)
			}
		})
	}
	// The wire form names the presumption that decided.
	m0 := cat.Lookup(tshirt, Options{Lists: []string{"lux"}})
	m0 = slices.DeleteFunc(m0, func(m Match) bool { return m.Entry != garments })
	b, err := json.Marshal(cat.Judge(m0[0], tshirt, &Facts{Description: "cotton t-shirts", Value: usd(7440), Quantity: 2400, Unit: "pcs"}, rates))
	if err != nil || !strings.Contains(string(b), `"applies":"does not apply"`) || !strings.Contains(string(b), `"presumption":"t-garments"`) {
		t.Errorf("JSON = %s, %v; want the presumption named", b, err)
	}
	// Without presumptions the same t-shirts cannot be told.
	j := cat.WithPresumptions(nil).Judge(m0[0], tshirt, &Facts{Description: "cotton t-shirts", Value: usd(7440), Quantity: 2400, Unit: "pcs"}, rates)
	if j.Applies != CannotTell {
		t.Errorf("without presumptions: got %s (%s), want %s", j.Applies, j.Why, CannotTell)
	}
}

func TestPresumptionsFor(t *testing.T) {
	ps, err := ParsePresumptions("p.yaml", []byte(testPresumptions+`  - id: t-knit-shirts
    category: Knitted shirts
    floor: {amount: 100, currency: EUR, per: item}
    codes: ["6105"]
    basis: analogue
    citation: test
    confidence: recalled
    as_of: 2026-12-03
    rationale: test
`))
	if err != nil {
		t.Fatal(err)
	}
	id := func(code string) string {
		if p := ps.For(hs.MustParse(code)); p != nil {
			return p.ID
		}
		return ""
	}
	got := map[string]string{}
	for _, c := range []string{"61", "6105", "610510", "6109", "62", "6403", "8703", "87", "870323", "870310", "7113"} {
		got[c] = id(c)
	}
	want := map[string]string{"61": "t-garments", "6105": "t-knit-shirts", "610510": "t-knit-shirts", "6109": "t-garments", "62": "t-garments",
		"6403": "t-footwear", "8703": "t-cars", "87": "", "870323": "t-cars", "870310": "", "7113": ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("For (-want +got):\n%s", diff)
	}
	var none *Presumptions
	if none.For(hs.MustParse("61")) != nil || none.All() != nil {
		t.Error("nil presumptions hold a presumption")
	}
}

// TestParsePresumptionsErrors checks that every problem is reported with
// its file, line and field.
func TestParsePresumptionsErrors(t *testing.T) {
	good := "  - id: a\n    category: A\n    floor: {amount: 300, currency: EUR, per: item}\n    codes: [\"61\"]\n    basis: analogue\n    citation: c\n    confidence: recalled\n    as_of: 2026-12-03\n    rationale: r\n"
	head := "edition: HS2022\npresumptions:\n"
	tests := []struct {
		name, file string
		want       []string // error texts, in order
	}{
		{"good", head + good, nil},
		{"unknown field", head + good + "    colour: red\n", []string{`p.yaml:12:5: presumptions[0].colour: unknown field: "colour" is not allowed here`}},
		{"no floor", head + strings.Replace(good, "    floor: {amount: 300, currency: EUR, per: item}\n", "", 1),
			[]string{"p.yaml:3:5: presumptions[0].floor: required field missing: want {amount, currency, per}"}},
		{"bad floor", head + strings.Replace(good, "{amount: 300, currency: EUR, per: item}", "{amount: 0, currency: EURO, per: kilo}", 1),
			[]string{"p.yaml:5:21: presumptions[0].floor.amount: invalid value: amount must be positive",
				`p.yaml:5:34: presumptions[0].floor.currency: invalid value: currency "EURO": want an ISO 4217 code in use such as EUR`,
				`p.yaml:5:45: presumptions[0].floor.per: invalid value: per "kilo": want one of [item pair set kg litre]`}},
		{"bad code", head + strings.Replace(good, `["61"]`, `["61", "6x", "61"]`, 1),
			[]string{`p.yaml:6:19: presumptions[0].codes[1]: invalid value: code "6x": want an HS chapter, heading or subheading`,
				"p.yaml:6:25: presumptions[0].codes[2]: given twice: code 61 is given twice"}},
		{"bad basis and confidence", head + strings.Replace(strings.Replace(good, "analogue", "guess", 1), "recalled", "sure", 1),
			[]string{`p.yaml:7:12: presumptions[0].basis: invalid value: basis "guess": want analogue`,
				`p.yaml:9:17: presumptions[0].confidence: invalid value: confidence "sure": want primary-text, secondary-source or recalled`}},
		{"except outside codes", head + strings.Replace(good, `    codes: ["61"]`, `    codes: ["61"]`+"\n    except: [\"6201\", \"61\"]", 1),
			[]string{`p.yaml:7:14: presumptions[0].except[0]: invalid value: code "6201": want a code under one of the presumption's codes`,
				`p.yaml:7:22: presumptions[0].except[1]: invalid value: code "61": want a code under one of the presumption's codes`}},
		{"excluded twice", "edition: HS2022\nexclude_entries:\n  - {entry: x, reason: r}\n  - {entry: x}\npresumptions:\n" + good,
			[]string{"p.yaml:4:5: exclude_entries[1].reason: required field missing", `p.yaml:4:13: exclude_entries[1].entry: given twice: entry "x" is excluded twice`}},
		{"duplicate id", head + good + good, []string{`p.yaml:12:9: presumptions[1].id: given twice: id "a" repeats presumptions[0]`}},
		{"no edition", "presumptions:\n" + good, []string{"p.yaml:1:1: edition: required field missing"}},
		{"no presumptions", "edition: HS2022\n", []string{"p.yaml:1:1: presumptions: required field missing: want a list of presumptions"}},
		{"missing citation and date", head + strings.Replace(strings.Replace(good, "    citation: c\n", "", 1), "    as_of: 2026-12-03\n", "", 1),
			[]string{"p.yaml:3:5: presumptions[0].citation: required field missing", "p.yaml:3:5: presumptions[0].as_of: required field missing: a date (YYYY-MM-DD)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePresumptions("p.yaml", []byte(tt.file))
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if len(got) != len(tt.want) {
				t.Fatalf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("error %d = %q, want prefix %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestDefaultPresumptions checks the embedded file: it loads with the
// catalogue, cites its analogue and gives a rationale for every floor, and
// its codes exist in HS 2022 (with the shared nomenclature).
func TestDefaultPresumptions(t *testing.T) {
	cat, err := Default(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	ps := cat.Presumptions().All()
	if len(ps) == 0 {
		t.Fatal("the default catalogue has no presumptions")
	}
	for _, p := range ps {
		if p.Basis != Analogue || p.Citation == "" || p.Rationale == "" || p.URL == "" || p.Confidence == "" {
			t.Errorf("%s: basis %q, citation %q, rationale %q, url %q, confidence %q", p.ID, p.Basis, p.Citation, p.Rationale, p.URL, p.Confidence)
		}
	}
	if cat.Presumptions().Notes == "" {
		t.Error("the presumptions file records no research notes")
	}
	for _, id := range cat.Presumptions().ExcludedEntries() {
		found := false
		for _, l := range cat.Lists() {
			for _, e := range l.Entries {
				found = found || e.ID == id
			}
		}
		if why, _ := cat.Presumptions().Excluded(id); !found || why == "" {
			t.Errorf("excluded entry %q: in the catalogue %v, reason %q", id, found, why)
		}
	}
	n := newNomenclatureCache(sharedDataDir(t))
	for _, p := range ps {
		for _, c := range p.Codes {
			if msg := n.problem(t.Context(), Pattern{Code: c, Edition: p.Edition}); msg != "" {
				t.Errorf("%s: %s", p.ID, msg)
			}
		}
	}
}

// TestLoadPresumptionsOverlay checks that a data directory's presumptions
// file replaces the embedded one, and that its problems name the file.
func TestLoadPresumptionsOverlay(t *testing.T) {
	over := fstest.MapFS{PresumptionsFile: {Data: []byte(testPresumptions)}}
	cat, err := Load(t.Context(), datafile.Overlay(FS(), over))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range cat.Presumptions().All() {
		ids = append(ids, p.ID)
	}
	if diff := cmp.Diff([]string{"t-garments", "t-footwear", "t-cars", "t-rugs"}, ids); diff != "" {
		t.Errorf("presumptions (-want +got):\n%s", diff)
	}
	over[PresumptionsFile] = &fstest.MapFile{Data: []byte("edition: HS2022\npresumptions: {}\n")}
	_, err = Load(t.Context(), datafile.Overlay(FS(), over))
	if err == nil || !strings.Contains(err.Error(), PresumptionsFile+":2:15: presumptions: invalid value") {
		t.Errorf("error = %v, want one naming %s, line 2 and the field", err, PresumptionsFile)
	}
}

// FuzzParsePresumptions checks that no input makes the parser panic, and
// that what it accepts holds a usable floor for each presumption.
func FuzzParsePresumptions(f *testing.F) {
	f.Add(testenv.ReadFile(f, PresumptionsFile))
	f.Add([]byte(testPresumptions))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := ParsePresumptions("fuzz.yaml", data)
		if err != nil {
			return
		}
		for _, p := range ps.All() {
			if !(p.Floor.Amount > 0) || p.Floor.Currency == "" || len(p.Codes) == 0 {
				t.Errorf("%s: accepted without a floor or codes: %+v", p.ID, p)
			}
			for _, c := range p.Codes {
				if ps.For(c) == nil {
					t.Errorf("code %s of %s finds no presumption", c, p.ID)
				}
			}
		}
	})
}

// BenchmarkFinishPresumption measures completing a prejudged "ex" luxury
// entry with a line's value against its price floor, the common case of
// an ordinary invoice line in a batch.
func BenchmarkFinishPresumption(b *testing.B) {
	cat, err := Default(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	code := hs.MustParse("610910")
	ms := cat.Lookup(code, Options{Kinds: []Kind{Luxury}})
	ps := make([]Prejudged, len(ms))
	for i, m := range ms {
		ps[i] = cat.Prejudge(m, code, false)
	}
	rates := &Rates{Base: "USD", PerUnit: map[string]float64{"EUR": 1.08}}
	b.ReportAllocs()
	for b.Loop() {
		f := Facts{Description: "cotton t-shirts, men's, knitted", Value: Money{7440, "USD"}, Quantity: 2400, Unit: "pcs"}
		for i := range ps {
			cat.Finish(&ps[i], &f, rates)
		}
	}
}
