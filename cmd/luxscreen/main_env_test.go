package main

import (
	"fmt"
	"os"
	"testing"
)

// TestMain gives the tests a state directory of their own, so that "serve"
// run without --db keeps its store there and not in the user's.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "luxscreen-state-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_STATE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
