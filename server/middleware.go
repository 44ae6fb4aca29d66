package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

// requestInfoKey is the context key of a request's *requestInfo.
type requestInfoKey struct{}

// requestInfo is what the outer middleware learns of a request from the
// inner layers: the route is known only after the mux matches it, on a
// copy of the request the outer layer never sees.
type requestInfo struct {
	id    string
	route string
}

func info(ctx context.Context) *requestInfo {
	ri, _ := ctx.Value(requestInfoKey{}).(*requestInfo)
	if ri == nil {
		return &requestInfo{}
	}
	return ri
}

func requestID(ctx context.Context) string { return info(ctx).id }

// newRequestID returns 16 random hex digits.
func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+).
	return hex.EncodeToString(b[:])
}

// statusWriter records what a handler answered, for the log and metrics,
// and whether the answer has begun.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (w *statusWriter) WriteHeader(status int) {
	if !w.wrote {
		w.status, w.wrote = status, true
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe gives the request an ID and, when it is answered, logs it and
// counts it by route pattern, method and status.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := newRequestID()
		w.Header().Set("X-Request-Id", id)
		ri := &requestInfo{id: id}
		r = r.WithContext(context.WithValue(r.Context(), requestInfoKey{}, ri))
		sw := &statusWriter{ResponseWriter: w}
		s.metrics.inflight.Inc()
		defer func() {
			s.metrics.inflight.Dec()
			elapsed := time.Since(start)
			status := sw.status
			if !sw.wrote {
				status = http.StatusOK
			}
			// Unmatched paths share one label.
			rt := ri.route
			if rt == "" {
				rt = routeUnmatched
			}
			method := methodLabel(r.Method)
			s.metrics.requests.WithLabelValues(rt, method, strconv.Itoa(status)).Inc()
			s.metrics.duration.WithLabelValues(rt, method).Observe(elapsed.Seconds())
			level := slog.LevelInfo
			if status >= 500 {
				level = slog.LevelError
			}
			s.log.LogAttrs(r.Context(), level, "request",
				slog.String("request_id", id),
				slog.String("method", r.Method),
				slog.String("route", rt),
				slog.String("path", r.URL.Path),
				slog.Int("status", status),
				slog.Int64("bytes", sw.bytes),
				slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
				slog.String("remote", r.RemoteAddr),
			)
		}()
		next.ServeHTTP(sw, r)
	})
}

// recoverPanics answers a panic with a 500 in the JSON error shape and
// logs it with its stack; the server goes on serving. http.ErrAbortHandler
// is re-panicked, as net/http expects.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if err, ok := p.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(p)
			}
			s.writeError(w, r, &panicError{value: p, stack: debug.Stack()})
		}()
		next.ServeHTTP(w, r)
	})
}

// limit bounds the request body and the time spent on the request.
// Handlers see the deadline in their context; screening and batch loops
// stop at it and the request answers 503 timeout.
func (s *Server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.cfg.MaxBodyBytes {
			// Refuse before reading: the client said how much it sends.
			s.writeError(w, r, errorf(http.StatusRequestEntityTooLarge, CodeBodyTooLarge,
				"request body of %d bytes is larger than the limit of %d bytes", r.ContentLength, s.cfg.MaxBodyBytes))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// isYenteRoute reports whether r is for the yente-compatible API, whose
// errors also carry yente's "detail" field.
func isYenteRoute(r *http.Request) bool {
	p := r.URL.Path
	return strings.HasPrefix(p, "/match/") || strings.HasPrefix(p, "/search/") || strings.HasPrefix(p, "/entities/") || p == "/catalog" || p == "/algorithms"
}
