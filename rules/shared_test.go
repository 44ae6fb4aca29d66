package rules

import "testing"

// TestDocumentedCasesUNOFAC runs the documented cases screening against
// the UN consolidated list (2026-02-27) and the OFAC SDN set (July 2021)
// of the shared data. Wuhan Sanjiang Import and Export, the seller of the
// 2011 timber transporters, was designated by OFAC in 2017: the screener
// has no listing dates for OFAC, so the re-check blocks on it. The rice
// shipment is clear: its shipper "Siam Rice Exporters" once matched OFAC's
// "SIAM NICE COMPANY LTD." through a Korean romanisation rule applied to
// English words.
func TestDocumentedCasesUNOFAC(t *testing.T) {
	sc := unOFAC(t)
	e := testEngine(t, sc)
	for _, tt := range []documentedCase{
		{"maybach-2018.json", VerdictReview, []string{"review dprk-transshipment-route", "review controlled-goods-to-shell", "review evasion-flag-controlled-goods"}},
		{"timber-transporters-2011.json", VerdictBlock, []string{"block designated-party", "review catch-all-high-risk-route"}},
		{"rice-humanitarian.json", VerdictClear, nil},
	} {
		t.Run(tt.file, func(t *testing.T) {
			d := checkCase(t, e, tt)
			if len(d.Versions.Sanctions) != 2 {
				t.Errorf("versions name %d sanctions lists, want 2", len(d.Versions.Sanctions))
			}
		})
	}
}
