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

// TestDelIndexNeighbours checks the deletion index's look-up on a
// vocabulary dense in neighbours (words over four letters, some longer
// than the 64 bytes a look-up's buffers hold, some with two-byte
// letters): every word within one deletion, insertion, substitution or
// adjacent transposition of the query is found, and every word found
// shares a deletion key with it. It fails when a bucket is cut short, or
// a look-up returns a term it has no key for.
func TestDelIndexNeighbours(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2026))
	letters := []rune("abcé")
	word := func(n int) string {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = letters[rng.IntN(len(letters))]
		}
		return string(rs)
	}
	seen := map[string]bool{}
	var vocab []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	for range 3000 {
		add(word(3 + rng.IntN(6)))
	}
	for range 40 {
		add(word(60 + rng.IntN(20)))
	}
	n := 0
	for _, w := range vocab {
		n += len([]rune(w)) + 1
	}
	each := func(yield func(h uint64, t uint32)) {
		for id, w := range vocab {
			for _, h := range deletionHashes(nil, w) {
				yield(h, uint32(id))
			}
		}
	}
	d := newDelIndex(n, each, len(vocab))
	keys := func(s string) map[uint64]bool {
		m := map[uint64]bool{}
		for _, h := range deletionHashes(nil, s) {
			m[h>>d.shift<<32^d.key(h)] = true
		}
		return m
	}
	var queries []string
	for range 300 {
		w := []rune(vocab[rng.IntN(len(vocab))])
		queries = append(queries, string(w), oneEdit(w, rng, letters))
	}
	for _, q := range queries {
		got := map[string]bool{}
		for _, id := range d.neighbours(nil, q) {
			got[vocab[id]] = true
		}
		qk := keys(q)
		for _, w := range vocab {
			if oneEditApart([]rune(q), []rune(w)) && !got[w] {
				t.Errorf("neighbours(%q) lost %q, one edit away", q, w)
			}
		}
		for w := range got {
			shared := false
			for k := range keys(w) {
				shared = shared || qk[k]
			}
			if !shared {
				t.Errorf("neighbours(%q) returned %q, which has no key of its", q, w)
			}
		}
	}
}

// oneEdit returns w with one random deletion, insertion, substitution or
// adjacent transposition.
func oneEdit(w []rune, rng *rand.Rand, letters []rune) string {
	i := rng.IntN(len(w))
	c := letters[rng.IntN(len(letters))]
	switch rng.IntN(4) {
	case 0:
		return string(append(w[:i:i], w[i+1:]...))
	case 1:
		return string(append(append(w[:i:i], c), w[i:]...))
	case 2:
		return string(append(append(w[:i:i], c), w[i+1:]...))
	}
	if i == len(w)-1 {
		return string(w)
	}
	return string(append(append(w[:i:i], w[i+1], w[i]), w[i+2:]...))
}

// oneEditApart reports whether a and b are equal or one deletion,
// insertion, substitution or adjacent transposition apart.
func oneEditApart(a, b []rune) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	switch {
	case len(a) == len(b):
		return i == len(a) || string(a[i+1:]) == string(b[i+1:]) ||
			i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && string(a[i+2:]) == string(b[i+2:])
	case len(a) == len(b)+1:
		return string(a[i+1:]) == string(b[i:])
	}
	return false
}

// TestHashSet checks the written spellings' hash set against a map: every
// member is found, alone or among others, and no other hash is, but for
// the hash one when zero is a member. The hashes are crowded into a few
// top bits, so that the set's probes run long, and a look-up of more
// hashes than its buffer holds is checked too.
func TestHashSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	m := map[uint64]struct{}{0: {}}
	for range 5000 {
		m[uint64(rng.IntN(8))<<61|rng.Uint64()>>40] = struct{}{}
	}
	s := newHashSet(m)
	var others []uint64
	for range 5000 {
		h := uint64(rng.IntN(8))<<61 | rng.Uint64()>>40
		if _, ok := m[h]; !ok && h != 1 {
			others = append(others, h)
		}
	}
	for h := range m {
		if !s.hasAny([]uint64{h}) {
			t.Errorf("member %#x not found", h)
		}
	}
	if !s.hasAny([]uint64{1}) {
		t.Error("hash one not found with zero a member")
	}
	for _, h := range others {
		if s.hasAny([]uint64{h}) {
			t.Errorf("%#x found, not a member", h)
		}
	}
	long := append([]uint64(nil), others[:100]...)
	if s.hasAny(long) {
		t.Error("100 non-members: one found")
	}
	for h := range m {
		long[rng.IntN(len(long))] = h
		break
	}
	if !s.hasAny(long) {
		t.Error("100 hashes, one a member: not found")
	}
	empty := newHashSet(nil)
	if empty.hasAny([]uint64{0, 1, 2}) {
		t.Error("empty set: found a hash")
	}
}
