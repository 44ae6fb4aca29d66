package screen

import (
	"context"
	"fmt"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/luxscreen/luxscreen/party"
)

// TestSameParty checks when two entries of different lists are merged
// into one hit, and that any conflicting fact prevents it.
func TestSameParty(t *testing.T) {
	s, err := NewScreener()
	if err != nil {
		t.Fatal(err)
	}
	person := func(name string, dobs []string, nat string, ids ...Identifier) Entity {
		e := Entity{Kind: KindPerson, Names: []Name{{Value: name, Kind: NamePrimary}}, DatesOfBirth: dobs, Identifiers: ids}
		e.addNationality(nat)
		return e
	}
	org := func(name, country string, ids ...Identifier) Entity {
		e := Entity{Kind: KindOrganisation, Names: []Name{{Value: name, Kind: NamePrimary}}, Identifiers: ids}
		e.addCountry(country)
		return e
	}
	vessel := func(name, imo string) Entity {
		return Entity{Kind: KindVessel, Names: []Name{{Value: name, Kind: NamePrimary}}, Identifiers: []Identifier{{Type: IDShipIMO, Value: imo}}}
	}
	passport := func(n, country string) Identifier { return Identifier{Type: IDPassport, Value: n, Country: country} }
	tests := []struct {
		name      string
		a, b      Entity
		sameList  bool
		wantWhy   string
		wantMerge bool
	}{
		{"name and birth year", person("KIM JONG SIK", []string{"1967", "1969"}, "Democratic People's Republic of Korea", passport("1", "")),
			person("KIM, Jong Sik", []string{"1967-05-01"}, "Korea, North"), false, "name KIM JONG SIK, born 1967", true},
		{"shared passport despite spelling", person("CHO IL U", []string{"1945-05-10"}, "", passport("736410010", "")),
			person("CHO, Il-Woo", nil, "", passport("736 410 010", "Korea, North")), false, "passport 736410010", true},
		{"one name, birth years apart", person("KIM JONG SIK", []string{"1967"}, "", passport("1", "")),
			person("KIM, Jong Sik", []string{"1980-01-01"}, ""), false, "", false},
		{"one name, no birth date on one list", person("KIM JONG SIK", []string{"1967"}, ""),
			person("KIM, Jong Sik", nil, ""), false, "", false},
		{"one name, other nationality", person("KIM JONG SIK", []string{"1967"}, "Democratic People's Republic of Korea"),
			person("KIM, Jong Sik", []string{"1967"}, "Republic of Korea"), false, "", false},
		// The country table cannot tell whether two spellings it lacks are
		// one country, so they do not keep the entries apart.
		{"nationality spellings the table lacks", person("GERMAIN KATANGA", []string{"1978-04-28"}, "Democratic Republic of the Congo"),
			person("KATANGA, Germain", []string{"1978-04-28"}, "Congo, Democratic Republic of the"), false, "name GERMAIN KATANGA, born 1978", true},
		{"passport shared but birth years apart", person("KIM JONG SIK", []string{"1967"}, "", passport("736410010", "")),
			person("KIM, Jong Sik", []string{"1980"}, "", passport("736410010", "")), false, "", false},
		{"same passport number, two countries", person("A B", nil, "", passport("12345678", "China")),
			person("C D", nil, "", passport("12345678", "Russia")), false, "", false},
		{"organisation by name", org("KOREA MINING DEVELOPMENT TRADING CORPORATION", "Democratic People's Republic of Korea"),
			org("KOREA MINING DEVELOPMENT TRADING CORPORATION", "Korea, North"), false, "name KOREA MINING DEVELOPMENT TRADING CORPORATION", true},
		{"organisation by SWIFT", org("DAEDONG CREDIT BANK (DCB)", "", Identifier{Type: IDSWIFT, Value: "DCBKKPPY"}),
			org("DAEDONG CREDIT BANK", "", Identifier{Type: IDSWIFT, Value: "DCBKKPPY"}), false, "SWIFT/BIC DCBKKPPY", true},
		{"organisations of one name in two countries", org("GOLDEN STAR TRADING", "China"), org("GOLDEN STAR TRADING", "Panama"), false, "", false},
		{"organisations with other company IMO numbers", org("OCEAN SHIPPING CO", "", Identifier{Type: IDCompanyIMO, Value: "5342883"}),
			org("OCEAN SHIPPING CO", "", Identifier{Type: IDCompanyIMO, Value: "1790183"}), false, "", false},
		{"sister ships", vessel("RYONG GANG 2", "7937317"), vessel("RYONG GANG 3", "8705539"), false, "", false},
		{"one ship name, two IMO numbers", vessel("SAMJONG", "7937317"), vessel("SAMJONG", "8705539"), false, "", false},
		{"one ship", vessel("CHONG CHON GANG", "7937317"), vessel("CHONGCHONGANG", "IMO 7937317"), false, "ship IMO 7937317", true},
		{"UN reference beside the EU's", Entity{Source: "UN", Ref: "KPe.001", Kind: KindOrganisation, Names: []Name{{Value: "KOREA MINING DEVELOPMENT TRADING CORPORATION", Kind: NamePrimary}}},
			Entity{Source: "EU", Ref: "EU.1.1", Kind: KindOrganisation, Remarks: "UN ref KPe.001. Primary arms dealer.", Names: []Name{{Value: "KOMID", Kind: NamePrimary}}},
			false, "UN reference KPe.001", true},
		{"other UN references", Entity{Source: "UN", Ref: "KPe.001", Kind: KindOrganisation, Names: []Name{{Value: "A", Kind: NamePrimary}}},
			Entity{Source: "UK", Ref: "DPR0001", Kind: KindOrganisation, Remarks: "UN ref KPe.002", Names: []Name{{Value: "B", Kind: NamePrimary}}},
			false, "", false},
		{"kinds differ", org("OCEAN STAR", ""), vessel("OCEAN STAR", "7937317"), false, "", false},
		{"one list", org("OCEAN STAR", ""), org("OCEAN STAR", ""), true, "", false},
		{"weak aliases only", Entity{Kind: KindOrganisation, Names: []Name{{Value: "A", Kind: NamePrimary}, {Value: "KOMID", Kind: NameWeak}}},
			Entity{Kind: KindOrganisation, Names: []Name{{Value: "B", Kind: NamePrimary}, {Value: "KOMID", Kind: NameAKA}}}, false, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := &listed{Entity: &tt.a, list: "list-a"}, &listed{Entity: &tt.b, list: "list-b"}
			if tt.sameList {
				b.list = a.list
			}
			why, ok := s.sameParty(a, b, nil, nil)
			if ok != tt.wantMerge || why != tt.wantWhy {
				t.Errorf("sameParty = %q, %v; want %q, %v", why, ok, tt.wantWhy, tt.wantMerge)
			}
			if why2, ok2 := s.sameParty(b, a, nil, nil); ok2 != ok {
				t.Errorf("sameParty is not symmetric: %q, %v the other way", why2, ok2)
			}
		})
	}
}

