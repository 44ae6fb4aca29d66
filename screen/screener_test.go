package screen

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/party"
)

func TestScreenDemo(t *testing.T) {
	s := demoScreener(t)
	type want struct {
		verdict Verdict
		ref     string // top hit, "" for none
		matched string
		reason  string // a substring of one of the top hit's or result's reasons
	}
	tests := []struct {
		name string
		q    Query
		want want
	}{
		{"exact primary", Query{Name: "KOREA RYONBONG GENERAL CORPORATION"}, want{Match, "KPe.002", "KOREA RYONBONG GENERAL CORPORATION", "exact"}},
		{"MR/RR variant and legal form", Query{Name: "Korea Ryongbong General Corp.", Kind: KindOrganisation}, want{Match, "KPe.002", "KOREA RYONBONG GENERAL CORPORATION", "romanisation: ryongbong~ryonbong"}},
		{"split syllables hit the alias", Query{Name: "Chang Gwang Sin Yong Corp", Kind: KindOrganisation}, want{Match, "KPe.001", "CHANGGWANG SINYONG CORPORATION", "joined: chang gwang~changgwang"}},
		{"listed name without its parenthetical", Query{Name: "Daedong Credit Bank", Kind: KindOrganisation}, want{Match, "KPe.023", "DAEDONG CREDIT BANK (DCB)", "without-parenthetical"}},
		{"Taedong spelling", Query{Name: "TAEDONG CREDIT BANK LTD", Kind: KindOrganisation}, want{Match, "KPe.023", "Taedong Credit Bank", "token: taedong"}},
		{"SHPG abbreviation", Query{Name: "Korea Samma Shpg Co", Kind: KindOrganisation}, want{Match, "KPe.065", "KOREA SAMMA SHIPPING CO", "exact"}},
		{"distinctive token differs", Query{Name: "Korea Kumsan Trading Corporation", Kind: KindOrganisation}, want{Clear, "", "", ""}},
		{"vessel with MV prefix", Query{Name: "MV CHONG CHON GANG", Kind: KindVessel}, want{Match, "OFAC 17069", "CHONG CHON GANG", "exact"}},
		{"vessel joined", Query{Name: "Chongchongang", Kind: KindVessel}, want{Match, "OFAC 17069", "CHONG CHON GANG", "joined"}},
		{"IMO with prefix", Query{IMO: "IMO 7937317", Kind: KindVessel}, want{Match, "OFAC 17069", "CHONG CHON GANG", "identifier: ship IMO 7937317"}},
		{"company IMO", Query{Name: "Some Name", IMO: "5342883"}, want{Match, "KPe.022", "CHONGCHONGANG SHIPPING COMPANY", "identifier: company IMO 5342883"}},
		{"bad IMO fails closed", Query{IMO: "IMO 79373", Kind: KindVessel}, want{Review, "", "", "not seven digits"}},
		{"legal forms only", Query{Name: "Co., Ltd."}, want{Review, "", "", "cannot_screen"}},
		{"punctuation only", Query{Name: "—/—"}, want{Review, "", "", "empty after normalisation"}},
		{"transliterated script", Query{Name: "ตัวอย่าง"}, want{Clear, "", "", ""}},
		{"untransliterated script", Query{Name: "ⵜⴰⵎⴰ"}, want{Review, "", "", "untransliterated_script: Tifinagh"}},
		{"unrelated", Query{Name: "Samsung Electronics Co Ltd", Kind: KindOrganisation}, want{Clear, "", "", ""}},
		{"person kind excludes organisations", Query{Name: "KOMID", Kind: KindPerson}, want{Clear, "", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Screen(context.Background(), tt.q.entity())
			if err != nil {
				t.Fatal(err)
			}
			got := want{verdict: res.Verdict}
			reasons := party.Render(res.Reasons)
			if len(res.Hits) > 0 {
				got.ref, got.matched = res.Hits[0].Ref, res.Hits[0].MatchedName
				reasons = append(reasons, party.Render(res.Hits[0].Features)...)
			}
			for _, r := range reasons {
				if tt.want.reason != "" && strings.Contains(r, tt.want.reason) {
					got.reason = tt.want.reason
				}
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Errorf("Screen(%+v) mismatch (-want +got):\n%s\nhits: %+v\nreasons: %v", tt.q, diff, res.Hits, res.Reasons)
			}
			if len(res.ListVersions) != 1 || res.ListVersions[0].Source != "demo" {
				t.Errorf("list versions = %+v", res.ListVersions)
			}
		})
	}
}

func TestScreenNoLists(t *testing.T) {
	s, err := NewScreener()
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Screen(context.Background(), Query{Name: "KOMID"}.entity())
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Review || len(res.Reasons) == 0 {
		t.Errorf("with no list loaded: %+v, want review with a reason", res)
	}
}

