package datafile

import (
	"io/fs"
	"testing"
)

func fsGlob(fsys fs.FS, pattern string) ([]string, error) { return fs.Glob(fsys, pattern) }

func read(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
