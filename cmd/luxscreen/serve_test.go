package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/KimMachineGun/automemlimit/memlimit"

	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/server"
)

// startServe runs "luxscreen serve" in-process on a loopback port and
// returns its base URL, its log, and a function that stops it and
// returns its exit code.
func startServe(t *testing.T, args ...string) (base string, logs *testenv.SyncBuffer, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs = &testenv.SyncBuffer{}
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: logs,
		now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }}
	done := make(chan int, 1)
	go func() { done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), e) }()
	addrRE := regexp.MustCompile(`"msg":"listening","addr":"([^"]+)"`)
	deadline := time.Now().Add(60 * time.Second)
	for {
		if m := addrRE.FindStringSubmatch(logs.String()); m != nil {
			base = "http://" + m[1]
			break
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d before listening:\n%s", code, logs.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not listen within a minute:\n%s", logs.String())
		}
	}
	var once sync.Once
	code := -1
	stop = func() int {
		once.Do(func() {
			cancel()
			code = <-done
		})
		return code
	}
	t.Cleanup(func() { stop() })
	return base, logs, stop
}

func getJSON[T any](t *testing.T, url string) (int, T) {
	t.Helper()
	var v T
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp.StatusCode, v
}

// TestServe starts the command, checks it serves with the demo list,
// reloads on SIGHUP, and shuts down cleanly when its context ends.
func TestServe(t *testing.T) {
	base, logs, stop := startServe(t, "--demo")
	st, rd := getJSON[server.Readiness](t, base+"/readyz")
	if st != 503 || rd.Ready || len(rd.Lists) != 1 || rd.Lists[0].Source != "demo" || len(rd.Warnings) == 0 {
		t.Fatalf("readyz %d %+v", st, rd)
	}
	resp, err := http.Post(base+"/v1/check", "application/json", strings.NewReader(`{"id": "s1", "date": "2019-12-01", "destination": "KP", "parties": [{"role": "consignee", "name": "Korea Ryongbong General Corp."}], "lines": [{"description": "rice", "hs": "1006.30"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var d rules.Decision
	err = json.NewDecoder(resp.Body).Decode(&d)
	resp.Body.Close()
	if err != nil || d.Verdict != rules.VerdictBlock || len(d.Versions.Sanctions) != 1 {
		t.Errorf("check: %v %+v, want block by the designated consignee", err, d)
	}

	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, rd = getJSON[server.Readiness](t, base+"/readyz")
		if rd.LastReload != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no reload after SIGHUP:\n%s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !rd.LastReload.OK || len(rd.LastReload.Lists) != 1 {
		t.Errorf("reload after SIGHUP: %+v", rd.LastReload)
	}
	if code := stop(); code != exitOK {
		t.Errorf("serve exited %d after cancel:\n%s", code, logs.String())
	}
	wantContains(t, "log", logs.String(), `"msg":"request"`, `"msg":"SIGHUP: reloading sanctions lists"`, `"msg":"stopped"`)
}

func TestServeUsage(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty-token")
	if err := os.WriteFile(empty, []byte(" \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args    []string
		want    int
		wantErr string
	}{
		{[]string{"serve", "--demo", "extra"}, exitUsage, ""},
		{[]string{"serve", "--demo", "--max-batch", "0"}, exitUsage, ""},
		{[]string{"serve", "--demo", "--max-body", "-1"}, exitUsage, ""},
		{[]string{"serve", "--demo", "--max-screenings", "0"}, exitUsage, "--max-screenings 0"},
		{[]string{"serve", "--demo", "--timeout", "0s"}, exitUsage, ""},
		{[]string{"serve", "--bogus"}, exitUsage, ""},
		{[]string{"serve", "--list", "/nonexistent/un.xml"}, exitError, ""},
		{[]string{"serve", "--demo", "--addr", "not-an-address"}, exitError, "not-an-address"},
		{[]string{"serve"}, exitUsage, "no --list: give the official lists"},
		{[]string{"serve", "--demo", "--list", "/nonexistent/un.xml"}, exitUsage, "cannot be combined with --list"},
		{[]string{"serve", "--demo", "--addr", "0.0.0.0:0"}, exitUsage, "listens beyond loopback"},
		{[]string{"serve", "--demo", "--addr", ":0"}, exitUsage, "listens beyond loopback"},
		{[]string{"serve", "--demo", "--admin-token-file", filepath.Join(dir, "missing")}, exitError, "--admin-token-file"},
		{[]string{"serve", "--demo", "--admin-token-file", empty}, exitError, "holds no token"},
		{[]string{"serve", "--demo", "--admin-token-file", empty, "--insecure-admin"}, exitUsage, "cannot be combined with --admin-token-file"},
		{[]string{"serve", "--demo", "--memory-limit", "2GB"}, exitUsage, `--memory-limit "2GB"`},
	}
	for _, tt := range tests {
		wantExit(t, "", tt.want, tt.wantErr, tt.args...)
	}
}

// TestServeOldTokenVariable checks the variable that once held the admin
// token stops the server instead of being ignored.
func TestServeOldTokenVariable(t *testing.T) {
	t.Setenv(oldAdminTokenEnv, "s3cret")
	wantExit(t, "", exitError, "--admin-token-file", "serve", "--demo")
}

// TestServeAdminToken serves with a token file and checks the reload
// endpoint wants the token.
func TestServeAdminToken(t *testing.T) {
	file := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(file, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	base, _, _ := startServe(t, "--demo", "--admin-token-file", file)
	for _, tt := range []struct {
		auth string
		want int
	}{{"", 401}, {"Bearer wrong", 401}, {"s3cret", 401}, {"Bearer s3cret", 200}} {
		req, err := http.NewRequest(http.MethodPost, base+"/admin/reload", nil)
		if err != nil {
			t.Fatal(err)
		}
		if tt.auth != "" {
			req.Header.Set("Authorization", tt.auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("POST /admin/reload with Authorization %q: %d, want %d", tt.auth, resp.StatusCode, tt.want)
		}
	}
}

func TestMemoryLimit(t *testing.T) {
	unknown := func() (uint64, error) { return 0, errors.New("no cgroup, no memory information") }
	tests := []struct {
		flag, env string
		available memlimit.Provider
		want      int64
		wantErr   bool
	}{
		{"", "", unknown, defaultMemoryLimit, false},
		{"", "", memlimit.Limit(64 << 30), defaultMemoryLimit, false},
		{"", "", memlimit.Limit(1 << 30), 966367641, false}, // 90% of 1 GiB
		{"", "", memlimit.Limit(0), defaultMemoryLimit, false},
		{"", "3GiB", memlimit.Limit(1 << 30), -1, false},
		{"1536MiB", "3GiB", memlimit.Limit(1 << 30), 1536 << 20, false},
		{"2GiB", "", unknown, 2 << 30, false},
		{"512KiB", "", unknown, 512 << 10, false},
		{"1TiB", "", unknown, 1 << 40, false},
		{"1000000B", "", unknown, 1000000, false},
		{"1000000", "", unknown, 1000000, false},
		{"off", "", memlimit.Limit(1 << 30), math.MaxInt64, false},
		{"2GB", "", unknown, 0, true},
		{"0", "", unknown, 0, true},
		{"-1MiB", "", unknown, 0, true},
		{"9000000TiB", "", unknown, 0, true},
		{"GiB", "", unknown, 0, true},
	}
	for _, tt := range tests {
		got, err := memoryLimit(tt.flag, tt.env, tt.available)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("memoryLimit(%q, %q) = %d, %v; want %d, error %v", tt.flag, tt.env, got, err, tt.want, tt.wantErr)
		}
	}
}

// TestServeInsecureAdmin checks --insecure-admin lets serve listen on
// every interface without a token, and says so in the log.
func TestServeInsecureAdmin(t *testing.T) {
	_, logs, _ := startServe(t, "--demo", "--insecure-admin", "--addr", ":0")
	wantContains(t, "log", logs.String(), `"level":"WARN","msg":"POST /admin/reload is open to every client (--insecure-admin)`)
}

// TestServeMemoryLimit checks serve sets the runtime's memory limit while
// it runs and gives the one before back when it stops.
func TestServeMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	_, logs, stop := startServe(t, "--demo", "--memory-limit", "1536MiB")
	if got := debug.SetMemoryLimit(-1); got != 1536<<20 {
		t.Errorf("memory limit while serving = %d, want %d", got, 1536<<20)
	}
	wantContains(t, "log", logs.String(), `"memory_limit":1610612736`)
	stop()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("memory limit after serving = %d, want the one before, %d", got, before)
	}
}

func FuzzParseByteSize(f *testing.F) {
	for _, s := range []string{"2GiB", "1536MiB", "512KiB", "1TiB", "100B", "100", "off", "", "GiB", "-1B", "9223372036854775807", "8589934592GiB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseByteSize(s)
		if err == nil && n <= 0 {
			t.Errorf("parseByteSize(%q) = %d without error", s, n)
		}
	})
}
