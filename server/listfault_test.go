package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/screen"
)

// listFault is one state a list file is put in while the server runs.
type listFault struct {
	name string
	// data returns the file's content in the state, from the good content
	// of the file of the source id; nil means the file is removed.
	data func(id string, good []byte) []byte
	// refused says whether a reload must refuse the state.
	refused bool
}

// listFaults are the states an operator meets: a download cut short
// between two rows or inside a quoted field, a missing file, an HTML
// error page saved in its place, a 0-byte file, a well-formed list with
// no entity or with half of them, and the good file again.
func listFaults() []listFault {
	return []listFault{
		{"truncated between rows", func(_ string, b []byte) []byte {
			return b[:bytes.LastIndexByte(b[:len(b)/2], '\n')+1]
		}, true},
		{"truncated mid-row", func(_ string, b []byte) []byte {
			// Inside the first quoted field of the row across the middle.
			cut := bytes.LastIndexByte(b[:len(b)/2], '\n') + 1
			return b[:cut+bytes.IndexByte(b[cut:], '"')+3]
		}, true},
		{"missing", func(string, []byte) []byte { return nil }, true},
		{"HTML", func(string, []byte) []byte {
			return []byte("<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body>Try again later.</body></html>\n")
		}, true},
		{"0 bytes", func(string, []byte) []byte { return []byte{} }, true},
		{"well-formed, no entity", func(id string, b []byte) []byte { return wellFormed(id, b, 0) }, true},
		{"well-formed, half the entities", func(id string, b []byte) []byte { return wellFormed(id, b, len(b)/2) }, true},
		{"good", func(_ string, b []byte) []byte { return b }, false},
	}
}

// wellFormed returns the list of the source id whose good file is b,
// complete and well-formed, with the entities written before offset n.
func wellFormed(id string, b []byte, n int) []byte {
	if id == "ofac-sdn" {
		return append(slices.Clone(b[:bytes.LastIndexByte(b[:n], '\n')+1]), 0x1a)
	}
	// UN consolidated XML: individuals, then entities.
	head := b[:bytes.Index(b, []byte("<INDIVIDUALS"))]
	if n == 0 {
		return append(slices.Clone(head), "<INDIVIDUALS/>\n<ENTITIES/>\n</CONSOLIDATED_LIST>\n"...)
	}
	ind, ent := bytes.LastIndex(b[:n], []byte("</INDIVIDUAL>")), bytes.LastIndex(b[:n], []byte("</ENTITY>"))
	if ind > ent {
		return append(slices.Clone(b[:ind+len("</INDIVIDUAL>")]), "\n</INDIVIDUALS>\n<ENTITIES/>\n</CONSOLIDATED_LIST>\n"...)
	}
	return append(slices.Clone(b[:ent+len("</ENTITY>")]), "\n</ENTITIES>\n</CONSOLIDATED_LIST>\n"...)
}

// faultFixture is a served set of lists, the files the test rewrites
// (by source ID) and the designated parties it queries.
type faultFixture struct {
	lists []string
	// files are the rewritable file of each source, by source ID.
	files map[string]string
	// designated are screening requests for listed parties.
	designated []ScreenRequest
}

