package party

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Verdict is the screening decision for one entity.
type Verdict string

// Verdicts. Screening fails closed: when an entity cannot be decided (no
// name left after normalisation, no list loaded, a script that cannot be
// compared) the verdict is Review with the reason, never Clear.
const (
	// Match: a hit reaches the match threshold through a name that may
	// decide alone, or an identifier matched exactly. Stop the shipment.
	Match Verdict = "match"
	// Review: a hit reaches the review threshold only, or only through a
	// weak alias, or the entity could not be decided. A person must look.
	Review Verdict = "review"
	// Clear: no hit reaches the review threshold.
	Clear Verdict = "clear"
)

// Valid reports whether v is one of the three verdicts.
func (v Verdict) Valid() bool { return v == Match || v == Review || v == Clear }

// Thresholds are the verdict bands: scores in [0, 1] at or above Match
// match, and at or above Review call for review.
type Thresholds struct {
	Match  float64 `json:"match"`
	Review float64 `json:"review"`
}

// NameKind says what a name is to its listed entity.
type NameKind string

// Name kinds. Weak names are the lists' low-quality aliases (UN "Low",
// OFAC and EU weak a.k.a.); a hit on one alone is never a match, only a
// review.
const (
	NamePrimary        NameKind = "primary"
	NameAKA            NameKind = "aka"
	NameFKA            NameKind = "fka"
	NameWeak           NameKind = "weak"
	NameOriginalScript NameKind = "original_script"
)

// ListVersion identifies the exact list file a screening used, for the
// audit trail: a result can be reproduced from the same file.
type ListVersion struct {
	// ID names the list source among those loaded ("un", "ofac-sdn",
	// "eu", "uk", …); it stays the same from one version to the next.
	ID string `json:"id,omitempty"`
	// Source names the list ("UN", "OFAC", "EU", "UK", "OpenSanctions",
	// "demo").
	Source string `json:"source"`
	// Format is the file format the loader recognised.
	Format string `json:"format"`
	// Published is the publication date or time the file itself states
	// (UN dateGenerated, OFAC Publish_Date, EU generationDate), or empty
	// when the format has none.
	Published string `json:"published,omitempty"`
	// SHA256 is the hex SHA-256 of the file bytes (for a directory set,
	// of the member files' hashes in name order).
	SHA256 string `json:"sha256"`
	// File is the path or name the list was loaded from, for the
	// operator's messages. It is left out of the JSON: answers name a
	// list by its ID, version and hash, never by a path on the server.
	File string `json:"-"`
	// Entities is the number of entities loaded.
	Entities int `json:"entities"`
}

// Feature is one piece of evidence behind a score: which feature of the
// comparison fired (its name, as in the screening weights file), what it
// measured (Score) and how much it counts (Weight), and what it compared
// (Detail). How Score and Weight combine is the feature's own rule, said
// in the weights file; the explanation records both so that a reader can
// redo the arithmetic.
type Feature struct {
	Feature string  `json:"feature"`
	Score   float64 `json:"score"`
	Weight  float64 `json:"weight"`
	Detail  string  `json:"detail,omitempty"`
}

// String renders the feature for people: "feature: detail (score×weight)",
// leaving out what is empty.
func (f Feature) String() string {
	var b strings.Builder
	b.WriteString(f.Feature)
	if f.Detail != "" {
		b.WriteString(": " + f.Detail)
	}
	if f.Score != 0 || f.Weight != 0 {
		b.WriteString(" (" + num(f.Score) + "×" + num(f.Weight) + ")")
	}
	return b.String()
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Render renders features for people, one string each.
func Render(fs []Feature) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return out
}