func TestSameWords(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"KIM, Jong Sik", "KIM JONG SIK", true},
		{"Tong Gu PAK", "PAK TONG-GU", true},
		{"RYONG GANG 2", "RYONG GANG 3", false},
		{"KOREA TRADING", "KOREA TRADING TRADING CO", false},
		{"박동구", "박동구", true},
		{"", "", false},
		{"...", "", false},
		{"Korea Ryonha Machinery Joint Venture Corporation", "KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION", true},
		{"GOLDEN STAR CO., LTD.", "Golden Star Co Ltd", true},
		{"Müller Café GmbH", "MÜLLER CAFÉ GMBH", true},
		{"Cafe\u0301 Ryo\u0308n", "CAFE\u0301 RYO\u0308N", true},
		{"KOREA KOREA TRADING", "KOREA TRADING", false},
		{"KOREA TRADING", "KOREA TRADING CO", false},
		{"KOREA TRADING CO", "KOREA TRADING", false},
		{"KOREA TRADING", "KOREA TRADINGS", false},
	}
	for _, tt := range tests {
		if got := sameWords(tt.a, tt.b); got != tt.want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestHitFactsSmall screens the authored files of every format together:
// the person designated on the UN, EU, UK and FtM files is one hit with
// each reference, and the hit carries the union of their facts.
func TestHitFactsSmall(t *testing.T) {
	var lists []List
	for _, f := range []string{"testdata/un_small.xml", "testdata/ofac_small", "testdata/eu_small.xml", "testdata/uk_small.csv", "testdata/ftm_small.jsonl"} {
		lists = append(lists, mustLoad(t, f))
	}
	s, err := NewScreener(lists...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Screen(context.Background(), Query{Name: "Pak Tong Gu", Kind: KindPerson}.entity())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("%d hits, want 1: %+v", len(res.Hits), res.Hits)
	}
	h := res.Hits[0]
	// Which entry leads depends on the scorer; the references, whatever
	// their order, are the four entries, the leader first and without
	// evidence, the others each with theirs.
	var refs []string
	for i, r := range h.References {
		refs = append(refs, r.List+" "+r.Ref+" "+r.Published)
		if len(r.ListVersion) != 64 {
			t.Errorf("reference %s: list version %q is not a SHA-256", r.Entity, r.ListVersion)
		}
		if (i == 0) != (r.SameAs == "") {
			t.Errorf("reference %d %s: same_as %q", i, r.Entity, r.SameAs)
		}
	}
	wantRefs := []string{
		"EU 9002 2026-02-27T10:00:00.000+01:00",
		"OpenSanctions ex-person ",
		"UK DPR0903 27-Feb-2026",
		"UN KPi.901 2026-01-02T00:00:00Z",
	}
	sortStrings := cmpopts.SortSlices(func(a, b string) bool { return a < b })
	if diff := cmp.Diff(wantRefs, refs, sortStrings); diff != "" {
		t.Errorf("references (-want +got):\n%s", diff)
	}
	if h.References[0].Entity != h.Entity {
		t.Errorf("hit entity %s, first reference %s", h.Entity, h.References[0].Entity)
	}
	// The union keeps each list's spelling of places and countries, one
	// spelling of each name, and every identifier once.
	var kinds []string
	for _, n := range h.Listed.Names {
		kinds = append(kinds, string(n.Kind))
	}
	if diff := cmp.Diff([]string{"original_script", "primary", "weak"}, kinds, sortStrings); diff != "" {
		t.Errorf("name kinds (-want +got):\n%s; names %v", diff, h.Listed.Names)
	}
	want := party.Facts{
		BirthDates:    []string{"1961-05-02"},
		BirthPlaces:   []string{"Nampo, NORTH KOREA", "Nampo", "Nampo, North Korea", "Nampo, South Phyongan Province, Democratic People's Republic of Korea"},
		Nationalities: []string{"NORTH KOREA", "kp", "North Korea", "Democratic People's Republic of Korea"},
		Gender:        "male",
		Countries:     []string{"NORTH KOREA", "cn", "kp", "North Korea", "Democratic People's Republic of Korea"},
		Identifiers: []Identifier{
			{Type: IDPassport, Value: "123456789"},
			{Type: IDPassport, Value: "990000111", Country: "Democratic People's Republic of Korea", Note: "Passport Diplomatic; issued 2015-03-04; expired"},
		},
		Programs:  []string{"The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019", "DPRK"},
		Positions: []string{"Director of Example Sea Shipping Company"},
		ListedOn:  h.Listed.ListedOn,
	}
	got := h.Listed
	got.Names = nil
	opts := cmp.Options{sortStrings, cmpopts.SortSlices(func(a, b Identifier) bool { return a.Value < b.Value })}
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Errorf("facts (-want +got):\n%s", diff)
	}
	// The designation date is the leader's, or the first an entry gives.
	if d := h.Listed.ListedOn; d != "2017-08-05" && d != "2020-01-01" && d != "2016-03-02" {
		t.Errorf("listed on %q is no entry's date", d)
	}
}

