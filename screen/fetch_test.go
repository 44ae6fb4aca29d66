package screen

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
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

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// fetchServer serves the test lists: good ones, and the faults a
// download meets.
func fetchServer(t *testing.T) (*httptest.Server, map[string][]byte) {
	un := testenv.ReadFile(t, "testdata/un_small.xml")
	// The UN list without its individual: half the entities.
	i, j := bytes.Index(un, []byte("<INDIVIDUAL>")), bytes.Index(un, []byte("</INDIVIDUAL>"))+len("</INDIVIDUAL>")
	files := map[string][]byte{
		"/un.xml":        un,
		"/un-half.xml":   append(append([]byte{}, un[:i]...), un[j:]...),
		"/un-empty.xml":  []byte(`<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-03-01T00:00:00Z"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>`),
		"/html":          []byte("<!DOCTYPE html><html><body>Maintenance</body></html>"),
		"/sdn.csv":       testenv.ReadFile(t, "testdata/ofac_small/sdn.csv"),
		"/alt.csv":       testenv.ReadFile(t, "testdata/ofac_small/alt.csv"),
		"/add.csv":       testenv.ReadFile(t, "testdata/ofac_small/add.csv"),
		"/sdn-empty.csv": {0x1a},
		"/ofac.xml":      testenv.ReadFile(t, "testdata/ofac_sdn_small.xml"),
	}
	mux := http.NewServeMux()
	for p, b := range files {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { w.Write(b) })
	}
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, files
}

func TestFetch(t *testing.T) {
	srv, files := fetchServer(t)
	dir := t.TempDir()
	now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	opt := FetchOptions{Timeout: 5 * time.Second, Now: func() time.Time { return now }}
	src := func(name, path, file, format string) Source {
		return Source{Name: name, URL: srv.URL + path, File: file, Format: format}
	}
	unSrc := src("un", "/un.xml", "un/consolidated.xml", FormatUNXML)
	ofacSrcs := []Source{
		src("ofac-sdn", "/sdn.csv", "ofac/sdn.csv", FormatOFACCSV),
		src("ofac-alt", "/alt.csv", "ofac/alt.csv", FormatOFACCSV),
		src("ofac-add", "/add.csv", "ofac/add.csv", FormatOFACCSV),
	}
	got, err := Fetch(context.Background(), srv.Client(), append([]Source{unSrc}, ofacSrcs...), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	ofac := func(s Source, path string) Fetched {
		return Fetched{Source: s.Name, URL: s.URL, File: s.File, SHA256: sha(files[path]), Bytes: int64(len(files[path])), FetchedAt: now, Format: FormatOFACCSV, Entities: 3}
	}
	good := []Fetched{
		ofac(ofacSrcs[2], "/add.csv"), ofac(ofacSrcs[1], "/alt.csv"), ofac(ofacSrcs[0], "/sdn.csv"),
		{Source: "un", URL: unSrc.URL, File: unSrc.File, SHA256: sha(files["/un.xml"]), Bytes: int64(len(files["/un.xml"])), FetchedAt: now,
			Format: FormatUNXML, Published: "2026-01-02T00:00:00Z", Entities: 2},
	}
	if diff := cmp.Diff(good, got); diff != "" {
		t.Errorf("Fetch (-want +got):\n%s", diff)
	}
	checkManifest(t, dir, good)
	for _, f := range []string{"un/consolidated.xml", "ofac/sdn.csv", ManifestFile} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v (%v), want 0644", f, st.Mode(), err)
		}
	}
	if l := mustLoad(t, filepath.Join(dir, "un/consolidated.xml")); l.Version.SHA256 != good[3].SHA256 {
		t.Errorf("loaded list hash %s, fetched %s", l.Version.SHA256, good[3].SHA256)
	}

	// Each faulty download is refused, leaves the file fetched before in
	// place, and is recorded in the manifest with the old file.
	later := now.Add(time.Hour)
	opt.Now = func() time.Time { return later }
	tests := []struct {
		name    string
		sources []Source
		opt     FetchOptions
		want    error  // nil: see wantMsg
		wantMsg string // in the error
	}{
		{"not found", []Source{src("un", "/missing", unSrc.File, FormatUNXML)}, opt, nil, "404"},
		{"timeout", []Source{src("un", "/slow", unSrc.File, FormatUNXML)}, FetchOptions{Timeout: 200 * time.Millisecond, Now: opt.Now}, nil, "deadline exceeded"},
		{"HTML page", []Source{src("un", "/html", unSrc.File, FormatUNXML)}, opt, ErrFormat, ""},
		{"another format", []Source{src("un", "/ofac.xml", unSrc.File, FormatUNXML)}, opt, ErrFormat, ""},
		{"empty list", []Source{src("un", "/un-empty.xml", unSrc.File, FormatUNXML)}, opt, ErrEmpty, ""},
		{"half the list", []Source{src("un", "/un-half.xml", unSrc.File, FormatUNXML)}, opt, ErrShrunk, ""},
		{"too large", []Source{unSrc}, FetchOptions{MaxBytes: 100, Now: opt.Now}, ErrTooLarge, ""},
		// alt.csv, kept, names entities the empty sdn.csv lacks.
		{"empty sdn.csv", []Source{src("ofac-sdn", "/sdn-empty.csv", "ofac/sdn.csv", FormatOFACCSV)}, opt, nil, "not in sdn.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Fetch(context.Background(), srv.Client(), tt.sources, dir, tt.opt)
			if err == nil || !strings.Contains(err.Error(), "fetch "+tt.sources[0].Name) ||
				(tt.want != nil && !errors.Is(err, tt.want)) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("error = %v, want one naming the source and %v %q", err, tt.want, tt.wantMsg)
			}
			m, err := ReadManifest(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range m {
				if f.Source != tt.sources[0].Name {
					continue
				}
				if f.Error == "" || !f.FailedAt.Equal(later) || f.FetchedAt != now {
					t.Errorf("manifest entry %+v, want the failure and the file fetched before", f)
				}
			}
			if l := mustLoad(t, filepath.Join(dir, tt.sources[0].File)); l.Version.Entities == 0 {
				t.Error("the file fetched before is gone")
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, "*", ".fetch-*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
		})
	}

	// The operator's override accepts the shrink, and a good fetch
	// clears the failure from the manifest.
	if _, err := Fetch(context.Background(), srv.Client(), []Source{src("un", "/un-half.xml", unSrc.File, FormatUNXML)}, dir, FetchOptions{AllowShrink: true, Now: opt.Now}); err != nil {
		t.Fatalf("shrink with AllowShrink: %v", err)
	}
	m, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range m {
		if f.Source == "un" && (f.Error != "" || f.Entities != 1) {
			t.Errorf("manifest entry after a good fetch: %+v", f)
		}
	}
}

