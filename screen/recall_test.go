package screen

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/party"
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

// strideLetters returns the letters function of typoVariants that gives
// position i n letters of the alphabet, by a stride through it (7i,
// 7i+9, 7i+18 mod 26), so that every letter is exercised at many
// positions without the 26-fold cost.
func strideLetters(n int) func(int) string {
	if n >= len(alphabet) {
		return func(int) string { return alphabet }
	}
	return func(i int) string {
		var b []byte
		for k := range n {
			b = append(b, alphabet[(7*i+9*k)%26])
		}
		return string(b)
	}
}

// TestTypoRecall is the recall property of candidate generation: with UN
// + OFAC (and EU/UK when present) loaded, every single-character
// deletion, insertion, substitution and transposition inside a token of
// five or more letters of a UN organisation or person name must reach
// that entity, however common the name's other words are in the corpus.
//
// Each variant is scored against all the entity's names by brute force
// (the name score as Screen adjusts it, for the name's default reading).
// If the listed name the variant was made from scores at least review
// and candidate generation returned no name of the entity that does, the
// variant was lost by retrieval, which fails the test: that is this
// package's guarantee (see candidates.go). A variant that reaches review
// only through another alias more than one edit away is logged apart.
// Otherwise the scorer put the variant below review: such variants are
// counted separately, logged against the targets (99% of DPRK
// entity variants found, 98% of DPRK person variants) and listed with -v,
// but do not fail the test, since scoring is tuned elsewhere (match.go).
// Checking retrieval this way, without a whole Screen per variant, keeps
// the test fast; it does not check the ten-hit limit.
//
// Scope, for the run time (about 450,000 variants; the retrieval of each
// costs about as much as a screening): every deletion and transposition;
// insertions and substitutions with the whole alphabet for the DPRK names
// (UN references KP…, the names the issue measured) and one letter per
// position (strideLetters) for the other UN names, about five times as
// many. Under the race detector (CI runs "go test -race ./...", which
// makes screening about ten times slower) or -short, the DPRK names get
// one letter per position, and the other UN names deletions and
// transpositions only, for every sixth of their names (about 35,000
// variants).
func TestTypoRecall(t *testing.T) {
	ls := recallLists(t)
	s, err := NewScreener(ls...)
	if err != nil {
		t.Fatal(err)
	}
	dprk, other, every := strideLetters(26), strideLetters(1), 1
	if raceEnabled || testing.Short() {
		dprk, other, every = strideLetters(1), strideLetters(0), 6
	}
	jobs := typoJobs(ls, dprk, other, every)
	if len(jobs) == 0 {
		t.Fatal("no UN names to vary")
	}
	rows := rowsByEntity(s.gen.Load())
	_, review := s.Thresholds()
	var dprkOrg, dprkPerson, others typoTally
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := int(next.Add(1)) - 1; k < len(jobs); k = int(next.Add(1)) - 1 {
				j := jobs[k]
				tl := &others
				if strings.HasPrefix(j.e.Ref, "KP") {
					tl = &dprkOrg
					if j.e.Kind == KindPerson {
						tl = &dprkPerson
					}
				}
				best, retrieved, sourcePasses := typoOutcome(s, rows, j.e, j.v.name, j.name, review)
				line := fmt.Sprintf("%s %q (%s of %q): best score %.3f", j.e.ID, j.v.name, j.v.edit, j.name, best)
				tl.add(best >= review, retrieved, sourcePasses, line)
			}
		}()
	}
	wg.Wait()
	for _, x := range []struct {
		what   string
		tl     *typoTally
		target float64
	}{{"DPRK entities", &dprkOrg, 0.99}, {"DPRK persons", &dprkPerson, 0.98}, {"other UN names", &others, 0}} {
		x.tl.report(t, x.what, x.target)
	}
}

// typoJob is one variant of one listed name.
type typoJob struct {
	e    *Entity
	name string
	v    typo
}

