package trade

import (
	"fmt"
	"math"
	"slices"
)

// Flag marks a unit value far from its peers'.
type Flag string

// The flags. The zero Flag means the unit value is not anomalous, or could
// not be compared; [UnitValue.Note] says which.
const (
	High Flag = "high" // far above the peers' median
	Low  Flag = "low"  // far below it
)

// UnitValue is a flow's value per unit of quantity or per kilogram,
// compared with the same reporter's flows of the same code, kind and
// period to other partners (its peers).
type UnitValue struct {
	// Unit is what the value is per: the quantity unit ("u" for number of
	// items) or "kg".
	Unit string
	// Known reports whether the flow has a value and a non-zero amount of
	// Unit to divide it by.
	Known bool
	// Value is the flow's value in US dollars per Unit.
	Value float64
	// Peers is the number of peer partners with a known unit value in the
	// same Unit.
	Peers int
	// PeerMedian and PeerMAD are the median of the peers' unit values and
	// their median absolute deviation from it.
	PeerMedian, PeerMAD float64
	// Ratio is Value / PeerMedian.
	Ratio float64
	// Z is the robust z-score (Value - PeerMedian) / (1.4826 × PeerMAD),
	// the number of standard deviations of a normal sample; 0 when PeerMAD
	// is 0.
	Z float64
	// Flag marks a unit value far from the peers', per [Thresholds].
	Flag Flag
	// Note says why a known unit value was not compared ("1 peer, 2
	// needed") and is empty when it was.
	Note string
}

// Thresholds say when a unit value is anomalous. A unit value is flagged
// when it is at least MinRatio times the peer median (or at most 1/MinRatio
// of it) and, when the peers vary at all, its robust z-score is at least Z
// in size. The ratio guard keeps a tight peer group from flagging a price a
// few per cent off; the z-score keeps a spread-out group from flagging its
// own noise.
type Thresholds struct {
	// MinPeers is the fewest peer partners a comparison needs.
	MinPeers int
	// Z is the robust z-score a flag needs; 3.5 is the cut-off Iglewicz
	// and Hoaglin recommend for the modified z-score.
	Z float64
	// MinRatio is how many times the peer median (or its inverse) a flag
	// needs.
	MinRatio float64
}

// DefaultThresholds are the thresholds the CLI uses: at least two peers,
// z of 3.5, twice (or half) the peer median.
func DefaultThresholds() Thresholds { return Thresholds{MinPeers: 2, Z: 3.5, MinRatio: 2} }

// madScale turns a median absolute deviation into an estimate of the
// standard deviation of a normal sample (1 / Φ⁻¹(3/4)).
const madScale = 1.4826

// compare sets the peer statistics and the flag of u from the unit values
// of its peers. peers is reordered.
func (u *UnitValue) compare(peers []float64, t Thresholds) {
	u.judge(statsOf(peers, t), t)
}

// peerStats is what a comparison needs of the peers' unit values: an
// analysis keeps it, not the peers, for each flow until the flow's result
// is made.
type peerStats struct {
	n           int
	median, mad float64
}

// statsOf returns the statistics of peers, reordering them. The median and
// its deviation are computed only when there are enough peers to compare
// with.
func statsOf(peers []float64, t Thresholds) peerStats {
	s := peerStats{n: len(peers)}
	if len(peers) < max(t.MinPeers, 1) {
		return s
	}
	s.median = median(peers)
	for i, p := range peers {
		peers[i] = math.Abs(p - s.median)
	}
	s.mad = median(peers)
	return s
}

// judge sets the peer statistics and the flag of u from its peers'.
func (u *UnitValue) judge(s peerStats, t Thresholds) {
	u.Peers = s.n
	if !u.Known {
		return
	}
	if s.n < max(t.MinPeers, 1) {
		u.Note = peerNote(s.n, max(t.MinPeers, 1))
		return
	}
	u.PeerMedian, u.PeerMAD = s.median, s.mad
	if u.PeerMedian <= 0 {
		u.Note = "peer median is zero"
		return
	}
	u.Ratio = u.Value / u.PeerMedian
	if u.PeerMAD > 0 {
		u.Z = (u.Value - u.PeerMedian) / (madScale * u.PeerMAD)
	}
	spread := u.PeerMAD > 0
	switch {
	case u.Ratio >= t.MinRatio && (!spread || u.Z >= t.Z):
		u.Flag = High
	case u.Ratio <= 1/t.MinRatio && (!spread || u.Z <= -t.Z):
		u.Flag = Low
	}
}

func peerNote(have, need int) string {
	switch have {
	case 0:
		return "no peer partners"
	case 1:
		return "1 peer partner, too few to compare"
	}
	return fmt.Sprintf("%d peer partners, %d needed", have, need)
}

// median returns the median of xs, reordering them; xs is not empty.
func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
