package luxscreen

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
)

// TestCheckDataPresumptions checks that a data directory may replace the
// catalogue's price floors, and that a problem in them names the file on
// disk, its line and field.
func TestCheckDataPresumptions(t *testing.T) {
	name := "lists/" + lists.PresumptionsFile
	good := testenv.ReadFile(t, filepath.Join("lists", filepath.FromSlash(lists.PresumptionsFile)))
	dir := dataDir(t, fstest.MapFS{name: {Data: good}})
	rep, err := CheckData(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(DataReport{Replaced: []string{name}}, rep); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	bad := strings.Replace(string(good), "currency: EUR, per: item}", "currency: EUR, per: crate}", 1)
	dir = dataDir(t, fstest.MapFS{name: {Data: []byte(bad)}})
	_, err = CheckData(context.Background(), dir)
	want := filepath.Join(dir, filepath.FromSlash(name)) + ":"
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), `.floor.per: invalid value: per "crate"`) {
		t.Errorf("error = %v, want one naming %s and the floor's unit", err, want)
	}
}
