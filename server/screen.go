package server

import (
	"context"
	"fmt"
	"net/http"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// ScreenRequest is one party or vessel to screen, with the field names of
// the CLI's "screen --input" lines.
type ScreenRequest = screen.Request

// ScreenResult is the answer for one ScreenRequest, in the CLI's JSON
// shape ("screen --format json"), whose field names are fixed by the
// issue.
type ScreenResult = screen.Record

// ScreenHit is one listed entity that resembles the query.
type ScreenHit = screen.RecordHit

// handleScreen answers POST /v1/screen: one ScreenRequest gives one
// ScreenResult, an array of them an array of results in order.
func (s *Server) handleScreen(w http.ResponseWriter, r *http.Request) error {
	items, batch, err := s.items(r)
	if err != nil {
		return err
	}
	type job struct {
		id string
		q  party.Entity
	}
	jobs := make([]job, len(items))
	for i, it := range items {
		var q ScreenRequest
		if err := decodeItem(it, batch, &q); err != nil {
			return err
		}
		e, err := q.Entity()
		if err != nil {
			return fieldError(it, batch, "kind", "%q: %v", q.Kind, screen.ErrKind)
		}
		if err := checkRequestLengths(it, batch, &q); err != nil {
			return err
		}
		jobs[i] = job{id: q.ID, q: e}
	}
	out, err := parallelMap(r.Context(), jobs, func(ctx context.Context, j job) (ScreenResult, error) {
		res, err := s.sys.Screener().Screen(ctx, j.q)
		if err != nil {
			return ScreenResult{}, err
		}
		s.metrics.verdicts.WithLabelValues(string(res.Verdict)).Inc()
		return screen.NewRecord(j.id, res), nil
	})
	if err != nil {
		return err
	}
	return answer(w, batch, out)
}

// checkRequestLengths refuses a name or field longer than any real
// party's (see screen.ErrNameTooLong), naming the request's field.
func checkRequestLengths(it item, batch bool, q *ScreenRequest) error {
	for _, f := range []struct {
		field, value string
		limit        int
	}{
		{"name", q.Name, screen.MaxNameRunes},
		{"country", q.Country, screen.MaxFieldRunes},
		{"imo", q.IMO, screen.MaxFieldRunes},
		{"dob", q.DOB, screen.MaxFieldRunes},
	} {
		if err := screen.CheckLength(f.field, f.value, f.limit); err != nil {
			return lengthError(it.label(batch)+fmt.Sprintf(" (line %d)", it.line), err)
		}
	}
	return nil
}
