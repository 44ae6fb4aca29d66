package classify

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// TestDefaultIndexPlacement checks how the index of the embedded HS 2022,
// which a classifier has without options, places goods the lexicon does
// not answer for.
func TestDefaultIndexPlacement(t *testing.T) {
	c := newClassifier(t)
	type got struct {
		HS6         string
		Top         string // heading of the first candidate
		NeedsReview bool
		Reason      string // the first reason, cut at its colon
	}
	tests := []struct {
		desc string
		want got
	}{
		// One heading stands out and so does its subheading: placed, no
		// review, whatever the lexicon knows.
		{"centrifugal water pumps", got{"841370", "8413", false, ""}},
		{"copper cathodes", got{"740311", "7403", false, ""}},
		{"wooden kitchen chopping board", got{"441911", "4419", false, ""}},
		// "Other than for bedroom use" is no bedroom furniture.
		{"wooden bedroom wardrobe", got{"940350", "9403", false, ""}},
		// A general concept names the heading of tyres; no subheading of
		// 4011 stands out, and no luxury list names the heading, so the
		// line is not reviewed.
		{"tractor tyres 420/85R34", got{"", "4011", false, ""}},
		// Several headings of one chapter: the chapter is settled, and
		// each heading is judged.
		{"steel bars", got{"", "7228", false, ""}},
		// A general concept names its heading: 7208 is the hot-rolled
		// flat product of non-alloy steel at least 600 mm wide.
		{"hot rolled steel coil 600mm", got{"", "7208", false, ""}},
		// Too many headings alike of several chapters place nothing.
		{"oil", got{"", "2710", true, "nothing placed the goods"}},
		// Words the nomenclature does not use place nothing.
		{"zxqv blorp gizmo", got{"", "", true, "nothing placed the goods"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			r := mustClassify(t, c, Item{Description: tt.desc})
			g := got{HS6: r.HS6, NeedsReview: r.NeedsReview}
			if len(r.Candidates) > 0 {
				g.Top = r.Candidates[0].Code[:4]
			}
			if len(r.Reasons) > 0 {
				g.Reason, _, _ = strings.Cut(r.Reasons[0], ":")
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s\ncandidates %+v", diff, r.Candidates)
			}
		})
	}
}

// TestIndexEvidence checks that an index answer says where it came from
// and how sure it is, and that the candidates span several headings.
func TestIndexEvidence(t *testing.T) {
	r := mustClassify(t, newClassifier(t), Item{Description: "reciprocating positive displacement pumps"})
	if len(r.Candidates) < 3 {
		t.Fatalf("candidates %+v, want at least 3", r.Candidates)
	}
	ev := strings.Join(r.Candidates[0].Evidence, "; ")
	if !strings.Contains(ev, "nomenclature index: heading 8413, subheading 8413.50 (confidence ") {
		t.Errorf("evidence %q, want the index's heading, subheading and confidence", ev)
	}
	headings := map[string]bool{}
	for _, cd := range r.Candidates {
		headings[cd.Code[:4]] = true
	}
	if len(headings) != len(r.Candidates) {
		t.Errorf("candidates %+v, want one per heading", r.Candidates)
	}
	for i := 1; i < len(r.Candidates); i++ {
		if r.Candidates[i].Score > r.Candidates[i-1].Score {
			t.Errorf("candidates not by descending score: %+v", r.Candidates)
		}
	}
}

