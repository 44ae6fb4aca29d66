package server

import (
	"context"
	"crypto/subtle"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/desk"
	"github.com/luxscreen/luxscreen/screen"
)

// ReloadStatus is the outcome of one reload of the sanctions lists.
type ReloadStatus struct {
	// At is when the reload finished.
	At time.Time `json:"at"`
	OK bool      `json:"ok"`
	// Error says why the reload failed; the old lists stay loaded.
	Error string `json:"error,omitempty"`
	// DurationMS is how long the reload took, in milliseconds.
	DurationMS int64 `json:"duration_ms"`
	// AllowShrink is set when the reload accepted lists that shrank more
	// than the system allows (luxscreen.ReloadOptions.AllowShrink).
	AllowShrink bool `json:"allow_shrink,omitempty"`
	// Requests is how many reload requests this one reload answered:
	// those that arrived while the reload before it ran share it.
	Requests int `json:"requests"`
	// Lists are the lists loaded after the reload.
	Lists []screen.ListVersion `json:"lists"`
	// Sources are the list sources after the reload, each with its age,
	// readiness and, when the reload refused its new file, why.
	Sources []luxscreen.SourceStatus `json:"sources"`
	// Rescreened is what the desk found when it screened again the
	// parties the change could affect, when the server keeps decisions.
	Rescreened *desk.Rescreened `json:"rescreened,omitempty"`
}

// reloads merges concurrent reload requests. A request that arrives
// while a reload runs does not wait for it and then run its own, nor
// take that reload's answer: the files may have changed after that
// reload read them. It joins the reload queued to start next, with the
// same options, which every request arriving meanwhile shares.
type reloads struct {
	mu      sync.Mutex
	running bool
	queue   []*reloadCall
}

// reloadCall is one reload, run once for every request that joined it.
type reloadCall struct {
	opts     luxscreen.ReloadOptions
	requests int
	done     chan struct{}
	st       ReloadStatus
	err      error
}

// join returns the reload a request with opts is answered by: the
// queued one with the same options, or a new one, started now when none
// runs.
func (s *Server) join(opts luxscreen.ReloadOptions) *reloadCall {
	s.metrics.reloadReq.Inc()
	rl := &s.reloads
	rl.mu.Lock()
	defer rl.mu.Unlock()
	for _, c := range rl.queue {
		if c.opts == opts {
			c.requests++
			return c
		}
	}
	c := &reloadCall{opts: opts, requests: 1, done: make(chan struct{})}
	rl.queue = append(rl.queue, c)
	if !rl.running {
		rl.running = true
		go s.runReloads()
	}
	return c
}

// runReloads runs the queued reloads one after the other until the queue
// is empty. A reload is taken off the queue when it starts, so that a
// request arriving after that queues the next one.
func (s *Server) runReloads() {
	rl := &s.reloads
	for {
		rl.mu.Lock()
		if len(rl.queue) == 0 {
			rl.running = false
			rl.mu.Unlock()
			return
		}
		c := rl.queue[0]
		rl.queue = rl.queue[1:]
		requests := c.requests
		rl.mu.Unlock()
		c.st, c.err = s.reloadOnce(c.opts, requests)
		close(c.done)
	}
}

// Reload rereads the sanctions lists (luxscreen.System.Reload). Reloads
// run one at a time, and requests made while one runs are merged: they
// share the one reload that starts after it. Screenings go on meanwhile
// against the old lists and switch to the new ones whole (see
// screen.Screener). The reload is bounded by ReloadTimeout, not by ctx,
// and goes on when ctx ends: a half-read list is never installed anyway,
// and a client that hangs up should not waste a read other requests may
// share. The error is ctx's when it ends first.
func (s *Server) Reload(ctx context.Context) (ReloadStatus, error) {
	return s.ReloadWith(ctx, luxscreen.ReloadOptions{})
}

