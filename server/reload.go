package server

import (
	"context"
	"crypto/subtle"
	"net/http"
	"time"

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
	// Lists are the lists loaded after the reload.
	Lists []screen.ListVersion `json:"lists"`
}

// Reload rereads the sanctions lists (luxscreen.System.Reload), one reload at a time: a reload asked for while
// another runs waits for it, or for ctx. Screenings go on meanwhile against
// the old lists and switch to the new ones whole (see screen.Screener).
// The work is bounded by ReloadTimeout, not by ctx's deadline alone, and
// is not cancelled when ctx is: a half-read list is never installed
// anyway, and a client that hangs up should not waste a finished read.
func (s *Server) Reload(ctx context.Context) (ReloadStatus, error) {
	select {
	case s.reloading <- struct{}{}:
	case <-ctx.Done():
		return ReloadStatus{}, ctx.Err()
	}
	defer func() { <-s.reloading }()
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ReloadTimeout)
	defer cancel()
	start := time.Now()
	err := s.sys.Reload(rctx)
	st := ReloadStatus{At: s.sys.Now(), OK: err == nil, DurationMS: time.Since(start).Milliseconds(), Lists: s.sys.Screener().Versions()}
	if st.Lists == nil {
		st.Lists = []screen.ListVersion{}
	}
	if err != nil {
		st.Error = err.Error()
		s.metrics.reloads.WithLabelValues("error").Inc()
		s.log.ErrorContext(ctx, "reload failed; the old lists stay loaded", "err", err, "duration_ms", st.DurationMS)
	} else {
		s.metrics.reloads.WithLabelValues("ok").Inc()
		s.log.InfoContext(ctx, "reloaded sanctions lists", "lists", len(st.Lists), "duration_ms", st.DurationMS)
	}
	s.lastReload.Store(&st)
	if err != nil {
		return st, &apiError{status: http.StatusInternalServerError, code: CodeReloadFailed, message: "reload failed, the old lists stay loaded: " + err.Error(), err: err}
	}
	return st, nil
}

// handleReload answers POST /admin/reload with the ReloadStatus.
func (s *Server) handleReload(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.AdminToken != "" {
		got := r.Header.Get("Authorization")
		want := "Bearer " + s.cfg.AdminToken
		if subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="luxscreen admin"`)
			return errorf(http.StatusUnauthorized, CodeUnauthorized, "POST /admin/reload needs Authorization: Bearer TOKEN")
		}
	}
	st, err := s.Reload(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, st)
}
