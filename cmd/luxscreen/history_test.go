package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestListsHistory checks the succession of lists of a jurisdiction: the
// United Kingdom was bound by the EU's lists until the end of 2020 and by
// its own from 2021, and the periods no list covers are named.
func TestListsHistory(t *testing.T) {
	out, _ := runOK(t, "", "lists", "history", "GB", "--format", "json")
	var h struct {
		Jurisdiction string `json:"jurisdiction"`
		Steps        []struct {
			List  string `json:"list"`
			Via   string `json:"via"`
			From  string `json:"from"`
			Until string `json:"until"`
		} `json:"steps"`
		Uncovered []struct {
			From string `json:"from"`
		} `json:"uncovered"`
	}
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var ids []string
	for _, s := range h.Steps {
		ids = append(ids, s.List+"@"+s.Via)
		if s.Via == "EU" && (s.Until == "" || s.Until > "2021-01-01") {
			t.Errorf("%s binds GB through the EU until %q, want 2021-01-01 at the latest", s.List, s.Until)
		}
	}
	for _, want := range []string{"eu-2007-329-luxury@EU", "gb-2019-411-luxury@"} {
		if !slices.Contains(ids, want) {
			t.Errorf("history of GB lacks %s: %v", want, ids)
		}
	}
	if len(h.Uncovered) == 0 || !strings.HasPrefix(h.Uncovered[0].From, "2006-10-14") {
		t.Errorf("the months before the EU's first list are not named as uncovered: %+v", h.Uncovered)
	}

	table, _ := runOK(t, "", "lists", "history", "GB")
	for _, want := range []string{"gb-2019-411-luxury", "no list of GB in the catalogue", "CONF"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	wantExit(t, "", exitUsage, "jurisdiction", "lists", "history", "XX")
	wantExit(t, "", exitUsage, "", "lists", "history")
}
