package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/party"
)

// TestDocumentedCases runs the cases of the public record (see
// examples/shipments and their notes) and checks the verdict and findings
// each must produce with the embedded catalogue and rules.
func TestDocumentedCases(t *testing.T) {
	designated := map[string]party.Result{}
	tests := []struct {
		file    string
		verdict Verdict
		rules   []string
		// evidence are substrings that must appear in the findings'
		// evidence or citations: the line, party, port and list entry
		// each rests on.
		evidence []string
	}{
		{
			file:    "maybach-2018.json",
			verdict: VerdictReview,
			rules: []string{
				"review dprk-transshipment-route",
				"review controlled-goods-to-shell",
				"review evasion-flag-controlled-goods",
			},
			evidence: []string{
				"CNDAL Dalian (CN)", "RUNJK Nakhodka (RU)", "earlier leg of the same route: Osaka", "earlier leg of the same route: Busan",
				"consignee: Do Young Shipping", "marshall-islands-company", "flag TG",
				"un-2094-luxury/un-2094-iv-b-luxury-automobiles", "eu-2017-1509-luxury/",
			},
		},
		{
			file:     "horses-2019-ru.json",
			verdict:  VerdictReview,
			rules:    []string{"review dprk-destination"},
			evidence: []string{"final destination KP"},
		},
		{
			file:     "horses-2019-eu.json",
			verdict:  VerdictBlock,
			rules:    []string{"block dprk-controlled-goods-to-kp"},
			evidence: []string{"eu-2017-1509-luxury/eu-viii-1-horses", "EU luxury eu-viii-1-horses"},
		},
		{
			file:    "laptops-2012-jp.json",
			verdict: VerdictBlock,
			// Japan has banned all exports to the DPRK since June 2009.
			rules:    []string{"block dprk-controlled-goods-to-kp", "block dprk-embargo"},
			evidence: []string{"jp-etco-2-2-luxury/", "line 1", "line 3"},
		},
		{
			file:    "timber-transporters-2011.json",
			verdict: VerdictReview,
			// China's lists in the catalogue are sectoral, from April 2016;
			// in 2011 no UN sectoral ban obliged it to one, and it never
			// published a luxury list: no-list-in-force does not apply.
			rules:    []string{"review dprk-destination", "review catch-all-high-risk-route"},
			evidence: []string{"us-2020-bm-advisory/us-bm-vehicles", "after the shipment date; applied as of the check"},
		},
		{
			file:    "rice-humanitarian.json",
			verdict: VerdictClear,
			rules:   nil,
		},
	}
	e := testEngine(t, newFakeScreener(designated))
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := mustCheck(t, e, exampleShipment(t, tt.file))
			if d.Verdict != tt.verdict {
				t.Errorf("verdict = %s, want %s; findings %v", d.Verdict, tt.verdict, ruleIDs(d))
			}
			if diff := cmp.Diff(tt.rules, ruleIDs(d)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			text := decisionText(d)
			for _, ev := range tt.evidence {
				if !strings.Contains(text, ev) {
					t.Errorf("no evidence or citation mentions %q", ev)
				}
			}
			for _, f := range d.Findings {
				if !slices.ContainsFunc(f.Citation, func(c Citation) bool { return c.Kind == "rule" && c.Ref == f.Rule }) {
					t.Errorf("finding %s does not cite its rule's source", f.Rule)
				}
			}
		})
	}
}

// decisionText joins evidence lines and citations for substring checks.
func decisionText(d *Decision) string {
	var b strings.Builder
	for _, f := range d.Findings {
		for _, ev := range f.Evidence {
			b.WriteString(ev.Party + "|" + ev.Port + "|" + ev.Vessel + "|" + ev.Detail + "\n")
			if ev.Line > 0 {
				b.WriteString("line " + string(rune('0'+ev.Line)) + "\n")
			}
		}
		for _, c := range f.Citation {
			b.WriteString(c.Ref + "|" + c.Text + "\n")
		}
	}
	return b.String()
}

