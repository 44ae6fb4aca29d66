package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// writeData writes files (repository path → content) under a new data
// directory and returns it.
func writeData(t *testing.T, files map[string]string) string {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, content := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, fsys); err != nil {
		t.Fatal(err)
	}
	return dir
}

// editedFile returns the repository file at name with old replaced by
// new, failing when old is not there (the edit would test nothing).
func editedFile(t *testing.T, name, old, new string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	return strings.Replace(string(b), old, new, 1)
}

// TestDataCheck checks that "data check" prints every problem of a faulty
// directory with its place, and exits 2.
func TestDataCheck(t *testing.T) {
	dir := writeData(t, map[string]string{
		"lists/data/un-2321-luxury.yaml": editedFile(t, "lists/data/un-2321-luxury.yaml", "      amount: 100\n", "      amount: lots\n"),
		"lists/data/extra.yaml":          editedFile(t, "lists/testdata/valid.yaml", "kind: luxury\n", "kind: luxury\ncolour: red\n"),
		"rules/data/local.yaml":          "rules:\n  - id: dprk-destination\n    severity: fatal\n    title: t\n    message: m\n    source: s\n    when: {destination: {in: dprk}}\n",
		"rules/data/ports.yaml":          "aliases:\n  - locode: NLRTM\n    names: [Rotterdam]\n  - locode: XXYYY\n    names: [Atlantis]\n",
		"screen/countries.yaml":          "kp: [dprk]\ncn: [dprk]\n",
		"screen/data/weights.yaml":       editedFile(t, "screen/data/weights.yaml", "  match: 0.75 ", "  match: 1.5 "),
		"screen/names/lexicon.yaml":      "legal_forms: {co: co}\nlegal_form: {}\n",
		"classify/lexicon/extra.yaml":    "concepts:\n  - id: x\n    headings: [\"9101\"]\n    description: d\n    code: \"91012\"\n",
		"rule/data/rules.yaml":           "rules: []\n",
	})
	code, out, stderr := runCLI(t, "", "data", "check", dir)
	if code != exitUsage {
		t.Errorf("exit %d, want %d; stderr: %s", code, exitUsage, stderr)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		// The place is what the officer needs: path relative to the
		// directory, line, column and field.
		place, _, _ := strings.Cut(strings.TrimPrefix(line, dir+string(filepath.Separator)), ": ")
		if field, _, ok := strings.Cut(strings.TrimPrefix(line, dir+string(filepath.Separator)+place+": "), ": "); ok && strings.Contains(place, ":") {
			place += " " + field
		}
		got = append(got, filepath.ToSlash(place))
	}
	want := []string{
		"classify/lexicon/extra.yaml:5:11 concepts[0].code",
		"lists/data/extra.yaml:10:1 colour",
		"lists/data/un-2321-luxury.yaml:82:15 entries[1].threshold.amount",
		"rule/data/rules.yaml",
		"rules/data/local.yaml:3:15 rules[0].severity",
		"rules/data/ports.yaml:4:13 aliases[1].locode",
		"screen/countries.yaml:1:6 kp[0]",
		"screen/data/weights.yaml:9:10 thresholds.match",
		"screen/names/lexicon.yaml:2:1 legal_form",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s\nstdout:\n%s", diff, out)
	}
	if !strings.Contains(stderr, "9 problems") {
		t.Errorf("stderr %q does not count the problems", stderr)
	}
}

func TestDataCheckClean(t *testing.T) {
	dir := writeData(t, map[string]string{
		"lists/data/un-2321-luxury.yaml": editedFile(t, "lists/data/un-2321-luxury.yaml", "      amount: 100\n", "      amount: 250\n"),
		"rules/data/local.yaml":          "rules:\n  - id: dprk-destination\n    disabled: true\n",
	})
	out, _ := runOK(t, "", "data", "check", dir)
	want := "data check: " + dir + ": no problems (replacing embedded files: 1, new files: 1)\n"
	if out != want {
		t.Errorf("stdout = %q, want %q", out, want)
	}
	for _, args := range [][]string{{"data"}, {"data", "fix", dir}, {"data", "check"}} {
		wantExit(t, "", exitUsage, "", args...)
	}
}

