package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
)

// TestInvalidCodes checks that a code with the form of a code but naming
// nothing makes an ordinary shipment review, with the field named, rather
// than clear: the decoder checks only the form.
func TestInvalidCodes(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(s *Shipment)
		fields []string // evidence of the invalid-input finding: "field: detail"
	}{
		{"valid", func(s *Shipment) {}, nil},
		{"destination KO", func(s *Shipment) { s.Destination = "KO" }, []string{`destination: "KO" is not an assigned ISO 3166-1 country code`}},
		{"destination QQ", func(s *Shipment) { s.Destination = "QQ" }, []string{`destination: "QQ" is not an assigned ISO 3166-1 country code`}},
		{"destination XX", func(s *Shipment) { s.Destination = "XX" }, []string{`destination: "XX" is not an assigned ISO 3166-1 country code`}},
		{"origin EU", func(s *Shipment) { s.Origin = "EU" }, []string{`origin: "EU" is not an assigned ISO 3166-1 country code`}},
		{"party country", func(s *Shipment) { s.Parties[1].Country = "ZZ" }, []string{`parties[1].country: "ZZ" is not an assigned ISO 3166-1 country code`}},
		{"party company IMO", func(s *Shipment) { s.Parties[1].IMO = "5342884" }, []string{`parties[1].imo: invalid IMO number: "5342884" has check digit 4, want 3`}},
		{"vessel flag", func(s *Shipment) { s.Vessel = &Vessel{Name: "Asian Star", Flag: "SU", IMO: "9321483"} }, []string{`vessel.flag: "SU" is not an assigned ISO 3166-1 country code`}},
		{"vessel IMO check digit", func(s *Shipment) { s.Vessel = &Vessel{Name: "Asian Star", Flag: "PA", IMO: "9321484"} }, []string{`vessel.imo: invalid IMO number: "9321484" has check digit 4, want 3`}},
		{"vessel IMO with prefix", func(s *Shipment) { s.Vessel = &Vessel{Name: "Asian Star", Flag: "PA", IMO: "IMO 9321483"} }, nil},
		{"route country", func(s *Shipment) { s.Route = append(s.Route[:1], Stop{Country: "KO"}, s.Route[1]) }, []string{`route[1].country: "KO" is not an assigned ISO 3166-1 country code`}},
		{"route LOCODE country", func(s *Shipment) { s.Route = append(s.Route[:1], Stop{LOCODE: "XXABC"}, s.Route[1]) }, []string{`route[1].locode: "XX" is not an assigned ISO 3166-1 country code`}},
		{"currency XYZ", func(s *Shipment) { s.Lines[0].Currency = "XYZ" }, []string{`lines[0].currency: "XYZ" is not an ISO 4217 currency code in use`}},
		{"currency XXX", func(s *Shipment) { s.Lines[0].Currency = "XXX" }, []string{`lines[0].currency: "XXX" is not an ISO 4217 currency code in use`}},
		{"two fields", func(s *Shipment) { s.Destination, s.Lines[0].Currency = "XX", "DEM" }, []string{
			`destination: "XX" is not an assigned ISO 3166-1 country code`,
			`lines[0].currency: "DEM" is not an ISO 4217 currency code in use`,
		}},
	}
	e := testEngine(t, newFakeScreener(nil))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := exampleShipment(t, "rice-humanitarian.json")
			tt.edit(s)
			d := mustCheck(t, e, s)
			var got []string
			for _, f := range d.Findings {
				if f.Rule != "invalid-input" {
					continue
				}
				if f.Severity != Review {
					t.Errorf("invalid-input severity %s, want review", f.Severity)
				}
				for _, ev := range f.Evidence {
					if !strings.HasPrefix(ev.Detail, ev.Field+": ") {
						t.Errorf("evidence %q does not name its field %s first", ev.Detail, ev.Field)
					}
					got = append(got, ev.Detail)
				}
			}
			if diff := cmp.Diff(tt.fields, got); diff != "" {
				t.Errorf("invalid-input evidence (-want +got):\n%s", diff)
			}
			if tt.fields != nil && d.Verdict == VerdictClear {
				t.Errorf("verdict clear with invalid codes; findings %v", ruleIDs(d))
			}
			if tt.fields == nil && d.Verdict != VerdictClear {
				t.Errorf("verdict %s, want clear; findings %v", d.Verdict, ruleIDs(d))
			}
		})
	}
}

// TestInvalidHSCode checks that a declared code the nomenclature of its
// edition lacks is an invalid-input review naming the line's field, and
// that without a nomenclature of the edition the code is not judged.
func TestInvalidHSCode(t *testing.T) {
	var items []hs.Item
	for _, c := range []string{"10", "1006", "100630", "84", "8483", "848340"} {
		items = append(items, hs.Item{Code: hs.MustParse(c), Description: "d"})
	}
	hs2022, err := hs.NewTable(hs.HS2022, items)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(Config{Goods: testCatalogue(t), Parties: newFakeScreener(nil), Now: fixedNow, Nomenclatures: []hs.Nomenclature{hs2022}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, hs, date string
		want           []string
	}{
		{"exists", "1006.30", "2024-03-01", nil},
		{"a national code under an existing subheading", "1006.30.98", "2024-03-01", nil},
		{"no such heading", "8499.99", "2024-03-01", []string{"lines[0].hs: 8499.99 does not exist in HS2022, the edition in force on 2024-03-01"}},
		{"no such subheading", "1006.99", "2024-03-01", []string{"lines[0].hs: 1006.99 does not exist in HS2022, the edition in force on 2024-03-01"}},
		{"no nomenclature of the edition", "8499.99", "2016-03-01", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := exampleShipment(t, "rice-humanitarian.json")
			s.Lines[0].HS, s.Date = tt.hs, tt.date
			d := mustCheck(t, e, s)
			var got []string
			for _, f := range d.Findings {
				if f.Rule == "invalid-input" {
					for _, ev := range f.Evidence {
						got = append(got, ev.Detail)
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("invalid-input evidence (-want +got):\n%s", diff)
			}
		})
	}
}
