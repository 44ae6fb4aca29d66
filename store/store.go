package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/luxscreen/luxscreen/party"
)

// DefaultRetention is how long records are kept when Options.Retention is
// zero: five years, as the US EAR (15 CFR 762.6) requires of export
// records.
const DefaultRetention = 5 * 365 * 24 * time.Hour

// ErrNotFound is returned for a record, case or release that does not
// exist.
var ErrNotFound = errors.New("store: not found")

// ErrCaseClosed is returned when a case already released or confirmed is
// released or confirmed again.
var ErrCaseClosed = errors.New("store: case is not open")

// Kinds of record.
const (
	// KindCheck is the decision on a shipment.
	KindCheck = "check"
	// KindScreen is the screening of one party or vessel.
	KindScreen = "screen"
	// KindRescreen is a screening run again after a list changed.
	KindRescreen = "rescreen"
)

// Record is one decision or screening with its audit record.
type Record struct {
	// ID is assigned by Save.
	ID int64 `json:"id"`
	// Kind is KindCheck, KindScreen or KindRescreen.
	Kind string `json:"kind"`
	// At is when the decision was made.
	At time.Time `json:"at"`
	// Subject is the shipment ID, or the name screened.
	Subject string `json:"subject"`
	// Verdict is the decision's verdict (block, review, clear) or the
	// screening's (match, review, clear).
	Verdict string `json:"verdict"`
	// DecisionID is the content hash of the decision: equal inputs judged
	// with equal data have equal IDs.
	DecisionID string `json:"decision_id,omitempty"`
	// RulesVersion is the rule set's version, for a check.
	RulesVersion string `json:"rules_version,omitempty"`
	// ListVersions are the sanctions lists screened against.
	ListVersions []party.ListVersion `json:"list_versions"`
	// Parties are the parties and vessel screened.
	Parties []Party `json:"parties"`
	// Audit is the full audit record (inputs, findings, versions), as
	// JSON.
	Audit json.RawMessage `json:"audit,omitempty"`
}

// Party is one party or vessel of a record, as screened.
type Party struct {
	// Key identifies the party across records: its kind and normalised
	// name (see the desk package).
	Key string `json:"key"`
	// Details are the party's other identifying facts (country, IMO
	// number), canonical: a release holds only while they are the same.
	Details string `json:"details,omitempty"`
	Name    string `json:"name"`
	Kind    string `json:"kind,omitempty"`
	Country string `json:"country,omitempty"`
	IMO     string `json:"imo,omitempty"`
	// Role is the party's role in the shipment (exporter, consignee…),
	// or "vessel".
	Role string `json:"role,omitempty"`
	// Verdict is the party's screening verdict.
	Verdict string `json:"verdict"`
	// Hits are the IDs of the listed entities hit ("UN:KPe.001").
	Hits []string `json:"hits,omitempty"`
}

// Filter selects records. Zero fields select everything.
type Filter struct {
	// From and To bound At: From ≤ At < To.
	From, To time.Time
	// Party selects records with a party of this key, or whose name
	// contains this text (case-insensitively).
	Party string
	// Verdict selects records of one verdict.
	Verdict string
	// Kind selects records of one kind.
	Kind string
	// Before selects records with a smaller ID, for paging newest first.
	Before int64
	// Limit caps the records returned; zero means no cap.
	Limit int
	// WithAudit loads each record's audit record too.
	WithAudit bool
}

// Status is the state of a case.
type Status string

// Case states.
const (
	StatusOpen      Status = "open"
	StatusReleased  Status = "released"
	StatusConfirmed Status = "confirmed"
)

// Reason is a reviewer's reason code.
type Reason string

// Reason codes.
const (
	FalsePositive Reason = "false-positive"
	TrueMatch     Reason = "true-match"
	LicenceHeld   Reason = "licence-held"
	Other         Reason = "other"
)

