package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// systemActor is the actor of the events luxscreen makes itself.
const systemActor = "luxscreen"

// OpenCase stores c, a new case on record c.Record, and sets c.ID. Zero
// times are now and an empty status is StatusOpen. Unless c.Events holds
// an "opened" event, OpenCase puts one first, by luxscreen at c.Opened;
// it sets c.Events to the history stored.
func (s *Store) OpenCase(ctx context.Context, c *Case) (int64, error) {
	if c == nil {
		return 0, errors.New("store: open case: nil case")
	}
	if c.Record == 0 {
		return 0, errors.New("store: open case: no record")
	}
	switch c.Status {
	case "":
		c.Status = StatusOpen
	case StatusOpen, StatusReleased, StatusConfirmed:
	default:
		return 0, fmt.Errorf("store: open case: unknown status %q", c.Status)
	}
	c.Opened = s.stamp(c.Opened)
	if c.Updated.IsZero() {
		c.Updated = c.Opened
	}
	c.Updated = s.stamp(c.Updated)
	opened := false
	for _, e := range c.Events {
		opened = opened || e.Action == ActionOpened
	}
	if !opened {
		c.Events = append([]Event{{At: c.Opened, Actor: systemActor, Action: ActionOpened}}, c.Events...)
	}
	for i := range c.Events {
		e := &c.Events[i]
		if e.At.IsZero() {
			e.At = c.Opened
		}
		e.At = s.stamp(e.At)
		if e.Reason != "" && !e.Reason.Valid() {
			return 0, fmt.Errorf("store: open case: event %d: unknown reason %q", i, e.Reason)
		}
		if err := checkText(e.Actor, e.Action, e.Note); err != nil {
			return 0, fmt.Errorf("store: open case: event %d: %w", i, err)
		}
	}
	var (
		party   Party
		partyOK any // the party key, or NULL when the case has no party
	)
	if c.Party != nil {
		party, partyOK = *c.Party, c.Party.Key
	}
	if err := checkText(c.Verdict, c.Subject, c.Summary, party.Key, party.Details, party.Name,
		party.Kind, party.Country, party.IMO, party.Role, party.Verdict, strings.Join(c.Entities, ""), strings.Join(c.Versions, "")); err != nil {
		return 0, fmt.Errorf("store: open case: %w", err)
	}
	hits, err := json.Marshal(party.Hits)
	if err != nil {
		return 0, fmt.Errorf("store: open case: party hits: %w", err)
	}
	entities, err := json.Marshal(c.Entities)
	if err != nil {
		return 0, fmt.Errorf("store: open case: entities: %w", err)
	}
	versions, err := json.Marshal(c.Versions)
	if err != nil {
		return 0, fmt.Errorf("store: open case: versions: %w", err)
	}
	var id int64
	err = s.inTx(ctx, "open case", func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.d.bind(`INSERT INTO cases
			(record_id, linked_id, status, verdict, subject,
			 party_key, party_details, party_name, party_kind, party_country, party_imo, party_role, party_verdict, party_hits,
			 entities, versions, summary, opened, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			c.Record, nullInt(c.Linked), string(c.Status), c.Verdict, c.Subject,
			partyOK, party.Details, party.Name, party.Kind, party.Country, party.IMO, party.Role, party.Verdict, string(hits),
			string(entities), string(versions), c.Summary, s.d.time(c.Opened), s.d.time(c.Updated),
		).Scan(&id)
		if err != nil {
			return err
		}
		for _, e := range c.Events {
			if err := s.insertEvent(ctx, tx, id, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	c.ID = id
	return id, nil
}

func (s *Store) insertEvent(ctx context.Context, tx *sql.Tx, id int64, e Event) error {
	_, err := tx.ExecContext(ctx, s.d.bind(`INSERT INTO case_events (case_id, at, actor, action, reason, note)
		VALUES (?, ?, ?, ?, ?, ?)`), id, s.d.time(e.At), e.Actor, e.Action, string(e.Reason), e.Note)
	if err != nil {
		return fmt.Errorf("event %q: %w", e.Action, err)
	}
	return nil
}

// caseCols are the columns scanCase reads.
const caseCols = `id, record_id, linked_id, status, verdict, subject,
	party_key, party_details, party_name, party_kind, party_country, party_imo, party_role, party_verdict, party_hits,
	entities, versions, summary, opened, updated`

func scanCase(sc interface{ Scan(...any) error }) (Case, error) {
	var (
		c              Case
		linked         sql.NullInt64
		key            sql.NullString
		p              Party
		hits, entities string
		versions, st   string
	)
	err := sc.Scan(&c.ID, &c.Record, &linked, &st, &c.Verdict, &c.Subject,
		&key, &p.Details, &p.Name, &p.Kind, &p.Country, &p.IMO, &p.Role, &p.Verdict, jsonCol{&hits},
		jsonCol{&entities}, jsonCol{&versions}, &c.Summary, timeCol{&c.Opened}, timeCol{&c.Updated})
	if err != nil {
		return Case{}, err
	}
	c.Linked, c.Status = linked.Int64, Status(st)
	if key.Valid {
		p.Key = key.String
		if err := decodeHits(hits, &p); err != nil {
			return Case{}, fmt.Errorf("case %d: %w", c.ID, err)
		}
		c.Party = &p
	}
	if err := json.Unmarshal([]byte(entities), &c.Entities); err != nil {
		return Case{}, fmt.Errorf("case %d entities: %w", c.ID, err)
	}
	if err := json.Unmarshal([]byte(versions), &c.Versions); err != nil {
		return Case{}, fmt.Errorf("case %d versions: %w", c.ID, err)
	}
	return c, nil
}

// Case returns the case with ID id with its history, or ErrNotFound.
func (s *Store) Case(ctx context.Context, id int64) (Case, error) {
	c, err := scanCase(s.db.QueryRowContext(ctx, s.d.bind(`SELECT `+caseCols+` FROM cases WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Case{}, fmt.Errorf("store: case %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Case{}, fmt.Errorf("store: case %d: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, s.d.bind(`SELECT at, actor, action, reason, note
		FROM case_events WHERE case_id = ? ORDER BY id`), id)
	if err != nil {
		return Case{}, fmt.Errorf("store: case %d events: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			e      Event
			reason string
		)
		if err := rows.Scan(timeCol{&e.At}, &e.Actor, &e.Action, &reason, &e.Note); err != nil {
			return Case{}, fmt.Errorf("store: case %d events: %w", id, err)
		}
		e.Reason = Reason(reason)
		c.Events = append(c.Events, e)
	}
	if err := rows.Err(); err != nil {
		return Case{}, fmt.Errorf("store: case %d events: %w", id, err)
	}
	return c, nil
}

// Cases returns the cases f selects, the latest opened first, without
// their histories.
func (s *Store) Cases(ctx context.Context, f CaseFilter) ([]Case, error) {
	var (
		where []string
		args  []any
	)
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, string(f.Status))
	}
	if f.Party != "" {
		where, args = append(where, "party_key = ?"), append(args, f.Party)
	}
	if f.Record != 0 {
		where, args = append(where, "record_id = ?"), append(args, f.Record)
	}
	if f.Before > 0 {
		where, args = append(where, "id < ?"), append(args, f.Before)
	}
	q := `SELECT ` + caseCols + ` FROM cases`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY id DESC`
	if f.Limit > 0 {
		q, args = q+` LIMIT ?`, append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, s.d.bind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("store: cases: %w", err)
	}
	defer rows.Close()
	var cases []Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("store: cases: %w", err)
		}
		cases = append(cases, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: cases: %w", err)
	}
	return cases, nil
}

// Decide settles the open case id: ev.Action is ActionReleased or
// ActionConfirmed, and ev needs a valid reason and an actor; a zero ev.At
// is now. Deciding a case that is not open fails with ErrCaseClosed: a
// decision is changed by reopening the case first. Decide returns the
// case as it now stands, with its history.
func (s *Store) Decide(ctx context.Context, id int64, ev Event) (Case, error) {
	var status Status
	switch ev.Action {
	case ActionReleased:
		status = StatusReleased
	case ActionConfirmed:
		status = StatusConfirmed
	default:
		return Case{}, fmt.Errorf("store: decide case %d: action %q is neither %q nor %q", id, ev.Action, ActionReleased, ActionConfirmed)
	}
	if err := checkEvent(ev, true); err != nil {
		return Case{}, fmt.Errorf("store: decide case %d: %w", id, err)
	}
	ev.At = s.stamp(ev.At)
	what := fmt.Sprintf("decide case %d", id)
	err := s.inTx(ctx, what, func(tx *sql.Tx) error {
		// The status test in the update, not a read before it, is what
		// keeps two reviewers from deciding the same case at once.
		res, err := tx.ExecContext(ctx, s.d.bind(`UPDATE cases SET status = ?, updated = ?
			WHERE id = ? AND status = 'open'`), string(status), s.d.time(ev.At), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err != nil {
				return err
			}
			var was string
			err := tx.QueryRowContext(ctx, s.d.bind(`SELECT status FROM cases WHERE id = ?`), id).Scan(&was)
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			if err != nil {
				return err
			}
			return fmt.Errorf("case is %s: %w", was, ErrCaseClosed)
		}
		return s.insertEvent(ctx, tx, id, ev)
	})
	if err != nil {
		return Case{}, err
	}
	return s.Case(ctx, id)
}

// Reopen opens case id again, whatever its status, recording ev as a
// "reopened" event: ev needs an actor, and its action, if set, must be
// ActionReopened. It returns the case as it now stands, with its history.
func (s *Store) Reopen(ctx context.Context, id int64, ev Event) (Case, error) {
	if ev.Action == "" {
		ev.Action = ActionReopened
	}
	if ev.Action != ActionReopened {
		return Case{}, fmt.Errorf("store: reopen case %d: action %q is not %q", id, ev.Action, ActionReopened)
	}
	if err := checkEvent(ev, false); err != nil {
		return Case{}, fmt.Errorf("store: reopen case %d: %w", id, err)
	}
	ev.At = s.stamp(ev.At)
	err := s.inTx(ctx, fmt.Sprintf("reopen case %d", id), func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.d.bind(`UPDATE cases SET status = 'open', updated = ? WHERE id = ?`), s.d.time(ev.At), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err != nil {
				return err
			}
			return ErrNotFound
		}
		return s.insertEvent(ctx, tx, id, ev)
	})
	if err != nil {
		return Case{}, err
	}
	return s.Case(ctx, id)
}

// checkEvent reports what is wrong with a reviewer's event.
func checkEvent(ev Event, needReason bool) error {
	if strings.TrimSpace(ev.Actor) == "" {
		return errors.New("no actor")
	}
	if (needReason || ev.Reason != "") && !ev.Reason.Valid() {
		return fmt.Errorf("unknown reason %q", ev.Reason)
	}
	return checkText(ev.Actor, ev.Note)
}
