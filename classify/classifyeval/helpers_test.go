package classifyeval

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
)

// sharedDir returns the shared data directory, skipping the test when
// LUXSCREEN_SHARED is not set.
func sharedDir(t testing.TB) string {
	t.Helper()
	return testenv.Shared(t)
}

// newClassifier is a classifier over the embedded catalogue.
func newClassifier(t testing.TB, opts ...classify.Option) *classify.Classifier {
	t.Helper()
	cat, err := lists.Default(context.Background())
	if err != nil {
		t.Fatalf("lists.Default: %v", err)
	}
	c, err := classify.New(cat, opts...)
	if err != nil {
		t.Fatalf("classify.New: %v", err)
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
