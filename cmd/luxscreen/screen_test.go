package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScreenCommand(t *testing.T) {
	out, errOut := runOK(t, "", "screen", "Korea Ryongbong General Corp.", "--kind", "org", "--format", "json")
	if !strings.Contains(errOut, "NOT for production") {
		t.Errorf("no demo-list warning on stderr: %q", errOut)
	}
	var got []screenOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if len(got) != 1 || got[0].Verdict != "match" || len(got[0].Hits) == 0 || got[0].Hits[0].Ref != "KPe.002" || len(got[0].ListVersions) != 1 {
		t.Errorf("output = %+v", got)
	}
}

// TestScreenJSONFieldNames pins the machine-readable field names.
func TestScreenJSONFieldNames(t *testing.T) {
	_, out, _ := runCLI(t, "", "screen", "KOMID", "--format", "jsonl")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	var hits []map[string]json.RawMessage
	if err := json.Unmarshal(raw["hits"], &hits); err != nil || len(hits) == 0 {
		t.Fatalf("hits: %v %s", err, raw["hits"])
	}
	var hitKeys []string
	for k := range hits[0] {
		hitKeys = append(hitKeys, k)
	}
	slices.Sort(keys)
	slices.Sort(hitKeys)
	if diff := cmp.Diff([]string{"hits", "id", "list_versions", "verdict"}, keys); diff != "" {
		t.Errorf("top-level fields (-want +got):\n%s", diff)
	}
	// The original fields, then the listed facts and the references.
	if diff := cmp.Diff([]string{"entity", "features", "kind", "list", "listed", "matched_kind", "matched_name", "name", "reasons", "ref", "references", "score"}, hitKeys); diff != "" {
		t.Errorf("hit fields (-want +got):\n%s", diff)
	}
}

func TestScreenBatch(t *testing.T) {
	in := `{"id":"shipper","name":"Chang Gwang Sin Yong Corp","kind":"org"}
{"id":"vessel","name":"","kind":"vessel","imo":"IMO 7937317"}
{"id":"empty","name":"Co., Ltd.","kind":"org"}
{"id":"other","name":"Samsung Electronics Co Ltd","kind":"org","country":"KR"}
`
	out, _ := runOK(t, in, "screen", "--input", "-", "--format", "jsonl")
	type line struct {
		ID, Verdict string
	}
	var got []line
	for _, o := range decodeLines[screenOutput](t, out) {
		got = append(got, line{o.ID, string(o.Verdict)})
	}
	want := []line{{"shipper", "match"}, {"vessel", "match"}, {"empty", "review"}, {"other", "clear"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("batch (-want +got):\n%s", diff)
	}
}

func TestScreenErrors(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		msg   string
	}{
		{"no name", "", []string{"screen"}, exitUsage, "give one NAME"},
		{"bad kind", "", []string{"screen", "X", "--kind", "ship2"}, exitUsage, "--kind"},
		{"bad format", "", []string{"screen", "X", "--format", "xml"}, exitUsage, "--format"},
		{"batch needs jsonl", "", []string{"screen", "--input", "-"}, exitUsage, "--format jsonl"},
		{"bad batch line", "{\"id\":1}\n", []string{"screen", "--input", "-", "--format", "jsonl"}, exitError, "stdin:1"},
		{"unknown field", "{\"nam\":\"x\"}\n", []string{"screen", "--input", "-", "--format", "jsonl"}, exitError, "stdin:1"},
		{"missing list", "", []string{"screen", "X", "--list", "/nonexistent/list.xml"}, exitError, "sanctions list /nonexistent/list.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantExit(t, tt.stdin, tt.code, tt.msg, tt.args...)
		})
	}
}

func TestScreenWithList(t *testing.T) {
	out, errOut := runOK(t, "", "screen", "Example Sea Shipping Co Ltd", "--list", "../../screen/testdata/un_small.xml", "--list", "../../screen/testdata/ofac_small")
	if strings.Contains(errOut, "DEMO") {
		t.Error("demo warning printed although lists were given")
	}
	if !strings.HasPrefix(out, "MATCH") || !strings.Contains(out, "KPe.901") || !strings.Contains(out, "list OFAC") {
		t.Errorf("output:\n%s", out)
	}
}

// TestScreenHitFacts checks the text output gives, below the table, each
// hit's list entries (the same person on the UN and OpenSanctions lists,
// once) and the facts that settle it.
func TestScreenHitFacts(t *testing.T) {
	out, _ := runOK(t, "", "screen", "Pak Tong Gu", "--kind", "person", "--list", "../../screen/testdata/un_small.xml", "--list", "../../screen/testdata/ftm_small.jsonl")
	want := `  1. OpenSanctions ex-person = UN KPi.901: matched "PAK Tong Gu" (primary); born 1961-05-02 in Nampo; ` +
		`nationality kp / Democratic People's Republic of Korea; passport 123456789; passport 990000111 (Democratic People's Republic of Korea); listed 2020-01-01` + "\n"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks\n%s\nin\n%s", want, out)
	}
	csv, _ := runOK(t, `{"id":"1","name":"Pak Tong Gu","kind":"person"}`+"\n", "screen", "--input", "-", "--format", "csv", "--list", "../../screen/testdata/un_small.xml", "--list", "../../screen/testdata/ftm_small.jsonl")
	if !strings.Contains(csv, ",facts,line,error\n") || !strings.Contains(csv, "OpenSanctions ex-person = UN KPi.901: matched") {
		t.Errorf("CSV output lacks the facts column:\n%s", csv)
	}
}

func TestListsFetchCommand(t *testing.T) {
	un, err := os.ReadFile("../../screen/testdata/un_small.xml")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(un) }))
	defer srv.Close()
	dir := t.TempDir()
	var out, errb strings.Builder
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	err = runListsFetch(t.Context(), e, []string{"--dir", dir, "--only", "un", "--url", "un=" + srv.URL + "/x.xml"})
	if err != nil {
		t.Fatalf("%v (%s)", err, errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "un/consolidated.xml")); err != nil {
		t.Error(err)
	}
	if !strings.Contains(out.String(), "manifest.json") {
		t.Errorf("output %q", out.String())
	}
	if err := runListsFetch(t.Context(), e, []string{"--url", "nosuch=http://x"}); err == nil {
		t.Error("unknown source accepted")
	}
}

func TestEvalScreenNeedsShared(t *testing.T) {
	t.Setenv("LUXSCREEN_SHARED", "")
	code, _, errOut := runCLI(t, "", "eval", "screen")
	if code != exitError || !strings.Contains(errOut, "LUXSCREEN_SHARED") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
