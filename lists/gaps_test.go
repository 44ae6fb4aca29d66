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
		{Record: "gap", Jurisdiction: "BB", Baseline: "un-jewel", Category: "un-jewel", Citation: "test un-jewel", Extent: Some, Uncovered: []string{"7116"}},
		{Record: "gap", Jurisdiction: "BB", Baseline: "un-yacht", Category: "un-yacht", Citation: "test un-yacht", Extent: Some},
		{Record: "gap", Jurisdiction: "BB", Baseline: "un-crystal", Category: "un-crystal", Citation: "test un-crystal", Extent: None, Uncovered: []string{"701322", "701333"}},
		{Record: "gap", Jurisdiction: "CC", Baseline: "un-jewel", Category: "un-jewel", Citation: "test un-jewel", Extent: None, Uncovered: []string{"7113", "7116"}},
		{Record: "gap", Jurisdiction: "CC", Baseline: "un-yacht", Category: "un-yacht", Citation: "test un-yacht", Extent: None, Uncovered: []string{"8903"}},
		{Record: "gap", Jurisdiction: "CC", Baseline: "un-crystal", Category: "un-crystal", Citation: "test un-crystal", Extent: None, Uncovered: []string{"701322", "701333"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Gaps (-want +got):\n%s", diff)
	}
}

func TestCopiesAndSameDerivation(t *testing.T) {
	un := mkList("un", "UN", mkEntry("un-jewel", "7113"), mkEntry("un-yacht", "ex 8903"))
	copyJewel := mkEntry("aa-jewel", "7113")
	copyJewel.DerivedFrom = "un"
	copyYacht := mkEntry("aa-yacht", "ex 8903")
	copyYacht.DerivedFrom = "un"
	aa := mkList("aa", "AA", copyJewel, copyYacht)
	bbJewel := mkEntry("bb-jewel", "7113")
	bbJewel.DerivedFrom = "un"
	bb := mkList("bb", "BB", bbJewel, mkEntry("bb-yacht", "8903"))

	got := Copies([]*List{un}, []*List{aa, bb})
	want := []Copy{
		{Record: "same-derivation", Jurisdiction: "AA", Baseline: "un-jewel", Category: "un-jewel", Entries: []string{"aa-jewel"}},
		{Record: "same-derivation", Jurisdiction: "AA", Baseline: "un-yacht", Category: "un-yacht", Entries: []string{"aa-yacht"}},
		{Record: "same-derivation", Jurisdiction: "BB", Baseline: "un-jewel", Category: "un-jewel", Entries: []string{"bb-jewel"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Copies (-want +got):\n%s", diff)
	}

	// AA and BB agree on 7113 only because both copy the UN derivation;
	// on 8903 BB has its own entry.
	c := Compare(aa, bb)
	var same []string
	for _, r := range c.SameDerivation() {
		same = append(same, r.Heading+"="+r.SameDerivation)
	}
	if diff := cmp.Diff([]string{"7113=un"}, same); diff != "" {
		t.Errorf("SameDerivation (-want +got):\n%s", diff)
	}
	// A list compared with the list it copies is the same derivation too.
	if got := len(Compare(un, aa).SameDerivation()); got != 2 {
		t.Errorf("UN vs its copy: %d headings of the same derivation, want 2", got)
	}
}
