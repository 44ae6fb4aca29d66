package screen

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// typo is one single-character edit of a listed name.
type typo struct {
	name, edit string
}

// typoVariants returns every single-character deletion, insertion,
// substitution and adjacent transposition inside the runs of five or more
// ASCII letters of name. Insertions and substitutions use the letters
// letters(i) returns for position i of name, so that a caller can test the
// whole alphabet or a deterministic part of it.
func typoVariants(name string, letters func(i int) string) []typo {
	var out []typo
	seen := map[string]bool{name: true}
	add := func(v, edit string) {
		if !seen[v] {
			seen[v] = true
			out = append(out, typo{v, edit})
		}
	}
	for start := 0; start < len(name); {
		end := start
		for end < len(name) && isASCIILetter(name[end]) {
			end++
		}
		if end-start >= 5 {
			for i := start; i < end; i++ {
				add(name[:i]+name[i+1:], fmt.Sprintf("delete %d", i))
				if i+1 < end {
					add(name[:i]+name[i+1:i+2]+name[i:i+1]+name[i+2:], fmt.Sprintf("transpose %d", i))
				}
				for _, c := range letters(i) {
					add(name[:i]+string(c)+name[i+1:], fmt.Sprintf("substitute %d %c", i, c))
					add(name[:i]+string(c)+name[i:], fmt.Sprintf("insert %d %c", i, c))
				}
			}
			for _, c := range letters(end) {
				add(name[:end]+string(c)+name[end:], fmt.Sprintf("insert %d %c", end, c))
			}
		}
		start = end + 1
	}
	return out
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func TestTypoVariants(t *testing.T) {
	got := typoVariants("AB CDEFG", func(int) string { return "x" })
	var names []string
	for _, v := range got {
		names = append(names, v.name)
	}
	want := []string{
		"AB DEFG", "AB DCEFG", "AB xDEFG", "AB xCDEFG",
		"AB CEFG", "AB CEDFG", "AB CxEFG", "AB CxDEFG",
		"AB CDFG", "AB CDFEG", "AB CDxFG", "AB CDxEFG",
		"AB CDEG", "AB CDEGF", "AB CDExG", "AB CDExFG",
		"AB CDEF", "AB CDEFx", "AB CDEFxG", "AB CDEFGx",
	}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("typoVariants (-want +got):\n%s", diff)
	}
	if got := typoVariants("AB CDE1", func(int) string { return "x" }); len(got) != 0 {
		t.Errorf("typoVariants of a name without a five-letter token = %v, want none", got)
	}
}

// recallLists are UN + OFAC and, when the shared folder has them, the EU
// and UK files: the production set-up the property is stated for.
func recallLists(t *testing.T) []List {
	ls := loadShared(t)
	d := sharedDir(t)
	for _, pat := range []string{"data/screening/eu/*.xml", "data/screening/uk/*.csv"} {
		paths, _ := filepath.Glob(filepath.Join(d, pat))
		for _, p := range paths {
			ls = append(ls, mustLoad(t, p))
		}
	}
	return ls
}

// alphabet is what insertions and substitutions use in the full run.
const alphabet = "abcdefghijklmnopqrstuvwxyz"

