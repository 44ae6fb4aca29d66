package screen

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPackedSums checks that the range a row's packed sums unpack to
// holds the sums, so that the quick bound taken from it stays above the
// score: the total within [totalLo, totalHi], the legal forms' weight at
// most legal, the extra_floor excess at least extra, and values past a
// field's range unbounded on the side that must be.
func TestPackedSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	sums := []rowSums{{}, {total: 1, legal: 0.25, extra: 0.5}, {total: 31.99, legal: 7.99, extra: 15.99},
		{total: 32, legal: 8, extra: 16}, {total: 1000, legal: 100, extra: 100}, {total: 1.0 / 256, legal: 1.0 / 64, extra: 1.0 / 64}}
	for range 10000 {
		sums = append(sums, rowSums{total: rng.Float32() * 40, legal: rng.Float32() * 10, extra: rng.Float32() * 20})
	}
	for _, s := range sums {
		sr := packSums(s).unpack()
		if !(sr.totalLo <= s.total && s.total <= sr.totalHi && s.legal <= sr.legal && sr.extra <= s.extra) {
			t.Errorf("packSums(%+v).unpack() = %+v, does not hold it", s, sr)
		}
		if s.total < 31 && sr.totalHi-sr.totalLo > 1.0/psTotalScale+1e-6 {
			t.Errorf("packSums(%+v).unpack() = %+v: total wider than 1/%d", s, sr, psTotalScale)
		}
	}
	if sr := packSums(rowSums{total: 1000, legal: 100}).unpack(); sr.totalHi != math.MaxFloat32 || sr.legal != math.MaxFloat32 {
		t.Errorf("past the range: %+v, want total and legal unbounded above", sr)
	}
}
