package main

import (
	"strings"
	"testing"
)

// TestVersion checks "luxscreen --version" names the build and every
// data version: rules, goods and each sanctions list with its age.
func TestVersion(t *testing.T) {
	out, _ := runOK(t, "", "--version")
	wantContains(t, "--version", out, "luxscreen ", "\nrules: luxscreen-default-", "\ngoods: classify+catalogue@",
		"\nsanctions list demo (demo-yaml, version 2026-02-27", "the embedded demo list", "269 days old (STALE)")
	out, _ = runOK(t, "", "--version", "--list", "../../screen/testdata/un_small.xml")
	wantContains(t, "--version --list", out, "sanctions list un (un-xml, version 2026-01-02T00:00:00Z, sha256 ", "2 entities, 0 vessels, published 2026-01-02")
	if strings.Contains(out, "demo") {
		t.Errorf("--version --list names the demo list:\n%s", out)
	}
	wantExit(t, "", exitUsage, "unexpected argument", "--version", "extra")
}
