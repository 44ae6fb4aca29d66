// Package testenv finds the shared test data for tests and benchmarks,
// and reads test fixtures.
//
// Tests that need the real files of the shared folder (HS nomenclatures,
// sanctions lists, labelled evaluation sets) read its path from the
// LUXSCREEN_SHARED environment variable and skip when it is unset, so that
// "go test ./..." passes on a machine that has only the repository.
//
// The package imports "testing": only _test.go files may import it.
// Programs use internal/shared instead.
package testenv

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/luxscreen/luxscreen/internal/shared"
)

// EnvVar names the environment variable that points at the shared folder.
const EnvVar = shared.EnvVar

// Shared returns the absolute path of the shared folder, or skips the test
// when LUXSCREEN_SHARED is unset.
func Shared(tb testing.TB) string {
	tb.Helper()
	dir, ok := shared.Lookup()
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

// Dir returns the absolute shared folder, or "" when LUXSCREEN_SHARED is
// unset, without skipping.
func Dir() string {
	return shared.Dir()
}

// ReadFile returns the contents of a test fixture, stopping the test when
// it cannot be read.
func ReadFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