// Valid reports whether r is one of the reason codes.
func (r Reason) Valid() bool {
	switch r {
	case FalsePositive, TrueMatch, LicenceHeld, Other:
		return true
	}
	return false
}

// Actions of a case's history.
const (
	ActionOpened    = "opened"
	ActionReleased  = "released"
	ActionConfirmed = "confirmed"
	ActionReopened  = "reopened"
)

// Event is one step of a case's history.
type Event struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Reason Reason    `json:"reason,omitempty"`
	Note   string    `json:"note,omitempty"`
}

// Case is a decision or screening a person must settle.
type Case struct {
	ID int64 `json:"id"`
	// Record is the record the case was opened on.
	Record int64 `json:"record"`
	// Linked is the earlier record a re-screening case follows up, or 0.
	Linked int64  `json:"linked,omitempty"`
	Status Status `json:"status"`
	// Verdict is the verdict that opened the case.
	Verdict string `json:"verdict"`
	// Subject is the record's subject.
	Subject string `json:"subject"`
	// Party is the party at stake, when the case is about one party.
	Party *Party `json:"party,omitempty"`
	// Entities are the listed entities at stake.
	Entities []string `json:"entities,omitempty"`
	// Versions are the fingerprints of the listed entities' records when
	// the case was opened, in the order of Entities: a reviewer releases
	// a party against the records as they saw them.
	Versions []string `json:"versions,omitempty"`
	// Summary says in one line why the case was opened.
	Summary string    `json:"summary"`
	Opened  time.Time `json:"opened"`
	Updated time.Time `json:"updated"`
	// Events is the case's history, oldest first; Cases leaves it empty,
	// Case fills it.
	Events []Event `json:"events,omitempty"`
}

// CaseFilter selects cases. Zero fields select everything.
type CaseFilter struct {
	Status Status
	// Party selects cases of a party of this key.
	Party string
	// Record selects the cases opened on one record.
	Record int64
	// Before selects cases with a smaller ID, for paging newest first.
	Before int64
	Limit  int
}

// Release is a remembered false positive: party Party was released
// against listed entity Entity as it stood at EntityVersion.
type Release struct {
	ID int64 `json:"id"`
	// PartyKey and PartyDetails are those of the released party.
	PartyKey     string `json:"party_key"`
	PartyDetails string `json:"party_details,omitempty"`
	PartyName    string `json:"party_name"`
	// Entity is the listed entity's ID, and EntityVersion the fingerprint
	// of its record when released.
	Entity        string `json:"entity"`
	EntityVersion string `json:"entity_version"`
	// Case is the case the release settled.
	Case   int64     `json:"case"`
	Actor  string    `json:"actor"`
	Reason Reason    `json:"reason"`
	Note   string    `json:"note,omitempty"`
	At     time.Time `json:"at"`
	// Revoked is when the release stopped applying, because the listed
	// record or the party changed; zero while it applies.
	Revoked time.Time `json:"revoked,omitzero"`
	// RevokedWhy says why.
	RevokedWhy string `json:"revoked_why,omitempty"`
}

// Seen is the latest record of one party.
type Seen struct {
	Party  Party     `json:"party"`
	Record int64     `json:"record"`
	At     time.Time `json:"at"`
}

// Options tune a Store.
type Options struct {
	// Retention is how long records are kept; zero means
	// DefaultRetention.
	Retention time.Duration
	// PurgeBatch is how many records one purge transaction deletes; zero
	// means 1,000.
	PurgeBatch int
	// Now tells the time of records, cases, events and releases saved
	// without one; nil means time.Now. Tests set it for stable times.
	Now func() time.Time
}

// ParseBound parses a bound of Filter.From or Filter.To as users write it:
// a date (YYYY-MM-DD, midnight UTC) or an RFC 3339 time; "" is the zero
// time, no bound.
func ParseBound(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: want YYYY-MM-DD or an RFC 3339 time", v)
	}
	return t, nil
}