// TestMaybachVariants changes one fact of the Maybach case at a time.
func TestMaybachVariants(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(s *Shipment)
		screen  map[string]party.Result
		verdict Verdict
		want    []string
	}{
		{
			name:    "declared destination North Korea",
			edit:    func(s *Shipment) { s.Destination = "KP"; s.Route = append(s.Route, Stop{LOCODE: "KPNAM"}) },
			verdict: VerdictBlock,
			want:    []string{"block dprk-controlled-goods-to-kp", "review controlled-goods-to-shell", "review evasion-flag-controlled-goods"},
		},
		{
			name:    "designated vessel",
			screen:  map[string]party.Result{"DN5505": {Verdict: party.Match, Hits: []party.Hit{{List: "fake", Ref: "V1", Name: "DN5505", Score: 1}}}},
			verdict: VerdictBlock,
			want:    []string{"block designated-vessel", "review dprk-transshipment-route", "review controlled-goods-to-shell", "review evasion-flag-controlled-goods"},
		},
		{
			name:    "possible match on the consignee",
			screen:  map[string]party.Result{"DO YOUNG SHIPPING": {Verdict: party.Review, Hits: []party.Hit{{List: "fake", Ref: "E1", Name: "DO YOUNG SHIPPING CO", Score: 0.8}}}},
			verdict: VerdictReview,
			want:    []string{"review dprk-transshipment-route", "review controlled-goods-to-shell", "review possible-designated-party", "review evasion-flag-controlled-goods"},
		},
		{
			name: "Busan to Nakhodka only: Busan never counts on its own",
			edit: func(s *Shipment) {
				s.Route = []Stop{{LOCODE: "KRPUS"}, {LOCODE: "JPOSA"}}
				s.Destination = "JP"
				s.Vessel.Flag = "KR"
				s.Parties = s.Parties[2:]
			},
			verdict: VerdictClear,
		},
		{
			name:    "unknown port name",
			edit:    func(s *Shipment) { s.Route[1] = Stop{Name: "Lost City of Atlantis"} },
			verdict: VerdictReview,
			want:    []string{"review dprk-transshipment-route", "review controlled-goods-to-shell", "review evasion-flag-controlled-goods", "review unknown-port"},
		},
		{
			name:    "unknown currency",
			edit:    func(s *Shipment) { s.Lines[0].Currency = "XAU" },
			verdict: VerdictReview,
			want:    []string{"review dprk-transshipment-route", "review controlled-goods-to-shell", "review evasion-flag-controlled-goods", "review unknown-currency"},
		},
		{
			name:    "no date: judged as of the check",
			edit:    func(s *Shipment) { s.Date = "" },
			verdict: VerdictReview,
			want:    []string{"review dprk-transshipment-route", "review controlled-goods-to-shell", "review evasion-flag-controlled-goods", "review missing-facts"},
		},
		{
			name:    "before the UN defined luxury cars (2012), EU list of 2007 applies",
			edit:    func(s *Shipment) { s.Date = "2012-10-01" },
			verdict: VerdictReview,
			want:    []string{"review dprk-transshipment-route", "review controlled-goods-to-shell", "review evasion-flag-controlled-goods"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := testEngine(t, newFakeScreener(tt.screen))
			s := exampleShipment(t, "maybach-2018.json")
			if tt.edit != nil {
				tt.edit(s)
			}
			d := mustCheck(t, e, s)
			if d.Verdict != tt.verdict {
				t.Errorf("verdict = %s, want %s", d.Verdict, tt.verdict)
			}
			if diff := cmp.Diff(tt.want, ruleIDs(d)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDocumentedCasesClassifier runs the documented cases with the
// classifier as the goods assessor: the verdicts must be those of the
// public record.
func TestDocumentedCasesClassifier(t *testing.T) {
	e := classifierEngine(t, newFakeScreener(nil))
	for _, tt := range []documentedCase{
		{"maybach-2018.json", VerdictReview, []string{"review dprk-transshipment-route", "review controlled-goods-to-shell", "review evasion-flag-controlled-goods"}},
		{"horses-2019-ru.json", VerdictReview, []string{"review dprk-destination"}},
		{"horses-2019-eu.json", VerdictBlock, []string{"block dprk-controlled-goods-to-kp"}},
		{"laptops-2012-jp.json", VerdictBlock, []string{"block dprk-controlled-goods-to-kp", "block dprk-embargo"}},
		{"timber-transporters-2011.json", VerdictReview, []string{"review catch-all-high-risk-route"}},
		{"rice-humanitarian.json", VerdictClear, nil},
	} {
		t.Run(tt.file, func(t *testing.T) { checkCase(t, e, tt) })
	}
}
