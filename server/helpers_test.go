package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/screen"
)

// testConfig returns a Config over a System that screens against ls, or
// the demo list when ls is empty; its reload reads the same lists again.
// The log is written to logs.
func testConfig(tb testing.TB, logs io.Writer, ls ...screen.List) Config {
	tb.Helper()
	if len(ls) == 0 {
		demo, err := screen.DemoList()
		if err != nil {
			tb.Fatal(err)
		}
		ls = []screen.List{demo}
	}
	return testConfigSource(tb, logs, func(context.Context) ([]screen.List, error) { return ls, nil })
}

// testConfigSource returns a Config over a System whose sanctions lists
// come from src, at start and on each reload.
func testConfigSource(tb testing.TB, logs io.Writer, src func(context.Context) ([]screen.List, error)) Config {
	tb.Helper()
	sys, err := luxscreen.Open(context.Background(), luxscreen.Config{
		ListSource: src,
		Now:        func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		tb.Fatal(err)
	}
	if logs == nil {
		logs = io.Discard
	}
	return Config{
		System: sys,
		Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
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
