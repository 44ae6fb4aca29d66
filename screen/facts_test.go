package screen

import (
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
	}{
		// NATIONALITY>VALUE and a three-part INDIVIDUAL_PLACE_OF_BIRTH.
		{"UN:KPi.040", []string{"Democratic People's Republic of Korea"}, []string{"Musan, North Hamgyo'ng Province, Democratic People's Republic of Korea"}},
		// An empty INDIVIDUAL_PLACE_OF_BIRTH is no place.
		{"UN:KPi.001", []string{"Democratic People's Republic of Korea"}, nil},
		// "nationality Korea, North" in the remarks.
		{"OFAC:18552", []string{"Korea, North"}, nil},
		// "POB Onso'ng County, North Hambuk Province, …" in the remarks.
		{"OFAC:15771", nil, []string{"Onso'ng County, North Hambuk Province, Democratic People's Republic of Korea"}},
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
			for _, n := range e.Nationalities {
				if !contains(e.Countries, n) {
					t.Errorf("nationality %q is not among the countries %q", n, e.Countries)
				}
			}
		})
	}
}
