package screeneval

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// probe is one screening of a generated or authored set.
type probe struct {
	// group is the row of the set's table the probe counts in.
	group string
	q     party.Entity
	// targets are the entity IDs that count as the right reference; empty
	// for a set of innocent parties.
	targets []string
	// note says where the probe comes from, for the samples of misses.
	note string
}

// outcome is what one probe's screening gave.
type outcome struct {
	verdict party.Verdict
	// found: a target is among the hits and the verdict is match or
	// review.
	found bool
	// noHit: the verdict is review with no hit, for a reason only (an
	// unreadable script, a name that normalises to nothing).
	noHit bool
	took  time.Duration
	// hits renders the top hits and the reasons; it is filled only for
	// outcomes a reader will want to see (misses, and alerts on innocents).
	hits string
}

// Tally is one row of a set's table: N probes, of which Found reached the
// right reference (positive sets only), Match were an automatic match and
// Review a review. Match and Review split the verdicts whatever the hits
// were, so that on an innocent set they are the false-alert rates.
type Tally struct {
	Group    string
	Positive bool
	N        int
	Found    int
	Match    int
	Review   int
	// ReviewNoHit counts reviews with no hit: the screener could not read
	// the name (fail closed) rather than found something like it.
	ReviewNoHit int
	// P50 and P95 are per-query times, in microseconds.
	P50, P95 float64
	// Samples show some misses (positive sets) or alerts (innocent sets),
	// automatic matches first.
	Samples []string `json:",omitempty"`
	// later holds samples that give way to matches: misses and reviews.
	later []string
}

// maxSamples is the number of misses or alerts kept per row.
const maxSamples = 5

// runProbes screens every probe on s with one worker per processor and
// returns their outcomes in probe order.
func runProbes(ctx context.Context, s *screen.Screener, ps []probe, workers int) ([]outcome, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]outcome, len(ps))
	next := make(chan int, 256)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				o, err := screenOne(ctx, s, &ps[i])
				if err != nil {
					errs <- err
					return
				}
				out[i] = o
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range ps {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		return nil, err
	}
	return out, ctx.Err()
}

// screenOne screens one probe and judges the result.
func screenOne(ctx context.Context, s *screen.Screener, p *probe) (outcome, error) {
	start := time.Now()
	res, err := s.Screen(ctx, p.q)
	took := time.Since(start)
	if err != nil {
		return outcome{}, err
	}
	o := outcome{verdict: res.Verdict, took: took, noHit: res.Verdict == screen.Review && len(res.Hits) == 0}
	if res.Verdict != screen.Clear {
		for _, h := range res.Hits {
			if standsFor(&h, p.targets...) {
				o.found = true
				break
			}
		}
	}
	positive := len(p.targets) > 0
	if (positive && !o.found) || (!positive && res.Verdict != screen.Clear) {
		o.hits = renderHits(&res)
	}
	return o, nil
}

// renderHits writes the verdict, the top three hits and the reasons.
func renderHits(r *party.Result) string {
	var b strings.Builder
	b.WriteString(string(r.Verdict))
	for i, h := range r.Hits {
		if i == 3 {
			fmt.Fprintf(&b, " …+%d", len(r.Hits)-3)
			break
		}
		fmt.Fprintf(&b, "; %s %q %.3f", h.Entity, h.MatchedName, h.Score)
	}
	for _, why := range r.Reasons {
		b.WriteString("; " + why.Feature)
	}
	return b.String()
}

// tally groups outcomes by their probe's group, in order of first
// appearance.
func tally(ps []probe, os []outcome) []Tally {
	var order []string
	by := make(map[string]*Tally)
	took := make(map[string][]time.Duration)
	for i := range ps {
		p, o := &ps[i], &os[i]
		t := by[p.group]
		if t == nil {
			t = &Tally{Group: p.group, Positive: len(p.targets) > 0}
			by[p.group] = t
			order = append(order, p.group)
		}
		t.add(p, o)
		took[p.group] = append(took[p.group], o.took)
	}
	out := make([]Tally, 0, len(order))
	for _, g := range order {
		t := by[g]
		t.finish()
		t.P50, t.P95 = percentile(took[g], 50), percentile(took[g], 95)
		out = append(out, *t)
	}
	return out
}

// add counts one outcome.
func (t *Tally) add(p *probe, o *outcome) {
	t.N++
	switch o.verdict {
	case screen.Match:
		t.Match++
	case screen.Review:
		t.Review++
		if o.noHit {
			t.ReviewNoHit++
		}
	}
	if o.found {
		t.Found++
	}
	if o.hits == "" {
		return
	}
	line := fmt.Sprintf("%s (%s) → %s", strings.Join(p.q.Names, " / "), p.note, o.hits)
	switch {
	case o.verdict == screen.Match && len(t.Samples) < maxSamples:
		t.Samples = append(t.Samples, line)
	case o.verdict != screen.Match && len(t.later) < maxSamples:
		t.later = append(t.later, line)
	}
}

// finish completes the samples with the misses and reviews that matches
// left room for.
func (t *Tally) finish() {
	t.Samples = append(t.Samples, t.later[:min(len(t.later), maxSamples-len(t.Samples))]...)
	t.later = nil
}

// total sums rows into one named row; its times are the probes' own,
// recomputed over every probe of the rows.
func total(name string, ps []probe, os []outcome, keep func(*probe) bool) Tally {
	t := Tally{Group: name}
	var took []time.Duration
	for i := range ps {
		if !keep(&ps[i]) {
			continue
		}
		t.Positive = t.Positive || len(ps[i].targets) > 0
		t.add(&ps[i], &os[i])
		took = append(took, os[i].took)
	}
	t.Samples, t.later = nil, nil
	t.P50, t.P95 = percentile(took, 50), percentile(took, 95)
	return t
}

// percentile returns the p-th percentile of ds in microseconds.
func percentile(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s) - 1) * p / 100
	return float64(s[i].Nanoseconds()) / 1e3
}
