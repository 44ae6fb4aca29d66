package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/screen"
)

// diffUN is a UN consolidated list in the official layout, entries
// invented, with %s standing for what differs between the two versions
// the tests write: the publication time, KPe.901's designation date and
// alias, and the entity only one version has.
const diffUN = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="%s">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>PAK</FIRST_NAME>
      <SECOND_NAME>TONG-GU</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPi.901</REFERENCE_NUMBER>
      <LISTED_ON>2020-01-01</LISTED_ON>
      <COMMENTS1>%s</COMMENTS1>
      <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>2</DATAID>
      <FIRST_NAME>EXAMPLE SEA SHIPPING COMPANY</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPe.901</REFERENCE_NUMBER>
      <LISTED_ON>%s</LISTED_ON>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>%s</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>%s
  </ENTITIES>
</CONSOLIDATED_LIST>
`

// writeDiffLists writes the two versions of diffUN into a temporary
// directory and returns their paths.
func writeDiffLists(t *testing.T) (old, new string) {
	t.Helper()
	dir := t.TempDir()
	old, new = filepath.Join(dir, "old.xml"), filepath.Join(dir, "new.xml")
	gone := `
    <ENTITY>
      <DATAID>3</DATAID>
      <FIRST_NAME>OLD EXAMPLE BANK</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPe.902</REFERENCE_NUMBER>
      <LISTED_ON>2016-03-02</LISTED_ON>
    </ENTITY>`
	came := strings.NewReplacer("<DATAID>3", "<DATAID>4", "OLD EXAMPLE BANK", "NEW EXAMPLE TRADING", "KPe.902", "KPe.903").Replace(gone)
	for _, f := range []struct{ path, content string }{
		{old, fmt.Sprintf(diffUN, "2026-01-02T00:00:00Z", "Director.", "2016-03-02", "Example Sea Shpg", gone)},
		{new, fmt.Sprintf(diffUN, "2026-02-27T00:00:00Z", "Director of Example Sea Shipping.", "2017-08-05", "ESS Co", came)},
	} {
		if err := os.WriteFile(f.path, []byte(f.content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return old, new
}

// fileSum returns the first 16 hex digits of the SHA-256 of the file.
func fileSum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))[:16]
}

func TestListsDiffText(t *testing.T) {
	old, new := writeDiffLists(t)
	out, _ := runOK(t, "", "lists", "diff", old, new)
	want := fmt.Sprintf(`un (UN)
  old: published 2026-01-02T00:00:00Z  sha256 %s  3 entities  %s
  new: published 2026-02-27T00:00:00Z  sha256 %s  3 entities  %s

Added (1)
  UN:KPe.903  NEW EXAMPLE TRADING

Removed (1)
  UN:KPe.902  OLD EXAMPLE BANK

Changed (2)
  UN:KPe.901  EXAMPLE SEA SHIPPING COMPANY
    + alias "ESS Co" (aka)
    - alias "Example Sea Shpg" (aka)
    ~ listed_on 2016-03-02 → 2017-08-05
  UN:KPi.901  PAK TONG-GU  (fingerprint unchanged)
    ~ remarks "Director." → "Director of Example Sea Shipping."

