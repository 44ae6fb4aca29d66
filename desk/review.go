package desk

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/store"
)

// Release releases case id: the hits it was opened on are not the party
// they resemble. With reason store.FalsePositive the release is
// remembered for each listed entity of the case, and later screenings of
// the same party leave those hits out while the party's details and the
// listed records stay as they were.
func (d *Desk) Release(ctx context.Context, id int64, actor string, reason store.Reason, note string) (store.Case, error) {
	switch {
	case reason == store.TrueMatch:
		return store.Case{}, fmt.Errorf("%w: a case released as %s; confirm a true match instead", ErrBadRequest, reason)
	}
	c, err := d.decide(ctx, id, store.ActionReleased, actor, reason, note)
	if err != nil || reason != store.FalsePositive || c.Party == nil {
		return c, err
	}
	for i, e := range c.Entities {
		var version string
		if i < len(c.Versions) {
			version = c.Versions[i]
		}
		if version == "" {
			// A case opened without the record's version (the entity
			// was not loaded then): release it against the record
			// loaded now, if any.
			var ok bool
			if version, ok = d.entityVersion(e); !ok {
				continue
			}
		}
		rel := store.Release{
			PartyKey: c.Party.Key, PartyDetails: c.Party.Details, PartyName: c.Party.Name,
			Entity: e, EntityVersion: version, Case: c.ID,
			Actor: actor, Reason: reason, Note: note, At: d.now().UTC(),
		}
		if _, err := d.st.Remember(ctx, &rel); err != nil {
			return c, err
		}
	}
	return c, nil
}

// Confirm confirms case id: the hit is the party (store.TrueMatch), or the
// shipment may go because a licence covers it (store.LicenceHeld), or
// another reason the note gives.
func (d *Desk) Confirm(ctx context.Context, id int64, actor string, reason store.Reason, note string) (store.Case, error) {
	if reason == store.FalsePositive {
		return store.Case{}, fmt.Errorf("%w: a case confirmed as %s; release a false positive instead", ErrBadRequest, reason)
	}
	return d.decide(ctx, id, store.ActionConfirmed, actor, reason, note)
}

func (d *Desk) decide(ctx context.Context, id int64, action, actor string, reason store.Reason, note string) (store.Case, error) {
	actor = strings.TrimSpace(actor)
	switch {
	case actor == "":
		return store.Case{}, fmt.Errorf("%w: no reviewer named", ErrBadRequest)
	case !reason.Valid():
		return store.Case{}, fmt.Errorf("%w: reason %q: want false-positive, true-match, licence-held or other", ErrBadRequest, reason)
	case reason == store.Other && strings.TrimSpace(note) == "":
		return store.Case{}, fmt.Errorf("%w: reason other needs a note saying what it is", ErrBadRequest)
	}
	return d.st.Decide(ctx, id, store.Event{At: d.now().UTC(), Actor: actor, Action: action, Reason: reason, Note: note})
}

// Cases returns the cases f selects, newest first.
func (d *Desk) Cases(ctx context.Context, f store.CaseFilter) ([]store.Case, error) {
	return d.st.Cases(ctx, f)
}

// Case returns one case with its history.
func (d *Desk) Case(ctx context.Context, id int64) (store.Case, error) { return d.st.Case(ctx, id) }

// History returns the records of one party, newest first.
func (d *Desk) History(ctx context.Context, partyKey string, limit int) ([]store.Record, error) {
	return d.st.History(ctx, partyKey, limit)
}

// entityVersion returns the fingerprint of a loaded listed entity.
func (d *Desk) entityVersion(id string) (string, bool) {
	if d.sys == nil {
		return "", false
	}
	e, _, ok := d.sys.Screener().Entity(id)
	if !ok {
		return "", false
	}
	return e.Fingerprint(), true
}

// settle leaves out of r the hits released for q, and revokes the
// releases that no longer hold, reopening their cases. It is the System's
// Config.Settle.
func (d *Desk) settle(ctx context.Context, q party.Entity, r party.Result) (party.Result, error) {
	if len(r.Hits) == 0 {
		return r, nil
	}
	key, details := PartyKey(q)
	rels, err := d.st.Releases(ctx, key)
	if err != nil || len(rels) == 0 {
		return r, err
	}
	var kept []party.Hit
	var released []party.Released
	var elsewhere []party.Feature
	mine := rels[:0:0]
	for _, rel := range rels {
		// A release of the same name with other details (another
		// country, another IMO number) was made for another party, or
		// for this one before its details changed: it does not apply,
		// and the reviewer is told of it.
		if rel.PartyDetails == details {
			mine = append(mine, rel)
			continue
		}
		if !slices.ContainsFunc(r.Hits, func(h party.Hit) bool { return h.Refers(rel.Entity) }) {
			continue
		}
		elsewhere = append(elsewhere, party.Feature{Feature: "release_not_applied", Detail: fmt.Sprintf(
			"%s was released for a party of this name with %s by %s on %s (case %d); this one has %s",
			rel.Entity, orNone(rel.PartyDetails), rel.Actor, rel.At.UTC().Format("2006-01-02"), rel.Case, orNone(details))})
	}
	rels = mine
	for _, h := range r.Hits {
		// A hit is left out only when every list entry it stands for was
		// released and the release still holds: an entry merged into the
		// hit since, or changed, is news a reviewer must see.
		var first *store.Release
		all := true
		for _, id := range hitEntities(&h) {
			rel := releaseOf(rels, id)
			if rel == nil {
				all = false
				continue
			}
			if why, holds := d.holds(rel); !holds {
				if err := d.void(ctx, rel, why); err != nil {
					return r, err
				}
				all = false
				continue
			}
			if first == nil {
				first = rel
			}
		}
		if !all || first == nil {
			kept = append(kept, h)
			continue
		}
		released = append(released, party.Released{Hit: h, By: first.Actor, At: first.At, Reason: string(first.Reason), Note: first.Note, Case: first.Case})
	}
	if len(released) == 0 && len(elsewhere) == 0 {
		return r, nil
	}
	m, rv := d.sys.Screener().Thresholds()
	r.Hits = kept
	if r.Hits == nil {
		r.Hits = []party.Hit{}
	}
	r.Released = append(slices.Clip(r.Released), released...)
	r.Reasons = append(slices.Clip(r.Reasons), elsewhere...)
	r.Verdict = party.Decide(r.Hits, r.Reasons, party.Thresholds{Match: m, Review: rv})
	return r, nil
}

// releaseOf returns the release of list entry id among rels, or nil.
func releaseOf(rels []store.Release, id string) *store.Release {
	for i := range rels {
		if rels[i].Entity == id {
			return &rels[i]
		}
	}
	return nil
}

// holds reports whether a release still holds: the listed record must be
// as it was when the party was released against it. When it does not,
// why says what changed.
func (d *Desk) holds(rel *store.Release) (why string, ok bool) {
	version, loaded := d.entityVersion(rel.Entity)
	switch {
	case !loaded:
		return rel.Entity + " left the lists", false
	case version != rel.EntityVersion:
		return "the listed record of " + rel.Entity + " changed", false
	}
	return "", true
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// void revokes a release that no longer holds and reopens its case.
func (d *Desk) void(ctx context.Context, rel *store.Release, why string) error {
	now := d.now().UTC()
	if err := d.st.Revoke(ctx, rel.ID, now, why); err != nil {
		return err
	}
	if rel.Case == 0 {
		return nil
	}
	_, err := d.st.Reopen(ctx, rel.Case, store.Event{At: now, Actor: Automatic, Action: store.ActionReopened, Note: "release by " + rel.Actor + " no longer holds: " + why})
	return err
}
