package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeEvalFiles writes files named by their contents into a temporary
// directory and returns their paths by name.
func writeEvalFiles(t *testing.T, files map[string]string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	paths := map[string]string{}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
	}
	return paths
}

// TestEvalClassifyResults scores saved classifier output, in the boolean
// luxury of older builds and the states of newer ones, against the
// catalogue's coverage of the gold codes: rice is on no luxury list, wine
// on lists of full coverage.
func TestEvalClassifyResults(t *testing.T) {
	p := writeEvalFiles(t, map[string]string{
		"set.jsonl": `{"id":"r1","description":"rice 25kg bags","gold_hs6":"100630","style":"bol"}
{"id":"r2","description":"jasmine rice","gold_hs6":"100630","style":"ecom"}
{"id":"w1","description":"red wine 750ml","gold_hs6":"220421","style":"invoice"}
{"id":"w2","description":"rioja crianza","gold_hs6":"220421","style":"invoice"}
`,
		"old.jsonl": `{"id":"r1","hs6":"","candidates":[{"code":"420221"}],"luxury":true,"needs_review":true}
{"id":"r2","hs6":"100630","candidates":[{"code":"100630"}],"luxury":false,"needs_review":false}
{"id":"w1","hs6":"220421","candidates":[{"code":"220421"}],"luxury":true,"needs_review":false}
{"id":"w2","hs6":"","candidates":[],"luxury":false,"needs_review":true}
`,
		"new.jsonl": `{"id":"r1","hs6":"","candidates":[{"code":"100630"}],"luxury":"no","needs_review":false}
{"id":"r2","hs6":"100630","candidates":[{"code":"100630"}],"luxury":"no","needs_review":false}
{"id":"w1","hs6":"220421","candidates":[{"code":"220421"}],"luxury":"yes","needs_review":false}
{"id":"w2","hs6":"","candidates":[{"code":"220421"}],"luxury":"yes","needs_review":false}
`,
	})
	type figures struct {
		Jurisdictions     string  `json:"jurisdictions"`
		N                 int     `json:"n"`
		Uncontrolled      int     `json:"uncontrolled"`
		FalseAlarm        float64 `json:"false_alarm"`
		Review            float64 `json:"review"`
		Controlled        int     `json:"controlled"`
		ControlledRecall  float64 `json:"controlled_recall"`
		ControlledUnknown float64 `json:"controlled_unknown"`
		Groups            []struct {
			By  string `json:"by"`
			Key string `json:"key"`
			N   int    `json:"n"`
		} `json:"groups"`
	}
	for _, tc := range []struct {
		results string
		want    figures
	}{
		{"old.jsonl", figures{Jurisdictions: "all", N: 4, Uncontrolled: 2, FalseAlarm: 0.5, Review: 0.25, Controlled: 2, ControlledRecall: 0.5, ControlledUnknown: 0.5}},
		{"new.jsonl", figures{Jurisdictions: "all", N: 4, Uncontrolled: 2, Controlled: 2, ControlledRecall: 1}},
	} {
		t.Run(tc.results, func(t *testing.T) {
			out, _ := runOK(t, "", "eval", "classify", "--input", p["set.jsonl"], "--results", p[tc.results], "--by", "style", "--format", "json")
			var got figures
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			want := tc.want
			want.Groups = got.Groups[:0:0]
			for _, g := range []struct {
				key string
				n   int
			}{{"bol", 1}, {"invoice", 2}, {"ecom", 1}} {
				want.Groups = append(want.Groups, struct {
					By  string `json:"by"`
					Key string `json:"key"`
					N   int    `json:"n"`
				}{"style", g.key, g.n})
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("eval classify --results %s (-want +got):\n%s", tc.results, diff)
			}
		})
	}
}

// TestEvalClassifyInputs reads several sets, by name and by glob, and
// reports each and all together.
func TestEvalClassifyInputs(t *testing.T) {
	p := writeEvalFiles(t, map[string]string{
		"a-1.jsonl": `{"id":"a1","description":"jasmine rice 25kg bags","gold_hs6":"100630","style":"bol"}` + "\n",
		"a-2.jsonl": `{"id":"b1","description":"frozen pangasius fillets","gold_hs6":"030462","style":"bol"}
{"id":"b2","description":"cotton t-shirts","gold_hs6":"610910","style":"ecom"}
`,
	})
	glob := filepath.Join(filepath.Dir(p["a-1.jsonl"]), "a-*.jsonl")
	for _, args := range [][]string{
		{"--input", p["a-1.jsonl"], "--input", p["a-2.jsonl"]},
		{"--input", glob},
	} {
		out, _ := runOK(t, "", append([]string{"eval", "classify", "--format", "json"}, args...)...)
		var rep struct {
			Jurisdictions string `json:"jurisdictions"`
			Sets          []struct {
				Input string `json:"input"`
				N     int    `json:"n"`
			} `json:"sets"`
			All struct {
				N int `json:"n"`
			} `json:"all"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		got := []string{rep.Jurisdictions}
		for _, s := range rep.Sets {
			got = append(got, filepath.Base(s.Input), strings.Repeat("*", s.N))
		}
		got = append(got, strings.Repeat("*", rep.All.N))
		if diff := cmp.Diff([]string{"all", "a-1.jsonl", "*", "a-2.jsonl", "**", "***"}, got); diff != "" {
			t.Errorf("eval classify %v (-want +got):\n%s", args, diff)
		}
		table, _ := runOK(t, "", append([]string{"eval", "classify"}, args...)...)
		for _, want := range []string{"== " + p["a-2.jsonl"], "== all 2 sets", "false alarms", "style    bol", "section  I "} {
			if !strings.Contains(table, want) {
				t.Errorf("eval classify %v: no %q in\n%s", args, want, table)
			}
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--input", glob, "--results", p["a-1.jsonl"]}, "--results scores the output of one --input, not 2"},
		{[]string{"--input", p["a-1.jsonl"], "--by", "colour"}, `--by "colour"`},
	} {
		wantExit(t, "", exitUsage, tc.want, append([]string{"eval", "classify"}, tc.args...)...)
	}
}
