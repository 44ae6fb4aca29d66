package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/party"
)

// TestOrdinaryTrafficClears checks that a flag of convenience, or a
// free-zone consignee, with goods controlled for the DPRK but nothing that
// points to the DPRK, is no finding, while the documented route still is.
func TestOrdinaryTrafficClears(t *testing.T) {
	e := testEngine(t, newFakeScreener(map[string]party.Result{
		"KOREA RYONBONG GENERAL CORPORATION": {Verdict: party.Review, Hits: []party.Hit{{List: "fake", Ref: "E1", Name: "KOREA RYONBONG GENERAL CORPORATION", Score: 0.8}}},
	}))
	tests := []struct {
		name string
		s    Shipment
		want []string
	}{
		{"cars Bremerhaven to Baltimore, Panama flag", Shipment{ID: "cars", Date: "2024-05-02",
			Parties: []Party{{Role: Exporter, Name: "Suedwest Automobil Export GmbH", Country: "DE"}, {Role: Consignee, Name: "Chesapeake Auto Imports LLC", Country: "US"}},
			Vessel:  &Vessel{Name: "Atlantic Carrier", IMO: "9321483", Flag: "PA"},
			Route:   []Stop{{LOCODE: "DEBRV"}, {LOCODE: "USBAL"}}, Destination: "US",
			Lines: []Line{{Description: "new passenger cars, petrol engine 1,998 cc", HS: "8703.23", Quantity: 120, Unit: "item", Value: 4000000, Currency: "USD"}}}, nil},
		{"laptops Hamburg to New York, Marshall Islands flag", Shipment{ID: "laptops", Date: "2024-02-12",
			Parties: []Party{{Role: Exporter, Name: "Hanseatic Computer Distribution GmbH", Country: "DE"}, {Role: Consignee, Name: "Hudson Electronics Retail Inc.", Country: "US"}},
			Vessel:  &Vessel{Name: "Northern Horizon", IMO: "9074729", Flag: "MH"},
			Route:   []Stop{{LOCODE: "DEHAM"}, {LOCODE: "USNYC"}}, Destination: "US",
			Lines: []Line{{Description: "laptop computers, 14 inch", HS: "8471.30", Quantity: 2000, Unit: "item", Value: 1800000, Currency: "USD"}}}, nil},
		{"refrigerators to a Jebel Ali free-zone company", Shipment{ID: "fridges", Date: "2024-07-01",
			Parties: []Party{{Role: Exporter, Name: "Hanbit Electronics Co., Ltd.", Country: "KR"}, {Role: Consignee, Name: "Al Noor Appliances FZE", Country: "AE"}},
			Route:   []Stop{{LOCODE: "KRPUS"}, {LOCODE: "AEJEA"}}, Destination: "AE",
			Lines: []Line{{Description: "combined refrigerator-freezers", HS: "8418.10", Quantity: 400, Unit: "item", Value: 160000, Currency: "USD"}}}, nil},
		{"the same cars through Dalian to Nakhodka, Togo flag", Shipment{ID: "cars-dalian", Date: "2024-05-02",
			Parties: []Party{{Role: Exporter, Name: "Suedwest Automobil Export GmbH", Country: "DE"}, {Role: Consignee, Name: "Primorye Cargo Services LLC", Country: "RU"}},
			Vessel:  &Vessel{Name: "Atlantic Carrier", IMO: "9321483", Flag: "TG"},
			Route:   []Stop{{LOCODE: "DEBRV"}, {LOCODE: "CNDLC"}, {LOCODE: "KRPUS"}, {LOCODE: "RUNJK"}}, Destination: "RU",
			Lines: []Line{{Description: "new passenger cars, petrol engine 1,998 cc", HS: "8703.23", Quantity: 120, Unit: "item", Value: 4000000, Currency: "USD"}}},
			[]string{"review dprk-transshipment-route", "review evasion-flag-controlled-goods"}},
		{"a Panama flag and a party screening could not clear", Shipment{ID: "cars-review", Date: "2024-05-02",
			Parties: []Party{{Role: Exporter, Name: "Suedwest Automobil Export GmbH", Country: "DE"}, {Role: Consignee, Name: "KOREA RYONBONG GENERAL CORPORATION", Country: "US"}},
			Vessel:  &Vessel{Name: "Atlantic Carrier", IMO: "9321483", Flag: "PA"},
			Route:   []Stop{{LOCODE: "DEBRV"}, {LOCODE: "USBAL"}}, Destination: "US",
			Lines: []Line{{Description: "new passenger cars, petrol engine 1,998 cc", HS: "8703.23", Quantity: 120, Unit: "item", Value: 4000000, Currency: "USD"}}},
			[]string{"review possible-designated-party", "review evasion-flag-controlled-goods"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustCheck(t, e, &tt.s)
			if diff := cmp.Diff(tt.want, ruleIDs(d)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
