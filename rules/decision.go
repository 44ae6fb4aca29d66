package rules

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/party"
)

// Severity is how serious a finding is.
type Severity string

// The severities, from most to least serious.
const (
	Block  Severity = "block"
	Review Severity = "review"
	Info   Severity = "info"
)

func (s Severity) rank() int {
	switch s {
	case Block:
		return 3
	case Review:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Verdict is the decision on a whole shipment.
type Verdict string

// The verdicts.
const (
	VerdictBlock  Verdict = "block"
	VerdictReview Verdict = "review"
	VerdictClear  Verdict = "clear"
)

// Decision is the engine's answer for one shipment.
type Decision struct {
	// ID is the shipment's ID.
	ID string `json:"id"`
	// Verdict is block if any finding blocks, else review if any finding
	// asks for review, else clear.
	Verdict  Verdict   `json:"verdict"`
	Findings []Finding `json:"findings"`
	Versions Versions  `json:"versions"`
	// DecisionID is the hex SHA-256 of the canonical shipment, the
	// versions and the date judged as of: equal inputs give equal IDs.
	DecisionID string `json:"decision_id"`
	// AsOf is the date the shipment was judged as of (YYYY-MM-DD).
	AsOf string `json:"as_of"`

	audit *auditDetail
}

// Finding is one rule that held, with its evidence and citations.
type Finding struct {
	Rule     string     `json:"rule"`
	Severity Severity   `json:"severity"`
	Message  string     `json:"message"`
	Evidence []Evidence `json:"evidence"`
	Citation []Citation `json:"citation"`
}

// Evidence is one fact a finding rests on: a line, a party, the vessel or
// a port, with what about it made the rule hold.
type Evidence struct {
	// Line is the 1-based line number, for evidence about a line.
	Line int `json:"line,omitempty"`
	// Party is "role: name", for evidence about a party.
	Party string `json:"party,omitempty"`
	// Vessel is the vessel's name, for evidence about the vessel.
	Vessel string `json:"vessel,omitempty"`
	// Port is the port's LOCODE and name, for evidence about the route.
	Port string `json:"port,omitempty"`
	// Field names a shipment field, for evidence about a missing fact.
	Field  string `json:"field,omitempty"`
	Detail string `json:"detail"`
	// Uncertain marks evidence that may not hold; it caps the finding at
	// review.
	Uncertain bool `json:"uncertain,omitempty"`
}

// Citation is a source a finding rests on: a list entry, a sanctions-list
// reference or the rule's own source.
type Citation struct {
	// Kind is "list" (a control-list entry), "sanctions" (a designated
	// entity), "rule" (the rule's source) or "indicator" (a shell mark).
	Kind string `json:"kind"`
	// Ref is the entry ID, sanctions reference, rule ID or indicator ID.
	Ref  string `json:"ref"`
	Text string `json:"text"`
	URL  string `json:"url,omitempty"`
	// Basis and Confidence are those of a list entry: whether its codes
	// are published, read from a tariff or derived, and whether it was
	// transcribed from the primary text, a secondary source or recalled.
	Basis      lists.Basis      `json:"basis,omitempty"`
	Confidence lists.Confidence `json:"confidence,omitempty"`
}

// Versions are the data a decision was made with.
type Versions struct {
	// Rules is the rule set's version: the default version and the
	// SHA-256 of each file merged over it.
	Rules string `json:"rules"`
	// Goods is the catalogue (and classifier) version of the assessor.
	Goods string `json:"goods"`
	// Sanctions are the sanctions lists screened against.
	Sanctions []party.ListVersion `json:"sanctions"`
}

func verdictOf(fs []Finding) Verdict {
	v := VerdictClear
	for _, f := range fs {
		switch f.Severity {
		case Block:
			return VerdictBlock
		case Review:
			v = VerdictReview
		}
	}
	return v
}

func compareFindings(a, b Finding) int {
	return cmp.Compare(b.Severity.rank(), a.Severity.rank())
}

// decisionID hashes what determines a decision.
func decisionID(canonical []byte, v Versions, asOf string) string {
	h := sha256.New()
	h.Write(canonical)
	h.Write([]byte{0})
	vb, _ := json.Marshal(v) // Versions holds only strings and ints
	h.Write(vb)
	h.Write([]byte{0})
	h.Write([]byte(asOf))
	return hex.EncodeToString(h.Sum(nil))
}
