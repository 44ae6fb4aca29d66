package main

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadmeListsTable keeps the README's table of lists in step with the
// embedded catalogue: regenerate it with "luxscreen lists sources --format md".
func TestReadmeListsTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- lists:begin -->\n", "<!-- lists:end -->"
	s := string(readme)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q … %q markers", begin, end)
	}
	out, _ := runOK(t, "", "lists", "sources", "--format", "md")
	if diff := cmp.Diff(out, s[i+len(begin):j]); diff != "" {
		t.Errorf("README lists table is stale; run 'go run ./cmd/luxscreen lists sources --format md' and paste it (-want +got):\n%s", diff)
	}
}
