package screen

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWarmU32(t *testing.T) {
	s := make([]uint32, 40)
	for i := range s {
		s[i] = uint32(i + 1)
	}
	// One element in each 64-byte line: the 1st, 17th and 33rd.
	if diff := cmp.Diff(uint32(1+17+33), warmU32(s)); diff != "" {
		t.Errorf("warmU32 (-want +got):\n%s", diff)
	}
	if got := warmU32([]packedSums(nil)); got != 0 {
		t.Errorf("warmU32(nil) = %d, want 0", got)
	}
}

// TestWarmScreened reads, as a screening does, every row of the demo
// list and the hits of a screening: the warm functions read what
// scoring and hits read, and must not fail on any row.
func TestWarmScreened(t *testing.T) {
	s := demoScreener(t)
	gen := s.gen.Load()
	var rows []*nameRow
	for _, r := range gen.all.each() {
		rows = append(rows, r)
	}
	if warmRows(rows) == 0 {
		t.Error("warmRows read nothing of the demo rows")
	}
	e := Query{Name: "Korea Mining Development Trading Corporation", Kind: KindOrganisation}.entity()
	res, err := s.Screen(context.Background(), e)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no hit for KOMID on the demo list")
	}
	best := make(map[*listed]*candidate)
	for _, h := range res.Hits {
		best[gen.byID[h.Entity]] = &candidate{score: h.Score}
	}
	if warmHits(best, s.t.Review) == 0 {
		t.Error("warmHits read nothing of the hits")
	}
	if warmHits(best, 2) != 0 {
		t.Error("warmHits read candidates below the threshold")
	}
}