func TestScreenCancelled(t *testing.T) {
	s := demoScreener(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Screen(ctx, Query{Name: "KOMID"}.entity()); err == nil {
		t.Error("Screen with a cancelled context returned no error")
	}
}

func TestThresholdsValidated(t *testing.T) {
	if _, err := NewScreenerOptions(Options{MatchThreshold: 0.5, ReviewThreshold: 0.6}); err == nil {
		t.Error("review above match accepted")
	}
}

func TestDuplicateEntityRejected(t *testing.T) {
	l, err := DemoList()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewScreener(l, l); err == nil || !strings.Contains(err.Error(), "already loaded") {
		t.Errorf("loading the same list twice: err = %v", err)
	}
}

// TestReloadWhileScreening swaps lists while screenings run; run with -race.
// Every screening must see one list whole: the demo list (which has KOMID)
// or the one-entity list (which does not), never a mix.
func TestReloadWhileScreening(t *testing.T) {
	demo, err := DemoList()
	if err != nil {
		t.Fatal(err)
	}
	other := List{
		Version:  ListVersion{Source: "other", SHA256: "00"},
		Entities: []Entity{{ID: "other:1", Source: "other", Ref: "1", Kind: KindOrganisation, Names: []Name{{Value: "EXAMPLE HOLDINGS", Kind: NamePrimary}}}},
	}
	s, err := NewScreener(demo)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan string, 100)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := s.Screen(ctx, Query{Name: "KOMID"}.entity())
				if err != nil {
					errs <- err.Error()
					return
				}
				src := res.ListVersions[0].Source
				switch {
				case src == "demo" && res.Verdict != Match:
					errs <- "demo list loaded but KOMID not matched"
				case src == "other" && len(res.Hits) != 0:
					errs <- "other list loaded but a hit returned"
				}
			}
		}()
	}
	for i := 0; i < 20; i++ {
		l := demo
		if i%2 == 0 {
			l = other
		}
		if err := s.Reload(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if v := s.Versions(); len(v) != 1 || v[0].Source != "demo" {
		t.Errorf("after reloads, versions = %+v", v)
	}
}

func TestCompare(t *testing.T) {
	s := demoScreener(t)
	match, review := s.Thresholds()
	tests := []struct {
		a, b string
		kind Kind
		want string // "match", "review" or "below"
	}{
		{"KOREA RYONBONG GENERAL CORPORATION", "Korea Ryongbong General Corporation", KindOrganisation, "match"},
		{"KOREA KUMRYONG TRADING CORPORATION", "KOREA KUMSAN TRADING CORPORATION", KindOrganisation, "below"},
		{"KOREA KWANGSON BANKING CORP", "KOREA KWANGSONG TRADING CORPORATION", KindOrganisation, "below"},
		{"AMROGGANG DEVELOPMENT BANK", "Amnokkang Development Bank", KindOrganisation, "match"},
		{"RYONG GANG 2", "RYONG GANG 3", KindVessel, "below"},
		{"Kim Jong Un", "KIM, Jong-un", KindPerson, "match"},
		{"Ri Je Son", "Li Je-son", KindPerson, "match"},
		{"Yun Ho-jin", "Yun Ho Chin", KindPerson, "match"},
	}
	for _, tt := range tests {
		sc, why := s.Compare(tt.a, tt.b, tt.kind)
		got := "below"
		switch {
		case sc >= match:
			got = "match"
		case sc >= review:
			got = "review"
		}
		if got != tt.want {
			t.Errorf("Compare(%q, %q) = %.3f (%s) %v, want %s", tt.a, tt.b, sc, got, why, tt.want)
		}
	}
}

func TestSharedScreen(t *testing.T) {
	ls := loadShared(t)
	s, err := NewScreener(ls...)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q       Query
		verdict Verdict
		entity  string
	}{
		{Query{Name: "Korea Ryongbong General Corp.", Kind: KindOrganisation}, Match, "OFAC:9347"},
		{Query{Name: "Nam Chon Gang Trading Co Ltd", Kind: KindOrganisation}, Match, "OFAC:11532"},
		{Query{Name: "Ocean Maritime Management Co Ltd", Kind: KindOrganisation}, Match, "OFAC:17068"},
		{Query{Name: "Ryong Gang 3", Kind: KindVessel}, Clear, ""},
		{Query{Name: "Chongchongang", Kind: KindVessel}, Match, "OFAC:17069"},
		{Query{IMO: "IMO 7937317"}, Match, "OFAC:17069"},
	}
	for _, tt := range tests {
		res, err := s.Screen(context.Background(), tt.q.entity())
		if err != nil {
			t.Fatal(err)
		}
		top := ""
		if len(res.Hits) > 0 {
			top = res.Hits[0].Entity
		}
		if res.Verdict != tt.verdict || top != tt.entity {
			t.Errorf("Screen(%+v) = %s %s, want %s %s; hits %+v", tt.q, res.Verdict, top, tt.verdict, tt.entity, res.Hits)
		}
	}
}

