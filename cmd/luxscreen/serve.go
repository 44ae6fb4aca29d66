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
	"syscall"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/server"
)

// serveUsage is the synopsis of "luxscreen serve".
const serveUsage = "[--addr 127.0.0.1:8080] [--list FILE]… [--rules FILE]… [--rates FILE] [--prices FILE] [--max-body BYTES] [--max-batch N] [--timeout D]"

// adminTokenEnv names the environment variable holding the bearer token
// POST /admin/reload requires; unset, the endpoint is open, which is safe
// only on a loopback address.
const adminTokenEnv = "LUXSCREEN_ADMIN_TOKEN"

// runServe serves the HTTP API until ctx ends or SIGTERM arrives, then
// shuts down gracefully; SIGHUP reloads the --list files.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", serveUsage)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; the default is loopback only")
	fs.listFlag()
	fs.ruleFlags()
	maxBody := fs.Int64("max-body", server.DefaultMaxBodyBytes, "largest request body, in bytes")
	maxBatch := fs.Int("max-batch", server.DefaultMaxBatch, "most items in one batch request")
	timeout := fs.Duration("timeout", server.DefaultRequestTimeout, "longest time spent on one request")
	if err := fs.parseNone(args, ""); err != nil {
		return err
	}
	switch {
	case *maxBody <= 0:
		return usagef("serve: --max-body %d: want a positive number of bytes", *maxBody)
	case *maxBatch <= 0:
		return usagef("serve: --max-batch %d: want a positive number", *maxBatch)
	case *timeout <= 0:
		return usagef("serve: --timeout %s: want a positive duration", *timeout)
	}
	logHandler := slog.NewJSONHandler(e.stderr, nil)
	log := slog.New(logHandler)

	// The lists are reread on SIGHUP and POST /admin/reload.
	sys, err := fs.open(ctx, e, luxscreen.Config{}, true)
	if err != nil {
		return err
	}
	defer sys.Close()
	cfg := server.Config{System: sys, Logger: log, MaxBodyBytes: *maxBody, MaxBatch: *maxBatch, RequestTimeout: *timeout,
		AdminToken: os.Getenv(adminTokenEnv)}
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
	log.Info("listening", "addr", ln.Addr().String(), "lists", len(sys.Versions().Sanctions), "admin_token", cfg.AdminToken != "")

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
