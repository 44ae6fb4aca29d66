package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
)

// TestRun runs the example on the bundled shipments: the clean rice
// shipment is released, the documented cases are held, and every decision
// leaves an audit record.
func TestRun(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "shipments", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no shipments: %v", err)
	}
	auditFile := filepath.Join(t.TempDir(), "audit.jsonl")
	var out bytes.Buffer
	held, err := run(context.Background(), &out, "", auditFile, files)
	if err != nil {
		t.Fatal(err)
	}
	if held != len(files)-1 {
		t.Errorf("held %d of %d shipments, want all but the rice:\n%s", held, len(files), out.String())
	}
	if !strings.Contains(out.String(), "release  rice-humanitarian") {
		t.Errorf("rice not released:\n%s", out.String())
	}
	b := testenv.ReadFile(t, auditFile)
	if n := strings.Count(string(b), "\n"); n != len(files) {
		t.Errorf("%d audit records, want %d", n, len(files))
	}
}
