package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Remember stores r, a reviewer's release of a party against a listed
// entity, and sets r.ID. It needs a party key, an entity, an actor and a
// valid reason; a zero r.At is now.
func (s *Store) Remember(ctx context.Context, r *Release) (int64, error) {
	if r == nil {
		return 0, errors.New("store: remember release: nil release")
	}
	switch {
	case r.PartyKey == "":
		return 0, errors.New("store: remember release: no party key")
	case r.Entity == "":
		return 0, errors.New("store: remember release: no entity")
	case strings.TrimSpace(r.Actor) == "":
		return 0, errors.New("store: remember release: no actor")
	case !r.Reason.Valid():
		return 0, fmt.Errorf("store: remember release: unknown reason %q", r.Reason)
	}
	if err := checkText(r.PartyKey, r.PartyDetails, r.PartyName, r.Entity, r.EntityVersion, r.Actor, r.Note, r.RevokedWhy); err != nil {
		return 0, fmt.Errorf("store: remember release: %w", err)
	}
	r.At = s.stamp(r.At)
	if !r.Revoked.IsZero() {
		r.Revoked = s.stamp(r.Revoked)
	}
	var id int64
	err := s.db.QueryRowContext(ctx, s.d.bind(`INSERT INTO releases
		(party_key, party_details, party_name, entity, entity_version, case_id, actor, reason, note, at, revoked, revoked_why)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		r.PartyKey, r.PartyDetails, r.PartyName, r.Entity, r.EntityVersion, nullInt(r.Case),
		r.Actor, string(r.Reason), r.Note, s.d.time(r.At), s.d.time(r.Revoked), r.RevokedWhy,
	).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: remember release of %q against %s: %w", r.PartyKey, r.Entity, err)
	}
	r.ID = id
	return id, nil
}

// Releases returns the releases in force of the party with key partyKey,
// oldest first.
func (s *Store) Releases(ctx context.Context, partyKey string) ([]Release, error) {
	rs, err := s.releases(ctx, "party_key", partyKey)
	if err != nil {
		return nil, fmt.Errorf("store: releases of %q: %w", partyKey, err)
	}
	return rs, nil
}

// ReleasesOf returns the releases in force against the listed entity
// entity, oldest first: those to revoke when its record changes.
func (s *Store) ReleasesOf(ctx context.Context, entity string) ([]Release, error) {
	rs, err := s.releases(ctx, "entity", entity)
	if err != nil {
		return nil, fmt.Errorf("store: releases against %s: %w", entity, err)
	}
	return rs, nil
}

// releases returns the releases in force whose column col (a constant of
// the callers) is v.
func (s *Store) releases(ctx context.Context, col, v string) ([]Release, error) {
	rows, err := s.db.QueryContext(ctx, s.d.bind(`SELECT
		id, party_key, party_details, party_name, entity, entity_version, case_id, actor, reason, note, at, revoked, revoked_why
		FROM releases WHERE `+col+` = ? AND revoked IS NULL ORDER BY id`), v)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var rs []Release
	for rows.Next() {
		var (
			r      Release
			c      sql.NullInt64
			reason string
		)
		if err := rows.Scan(&r.ID, &r.PartyKey, &r.PartyDetails, &r.PartyName, &r.Entity, &r.EntityVersion, &c,
			&r.Actor, &reason, &r.Note, timeCol{&r.At}, timeCol{&r.Revoked}, &r.RevokedWhy); err != nil {
			return nil, err
		}
		r.Case, r.Reason = c.Int64, Reason(reason)
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// Revoke ends release id at at (zero: now), saying why. Revoking a
// release already revoked keeps its first revocation.
func (s *Store) Revoke(ctx context.Context, id int64, at time.Time, why string) error {
	if err := checkText(why); err != nil {
		return fmt.Errorf("store: revoke release %d: %w", id, err)
	}
	res, err := s.db.ExecContext(ctx, s.d.bind(`UPDATE releases SET revoked = ?, revoked_why = ?
		WHERE id = ? AND revoked IS NULL`), s.d.time(s.stamp(at)), why, id)
	if err != nil {
		return fmt.Errorf("store: revoke release %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		if err != nil {
			return fmt.Errorf("store: revoke release %d: %w", id, err)
		}
		return nil
	}
	var one int
	err = s.db.QueryRowContext(ctx, s.d.bind(`SELECT 1 FROM releases WHERE id = ?`), id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: revoke release %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("store: revoke release %d: %w", id, err)
	}
	return nil
}
