package lists

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGaps(t *testing.T) {
	un := mkList("un", "UN",
		mkEntry("un-jewel", "7113", "7116"),
		mkEntry("un-yacht", "ex 8903"),
		mkEntry("un-crystal", "701322", "701333"),
	)
	full := mkList("aa", "AA", mkEntry("aa-jewel", "71"), mkEntry("aa-yacht", "8903"), mkEntry("aa-glass", "7013"))
	part := mkList("bb", "BB", mkEntry("bb-jewel", "7113"), mkEntry("bb-yacht", "ex 8903"))
	none := mkList("cc", "CC", mkEntry("cc-cars", "8703"))
	got := Gaps([]*List{un}, []*List{none, part, full, un})
	want := []Gap{
		{Jurisdiction: "BB", Baseline: "un-jewel", Category: "un-jewel", Citation: "test un-jewel", Extent: Some, Uncovered: []string{"7116"}},
		{Jurisdiction: "BB", Baseline: "un-yacht", Category: "un-yacht", Citation: "test un-yacht", Extent: Some},
		{Jurisdiction: "BB", Baseline: "un-crystal", Category: "un-crystal", Citation: "test un-crystal", Extent: None, Uncovered: []string{"701322", "701333"}},
		{Jurisdiction: "CC", Baseline: "un-jewel", Category: "un-jewel", Citation: "test un-jewel", Extent: None, Uncovered: []string{"7113", "7116"}},
		{Jurisdiction: "CC", Baseline: "un-yacht", Category: "un-yacht", Citation: "test un-yacht", Extent: None, Uncovered: []string{"8903"}},
		{Jurisdiction: "CC", Baseline: "un-crystal", Category: "un-crystal", Citation: "test un-crystal", Extent: None, Uncovered: []string{"701322", "701333"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Gaps (-want +got):\n%s", diff)
	}
}
