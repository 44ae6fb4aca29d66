package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/lists"
)

// TestControlsShowConfidence checks that a finding cites each control
// with its basis and confidence, and says so when every control it rests
// on is a recalled entry.
func TestControlsShowConfidence(t *testing.T) {
	from := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	watches := Shipment{ID: "w", Date: "2019-06-01",
		Parties:     []Party{{Role: Exporter, Name: "Southern Cross Watches Pty Ltd", Country: "AU"}, {Role: Consignee, Name: "Pyongyang Trading", Country: "KP"}},
		Destination: "KP",
		Lines:       []Line{{Description: "gold wrist-watches", HS: "9101.11", Quantity: 2, Unit: "item", Value: 9000, Currency: "USD"}}}
	tests := []struct {
		name      string
		confs     []lists.Confidence
		recalled  bool
		wantConfs []lists.Confidence
	}{
		{"recalled only", []lists.Confidence{lists.Recalled}, true, []lists.Confidence{lists.Recalled}},
		{"law beside reconstruction", []lists.Confidence{lists.Recalled, lists.PrimaryText}, false,
			[]lists.Confidence{lists.PrimaryText, lists.Recalled}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ls []*lists.List
			for _, c := range tt.confs {
				ls = append(ls, oneEntryList("au-"+string(c), "AU", lists.Luxury, lists.ExportTo, from, c, "9101"))
			}
			cat, err := lists.New(ls...)
			if err != nil {
				t.Fatal(err)
			}
			d := mustCheck(t, newTestEngine(t, cat, newFakeScreener(nil)), &watches)
			var detail string
			var confs []lists.Confidence
			for _, f := range d.Findings {
				for _, ev := range f.Evidence {
					if strings.Contains(ev.Detail, "controlled by") {
						detail = ev.Detail
					}
				}
				if detail == "" {
					continue
				}
				for _, c := range f.Citation {
					if c.Kind == "list" {
						confs = append(confs, c.Confidence)
					}
				}
				break
			}
			if detail == "" {
				t.Fatalf("no finding names the controls: %+v", d.Findings)
			}
			if got := strings.Contains(detail, "rests on recalled entries"); got != tt.recalled {
				t.Errorf("says the controls rest on recalled entries: %v, want %v\n%s", got, tt.recalled, detail)
			}
			if !strings.Contains(detail, "DER/") {
				t.Errorf("evidence shows no basis/confidence: %s", detail)
			}
			if diff := cmp.Diff(tt.wantConfs, confs); diff != "" {
				t.Errorf("citations' confidence, law first (-want +got):\n%s", diff)
			}
		})
	}
}
