package luxscreen

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
)

// dataDir returns a new directory holding files.
func dataDir(t *testing.T, files fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, files); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestOpenDataDir checks that Config.DataDir reaches the catalogue (a new
// list file extends it) and that a faulty or missing directory fails Open
// with the place of the problem.
func TestOpenDataDir(t *testing.T) {
	valid := testenv.ReadFile(t, filepath.Join("lists", "testdata", "valid.yaml"))
	ctx := context.Background()
	dir := dataDir(t, fstest.MapFS{"lists/data/test.yaml": {Data: valid}})
	sys, err := Open(ctx, Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range sys.Lookup(hs.MustParse("9101.21"), lists.Options{Jurisdictions: []string{"EU"}}) {
		got = append(got, m.List.ID)
	}
	if !slices.Contains(got, "test-luxury") {
		t.Errorf("lookup with the data directory: lists %v, want test-luxury among them", got)
	}

	bad := dataDir(t, fstest.MapFS{"rules/data/local.yaml": {Data: []byte("rules:\n  - id: x\n    severity: fatal\n")}})
	_, err = Open(ctx, Config{DataDir: bad})
	var de *datafile.Error
	if !errors.As(err, &de) || de.File != filepath.Join(bad, "rules", "data", "local.yaml") || de.Line == 0 {
		t.Errorf("Open with a faulty rules file: error %v, want a placed error in rules/data/local.yaml", err)
	}
	if _, err := Open(ctx, Config{DataDir: filepath.Join(dir, "nope")}); err == nil {
		t.Error("Open with a missing data directory: want an error")
	}
}

func TestCheckDataReport(t *testing.T) {
	valid := testenv.ReadFile(t, filepath.Join("lists", "testdata", "valid.yaml"))
	un := testenv.ReadFile(t, filepath.Join("lists", "data", "un-2321-luxury.yaml"))
	dir := dataDir(t, fstest.MapFS{
		"lists/data/test.yaml":           {Data: valid},
		"lists/data/un-2321-luxury.yaml": {Data: un},
		"lists/data/notes.txt":           {Data: []byte("stray")},
	})
	rep, err := CheckData(context.Background(), dir)
	want := DataReport{Replaced: []string{"lists/data/un-2321-luxury.yaml"}, Added: []string{"lists/data/test.yaml"}}
	if diff := cmp.Diff(want, rep); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	ps := datafile.Problems(err)
	if len(ps) != 1 || !errors.Is(ps[0], datafile.ErrUnknownFile) || ps[0].File != filepath.Join(dir, "lists", "data", "notes.txt") {
		t.Errorf("problems = %v, want the stray notes.txt alone", err)
	}
}
