package classify

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCrustaceanSubheadings checks that shrimps, prawns and langoustines
// are placed in their own subheadings, so that a list controlling
// lobsters (Canada's, since SOR/2020-119) is ruled out for them rather
// than left open at heading 0306.
func TestCrustaceanSubheadings(t *testing.T) {
	c := newClassifier(t)
	tests := []struct {
		desc   string
		code   string
		luxury Luxury
	}{
		{"Frozen raw peeled deveined shrimp (Litopenaeus vannamei) 41/50, 10x1kg", "030617", LuxuryNo},
		{"Black tiger prawns HOSO frozen 16/20", "030617", LuxuryNo},
		{"冷冻南美白虾 带头 40/50 1200箱", "030617", LuxuryNo},
		{"frozen north sea shrimp (Crangon) 1kg", "030616", LuxuryNo},
		{"frozen langoustines 1 kg", "030615", LuxuryNo},
		{"live Maine lobsters 500g", "030632", LuxuryYes},
	}
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		got := struct {
			Code   string
			Luxury Luxury
		}{"", r.Luxury}
		if len(r.Candidates) > 0 {
			got.Code = r.Candidates[0].Code
		}
		want := got
		want.Code, want.Luxury = tt.code, tt.luxury
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.desc, diff)
		}
	}
}
