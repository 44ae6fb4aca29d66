package screen

import (
	"math/rand/v2"
	"testing"

	"github.com/antzucaro/matchr"
)

func TestLevenshteinAgreesWithMatchr(t *testing.T) {
	pairs := [][2]string{
		{"", ""}, {"", "abc"}, {"abc", ""}, {"kitten", "sitting"},
		{"RYONBONG", "RYONGBONG"}, {"CHOSON", "CHOSUN"}, {"CHOSON", "JOSEON"},
		{"흥", "HUNG"}, {"Ünal", "UNAL"},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		pairs = append(pairs, [2]string{randWord(r, 20), randWord(r, 20)})
	}
	pairs = append(pairs, [2]string{randWord(r, 90) + "x", randWord(r, 70) + "y"}) // beyond the stack row
	for _, p := range pairs {
		if got, want := levenshtein(p[0], p[1]), matchr.Levenshtein(p[0], p[1]); got != want {
			t.Errorf("levenshtein(%q, %q) = %d, matchr says %d", p[0], p[1], got, want)
		}
	}
}

func randWord(r *rand.Rand, maxLen int) string {
	b := make([]byte, r.IntN(maxLen))
	for i := range b {
		b[i] = "ABCGHKNORSY "[r.IntN(12)]
	}
	return string(b)
}

func FuzzLevenshtein(f *testing.F) {
	f.Add("RYONBONG", "RYONGBONG")
	f.Add("", "X")
	f.Add("Ünal", "UNAL")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := levenshtein(a, b), matchr.Levenshtein(a, b); got != want {
			t.Errorf("levenshtein(%q, %q) = %d, matchr says %d", a, b, got, want)
		}
	})
}

func BenchmarkLevenshtein(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		levenshtein("KOREA RYONGBONG GENERAL CORPORATION", "KOREA RYONBONG GENERAL CORP")
	}
}

func BenchmarkLevenshteinMatchr(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		matchr.Levenshtein("KOREA RYONGBONG GENERAL CORPORATION", "KOREA RYONBONG GENERAL CORP")
	}
}
