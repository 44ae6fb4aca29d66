package luxscreen

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/lists"
)

func TestFilterOptions(t *testing.T) {
	now := time.Date(2026, 11, 23, 23, 30, 0, 0, time.FixedZone("UTC-5", -5*3600))
	tests := []struct {
		name    string
		f       Filter
		want    lists.Options
		wantErr string // the FilterError's field
	}{
		{"today in UTC", Filter{}, lists.Options{Date: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}, ""},
		{"all", Filter{Date: "2019-06-01", Jurisdictions: " eu, GB ,", Kinds: "luxury,sectoral", Direction: "export-to"},
			lists.Options{Date: time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC), Jurisdictions: []string{"EU", "GB"},
				Kinds: []lists.Kind{lists.Luxury, lists.Sectoral}, Direction: lists.ExportTo}, ""},
		{"bad date", Filter{Date: "1/6/2019"}, lists.Options{}, "date"},
		{"bad kind", Filter{Kinds: "luxury,fancy"}, lists.Options{}, "kind"},
		{"bad direction", Filter{Direction: "sideways"}, lists.Options{}, "direction"},
		{"unassigned jurisdiction XX", Filter{Jurisdictions: "XX"}, lists.Options{}, "jurisdiction"},
		{"unassigned jurisdiction KO", Filter{Jurisdictions: "UN,KO"}, lists.Options{}, "jurisdiction"},
		{"private-use jurisdiction ZZ", Filter{Jurisdictions: "zz"}, lists.Options{}, "jurisdiction"},
		{"name of no jurisdiction", Filter{Jurisdictions: "Narnia"}, lists.Options{}, "jurisdiction"},
		{"member state", Filter{Date: "2019-06-01", Jurisdictions: "fr, United Kingdom"},
			lists.Options{Date: time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC), Jurisdictions: []string{"FR", "GB"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f.Options(now)
			if tt.wantErr != "" {
				var fe *FilterError
				if !errors.As(err, &fe) || fe.Field != tt.wantErr {
					t.Fatalf("error %v, want a FilterError on %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestCatalogueJurisdictionsKnown checks that every jurisdiction of the
// embedded catalogue passes the lookup filter, so that the filter refuses
// only codes that bind no one.
func TestCatalogueJurisdictionsKnown(t *testing.T) {
	cat, err := lists.Default(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range cat.Lists() {
		if !knownJurisdiction(l.Jurisdiction) {
			t.Errorf("list %s: jurisdiction %q is refused by the lookup filter", l.ID, l.Jurisdiction)
		}
	}
}
