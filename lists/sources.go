package lists

import (
	"fmt"
	"time"
)

// Source is the provenance of one list: where it was read, when it was
// last checked and how its entries were established.
type Source struct {
	List         string    `json:"list"`
	Jurisdiction string    `json:"jurisdiction"`
	Kind         Kind      `json:"kind"`
	Instrument   string    `json:"instrument"`
	Reference    string    `json:"reference"`
	URL          string    `json:"url"`
	AsOf         time.Time `json:"as_of"`
	Confidence   string    `json:"confidence"`
	InForce      Period    `json:"in_force"`
	Entries      int       `json:"entries"`
	Counts
	Notes string `json:"notes,omitempty"`
}

// Counts are entries counted by the basis of their codes and by how their
// transcription was checked.
type Counts struct {
	Published int `json:"published"`
	Tariff    int `json:"tariff"`
	Derived   int `json:"derived"`

	PrimaryText     int `json:"primary_text"`
	SecondarySource int `json:"secondary_source"`
	Recalled        int `json:"recalled"`
}

// Counts counts the list's entries by basis and by confidence.
func (l *List) Counts() Counts {
	var c Counts
	for _, e := range l.Entries {
		c.add(e)
	}
	return c
}

func (c *Counts) add(e *Entry) {
	switch e.Basis {
	case Published:
		c.Published++
	case Tariff:
		c.Tariff++
	case Derived:
		c.Derived++
	}
	switch e.Confidence {
	case PrimaryText:
		c.PrimaryText++
	case SecondarySource:
		c.SecondarySource++
	case Recalled:
		c.Recalled++
	}
}

// Plus returns the sum of c and d.
func (c Counts) Plus(d Counts) Counts {
	return Counts{c.Published + d.Published, c.Tariff + d.Tariff, c.Derived + d.Derived,
		c.PrimaryText + d.PrimaryText, c.SecondarySource + d.SecondarySource, c.Recalled + d.Recalled}
}

// BasisText is the counts by basis in short form: "PUB 2 TAR 0 DER 9".
func (c Counts) BasisText() string {
	return fmt.Sprintf("PUB %d TAR %d DER %d", c.Published, c.Tariff, c.Derived)
}

// ConfidenceText is the counts by confidence in short form: "PRI 2 SEC 0
// REC 9".
func (c Counts) ConfidenceText() string {
	return fmt.Sprintf("PRI %d SEC %d REC %d", c.PrimaryText, c.SecondarySource, c.Recalled)
}

// Sources returns the provenance of each list, in [InForce] order. URL is
// the list's SourceURL where it has one (the text actually read) and the
// instrument's URL otherwise.
func Sources(ls []*List) []Source {
	var out []Source
	for _, l := range InForce(ls, time.Time{}) {
		s := Source{
			List: l.ID, Jurisdiction: l.Jurisdiction, Kind: l.Kind,
			Instrument: l.Instrument.Name, Reference: l.Instrument.Reference,
			URL: l.SourceURL, AsOf: l.AsOf, Confidence: string(l.Confidence),
			InForce: l.InForce, Entries: len(l.Entries), Counts: l.Counts(), Notes: l.Notes,
		}
		if s.URL == "" {
			s.URL = l.Instrument.URL
		}
		out = append(out, s)
	}
	return out
}
