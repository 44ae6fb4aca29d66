package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/KimMachineGun/automemlimit/memlimit"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/server"
)

// serveUsage is the synopsis of "luxscreen serve".
const serveUsage = "[--addr 127.0.0.1:8080] (--list FILE… | --demo) [--admin-token-file FILE | --insecure-admin] [--memory-limit SIZE] [--rules FILE]… [--rates FILE] [--prices FILE] [--max-body BYTES] [--max-batch N] [--max-screenings N] [--timeout D] [--db FILE|postgres://…|off] [--retention D] [--reviewers-file FILE]"

// defaultMemoryLimit is the Go runtime's soft memory limit when neither
// --memory-limit nor GOMEMLIMIT sets one: several times what the official
// lists and a full load of requests take, so that the garbage collector
// works harder well before the process runs out, without slowing an
// ordinary server. A container or machine with less memory lowers it to
// memoryShare of what it has.
const defaultMemoryLimit = 2 << 30

// memoryShare is the share of the container's memory limit, or of the
// machine's memory, that the default soft limit stays under: the rest is
// for memory the Go runtime does not count (stacks of cgo, the binary).
const memoryShare = 0.9

// oldAdminTokenEnv is the environment variable that once held the admin
// token. It is refused rather than ignored: a server started with it
// would otherwise run without the protection its operator asked for.
const oldAdminTokenEnv = "LUXSCREEN_ADMIN_TOKEN"

// runServe serves the HTTP API until ctx ends or SIGTERM arrives, then
// shuts down gracefully; SIGHUP reloads the --list files.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", serveUsage)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; the default is loopback only")
	fs.listFlag()
	fs.ruleFlags()
	demo := fs.Bool("demo", false, "serve the embedded demo list instead of --list files; /readyz answers not ready")
	tokenFile := fs.String("admin-token-file", "", "file holding the bearer token POST /admin/reload requires (Authorization: Bearer TOKEN); needed to listen on an address other than loopback")
	insecureAdmin := fs.Bool("insecure-admin", false, "without --admin-token-file, let every client, not only loopback ones, reload the lists")
	memLimit := fs.String("memory-limit", "", "the Go runtime's soft memory limit, as GOMEMLIMIT writes it (1536MiB, 2GiB) or \"off\"; default: GOMEMLIMIT when set, else 2GiB or 90% of the container's or machine's memory, whichever is less")
	maxBody := fs.Int64("max-body", server.DefaultMaxBodyBytes, "largest request body, in bytes")
	maxBatch := fs.Int("max-batch", server.DefaultMaxBatch, "most items in one batch request")
	maxScreenings := fs.Int("max-screenings", server.DefaultMaxScreenings, "most names one request may screen, over all its items")
	timeout := fs.Duration("timeout", server.DefaultRequestTimeout, "longest time spent on one request")
	fs.dbFlag(defaultDB(), "the store every check and screening is kept in, with the review queue (a SQLite file, created on first use, or postgres://… for several instances); \"off\" keeps nothing")
	reviewersFile := fs.String("reviewers-file", "", "file of reviewer tokens, one \"TOKEN NAME\" per line: releasing or confirming a case then needs one (Authorization: Bearer TOKEN) and records its name")
	if err := fs.parseNone(args, ""); err != nil {
		return err
	}
	switch {
	case *maxBody <= 0:
		return usagef("serve: --max-body %d: want a positive number of bytes", *maxBody)
	case *maxBatch <= 0:
		return usagef("serve: --max-batch %d: want a positive number", *maxBatch)
	case *maxScreenings <= 0:
		return usagef("serve: --max-screenings %d: want a positive number", *maxScreenings)
	case *timeout <= 0:
		return usagef("serve: --timeout %s: want a positive duration", *timeout)
	case len(fs.lists) == 0 && !*demo:
		return usagef("serve: no --list: give the official lists (see 'luxscreen lists fetch'), or --demo to serve the embedded demo list, which is for trying the service only")
	case len(fs.lists) > 0 && *demo:
		return usagef("serve: --demo serves the embedded demo list; it cannot be combined with --list")
	case *tokenFile != "" && *insecureAdmin:
		return usagef("serve: --insecure-admin opens POST /admin/reload to every client; it cannot be combined with --admin-token-file")
	case os.Getenv(oldAdminTokenEnv) != "":
		return fmt.Errorf("serve: %s is no longer read: write the token to a file and pass --admin-token-file FILE", oldAdminTokenEnv)
	}
	limit, err := memoryLimit(*memLimit, os.Getenv("GOMEMLIMIT"), memlimit.ApplyFallback(memlimit.FromCgroup, memlimit.FromSystem))
	if err != nil {
		return usagef("serve: %v", err)
	}
	token, err := readAdminToken(*tokenFile)
	if err != nil {
		return err
	}
	if token == "" && !*insecureAdmin {
		// Checked before the lists are loaded, which takes a while.
		loopback, err := loopbackOnly(ctx, *addr)
		if err != nil {
			return err
		}
		if !loopback {
			return usagef("serve: --addr %s listens beyond loopback, where anyone could reload the lists: give --admin-token-file FILE, or --insecure-admin to allow it", *addr)
		}
	}
	if limit >= 0 {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	}
	logHandler := slog.NewJSONHandler(e.stderr, nil)
	log := slog.New(logHandler)

	reviewers, err := readReviewers(*reviewersFile)
	if err != nil {
		return err
	}
	if fs.db == defaultDB() {
		if err := os.MkdirAll(filepath.Dir(fs.db), 0o750); err != nil {
			return fmt.Errorf("serve: store directory: %w", err)
		}
	}
	// The lists are reread on SIGHUP and POST /admin/reload.
	j, err := fs.openJudge(ctx, e, luxscreen.Config{}, true)
	if err != nil {
		return err
	}
	defer j.Close()
	sys := j.sys
	cfg := server.Config{System: sys, Desk: j.desk, Reviewers: reviewers, Logger: log, MaxBodyBytes: *maxBody, MaxBatch: *maxBatch, MaxScreenings: *maxScreenings, RequestTimeout: *timeout,
		AdminToken: token, InsecureAdmin: *insecureAdmin}
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
	if *insecureAdmin && !ln.Addr().(*net.TCPAddr).IP.IsLoopback() {
		log.Warn("POST /admin/reload is open to every client (--insecure-admin); give --admin-token-file to guard it", "addr", ln.Addr().String())
	}
	log.Info("listening", "addr", ln.Addr().String(), "lists", len(sys.Versions().Sanctions), "admin_token", cfg.AdminToken != "",
		"insecure_admin", cfg.InsecureAdmin, "memory_limit", debug.SetMemoryLimit(-1), "store", storeName(fs.db), "reviewer_tokens", len(reviewers))
	if j.st != nil {
		// Retention is enforced while serving: the purge runs in small
		// batches, beside the screenings.
		go purgeEvery(ctx, j.st, time.Hour, e.now, func(n int64, err error) {
			if err != nil {
				log.Error("retention purge failed", "err", err)
			} else if n > 0 {
				log.Info("retention purge", "records", n, "retention", j.st.Retention().String())
			}
		})
	}

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

