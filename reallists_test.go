package luxscreen_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/rules"
)

// TestExampleShipmentsRealLists checks every example shipment with the
// official UN and OFAC files loaded together, the production set-up: the
// verdicts are those the shipments' notes argue for, and in particular the
// humanitarian rice shipment is clear, not blocked by a listed company
// whose name differs from its shipper's by one letter.
func TestExampleShipmentsRealLists(t *testing.T) {
	un := testenv.Path(t, "data", "screening", "un", "UN_consolidated_2026-02-27.xml")
	ofac := testenv.Path(t, "data", "screening", "ofac-sdn-2021-07")
	ctx := context.Background()
	sys, err := luxscreen.Open(ctx, luxscreen.Config{Lists: []string{un, ofac}})
	if err != nil {
		t.Fatal(err)
	}
	defer sys.Close()
	want := map[string]rules.Verdict{
		"horses-2019-eu":           rules.VerdictBlock,
		"horses-2019-ru":           rules.VerdictReview,
		"laptops-2012-jp":          rules.VerdictBlock,
		"maybach-2018":             rules.VerdictReview,
		"rice-humanitarian":        rules.VerdictClear,
		"timber-transporters-2011": rules.VerdictBlock, // Wuhan Sanjiang is on the OFAC list
	}
	files, err := filepath.Glob("examples/shipments/*.json")
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]rules.Verdict)
	for _, f := range files {
		sh, err := rules.Decode(f, testenv.ReadFile(t, f))
		if err != nil {
			t.Fatal(err)
		}
		d, err := sys.Check(ctx, sh)
		if err != nil {
			t.Fatal(err)
		}
		got[d.ID] = d.Verdict
		if d.Verdict != want[d.ID] {
			for _, fd := range d.Findings {
				t.Logf("%s: %s %s: %+v", d.ID, fd.Severity, fd.Rule, fd.Evidence)
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("verdicts with UN + OFAC (-want +got):\n%s", diff)
	}
}