// ReloadWith reloads as Reload does, with the operator's options; only
// requests with equal options are merged.
func (s *Server) ReloadWith(ctx context.Context, opts luxscreen.ReloadOptions) (ReloadStatus, error) {
	c := s.join(opts)
	select {
	case <-c.done:
		return c.st, c.err
	case <-ctx.Done():
		return ReloadStatus{}, ctx.Err()
	}
}

// reloadOnce runs one reload for requests merged requests, and records
// and logs its outcome.
func (s *Server) reloadOnce(opts luxscreen.ReloadOptions, requests int) (ReloadStatus, error) {
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.ReloadTimeout)
	defer cancel()
	start := time.Now()
	var rescreened *desk.Rescreened
	var err error
	if s.cfg.Desk != nil {
		var rs desk.Rescreened
		if rs, err = s.cfg.Desk.Reload(ctx, opts); err == nil {
			rescreened = &rs
		}
	} else {
		err = s.sys.ReloadWith(ctx, opts)
	}
	st := ReloadStatus{Rescreened: rescreened, At: s.sys.Now(), OK: err == nil, DurationMS: time.Since(start).Milliseconds(),
		AllowShrink: opts.AllowShrink, Requests: requests, Lists: s.sys.Screener().Versions(), Sources: s.sys.Sources()}
	if st.Lists == nil {
		st.Lists = []screen.ListVersion{}
	}
	if st.Sources == nil {
		st.Sources = []luxscreen.SourceStatus{}
	}
	if err != nil {
		st.Error = err.Error()
		s.metrics.reloads.WithLabelValues("error").Inc()
		s.log.ErrorContext(ctx, "reload failed; the old lists stay loaded", "err", err, "duration_ms", st.DurationMS, "requests", requests)
	} else {
		s.metrics.reloads.WithLabelValues("ok").Inc()
		s.log.InfoContext(ctx, "reloaded sanctions lists", "lists", len(st.Lists), "duration_ms", st.DurationMS, "requests", requests)
	}
	s.lastReload.Store(&st)
	if err != nil {
		return st, &apiError{status: http.StatusInternalServerError, code: CodeReloadFailed, message: "reload failed, the old lists stay loaded: " + err.Error(), err: err}
	}
	return st, nil
}

// handleReload answers POST /admin/reload with the ReloadStatus. The
// parameter allow_shrink=true accepts lists that shrank more than the
// system allows, once.
func (s *Server) handleReload(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorizeAdmin(w, r); err != nil {
		return err
	}
	var opts luxscreen.ReloadOptions
	for k, vs := range r.URL.Query() {
		if k != "allow_shrink" {
			return errorf(http.StatusBadRequest, CodeInvalidParameter, "unknown parameter %q; POST /admin/reload takes allow_shrink", k)
		}
		b, err := strconv.ParseBool(vs[len(vs)-1])
		if err != nil {
			return errorf(http.StatusBadRequest, CodeInvalidParameter, "allow_shrink %q: want true or false", vs[len(vs)-1])
		}
		opts.AllowShrink = b
	}
	st, err := s.ReloadWith(r.Context(), opts)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, st)
}

// authorizeAdmin lets an administrative request through when it carries
// the admin token, or, when the server has none, when it comes from a
// loopback address or Config.InsecureAdmin opens the endpoint to all.
func (s *Server) authorizeAdmin(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.AdminToken != "" {
		got := r.Header.Get("Authorization")
		want := "Bearer " + s.cfg.AdminToken
		if subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="luxscreen admin"`)
			return errorf(http.StatusUnauthorized, CodeUnauthorized, "%s %s needs Authorization: Bearer TOKEN", r.Method, r.URL.Path)
		}
		return nil
	}
	if s.cfg.InsecureAdmin || isLoopback(r.RemoteAddr) {
		return nil
	}
	return errorf(http.StatusForbidden, CodeForbidden, "%s %s is served to loopback clients only, since the server has no admin token (luxscreen serve --admin-token-file)", r.Method, r.URL.Path)
}

// isLoopback reports whether addr, a "host:port" peer address, is a
// loopback address.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
