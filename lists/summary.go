package lists

import "cmp"

// Summary is one list in brief: what "luxscreen lists --format json" and
// GET /v1/lists print for each list. Dates are YYYY-MM-DD.
type Summary struct {
	ID           string `json:"id"`
	Jurisdiction string `json:"jurisdiction"`
	Title        string `json:"title"`
	Instrument   string `json:"instrument"`
	Kind         string `json:"kind"`
	Direction    string `json:"direction"`
	Entries      int    `json:"entries"`
	InForceFrom  string `json:"in_force_from"`
	InForceUntil string `json:"in_force_until,omitempty"`
	AsOf         string `json:"as_of"`
	Confidence   string `json:"confidence"`
	Measure      string `json:"measure"`
	// Counts are the entries by basis and by confidence, so that a reader
	// of the list of lists sees how much of each is law and how much
	// reconstruction.
	Counts
}

// Summary returns the list in brief.
func (l *List) Summary() Summary {
	s := Summary{
		ID:           l.ID,
		Jurisdiction: l.Jurisdiction,
		Title:        l.Title,
		Instrument:   l.Instrument.Reference,
		Kind:         string(l.Kind),
		Direction:    string(l.Direction),
		Entries:      len(l.Entries),
		InForceFrom:  l.InForce.From.Format(dateLayout),
		AsOf:         l.AsOf.Format(dateLayout),
		Confidence:   string(l.Confidence),
		Measure:      string(cmp.Or(l.Measure, Prohibition)),
		Counts:       l.Counts(),
	}
	if l.InForce.Until != nil {
		s.InForceUntil = l.InForce.Until.Format(dateLayout)
	}
	return s
}

// InForceText is the period in force as "from –" or "from – until".
func (s Summary) InForceText() string {
	if s.InForceUntil == "" {
		return s.InForceFrom + " –"
	}
	return s.InForceFrom + " – " + s.InForceUntil
}
