package server

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/screen"
)

// benchHandler runs one request against s per iteration, without the
// network, and fails on any status but 200.
func benchHandler(b *testing.B, s *Server, path, body string) {
	b.Helper()
	data := []byte(body)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(data))
		req.Header.Set("Content-Type", "application/json")
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}

func newBenchServer(b *testing.B, ls ...screen.List) *Server {
	b.Helper()
	s, err := New(testConfig(b, nil, ls...))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// sharedLists loads the UN consolidated list and the 2021 OFAC SDN set.
func sharedLists(tb testing.TB) []screen.List {
	tb.Helper()
	var ls []screen.List
	for _, p := range []string{
		testenv.Path(tb, "data", "screening", "un", "UN_consolidated_2026-02-27.xml"),
		testenv.Path(tb, "data", "screening", "ofac-sdn-2021-07"),
	} {
		l, err := screen.Load(context.Background(), p)
		if err != nil {
			tb.Fatal(err)
		}
		ls = append(ls, l)
	}
	return ls
}

// BenchmarkScreenHandler is one /v1/screen request through the whole
// middleware stack (request ID, metrics, log, limits, JSON in and out)
// against the demo list.
func BenchmarkScreenHandler(b *testing.B) {
	benchHandler(b, newBenchServer(b), "/v1/screen", `{"id": "c1", "name": "Korea Ryongbong General Corp.", "kind": "org", "country": "KP"}`)
}

// BenchmarkScreenHandlerShared is the same against the UN list and the
// 2021 OFAC SDN list (about 10,000 entities).
func BenchmarkScreenHandlerShared(b *testing.B) {
	s := newBenchServer(b, sharedLists(b)...)
	b.Run("match", func(b *testing.B) {
		benchHandler(b, s, "/v1/screen", `{"id": "c1", "name": "Korea Ryongbong General Corp.", "kind": "org", "country": "KP"}`)
	})
	b.Run("clear", func(b *testing.B) {
		benchHandler(b, s, "/v1/screen", `{"id": "p1", "name": "Patricia Lucas Wheeler", "kind": "person", "dob": "2002-07-14", "country": "Ethiopia"}`)
	})
}

// BenchmarkScreenBatchHandler is a batch of 100 parties in one request.
func BenchmarkScreenBatchHandler(b *testing.B) {
	body := jsonArray(100, ",", func(i int) string {
		if i%2 == 0 {
			return `{"name": "Korea Ryongbong General Corp.", "kind": "org"}`
		}
		return `{"name": "Hamburg Sud Shipping GmbH", "kind": "org"}`
	})
	benchHandler(b, newBenchServer(b), "/v1/screen", body)
}

// BenchmarkMatchHandler is one yente /match request with two examples.
func BenchmarkMatchHandler(b *testing.B) {
	benchHandler(b, newBenchServer(b), "/match/default", `{"queries": {
		"a": {"schema": "Company", "properties": {"name": ["Korea Ryongbong General Corp."], "jurisdiction": ["kp"]}},
		"b": {"schema": "Vessel", "properties": {"name": ["Chong Chon Gang"], "imoNumber": ["7937317"]}}}}`)
}

// BenchmarkCheckHandler judges one shipment.
func BenchmarkCheckHandler(b *testing.B) {
	body := testenv.ReadFile(b, filepath.Join("..", "examples", "shipments", "horses-2019-eu.json"))
	benchHandler(b, newBenchServer(b), "/v1/check", string(body))
}

// BenchmarkCheckHandlerDesk judges one shipment through a desk that keeps
// the decision with its audit record in a SQLite store and opens its case,
// as "serve" does: the cost of keeping every decision.
func BenchmarkCheckHandlerDesk(b *testing.B) {
	body := testenv.ReadFile(b, filepath.Join("..", "examples", "shipments", "horses-2019-eu.json"))
	s, err := New(deskConfig(b, nil))
	if err != nil {
		b.Fatal(err)
	}
	benchHandler(b, s, "/v1/check", string(body))
}

// BenchmarkClassifyHandler classifies one goods line.
func BenchmarkClassifyHandler(b *testing.B) {
	benchHandler(b, newBenchServer(b), "/v1/classify", `{"description": "Rolex Submariner wristwatch, 18K gold case", "value": 12000, "currency": "USD", "quantity": 1, "destination": "KP"}`)
}

// BenchmarkSplitBody splits a batch of 1,000 items.
func BenchmarkSplitBody(b *testing.B) {
	data := []byte(jsonArray(1000, ",\n", func(int) string {
		return `{"id": "x", "name": "Korea Ryongbong General Corp.", "kind": "org"}`
	}))
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := splitBody(data, 1000); err != nil {
			b.Fatal(err)
		}
	}
}

// jsonArray is a JSON array of n items, item(i) the i-th, written with sep
// between items.
func jsonArray(n int, sep string, item func(i int) string) string {
	var sb strings.Builder
	sb.WriteString("[")
	for i := range n {
		if i > 0 {
			sb.WriteString(sep)
		}
		sb.WriteString(item(i))
	}
	sb.WriteString("]")
	return sb.String()
}