// TestWordRune checks that the ASCII path of wordRune agrees with the
// Unicode tables: letters, digits and combining marks.
func TestWordRune(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if got := wordRune(r); got != want {
			t.Errorf("wordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestTwinMerged checks that the merge worked out with each pair of
// twins is the one a hit would work out itself: the first entry's facts
// merged with the second's, names included, in that order. Each entry
// gets five aliases of its own, so that the twins have the names for
// their merge to be worked out in advance (twinMergeNames).
func TestTwinMerged(t *testing.T) {
	var lists []List
	for _, f := range []string{"testdata/un_small.xml", "testdata/ofac_small", "testdata/eu_small.xml", "testdata/uk_small.csv", "testdata/ftm_small.jsonl"} {
		l := mustLoad(t, f)
		for i := range l.Entities {
			e := &l.Entities[i]
			for k := range 5 {
				e.Names = append(e.Names, Name{Value: fmt.Sprintf("%s alias %c", e.ID, 'A'+k), Kind: NameAKA})
			}
		}
		lists = append(lists, l)
	}
	s, err := NewScreener(lists...)
	if err != nil {
		t.Fatal(err)
	}
	gen := s.gen.Load()
	pairs, merged := 0, 0
	for a, ts := range gen.twins {
		for _, tw := range ts {
			pairs++
			if tw.merged != nil {
				merged++
			}
			want := mergeFacts(a.Facts(), tw.e.Facts())
			want.Names, _ = mergeNames(a.Names, tw.e.Names, nameSigs(nil, a.Names), nameSigs(nil, tw.e.Names))
			if diff := cmp.Diff(want, gen.groupFacts(a, []*listed{tw.e})); diff != "" {
				t.Errorf("%s and %s: merged facts (-merged in the hit +worked out with the twins):\n%s", a.ID, tw.e.ID, diff)
			}
		}
	}
	t.Logf("%d pairs of twins, %d merged with the twins", pairs, merged)
	if pairs < 12 || merged != pairs {
		t.Errorf("%d pairs of twins, %d merged with the twins: want at least 12 (the person on four lists alone has 12), all merged", pairs, merged)
	}
}

func TestUnion(t *testing.T) {
	for _, c := range []struct {
		a, b, want []string
		// kept says a itself comes back, not a copy.
		kept bool
	}{
		{a: nil, b: nil, want: nil},
		{a: []string{"KP"}, b: nil, want: []string{"KP"}, kept: true},
		{a: []string{"KP", "CN"}, b: []string{"CN"}, want: []string{"KP", "CN"}, kept: true},
		{a: []string{"KP"}, b: []string{"CN", "KP"}, want: []string{"KP", "CN"}},
		{a: nil, b: []string{"CN", "CN"}, want: []string{"CN"}},
		{a: []string{"KP", "KP"}, b: []string{"KP"}, want: []string{"KP"}},
	} {
		got := union(c.a, c.b, eq)
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("union(%q, %q) (-want +got):\n%s", c.a, c.b, diff)
		}
		if kept := len(got) > 0 && len(c.a) > 0 && &got[0] == &c.a[0]; kept != c.kept {
			t.Errorf("union(%q, %q) returned a itself: %v, want %v", c.a, c.b, kept, c.kept)
		}
	}
}
