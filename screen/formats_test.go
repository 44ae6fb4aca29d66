package screen

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestLoadFormats loads one small authored file in each published format
// and checks what matters for screening: kinds, names by kind, identifiers,
// countries and the list version.
func TestLoadFormats(t *testing.T) {
	type summary struct {
		ID, Ref   string
		Kind      Kind
		Names     []Name
		IDs       []Identifier
		Countries []string
		// Nationalities and BirthPlaces are a person's; nil elsewhere.
		Nationalities, BirthPlaces []string
	}
	tests := []struct {
		file      string
		format    string
		published string
		want      []summary
	}{
		{"testdata/ofac_sdn_small.xml", FormatOFACXML, "02/27/2026", []summary{
			{"OFAC:201", "201", KindVessel, []Name{{Value: "SAMPLE STAR", Kind: NamePrimary}, {Value: "OLD STAR", Kind: NameFKA}},
				[]Identifier{{Type: IDShipIMO, Value: "7937317"}, {Type: IDMMSI, Value: "445123000"}, {Type: IDCallSign, Value: "HMAB1"}}, []string{"Korea, North"}, nil, nil},
			{"OFAC:202", "202", KindPerson, []Name{{Value: "KIM, Example", Kind: NamePrimary}, {Value: "BIG KIM", Kind: NameWeak}}, nil, []string{"Korea, North"},
				[]string{"Korea, North"}, []string{"Pyongyang, Korea, North"}},
		}},
		{"testdata/eu_small.xml", FormatEUXML, "2026-02-27T10:00:00.000+01:00", []summary{
			{"EU:9001", "EU.901.01", KindOrganisation, []Name{{Value: "EXAMPLE SEA SHIPPING COMPANY", Kind: NamePrimary}, {Value: "Example Sea Shpg Co Ltd", Kind: NameAKA}, {Value: "ESS", Kind: NameWeak}},
				[]Identifier{{Type: IDCompanyIMO, Value: "5342883"}}, []string{"NORTH KOREA"}, nil, nil},
			{"EU:9002", "9002", KindPerson, []Name{{Value: "Tong Gu PAK", Kind: NamePrimary}}, nil, []string{"NORTH KOREA"}, []string{"NORTH KOREA"}, []string{"Nampo, NORTH KOREA"}},
		}},
		{"testdata/uk_small.csv", FormatUKCSV, "27-Feb-2026", []summary{
			{"UK:DPR0901", "DPR0901", KindOrganisation, []Name{{Value: "EXAMPLE SEA SHIPPING COMPANY", Kind: NamePrimary}, {Value: "ESS", Kind: NameWeak}}, nil, []string{"North Korea"}, nil, nil},
			{"UK:DPR0902", "DPR0902", KindVessel, []Name{{Value: "SAMPLE STAR", Kind: NamePrimary}}, []Identifier{{Type: IDShipIMO, Value: "7937317"}}, nil, nil, nil},
			{"UK:DPR0903", "DPR0903", KindPerson, []Name{{Value: "Tong Gu PAK", Kind: NamePrimary}, {Value: "박동구", Kind: NameOriginalScript}}, nil, []string{"North Korea"}, []string{"North Korea"}, []string{"Nampo, North Korea"}},
		}},
		{"testdata/ftm_small.jsonl", FormatFtM, "", []summary{
			{"OpenSanctions:ex-komid", "KPe.901", KindOrganisation,
				[]Name{{Value: "EXAMPLE SEA SHIPPING COMPANY", Kind: NamePrimary}, {Value: "Example Sea Shpg Co Ltd", Kind: NameAKA}, {Value: "Old Example Trading", Kind: NameFKA}, {Value: "ESS", Kind: NameWeak}},
				[]Identifier{{Type: IDCompanyIMO, Value: "5342883"}}, []string{"kp"}, nil, nil},
			{"OpenSanctions:ex-vessel", "ex-vessel", KindVessel, []Name{{Value: "SAMPLE STAR", Kind: NamePrimary}}, []Identifier{{Type: IDShipIMO, Value: "7937317"}}, []string{"kp"}, nil, nil},
			{"OpenSanctions:ex-person", "ex-person", KindPerson, []Name{{Value: "PAK Tong Gu", Kind: NamePrimary}}, []Identifier{{Type: IDPassport, Value: "123456789"}}, []string{"cn", "kp"}, []string{"kp"}, []string{"Nampo"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			l := mustLoad(t, tt.file)
			var got []summary
			for _, e := range l.Entities {
				got = append(got, summary{e.ID, e.Ref, e.Kind, e.Names, e.Identifiers, e.Countries, e.Nationalities, e.BirthPlaces})
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("entities mismatch (-want +got):\n%s", diff)
			}
			if l.Version.Format != tt.format || l.Version.Published != tt.published || len(l.Version.SHA256) != 64 {
				t.Errorf("version = %+v", l.Version)
			}
		})
	}
}

// TestFormatsScreen loads every authored format at once and screens a
// vessel by IMO: each list that names it must hit.
func TestFormatsScreen(t *testing.T) {
	var lists []List
	for _, f := range []string{"testdata/un_small.xml", "testdata/ofac_small", "testdata/ofac_sdn_small.xml", "testdata/eu_small.xml", "testdata/uk_small.csv", "testdata/ftm_small.jsonl"} {
		l := mustLoad(t, f)
		if f == "testdata/ofac_sdn_small.xml" {
			// The CSV and XML test files share no ent_num, but a real
			// deployment loads one OFAC format, not both.
			for i := range l.Entities {
				l.Entities[i].ID = "OFACXML:" + l.Entities[i].Ref
			}
		}
		lists = append(lists, l)
	}
	s, err := NewScreener(lists...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Screen(context.Background(), Query{IMO: "7937317", Kind: KindVessel}.entity())
	if err != nil {
		t.Fatal(err)
	}
	// The four entries share the ship's IMO number: one party, one hit
	// with four references.
	if len(res.Hits) != 1 {
		t.Fatalf("%d hits, want 1: %+v", len(res.Hits), res.Hits)
	}
	var got []string
	for _, r := range res.Hits[0].References {
		got = append(got, r.Entity+" "+r.SameAs)
	}
	want := []string{"OFAC:102 ", "OFACXML:201 ship IMO 7937317", "OpenSanctions:ex-vessel ship IMO 7937317", "UK:DPR0902 ship IMO 7937317"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IMO hit references (-want +got):\n%s", diff)
	}
	if len(res.ListVersions) != 6 {
		t.Errorf("%d list versions, want 6", len(res.ListVersions))
	}
}
