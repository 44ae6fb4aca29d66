package screen

import (
	"errors"
	"fmt"

	"github.com/luxscreen/luxscreen/party"
)

// Request is one party or vessel to screen as batch files and the HTTP
// API carry it, with the field names of "luxscreen screen --input" lines.
type Request struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind is org, person or vessel (see ParseKind); empty means any.
	Kind    string `json:"kind"`
	Country string `json:"country"`
	IMO     string `json:"imo"`
	DOB     string `json:"dob"`
}

// ErrKind is returned for a kind ParseKind does not know.
var ErrKind = errors.New("want org, person or vessel")

// Entity returns the entity the request describes; the error, for an
// unknown kind, wraps ErrKind.
func (r Request) Entity() (party.Entity, error) {
	kind, ok := ParseKind(r.Kind)
	if !ok {
		return party.Entity{}, fmt.Errorf("kind: %q: %w", r.Kind, ErrKind)
	}
	return party.New(r.Name, kind, r.Country, r.IMO, r.DOB), nil
}

// Record is a screening in the stable machine-readable shape that
// "luxscreen screen --format json" and POST /v1/screen write; other tools
// consume these field names. Reasons are the explanations rendered for
// people; Features on each hit are the same explanations, structured.
type Record struct {
	ID           string        `json:"id"`
	Verdict      Verdict       `json:"verdict"`
	Hits         []RecordHit   `json:"hits"`
	Reasons      []string      `json:"reasons,omitempty"`
	ListVersions []ListVersion `json:"list_versions"`
	// Released are the hits left out because a reviewer released them as
	// false positives of this party, each rendered "ENTITY (NAME)
	// released by REVIEWER on DATE, reason REASON: NOTE".
	Released []string `json:"released,omitempty"`
	// Record and Cases are the desk's record of the screening and the
	// review cases open on it, when a desk keeps screenings.
	Record int64   `json:"record,omitempty"`
	Cases  []int64 `json:"cases,omitempty"`
}

// RecordHit is one hit of a Record. The fields up to Features are the
// original shape; Kind, MatchedKind, Listed and References were added for
// the reviewer and are left out when empty.
type RecordHit struct {
	Entity      string          `json:"entity"`
	List        string          `json:"list"`
	Ref         string          `json:"ref"`
	Name        string          `json:"name"`
	MatchedName string          `json:"matched_name"`
	Score       float64         `json:"score"`
	Reasons     []string        `json:"reasons"`
	Features    []party.Feature `json:"features"`
	// Kind is the listed party's kind, MatchedKind that of the matched
	// name (primary, aka, fka, weak, original_script).
	Kind        Kind     `json:"kind,omitempty"`
	MatchedKind NameKind `json:"matched_kind,omitempty"`
	// Listed are the listed party's facts; see [party.Facts].
	Listed party.Facts `json:"listed,omitzero"`
	// References are the list entries the hit stands for, the same party
	// on several lists shown once; see [party.Hit].
	References []party.Reference `json:"references,omitempty"`
}

// NewRecord returns the Record of a screening. Empty lists are written as
// [] rather than null.
func NewRecord(id string, res Result) Record {
	out := Record{ID: id, Verdict: res.Verdict, Hits: make([]RecordHit, 0, len(res.Hits)), Reasons: party.Render(res.Reasons), ListVersions: res.ListVersions}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, RecordHit{Entity: h.Entity, List: h.List, Ref: h.Ref, Name: h.Name, MatchedName: h.MatchedName, Score: h.Score,
			Reasons: party.Render(h.Features), Features: h.Features, Kind: h.Kind, MatchedKind: h.MatchedKind, Listed: h.Listed, References: h.References})
	}
	if out.ListVersions == nil {
		out.ListVersions = []ListVersion{}
	}
	for _, r := range res.Released {
		out.Released = append(out.Released, r.String())
	}
	return out
}

// Summary renders the hit's references, matched name and decisive facts
// on one line; see [party.Hit.Summary].
func (h *RecordHit) Summary() string {
	ph := party.Hit{List: h.List, Ref: h.Ref, MatchedName: h.MatchedName, MatchedKind: h.MatchedKind, Kind: h.Kind, Listed: h.Listed, References: h.References}
	return ph.Summary()
}
