package server

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
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
