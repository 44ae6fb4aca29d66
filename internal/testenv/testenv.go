// Package testenv finds the shared test data for tests and benchmarks.
//
// Tests that need the real files of the shared folder (HS nomenclatures,
// sanctions lists, labelled evaluation sets) read its path from the
// LUXSCREEN_SHARED environment variable and skip when it is unset, so that
// "go test ./..." passes on a machine that has only the repository.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// EnvVar names the environment variable that points at the shared folder.
const EnvVar = "LUXSCREEN_SHARED"

// Shared returns the absolute path of the shared folder, or skips the test
// when LUXSCREEN_SHARED is unset. A relative value is taken relative to the
// module root, because "go test" runs each package in its own directory
// while CI sets the variable to ../shared from the root.
func Shared(tb testing.TB) string {
	tb.Helper()
	dir, ok := Lookup()
	if !ok {
		tb.Skipf("%s is not set; skipping test that needs the shared data", EnvVar)
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Fatalf("%s=%s: %v", EnvVar, os.Getenv(EnvVar), err)
	}
	return dir
}

// Path returns the absolute path of a file below the shared folder, e.g.
// Path(t, "data", "hs", "comtrade", "classificationH6.json"), skipping the
// test when LUXSCREEN_SHARED is unset.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	return filepath.Join(append([]string{Shared(tb)}, elem...)...)
}

// Lookup returns the absolute shared folder and whether LUXSCREEN_SHARED is
// set. Programs other than tests (evaluation commands) use it for their
// default.
func Lookup() (string, bool) {
	v := os.Getenv(EnvVar)
	if v == "" {
		return "", false
	}
	if filepath.IsAbs(v) {
		return v, true
	}
	if root, ok := moduleRoot(); ok {
		return filepath.Join(root, v), true
	}
	abs, err := filepath.Abs(v)
	if err != nil {
		return v, true
	}
	return abs, true
}

// Dir returns the absolute shared folder, or "" when LUXSCREEN_SHARED is
// unset.
func Dir() string {
	d, _ := Lookup()
	return d
}

func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
