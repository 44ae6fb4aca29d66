package rules

import (
	"encoding/json"
	"io"
	"time"

	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/party"
)

// auditDetail is what a decision was derived from, kept for its audit
// record.
type auditDetail struct {
	shipment []byte
	lines    []lineState
	parties  []*party.Result
	vessel   *party.Result
	rules    *RuleSet
}

// AuditRecord is the full account of one decision, for the record an
// exporter or forwarder must keep: the canonical shipment, the rules it
// was judged by, what the goods assessor and the screener said, and the
// decision.
type AuditRecord struct {
	DecisionID string          `json:"decision_id"`
	CheckedAt  time.Time       `json:"checked_at"`
	Shipment   json.RawMessage `json:"shipment"`
	Rules      AuditRules      `json:"rules"`
	Lines      []AuditLine     `json:"lines"`
	Parties    []*party.Result `json:"parties"`
	Vessel     *party.Result   `json:"vessel,omitempty"`
	Decision   *Decision       `json:"decision"`
}

// AuditRules are the rules a decision was judged by: the rule set's
// version and every change files merged over the defaults made to them,
// so that a disabled rule and the reason given for it travel with every
// decision it could have changed.
type AuditRules struct {
	Version string       `json:"version"`
	Changes []RuleChange `json:"changes"`
}

// AuditLine is the assessment of one line, or the error that stopped it.
type AuditLine struct {
	Assessment lists.Assessment `json:"assessment"`
	Error      string           `json:"error,omitempty"`
}

// AuditRecord returns the decision's audit record, stamped with the time
// of the check.
func (d *Decision) AuditRecord(checkedAt time.Time) AuditRecord {
	rec := AuditRecord{DecisionID: d.DecisionID, CheckedAt: checkedAt.UTC(), Decision: d, Lines: []AuditLine{}, Parties: []*party.Result{},
		Rules: AuditRules{Version: d.Versions.Rules, Changes: []RuleChange{}}}
	if a := d.audit; a != nil {
		rec.Shipment = a.shipment
		if a.rules != nil {
			rec.Rules.Changes = append(rec.Rules.Changes, a.rules.changes...)
		}
		for _, l := range a.lines {
			al := AuditLine{Assessment: l.a}
			if l.err != nil {
				al.Error = l.err.Error()
			}
			rec.Lines = append(rec.Lines, al)
		}
		rec.Parties = append(rec.Parties, a.parties...)
		rec.Vessel = a.vessel
	}
	return rec
}

// WriteAudit writes an audit record as one line of JSON.
func WriteAudit(w io.Writer, rec AuditRecord) error {
	return json.NewEncoder(w).Encode(rec)
}
