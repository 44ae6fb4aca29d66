package server

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// factsConfig serves the authored UN, OFAC and FtM files, on which the
// person PAK TONG-GU is designated by the UN and OpenSanctions with one
// passport, and the vessel SAMPLE STAR by OFAC and OpenSanctions with one
// IMO number.
func factsConfig(t *testing.T) Config {
	t.Helper()
	var ls []screen.List
	for _, f := range []string{"un_small.xml", "ofac_small", "ftm_small.jsonl"} {
		l, err := screen.Load(context.Background(), "../screen/testdata/"+f)
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
	}
	return testConfig(t, nil, ls...)
}

// TestScreenHitFacts checks /v1/screen carries the listed party's facts and
// every reference of a party designated on two lists.
func TestScreenHitFacts(t *testing.T) {
	_, base := startServer(t, factsConfig(t))
	st, _, b := call(t, "POST", base+"/v1/screen", "application/json", strings.NewReader(`{"id": "1", "name": "Pak Tong Gu", "kind": "person"}`))
	if st != 200 {
		t.Fatalf("status %d: %s", st, b)
	}
	res := decode[ScreenResult](t, b)
	if len(res.Hits) != 1 {
		t.Fatalf("%d hits, want 1: %s", len(res.Hits), b)
	}
	h := res.Hits[0]
	var refs []string
	for _, r := range h.References {
		refs = append(refs, r.Entity+" "+r.SameAs)
	}
	if diff := cmp.Diff([]string{"OpenSanctions:ex-person ", "UN:KPi.901 passport 123456789"}, refs); diff != "" {
		t.Errorf("references (-want +got):\n%s", diff)
	}
	if h.Kind != party.KindPerson || h.MatchedKind != party.NamePrimary {
		t.Errorf("kind %q, matched kind %q", h.Kind, h.MatchedKind)
	}
	if diff := cmp.Diff([]string{"1961-05-02"}, h.Listed.BirthDates); diff != "" {
		t.Errorf("birth dates (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"kp", "Democratic People's Republic of Korea"}, h.Listed.Nationalities); diff != "" {
		t.Errorf("nationalities (-want +got):\n%s", diff)
	}
}

// TestMatchFacts checks /match writes the facts under FollowTheMoney
// property names, the other lists' entries as referents, and keeps a
// merged hit when the dataset filter names only one of its lists.
func TestMatchFacts(t *testing.T) {
	_, base := startServer(t, factsConfig(t))
	body := `{"queries": {
		"ship": {"schema": "Vessel", "properties": {"imoNumber": ["7937317"]}},
		"person": {"schema": "Person", "properties": {"name": ["Pak Tong Gu"]}}
	}}`
	st, _, b := call(t, "POST", base+"/match/default?include_dataset=us_ofac_sdn&include_dataset=un_sc_sanctions", "application/json", strings.NewReader(body))
	if st != 200 {
		t.Fatalf("status %d: %s", st, b)
	}
	resp := decode[MatchResponse](t, b)
	ship, person := resp.Responses["ship"].Results, resp.Responses["person"].Results
	if len(ship) != 1 || len(person) != 1 {
		t.Fatalf("%d ship and %d person results, want 1 each: %s", len(ship), len(person), b)
	}
	type brief struct {
		ID         string
		Datasets   []string
		Referents  []string
		Properties map[string][]string
		FirstSeen  string
	}
	got := map[string]brief{}
	for k, r := range map[string]MatchResult{"ship": ship[0], "person": person[0]} {
		fs := ""
		if r.FirstSeen != nil {
			fs = r.FirstSeen.Format("2006-01-02")
		}
		got[k] = brief{r.ID, r.Datasets, r.Referents, r.Properties, fs}
	}
	want := map[string]brief{
		"ship": {"OFAC:102", []string{"us_ofac_sdn", "opensanctions"}, []string{"OpenSanctions:ex-vessel"}, map[string][]string{
			"name": {"SAMPLE STAR"}, "previousName": {"OLD STAR"}, "country": {"Korea, North", "kp"},
			"callSign": {"HMAB1"}, "imoNumber": {"7937317"}, "program": {"DPRK2", "NPWMD"},
			"notes": {"Vessel Registration Identification IMO 7937317."}, "type": {"General Cargo"}, "flag": {"Korea, North"},
			"topics": {"sanction"},
		}, ""},
		// The OpenSanctions entry leads (equal scores, first by ID); the
		// hit stays because its UN entry is in an included dataset.
		"person": {"OpenSanctions:ex-person", []string{"opensanctions", "un_sc_sanctions"}, []string{"UN:KPi.901"}, map[string][]string{
			"name": {"PAK Tong Gu", "PAK TONG-GU"}, "weakAlias": {"Mr Pak"}, "alias": {"박동구"},
			"birthDate": {"1961-05-02"}, "birthPlace": {"Nampo", "Nampo, South Phyongan Province, Democratic People's Republic of Korea"},
			"nationality": {"kp", "Democratic People's Republic of Korea"}, "gender": {"male"},
			"position": {"Director of Example Sea Shipping Company"}, "country": {"cn", "kp", "Democratic People's Republic of Korea"},
			"passportNumber": {"123456789", "990000111"}, "program": {"DPRK"}, "createdAt": {"2020-01-01"}, "topics": {"sanction"},
		}, "2020-01-01"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
}
