package screen

import "github.com/luxscreen/luxscreen/party"

// Verdict is the screening decision for one query; see [party.Verdict].
type Verdict = party.Verdict

// Verdicts. Screening fails closed: when a query cannot be decided the
// verdict is Review with the reason, never Clear.
const (
	Match  = party.Match
	Review = party.Review
	Clear  = party.Clear
)

// Hit is one listed entity that resembles the query; see [party.Hit].
type Hit = party.Hit

// Result is the outcome of one screening; see [party.Result].
type Result = party.Result
