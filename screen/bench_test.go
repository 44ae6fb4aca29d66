package screen

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen/party"
)

// orgQueries are organisation names as they appear on trade documents:
// romanisation variants, legal forms, split syllables, generic names and
// unrelated companies.
var orgQueries = []string{
	"Korea Ryongbong General Corp.",
	"Chang Gwang Sin Yong Corp",
	"Nam Chon Gang Trading Co Ltd",
	"Ocean Maritime Management Co Ltd",
	"Taedong Credit Bank",
	"Choson Ryonha Machinery JV Corp",
	"Golden Ocean Shipping Co Ltd",
	"Samsung Electronics Co Ltd",
	"Korea General Trading Corporation",
	"Dalian Sunrise Logistics Co., Ltd.",
	"Korea Mining Developement Trading Corp",
	"Military Security Command",
}

// benchScreen screens qs round robin and reports the median and 99th
// percentile latency of one query besides ns/op, and where the system
// tells, the page faults and kernel time per query (see processUsage).
//
// Those two tell a run on a heap that had room from one that grew: a
// process whose heap has not yet been as large as the index plus a
// collection's garbage takes each new page from the kernel at its first
// touch. At a million names, screening in a process that had only built
// the index faulted 0.7 to 1.5 times per query, at 16–18 µs a fault on
// the virtual machine measured: 7–13% of the processor's time went to the
// kernel. After a Reload, which leaves the old generation's pages free,
// it faulted once in 2,000–3,000 queries.
func benchScreen(b *testing.B, s *Screener, qs []Query) {
	benchScreenRuns(b, s, qs, 1)
}

// benchScreenRuns is benchScreen screening each query run times in a row
// before the next.
func benchScreenRuns(b *testing.B, s *Screener, qs []Query, run int) {
	ctx := context.Background()
	es := make([]party.Entity, len(qs))
	for i, q := range qs {
		es[i] = q.entity()
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	flt0, sys0, usage := processUsage()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := s.Screen(ctx, es[i/run%len(es)]); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	if flt1, sys1, ok := processUsage(); usage && ok {
		b.ReportMetric(float64(flt1-flt0)/float64(b.N), "faults/op")
		b.ReportMetric(float64(sys1-sys0)/float64(b.N)/1e3, "kernel-µs/op")
	}
	reportLatency(b, lat)
}

// reportLatency reports the median and 99th percentile of lat in µs.
func reportLatency(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2])/1e3, "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100])/1e3, "p99-µs")
}

func orgs() []Query {
	var qs []Query
	for _, n := range orgQueries {
		qs = append(qs, Query{Name: n, Kind: KindOrganisation})
	}
	return qs
}

func BenchmarkScreenDemo(b *testing.B) {
	benchScreen(b, demoScreener(b), orgs())
}

