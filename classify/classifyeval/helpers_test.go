package classifyeval

import (
	"context"
	"testing"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
)

// newClassifier is a classifier over the embedded catalogue.
func newClassifier(t testing.TB, opts ...classify.Option) *classify.Classifier {
	t.Helper()
	ctx := context.Background()
	cat, err := lists.Default(ctx)
	if err == nil {
		var c *classify.Classifier
		if c, err = classify.New(cat, opts...); err == nil {
			return c
		}
	}
	t.Fatalf("building the classifier: %v", err)
	return nil
}

// hs2022 loads the shared flat HS 2022 CSV, skipping the test when
// LUXSCREEN_SHARED is not set.
func hs2022(t testing.TB) *hs.Table {
	t.Helper()
	path := testenv.Path(t, "data", "hs", "datasets-harmonized-system", "harmonized-system.csv")
	n, err := hs.Open(context.Background(), path, hs.HS2022)
	if err != nil {
		t.Fatalf("loading HS 2022: %v", err)
	}
	return n
}
