package screen

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPartiesAgreeWithHits checks Parties.Party merges a listed entry with
// the same entries of the other lists as a screening's hit does, whichever
// entry it starts from, and that a Reload makes the index stale.
func TestPartiesAgreeWithHits(t *testing.T) {
	var lists []List
	for _, f := range []string{"testdata/un_small.xml", "testdata/ofac_small", "testdata/eu_small.xml", "testdata/uk_small.csv", "testdata/ftm_small.jsonl"} {
		lists = append(lists, mustLoad(t, f))
	}
	s, err := NewScreener(lists...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Screen(context.Background(), Query{Name: "Pak Tong Gu", Kind: KindPerson}.entity())
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("screening: %v, %d hits", err, len(res.Hits))
	}
	entries := func(h Hit) []string {
		var out []string
		for _, r := range h.References {
			out = append(out, r.Entity)
		}
		slices.Sort(out)
		return out
	}
	want := entries(res.Hits[0])
	p := s.Parties()
	for _, id := range want {
		h, ok := p.Party(id)
		if !ok {
			t.Fatalf("Party(%s) not found", id)
		}
		if h.Entity != id || h.References[0].Entity != id || h.References[0].SameAs != "" {
			t.Errorf("Party(%s) leads with %s (%+v)", id, h.Entity, h.References[0])
		}
		if diff := cmp.Diff(want, entries(h)); diff != "" {
			t.Errorf("Party(%s) entries (-hit +party):\n%s", id, diff)
		}
		for _, r := range h.References[1:] {
			if r.SameAs == "" {
				t.Errorf("Party(%s): reference %s without evidence", id, r.Entity)
			}
		}
		if diff := cmp.Diff(res.Hits[0].Listed.BirthDates, h.Listed.BirthDates, cmp.Transformer("sort", func(s []string) []string {
			s = slices.Clone(s)
			slices.Sort(s)
			return s
		})); diff != "" {
			t.Errorf("Party(%s) birth dates (-hit +party):\n%s", id, diff)
		}
	}
	if _, ok := p.Party("UN:none"); ok {
		t.Error("Party of an unknown ID found")
	}
	if !p.Current() {
		t.Error("index stale before a Reload")
	}
	if err := s.Reload(context.Background(), lists[0]); err != nil {
		t.Fatal(err)
	}
	if p.Current() {
		t.Error("index current after a Reload")
	}
	if h, ok := s.Parties().Party(want[0]); ok && len(h.References) != 1 {
		t.Errorf("one list loaded: %d references", len(h.References))
	}
}
