package lists

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSources(t *testing.T) {
	pub := mkEntry("p", "01012100")
	pub.Basis, pub.Confidence = Published, SecondarySource
	rec := mkEntry("r", "7113")
	rec.Confidence = Recalled
	l := mkList("eu-x", "EU", pub, rec, mkEntry("d", "5805"))
	l.Instrument = Instrument{Name: "Regulation X", Reference: "Reg X", URL: "https://example.org/x"}
	l.AsOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	l.Confidence = SecondarySource
	un := mkList("un-x", "UN", mkEntry("u", "7113"))
	un.SourceURL = "https://example.org/read-here"
	tar := mkEntry("t", "5702")
	tar.Basis = Tariff
	l.Entries = append(l.Entries, tar)
	want := []Source{
		{List: "un-x", Jurisdiction: "UN", Kind: Luxury, URL: "https://example.org/read-here", Confidence: "primary-text", InForce: un.InForce, Entries: 1,
			Counts: Counts{Derived: 1, PrimaryText: 1}},
		{List: "eu-x", Jurisdiction: "EU", Kind: Luxury, Instrument: "Regulation X", Reference: "Reg X", URL: "https://example.org/x", AsOf: l.AsOf,
			Confidence: "secondary-source", InForce: l.InForce, Entries: 4, Counts: Counts{Published: 1, Tariff: 1, Derived: 2, PrimaryText: 2, SecondarySource: 1, Recalled: 1}},
	}
	if diff := cmp.Diff(want, Sources([]*List{l, un})); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
}
