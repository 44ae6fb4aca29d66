package screen

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// entityByID returns the entity id of lists, failing the test when no list
// has it.
func entityByID(tb testing.TB, lists []List, id string) *Entity {
	tb.Helper()
	for li := range lists {
		for ei := range lists[li].Entities {
			if e := &lists[li].Entities[ei]; e.ID == id {
				return e
			}
		}
	}
	tb.Fatalf("no entity %s", id)
	return nil
}

// TestSharedPersonFacts pins the nationalities and places of birth the
// loaders read from real persons of the UN and OFAC files.
func TestSharedPersonFacts(t *testing.T) {
	ls := loadShared(t)
	tests := []struct {
		id                         string
		nationalities, birthPlaces []string
		births                     []string
	}{
		// TYPE_OF_DATE BETWEEN, FROM_YEAR 1967, TO_YEAR 1969: every year.
		{"UN:KPi.066", []string{"Democratic People's Republic of Korea"}, nil, []string{"1967", "1968", "1969"}},
		// NATIONALITY>VALUE and a three-part INDIVIDUAL_PLACE_OF_BIRTH.
		{"UN:KPi.040", []string{"Democratic People's Republic of Korea"}, []string{"Musan, North Hamgyo'ng Province, Democratic People's Republic of Korea"}, []string{"1945-05-10"}},
		// An empty INDIVIDUAL_PLACE_OF_BIRTH is no place.
		{"UN:KPi.001", []string{"Democratic People's Republic of Korea"}, nil, []string{"1944-10-13"}},
		// "nationality Korea, North" in the remarks.
		{"OFAC:18552", []string{"Korea, North"}, nil, []string{"1955-04-06"}},
		// "POB Onso'ng County, North Hambuk Province, …" in the remarks.
		{"OFAC:15771", nil, []string{"Onso'ng County, North Hambuk Province, Democratic People's Republic of Korea"}, []string{"1930-01-07"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			e := entityByID(t, ls, tt.id)
			if diff := cmp.Diff(tt.nationalities, e.Nationalities, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("nationalities (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.birthPlaces, e.BirthPlaces, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("birth places (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.births, e.DatesOfBirth, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("birth dates (-want +got):\n%s", diff)
			}
			for _, n := range e.Nationalities {
				if !contains(e.Countries, n) {
					t.Errorf("nationality %q is not among the countries %q", n, e.Countries)
				}
			}
		})
	}
}

// TestSharedHitFacts screens real parties with the UN and OFAC files
// loaded together and pins the facts and references of their hits: KOMID
// (UN KPe.001, OFAC 9345) is one hit with both references; CHO Il U (UN
// KPi.040, OFAC 19791) shares a passport across the lists; the vessel
// CHONG CHON GANG (OFAC 17069) is found by its IMO number.
func TestSharedHitFacts(t *testing.T) {
	s, err := NewScreener(loadShared(t)...)
	if err != nil {
		t.Fatal(err)
	}
	type facts struct {
		Refs, Names, BirthDates, BirthPlaces, Nationalities, IDs, Programs []string
		ListedOn                                                           string
	}
	tests := []struct {
		q    Query
		want facts
	}{
		{Query{Name: "Korea Mining Development Trading Corporation", Kind: KindOrganisation}, facts{
			Refs: []string{"OFAC 9345 ", "UN KPe.001 name KOREA MINING DEVELOPMENT TRADING CORPORATION"},
			// OFAC writes KOMID as a weak a.k.a. in its remarks, the UN
			// as an a.k.a. ("KOMID" in quotes): strong in the union.
			Names: []string{
				"primary KOREA MINING DEVELOPMENT TRADING CORPORATION",
				"aka NORTH KOREAN MINING DEVELOPMENT TRADING CORPORATION",
				"aka CHANGGWANG SINYONG CORPORATION",
				"aka EXTERNAL TECHNOLOGY GENERAL CORPORATION",
				"aka KOREA KUMRYONG TRADING COMPANY",
				"aka DPRKN MINING DEVELOPMENT TRADING COOPERATION",
				"aka KOREAN MINING AND INDUSTRIAL DEVELOPMENT CORPORATION",
				"aka KOMID",
			},
			Programs: []string{"NPWMD", "DPRK2", "DPRK"},
			// OFAC gives no designation date; the UN does.
			ListedOn: "2009-04-24",
		}},
		{Query{Name: "Cho Il U", Kind: KindPerson}, facts{
			Refs:          []string{"OFAC 19791 ", "UN KPi.040 passport 736410010"},
			BirthDates:    []string{"1945-05-10"},
			BirthPlaces:   []string{"Musan, North Hamgyo'ng Province, North Korea", "Musan, North Hamgyo'ng Province, Democratic People's Republic of Korea"},
			Nationalities: []string{"Korea, North", "Democratic People's Republic of Korea"},
			IDs:           []string{"passport 736410010 Korea, North"},
			Programs:      []string{"DPRK2", "DPRK"},
			ListedOn:      "2017-06-02",
		}},
		{Query{IMO: "7937317", Kind: KindVessel}, facts{
			Refs:     []string{"OFAC 17069 "},
			Names:    []string{"primary CHONG CHON GANG"},
			IDs:      []string{"imo_ship 7937317 "},
			Programs: []string{"DPRK"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.q.Name+tt.q.IMO, func(t *testing.T) {
			res, err := s.Screen(context.Background(), tt.q.entity())
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 {
				t.Fatal("no hit")
			}
			h := res.Hits[0]
			var got facts
			for _, r := range h.References {
				got.Refs = append(got.Refs, r.List+" "+r.Ref+" "+r.SameAs)
			}
			for _, n := range h.Listed.Names {
				got.Names = append(got.Names, string(n.Kind)+" "+n.Value)
			}
			for _, id := range h.Listed.Identifiers {
				got.IDs = append(got.IDs, string(id.Type)+" "+id.Value+" "+id.Country)
			}
			got.BirthDates, got.BirthPlaces, got.Nationalities = h.Listed.BirthDates, h.Listed.BirthPlaces, h.Listed.Nationalities
			got.Programs, got.ListedOn = h.Listed.Programs, h.Listed.ListedOn
			if tt.want.Names == nil {
				got.Names = nil // persons: names are checked by the loader tests
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("hit facts (-want +got):\n%s", diff)
			}
			for _, h := range res.Hits[1:] {
				for _, r := range h.References {
					if r.Entity == res.Hits[0].Entity {
						t.Errorf("%s is in two hits", r.Entity)
					}
				}
			}
		})
	}
}

func TestYearRange(t *testing.T) {
	tests := []struct {
		from, to string
		want     []string
	}{
		{"1967", "1969", []string{"1967", "1968", "1969"}},
		{"1944", "1944", []string{"1944"}},
		{"1969", "1967", []string{"1969", "1967"}}, // reversed: the ends as written
		{"1900", "1990", []string{"1900", "1990"}}, // too wide to be a range
		{"1944-10-13", "1946", []string{"1944-10-13", "1946"}},
		{"", "1946", []string{"1946"}},
		{"", "", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, yearRange(tt.from, tt.to)); diff != "" {
			t.Errorf("yearRange(%q, %q) (-want +got):\n%s", tt.from, tt.to, diff)
		}
	}
}
