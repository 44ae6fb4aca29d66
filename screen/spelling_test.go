package screen

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSpellingPairs pins that a misspelt word is measured against the
// spelling a listed name wrote where the lexicon rewrote it, and that a
// word of another spelling does not borrow from it.
func TestSpellingPairs(t *testing.T) {
	s, err := NewScreener()
	if err != nil {
		t.Fatal(err)
	}
	match, review := s.Thresholds()
	band := func(score float64) string {
		switch {
		case score >= match:
			return "match"
		case score >= review:
			return "review"
		}
		return "clear"
	}
	tests := []struct {
		query, listed string
		want          string
	}{
		{"AMROGGANG DEVELOPMENT BANKIHG CORPORATION", "AMROGGANG DEVELOPMENT BANKING CORPORATION", "match"},
		{"KOREA INTERNATIONAL CHEMICAL JOINNT VENTURE COMPANY", "KOREA INTERNATIONAL CHEMICAL JOINT VENTURE COMPANY", "match"},
		{"SEGCOND ECONOMIC COMMITTEE", "SECOND ECONOMIC COMMITTEE", "match"},
		{"FIRSLT OIL JV CO LTD", "FIRST OIL JV CO LTD", "match"},
		{"Chzson Taesong Unhaeng", "Choson Taesong Unhaeng", "match"},
		// Another word, not a typo of the listed spelling.
		{"AMROGGANG DEVELOPMENT BANKERS CORPORATION", "AMROGGANG DEVELOPMENT BANKING CORPORATION", "clear"},
		{"THIRTY ECONOMIC COMMITTEE", "SECOND ECONOMIC COMMITTEE", "clear"},
	}
	got := make(map[string]string)
	want := make(map[string]string)
	for _, tc := range tests {
		score, _ := s.Compare(tc.query, tc.listed, KindOrganisation)
		got[tc.query] = band(score)
		want[tc.query] = tc.want
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("bands (-want +got):\n%s", diff)
	}
}
