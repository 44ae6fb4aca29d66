package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
)

// TestListsFetch fetches the UN list and the OFAC CSV set from a local
// mirror, screens against the fetched directory given as one --list, and
// checks that a failed fetch exits 1, keeps the file fetched before, and
// is recorded in the manifest.
func TestListsFetch(t *testing.T) {
	files := map[string][]byte{
		"/un.xml":  testenv.ReadFile(t, "../../screen/testdata/un_small.xml"),
		"/sdn.csv": testenv.ReadFile(t, "../../screen/testdata/ofac_small/sdn.csv"),
		"/alt.csv": testenv.ReadFile(t, "../../screen/testdata/ofac_small/alt.csv"),
		"/add.csv": testenv.ReadFile(t, "../../screen/testdata/ofac_small/add.csv"),
		"/error":   []byte("<html><body>Service unavailable</body></html>"),
	}
	mux := http.NewServeMux()
	for p, b := range files {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { w.Write(b) })
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := filepath.Join(t.TempDir(), "lists")
	fetch := func(un string) (int, string, string) {
		return runCLI(t, "", "lists", "fetch", "--dir", dir, "--only", "un,ofac-sdn,ofac-alt,ofac-add",
			"--url", "un="+srv.URL+un, "--url", "ofac-sdn="+srv.URL+"/sdn.csv", "--url", "ofac-alt="+srv.URL+"/alt.csv", "--url", "ofac-add="+srv.URL+"/add.csv")
	}
	code, out, errOut := fetch("/un.xml")
	if code != exitOK {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	wantContains(t, "fetch output", strings.Join(strings.Fields(out), " "), "un/consolidated.xml ok 2 2026-01-02", "manifest: "+filepath.Join(dir, "manifest.json"))
	if st, err := os.Stat(filepath.Join(dir, "ofac", "sdn.csv")); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("ofac/sdn.csv mode %v (%v), want 0644", st.Mode(), err)
	}

	out, errOut = runOK(t, "", "screen", "Example Sea Shipping Co Ltd", "--list", dir, "--format", "json")
	wantContains(t, "screen output", out, `"verdict": "match"`, `"id": "un"`, `"id": "ofac-sdn"`)
	wantContains(t, "banner", errOut, "luxscreen: sanctions list un (un-xml", "luxscreen: sanctions list ofac-sdn (ofac-csv")
	if strings.Contains(out, dir) {
		t.Errorf("the answer names the server path %s:\n%s", dir, out)
	}

	code, out, errOut = fetch("/error")
	if code != exitError || !strings.Contains(errOut, "fetch un") {
		t.Errorf("fetch of an HTML page: exit %d, stderr %q; want 1 naming the source", code, errOut)
	}
	wantContains(t, "fetch output", strings.Join(strings.Fields(out), " "), "un/consolidated.xml FAILED (previous file kept) 2 2026-01-02")
	manifest := string(testenv.ReadFile(t, filepath.Join(dir, "manifest.json")))
	wantContains(t, "manifest", manifest, `"error": "unrecognised list format"`, `"failed_at"`)
	// The directory still loads, with the list fetched before, and says
	// the latest fetch failed.
	_, errOut = runOK(t, "", "screen", "Example Sea Shipping Co Ltd", "--list", dir)
	wantContains(t, "warnings", errOut, "luxscreen: the latest fetch of un failed (2026-11-23T12:00:00Z, unrecognised list format); its file of 2026-11-23T12:00:00Z is in use")

	// A list changed by hand is not what the manifest describes.
	if err := os.WriteFile(filepath.Join(dir, "un", "consolidated.xml"), files["/un.xml"][:100], 0o644); err != nil {
		t.Fatal(err)
	}
	wantExit(t, "", exitError, "changed since it was fetched", "screen", "x", "--list", dir)
}
