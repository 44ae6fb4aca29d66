package luxscreen

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
)

// maxScreenings bounds the screening memo: past it the memo starts afresh.
// A day of a forwarder's bookings names a few thousand distinct parties and
// vessels; the bound only guards against inputs that never repeat.
const maxScreenings = 1 << 16

// screenMemo is the engine's party screener: it remembers the screening of
// each distinct party and vessel, because a batch names the same carriers,
// consignees and vessels shipment after shipment, and screening a name
// against the official lists costs more than the rest of a check. The
// memo holds only what the lists loaded now answer: a reload starts a
// fresh one.
type screenMemo struct {
	next rules.PartyScreener
	cur  atomic.Pointer[memoTable]
}

// memoTable is one generation of the memo, for one set of lists.
type memoTable struct {
	m sync.Map // party.Entity.Key() → party.Result
	n atomic.Int64
}

func newScreenMemo(next rules.PartyScreener) *screenMemo {
	m := &screenMemo{next: next}
	m.reset()
	return m
}

// reset drops what the memo remembers; Reload calls it once the new lists
// are in place.
func (m *screenMemo) reset() { m.cur.Store(&memoTable{}) }

// Screen returns the remembered screening of q, or screens it.
func (m *screenMemo) Screen(ctx context.Context, q party.Entity) (party.Result, error) {
	// The table is taken before screening, so that a screening against
	// the old lists that ends after a reload lands in the old table.
	t := m.cur.Load()
	key := q.Key()
	if v, ok := t.m.Load(key); ok {
		return v.(party.Result), nil
	}
	sc, err := m.next.Screen(ctx, q)
	if err != nil {
		// Errors (a cancelled context) are not remembered.
		return sc, err
	}
	// Clipped, so that a caller appending to a slice of a remembered
	// screening gets a copy instead of writing into the memo.
	sc.Hits, sc.Reasons, sc.ListVersions = slices.Clip(sc.Hits), slices.Clip(sc.Reasons), slices.Clip(sc.ListVersions)
	if t.n.Add(1) > maxScreenings {
		m.cur.CompareAndSwap(t, &memoTable{})
		return sc, nil
	}
	t.m.Store(key, sc)
	return sc, nil
}

// Versions returns the lists the screener holds now.
func (m *screenMemo) Versions() []party.ListVersion {
	if lv, ok := m.next.(rules.ListVersioner); ok {
		return lv.Versions()
	}
	return nil
}

// settled is the engine's party screener when the configuration settles
// screenings (Config.Settle).
type settled struct {
	next   *screenMemo
	settle func(ctx context.Context, q party.Entity, r party.Result) (party.Result, error)
}

// Screen screens q and settles the result.
func (s settled) Screen(ctx context.Context, q party.Entity) (party.Result, error) {
	r, err := s.next.Screen(ctx, q)
	if err != nil {
		return r, err
	}
	return s.settle(ctx, q, r)
}

// Versions returns the lists the screener holds now.
func (s settled) Versions() []party.ListVersion { return s.next.Versions() }
