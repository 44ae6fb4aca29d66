package screen

import (
	"context"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/party"
)

// TestKoreanWords checks the syllable grammar of the embedded weights
// file: list spellings in the three romanisations are plausibly Korean,
// English words are not.
func TestKoreanWords(t *testing.T) {
	w, err := DefaultWeights()
	if err != nil {
		t.Fatal(err)
	}
	k := w.Features.Romanisation.korean
	words := map[string]bool{
		"siam": true, "ryonbong": true, "ryongbong": true, "choson": true, "chosun": true, "joseon": true,
		"daedong": true, "taedong": true, "phyongyang": true, "amnokkang": true, "amroggang": true, "chollima": true,
		"kumsan": true, "kumryong": true, "lee": true, "park": true, "choe": true, "young": true,
		"rice": false, "nice": false, "electric": false, "shipping": false, "trading": false, "exporters": false,
		"international": false, "company": false, "bank": false, "development": false,
	}
	got := make(map[string]bool, len(words))
	for word := range words {
		got[word] = k.Plausible(word)
	}
	if diff := cmp.Diff(words, got); diff != "" {
		t.Errorf("Plausible (-want +got):\n%s", diff)
	}
}

// ruleList is a small list of persons and companies for the rule tests:
// two namesakes with different birth years, and two companies sharing
// their common words.
func ruleList() List {
	person := func(ref, name, dob, country string, ids ...Identifier) Entity {
		return Entity{ID: "t:" + ref, Source: "t", Ref: ref, Kind: KindPerson, Names: []Name{{Value: name, Kind: NamePrimary}},
			DatesOfBirth: []string{dob}, Countries: []string{country}, Identifiers: ids}
	}
	org := func(ref, name string) Entity {
		return Entity{ID: "t:" + ref, Source: "t", Ref: ref, Kind: KindOrganisation, Names: []Name{{Value: name, Kind: NamePrimary}}}
	}
	return List{Version: ListVersion{Source: "t", SHA256: "00"}, Entities: []Entity{
		person("1", "KIM CHOL", "1961-05-02", "North Korea", Identifier{Type: IDPassport, Value: "PD-123456"}),
		person("2", "RYANG SOK PAEK", "1970", "North Korea"),
		person("3", "HOLGER FRIEDRICH BRANDSTETTER", "1955", "Germany"),
		person("7", "ANNA MAYRHOFER", "1950", "Austria"),
		org("4", "KOREA KUMRYONG TRADING COMPANY"),
		org("5", "SIAM NICE COMPANY LTD."),
		org("6", "KOREA TAESONG TRADING COMPANY"),
		org("8", "KOREA GENERAL TRADING CORPORATION"),
		{ID: "t:11", Source: "t", Ref: "11", Kind: KindOrganisation, Names: []Name{{Value: "HANA BANKING CORPORATION LTD", Kind: NamePrimary}}, Countries: []string{"North Korea"}},
		{ID: "t:12", Source: "t", Ref: "12", Kind: KindOrganisation, Names: []Name{{Value: "PUKSAN RYONHAP MACHINERY TRADING CORPORATION", Kind: NamePrimary}}, Countries: []string{"North Korea"}},
		org("9", "AMROGGANG PUKSAN TRADING"),
		{ID: "t:10", Source: "t", Ref: "10", Kind: KindVessel, Names: []Name{{Value: "AMROGGANG PUKSAN", Kind: NamePrimary}}},
		{ID: "t:13", Source: "t", Ref: "13", Kind: KindOrganisation, Names: []Name{{Value: "ISLAMIC STATE IN NAJD", Kind: NamePrimary}, {Value: "NAJD PROVINCE", Kind: NameWeak}}},
	}}
}

