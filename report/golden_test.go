package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/*.golden with the output of the renderers")

// golden compares got with testdata/name.golden, or rewrites the file
// when the test runs with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to write it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("output differs from %s at byte %d; if the change is intended, run go test ./report -update and review the diff\n%s",
			path, firstDiff(want, got), excerpt(got, firstDiff(want, got)))
	}
}

// firstDiff returns the offset of the first byte where a and b differ.
func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// excerpt shows the output around offset i.
func excerpt(b []byte, i int) string {
	from, to := max(i-80, 0), min(i+80, len(b))
	return "…" + string(b[from:to]) + "…"
}
