package luxscreen

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// unXML returns a UN consolidated list of n invented entities, named
// "TESTCO ALPHA 0" and on, published on date.
func unXML(n int, date string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=%q>\n<INDIVIDUALS/>\n<ENTITIES>\n", date)
	for i := range n {
		fmt.Fprintf(&b, "<ENTITY><DATAID>%d</DATAID><FIRST_NAME>TESTCO ALPHA %d</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.%03d</REFERENCE_NUMBER></ENTITY>\n", i+1, i, i)
	}
	b.WriteString("</ENTITIES>\n</CONSOLIDATED_LIST>\n")
	return []byte(b.String())
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOpenRefusesEmptyList checks that a well-formed list without
// entities, or an empty sdn.csv beside a good list, stops the start
// instead of clearing every party it should list.
func TestOpenRefusesEmptyList(t *testing.T) {
	dir := t.TempDir()
	emptyUN := filepath.Join(dir, "empty.xml")
	writeFile(t, emptyUN, unXML(0, "2026-02-01T00:00:00Z"))
	goodUN := filepath.Join(dir, "un.xml")
	writeFile(t, goodUN, unXML(3, "2026-02-01T00:00:00Z"))
	ofac := filepath.Join(dir, "ofac")
	writeFile(t, filepath.Join(ofac, "sdn.csv"), nil)
	for _, lists := range [][]string{{emptyUN}, {goodUN, ofac}} {
		_, err := Open(context.Background(), Config{Lists: lists})
		if !errors.Is(err, screen.ErrEmpty) {
			t.Errorf("Open(%v) = %v, want ErrEmpty", lists, err)
		}
	}
}

// TestReloadRefusals cycles a list file through the states an operator
// meets (truncated, missing, HTML, empty, shrunk, good) and checks that
// each bad state is refused, the old list stays and answers, and the
// source's status records why; a good state clears the refusal, and the
// operator's override accepts a shrink.
func TestReloadRefusals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	list := filepath.Join(dir, "un.xml")
	good := unXML(20, "2026-02-01T00:00:00Z")
	writeFile(t, list, good)
	now := time.Date(2026, 2, 11, 0, 0, 0, 0, time.UTC)
	sys, err := Open(ctx, Config{Lists: []string{list}, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	designated := party.New("Testco Alpha 7", party.KindOrganisation, "", "", "")
	check := func(state string, wantErr error, wantEntities int) {
		t.Helper()
		res, err := sys.Screen(ctx, designated)
		if err != nil || res.Verdict != screen.Match {
			t.Errorf("%s: designated party answered %v, %v", state, res.Verdict, err)
		}
		src := sys.Sources()
		if len(src) != 1 || src[0].ID != "un" || src[0].Entities != wantEntities || !src[0].Ready {
			t.Fatalf("%s: sources %+v", state, src)
		}
		if (src[0].Refusal != "") != (wantErr != nil) {
			t.Errorf("%s: refusal %q", state, src[0].Refusal)
		}
	}
	tests := []struct {
		state string
		data  []byte // nil removes the file
		opts  ReloadOptions
		want  error
	}{
		{"truncated", good[:len(good)/2], ReloadOptions{}, nil},
		{"missing", nil, ReloadOptions{}, os.ErrNotExist},
		{"HTML", []byte("<!DOCTYPE html><html><body>Service unavailable</body></html>"), ReloadOptions{}, screen.ErrFormat},
		{"empty", unXML(0, "2026-02-10T00:00:00Z"), ReloadOptions{}, screen.ErrEmpty},
		{"empty, override", unXML(0, "2026-02-10T00:00:00Z"), ReloadOptions{AllowShrink: true}, screen.ErrEmpty},
		{"shrunk by half", unXML(10, "2026-02-10T00:00:00Z"), ReloadOptions{}, screen.ErrShrunk},
	}
	for _, tt := range tests {
		os.Remove(list)
		if tt.data != nil {
			writeFile(t, list, tt.data)
		}
		err := sys.ReloadWith(ctx, tt.opts)
		var re *RefusalError
		if !errors.As(err, &re) || (tt.want != nil && !errors.Is(err, tt.want)) {
			t.Errorf("%s: Reload = %v, want a refusal wrapping %v", tt.state, err, tt.want)
		}
		check(tt.state, err, 20)
	}
	writeFile(t, list, unXML(19, "2026-02-10T00:00:00Z"))
	if err := sys.Reload(ctx); err != nil {
		t.Fatalf("a 5%% shrink: %v", err)
	}
	check("good", nil, 19)
	writeFile(t, list, unXML(10, "2026-02-10T00:00:00Z"))
	if err := sys.ReloadWith(ctx, ReloadOptions{AllowShrink: true}); err != nil {
		t.Fatalf("a shrink with the override: %v", err)
	}
	check("shrunk, override", nil, 10)
}

// TestSources checks each source's date, age and staleness.
func TestSources(t *testing.T) {
	dir := t.TempDir()
	un := filepath.Join(dir, "un.xml")
	writeFile(t, un, unXML(3, "2026-01-02T00:00:00Z"))
	ofac := filepath.Join(dir, "ofac")
	for _, f := range []string{"sdn.csv", "alt.csv", "add.csv"} {
		b, err := os.ReadFile("screen/testdata/ofac_small/" + f)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(ofac, f), b)
	}
	written := time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(ofac, "sdn.csv"), written, written); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 2, 11, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name      string
		maxAge    time.Duration
		wantStale [2]bool
	}{
		{"default limit", 0, [2]bool{true, false}},
		{"60 days", 60 * 24 * time.Hour, [2]bool{false, false}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sys, err := Open(context.Background(), Config{Lists: []string{un, ofac}, MaxListAge: tt.maxAge, Now: func() time.Time { return now }})
			if err != nil {
				t.Fatal(err)
			}
			want := []SourceStatus{
				{ID: "un", Format: screen.FormatUNXML, Version: "2026-01-02T00:00:00Z", Entities: 3, LoadedAt: now,
					ListDate: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), DateFrom: "list", Age: 40 * 24 * time.Hour, AgeDays: 40, Stale: tt.wantStale[0], Ready: true},
				{ID: "ofac-sdn", Format: screen.FormatOFACCSV, Entities: 3, Vessels: 1, LoadedAt: now,
					ListDate: written, DateFrom: "file", Age: 22 * 24 * time.Hour, AgeDays: 22, Stale: tt.wantStale[1], Ready: true},
			}
			if diff := cmp.Diff(want, sys.Sources(), cmpopts.IgnoreFields(SourceStatus{}, "SHA256")); diff != "" {
				t.Errorf("Sources (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReloadFetchedDirRefusal checks that a fetched directory which no
// longer matches its manifest is refused on reload, the refusal recorded
// on the sources loaded from it.
func TestReloadFetchedDirRefusal(t *testing.T) {
	dir := t.TempDir()
	un := unXML(5, "2026-02-01T00:00:00Z")
	writeFile(t, filepath.Join(dir, "un", "consolidated.xml"), un)
	m := []screen.Fetched{{Source: "un", File: "un/consolidated.xml", SHA256: fmt.Sprintf("%x", sha256.Sum256(un)), Bytes: int64(len(un))}}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, screen.ManifestFile), b)
	ctx := context.Background()
	sys, err := Open(ctx, Config{Lists: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "un", "consolidated.xml"), unXML(6, "2026-02-01T00:00:00Z"))
	err = sys.Reload(ctx)
	if err == nil || !strings.Contains(err.Error(), "sanctions list un refused") || !strings.Contains(err.Error(), "changed since it was fetched") {
		t.Errorf("Reload = %v, want the refusal of un", err)
	}
	if src := sys.Sources(); len(src) != 1 || src[0].Entities != 5 || src[0].Refusal == "" {
		t.Errorf("sources after the refusal: %+v", src)
	}
}
