package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/screen"
)

// TestReloadsMerge holds a reload while more requests arrive, and checks
// they share one reload that starts after it, not the one running, which
// may have read the files before they changed.
func TestReloadsMerge(t *testing.T) {
	demo, err := screen.DemoList()
	if err != nil {
		t.Fatal(err)
	}
	var loads atomic.Int64
	started := make(chan int64)
	release := make(chan struct{})
	s, err := New(testConfigSource(t, nil, func(context.Context) ([]screen.List, error) {
		n := loads.Add(1)
		if n > 1 { // the first load is Open's
			started <- n
			<-release
		}
		l := demo
		// Each load is a new version of the file.
		l.Version.SHA256 = string(rune('a' + n))
		return []screen.List{l}, nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	reload := func(out *ReloadStatus, wg *sync.WaitGroup) {
		wg.Go(func() {
			st, err := s.Reload(context.Background())
			if err != nil {
				t.Error(err)
			}
			*out = st
		})
	}
	var wg sync.WaitGroup
	var first ReloadStatus
	reload(&first, &wg)
	if n := <-started; n != 2 {
		t.Fatalf("first reload is load %d, want 2", n)
	}
	const waiting = 5
	later := make([]ReloadStatus, waiting)
	for i := range later {
		reload(&later[i], &wg)
	}
	// Let every later request join before the first reload ends.
	for deadline := time.Now().Add(10 * time.Second); queued(s) < waiting; {
		if time.Now().After(deadline) {
			t.Fatalf("%d requests queued, want %d", queued(s), waiting)
		}
		time.Sleep(time.Millisecond)
	}
	release <- struct{}{}
	if n := <-started; n != 3 {
		t.Fatalf("second reload is load %d, want 3", n)
	}
	release <- struct{}{}
	wg.Wait()

	type outcome struct {
		Requests int
		SHA256   string
	}
	got := []outcome{{first.Requests, first.Lists[0].SHA256}}
	for _, st := range later {
		got = append(got, outcome{st.Requests, st.Lists[0].SHA256})
	}
	want := []outcome{{1, "c"}, {5, "d"}, {5, "d"}, {5, "d"}, {5, "d"}, {5, "d"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reload outcomes (-want +got):\n%s", diff)
	}
	if n := loads.Load(); n != 3 {
		t.Errorf("%d loads, want 3: Open's and two reloads", n)
	}
}

// queued counts the requests waiting for a reload that has not started.
func queued(s *Server) int {
	s.reloads.mu.Lock()
	defer s.reloads.mu.Unlock()
	n := 0
	for _, c := range s.reloads.queue {
		n += c.requests
	}
	return n
}

func TestAdminAccess(t *testing.T) {
	const token = "s3cret"
	tests := []struct {
		name     string
		token    string
		insecure bool
		remote   string
		auth     string
		query    string
		want     errorAnswer
	}{
		{"no token, loopback client", "", false, "127.0.0.1:5000", "", "", errorAnswer{Status: 200}},
		{"no token, IPv6 loopback client", "", false, "[::1]:5000", "", "", errorAnswer{Status: 200}},
		{"no token, remote client", "", false, "203.0.113.7:5000", "", "", errorAnswer{403, CodeForbidden, "loopback clients only"}},
		{"no token, remote client, insecure admin", "", true, "203.0.113.7:5000", "", "", errorAnswer{Status: 200}},
		{"token, none sent", token, false, "127.0.0.1:5000", "", "", errorAnswer{401, CodeUnauthorized, "needs Authorization: Bearer TOKEN"}},
		{"token, wrong one sent", token, false, "127.0.0.1:5000", "Bearer s3cres", "", errorAnswer{401, CodeUnauthorized, "needs Authorization"}},
		{"token, remote client", token, false, "203.0.113.7:5000", "Bearer " + token, "", errorAnswer{Status: 200}},
		{"allow_shrink", "", false, "127.0.0.1:5000", "", "?allow_shrink=true", errorAnswer{Status: 200}},
		{"bad allow_shrink", "", false, "127.0.0.1:5000", "", "?allow_shrink=maybe", errorAnswer{400, CodeInvalidParameter, `allow_shrink "maybe"`}},
		{"unknown parameter", "", false, "127.0.0.1:5000", "", "?force=1", errorAnswer{400, CodeInvalidParameter, `unknown parameter "force"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(t, nil)
			cfg.AdminToken, cfg.InsecureAdmin = tt.token, tt.insecure
			s, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			req := httptest.NewRequest(http.MethodPost, "/admin/reload"+tt.query, nil)
			req.RemoteAddr = tt.remote
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, req)
			got := gotError(t, w.Code, w.Body.Bytes(), tt.want)
			if got.Status == 200 {
				got.Message = ""
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("POST /admin/reload%s mismatch (-want +got):\n%s", tt.query, diff)
			}
		})
	}
}