// TestTypoRecall is the recall property of candidate generation: with UN
// + OFAC (and EU/UK when present) loaded, every single-character
// deletion, insertion, substitution and transposition inside a token of
// five or more letters of a UN organisation or person name must retrieve
// that entity's names as candidates, however common the name's other
// words are in the corpus.
//
// Scope, for the test's run time: DPRK names (UN references KP…), the
// names the issue is about, always get the whole alphabet for insertions
// and substitutions. The other UN names (about five times as many) get
// every deletion and transposition and, for insertions and substitutions,
// three letters per position chosen by a stride through the alphabet
// (position i uses letters 7i, 7i+9 and 7i+18 mod 26), so that every
// letter is exercised at many positions without the 26-fold cost. Under
// the race detector (CI runs "go test -race ./...") or -short, the other
// UN names get one letter per position; the DPRK run is unchanged there
// too, since it is what the issue measured.
//
// Each variant whose entity is not among the hits is scored against all
// the entity's names by brute force. If that score reaches the review
// threshold and candidate generation did not return the name, the
// variant was lost by retrieval, which fails the test: that is this
// package's guarantee. Otherwise the scorer put it below review (or
// behind ten better hits): such variants are counted separately, logged
// against the targets (99% of DPRK entity variants found, 98% of
// DPRK person variants) and listed with -v, but do not fail the test,
// since scoring is tuned elsewhere (match.go).
func TestTypoRecall(t *testing.T) {
	ls := recallLists(t)
	s, err := NewScreener(ls...)
	if err != nil {
		t.Fatal(err)
	}
	perOther := 3
	if raceEnabled || testing.Short() {
		perOther = 1
	}
	full := func(int) string { return alphabet }
	stride := func(i int) string {
		var b []byte
		for k := range perOther {
			b = append(b, alphabet[(7*i+9*k)%26])
		}
		return string(b)
	}
	type job struct {
		e    *Entity
		name string
		v    typo
	}
	var jobs []job
	for _, l := range ls {
		if l.Version.Source != "UN" {
			continue
		}
		for i := range l.Entities {
			e := &l.Entities[i]
			if e.Kind != KindOrganisation && e.Kind != KindPerson {
				continue
			}
			letters := stride
			if strings.HasPrefix(e.Ref, "KP") {
				letters = full
			}
			for _, n := range e.Names {
				for _, v := range typoVariants(n.Value, letters) {
					jobs = append(jobs, job{e, n.Value, v})
				}
			}
		}
	}
	if len(jobs) == 0 {
		t.Fatal("no UN names to vary")
	}
	rows := make(map[string][]*nameRow)
	for _, r := range s.gen.Load().all {
		rows[r.entity.ID] = append(rows[r.entity.ID], r)
	}
	_, review := s.Thresholds()
	type tally struct{ total, lost, low atomic.Int64 }
	var dprkOrg, dprkPerson, other tally
	var mu sync.Mutex
	var lost, low []string
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= len(jobs) {
					return
				}
				j := jobs[k]
				tl := &other
				if strings.HasPrefix(j.e.Ref, "KP") {
					tl = &dprkOrg
					if j.e.Kind == KindPerson {
						tl = &dprkPerson
					}
				}
				tl.total.Add(1)
				hit, hits, best, retrieved := typoOutcome(t, s, rows, j.e, j.v.name)
				if hit {
					continue
				}
				line := fmt.Sprintf("%s %q (%s of %q): best score %.3f, hits %s", j.e.ID, j.v.name, j.v.edit, j.name, best, hits)
				mu.Lock()
				switch {
				case best >= review && !retrieved:
					tl.lost.Add(1)
					lost = append(lost, line)
				case best >= review:
					tl.low.Add(1)
					low = append(low, "outranked by ten better hits: "+line)
				default:
					tl.low.Add(1)
					low = append(low, "scored below review: "+line)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(lost)
	slices.Sort(low)
	for _, x := range []struct {
		what   string
		tl     *tally
		target float64
	}{{"DPRK entities", &dprkOrg, 0.01}, {"DPRK persons", &dprkPerson, 0.02}, {"other UN names", &other, 1}} {
		n, nl, nw := x.tl.total.Load(), x.tl.lost.Load(), x.tl.low.Load()
		t.Logf("%s: %d variants, %d lost by retrieval, %d scored below review or outranked (%.2f%% found)",
			x.what, n, nl, nw, 100*float64(n-nl-nw)/float64(max(n, 1)))
		if float64(nw) > x.target*float64(n) {
			// Scoring is s17-match's (match.go, party.Decide): reported,
			// not failed, so that retrieval stays checked in CI meanwhile.
			t.Logf("%s: %d of %d variants scored below review or outranked, above the issue's %.0f%% target", x.what, nw, n, 100*x.target)
		}
	}
	for _, l := range lost {
		t.Errorf("lost by retrieval: %s", l)
	}
	if testing.Verbose() {
		for _, l := range low {
			t.Logf("%s", l)
		}
	}
}

// typoOutcome screens name and says whether e is among the hits, the
// hits as text, and, when it is not, e's best score over all its names
// by brute force (the name score as Screen adjusts it) and whether
// candidate generation returned the name that scores it.
func typoOutcome(t *testing.T, s *Screener, rows map[string][]*nameRow, e *Entity, name string) (hit bool, hits string, best float64, retrieved bool) {
	q := Query{Name: name, Kind: e.Kind}.entity()
	res, err := s.Screen(context.Background(), q)
	if err != nil {
		t.Error(err)
		return
	}
	var b strings.Builder
	for _, h := range res.Hits {
		if h.Refers(e.ID) { // a party on several lists is one hit
			hit = true
		}
		fmt.Fprintf(&b, "[%s %s %.3f] ", h.Entity, h.Name, h.Score)
	}
	hits = strings.TrimSpace(b.String())
	if hits == "" {
		hits = "none"
	}
	if hit {
		return
	}
	gen := s.gen.Load()
	qa := analyse(s.az, s.w, name, false)
	qw := gen.stats.weights(qa)
	var bestRow *nameRow
	for _, r := range rows[e.ID] {
		res := s.cmp.compare(qa, qw, r.a, r.w, compareKind(e.Kind, r.entity.Kind), false)
		if sc := s.qualify(res.score, r, &query{e: &q}, 0, nil); sc > best || bestRow == nil {
			best, bestRow = sc, r
		}
	}
	for _, r := range s.candidates(gen, qa, qw, &query{e: &q}) {
		if r == bestRow {
			retrieved = true
		}
	}
	return
}