// TestListFaultsUnderLoad screens designated parties over HTTP (/v1/screen
// and /match) while a goroutine rewrites each list file through the fault
// states and reloads: no designated party may ever be answered clear, nor
// lose its /match, each refused reload
// must keep the old lists and be reported on its source by /readyz, and
// a good file must clear the refusal. With LUXSCREEN_SHARED set it runs
// on the UN consolidated list and the 2021 OFAC SDN file.
func TestListFaultsUnderLoad(t *testing.T) {
	fx := authoredFaultFixture(t)
	if testenv.Dir() != "" {
		fx = sharedFaultFixture(t)
	}
	ctx := context.Background()
	sys, err := luxscreen.Open(ctx, luxscreen.Config{Lists: fx.lists})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{System: sys})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	// Only the parties the good lists find are counted: the test is about
	// what the faults change, not about the matcher. A party found by
	// /v1/screen must stay found; one /match matches must stay matched.
	var designated []ScreenRequest
	matched := make(map[string]bool)
	for _, q := range fx.designated {
		if v, err := screenOver(ts, q); err == nil && v != screen.Clear {
			designated = append(designated, q)
			m, err := matchOver(ts, q)
			matched[q.Name] = err == nil && m
		}
	}
	if len(designated) < len(fx.designated)/2 {
		t.Fatalf("only %d of %d designated parties found on the good lists", len(designated), len(fx.designated))
	}

	var answers, wrong, failed atomic.Int64
	var firstWrong atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				q := designated[i%len(designated)]
				var ok bool
				var err error
				if w%2 == 0 || !matched[q.Name] {
					var v screen.Verdict
					v, err = screenOver(ts, q)
					ok = v != screen.Clear
				} else {
					ok, err = matchOver(ts, q)
				}
				answers.Add(1)
				switch {
				case err != nil:
					failed.Add(1)
				case !ok:
					wrong.Add(1)
					firstWrong.CompareAndSwap(nil, q.Name)
				}
			}
		})
	}

	for _, id := range slices.Sorted(maps.Keys(fx.files)) {
		path := fx.files[id]
		good, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range listFaults() {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				t.Fatal(err)
			}
			if data := f.data(id, good); data != nil {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := srv.Reload(ctx)
			if (err != nil) != f.refused {
				t.Errorf("%s %s: reload error %v, want refused %v", id, f.name, err, f.refused)
			}
			checkSourceRefusal(t, srv.Readiness(), id, f.name, f.refused)
			// Let the clients screen against the state a while.
			time.Sleep(50 * time.Millisecond)
		}
	}
	close(stop)
	wg.Wait()
	// Answers name the lists by ID, version and hash, not by their path
	// on the server.
	dir := filepath.Dir(fx.lists[0])
	for _, rq := range []struct{ path, body string }{
		{"/v1/screen", `{"name": "x"}`},
		{"/match/default", `{"queries": {"q": {"schema": "Company", "properties": {"name": ["x"]}}}}`},
	} {
		resp, err := ts.Client().Post(ts.URL+rq.path, "application/json", strings.NewReader(rq.body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if bytes.Contains(b, []byte(dir)) || !bytes.Contains(b, []byte(`"id":"ofac-sdn"`)) {
			t.Errorf("%s answers %s: names a server path or no list ID", rq.path, b)
		}
	}
	t.Logf("%d answers for %d designated parties (%d matched by /match); %d wrong (clear, or no match), %d failed", answers.Load(), len(designated), countTrue(matched), wrong.Load(), failed.Load())
	if wrong.Load() > 0 || failed.Load() > 0 {
		t.Errorf("%d designated parties answered clear (first: %v), %d requests failed", wrong.Load(), firstWrong.Load(), failed.Load())
	}
}

// checkSourceRefusal checks that /readyz reports the refusal of a faulty
// list on its source, keeps the source ready on the list loaded before,
// and reports no refusal once the good file is back.
func checkSourceRefusal(t *testing.T, rd Readiness, id, state string, refused bool) {
	t.Helper()
	for _, src := range rd.Sources {
		if src.ID != id {
			continue
		}
		if (src.Refusal != "") != refused || !src.Ready || src.Entities == 0 {
			t.Errorf("%s %s: /readyz source %+v, want refused %v and ready", id, state, src, refused)
		}
		if refused && !containsPrefix(rd.Warnings, "luxscreen: sanctions list "+id+": the reload") {
			t.Errorf("%s %s: /readyz warnings %q do not report the refusal", id, state, rd.Warnings)
		}
		return
	}
	t.Errorf("%s %s: /readyz has no source %s: %+v", id, state, id, rd.Sources)
}

func containsPrefix(ss []string, prefix string) bool {
	for _, s := range ss {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// screenOver screens q through POST /v1/screen and returns the verdict.
func screenOver(ts *httptest.Server, q ScreenRequest) (screen.Verdict, error) {
	body, err := json.Marshal(q)
	if err != nil {
		return "", err
	}
	resp, err := ts.Client().Post(ts.URL+"/v1/screen", "application/json", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	var res ScreenResult
	if err := json.Unmarshal(b, &res); err != nil {
		return "", err
	}
	return res.Verdict, nil
}

func countTrue(m map[string]bool) int {
	n := 0
	for _, v := range m {
		if v {
			n++
		}
	}
	return n
}

// matchOver screens q through the yente-compatible POST /match and
// reports whether a result matches.
func matchOver(ts *httptest.Server, q ScreenRequest) (bool, error) {
	schema := map[string]string{"person": "Person", "vessel": "Vessel", "aircraft": "Airplane", "org": "Company", "organisation": "Company"}[q.Kind]
	if schema == "" {
		schema = "LegalEntity"
	}
	body, err := json.Marshal(map[string]any{"queries": map[string]any{"q": map[string]any{"schema": schema, "properties": map[string][]string{"name": {q.Name}}}}})
	if err != nil {
		return false, err
	}
	resp, err := ts.Client().Post(ts.URL+"/match/default", "application/json", bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return false, err
	}
	if resp.StatusCode != http.StatusOK {
		return false, fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	var res MatchResponse
	if err := json.Unmarshal(b, &res); err != nil {
		return false, err
	}
	for _, r := range res.Responses["q"].Results {
		if r.Match {
			return true, nil
		}
	}
	return false, nil
}

// authoredFaultFixture writes a UN list and an OFAC sdn.csv (alone, as
// nothing else reveals its missing rows) of invented parties.
func authoredFaultFixture(t *testing.T) faultFixture {
	dir := t.TempDir()
	words := []string{"AMBER", "BIRCH", "CEDAR", "DELTA", "EMBER", "FJORD", "GARNET", "HARBOR", "INDIGO", "JASPER", "KESTREL", "LUMEN"}
	name := func(i int) string {
		return words[i%len(words)] + " " + words[(i/len(words)+3)%len(words)] + " TRADING " + fmt.Sprint(i)
	}
	var un, sdn strings.Builder
	un.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:00Z\">\n<INDIVIDUALS/>\n<ENTITIES>\n")
	fx := faultFixture{files: map[string]string{}}
	for i := range 40 {
		n := name(i)
		fmt.Fprintf(&un, "<ENTITY><DATAID>%d</DATAID><FIRST_NAME>%s</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.%03d</REFERENCE_NUMBER></ENTITY>\n", i+1, n, i)
		fx.designated = append(fx.designated, ScreenRequest{Name: n, Kind: "org"})
	}
	un.WriteString("</ENTITIES>\n</CONSOLIDATED_LIST>\n")
	for i := 100; i < 140; i++ {
		n := name(i)
		fmt.Fprintf(&sdn, "%d,\"%s\",-0- ,\"DPRK3\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Secondary sanctions risk: North Korea Sanctions Regulations.\"\r\n", i, n)
		fx.designated = append(fx.designated, ScreenRequest{Name: n, Kind: "org"})
	}
	sdn.WriteString("\x1a")
	unPath, ofacDir := filepath.Join(dir, "un.xml"), filepath.Join(dir, "ofac")
	if err := os.Mkdir(ofacDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for p, data := range map[string]string{unPath: un.String(), filepath.Join(ofacDir, "sdn.csv"): sdn.String()} {
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fx.lists = []string{unPath, ofacDir}
	fx.files["un"], fx.files["ofac-sdn"] = unPath, filepath.Join(ofacDir, "sdn.csv")
	return fx
}

// sharedFaultFixture copies the UN consolidated list and the 2021 OFAC
// sdn.csv (alone) into a temporary directory, and queries the primary
// names of a sample of their entities, more of them in the second half
// of sdn.csv, which a cut loses.
func sharedFaultFixture(t *testing.T) faultFixture {
	dir := t.TempDir()
	unPath, ofacDir := filepath.Join(dir, "un.xml"), filepath.Join(dir, "ofac")
	if err := os.Mkdir(ofacDir, 0o755); err != nil {
		t.Fatal(err)
	}
	sdnPath := filepath.Join(ofacDir, "sdn.csv")
	copies := map[string]string{
		unPath:  testenv.Path(t, "data", "screening", "un", "UN_consolidated_2026-02-27.xml"),
		sdnPath: testenv.Path(t, "data", "screening", "ofac-sdn-2021-07", "sdn.csv"),
	}
	for dst, src := range copies {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fx := faultFixture{lists: []string{unPath, ofacDir}, files: map[string]string{"un": unPath, "ofac-sdn": sdnPath}}
	for _, p := range []string{unPath, ofacDir} {
		l, err := screen.Load(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		for i := len(l.Entities) / 3; i < len(l.Entities); i += len(l.Entities) / 40 {
			e := l.Entities[i]
			fx.designated = append(fx.designated, ScreenRequest{Name: e.PrimaryName(), Kind: string(e.Kind)})
		}
	}
	return fx
}
