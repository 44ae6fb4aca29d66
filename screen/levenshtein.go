package screen

import "github.com/antzucaro/matchr"

// maxFastLev bounds the strings levenshtein handles on the stack.
const maxFastLev = 64

// levenshtein returns the edit distance of a and b, as
// matchr.Levenshtein does. It is the innermost loop of screening, and the
// names it compares are folded to ASCII first, so for ASCII strings of up
// to maxFastLev bytes it keeps one row on the stack instead of allocating a
// matrix per call; anything else goes to matchr.
func levenshtein(a, b string) int {
	if len(b) > len(a) {
		a, b = b, a
	}
	if len(b) >= maxFastLev || !isASCII(a) || !isASCII(b) {
		return matchr.Levenshtein(a, b)
	}
	if len(b) == 0 {
		return len(a)
	}
	var row [maxFastLev]int
	for j := 0; j <= len(b); j++ {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			up := row[j]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[j] = min(up+1, row[j-1]+1, diag+cost)
			diag = up
		}
	}
	return row[len(b)]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
