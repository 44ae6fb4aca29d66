package names

// Skeleton returns the Korean romanisation key of one folded token. It maps
// the McCune–Reischauer, DPRK-official and Revised Romanisation spellings of
// a syllable string to one key, so that Ryonbong, Ryongbong, Yonbong and
// Lyonbong meet, as do Choson/Joseon, Taedong/Daedong, Phyongyang/Pyongyang,
// Amroggang/Amnokkang and Ri/Li/Lee/Yi. The rules, in order:
//
//   - digraphs: tch, ch and j → c; sh → s; kh, th, ph → k, t, p (DPRK
//     aspirates); eo → o and eu → u (Revised ŏ, ŭ); oo → u; ee → i;
//     ng is one consonant;
//   - lax and tense stops fall together: g → k, d → t, b → p;
//   - a word-initial r, l or n before i or y is dropped (Ri/Li/I,
//     Ryu/Yu), initial yi is i, and any other initial l is r;
//   - assimilation: ng before a consonant is n (Ryongbong/Ryonbong,
//     Tongbang) and r after a consonant is n (Amrok/Amnok);
//   - doubled letters collapse (kk → k).
//
// The key conflates some non-Korean spellings too (Henry and Henny); the
// matcher therefore uses it as one signal beside the plain spelling, never
// alone. Tokens with characters outside a–z are returned unchanged.
func Skeleton(tok string) string {
	if !lowerLatin(tok) {
		return tok
	}
	var buf [64]byte
	return string(AppendSkeleton(buf[:0], tok))
}

// lowerLatin reports whether every byte of s is a letter a–z.
func lowerLatin(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// AppendSkeleton appends the skeleton of tok (see Skeleton) to dst and
// returns the extended buffer, for callers that keep many skeletons in
// one array.
func AppendSkeleton(dst []byte, tok string) []byte {
	if !lowerLatin(tok) {
		return append(dst, tok...)
	}
	var buf [64]byte
	out := buf[:0]
	for i := 0; i < len(tok); {
		c := tok[i]
		var n byte
		if i+1 < len(tok) {
			n = tok[i+1]
		}
		if c == 't' && n == 'c' && i+2 < len(tok) && tok[i+2] == 'h' {
			out = append(out, 'c')
			i += 3
			continue
		}
		if d, ok := digraph(c, n); ok {
			out = append(out, d)
			i += 2
			continue
		}
		switch c {
		case 'j':
			c = 'c'
		case 'g':
			c = 'k'
		case 'd':
			c = 't'
		case 'b':
			c = 'p'
		}
		out = append(out, c)
		i++
	}
	// Initial liquids and nasals.
	if len(out) >= 2 && (out[0] == 'r' || out[0] == 'l' || out[0] == 'n') && (out[1] == 'i' || out[1] == 'y') {
		out = out[1:]
	}
	if len(out) >= 2 && out[0] == 'y' && out[1] == 'i' {
		out = out[1:]
	}
	if len(out) >= 1 && out[0] == 'l' {
		out[0] = 'r'
	}
	// Assimilation and doubled letters, in one pass.
	start := len(dst)
	for i := 0; i < len(out); i++ {
		c := out[i]
		if c == 'N' && i+1 < len(out) && isConsonant(out[i+1]) {
			c = 'n'
		}
		if c == 'r' && i > 0 && isConsonant(out[i-1]) && out[i-1] != 'r' && out[i-1] != 'l' {
			c = 'n'
		}
		if len(dst) > start && dst[len(dst)-1] == c {
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// digraph returns the skeleton letter of the two letters c and n when they
// are one sound: ch and sh, the DPRK aspirates kh, th and ph, the Revised
// vowels eo and eu, oo, ee, and ng.
func digraph(c, n byte) (byte, bool) {
	if n == 'h' && (c == 'c' || c == 's' || c == 'k' || c == 't' || c == 'p') {
		return c, true
	}
	switch uint16(c)<<8 | uint16(n) {
	case 'n'<<8 | 'g':
		return 'N', true
	case 'e'<<8 | 'o':
		return 'o', true
	case 'e'<<8 | 'u', 'o'<<8 | 'o':
		return 'u', true
	case 'e'<<8 | 'e':
		return 'i', true
	}
	return 0, false
}

// isConsonant reports whether c (a skeleton byte) is a consonant; y and w
// glide into the next vowel and count as vowels here.
func isConsonant(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
		return false
	}
	return c >= 'a' && c <= 'z' || c == 'N'
}
