package classify

import (
	"context"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// sharedDir returns the shared data directory, skipping the test when
// LUXSCREEN_SHARED is not set.
func sharedDir(t testing.TB) string {
	t.Helper()
	return testenv.Shared(t)
}

func catalogue(t testing.TB) *lists.Catalogue {
	t.Helper()
	cat, err := lists.Default(context.Background())
	if err != nil {
		t.Fatalf("lists.Default: %v", err)
	}
	return cat
}

func newClassifier(t testing.TB, opts ...Option) *Classifier {
	t.Helper()
	c, err := New(catalogue(t), opts...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// hs2022 loads the shared flat HS 2022 CSV.
func hs2022(t testing.TB) *hs.Table {
	t.Helper()
	n, err := hs.Open(context.Background(), filepath.Join(sharedDir(t), "data/hs/datasets-harmonized-system/harmonized-system.csv"), hs.HS2022)
	if err != nil {
		t.Fatalf("loading HS 2022: %v", err)
	}
	return n
}

// mustClassify classifies it with c, stopping the test on an error.
func mustClassify(tb testing.TB, c *Classifier, it Item) Result {
	tb.Helper()
	r, err := c.Classify(context.Background(), it)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// headingCase is a description and the heading its first candidate must
// be in.
type headingCase struct{ desc, heading string }

// checkFirstHeadings classifies each description and compares the
// heading of its first candidate with the case's; with notLuxury it also
// requires that none is called luxury.
func checkFirstHeadings(t *testing.T, c *Classifier, tests []headingCase, notLuxury bool) {
	t.Helper()
	var got, want []string
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		h := ""
		if len(r.Candidates) > 0 {
			h = r.Candidates[0].Code[:4]
		}
		g, w := tt.desc+" → "+h, tt.desc+" → "+tt.heading
		if notLuxury {
			lux := " not luxury"
			if r.Luxury == LuxuryYes {
				lux = " luxury"
			}
			g, w = g+lux, w+" not luxury"
		}
		got, want = append(got, g), append(want, w)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("first heading (-want +got):\n%s", d)
	}
}
