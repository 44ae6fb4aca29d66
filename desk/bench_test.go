package desk_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/store"
)

// benchDesk is a desk over a SQLite store of the benchmark, screening
// against two listed companies.
func benchDesk(b *testing.B) *fixture {
	b.Helper()
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "desk.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return newFixture(b, st, unList("v1", org("KPe.071", "KOREA SUNGRI TRADING CORPORATION"), org("KPe.072", "PYONGYANG MARINE SUPPLY COMPANY")))
}

// BenchmarkDeskCheckClear is the desk's cost on ordinary traffic: a clear
// shipment judged and kept with its audit record.
func BenchmarkDeskCheckClear(b *testing.B) {
	f := benchDesk(b)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if _, err := f.d.Check(ctx, shipment(b, fmt.Sprintf("BKG-%d", i), "Shanghai Pudong Hardware Co Ltd")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeskScreenReleased is a screening whose hit a reviewer
// released: the release is looked up and applied on every screening.
func BenchmarkDeskScreenReleased(b *testing.B) {
	f := benchDesk(b)
	ctx := context.Background()
	q := party.New("Korea Sungri Trading Co", party.KindOrganisation, "CN", "", "")
	sc, err := f.d.Screen(ctx, q)
	if err != nil || len(sc.Cases) != 1 {
		b.Fatalf("screen: %v, cases %v", err, sc.Cases)
	}
	if _, err := f.d.Release(ctx, sc.Cases[0], "ana.kim", store.FalsePositive, "not the listed company"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := f.d.Screen(ctx, q)
		if err != nil || r.Result.Verdict != party.Clear {
			b.Fatalf("screen after release: %v, %v", r.Result.Verdict, err)
		}
	}
}