// BenchmarkScreenShared screens against UN 2026 + OFAC 2021 (~10k
// entities), the corpus the acceptance budget is set on. The queries run
// on one core (GOMAXPROCS 1), as the budget is stated.
func BenchmarkScreenShared(b *testing.B) {
	s, err := NewScreener(loadShared(b)...)
	if err != nil {
		b.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	b.Run("organisation", func(b *testing.B) { benchScreen(b, s, orgs()) })
	b.Run("vessel", func(b *testing.B) {
		benchScreen(b, s, []Query{{Name: "Chong Chon Gang", Kind: KindVessel}, {Name: "MV Ryong Gang 3", Kind: KindVessel}})
	})
	b.Run("imo", func(b *testing.B) { benchScreen(b, s, []Query{{IMO: "IMO 7937317", Kind: KindVessel}}) })
	b.Run("person", func(b *testing.B) {
		benchScreen(b, s, []Query{{Name: "Kim Jong Un", Kind: KindPerson}, {Name: "Ri Je-son", Kind: KindPerson}, {Name: "Patricia Lucas Wheeler", Kind: KindPerson}})
	})
}

// indexHeap builds a screener over ls and returns it with the heap it
// added (after a collection) per name row, and the rows.
func indexHeap(tb testing.TB, ls []List) (*Screener, float64, int) {
	tb.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s, err := NewScreener(ls...)
	if err != nil {
		tb.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	rows := s.gen.Load().rows
	return s, (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / float64(max(rows, 1)), rows
}

// BenchmarkBuild measures building the index for UN + OFAC and reports
// the heap the index keeps per name row, beside the heap of the lists.
func BenchmarkBuild(b *testing.B) {
	ls := loadShared(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := NewScreener(ls...); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	s, perName, rows := indexHeap(b, ls)
	b.ReportMetric(perName, "heap-B/name")
	b.ReportMetric(float64(rows), "names")
	runtime.KeepAlive(s)
}

func BenchmarkCompare(b *testing.B) {
	s := demoScreener(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s.Compare("Korea Ryongbong General Corp.", "KOREA RYONBONG GENERAL CORPORATION", KindOrganisation)
	}
}

// BenchmarkScale screens at OpenSanctions scale: the real UN + OFAC lists
// plus synthetic parties up to LUXSCREEN_BENCH_NAMES names (1,000,000 by
// default; see synthesise). It reports the build time, the index heap per
// name, the process's peak RSS, the heap left after a Reload (the old
// generation must not be held), the median and 99th percentile of an
// organisation query on one core, and how many of the DPRK names that hit
// their own entity on the real lists alone (as listed, and with one typo)
// still do at scale. Just before the queries it reports the host's
// memory latency (memoryLatency), one sign of how loaded the host is.
//
// The organisation queries run round robin, as a server's varied traffic
// comes: each finds little of what it reads in the core's caches, where
// the queries before it left their own data. The same queries screened
// fifty times each in a row (organisation-repeated) find it there, and
// so tell the time the code computes from the time it waits for memory,
// which on a shared host depends on what else runs there (the other
// core, other guests sharing the last-level cache) and moves from one
// hour to the next. The latency budget is stated for the round robin.
//
// The peak RSS follows the Go runtime's collection pacing: by default the
// heap may grow to twice what is live before a collection. Run with the
// memory limit luxscreen serve sets (GOMEMLIMIT, --memory-limit) to
// measure the peak a server sees, e.g. GOMEMLIMIT=1800MiB.
func BenchmarkScale(b *testing.B) {
	real := loadShared(b)
	n := 1_000_000
	if v := os.Getenv("LUXSCREEN_BENCH_NAMES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	base, err := NewScreener(real...)
	if err != nil {
		b.Fatal(err)
	}
	probes := dprkProbes(b, base, real)
	base = nil
	ls := append(slices.Clone(real), synthesise(real, n-realNames(real)))
	t0 := time.Now()
	s, perName, rows := indexHeap(b, ls)
	build := time.Since(t0)
	var m0 runtime.MemStats
	runtime.ReadMemStats(&m0)
	// A benchmark with sub-benchmarks prints neither metrics nor logs of
	// its own: these report what was measured once.
	report(b, "build", map[string]float64{"names": float64(rows), "build-s": build.Seconds(), "heap-B/name": perName,
		"heap-MiB": float64(m0.HeapAlloc) / (1 << 20), "peak-RSS-MiB": peakRSS() / (1 << 20)})

	for _, p := range []struct {
		what  string
		names []probe
	}{{"found-listed", probes.listed}, {"found-typo", probes.typo}} {
		found, retrievalLost, lost := probeFound(b, s, p.names)
		report(b, p.what, map[string]float64{"found": float64(found), "of": float64(len(p.names)), "lost-by-retrieval": float64(retrievalLost)}, lost...)
	}

	// A Reload builds the new generation beside the old, swaps them, and
	// must leave only the new one once screenings finish.
	if err := s.Reload(context.Background(), ls...); err != nil {
		b.Fatal(err)
	}
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	report(b, "reload", map[string]float64{"heap-after-MiB": float64(m.HeapAlloc) / (1 << 20), "peak-RSS-MiB": peakRSS() / (1 << 20)})

	// How slow the host's memory is just before the queries: one sign of
	// how loaded the host is (see memoryLatency).
	report(b, "host", map[string]float64{"memory-ns/read": float64(memoryLatency(1<<26, 1<<21).Nanoseconds()) / (1 << 21)})
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	b.Run("organisation", func(b *testing.B) { benchScreen(b, s, orgs()) })
	b.Run("organisation-repeated", func(b *testing.B) { benchScreenRuns(b, s, orgs(), 50) })
	b.Run("person", func(b *testing.B) {
		benchScreen(b, s, []Query{{Name: "Kim Jong Un", Kind: KindPerson}, {Name: "Ri Je-son", Kind: KindPerson}, {Name: "Patricia Lucas Wheeler", Kind: KindPerson}})
	})
	runtime.KeepAlive(s)
	debug.FreeOSMemory()
}

// report reports figures measured once as a sub-benchmark of b named
// what, and logs up to twenty lines of detail.
func report(b *testing.B, what string, metrics map[string]float64, detail ...string) {
	b.Run(what, func(b *testing.B) {
		for unit, v := range metrics {
			b.ReportMetric(v, unit)
		}
		for i, d := range detail {
			if i == 20 {
				b.Logf("… and %d more", len(detail)-i)
				break
			}
			b.Log(d)
		}
	})
}

// probe is a name that hit its own entity on the real lists.
type probe struct {
	name string
	e    *Entity
}

// probes are the DPRK names of the real lists that hit their own entity
// there, as listed and with one deterministic typo.
type probes struct{ listed, typo []probe }

// dprkProbes returns the names of UN DPRK entities and OFAC DPRK
// programmes of ls that hit their own entity on s (a screener over ls).
func dprkProbes(tb testing.TB, s *Screener, ls []List) probes {
	var out probes
	rng := rand.New(rand.NewPCG(17, 1))
	for _, l := range ls {
		for i := range l.Entities {
			e := &l.Entities[i]
			if !isDPRK(e) {
				continue
			}
			for _, n := range e.Names {
				if ok, _ := hitsOwn(tb, s, n.Value, e); ok {
					out.listed = append(out.listed, probe{n.Value, e})
				}
				vs := typoVariants(n.Value, func(i int) string { return alphabet[i%26 : i%26+1] })
				if len(vs) == 0 {
					continue
				}
				v := vs[rng.IntN(len(vs))].name
				if ok, _ := hitsOwn(tb, s, v, e); ok {
					out.typo = append(out.typo, probe{v, e})
				}
			}
		}
	}
	return out
}

// isDPRK reports whether e is on the UN DPRK list or an OFAC DPRK
// programme.
func isDPRK(e *Entity) bool {
	if strings.HasPrefix(e.Ref, "KP") {
		return true
	}
	for _, p := range e.Programs {
		if strings.HasPrefix(p, "DPRK") {
			return true
		}
	}
	return false
}

// hitsOwn screens name and reports whether e is among the hits, and the
// hits as text.
func hitsOwn(tb testing.TB, s *Screener, name string, e *Entity) (bool, string) {
	res, err := s.Screen(context.Background(), Query{Name: name, Kind: e.Kind}.entity())
	if err != nil {
		tb.Fatal(err)
	}
	var hits []string
	for _, h := range res.Hits {
		if h.Refers(e.ID) { // a party on several lists is one hit
			return true, ""
		}
		hits = append(hits, fmt.Sprintf("%s %.3f", h.Entity, h.Score))
	}
	return false, strings.Join(hits, ", ")
}

// probeFound counts the probes that still hit their own entity on s,
// and of the others those that candidate generation lost (the name's own
// listed form scores review by brute force but was not returned; the
// rest are outranked by ten better hits or scored lower at scale, where
// the word weights differ), and describes the others.
func probeFound(tb testing.TB, s *Screener, ps []probe) (found, retrievalLost int, lost []string) {
	rows := rowsByEntity(s.gen.Load())
	_, review := s.Thresholds()
	for _, p := range ps {
		ok, hits := hitsOwn(tb, s, p.name, p.e)
		if ok {
			found++
			continue
		}
		why := "outranked or scored below review"
		if best, retrieved, _ := typoOutcome(s, rows, p.e, p.name, p.name, review); best >= review && !retrieved {
			retrievalLost++
			why = "lost by retrieval"
		}
		lost = append(lost, fmt.Sprintf("%s %q (%s): hits [%s]", p.e.ID, p.name, why, hits))
	}
	return found, retrievalLost, lost
}

// realNames counts the names of ls.
func realNames(ls []List) int {
	n := 0
	for _, l := range ls {
		for _, e := range l.Entities {
			n += len(e.Names)
		}
	}
	return n
}

// synthesise returns a list of n synthetic names made from the real ones,
// with a fixed seed: each copies the kind and token count of a random
// real name and fills each position with the token at that position of
// another random real name of the same kind, so that the corpus keeps the
// real lists' vocabulary and its skew (KOREA, TRADING, MOHAMMED…), and one
// in five names gets a one-letter typo, so that the vocabulary grows as a
// real corpus's does. Each synthetic entity has one or two names.
func synthesise(real []List, n int) List {
	type tmpl struct {
		kind Kind
		toks []string
	}
	byKind := map[Kind][]tmpl{}
	var kinds []Kind
	for _, l := range real {
		for _, e := range l.Entities {
			for _, nm := range e.Names {
				toks := strings.Fields(nm.Value)
				if len(toks) == 0 || !isASCIILetter(nm.Value[0]) {
					continue
				}
				if _, ok := byKind[e.Kind]; !ok {
					kinds = append(kinds, e.Kind)
				}
				byKind[e.Kind] = append(byKind[e.Kind], tmpl{e.Kind, toks})
			}
		}
	}
	rng := rand.New(rand.NewPCG(2026, 17))
	l := List{Version: ListVersion{Source: "SYNTH", File: "synthetic", SHA256: "synthetic"}}
	l.Entities = make([]Entity, 0, n*2/3)
	for made := 0; made < n; {
		k := kinds[rng.IntN(len(kinds))]
		ts := byKind[k]
		e := Entity{ID: "SYNTH:" + strconv.Itoa(len(l.Entities)), Source: "SYNTH", Ref: strconv.Itoa(len(l.Entities)), Kind: k}
		for range 1 + rng.IntN(2) {
			t := ts[rng.IntN(len(ts))]
			toks := make([]string, len(t.toks))
			for i := range toks {
				o := ts[rng.IntN(len(ts))].toks
				toks[i] = o[min(i, len(o)-1)]
			}
			name := strings.Join(toks, " ")
			if rng.IntN(5) == 0 {
				name = typoAt(name, rng)
			}
			e.Names = append(e.Names, Name{Value: name, Kind: NamePrimary})
			made++
		}
		l.Entities = append(l.Entities, e)
	}
	return l
}

// typoAt applies one random single-letter edit to s.
func typoAt(s string, rng *rand.Rand) string {
	if len(s) < 2 {
		return s
	}
	i := rng.IntN(len(s) - 1)
	c := string(alphabet[rng.IntN(26)])
	switch rng.IntN(4) {
	case 0:
		return s[:i] + s[i+1:]
	case 1:
		return s[:i] + c + s[i:]
	case 2:
		return s[:i] + c + s[i+1:]
	}
	return s[:i] + s[i+1:i+2] + s[i:i+1] + s[i+2:]
}

// memoryLatency returns how long steps reads from memory take, each
// waiting on the one before, in a random walk through n words (256 MiB
// for n = 1<<26, far more than any cache holds). On a shared host the
// same code's latencies at a million names move by twofold from one hour
// to the next, with the host's memory and its processors alike:
// BenchmarkScale reports this figure as one sign of how loaded the host
// is, not as a measure its latencies can be corrected by.
func memoryLatency(n, steps int) time.Duration {
	next := oneCycle(n, rand.New(rand.NewPCG(1, 2)))
	p := uint32(0)
	t0 := time.Now()
	for range steps {
		p = next[p]
	}
	d := time.Since(t0)
	runtime.KeepAlive(p)
	return d
}

// oneCycle returns a random permutation of 0…n−1 that is a single cycle
// (Sattolo's shuffle), so that a walk following it visits every word
// before it comes back and never falls into a loop the caches could
// hold.
func oneCycle(n int, rng *rand.Rand) []uint32 {
	next := make([]uint32, n)
	for i := range next {
		next[i] = uint32(i)
	}
	for i := n - 1; i > 0; i-- {
		j := rng.IntN(i)
		next[i], next[j] = next[j], next[i]
	}
	return next
}

// peakRSS returns the process's peak resident set size in bytes (Linux's
// VmHWM), or 0 where /proc is not available.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb * 1024
		}
	}
	return 0
}

func TestOneCycle(t *testing.T) {
	for _, n := range []int{1, 2, 3, 10, 1000} {
		next := oneCycle(n, rand.New(rand.NewPCG(uint64(n), 7)))
		seen := make([]bool, n)
		p, steps := uint32(0), 0
		for !seen[p] {
			seen[p] = true
			p = next[p]
			steps++
		}
		if p != 0 || steps != n {
			t.Errorf("oneCycle(%d): the walk from 0 comes back to %d after %d steps, want to 0 after %d", n, p, steps, n)
		}
	}
}
