package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/luxscreen/luxscreen/internal/iso"
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
		if q.Country != "" && !s.countryOK(q.Country) {
			return fieldError(it, batch, "country", "%q is not an assigned ISO 3166-1 alpha-2 code", q.Country)
		}
		if q.IMO != "" {
			if err := checkIMO(q.IMO, e.Kind); err != nil {
				return fieldError(it, batch, "imo", "%v", err)
			}
		}
		jobs[i] = job{id: q.ID, q: e}
	}
	out, err := parallelMap(r.Context(), jobs, func(ctx context.Context, j job) (ScreenResult, error) {
		res, record, cases, err := s.screenParty(ctx, j.q)
		if err != nil {
			return ScreenResult{}, err
		}
		s.metrics.verdicts.WithLabelValues(string(res.Verdict)).Inc()
		out := screen.NewRecord(j.id, res)
		out.Record, out.Cases = record, cases
		return out, nil
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

// countryOK reports whether a country a request gives can be screened: a
// two-letter value is a code, which ISO 3166-1 must assign or the
// screener's countries table know ("UK"); a longer value is a name,
// screened as written, since no table holds every spelling.
func (s *Server) countryOK(v string) bool {
	if utf8.RuneCountInString(strings.TrimSpace(v)) != 2 {
		return true
	}
	_, ok := s.sys.Screener().CountryCode(v)
	return ok
}

// checkIMO checks an IMO number a request gives for an entity of kind k:
// a vessel's must be a ship IMO number with its check digit; a company's
// or an unknown entity's may be a ship's or a company's number, whose
// check digits differ. A number that fails would only be compared with
// nothing.
func checkIMO(v string, k party.Kind) error {
	ship := iso.IMO(v)
	if ship == nil || k == party.KindVessel {
		return ship
	}
	if iso.CompanyIMO(v) == nil {
		return nil
	}
	return ship
}
