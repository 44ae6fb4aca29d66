package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
	"github.com/luxscreen/luxscreen/server"
)

// serveUsage is the synopsis of "luxscreen serve".
const serveUsage = "[--addr 127.0.0.1:8080] [--list FILE]… [--rules FILE]… [--rates FILE] [--prices FILE] [--max-body BYTES] [--max-batch N] [--timeout D]"

// adminTokenEnv names the environment variable holding the bearer token
// POST /admin/reload requires; unset, the endpoint is open, which is safe
// only on a loopback address.
const adminTokenEnv = "LUXSCREEN_ADMIN_TOKEN"

// serveFlagList is a flag that may be given several times.
type serveFlagList []string

func (l *serveFlagList) String() string     { return strings.Join(*l, ",") }
func (l *serveFlagList) Set(v string) error { *l = append(*l, v); return nil }

// runServe serves the HTTP API until ctx ends or SIGTERM arrives, then
// shuts down gracefully; SIGHUP reloads the --list files.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", serveUsage)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; the default is loopback only")
	var listFiles, ruleFiles serveFlagList
	fs.Var(&listFiles, "list", "a sanctions list file or OFAC CSV directory (repeatable); reread on SIGHUP and POST /admin/reload; default: the embedded demo list")
	fs.Var(&ruleFiles, "rules", "a rules file merged over the embedded defaults (repeatable)")
	ratesFile := fs.String("rates", "", "exchange rates file (YAML: base, source, rates), for /v1/check and /v1/classify")
	pricesFile := fs.String("prices", "", "reference unit prices file (YAML: prices), for /v1/check")
	maxBody := fs.Int64("max-body", server.DefaultMaxBodyBytes, "largest request body, in bytes")
	maxBatch := fs.Int("max-batch", server.DefaultMaxBatch, "most items in one batch request")
	timeout := fs.Duration("timeout", server.DefaultRequestTimeout, "longest time spent on one request")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("serve: unexpected argument %q", pos[0])
	case *maxBody <= 0:
		return usagef("serve: --max-body %d: want a positive number of bytes", *maxBody)
	case *maxBatch <= 0:
		return usagef("serve: --max-batch %d: want a positive number", *maxBatch)
	case *timeout <= 0:
		return usagef("serve: --timeout %s: want a positive duration", *timeout)
	}
	logHandler := slog.NewJSONHandler(e.stderr, nil)
	log := slog.New(logHandler)

	cfg, err := serveConfig(ctx, e, listFiles, ruleFiles, *ratesFile, *pricesFile)
	if err != nil {
		return err
	}
	cfg.Logger = log
	cfg.MaxBodyBytes, cfg.MaxBatch, cfg.RequestTimeout = *maxBody, *maxBatch, *timeout
	cfg.AdminToken = os.Getenv(adminTokenEnv)
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()
	// Registered before listening, so a SIGHUP sent once the address is
	// logged reloads instead of ending the process.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       *timeout + 30*time.Second,
		// Reloads are bounded by their own, longer limit.
		WriteTimeout:   max(*timeout, server.DefaultReloadTimeout) + 30*time.Second,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(logHandler, slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String(), "lists", len(cfg.Screener.Versions()), "admin_token", cfg.AdminToken != "")

	for {
		select {
		case <-hup:
			log.Info("SIGHUP: reloading sanctions lists")
			// The outcome is logged by the server and shown by /readyz.
			_, _ = srv.Reload(ctx)
		case err := <-served:
			return err
		case <-ctx.Done():
			log.Info("shutting down", "cause", context.Cause(ctx).Error())
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), *timeout+5*time.Second)
			defer cancel()
			if err := hs.Shutdown(sctx); err != nil {
				return fmt.Errorf("serve: shutdown: %w", err)
			}
			if err := <-served; !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			log.Info("stopped")
			return nil
		}
	}
}

// serveConfig builds the components as "check", "classify" and "screen"
// build theirs, sharing one screener between /v1/screen, /match and the
// rules engine so that a reload reaches all three.
func serveConfig(ctx context.Context, e *env, listFiles, ruleFiles []string, ratesFile, pricesFile string) (server.Config, error) {
	var cfg server.Config
	rs, rates, prices, err := ruleInputs(ruleFiles, ratesFile, pricesFile)
	if err != nil {
		return cfg, err
	}
	cat, err := lists.Default(ctx)
	if err != nil {
		return cfg, err
	}
	// The engine's classifier is built as "check" builds it: the engine
	// converts values itself with the rates.
	engineCl, err := classify.New(cat)
	if err != nil {
		return cfg, err
	}
	goods, err := rules.NewClassifyAdapter(engineCl, cat)
	if err != nil {
		return cfg, err
	}
	opts := []classify.Option{classify.WithClock(e.now)}
	if cr := rates.USDPerUnit(); len(cr) > 0 {
		opts = append(opts, classify.WithRates(cr))
	}
	cl, err := classify.New(cat, opts...)
	if err != nil {
		return cfg, err
	}
	ls, err := loadLists(ctx, listFiles)
	if err != nil {
		return cfg, err
	}
	if len(listFiles) == 0 {
		fmt.Fprintln(e.stderr, screen.DemoWarning)
		cfg.Warnings = append(cfg.Warnings, screen.DemoWarning)
	}
	sc, err := screen.NewScreener(ls...)
	if err != nil {
		return cfg, err
	}
	eng, err := rules.NewEngine(rules.Config{Rules: rs, Goods: goods, Parties: sc, Rates: rates, Prices: prices, Now: e.now})
	if err != nil {
		return cfg, err
	}
	cfg.Catalogue, cfg.Classifier, cfg.Screener, cfg.Engine, cfg.Now = cat, cl, sc, eng, e.now
	cfg.Reload = func(ctx context.Context) error {
		// Every file is read before the swap: one that fails leaves the
		// old lists in place.
		ls, err := loadLists(ctx, listFiles)
		if err != nil {
			return err
		}
		return sc.Reload(ctx, ls...)
	}
	return cfg, nil
}
