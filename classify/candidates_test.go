package classify

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSubheadingCandidateFirst checks the candidates of a concept of
// ordinary goods that names its heading only: the subheading the index
// prefers within the heading comes first, the heading next, while the
// answer stays at heading level; a subheading the index decides is the
// answer and the first candidate; a tie offers no guess.
func TestSubheadingCandidateFirst(t *testing.T) {
	c := newClassifier(t)
	type got struct {
		HS6    string
		First  []string // the first two candidates, code and level
		Review bool
	}
	tests := []struct {
		desc string
		want got
	}{
		// The index prefers 1003.90 (barley other than seed) by a little:
		// a guess, not an answer.
		{"Malting barley, bulk, 3,000 MT", got{HS6: "", First: []string{"100390 subheading", "1003 heading"}}},
		// "cathodes" decides 7403.11: the answer leads.
		{"copper cathodes", got{HS6: "740311", First: []string{"740311 subheading", "7403 heading"}}},
		// Nothing prefers one subheading of 0401 over another.
		{"whole milk", got{HS6: "", First: []string{"0401 heading"}}},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		g := got{HS6: r.HS6, Review: r.NeedsReview}
		for i, x := range r.Candidates {
			if i == len(tt.want.First) {
				break
			}
			g.First = append(g.First, x.Code+" "+string(x.Level))
		}
		if diff := cmp.Diff(tt.want, g); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.desc, diff)
		}
	}
}

// TestIndexCandidatesDistinctHeadings checks that the index's candidates
// after the lexicon's each add a heading not listed yet, so that the
// five candidates span as many headings as the index offers.
func TestIndexCandidatesDistinctHeadings(t *testing.T) {
	c := newClassifier(t)
	for _, desc := range []string{"PET bottles preform", "stainless steel bolts M10", "USB-C charging cable", "Frozen beef liver, 10kg cartons"} {
		r := mustClassify(t, c, Item{Description: desc})
		seen := map[string]bool{}
		for _, x := range r.Candidates {
			h := x.Code[:4]
			isIndex := len(x.Evidence) == 1 && x.Evidence[0] == "nomenclature text match"
			if isIndex && seen[h] {
				t.Errorf("%q: index candidate %s repeats heading %s: %v", desc, x.Code, h, r.Candidates)
			}
			seen[h] = true
		}
		if len(r.Candidates) < maxCandidates {
			t.Errorf("%q: %d candidates, want %d", desc, len(r.Candidates), maxCandidates)
		}
	}
}
