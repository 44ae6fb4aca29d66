package classify

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/lists"
)

// TestDoubtsSettledByLuxury checks that a doubt about which code the goods
// fall in (a missing deciding attribute, a rival heading) needs review
// only when the codes it leaves open differ in luxury: every one is
// judged, and when none is controlled as luxury the doubt is a note and
// the answer is "no".
func TestDoubtsSettledByLuxury(t *testing.T) {
	type got struct {
		Luxury      Luxury
		NeedsReview bool
		Doubt       string // where the doubt went: "note" or "reason"
	}
	tests := []struct {
		desc, jurisdiction, doubt string
		want                      got
	}{
		// Japan lists no footwear: whichever subheading of 6403, no.
		{"leather shoes", "JP", "deciding attribute missing for footwear", got{LuxuryNo, false, "note"}},
		// The UK's high-quality garments entry covers footwear "ex 64":
		// open, so the doubt is a reason to review.
		{"leather shoes", "GB", "deciding attribute missing for footwear", got{LuxuryUnknown, true, "reason"}},
		// Japan's list covers all of 8711: the heading decides, whatever
		// the subheading, and the doubt stays with the yes.
		{"Honda CB500F motorcycle", "JP", "deciding attribute missing for motorcycles", got{LuxuryYes, true, "reason"}},
		// Two concepts of other headings, neither a UN luxury good.
		{"Frozen mixed vegetables (carrots, peas, corn) 10x1kg", "UN", "ambiguous: ", got{LuxuryNo, false, "note"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc+"/"+tt.jurisdiction, func(t *testing.T) {
			c := newClassifier(t, WithJurisdictions(tt.jurisdiction))
			r := mustClassify(t, c, Item{Description: tt.desc})
			g := got{Luxury: r.Luxury, NeedsReview: r.NeedsReview}
			for _, n := range r.Notes {
				if strings.HasPrefix(n, tt.doubt) {
					g.Doubt = "note"
				}
			}
			for _, n := range r.Reasons {
				if strings.HasPrefix(n, tt.doubt) {
					g.Doubt = "reason"
				}
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s\nreasons %q\nnotes %q", diff, r.Reasons, r.Notes)
			}
		})
	}
}

// TestSettledHeading checks that the lexicon's one heading is judged as
// settled: an entry covering all of it applies without a subheading,
// while the headings of rival concepts stay tentative and can only be
// open.
func TestSettledHeading(t *testing.T) {
	c := newClassifier(t, WithJurisdictions("JP"))
	r := mustClassify(t, c, Item{Description: "Honda CB500F motorcycle"})
	if r.HS6 != "" {
		t.Fatalf("HS6 %q, want a heading-level answer", r.HS6)
	}
	var applies []string
	for _, ctl := range r.Controls {
		if ctl.Kind == lists.Luxury && ctl.Applies == lists.Applies {
			applies = append(applies, ctl.Entry)
		}
	}
	if diff := cmp.Diff([]string{"jp-2-2-19"}, applies); diff != "" {
		t.Errorf("luxury controls that apply (-want +got):\n%s", diff)
	}
}

// TestNoiseYieldsToTerms checks that a phrase of the noise list that a
// concept names as a term is read as the term: "centrifugal pump" is a
// pump of 8413, not noise that leaves the index to guess.
func TestNoiseYieldsToTerms(t *testing.T) {
	c := newClassifier(t)
	for _, desc := range []string{"Centrifugal pump 2 inch, 1.5kW, cast iron body", "submersible pump 1HP", "toilet paper 48 rolls"} {
		r := mustClassify(t, c, Item{Description: desc})
		if len(r.Candidates) == 0 || !strings.HasPrefix(strings.Join(r.Candidates[0].Evidence, "; "), "term ") {
			t.Errorf("%q: first candidate %+v, want one from a lexicon term", desc, r.Candidates)
		}
	}
	// Noise that no concept names still says nothing.
	r := mustClassify(t, c, Item{Description: "sapphire crystal"})
	for _, cd := range lexiconCandidates(r) {
		if strings.HasPrefix(cd.Code, "7103") {
			t.Errorf("sapphire crystal placed as a gem: %+v", r.Candidates)
		}
	}
}

// TestWeakAnswerIndexAgrees checks that a weak lexicon answer stands when
// the nomenclature text names its heading first, and is reviewed when
// nothing agrees (a brand alone).
func TestWeakAnswerIndexAgrees(t *testing.T) {
	c := newClassifier(t)
	tests := []struct {
		desc    string
		heading string
		review  bool
	}{
		{"diesel engine 75kW", "8408", false},
		{"crane", "8426", false},
		{"Rolex", "9101", true},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		if len(r.Candidates) == 0 || r.Candidates[0].Code[:4] != tt.heading {
			t.Errorf("%q: candidates %+v, want heading %s first", tt.desc, r.Candidates, tt.heading)
			continue
		}
		weak := false
		for _, x := range r.Reasons {
			weak = weak || strings.HasPrefix(x, "weak evidence")
		}
		if weak != tt.review {
			t.Errorf("%q: reviewed for weak evidence %v, want %v (reasons %q)", tt.desc, weak, tt.review, r.Reasons)
		}
	}
}

// TestQualifiedCategoryKeywords checks that a category the instrument
// qualifies ("high-quality garments, clothing accessories and shoes") is
// not named by a bare product word: "walking shoes" leave Switzerland's
// entry open, "designer shoes" name it.
func TestQualifiedCategoryKeywords(t *testing.T) {
	c := newClassifier(t, WithJurisdictions("CH"))
	tests := []struct {
		desc string
		want lists.Applicability
	}{
		{"women's walking shoes, textile upper", lists.CannotTell},
		{"designer shoes, calf leather", lists.Applies},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		got := lists.Applicability("")
		for _, ctl := range r.Controls {
			if ctl.Entry == "ch-lux-8-garments" {
				got = ctl.Applies
			}
		}
		if got != tt.want {
			t.Errorf("%q: ch-lux-8-garments %q, want %q (controls %+v)", tt.desc, got, tt.want, r.Controls)
		}
	}
}

// TestDoubtWithoutCodesIsReviewed checks that a doubt settles nothing when
// no code was judged: parts of goods the lexicon has no parts heading for
// are reviewed, never "no".
func TestDoubtWithoutCodesIsReviewed(t *testing.T) {
	c := newClassifier(t)
	for _, desc := range []string{"dress parts", "handbag parts", "parts of carpets"} {
		r := mustClassify(t, c, Item{Description: desc})
		if r.Luxury != LuxuryUnknown || !r.NeedsReview || len(r.Notes) > 0 {
			t.Errorf("%q: luxury %s, needs review %v, notes %q; want unknown, reviewed, no notes (reasons %q)", desc, r.Luxury, r.NeedsReview, r.Notes, r.Reasons)
		}
	}
}

// TestPartyIsNoPart checks that "party" is not read as "part": a cocktail
// party dress is a dress, not parts of one.
func TestPartyIsNoPart(t *testing.T) {
	r := mustClassify(t, newClassifier(t), Item{Description: "Women's Cocktail Party Dress Satin Polyester Sleeveless Midi"})
	if len(r.Candidates) == 0 || r.Candidates[0].Code[:2] != "62" {
		t.Errorf("candidates %+v, want a dress of chapter 62 first (reasons %q)", r.Candidates, r.Reasons)
	}
	for _, x := range append(r.Reasons, r.Notes...) {
		if strings.HasPrefix(x, "parts of") {
			t.Errorf("read as parts: %q", x)
		}
	}
}

// TestEntryUnderEveryAlternative checks that when the goods are in one of
// a concept's headings, an entry that applies under each applies, and one
// that covers only some of them stays open.
func TestEntryUnderEveryAlternative(t *testing.T) {
	tests := []struct {
		desc, jurisdiction string
		want               Luxury
		entry              string
		applies            lists.Applicability
	}{
		// Japan's list covers 9101 and 9102 alike.
		{"高級腕時計", "JP", LuxuryYes, "jp-2-2-22", lists.Applies},
		// The UN's covers 9101 (cases of precious metal) only.
		{"高級腕時計", "UN", LuxuryUnknown, "un-2270-v-a-luxury-watches", lists.CannotTell},
		// A brand alone does not say which goods of the brand.
		{"Rolex", "JP", LuxuryUnknown, "jp-2-2-22", lists.CannotTell},
	}
	for _, tt := range tests {
		t.Run(tt.desc+"/"+tt.jurisdiction, func(t *testing.T) {
			r := mustClassify(t, newClassifier(t, WithJurisdictions(tt.jurisdiction)), Item{Description: tt.desc})
			var got lists.Applicability
			for _, ctl := range r.Controls {
				if ctl.Entry == tt.entry {
					got = ctl.Applies
				}
			}
			if r.Luxury != tt.want || got != tt.applies {
				t.Errorf("luxury %s, %s %q; want %s, %q (controls %+v)", r.Luxury, tt.entry, got, tt.want, tt.applies, r.Controls)
			}
		})
	}
}