1 added, 1 removed, 2 changed (1 with a new fingerprint); 2 affected.
`, fileSum(t, old), old, fileSum(t, new), new)
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("lists diff (-want +got):\n%s", diff)
	}
	out, _ = runOK(t, "", "lists", "diff", old, old)
	wantContains(t, "lists diff of a file with itself", out, "Changed (0)\n  (none)\n", "0 added, 0 removed, 0 changed (0 with a new fingerprint); 0 affected.")
}

func TestListsDiffJSON(t *testing.T) {
	old, new := writeDiffLists(t)
	out, _ := runOK(t, "", "lists", "diff", "--format", "json", old, new)
	var d screen.ListDiff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if diff := cmp.Diff([]string{"UN:KPe.901", "UN:KPe.903"}, d.Affected()); diff != "" {
		t.Errorf("affected (-want +got):\n%s", diff)
	}
	if len(d.Versions) != 1 || d.Versions[0].Old.Published != "2026-01-02T00:00:00Z" || d.Versions[0].New.SHA256 == "" {
		t.Errorf("versions = %+v", d.Versions)
	}
	// The JSON names lists by their version, never by a path on the
	// machine that ran the diff.
	if strings.Contains(out, filepath.Dir(old)) {
		t.Errorf("JSON output holds the path of the files:\n%s", out)
	}
}

func TestListsDiffExit(t *testing.T) {
	old, _ := writeDiffLists(t)
	missing := filepath.Join(t.TempDir(), "missing.xml")
	bad := filepath.Join(t.TempDir(), "bad.xml")
	if err := os.WriteFile(bad, []byte("<CONSOLIDATED_LIST><ENTITIES><ENTITY>"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"no version", []string{"lists", "diff"}, exitUsage, "want the old and the new version"},
		{"one version", []string{"lists", "diff", old}, exitUsage, "want the old and the new version"},
		{"three versions", []string{"lists", "diff", old, old, old}, exitUsage, "want the old and the new version"},
		{"table format", []string{"lists", "diff", old, old, "--format", "table"}, exitUsage, `--format "table"`},
		{"no size", []string{"lists", "diff", old, old, "--max-list-size", "0"}, exitUsage, "--max-list-size 0"},
		{"help", []string{"lists", "diff", "-h"}, exitOK, "Exit codes: 0 whether or not the versions differ"},
		{"missing file", []string{"lists", "diff", old, missing}, exitError, missing},
		{"cut-off file", []string{"lists", "diff", bad, old}, exitError, bad},
	} {
		t.Run(tt.name, func(t *testing.T) {
			wantExit(t, "", tt.code, tt.wantErr, tt.args...)
		})
	}
}

// TestListsDiffRealUN runs the subcommand on the real UN file and a copy
// with an alias added to KPe.001, KPi.003 removed, KPe.003 re-designated
// and a made-up KPe.999 copied from KPe.002.
func TestListsDiffRealUN(t *testing.T) {
	old := testenv.Path(t, "data", "screening", "un", "UN_consolidated_2026-02-27.xml")
	b, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	block := func(ref string) (int, int) {
		i := strings.Index(s, "<REFERENCE_NUMBER>"+ref+"</REFERENCE_NUMBER>")
		if i < 0 {
			t.Fatalf("no %s in %s", ref, old)
		}
		tag := map[bool]string{true: "INDIVIDUAL", false: "ENTITY"}[strings.Contains(ref, "i.")]
		return strings.LastIndex(s[:i], "<"+tag+">"), i + strings.Index(s[i:], "</"+tag+">") + len("</"+tag+">")
	}
	i, j := block("KPe.001")
	s = s[:i] + strings.Replace(s[i:j], "<ENTITY_ALIAS>", "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>KOMID TEST</ALIAS_NAME></ENTITY_ALIAS>\n      <ENTITY_ALIAS>", 1) + s[j:]
	i, j = block("KPe.002")
	made := strings.Replace(strings.Replace(s[i:j], "KPe.002", "KPe.999", 1), "KOREA RYONBONG GENERAL CORPORATION</FIRST_NAME>", "MADE-UP TEST CORPORATION</FIRST_NAME>", 1)
	s = s[:j] + "\n    " + made + s[j:]
	i, j = block("KPe.003")
	s = s[:i] + strings.Replace(s[i:j], "<LISTED_ON>2009-04-24</LISTED_ON>", "<LISTED_ON>2017-08-05</LISTED_ON>", 1) + s[j:]
	i, j = block("KPi.003")
	s = s[:i] + s[j:]
	new := filepath.Join(t.TempDir(), "UN_consolidated_edited.xml")
	if err := os.WriteFile(new, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}

	out, _ := runOK(t, "", "lists", "diff", old, new)
	wantContains(t, "lists diff", out,
		"Added (1)\n  UN:KPe.999  MADE-UP TEST CORPORATION\n",
		"Removed (1)\n  UN:KPi.003  ",
		"Changed (2)\n  UN:KPe.001  KOREA MINING DEVELOPMENT TRADING CORPORATION\n    + alias \"KOMID TEST\" (aka)\n",
		"  UN:KPe.003  ", "    ~ listed_on 2009-04-24 → 2017-08-05\n",
		"1 added, 1 removed, 2 changed (2 with a new fingerprint); 3 affected.")
	out, _ = runOK(t, "", "lists", "diff", "--format", "json", old, new)
	var d screen.ListDiff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"UN:KPe.001", "UN:KPe.003", "UN:KPe.999"}, d.Affected()); diff != "" {
		t.Errorf("affected (-want +got):\n%s", diff)
	}
}
