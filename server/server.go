package server

import (
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/desk"
)

// Default limits, used where Config leaves a limit zero.
const (
	// DefaultMaxBodyBytes bounds a request body: a batch of a thousand
	// shipments of a few lines each fits.
	DefaultMaxBodyBytes = 8 << 20
	// DefaultMaxBatch is the most items one batch request may hold, for
	// /v1/classify, /v1/screen, /v1/check and the queries of /match.
	DefaultMaxBatch = 1000
	// DefaultMaxScreenings is the most names one request may screen,
	// summed over its items: a /match request of a thousand examples may
	// give four names each on average. Each name costs a screening of
	// every reading of it, about a millisecond, so the bound keeps a
	// request to seconds of work; without it one request could ask for
	// 64,000.
	DefaultMaxScreenings = 4000
	// DefaultRequestTimeout bounds the work done for one request.
	DefaultRequestTimeout = 30 * time.Second
	// DefaultReloadTimeout bounds one reload of the sanctions lists.
	DefaultReloadTimeout = 5 * time.Minute
)

// Config is what a Server serves with: the System that answers, and the
// limits of the service.
type Config struct {
	// System answers every endpoint; POST /admin/reload and
	// Server.Reload call its Reload. Required.
	System *luxscreen.System
	// Logger receives one record per request and the reload outcomes; nil
	// discards them.
	Logger *slog.Logger
	// Registry holds the server's metrics, served at /metrics; nil means
	// a fresh registry for this Server. A registry shared by two servers
	// makes New fail, because the metric names collide.
	Registry *prometheus.Registry
	// MaxBodyBytes, MaxBatch, MaxScreenings, RequestTimeout and
	// ReloadTimeout are the limits; zero means the Default constant.
	MaxBodyBytes   int64
	MaxBatch       int
	MaxScreenings  int
	RequestTimeout time.Duration
	ReloadTimeout  time.Duration
	// AdminToken, when not empty, must be sent as "Authorization: Bearer
	// TOKEN" to POST /admin/reload.
	AdminToken string
	// Desk, when set, keeps every check and screening the server makes
	// with its audit record, opens review cases, settles screenings
	// against the false positives reviewers released, re-screens after
	// each reload, and answers the review endpoints (/v1/cases,
	// /v1/history, /v1/records). System may then be left nil: the server
	// judges with Desk.System().
	Desk *desk.Desk
	// Reviewers map bearer tokens to reviewer names. When set, releasing
	// or confirming a case needs one of these tokens, and the case
	// records the token's name; when empty, the reviewer names themselves
	// in the request, for a desk behind its own access control.
	Reviewers map[string]string
	// InsecureAdmin opens POST /admin/reload to every client when there
	// is no AdminToken. Without it, and without a token, the endpoint
	// answers loopback clients only (403 forbidden to others).
	InsecureAdmin bool
}

// Server is the luxscreen HTTP service. It is an http.Handler and safe for
// concurrent use.
type Server struct {
	cfg        Config
	sys        *luxscreen.System
	log        *slog.Logger
	reg        *prometheus.Registry
	metrics    *metrics
	mux        *http.ServeMux
	handler    http.Handler
	routes     []route
	reloads    reloads
	lastReload atomic.Pointer[ReloadStatus]
	// yente is the index /search and /entities read, built after each
	// Reload by the first request that needs it; yenteMu lets one build
	// it while the others wait.
	yente   atomic.Pointer[yenteIndex]
	yenteMu sync.Mutex
}

// route is one registered endpoint. The table is the single list of
// routes: the mux, the metrics labels and the OpenAPI test all read it.
type route struct {
	pattern string // a net/http ServeMux pattern, "POST /v1/screen"
	handle  func(w http.ResponseWriter, r *http.Request) error
}

