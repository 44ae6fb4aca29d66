package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBinaryDoesNotLinkTesting keeps the test framework out of the
// production binary: a package that imports "testing" (such as
// internal/testenv) may be imported by _test.go files only.
func TestBinaryDoesNotLinkTesting(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	gotool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	out, err := exec.Command(gotool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "testing" {
			t.Fatal(`the binary links package "testing"; find the path with: go list -f '{{.ImportPath}} {{.Imports}}' -deps ./cmd/luxscreen`)
		}
	}
}
