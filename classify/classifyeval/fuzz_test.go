package classifyeval

import (
	"strings"
	"testing"

	"github.com/luxscreen/luxscreen/classify"
)

// FuzzReadLabelled feeds arbitrary bytes to the set reader: it must not
// panic, and what it accepts must satisfy the rules of a labelled line.
func FuzzReadLabelled(f *testing.F) {
	f.Add(`{"id":"o1-0001","description":"FROZEN PANGASIUS FILLETS","gold_hs6":"030462","gold_heading":"0304","style":"bol"}`)
	f.Add(`{"id":"a","description":"vaccines","gold_hs6":"","gold_heading":"3002","style":"invoice","value":12.5,"currency":"EUR","quantity":3,"unit":"pcs"}`)
	f.Add("text,expected_hs_code\nrice,100630\nbeef,20130\n")
	f.Add(`{"id":"x","description":"y","gold_hs6":"1006","style":"fax"}`)
	f.Fuzz(func(t *testing.T, data string) {
		set, err := ReadLabelled(strings.NewReader(data))
		if err != nil {
			return
		}
		for _, l := range set {
			if l.Description == "" && l.DeclaredCode == "" {
				t.Fatalf("accepted a line with neither description nor code: %+v", l)
			}
			if l.GoldHS6 != "" && (len(l.GoldHS6) != 6 || l.GoldHeading != l.GoldHS6[:4]) {
				t.Fatalf("accepted gold %q under heading %q", l.GoldHS6, l.GoldHeading)
			}
			if l.GoldHeading != "" && len(l.GoldHeading) != 4 {
				t.Fatalf("accepted gold heading %q", l.GoldHeading)
			}
			switch l.Style {
			case "", StyleBOL, StyleInvoice, StyleEcom:
			default:
				t.Fatalf("accepted style %q", l.Style)
			}
		}
	})
}

// FuzzReadOutcomes feeds arbitrary bytes to the reader of saved batch
// output: it must not panic, and every outcome it accepts has one of the
// three luxury states.
func FuzzReadOutcomes(f *testing.F) {
	f.Add(`{"id":"a","hs6":"100630","candidates":[{"code":"100630"}],"luxury":false,"needs_review":false}`)
	f.Add(`{"id":"b","hs6":"","candidates":[],"luxury":"unknown","needs_review":true,"reasons":["nothing matched"]}`)
	f.Add(`{"id":"c","luxury":true}` + "\n" + `{"id":"d","luxury":"maybe"}`)
	f.Fuzz(func(t *testing.T, data string) {
		outs, err := ReadOutcomes(strings.NewReader(data))
		if err != nil {
			return
		}
		for _, o := range outs {
			switch o.Luxury {
			case classify.LuxuryYes, classify.LuxuryNo, classify.LuxuryUnknown:
			default:
				t.Fatalf("accepted luxury %q", o.Luxury)
			}
		}
	})
}
