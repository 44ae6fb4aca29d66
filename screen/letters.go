package screen

// letterCounts is a word's letter histogram (see histogram) packed for the
// edit-distance lower bound: its 27 counts in fields of four bits, slots
// 0–15 in lo and 16–26 in hi, each count held to 7 so that the top bit of
// its field is free to stop a borrow when fields are subtracted all at
// once. A count held back sets letterCapped, and a bound with such
// counts is taken from the words themselves (see editLowerBound), so the
// bound is always the histogram's.
type letterCounts struct{ lo, hi uint64 }

// Masks of the fields of letterCounts: their top bits, their low three
// bits, and the mark of a count held to 7 (the top bit of hi, in a field
// no slot uses).
const (
	fieldTops    = 0x8888888888888888
	fieldLows    = 0x7777777777777777
	letterCapped = 1 << 63
)

// countLetters returns the letter counts of s.
func countLetters(s string) letterCounts {
	h := histogram(s)
	var n letterCounts
	for i, c := range h {
		if c > 7 {
			c = 7
			n.hi |= letterCapped
		}
		if i < 16 {
			n.lo |= uint64(c) << (4 * i)
		} else {
			n.hi |= uint64(c) << (4 * (i - 16))
		}
	}
	return n
}

// editLowerBound is levLowerBound of words a and b, whose letter counts
// are an and bn, computed on all fields at once: the larger of the sums
// of the positive and of the negative count differences is half their
// absolute sum plus the absolute difference of the totals. Words with a
// count held back are counted again from their text.
func editLowerBound(a, b string, an, bn letterCounts) int {
	if (an.hi|bn.hi)&letterCapped != 0 {
		ha, hb := histogram(a), histogram(b)
		return levLowerBound(&ha, &hb)
	}
	abs := sumFields(absDiff(an.lo, bn.lo)) + sumFields(absDiff(an.hi, bn.hi))
	d := sumFields(an.lo) + sumFields(an.hi) - sumFields(bn.lo) - sumFields(bn.hi)
	if d < 0 {
		d = -d
	}
	return (abs + d) / 2
}

// absDiff returns the field-wise absolute difference of x and y, whose
// fields are at most 7: x−y and y−x with each field's top bit set first,
// so that no field borrows from the next, and the top bit left where the
// first is not negative.
func absDiff(x, y uint64) uint64 {
	xy, yx := (x|fieldTops)-y, (y|fieldTops)-x
	ge := ((xy & fieldTops) >> 3) * 7
	return xy&ge | (yx&fieldLows)&^ge
}

// sumFields returns the sum of the fields of v, each at most 15.
func sumFields(v uint64) int {
	v = v&0x0f0f0f0f0f0f0f0f + v>>4&0x0f0f0f0f0f0f0f0f
	return int(v * 0x0101010101010101 >> 56)
}
