package screeneval

import "testing"

// checkSums checks that every set ran and that its rows add up to its
// total.
func checkSums(t *testing.T, rep *Report) {
	t.Helper()
	if len(rep.Sets) == 0 {
		t.Fatal("no sets ran")
	}
	for _, s := range rep.Sets {
		var sum Tally
		for _, r := range s.Rows {
			if r.Match+r.Review > r.N || r.Found > r.N || r.ReviewNoHit > r.Review {
				t.Errorf("%s / %s: counts exceed n: %+v", s.Name, r.Group, r)
			}
			sum.N += r.N
			sum.Found += r.Found
			sum.Match += r.Match
			sum.Review += r.Review
			sum.ReviewNoHit += r.ReviewNoHit
		}
		tot := s.Total
		if (tot.N == 0 && len(s.Rows) > 0) || sum.N != tot.N || sum.Found != tot.Found || sum.Match != tot.Match || sum.Review != tot.Review || sum.ReviewNoHit != tot.ReviewNoHit {
			t.Errorf("%s: rows sum to %+v, total %+v", s.Name, sum, tot)
		}
	}
}
