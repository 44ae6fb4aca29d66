package screen

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen/names"
)

// TestCandidatesComplete checks the candidate guarantee against brute
// force: for every query, every listed name whose score, as Screen
// adjusts it, reaches review and whose aligned pairs all lie within the
// edit budget (inBudget) is among the candidates. The corpus mixes Korean
// syllables and common company words, one name in four with a typo, so
// that most items are rare typo terms, as at a million names. With the
// shared lists it checks UN + OFAC too.
func TestCandidatesComplete(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	ls, shared := completeLists(t, rng)
	nq := 400
	if testing.Short() || raceEnabled {
		nq = 80
	}
	if shared {
		// Brute force over thirty thousand names takes its time.
		nq /= 2
	}
	s := mustScreener(t, ls...)
	gen := s.gen.Load()
	_, review := s.Thresholds()
	checked, passing, beyond := 0, 0, 0
	for i := range nq {
		name, kind := sampleQuery(rng, gen, i)
		q := query{e: &party.Entity{Names: []string{name}, Kind: kind}}
		qa := analyse(s.az, s.w, name, kind == KindVessel)
		if len(qa.toks) == 0 || len(qa.toks) > 64 {
			continue
		}
		qw := gen.stats.weights(qa)
		sc := gen.getScratch()
		s.queryItems(sc, gen, qa)
		free := freeTokens(gen, qa)
		got := map[*nameRow]bool{}
		for _, c := range s.candidates(gen, qa, qw, &q) {
			got[c] = true
		}
		for id, c := range gen.all.each() {
			if !kind.Compatible(c.entity.Kind) || len(c.a.toks) > 64 {
				continue
			}
			ck := compareKind(kind, c.entity.Kind)
			res := s.cmp.compare(qa, qw, &c.a, c.w, ck, false)
			if s.qualify(res.score, c, &q, 0, nil) < review {
				continue
			}
			if !inBudget(s, gen, qa, &sc.tab, free, uint32(id), ck == KindVessel) {
				beyond++
				continue
			}
			passing++
			if !got[c] {
				t.Errorf("%s query %q: listed %s %q scores %.3f within the edit budget, not a candidate", kind, name, c.entity.ID, c.name.Value, res.score)
			}
		}
		sc.release(gen)
		checked++
	}
	t.Logf("%d queries: %d listed names score review or more within the edit budget, all among the candidates; %d more only beyond it", checked, passing, beyond)
	if passing < checked {
		t.Errorf("only %d listed names within the budget over %d queries: the check is too weak", passing, checked)
	}
}

// sampleQuery returns the i-th query of a run over gen's rows: a listed
// name drawn at random, every other one with a typo, and every fifth of
// the unknown kind rather than the row's.
func sampleQuery(rng *rand.Rand, gen *generation, i int) (string, Kind) {
	r := gen.all.at(uint32(rng.IntN(gen.rows)))
	name := r.name.Value
	if i%2 == 0 {
		name = typoAt(name, rng)
	}
	kind := r.entity.Kind
	if i%5 == 0 {
		kind = KindUnknown
	}
	return name, kind
}

// inBudget reports whether every pair the scorer aligns between query
// name qa and listed row id lies within the edit budget of candidate
// generation: the listed unit's term is one the query unit's items reach
// (tab, filled by queryItems), or the pair is of legal forms, of an
// initial of the query, or of a query word near a spelling the list wrote
// (free; see the comment at the top of candidates.go).
func inBudget(s *Screener, gen *generation, qa *analysed, tab *termTable, free uint64, id uint32, vessel bool) bool {
	return budget(s, gen, qa, tab, free, id, vessel, false)
}

// budget is inBudget; whole requires each pair's query unit to be
// reached whole (every word of a joined span by the span's own items),
// not in part.
func budget(s *Screener, gen *generation, qa *analysed, tab *termTable, free uint64, id uint32, vessel, whole bool) bool {
	c := gen.all.at(id)
	var qUsed, cUsed uint64
	for _, p := range s.cmp.pairs(nil, qa, &c.a, vessel) {
		qm, cm := spanMask(p.qi, p.qn), spanMask(p.ci, p.cn)
		if qUsed&qm != 0 || cUsed&cm != 0 {
			continue
		}
		qUsed |= qm
		cUsed |= cm
		qt := qa.toks[p.qi]
		if qt.class == names.Legal || qt.class == names.Initial || free&qm != 0 {
			continue
		}
		reached := false
		for _, o := range gen.rowOccs(id) {
			if int(o.first) != p.ci || int(o.n) != p.cn {
				continue
			}
			if f, pt, ok := tab.get(o.t); ok && (f|pt)&qm != 0 && (!whole || (f|pt)&qm == qm) {
				reached = true
			}
		}
		if !reached {
			return false
		}
	}
	return true
}

// blockingVariants returns a screener over ls for each change of the
// default weights: the same lists screened with other blocking settings,
// whose results must be equal.
func blockingVariants(tb testing.TB, ls []List, changes ...func(*Weights)) []*Screener {
	tb.Helper()
	out := make([]*Screener, len(changes))
	for i, change := range changes {
		w, err := DefaultWeights()
		if err != nil {
			tb.Fatal(err)
		}
		change(w)
		if out[i], err = NewScreenerOptions(Options{Weights: w}, ls...); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

// completeLists returns completeCorpus of 3,000 names, and UN + OFAC
// when the shared data is present, as shared reports.
func completeLists(tb testing.TB, rng *rand.Rand) (ls []List, shared bool) {
	ls = []List{completeCorpus(rng, 3000)}
	if testenv.Dir() != "" {
		ls = append(ls, loadShared(tb)...)
	}
	return ls, testenv.Dir() != ""
}

// completeCorpus returns n synthetic organisation, person and unknown
// entities whose names are drawn from a small vocabulary of Korean
// syllables and common company words, one in four with a typo.
func completeCorpus(rng *rand.Rand, n int) List {
	syll := strings.Fields("kim pak ri chang gwang sin yong song chol nam chon gang ryong bong hyon jong un il sung tae dong")
	words := strings.Fields("korea general trading mining development ocean maritime golden shipping credit bank star international machinery export import")
	legal := strings.Fields("co ltd corp llc jv")
	l := List{Version: ListVersion{Source: "SYNTH", File: "synthetic", SHA256: "synthetic"}}
	for i := range n {
		var parts []string
		kind := []Kind{KindOrganisation, KindPerson, KindUnknown}[rng.IntN(3)]
		switch kind {
		case KindPerson:
			for range 2 + rng.IntN(2) {
				parts = append(parts, syll[rng.IntN(len(syll))])
			}
		default:
			for range 1 + rng.IntN(2) {
				parts = append(parts, syll[rng.IntN(len(syll))])
			}
			for range 1 + rng.IntN(3) {
				parts = append(parts, words[rng.IntN(len(words))])
			}
			if rng.IntN(2) == 0 {
				parts = append(parts, legal[rng.IntN(len(legal))])
			}
		}
		name := strings.ToUpper(strings.Join(parts, " "))
		if rng.IntN(4) == 0 {
			name = typoAt(name, rng)
		}
		id := strconv.Itoa(i)
		l.Entities = append(l.Entities, Entity{ID: "SYNTH:" + id, Source: "SYNTH", Ref: id, Kind: kind, Names: []Name{{Value: name, Kind: NamePrimary}}})
	}
	return l
}