// typoJobs returns the variants of the organisation and person names of
// the UN lists in ls, with insertion and substitution letters dprk for
// the DPRK names and other for every every-th of the other names.
func typoJobs(ls []List, dprk, other func(int) string, every int) []typoJob {
	var jobs []typoJob
	k := 0
	for _, l := range ls {
		if l.Version.Source != "UN" {
			continue
		}
		for i := range l.Entities {
			e := &l.Entities[i]
			if e.Kind != KindOrganisation && e.Kind != KindPerson {
				continue
			}
			dprkName := strings.HasPrefix(e.Ref, "KP")
			letters := other
			if dprkName {
				letters = dprk
			}
			for _, n := range e.Names {
				if !dprkName {
					if k++; k%every != 0 {
						continue
					}
				}
				for _, v := range typoVariants(n.Value, letters) {
					jobs = append(jobs, typoJob{e, n.Value, v})
				}
			}
		}
	}
	return jobs
}

// typoTally counts the outcomes of one group of variants.
type typoTally struct {
	mu        sync.Mutex
	total     int
	lost, low []string
	// farther are the variants that score through another alias of their
	// entity, farther than one edit, and were not retrieved.
	farther []string
}

// add records one variant: whether its entity scores review or more by
// brute force, whether candidate generation returned a name that does,
// and whether the name the variant was made from does.
func (tl *typoTally) add(passes, retrieved, sourcePasses bool, line string) {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	tl.total++
	switch {
	case sourcePasses && !retrieved:
		tl.lost = append(tl.lost, line)
	case passes && !retrieved:
		tl.farther = append(tl.farther, line)
	case !passes:
		tl.low = append(tl.low, line)
	}
}

// report logs the group's figures against the found target and fails on
// every variant lost by retrieval.
func (tl *typoTally) report(t *testing.T, what string, target float64) {
	n := max(tl.total, 1)
	found := float64(tl.total-len(tl.lost)-len(tl.farther)-len(tl.low)) / float64(n)
	t.Logf("%s: %d variants, %d lost by retrieval, %d scoring only through an alias beyond the edit budget and not retrieved, %d scored below review (%.2f%% found)",
		what, tl.total, len(tl.lost), len(tl.farther), len(tl.low), 100*found)
	if found < target {
		// Scoring is tuned in match.go and party.Decide: reported, not
		// failed, so that retrieval stays checked in CI meanwhile.
		t.Logf("%s: %.2f%% found is below the issue's target of %.0f%%, by the scorer", what, 100*found, 100*target)
	}
	slices.Sort(tl.lost)
	for _, l := range tl.lost {
		t.Errorf("lost by retrieval: %s", l)
	}
	for _, l := range tl.farther {
		t.Logf("beyond the edit budget, not retrieved: %s", l)
	}
	if testing.Verbose() {
		slices.Sort(tl.low)
		for _, l := range tl.low {
			t.Logf("scored below review: %s", l)
		}
	}
}

// rowsByEntity returns gen's rows by the ID of their entity, for
// typoOutcome.
func rowsByEntity(gen *generation) map[string][]*nameRow {
	rows := make(map[string][]*nameRow)
	for _, r := range gen.all.each() {
		rows[r.entity.ID] = append(rows[r.entity.ID], r)
	}
	return rows
}

// typoOutcome returns e's best score against name over all e's names by
// brute force (the name score as Screen adjusts it); whether candidate
// generation returned a name of e that scores at least review; and
// whether one of the rows of source, the listed name the variant was
// made from, scores at least review: the rows the guarantee is about (a
// variant can also score through another alias farther than one edit
// away, "Ramob" through "RAMBOT" for "RAMBO", outside the budget).
func typoOutcome(s *Screener, rows map[string][]*nameRow, e *Entity, name, source string, review float64) (best float64, retrieved, sourcePasses bool) {
	q := query{e: &party.Entity{Names: []string{name}, Kind: e.Kind}}
	gen := s.gen.Load()
	qa := analyse(s.az, s.w, name, false)
	qw := gen.stats.weights(qa)
	passing := map[*nameRow]bool{}
	for _, r := range rows[e.ID] {
		res := s.cmp.compare(qa, qw, &r.a, r.w, compareKind(e.Kind, r.entity.Kind), false)
		sc := s.qualify(res.score, r, &q, 0, nil)
		best = max(best, sc)
		passing[r] = sc >= review
		sourcePasses = sourcePasses || passing[r] && r.name.Value == source
	}
	for _, r := range s.candidates(gen, qa, qw, &q) {
		if passing[r] {
			return best, true, sourcePasses
		}
	}
	return best, false, sourcePasses
}
