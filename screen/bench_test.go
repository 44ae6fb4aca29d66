package screen

import (
	"context"
	"github.com/luxscreen/luxscreen/party"
	"runtime"
	"testing"
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
}

func benchScreen(b *testing.B, s *Screener, qs []Query) {
	ctx := context.Background()
	es := make([]party.Entity, len(qs))
	for i, q := range qs {
		es[i] = q.entity()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Screen(ctx, es[i%len(es)]); err != nil {
			b.Fatal(err)
		}
	}
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
// entities), the corpus the acceptance budget is set on.
func BenchmarkScreenShared(b *testing.B) {
	s, err := NewScreener(loadShared(b)...)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("organisation", func(b *testing.B) { benchScreen(b, s, orgs()) })
	b.Run("vessel", func(b *testing.B) {
		benchScreen(b, s, []Query{{Name: "Chong Chon Gang", Kind: KindVessel}, {Name: "MV Ryong Gang 3", Kind: KindVessel}})
	})
	b.Run("imo", func(b *testing.B) { benchScreen(b, s, []Query{{IMO: "IMO 7937317", Kind: KindVessel}}) })
	b.Run("person", func(b *testing.B) {
		benchScreen(b, s, []Query{{Name: "Kim Jong Un", Kind: KindPerson}, {Name: "Ri Je-son", Kind: KindPerson}, {Name: "Patricia Lucas Wheeler", Kind: KindPerson}})
	})
}

// BenchmarkBuild measures building the index for UN + OFAC and reports the
// heap it keeps.
func BenchmarkBuild(b *testing.B) {
	ls := loadShared(b)
	b.ReportAllocs()
	var s *Screener
	var err error
	for i := 0; i < b.N; i++ {
		if s, err = NewScreener(ls...); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heap-MiB")
	runtime.KeepAlive(s)
}

func BenchmarkCompare(b *testing.B) {
	s := demoScreener(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s.Compare("Korea Ryongbong General Corp.", "KOREA RYONBONG GENERAL CORPORATION", KindOrganisation)
	}
}
