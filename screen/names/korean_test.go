package names

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testSyllables is a small inventory for the grammar's mechanics; the
// screening weights file holds the full one, tested in package screen.
var testSyllables = Syllables{
	Initials:  []string{"k", "g", "n", "d", "t", "r", "m", "b", "p", "s", "sh", "ch", "j", "h", "ph", "kh"},
	Vowels:    []string{"a", "ae", "o", "eo", "yo", "u", "i", "e", "wa", "ee"},
	Finals:    []string{"k", "g", "n", "l", "m", "p", "ng"},
	Doubles:   []string{"kk", "gg", "ll", "ee"},
	Spellings: []string{"park"},
}

func TestKoreanPlausible(t *testing.T) {
	k, err := NewKorean(testSyllables)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"siam", "ryonbong", "choson", "daedong", "phyongyang", "amnokkang", "chollima", "lee", "park",
		"rice", "nice", "electric", "shipping", "trading", "park2", "", "x"}
	got := map[string]bool{}
	for _, w := range words {
		got[w] = k.Plausible(w)
	}
	want := map[string]bool{
		// Runs of syllables, with doubled letters only where allowed.
		"siam": true, "ryonbong": true, "choson": true, "daedong": true, "phyongyang": false,
		"amnokkang": true, "chollima": false, "lee": false, "park": true,
		// A c without h, a doubled p, a consonant cluster: not Korean.
		"rice": false, "nice": false, "electric": false, "shipping": false, "trading": false,
		// Not a folded word.
		"park2": false, "": false, "x": false,
	}
	// The small inventory lacks the vowel ya and the initial l, so
	// phyongyang, chollima and lee fail here; the full inventory accepts
	// them (package screen).
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Plausible (-want +got):\n%s", diff)
	}
	var none *Korean
	if !none.Plausible("rice") {
		t.Error("a nil Korean must find every word plausible")
	}
}

func TestNewKoreanErrors(t *testing.T) {
	tests := []struct {
		name string
		s    Syllables
	}{
		{"no vowels", Syllables{Initials: []string{"k"}}},
		{"upper case", Syllables{Vowels: []string{"A"}}},
		{"bad double", Syllables{Vowels: []string{"a"}, Doubles: []string{"kg"}}},
		{"empty spelling", Syllables{Vowels: []string{"a"}, Spellings: []string{""}}},
	}
	for _, tt := range tests {
		if _, err := NewKorean(tt.s); !errors.Is(err, ErrSyllables) {
			t.Errorf("%s: NewKorean(%+v) = %v, want ErrSyllables", tt.name, tt.s, err)
		}
	}
}

// FuzzKoreanPlausible checks that the syllable parse never panics, that
// only folded words are plausible, and that a plausible word built of
// syllables stays so when the syllable "ha" is appended (h is no final, so
// no doubled letter can arise).
func FuzzKoreanPlausible(f *testing.F) {
	k, err := NewKorean(testSyllables)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"choson", "rice", "amnokkang", "", "ㄱ", "shipping", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !k.Plausible(s) {
			return
		}
		if !isASCIILetters(s) {
			t.Fatalf("Plausible(%q) for a word with other characters", s)
		}
		if len(s) < 60 && !k.spellings[s] && !k.Plausible(s+"ha") {
			t.Fatalf("Plausible(%q) but not with the syllable ha appended", s)
		}
	})
}

// TestPieceSet checks the bit set of syllable parts against the map it is
// made from, for every string of up to four letters of a small alphabet
// and for strings it cannot code.
func TestPieceSet(t *testing.T) {
	m := map[string]bool{"a": true, "z": true, "ch": true, "tch": true, "zzz": true, "wae": true, "ssha": true}
	ps := newPieceSet(m)
	var all []string
	var grow func(s string)
	grow = func(s string) {
		if len(s) > 0 {
			all = append(all, s)
		}
		if len(s) == 4 {
			return
		}
		for _, c := range "achtswez" {
			grow(s + string(c))
		}
	}
	grow("")
	all = append(all, "", "A", "c-", "é", "sshaa")
	for _, s := range all {
		if got, want := ps.has(s), m[s]; got != want {
			t.Errorf("has(%q) = %v, want %v", s, got, want)
		}
	}
}
