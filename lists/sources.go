package lists

import "time"

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
	Entries      int       `json:"entries"`
	// Published and Derived count entries by the basis of their codes.
	Published int `json:"published"`
	Derived   int `json:"derived"`
	// PrimaryText, SecondarySource and Recalled count entries by how
	// their transcription was checked.
	PrimaryText     int    `json:"primary_text"`
	SecondarySource int    `json:"secondary_source"`
	Recalled        int    `json:"recalled"`
	Notes           string `json:"notes,omitempty"`
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
			Entries: len(l.Entries), Notes: l.Notes,
		}
		if s.URL == "" {
			s.URL = l.Instrument.URL
		}
		for _, e := range l.Entries {
			switch e.Basis {
			case Published:
				s.Published++
			case Derived:
				s.Derived++
			}
			switch e.Confidence {
			case PrimaryText:
				s.PrimaryText++
			case SecondarySource:
				s.SecondarySource++
			case Recalled:
				s.Recalled++
			}
		}
		out = append(out, s)
	}
	return out
}
