package server

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/screen"
)

// TestMetricsLabelsBounded sends requests with random methods and to
// random paths and checks that the metrics stay as large as after a
// handful: only HTTP's own methods and the registered routes become
// label values.
func TestMetricsLabelsBounded(t *testing.T) {
	s, err := New(testConfig(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	send := func(n int) {
		for range n {
			method := fmt.Sprintf("M%08X", rng.Uint32())
			path := fmt.Sprintf("/v1/%08x", rng.Uint32())
			if rng.IntN(2) == 0 {
				path = "/healthz"
			}
			s.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(method, path, nil))
		}
	}
	scrape := func() string {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
		return w.Body.String()
	}
	series := regexp.MustCompile(`(?m)^luxscreen_http_.*$`)
	// The first scrape adds its own series.
	scrape()
	send(10)
	before := len(series.FindAllString(scrape(), -1))
	send(2000)
	body := scrape()
	if after := len(series.FindAllString(body, -1)); after != before {
		t.Errorf("HTTP series: %d after 10 requests with random methods and paths, %d after 2,000 more", before, after)
	}
	var methods []string
	for _, m := range regexp.MustCompile(`method="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		if !slices.Contains(methods, m[1]) {
			methods = append(methods, m[1])
		}
	}
	slices.Sort(methods)
	if diff := cmp.Diff([]string{"GET", "OTHER"}, methods); diff != "" {
		t.Errorf("method labels (-want +got):\n%s", diff)
	}
}

// TestMetricsSources checks the per-source gauges follow a refused
// reload.
func TestMetricsSources(t *testing.T) {
	demo, err := screen.DemoList()
	if err != nil {
		t.Fatal(err)
	}
	var loads atomic.Int64
	s, err := New(testConfigSource(t, nil, func(context.Context) ([]screen.List, error) {
		if loads.Add(1) == 1 {
			return []screen.List{demo}, nil
		}
		empty := demo
		empty.Entities, empty.Version.Entities = nil, 0
		return []screen.List{empty}, nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reload(context.Background()); err == nil {
		t.Fatal("a reload to an empty list succeeded")
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	var got []string
	for _, line := range strings.Split(w.Body.String(), "\n") {
		if strings.HasPrefix(line, "luxscreen_list_") && !strings.HasPrefix(line, "luxscreen_list_age") {
			got = append(got, line)
		}
	}
	want := []string{
		`luxscreen_list_entities{sha256="` + demo.Version.SHA256 + `",source="demo"} 18`,
		`luxscreen_list_ready{source="demo"} 0`,
		`luxscreen_list_refused{source="demo"} 1`,
		`luxscreen_list_reload_requests_total 1`,
		`luxscreen_list_reloads_total{result="error"} 1`,
		`luxscreen_list_stale{source="demo"} 1`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("list metrics (-want +got):\n%s", diff)
	}
}