// memoryLimit returns the soft memory limit to set, in bytes, from the
// --memory-limit flag and the GOMEMLIMIT variable: the flag when given,
// else -1 (leave the limit the runtime read from GOMEMLIMIT) when the
// variable is set, else defaultMemoryLimit, lowered to memoryShare of the
// memory available when available, which reports the container's limit
// or the machine's memory, says less. "off" means no limit.
func memoryLimit(flag, env string, available memlimit.Provider) (int64, error) {
	switch {
	case flag != "":
		n, err := parseByteSize(flag)
		if err != nil {
			return 0, fmt.Errorf("--memory-limit %q: %w", flag, err)
		}
		return n, nil
	case env != "":
		return -1, nil
	}
	limit := int64(defaultMemoryLimit)
	// Without a known amount of memory the default stands.
	if n, err := available(); err == nil && n > 0 && n < math.MaxInt64 {
		limit = min(limit, int64(memoryShare*float64(n)))
	}
	return limit, nil
}

// parseByteSize parses a size as GOMEMLIMIT writes it: a whole number of
// bytes with an optional unit B, KiB, MiB, GiB or TiB, or "off" for no
// limit.
func parseByteSize(s string) (int64, error) {
	if s == "off" {
		return math.MaxInt64, nil
	}
	units := []struct {
		suffix string
		shift  uint
	}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}
	num, shift := s, uint(0)
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			num, shift = n, u.shift
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64>>shift {
		return 0, errors.New("want a positive whole number of bytes, optionally with B, KiB, MiB, GiB or TiB (2GiB), or off")
	}
	return n << shift, nil
}

// readAdminToken returns the token held in path, without surrounding
// white space, or "" when path is "". An empty token file is an error: it
// would leave the endpoint open while the operator believes it guarded.
func readAdminToken(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("serve: --admin-token-file: %w", err)
	}
	token := strings.TrimSpace(string(b))
	if token == "" {
		return "", fmt.Errorf("serve: --admin-token-file %s: the file holds no token", path)
	}
	return token, nil
}

// loopbackOnly reports whether every address addr ("host:port") may
// listen on is a loopback address: an empty host means every interface,
// and a host name counts as loopback only when all its addresses are.
func loopbackOnly(ctx context.Context, addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("serve: --addr %q: %w", addr, err)
	}
	if host == "" {
		return false, nil
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback(), nil
	}
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return false, fmt.Errorf("serve: --addr %q: %w", addr, err)
	}
	for _, ip := range ips {
		if !ip.IP.IsLoopback() {
			return false, nil
		}
	}
	return len(ips) > 0, nil
}

// readReviewers reads a reviewers file: one "TOKEN NAME" per line, blank
// lines and lines starting with # skipped.
func readReviewers(path string) (map[string]string, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("serve: --reviewers-file: %w", err)
	}
	out := map[string]string{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		token, name, ok := strings.Cut(line, " ")
		name = strings.TrimSpace(name)
		switch {
		case !ok || name == "":
			return nil, fmt.Errorf("%s:%d: want \"TOKEN NAME\"", path, i+1)
		case len(token) < 16:
			return nil, fmt.Errorf("%s:%d: token of %d characters: want at least 16", path, i+1, len(token))
		}
		if _, dup := out[token]; dup {
			return nil, fmt.Errorf("%s:%d: token given twice", path, i+1)
		}
		out[token] = name
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("serve: --reviewers-file %s: no reviewer", path)
	}
	return out, nil
}

// storeName is the store for the log: a file path, or a PostgreSQL URL
// without its password.
func storeName(db string) string {
	if u, err := url.Parse(db); err == nil && u.Scheme != "" && u.User != nil {
		u.User = url.User(u.User.Username())
		return u.String()
	}
	return db
}