// TestScreenEntity checks that a query is one entity: each listed entity
// is scored by the best of the query's names, the hit says which name
// matched, and the birth dates, countries and identifiers qualify it.
func TestScreenEntity(t *testing.T) {
	s := demoScreener(t)
	type hit struct {
		Ref, QueryName string
		Features       []string // feature names after the name's
	}
	tests := []struct {
		name    string
		q       party.Entity
		verdict Verdict
		reasons int
		top     hit
	}{
		{"best of several names", party.Entity{Names: []string{"Samsung Electronics", "Korea Ryongbong General Corp."}, Kind: KindOrganisation},
			Match, 0, hit{"KPe.002", "Korea Ryongbong General Corp.", nil}},
		{"an identifier beside an unrelated name", party.Entity{Names: []string{"Some Ship"}, Kind: KindVessel,
			Identifiers: []party.Identifier{{Type: party.IDIMO, Value: "12345"}, {Type: party.IDIMO, Value: "IMO 7937317"}}},
			Match, 1, hit{"OFAC 17069", "", []string{"identifier"}}},
		{"one of two countries agrees", party.Entity{Names: []string{"Korea Ryonbong General Corporation"}, Countries: []string{"China", "DPRK"}},
			Match, 0, hit{"KPe.002", "Korea Ryonbong General Corporation", []string{"country"}}},
		{"no name, no identifier", party.Entity{Kind: KindPerson}, Review, 1, hit{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Screen(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got hit
			if len(res.Hits) > 0 {
				h := res.Hits[0]
				got = hit{Ref: h.Ref, QueryName: h.QueryName}
				for _, f := range h.Features {
					if f.Feature == "identifier" || f.Feature == "country" || f.Feature == "birth_date" {
						got.Features = append(got.Features, f.Feature)
					}
				}
			}
			if res.Verdict != tt.verdict || len(res.Reasons) != tt.reasons {
				t.Errorf("verdict %s with %d reasons, want %s with %d; hits %+v reasons %v", res.Verdict, len(res.Reasons), tt.verdict, tt.reasons, res.Hits, res.Reasons)
			}
			if diff := cmp.Diff(tt.top, got); diff != "" {
				t.Errorf("top hit (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScreenerEntityAndLists(t *testing.T) {
	l := List{Version: ListVersion{ID: "t", Source: "T", SHA256: "abc"}, Entities: []Entity{
		{ID: "T:1", Source: "T", Ref: "1", Kind: KindOrganisation, Names: []Name{{Value: "KOREA TEST TRADING", Kind: NamePrimary}}},
	}}
	s, err := NewScreener(l)
	if err != nil {
		t.Fatal(err)
	}
	e, v, ok := s.Entity("T:1")
	if !ok || e.PrimaryName() != "KOREA TEST TRADING" || v.SHA256 != "abc" {
		t.Errorf("Entity(T:1) = %v, %v, %v", e, v, ok)
	}
	if _, _, ok := s.Entity("T:2"); ok {
		t.Error("Entity(T:2) found an entity never loaded")
	}
	if got := s.Lists(); len(got) != 1 || got[0].Version.SHA256 != "abc" {
		t.Errorf("Lists() = %v", got)
	}
}

func TestFingerprint(t *testing.T) {
	base := Entity{ID: "T:1", Kind: KindOrganisation, Names: []Name{{Value: "KOREA TEST TRADING", Kind: NamePrimary}}, Programs: []string{"DPRK"}, Remarks: "old"}
	same := base
	same.Remarks = "reworded"
	same.Names = []Name{{Value: "KOREA  TEST TRADING", Kind: NamePrimary}}
	if base.Fingerprint() != same.Fingerprint() {
		t.Error("remarks or spacing changed the fingerprint")
	}
	alias := base
	alias.Names = append(slices.Clone(base.Names), Name{Value: "KTT", Kind: NameAKA})
	ident := base
	ident.Identifiers = []Identifier{{Type: IDRegistration, Value: "123"}}
	redes := base
	redes.ListedOn = "2026-01-01"
	for name, e := range map[string]Entity{"alias": alias, "identifier": ident, "designation": redes} {
		if e.Fingerprint() == base.Fingerprint() {
			t.Errorf("a new %s left the fingerprint unchanged", name)
		}
	}
}
