package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
)

// components are the parts a Server is built from, built once per test
// binary where they do not change: the catalogue and classifier take a
// moment to index.
type components struct {
	cat *lists.Catalogue
	cl  *classify.Classifier
}

func buildComponents(tb testing.TB) components {
	tb.Helper()
	cat, err := lists.Default(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	cl, err := classify.New(cat)
	if err != nil {
		tb.Fatal(err)
	}
	return components{cat: cat, cl: cl}
}

// testConfig returns a Config over the demo list, with a reload function
// that re-reads the demo list, and a log written to logs.
func testConfig(tb testing.TB, logs io.Writer, ls ...screen.List) Config {
	tb.Helper()
	c := buildComponents(tb)
	if len(ls) == 0 {
		demo, err := screen.DemoList()
		if err != nil {
			tb.Fatal(err)
		}
		ls = []screen.List{demo}
	}
	sc, err := screen.NewScreener(ls...)
	if err != nil {
		tb.Fatal(err)
	}
	goods, err := rules.NewClassifyAdapter(c.cl, c.cat)
	if err != nil {
		tb.Fatal(err)
	}
	eng, err := rules.NewEngine(rules.Config{Goods: goods, Parties: sc})
	if err != nil {
		tb.Fatal(err)
	}
	if logs == nil {
		logs = io.Discard
	}
	return Config{
		Catalogue:  c.cat,
		Classifier: c.cl,
		Screener:   sc,
		Engine:     eng,
		Reload: func(ctx context.Context) error {
			demo, err := screen.DemoList()
			if err != nil {
				return err
			}
			return sc.Reload(ctx, demo)
		},
		Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:    func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) },
	}
}

// startServer serves cfg on a loopback port and returns the server and
// its base URL; both stop with the test.
func startServer(tb testing.TB, cfg Config) (*Server, string) {
	tb.Helper()
	s, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(s)
	tb.Cleanup(ts.Close)
	return s, ts.URL
}

// call sends a request and returns the status, the headers and the body.
func call(tb testing.TB, method, url, contentType string, body io.Reader) (int, http.Header, []byte) {
	tb.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		tb.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

// postJSON posts body as JSON.
func postJSON(tb testing.TB, url, body string) (int, []byte) {
	tb.Helper()
	st, _, b := call(tb, http.MethodPost, url, "application/json", strings.NewReader(body))
	return st, b
}

// get fetches url.
func get(tb testing.TB, url string) (int, []byte) {
	tb.Helper()
	st, _, b := call(tb, http.MethodGet, url, "", nil)
	return st, b
}

// decode unmarshals b into a T, failing the test on error.
func decode[T any](tb testing.TB, b []byte) T {
	tb.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		tb.Fatalf("decoding %s: %v", truncate(b), err)
	}
	return v
}

func truncate(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines to log to
// while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
