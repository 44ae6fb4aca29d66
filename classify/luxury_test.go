package classify

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
)

// checkLuxuryInvariant reports how r breaks the invariant of [Luxury]:
// "yes" exactly when a luxury control applies; otherwise "unknown" exactly
// when the line needs review; otherwise "no".
func checkLuxuryInvariant(r Result) error {
	applies := false
	for _, c := range r.Controls {
		applies = applies || c.Kind == lists.Luxury && c.Applies == lists.Applies
	}
	want := LuxuryNo
	switch {
	case applies:
		want = LuxuryYes
	case r.NeedsReview:
		want = LuxuryUnknown
	}
	if r.Luxury != want {
		return fmt.Errorf("luxury %q, want %q (a luxury control applies: %v, needs review: %v, reasons %q)", r.Luxury, want, applies, r.NeedsReview, r.Reasons)
	}
	if r.Luxury == LuxuryNo && r.NeedsReview {
		return fmt.Errorf("luxury %q with needs review", r.Luxury)
	}
	return nil
}

func TestLuxuryStates(t *testing.T) {
	c := newClassifier(t, WithJurisdictions("UN"))
	tests := []struct {
		name string
		it   Item
		want Luxury
	}{
		// Nothing to judge: an abstention is never "no".
		{"empty", Item{}, LuxuryUnknown},
		{"blank", Item{Description: "   "}, LuxuryUnknown},
		// A rug code with no value: the UN threshold cannot be compared.
		{"code only", Item{DeclaredCode: "5701.10"}, LuxuryUnknown},
		// An 18-carat gold wristwatch is controlled whatever its value.
		{"gold watch", Item{Description: "18k gold automatic wristwatch"}, LuxuryYes},
		// A cheap rug is below the UN threshold; a dear one above it.
		{"cheap rug", Item{Description: "hand-knotted wool rug", Value: 300, Currency: "USD", Quantity: 1, Unit: "pcs"}, LuxuryNo},
		{"dear rug", Item{Description: "hand-knotted wool rug", Value: 3000, Currency: "USD", Quantity: 1, Unit: "pcs"}, LuxuryYes},
		{"rug without value", Item{Description: "hand-knotted wool rug"}, LuxuryUnknown},
	}
	got, want := map[string]Luxury{}, map[string]Luxury{}
	for _, tt := range tests {
		r := mustClassify(t, c, tt.it)
		if err := checkLuxuryInvariant(r); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
		got[tt.name], want[tt.name] = r.Luxury, tt.want
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("luxury states (-want +got):\n%s", diff)
	}
}

// TestLuxuryInvariant checks the invariant of [Luxury] over every
// description of the evaluation sets, alone, with a value and with a
// declared code, so that no path through the classifier sets the state on
// its own.
func TestLuxuryInvariant(t *testing.T) {
	c := newClassifier(t)
	var descs []string
	for _, path := range []string{"testdata/inscope.jsonl", "testdata/heldout.jsonl", "testdata/ordinary.jsonl", "testdata/ordinary-2.jsonl"} {
		sc := bufio.NewScanner(bytes.NewReader(testenv.ReadFile(t, path)))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var l struct {
				Description string `json:"description"`
			}
			if json.Unmarshal(sc.Bytes(), &l) == nil && l.Description != "" {
				descs = append(descs, l.Description)
			}
		}
	}
	if len(descs) < 300 {
		t.Fatalf("%d descriptions, want at least 300", len(descs))
	}
	counts := map[Luxury]int{}
	for i, d := range descs {
		for _, it := range []Item{
			{Description: d},
			{Description: d, Value: float64(50 + 997*(i%40)), Currency: "USD", Quantity: 1, Unit: "pcs"},
			{Description: d, DeclaredCode: []string{"9101", "7113.19", "8703.24", "6109.10", "1006.30", "99"}[i%6]},
		} {
			r := mustClassify(t, c, it)
			counts[r.Luxury]++
			if err := checkLuxuryInvariant(r); err != nil {
				t.Errorf("%+v: %v", it, err)
			}
		}
	}
	// All three states occur, or the sets test too little.
	for _, s := range []Luxury{LuxuryYes, LuxuryNo, LuxuryUnknown} {
		if counts[s] == 0 {
			t.Errorf("no result is %q over %d items", s, 3*len(descs))
		}
	}
}

func TestLuxuryJSON(t *testing.T) {
	c := newClassifier(t, WithJurisdictions("UN"))
	b, err := json.Marshal(mustClassify(t, c, Item{}))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Luxury      any  `json:"luxury"`
		NeedsReview bool `json:"needs_review"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Luxury != "unknown" || !got.NeedsReview {
		t.Errorf("an abstention in JSON: luxury %#v needs_review %v, want \"unknown\" true", got.Luxury, got.NeedsReview)
	}
}

// TestAssessGoodsKeepsUnknown checks that a line whose luxury is unknown
// reaches the rules as unknown: its assessment either needs review, keeps
// the classifier's doubt in Unsettled, or has a luxury control that
// cannot be ruled out. A doubt dropped there would let a shipment clear.
func TestAssessGoodsKeepsUnknown(t *testing.T) {
	c := newClassifier(t)
	var descs []string
	for _, path := range []string{"testdata/inscope.jsonl", "testdata/ordinary.jsonl", "testdata/ordinary-2.jsonl"} {
		sc := bufio.NewScanner(bytes.NewReader(testenv.ReadFile(t, path)))
		for sc.Scan() {
			var l struct {
				Description string `json:"description"`
				Gold        string `json:"gold_hs6"`
			}
			if json.Unmarshal(sc.Bytes(), &l) == nil {
				descs = append(descs, l.Description, l.Gold)
			}
		}
	}
	unknown := 0
	for i := 0; i+1 < len(descs); i += 2 {
		for _, code := range []string{"", descs[i+1]} {
			r := mustClassify(t, c, Item{Description: descs[i], DeclaredCode: code})
			if r.Luxury != LuxuryUnknown {
				continue
			}
			unknown++
			a, err := c.AssessGoods(context.Background(), lists.Goods{Description: descs[i], Code: code}, nil)
			if err != nil {
				t.Fatal(err)
			}
			open := false
			for _, j := range a.Controls {
				open = open || j.List.Kind == lists.Luxury && j.Applies == lists.CannotTell
			}
			if len(a.NeedsReview) == 0 && len(a.Unsettled) == 0 && !open {
				t.Errorf("%q code %q: luxury unknown (%q) but the assessment is settled", descs[i], code, r.Reasons)
			}
		}
	}
	if unknown == 0 {
		t.Error("no line is unknown: the test tests nothing")
	}
}
