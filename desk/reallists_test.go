package desk_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/desk"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/store"
)

// TestRescreenRealLists runs the desk on the real UN and OFAC lists loaded
// together, then on a second version of the UN list made by editing a
// copy of it as the Security Council's committee would: an alias added to
// a listed company, and a company designated. The release made against
// the company is reopened, and a consignee checked clear before the
// designation is found by the re-screening.
func TestRescreenRealLists(t *testing.T) {
	unFile := testenv.Path(t, "data", "screening", "un", "UN_consolidated_2026-02-27.xml")
	ofac := testenv.Path(t, "data", "screening", "ofac-sdn-2021-07")
	orig, err := os.ReadFile(unFile)
	if err != nil {
		t.Fatal(err)
	}
	un := filepath.Join(t.TempDir(), "un.xml")
	if err := os.WriteFile(un, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(un, orig, 0o644); err != nil {
				t.Fatal(err)
			}
			testRescreenReal(t, open(t), un, ofac, orig)
		})
	}
}

func testRescreenReal(t *testing.T, st *store.Store, un, ofac string, orig []byte) {
	ctx := context.Background()
	now := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	d, err := desk.Open(ctx, luxscreen.Config{Lists: []string{un, ofac}, Now: func() time.Time { return now }}, st, desk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()

	// A trader of a name close to a listed coal shipper is raised, and
	// released as a false positive.
	pro := party.New("Pro-Gain Group Corp", party.KindOrganisation, "HK", "", "")
	sc, err := d.Screen(ctx, pro)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Result.Verdict == party.Clear || len(sc.Cases) != 1 {
		t.Fatalf("Pro-Gain Group Corp: %s, cases %v; want a hit on KPe.071 and a case", sc.Result.Verdict, sc.Cases)
	}
	if _, err := d.Release(ctx, sc.Cases[0], "ana.kim", store.FalsePositive, "a different Pro-Gain, incorporated 2022"); err != nil {
		t.Fatal(err)
	}
	if again, err := d.Screen(ctx, pro); err != nil || again.Result.Verdict != party.Clear {
		t.Fatalf("after release: %v, %v; want clear", again.Result.Verdict, err)
	}

	// A consignee not listed yet.
	checked, err := d.Check(ctx, shipment(t, "BKG-REAL", "Haeyang Global Logistics Company Limited"))
	if err != nil {
		t.Fatal(err)
	}
	if checked.Decision.Verdict != rules.VerdictClear {
		t.Fatalf("before the designation: %s %+v; want clear", checked.Decision.Verdict, checked.Decision.Findings)
	}

	// The new version of the UN list.
	v2 := string(orig)
	i := strings.Index(v2, `<REFERENCE_NUMBER>KPe.071</REFERENCE_NUMBER>`)
	j := strings.Index(v2[i:], "<ALIAS_NAME/>")
	if i < 0 || j < 0 {
		t.Fatal("KPe.071 or its empty alias not found in the UN file")
	}
	v2 = v2[:i+j] + "<ALIAS_NAME>PRO-GAIN TRADING LIMITED</ALIAS_NAME>" + v2[i+j+len("<ALIAS_NAME/>"):]
	k := strings.Index(v2, "<ENTITY>")
	newEntity := `<ENTITY>
      <DATAID>9999001</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>HAEYANG GLOBAL LOGISTICS COMPANY LIMITED</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPe.999</REFERENCE_NUMBER>
      <LISTED_ON>2026-12-03</LISTED_ON>
      <COMMENTS1>Test designation made for this test only.</COMMENTS1>
      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS>
      <ENTITY_ADDRESS><COUNTRY>Democratic People's Republic of Korea</COUNTRY></ENTITY_ADDRESS>
      <SORT_KEY/>
      <SORT_KEY_LAST_MOD/>
    </ENTITY>
    `
	v2 = v2[:k] + newEntity + v2[k:]
	if err := os.WriteFile(un, []byte(v2), 0o644); err != nil {
		t.Fatal(err)
	}
	now = now.Add(24 * time.Hour)
	rs, err := d.Reload(ctx, luxscreen.ReloadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rs.Added != 1 || rs.Changed != 1 || rs.Removed != 0 {
		t.Errorf("diff: added %d changed %d removed %d; want 1, 1, 0", rs.Added, rs.Changed, rs.Removed)
	}
	if len(rs.Reopened) != 1 || rs.Reopened[0] != sc.Cases[0] {
		t.Errorf("reopened %v; want the Pro-Gain case %d", rs.Reopened, sc.Cases[0])
	}
	if len(rs.Cases) != 1 {
		t.Fatalf("re-screening opened %v; want one case, for the consignee", rs.Cases)
	}
	c, err := d.Case(ctx, rs.Cases[0])
	if err != nil {
		t.Fatal(err)
	}
	if c.Linked != checked.Record || c.Party == nil || !strings.Contains(c.Party.Name, "Haeyang") {
		t.Errorf("re-screening case %+v; want the consignee, linked to record %d", c, checked.Record)
	}
	t.Logf("re-screened %d parties after a change of %d+%d entities", rs.Screened, rs.Added, rs.Changed)
}
