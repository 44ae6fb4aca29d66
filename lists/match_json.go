package lists

import (
	"cmp"
	"encoding/json"
	"time"
)

// matchJSON is the stable wire form of a Match, flat so that JSONL output
// can be read by spreadsheets and jq alike.
type matchJSON struct {
	List         string     `json:"list"`
	Jurisdiction string     `json:"jurisdiction"`
	Kind         Kind       `json:"kind"`
	Measure      Measure    `json:"measure"`
	Direction    Direction  `json:"direction"`
	Instrument   string     `json:"instrument"`
	Entry        string     `json:"entry"`
	Category     string     `json:"category"`
	Code         string     `json:"code"`
	Ex           bool       `json:"ex"`
	Edition      string     `json:"edition"`
	Coverage     Coverage   `json:"coverage"`
	Basis        Basis      `json:"basis"`
	Confidence   Confidence `json:"confidence"`
	Citation     string     `json:"citation"`
	Rationale    string     `json:"rationale,omitempty"`
	Threshold    *Threshold `json:"threshold,omitempty"`
	AllGoods     bool       `json:"all_goods,omitempty"`
	Except       []Pattern  `json:"except,omitempty"`
	Exemptions   []string   `json:"exemptions,omitempty"`
	DerivedFrom  string     `json:"derived_from,omitempty"`
	InForceFrom  string     `json:"in_force_from"`
	InForceUntil string     `json:"in_force_until,omitempty"`
}

// MarshalJSON encodes the match in the flat form the CLI and the HTTP
// service print: one object with the list, entry, matching code, coverage,
// citation and threshold.
func (m Match) MarshalJSON() ([]byte, error) {
	j := matchJSON{
		List:         m.List.ID,
		Jurisdiction: m.List.Jurisdiction,
		Kind:         m.List.Kind,
		Measure:      cmp.Or(m.List.Measure, Prohibition),
		Direction:    m.List.Direction,
		Instrument:   m.List.Instrument.Reference,
		Entry:        m.Entry.ID,
		Category:     m.Entry.Category,
		Code:         m.Pattern.Code.Digits(),
		Ex:           m.Pattern.Ex,
		Edition:      m.Pattern.Edition.String(),
		Coverage:     m.Coverage,
		Basis:        m.Entry.Basis,
		Confidence:   m.Entry.Confidence,
		Citation:     m.Entry.Citation,
		Rationale:    m.Pattern.Rationale,
		Threshold:    m.Entry.Threshold,
		AllGoods:     m.Entry.AllGoods,
		Except:       m.Entry.Except,
		Exemptions:   m.Entry.Exemptions,
		DerivedFrom:  m.Entry.DerivedFrom,
		InForceFrom:  formatDate(m.Entry.InForce.From),
	}
	if m.Entry.InForce.Until != nil {
		j.InForceUntil = formatDate(*m.Entry.InForce.Until)
	}
	return json.Marshal(j)
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}