// TestGeneralConceptSubheading checks that a lexicon concept naming only a
// heading leaves the subheading to the index, searched within that
// heading, and is not reviewed when it cannot be split.
func TestGeneralConceptSubheading(t *testing.T) {
	c := newClassifier(t)
	tests := []struct {
		desc, hs6, top, evidence string
	}{
		// g-live-pigs names heading 0103.
		{"pure-bred breeding pigs", "010310", "0103", "nomenclature index: heading 0103, subheading 0103.10 (confidence 1.00)"},
		// Nothing in 0103's texts splits it.
		{"live piglets", "", "0103", "nomenclature index: no subheading of 0103 stands out"},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		if r.HS6 != tt.hs6 || len(r.Candidates) == 0 || !strings.HasPrefix(r.Candidates[0].Code, tt.top) || r.NeedsReview {
			t.Errorf("%q: HS6 %q review %v %v candidates %+v; want HS6 %q under %s, no review", tt.desc, r.HS6, r.NeedsReview, r.Reasons, r.Candidates, tt.hs6, tt.top)
			continue
		}
		if ev := r.Candidates[0].Evidence; !slices.Contains(ev, tt.evidence) {
			t.Errorf("%q: evidence %q, want %q", tt.desc, ev, tt.evidence)
		}
	}
}

// TestDeclaredAgainstIndex checks that a declared code is used and checked
// against a confident index placement, with both codes in the finding.
func TestDeclaredAgainstIndex(t *testing.T) {
	c := newClassifier(t)
	tests := []struct {
		desc, code string
		want       *lists.Mismatch
	}{
		{"centrifugal water pumps", "8413.70", nil},
		{"centrifugal water pumps", "8413.81", nil}, // same heading: the declarant knows the subheading
		{"centrifugal water pumps", "2009.12", &lists.Mismatch{Kind: MismatchControlled, Declared: "200912", Described: "841370"}},
		{"wooden kitchen chopping board", "0902.10", &lists.Mismatch{Kind: MismatchControlled, Declared: "090210", Described: "441911"}},
		// Not confident (several headings alike): no finding.
		{"tractor tyres 420/85R34", "4011.90", nil},
		// A word the nomenclature does not know may decide the heading.
		{"galvanised steel sheet", "7210.49", nil},
		// Nothing placed: the declared code is used, without review.
		{"zxqv blorp gizmo", "8429.52", nil},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc, DeclaredCode: tt.code})
		var got *lists.Mismatch
		if r.Mismatch != nil {
			got = &lists.Mismatch{Kind: r.Mismatch.Kind, Declared: r.Mismatch.Declared, Described: r.Mismatch.Described}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q declared %s: mismatch (-want +got):\n%s", tt.desc, tt.code, diff)
		}
		if got == nil && r.HS6 != hs.MustParse(tt.code).HS6() {
			t.Errorf("%q declared %s: HS6 %q, want the declared code", tt.desc, tt.code, r.HS6)
		}
		if got == nil && r.NeedsReview {
			t.Errorf("%q declared %s: reviewed %v, want the declared code's controls to decide", tt.desc, tt.code, r.Reasons)
		}
		if got != nil && !r.NeedsReview {
			t.Errorf("%q declared %s: a mismatch must be reviewed", tt.desc, tt.code)
		}
	}
}

// TestEmbeddedValidation checks that declared HS 2022 codes are validated
// against the embedded nomenclature without options.
func TestEmbeddedValidation(t *testing.T) {
	c := newClassifier(t)
	for _, tt := range []struct{ code, exists string }{{"8413.70", "yes"}, {"8413.99", "no"}} {
		r := mustClassify(t, c, Item{DeclaredCode: tt.code, Date: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
		if r.Declared == nil || r.Declared.Exists != tt.exists {
			t.Errorf("%s: declared check %+v, want exists %q", tt.code, r.Declared, tt.exists)
		}
	}
}

func TestPositive(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Furniture; wooden, other than for office, kitchen or bedroom use", "Furniture; wooden, "},
		{"Coffee; not roasted, not decaffeinated", "Coffee; "},
		{"Pumps; for liquids, whether or not fitted with a measuring device", "Pumps; for liquids, whether or not fitted with a measuring device"},
		{"Horses; live, other than pure-bred breeding animals", "Horses; live, "},
		{"Footwear; excluding sports footwear; with uppers of leather", "Footwear; ; with uppers of leather"},
		{"Knotted carpets", "Knotted carpets"},
	}
	for _, tt := range tests {
		if got := positive(tt.in); got != tt.want {
			t.Errorf("positive(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
