package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// lookupAnswer runs "lookup CODE --format json" with args and decodes it.
func lookupAnswer(t *testing.T, args ...string) (controls []map[string]any, noList []map[string]any) {
	t.Helper()
	out, _ := runOK(t, "", append([]string{"lookup", "--format", "json"}, args...)...)
	var a struct {
		Controls []map[string]any `json:"controls"`
		NoList   []map[string]any `json:"no_list_in_force"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("lookup %v: %v\n%s", args, err, out)
	}
	return a.Controls, a.NoList
}

// TestLookupGoldWatches2012 looks up gold wrist-watches on 1 June 2012 in
// each jurisdiction whose lists then applied, Switzerland included: its
// 2006 Annex 2 listed watches (swissinfo.ch and Daily NK, October 2006,
// quoting SECO; see lists.TestSwitzerlandLuxuryFacts).
func TestLookupGoldWatches2012(t *testing.T) {
	for _, j := range []string{"EU", "GB", "US", "JP", "CH", "AU", "NZ", "CA"} {
		ctls, no := lookupAnswer(t, "9101.11", "--date", "2012-06-01", "--jurisdiction", j)
		if len(ctls) == 0 || len(no) > 0 {
			t.Errorf("%s on 2012-06-01: %d controls, no list in force: %v", j, len(ctls), no)
		}
		for _, c := range ctls {
			if c["basis"] == "" || c["confidence"] == "" {
				t.Errorf("%s: control %v shows no basis or confidence", j, c["entry"])
			}
		}
	}
	out, _ := runOK(t, "", "lookup", "9101.11", "--date", "2012-06-01", "--jurisdiction", "CH")
	if !strings.Contains(out, "ch-2006-dprk-luxury") {
		t.Errorf("CH on 2012-06-01 does not name its 2006 list:\n%s", out)
	}
	// Lead crystal came with the 2016 ordinance: in 2012 Switzerland's list
	// was in force and left it out, which the answer says, never silence.
	out, _ = runOK(t, "", "lookup", "7013.22", "--date", "2012-06-01", "--jurisdiction", "CH")
	if !strings.Contains(out, "CH: not controlled by its lists in force (ch-2006-dprk-luxury)") {
		t.Errorf("CH on 2012-06-01 does not say which list leaves lead crystal out:\n%s", out)
	}
	// In 2019 the United Kingdom applied the EU's list.
	ctls, _ := lookupAnswer(t, "9101.11", "--date", "2019-06-01", "--jurisdiction", "GB")
	if len(ctls) == 0 || ctls[0]["jurisdiction"] != "EU" {
		t.Errorf("GB on 2019-06-01: %v, want the EU list", ctls)
	}
}

// TestLookupEmbargo checks that a lookup under an embargo says all goods
// are controlled and names the exceptions.
func TestLookupEmbargo(t *testing.T) {
	out, _ := runOK(t, "", "lookup", "2204.21", "--date", "2019-06-01", "--jurisdiction", "KR")
	for _, want := range []string{"kr-2010-may24-embargo", "all goods", "except", "CONF"} {
		if !strings.Contains(out, want) {
			t.Errorf("lookup under South Korea's 2010 measures lacks %q:\n%s", want, out)
		}
	}
	// A wine of USD 100 from South Korea in 2019: the 2009 notice needs
	// approval whatever the value; no traveller allowance is a threshold.
	ctls, _ := lookupAnswer(t, "2204.21", "--date", "2019-06-01", "--jurisdiction", "KR", "--kind", "luxury")
	if len(ctls) == 0 {
		t.Fatal("no KR luxury control of wine in 2019")
	}
	for _, c := range ctls {
		if c["threshold"] != nil {
			t.Errorf("KR entry %v carries a threshold %v", c["entry"], c["threshold"])
		}
	}
}
