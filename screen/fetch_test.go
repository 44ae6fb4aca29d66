package screen

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/luxscreen/luxscreen/internal/testenv"
)

func TestFetch(t *testing.T) {
	un := testenv.ReadFile(t, "testdata/un_small.xml")
	mux := http.NewServeMux()
	mux.HandleFunc("/un.xml", func(w http.ResponseWriter, r *http.Request) { w.Write(un) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()

	got, err := Fetch(context.Background(), srv.Client(), []Source{{Name: "un", URL: srv.URL + "/un.xml", File: "un/consolidated.xml"}}, dir, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(un)
	want := []Fetched{{Source: "un", URL: srv.URL + "/un.xml", File: "un/consolidated.xml", SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(un))}}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Fetched{}, "FetchedAt")); diff != "" {
		t.Errorf("Fetch mismatch (-want +got):\n%s", diff)
	}
	var manifest []Fetched
	data := testenv.ReadFile(t, filepath.Join(dir, ManifestFile))
	if err := json.Unmarshal(data, &manifest); err != nil || len(manifest) != 1 || manifest[0].SHA256 != want[0].SHA256 {
		t.Errorf("manifest = %s (%v)", data, err)
	}
	l := mustLoad(t, filepath.Join(dir, "un/consolidated.xml"))
	if l.Version.SHA256 != want[0].SHA256 {
		t.Errorf("loaded list hash %s, fetched %s", l.Version.SHA256, want[0].SHA256)
	}

	tests := []struct {
		name, path string
		want       string
	}{
		{"not found", "/missing", "404"},
		{"timeout", "/slow", "deadline exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Fetch(context.Background(), srv.Client(), []Source{{Name: "x", URL: srv.URL + tt.path, File: "x/file"}}, dir, 200*time.Millisecond)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "fetch x") {
				t.Fatalf("error = %v, want one naming the source and %q", err, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "x/file")); !os.IsNotExist(err) {
				t.Errorf("a failed fetch left x/file behind (%v)", err)
			}
		})
	}
}

func TestOfficialSources(t *testing.T) {
	seen := make(map[string]bool)
	for _, s := range OfficialSources() {
		if !strings.HasPrefix(s.URL, "https://") || s.File == "" || seen[s.Name] {
			t.Errorf("bad source %+v", s)
		}
		seen[s.Name] = true
	}
}
