package rules

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/luxscreen/luxscreen/party"
)

// errTooLong stands for the screener's error for a name longer than any
// real party's (screen.ErrNameTooLong).
var errTooLong = errors.New("longer than any real party name")

// cappedScreener refuses names longer than a cap, as screen.Screener does.
type cappedScreener struct{ *fakeScreener }

func (c cappedScreener) Screen(ctx context.Context, q party.Entity) (party.Result, error) {
	for _, n := range q.Names {
		if k := utf8.RuneCountInString(n); k > 1000 {
			return party.Result{}, fmt.Errorf("name: %d characters, at most 1000 allowed: %w", k, errTooLong)
		}
	}
	return c.fakeScreener.Screen(ctx, q)
}

// TestOverlongPartyName checks that a party whose name the screener
// refuses as too long makes the shipment review, naming the party, rather
// than an error that would drop the shipment from a batch, and that the
// evidence does not repeat the whole name.
func TestOverlongPartyName(t *testing.T) {
	e := testEngine(t, cappedScreener{newFakeScreener(nil)})
	s := exampleShipment(t, "rice-humanitarian.json")
	s.Parties[1].Name = strings.Repeat("World Food Programme ", 300)
	d, err := e.Check(context.Background(), s)
	if err != nil {
		t.Fatalf("Check: %v; want a decision", err)
	}
	if d.Verdict != VerdictReview {
		t.Errorf("verdict %s, want review; findings %v", d.Verdict, ruleIDs(d))
	}
	var ev []Evidence
	for _, f := range d.Findings {
		if f.Rule == "possible-designated-party" {
			ev = f.Evidence
		}
	}
	if len(ev) != 1 {
		t.Fatalf("possible-designated-party evidence %v, want one item", ev)
	}
	if !strings.HasPrefix(ev[0].Party, "consignee: World Food Programme") || !strings.HasSuffix(ev[0].Party, "… (6299 characters)") {
		t.Errorf("evidence party %q: want the role, the start of the name and its length", ev[0].Party)
	}
	if !strings.Contains(ev[0].Detail, "6299 characters, at most 1000 allowed") {
		t.Errorf("evidence detail %q does not say why the party could not be screened", ev[0].Detail)
	}
}
