package screen

import (
	"testing"
)

// TestHugeRange checks that the range advised is the huge pages wholly
// within an array, whatever its alignment, and empty when there is none.
func TestHugeRange(t *testing.T) {
	const h = hugePage
	for _, c := range []struct {
		addr, size, start, end uintptr
	}{
		{addr: 0, size: h, start: 0, end: h},
		{addr: h, size: h, start: h, end: 2 * h},
		{addr: h, size: h - 1, start: 0, end: 0},
		{addr: h + 1, size: 2 * h, start: 2 * h, end: 3 * h},
		{addr: h + 1, size: 2*h - 1, start: 2 * h, end: 3 * h},
		{addr: h + 1, size: 2*h - 2, start: 0, end: 0},
		{addr: 3*h - 8, size: 5 * h, start: 3 * h, end: 7 * h},
		{addr: 4096, size: 100, start: 0, end: 0},
	} {
		start, end := hugeRange(c.addr, c.size)
		if start != c.start || end != c.end {
			t.Errorf("hugeRange(%#x, %#x) = [%#x, %#x), want [%#x, %#x)", c.addr, c.size, start, end, c.start, c.end)
		}
	}
}

// TestHugePages checks that advising an array leaves it where it was,
// with what it held: advice that frees pages (MADV_DONTNEED, MADV_FREE)
// would read back zeros.
func TestHugePages(t *testing.T) {
	s := make([]uint32, 3*hugePage/4)
	for i := range s {
		s[i] = uint32(i) * 2654435761
	}
	at := &s[0]
	hugePages(s)
	hugePages(s[:0])
	hugePages([]uint32(nil))
	if &s[0] != at {
		t.Fatal("the array moved")
	}
	for i := range s {
		if s[i] != uint32(i)*2654435761 {
			t.Fatalf("s[%d] = %d after hugePages, want %d", i, s[i], uint32(i)*2654435761)
		}
	}
}