// New returns a Server over cfg, or an error naming the missing component.
func New(cfg Config) (*Server, error) {
	if cfg.System == nil && cfg.Desk != nil {
		cfg.System = cfg.Desk.System()
	}
	switch {
	case cfg.System == nil:
		return nil, errors.New("server: Config.System is nil")
	case cfg.Desk != nil && cfg.Desk.System() != cfg.System:
		return nil, errors.New("server: Config.System is not the System of Config.Desk")
	case cfg.MaxBodyBytes < 0, cfg.MaxBatch < 0, cfg.MaxScreenings < 0, cfg.RequestTimeout < 0, cfg.ReloadTimeout < 0:
		return nil, errors.New("server: a Config limit is negative")
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxBatch == 0 {
		cfg.MaxBatch = DefaultMaxBatch
	}
	if cfg.MaxScreenings == 0 {
		cfg.MaxScreenings = DefaultMaxScreenings
	}
	if cfg.RequestTimeout == 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.ReloadTimeout == 0 {
		cfg.ReloadTimeout = DefaultReloadTimeout
	}
	s := &Server{cfg: cfg, sys: cfg.System, log: cfg.Logger, reg: cfg.Registry}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.reg == nil {
		s.reg = prometheus.NewRegistry()
	}
	m, err := newMetrics(s.reg, cfg.System)
	if err != nil {
		return nil, err
	}
	s.metrics = m
	metricsHandler := promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{ErrorLog: slogPromLogger{s.log}})
	s.routes = []route{
		{"POST /v1/classify", s.handleClassify},
		{"POST /v1/screen", s.handleScreen},
		{"POST /v1/check", s.handleCheck},
		{"GET /v1/lookup/{code}", s.handleLookup},
		{"GET /v1/lists", s.handleLists},
		{"GET /v1/lists/{id}", s.handleList},
		{"GET /v1/compare", s.handleCompare},
		{"POST /match/{dataset}", s.handleMatch},
		{"GET /search/{dataset}", s.handleSearch},
		{"GET /entities/{id}", s.handleEntity},
		{"GET /catalog", s.handleCatalog},
		{"GET /algorithms", s.handleAlgorithms},
		{"GET /healthz", s.handleHealth},
		{"GET /readyz", s.handleReady},
		{"GET /openapi.json", s.handleOpenAPI},
		{"GET /metrics", func(w http.ResponseWriter, r *http.Request) error {
			metricsHandler.ServeHTTP(w, r)
			return nil
		}},
		{"POST /admin/reload", s.handleReload},
	}
	s.routes = append(s.routes, s.deskRoutes()...)
	s.routes = append(s.routes, s.uiRoutes()...)
	s.mux = http.NewServeMux()
	for _, rt := range s.routes {
		s.mux.Handle(rt.pattern, s.adapt(rt.handle))
	}
	s.handler = s.observe(s.recoverPanics(s.limit(http.HandlerFunc(s.dispatch))))
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// dispatch routes a request, answering unknown paths and methods with the
// JSON error shape instead of the mux's plain text.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); pattern != "" {
		info(r.Context()).route = pattern
		s.mux.ServeHTTP(w, r)
		return
	}
	// The mux knows whether the path exists under another method (405,
	// with Allow) or not at all (404); let it decide, then answer in JSON.
	probe := &statusProbe{header: http.Header{}}
	s.mux.ServeHTTP(probe, r)
	if allow := probe.header.Get("Allow"); allow != "" {
		w.Header().Set("Allow", allow)
	}
	ae := errorf(http.StatusNotFound, CodeNotFound, "no route for %s %s; see /openapi.json", r.Method, r.URL.Path)
	if probe.status == http.StatusMethodNotAllowed {
		ae = errorf(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, probe.header.Get("Allow"))
	}
	s.writeError(w, r, ae)
}

// statusProbe records the status and headers the mux would answer with.
type statusProbe struct {
	header http.Header
	status int
}

func (p *statusProbe) Header() http.Header         { return p.header }
func (p *statusProbe) Write(b []byte) (int, error) { return len(b), nil }
func (p *statusProbe) WriteHeader(status int)      { p.status = status }

// adapt turns a handler that returns an error into an http.Handler that
// answers the error in the JSON error shape.
func (s *Server) adapt(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// writeError answers err in the JSON error shape and logs its cause.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	ae := toAPIError(err)
	id := requestID(r.Context())
	if ae.status >= 500 {
		attrs := []any{"request_id", id, "code", ae.code, "err", err}
		var pe *panicError
		if errors.As(err, &pe) {
			attrs = append(attrs, "stack", string(pe.stack))
		}
		s.log.ErrorContext(r.Context(), "request failed", attrs...)
	}
	if sw, ok := w.(*statusWriter); ok && sw.wrote {
		// The answer has begun; a second header cannot be sent. The log
		// has the error.
		return
	}
	body := ErrorResponse{Error: ErrorDetail{Code: ae.code, Message: ae.message, RequestID: id}}
	if isYenteRoute(r) {
		body.Detail = ae.message
	}
	if werr := writeJSON(w, ae.status, body); werr != nil {
		s.log.DebugContext(r.Context(), "writing error answer", "request_id", id, "err", werr)
	}
}

// slogPromLogger passes promhttp's errors to the server's logger.
type slogPromLogger struct{ log *slog.Logger }

func (l slogPromLogger) Println(v ...any) { l.log.Error("metrics", "err", v) }
