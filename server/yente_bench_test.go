package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// benchGet runs one GET of path against s per iteration, without the
// network, and fails on any status but 200. The first request, which
// builds the search index, is left out of the timing.
func benchGet(b *testing.B, s *Server, path string) {
	b.Helper()
	get := func() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
	get()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		get()
	}
}

// BenchmarkSearchHandler is one /search request against the demo list.
func BenchmarkSearchHandler(b *testing.B) {
	benchGet(b, newBenchServer(b), "/search/default?q=Korea+Ryongbong+General&schema=Organization")
}

// BenchmarkEntityHandler is one /entities request against the demo list.
func BenchmarkEntityHandler(b *testing.B) {
	benchGet(b, newBenchServer(b), "/entities/demo:KPe.002")
}

// BenchmarkYenteShared runs /search and /entities against the UN list and
// the 2021 OFAC SDN list (about 10,000 entities), and the build of the
// index they read.
func BenchmarkYenteShared(b *testing.B) {
	s := newBenchServer(b, sharedLists(b)...)
	b.Run("search", func(b *testing.B) {
		benchGet(b, s, "/search/default?q=Korea+Mining+Development+Trading&schema=Organization")
	})
	b.Run("search-prefix", func(b *testing.B) {
		benchGet(b, s, "/search/default?q=kim&countries=kp")
	})
	b.Run("search-all", func(b *testing.B) {
		benchGet(b, s, "/search/default?limit=10")
	})
	b.Run("entities", func(b *testing.B) {
		benchGet(b, s, "/entities/UN:KPe.001")
	})
	b.Run("index", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			newYenteIndex(s.sys.Screener())
		}
	})
}