// porcelainShipment is ten porcelain plates at USD 150 each from Brazil,
// whose exporter only the UN lists bind, to the DPRK: above the UN
// threshold of USD 100 per piece, below one of USD 250.
const porcelainShipment = `{"id": "porcelain", "date": "2024-03-01", "origin": "BR", "destination": "KP",
 "parties": [{"role": "exporter", "name": "Porcelana Exportadora Ltda", "kind": "organisation", "country": "BR"},
  {"role": "consignee", "name": "Pyongyang Department Store No 1", "kind": "organisation", "country": "KP"}],
 "lines": [{"description": "porcelain tableware, dinner plates", "hs": "6911.10", "quantity": 10, "unit": "item", "value": 1500, "currency": "USD"}]}`

// TestDataDirEndToEnd checks that --data DIR with one edited catalogue
// entry, one edited rule, one edited screening weight and one added demo
// designation changes the answers of lookup, check and screen, with no
// rebuild.
func TestDataDirEndToEnd(t *testing.T) {
	dir := writeData(t, map[string]string{
		// The UN porcelain threshold, USD 100 per piece, becomes 250.
		"lists/data/un-2321-luxury.yaml": editedFile(t, "lists/data/un-2321-luxury.yaml", "      amount: 100\n", "      amount: 250\n"),
		// A shipment to the DPRK with no controlled line: review
		// becomes info.
		"rules/data/local.yaml": editedFile(t, "rules/data/rules.yaml", "  - id: dprk-destination\n    severity: review\n", "  - id: dprk-destination\n    severity: info\n"),
		// Two spellings with one romanisation skeleton (Ryongbong,
		// Ryonbong) count as less alike.
		"screen/data/weights.yaml": editedFile(t, "screen/data/weights.yaml", "    similarity: 0.97 ", "    similarity: 0.80 "),
		// One more designation in the demo list.
		"screen/demo.yaml": editedFile(t, "screen/demo.yaml", "entities:\n", "entities:\n  - ref: TEST.1\n    kind: organisation\n    names: [\"ACME PORCELAIN TRADING\"]\n"),
	})
	type answers struct {
		Threshold float64
		Verdict   string
		Findings  []string
		Screen    map[string]string // query → verdict
	}
	ask := func(data ...string) answers {
		var a answers
		out, _ := runOK(t, "", append([]string{"lookup", "6911.10", "--date", "2024-03-01", "--jurisdiction", "UN", "--format", "json"}, data...)...)
		var ans struct {
			Controls []struct {
				Threshold struct{ Amount float64 } `json:"threshold"`
			} `json:"controls"`
		}
		err := json.Unmarshal([]byte(out), &ans)
		ms := ans.Controls
		if err != nil || len(ms) != 1 {
			t.Fatalf("lookup: %d matches, error %v: %s", len(ms), err, out)
		}
		a.Threshold = ms[0].Threshold.Amount

		out, _ = runOK(t, porcelainShipment, append([]string{"check", "--input", "-", "--format", "jsonl"}, data...)...)
		var d struct {
			Verdict  string `json:"verdict"`
			Findings []struct{ Rule, Severity string }
		}
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("check: %v: %s", err, out)
		}
		a.Verdict = d.Verdict
		for _, f := range d.Findings {
			a.Findings = append(a.Findings, f.Rule+" "+f.Severity)
		}

		a.Screen = map[string]string{}
		for _, q := range []string{"Korea Ryongbong", "Acme Porcelain Trading"} {
			out, _ = runOK(t, "", append([]string{"screen", q, "--format", "json"}, data...)...)
			var rs []struct{ Verdict string }
			if err := json.Unmarshal([]byte(out), &rs); err != nil || len(rs) != 1 {
				t.Fatalf("screen: %v: %s", err, out)
			}
			a.Screen[q] = rs[0].Verdict
		}
		return a
	}
	before := answers{Threshold: 100, Verdict: "block", Findings: []string{"dprk-controlled-goods-to-kp block"},
		Screen: map[string]string{"Korea Ryongbong": "match", "Acme Porcelain Trading": "clear"}}
	if diff := cmp.Diff(before, ask()); diff != "" {
		t.Errorf("embedded data (-want +got):\n%s", diff)
	}
	after := answers{Threshold: 250, Verdict: "clear", Findings: []string{"dprk-destination info"},
		Screen: map[string]string{"Korea Ryongbong": "clear", "Acme Porcelain Trading": "match"}}
	if diff := cmp.Diff(after, ask("--data", dir)); diff != "" {
		t.Errorf("--data %s (-want +got):\n%s", dir, diff)
	}
}
