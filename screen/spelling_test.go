package screen

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/screen/names"
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

// TestStrSlab checks that the strings a strSlab gives keep their text
// while the slab fills and starts new arrays, and that its skeletons are
// names.Skeleton's.
func TestStrSlab(t *testing.T) {
	var s strSlab
	var want, got []string
	for i := range 3000 {
		text := strings.Repeat(alphaWord(i), 1+i%7)
		if i%1000 == 999 {
			text = strings.Repeat("x", strSlabLen+1)
		}
		want = append(want, text, names.Skeleton(text))
		got = append(got, s.add([]byte(text)), s.skeleton(text))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("strSlab strings differ from their texts and skeletons (-want +got):\n%s", diff)
	}
}