// TestCorroborationRules screens parties against ruleList: the verdict,
// the top hit and the rule features it carries.
func TestCorroborationRules(t *testing.T) {
	s, err := NewScreener(ruleList())
	if err != nil {
		t.Fatal(err)
	}
	type top struct {
		Ref   string
		Rules []string
	}
	person := func(name, dob, country string, ids ...party.Identifier) party.Entity {
		e := party.New(name, KindPerson, country, "", dob)
		e.Identifiers = ids
		return e
	}
	passport := func(v string) party.Identifier { return party.Identifier{Type: party.IDPassport, Value: v} }
	tests := []struct {
		name    string
		q       party.Entity
		verdict Verdict
		top     top
	}{
		{"common name alone", person("Kim Chol", "", ""), Review, top{"1", []string{party.FeatureUncorroborated}}},
		{"common name, same birth year", person("Kim Chol", "1961", ""), Match, top{"1", nil}},
		{"common name, same day", person("Kim Chol", "1961-05-02", ""), Match, top{"1", nil}},
		{"common name, a near year only", person("Kim Chol", "1962", ""), Review, top{"1", []string{party.FeatureUncorroborated}}},
		{"common name, a near year and the nationality", person("Kim Chol", "1962", "KP"), Match, top{"1", nil}},
		{"common name, the nationality only", person("Kim Chol", "", "DPRK"), Review, top{"1", []string{party.FeatureUncorroborated}}},
		{"common name, same passport", person("Kim Chol", "", "", passport("pd 123456")), Match, top{"1", nil}},
		{"disjoint birth year", person("Holger Friedrich Brandstetter", "1990", ""), Review, top{"3", []string{party.FeatureBirthYearDisjoint}}},
		{"disjoint birth year, other country", person("Holger Friedrich Brandstetter", "1990", "France"), Review, top{"3", []string{party.FeatureBirthYearDisjoint}}},
		{"birth year within the gap", person("Holger Friedrich Brandstetter", "1959", ""), Match, top{"3", nil}},
		{"disjoint year, same passport", person("Kim Chol", "1990", "", passport("PD123456")), Match, top{"1", nil}},
		{"distinctive name alone", person("Holger Friedrich Brandstetter", "", ""), Match, top{"3", nil}},
		{"Korean name of syllables alone", person("Ryang Sok Paek", "", ""), Review, top{"2", []string{party.FeatureUncorroborated}}},
		{"two-word name alone", person("Anna Mayrhofer", "", ""), Review, top{"7", []string{party.FeatureUncorroborated}}},
		{"two-word name, same year", person("Anna Mayrhofer", "1950-03-01", ""), Match, top{"7", nil}},
		{"two-word name, three words asked", person("Anna Maria Mayrhofer", "", ""), Review, top{"7", []string{party.FeatureUncorroborated}}},
		{"rice is not nice", party.New("Siam Rice Exporters Co., Ltd.", KindOrganisation, "", "", ""), Clear, top{}},
		{"kumsan is not kumryong", party.New("Korea Kumsan Trading", KindOrganisation, "", "", ""), Clear, top{}},
		{"romanisation for a party of the region", party.New("Amnokkang Puksan Trading", KindOrganisation, "China", "", ""), Match, top{"9", nil}},
		{"romanisation for a party of no country", party.New("Amnokkang Puksan Trading", KindOrganisation, "", "", ""), Match, top{"9", nil}},
		{"no romanisation outside the region", party.New("Amnokkang Puksan Trading", KindOrganisation, "Germany", "", ""), Clear, top{}},
		{"short company name, no country", party.New("Hana Bank", KindOrganisation, "", "", ""), Review, top{"11", []string{party.FeatureUncorroborated}}},
		{"short company name as listed, no country", party.New("Hana Banking Corporation Ltd", KindOrganisation, "", "", ""), Match, top{"11", nil}},
		{"short company name, its country", party.New("Hana Bank", KindOrganisation, "DPRK", "", ""), Match, top{"11", nil}},
		{"short company name, another country", party.New("Hana Bank", KindOrganisation, "South Korea", "", ""), Review, top{"11", []string{party.FeatureOtherCountry}}},
		{"long company name, another country", party.New("Puksan Ryonhap Machinery Trading Corp", KindOrganisation, "China", "", ""), Match, top{"12", nil}},
		{"weak alias written as listed", party.New("Najd Province", KindOrganisation, "", "", ""), Review, top{"13", nil}},
		{"weak alias, a word of it", party.New("Najd Holdings", KindOrganisation, "", "", ""), Clear, top{}},
		{"a vessel's flag is not its language", party.New("Amnokkang Puksan", KindVessel, "Sierra Leone", "", ""), Match, top{"10", nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Screen(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got top
			if len(res.Hits) > 0 {
				got.Ref = res.Hits[0].Ref
				for _, f := range res.Hits[0].Features {
					if f.Feature == party.FeatureUncorroborated || f.Feature == party.FeatureBirthYearDisjoint || f.Feature == party.FeatureOtherCountry {
						got.Rules = append(got.Rules, f.Feature)
					}
				}
			}
			if res.Verdict != tt.verdict {
				t.Errorf("verdict %s, want %s; hits %+v", res.Verdict, tt.verdict, res.Hits)
			}
			if diff := cmp.Diff(tt.top, got); diff != "" {
				t.Errorf("top hit (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCompareCaps checks the distinctive-word rules on the rule list's
// token statistics: a distinctive word replaced on both sides, or
// agreement on common words only, stays below match.
func TestCompareCaps(t *testing.T) {
	s, err := NewScreener(ruleList())
	if err != nil {
		t.Fatal(err)
	}
	match, _ := s.Thresholds()
	tests := []struct {
		a, b    string
		kind    Kind
		feature string // a feature the explanation must carry, or ""
		below   bool
	}{
		{"Siam Rice Exporters", "SIAM NICE COMPANY LTD.", KindOrganisation, "substitution", true},
		{"KOREA KUMSAN TRADING", "KOREA KUMRYONG TRADING", KindOrganisation, "substitution", true},
		{"Korea Ryongbong Trading", "KOREA RYONBONG TRADING", KindOrganisation, "romanisation", false},
		{"Elon Mosk", "Elon Musk", KindPerson, "fuzzy", false},
		{"Martin Cerny", "MARTIN", KindPerson, "single_word", true},
		{"Leader Electronics International Ltd.", "LEADER INTERNATIONAL", KindOrganisation, "short_name", true},
		{"Leader International Ltd.", "LEADER INTERNATIONAL", KindOrganisation, "", false},
		{"First Oil Services Inc.", "FIRST OIL JV CO LTD", KindOrganisation, "common_only", true},
		{"2nd General Trading Corporation", "SECOND GENERAL TRADING CORPORATION", KindOrganisation, "", false},
		{"Korea General Trading Co", "KOREA GENERAL TRADING CORPORATION", KindOrganisation, "common_only", true},
		{"KOREA GENERAL TRADING CORPORATION", "KOREA GENERAL TRADING CORPORATION", KindOrganisation, "exact", false},
	}
	for _, tt := range tests {
		sc, why := s.Compare(tt.a, tt.b, tt.kind)
		has := tt.feature == ""
		for _, f := range why {
			has = has || f.Feature == tt.feature
		}
		if (sc < match) != tt.below || !has {
			t.Errorf("Compare(%q, %q) = %.3f %v; want below match %v with feature %q", tt.a, tt.b, sc, party.Render(why), tt.below, tt.feature)
		}
	}
}

// TestSharedCorroboration screens with UN + OFAC loaded: the README's
// rice shipper is clear, the KUMSAN/KUMRYONG pair stays apart, a listed
// person's exact name with a birth year decades away and another country
// is never an automatic match, and with the listed birth year it still is.
func TestSharedCorroboration(t *testing.T) {
	ls := loadShared(t)
	s, err := NewScreener(ls...)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range []party.Entity{
		party.New("Siam Rice Exporters Co., Ltd.", KindOrganisation, "TH", "", ""),
		party.New("Siam Rice Exporters Co., Ltd.", KindOrganisation, "", "", ""),
	} {
		res, err := s.Screen(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if res.Verdict == Match || (len(q.Countries) > 0 && res.Verdict != Clear) {
			t.Errorf("Screen(%+v) = %s %+v, want clear (not match without a country)", q, res.Verdict, res.Hits)
		}
	}
	match, _ := s.Thresholds()
	if sc, why := s.Compare("KOREA KUMSAN TRADING", "KOREA KUMRYONG TRADING", KindOrganisation); sc >= match {
		t.Errorf("KUMSAN ~ KUMRYONG = %.3f %v, want below match", sc, party.Render(why))
	}
	n, auto, found := 0, 0, 0
	for _, l := range ls {
		for i := range l.Entities {
			e := &l.Entities[i]
			y, err := strconv.Atoi(yearOf(firstOr(e.DatesOfBirth)))
			if e.Kind != KindPerson || err != nil || e.Source != "UN" {
				continue
			}
			n++
			far, err := s.Screen(ctx, party.New(e.PrimaryName(), KindPerson, "France", "", strconv.Itoa(y-30)))
			if err != nil {
				t.Fatal(err)
			}
			if far.Verdict == Match {
				auto++
			}
			same, err := s.Screen(ctx, party.New(e.PrimaryName(), KindPerson, "", "", e.DatesOfBirth[0]))
			if err != nil {
				t.Fatal(err)
			}
			if same.Verdict == Match && len(same.Hits) > 0 {
				found++
			}
		}
	}
	if n < 100 || auto*20 > n || found*20 < n*19 {
		t.Errorf("%d UN persons: %d automatic matches 30 years off in another country (want at most 5%%), %d matches with the listed birth date (want at least 95%%)", n, auto, found)
	}
}

func firstOr(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

// TestEntityFeatures checks what each entity feature adds to or takes
// from the top hit's score against ruleList, and its explanation.
func TestEntityFeatures(t *testing.T) {
	s, err := NewScreener(ruleList())
	if err != nil {
		t.Fatal(err)
	}
	ft := &s.Weights().Features
	passport := func(v string) []party.Identifier { return []party.Identifier{{Type: party.IDPassport, Value: v}} }
	tests := []struct {
		name    string
		q       party.Entity
		delta   float64 // the top hit's score less the name's
		feature party.Feature
	}{
		{"same year", party.New("Holger Friedrich Brandstetter", KindPerson, "", "", "1955"), ft.BirthDate.SameYear,
			party.Feature{Feature: "birth_date", Score: 1, Weight: ft.BirthDate.SameYear, Detail: "1955 ~ 1955"}},
		{"near year", party.New("Holger Friedrich Brandstetter", KindPerson, "", "", "1957-01-01"), ft.BirthDate.Near,
			party.Feature{Feature: "birth_date", Score: 1, Weight: ft.BirthDate.Near, Detail: "1957-01-01 ~ 1955"}},
		{"disjoint year", party.New("Holger Friedrich Brandstetter", KindPerson, "", "", "1959"), -ft.BirthDate.Mismatch,
			party.Feature{Feature: "birth_date", Score: -1, Weight: ft.BirthDate.Mismatch, Detail: "1959 ~ 1955"}},
		{"other country", party.New("Holger Friedrich Brandstetter", KindPerson, "France", "", ""), -ft.Country.Mismatch,
			party.Feature{Feature: "country", Score: -1, Weight: ft.Country.Mismatch, Detail: "France ~ Germany"}},
		{"same passport", withIDs(party.New("Kim Chol", KindPerson, "", "", ""), passport("PD 123456")), ft.Identifier.Match,
			party.Feature{Feature: "identifier", Score: 1, Weight: ft.Identifier.Match, Detail: "passport PD-123456"}},
		{"other passport", withIDs(party.New("Kim Chol", KindPerson, "", "", ""), passport("X1")), -ft.Identifier.Conflict,
			party.Feature{Feature: "identifier", Score: -1, Weight: ft.Identifier.Conflict, Detail: "passport X1 not listed"}},
		{"a company named like a person", party.New("Holger Friedrich Brandstetter GmbH", KindUnknown, "", "", ""), -ft.Kind.Mismatch,
			party.Feature{Feature: "kind", Score: -1, Weight: ft.Kind.Mismatch, Detail: "a company name against a listed person"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Screen(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 {
				t.Fatalf("no hit")
			}
			h := res.Hits[0]
			var name float64
			var got party.Feature
			for _, f := range h.Features {
				switch f.Feature {
				case "name":
					name = f.Score
				case tt.feature.Feature:
					got = f
				}
			}
			if diff := cmp.Diff(tt.feature, got); diff != "" {
				t.Errorf("feature (-want +got):\n%s", diff)
			}
			if d := h.Score - min(max(name+tt.delta, 0), 1); d > 0.001 || d < -0.001 {
				t.Errorf("score %.3f with name %.3f, want the name %+.3f", h.Score, name, tt.delta)
			}
		})
	}
}

func withIDs(e party.Entity, ids []party.Identifier) party.Entity {
	e.Identifiers = ids
	return e
}
