package screen

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/party"
)

// Query is the one-name query most tests need.
type Query struct {
	Name              string
	Kind              Kind
	Country, IMO, DOB string
}

// entity returns the entity the query describes.
func (q Query) entity() party.Entity { return party.New(q.Name, q.Kind, q.Country, q.IMO, q.DOB) }

// sharedDir returns $LUXSCREEN_SHARED, skipping the test when it is unset.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	return testenv.Shared(tb)
}

// sharedLists loads the UN 2026 XML and the OFAC 2021 CSV set once per
// test binary.
var sharedLists = sync.OnceValues(func() ([]List, error) {
	d := testenv.Dir()
	un, err := Load(context.Background(), filepath.Join(d, "data/screening/un/UN_consolidated_2026-02-27.xml"))
	if err != nil {
		return nil, err
	}
	ofac, err := Load(context.Background(), filepath.Join(d, "data/screening/ofac-sdn-2021-07"))
	if err != nil {
		return nil, err
	}
	return []List{un, ofac}, nil
})

func loadShared(tb testing.TB) []List {
	tb.Helper()
	sharedDir(tb)
	ls, err := sharedLists()
	if err != nil {
		tb.Fatal(err)
	}
	return ls
}

// mustScreener builds a screener over ls, stopping the test on an error.
func mustScreener(tb testing.TB, ls ...List) *Screener {
	tb.Helper()
	s, err := NewScreener(ls...)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func demoScreener(tb testing.TB) *Screener {
	tb.Helper()
	l, err := DemoList()
	if err != nil {
		tb.Fatal(err)
	}
	s, err := NewScreener(l)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// mustLoad loads the list at path, stopping the test on an error.
func mustLoad(tb testing.TB, path string) List {
	tb.Helper()
	l, err := Load(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	return l
}
