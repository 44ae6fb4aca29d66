package screeneval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/party"
)

// checkSums checks that every set ran and that its rows add up to its
// total.
func checkSums(t *testing.T, rep *Report) {
	t.Helper()
	if len(rep.Sets) == 0 {
		t.Fatal("no sets ran")
	}
	for _, s := range rep.Sets {
		var sum Tally
		for _, r := range s.Rows {
			if r.Match+r.Review > r.N || r.Found > r.N || r.ReviewNoHit > r.Review {
				t.Errorf("%s / %s: counts exceed n: %+v", s.Name, r.Group, r)
			}
			sum.N += r.N
			sum.Found += r.Found
			sum.Match += r.Match
			sum.Review += r.Review
			sum.ReviewNoHit += r.ReviewNoHit
		}
		tot := s.Total
		if (tot.N == 0 && len(s.Rows) > 0) || sum.N != tot.N || sum.Found != tot.Found || sum.Match != tot.Match || sum.Review != tot.Review || sum.ReviewNoHit != tot.ReviewNoHit {
			t.Errorf("%s: rows sum to %+v, total %+v", s.Name, sum, tot)
		}
	}
}

func TestJudge(t *testing.T) {
	rep := &Report{Sets: []SetReport{
		{Name: "Typos", Total: Tally{Group: "all", N: 300}, Totals: []Tally{
			{Group: "entities", N: 200, Found: 198, P50: 51},
			{Group: "persons", N: 100, Found: 97},
		}},
		{Name: "Innocent companies", Rows: []Tally{{Group: "name only", N: 10}, {Group: "with country", N: 10, Match: 1}}},
	}}
	got := rep.judge()
	want := []Target{
		{What: "typos, entities: found", Goal: "≥ 99%", Value: "99.00%", Met: true},
		{What: "typos, persons: found", Goal: "≥ 98%", Value: "97.00%", Met: false},
		{What: "typos, entities: p50 per query", Goal: "≤ 50 µs", Value: "51.00 µs", Met: false},
		{What: "innocent companies, name only: automatic match", Goal: "≤ 0%", Value: "0.00%", Met: true},
		{What: "innocent companies, with country: automatic match", Goal: "≤ 0%", Value: "10.00%", Met: false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("judge (-want +got):\n%s", diff)
	}
}

// TestTallySamplesMatchesFirst checks that the alerts shown for an
// innocent set put automatic matches before reviews, however late they
// come.
func TestTallySamplesMatchesFirst(t *testing.T) {
	var ps []probe
	var os []outcome
	for i := range maxSamples + 3 {
		v := party.Review
		if i >= maxSamples {
			v = party.Match
		}
		ps = append(ps, probe{group: "g", q: party.New(fmt.Sprint("n", i), party.KindPerson, "", "", "")})
		os = append(os, outcome{verdict: v, hits: string(v)})
	}
	got := tally(ps, os)[0]
	if got.N != maxSamples+3 || got.Match != 3 || got.Review != maxSamples || len(got.Samples) != maxSamples {
		t.Fatalf("tally = %+v", got)
	}
	for i, s := range got.Samples {
		if want := i < 3; strings.HasSuffix(s, "match") != want {
			t.Errorf("sample %d = %q; want matches first", i, s)
		}
	}
}