// Hit is one listed entity that resembles the screened entity.
type Hit struct {
	// Entity is the listed entity's ID ("UN:KPe.001").
	Entity string `json:"entity"`
	// List is the list source ("UN", "OFAC").
	List string `json:"list"`
	// ListVersion is the SHA-256 of the list file the entity was loaded
	// from, one of the result's ListVersions.
	ListVersion string `json:"list_version,omitempty"`
	// Ref is the list's own reference (KPe.001, OFAC ent_num).
	Ref string `json:"ref"`
	// Name is the entity's primary listed name.
	Name string `json:"name"`
	// QueryName is the screened entity's name that matched best, or ""
	// when an identifier alone made the hit.
	QueryName string `json:"query_name,omitempty"`
	// MatchedName is the listed name or alias that scored best.
	MatchedName string `json:"matched_name"`
	// MatchedKind is the kind of MatchedName (primary, aka, fka, weak…).
	MatchedKind NameKind `json:"matched_kind"`
	// Kind is the listed entity's kind.
	Kind Kind `json:"kind"`
	// Score is in [0, 1].
	Score float64 `json:"score"`
	// ListedOn is the designation date as the list gives it (UN, EU and
	// UK lists carry one; the OFAC files do not), or "".
	ListedOn string `json:"listed_on,omitempty"`
	// Features explain the score.
	Features []Feature `json:"features"`
	// Listed are the listed party's facts, for the person settling the
	// hit; when the hit stands for the same party on several lists (see
	// References), the union of their facts. The zero Facts when the hit
	// was not made by a screener.
	Listed Facts `json:"listed,omitzero"`
	// References are the list entries the hit stands for: the entry above
	// first, then the same party on other lists, merged into this hit
	// because they share an identifier or a name with compatible facts.
	References []Reference `json:"references,omitempty"`
}

// Refers reports whether the hit stands for the list entry with ID
// entity: its own or one of its References.
func (h *Hit) Refers(entity string) bool {
	if h.Entity == entity {
		return true
	}
	for i := range h.References {
		if h.References[i].Entity == entity {
			return true
		}
	}
	return false
}

// Result is the outcome of screening one entity.
type Result struct {
	Verdict Verdict `json:"verdict"`
	// Hits are ordered by descending score and hold every listed entity
	// at or above the review threshold (up to the screener's hit limit).
	Hits []Hit `json:"hits"`
	// Reasons explain a verdict that does not follow from the hits alone:
	// why the entity could not be screened, or not wholly.
	Reasons []Feature `json:"reasons,omitempty"`
	// ListVersions are the lists screened against.
	ListVersions []ListVersion `json:"list_versions"`
	// Released are the hits a reviewer released as false positives of
	// this entity, left out of Hits and of the verdict, each with who
	// released it, when and why.
	Released []Released `json:"released,omitempty"`
}

// Released is a hit left out of a result because a reviewer released it
// as a false positive of the screened entity.
type Released struct {
	Hit Hit `json:"hit"`
	// By is the reviewer, At when the release was made.
	By string    `json:"by"`
	At time.Time `json:"at"`
	// Reason is the reviewer's reason code, Note their words.
	Reason string `json:"reason"`
	Note   string `json:"note,omitempty"`
	// Case is the review case the release settled.
	Case int64 `json:"case,omitempty"`
}

// String renders the release for people: "UN:KPe.001 (NAME) released by
// alice on 2026-12-04, reason false-positive: note".
func (r Released) String() string {
	s := r.Hit.Entity + " (" + r.Hit.Name + ") released by " + r.By + " on " + r.At.UTC().Format("2006-01-02") + ", reason " + r.Reason
	if r.Case != 0 {
		s += " (case " + strconv.FormatInt(r.Case, 10) + ")"
	}
	if r.Note != "" {
		s += ": " + r.Note
	}
	return s
}

// CannotScreen is the reason of a result that could not be screened at
// all; its verdict is review.
func CannotScreen(format string, args ...any) Result {
	r := []Feature{{Feature: "cannot_screen", Detail: fmt.Sprintf(format, args...)}}
	return Result{Verdict: Decide(nil, r, Thresholds{}), Hits: []Hit{}, Reasons: r}
}