func checkManifest(t *testing.T, dir string, want []Fetched) {
	t.Helper()
	m, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, m, cmpopts.EquateApproxTime(time.Second)); diff != "" {
		t.Errorf("manifest (-want +got):\n%s", diff)
	}
}

// TestFetchRedirect checks a redirect from https to plain http is
// refused, and one that stays on https followed.
func TestFetchRedirect(t *testing.T) {
	plain, _ := fetchServer(t)
	un := testenv.ReadFile(t, "testdata/un_small.xml")
	mux := http.NewServeMux()
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/un.xml", http.StatusFound)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/un.xml", http.StatusFound) })
	mux.HandleFunc("/un.xml", func(w http.ResponseWriter, r *http.Request) { w.Write(un) })
	tls := httptest.NewTLSServer(mux)
	defer tls.Close()
	dir := t.TempDir()
	_, err := Fetch(context.Background(), tls.Client(), []Source{{Name: "un", URL: tls.URL + "/down", File: "un/un.xml"}}, dir, FetchOptions{})
	if !errors.Is(err, ErrInsecureRedirect) {
		t.Errorf("https → http: err = %v, want ErrInsecureRedirect", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "un/un.xml")); !os.IsNotExist(err) {
		t.Errorf("the refused download was written (%v)", err)
	}
	if _, err := Fetch(context.Background(), tls.Client(), []Source{{Name: "un", URL: tls.URL + "/moved", File: "un/un.xml"}}, dir, FetchOptions{}); err != nil {
		t.Errorf("https → https: %v", err)
	}
}

func TestOfficialSources(t *testing.T) {
	seen := make(map[string]bool)
	for _, s := range OfficialSources() {
		if !strings.HasPrefix(s.URL, "https://") || s.File == "" || s.Format == "" || seen[s.Name] {
			t.Errorf("bad source %+v", s)
		}
		seen[s.Name] = true
	}
}

func TestListFiles(t *testing.T) {
	srv, _ := fetchServer(t)
	dir := t.TempDir()
	sources := []Source{
		{Name: "un", URL: srv.URL + "/un.xml", File: "un/consolidated.xml"},
		{Name: "ofac-sdn", URL: srv.URL + "/sdn.csv", File: "ofac/sdn.csv"},
		{Name: "ofac-alt", URL: srv.URL + "/alt.csv", File: "ofac/alt.csv"},
		{Name: "ofac-xml", URL: srv.URL + "/ofac.xml", File: "ofac-xml/sdn.xml"},
	}
	if _, err := Fetch(context.Background(), srv.Client(), sources, dir, FetchOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := ListFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The OFAC XML holds the entities of the CSV set again.
	want := []string{filepath.Join(dir, "ofac"), filepath.Join(dir, "un/consolidated.xml")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ListFiles (-want +got):\n%s", diff)
	}
	for _, p := range []string{"testdata/ofac_small", "testdata/un_small.xml", "testdata/missing.xml"} {
		if got, err := ListFiles(p); err != nil || !cmp.Equal(got, []string{p}) {
			t.Errorf("ListFiles(%s) = %v, %v; want the path itself", p, got, err)
		}
	}
	// A source that failed on its first fetch has no file to load.
	if _, err := Fetch(context.Background(), srv.Client(), []Source{{Name: "uk", URL: srv.URL + "/missing", File: "uk/uk.csv"}}, dir, FetchOptions{}); err == nil {
		t.Fatal("fetch of a missing file: no error")
	}
	if _, err := ListFiles(dir); err == nil || !strings.Contains(err.Error(), "source uk was never fetched") {
		t.Errorf("ListFiles with a source never fetched: %v", err)
	}
}
