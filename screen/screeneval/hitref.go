package screeneval

import (
	"slices"

	"github.com/luxscreen/luxscreen/party"
)

// standsFor reports whether the hit stands for one of the list entries
// ids: its own entry, or the same party on another list merged into it
// (party.Hit.Refers). Every set judges "the right reference among the
// hits" through this one function.
func standsFor(h *party.Hit, ids ...string) bool {
	return slices.ContainsFunc(ids, h.Refers)
}
