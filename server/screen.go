package server

import (
	"context"
	"net/http"

	"github.com/luxscreen/luxscreen/screen"
)

// ScreenRequest is one party or vessel to screen. Its field names are
// those of the CLI's "screen --input" lines.
type ScreenRequest struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind is org, person or vessel (see screen.ParseKind); empty means
	// any.
	Kind    string `json:"kind"`
	Country string `json:"country"`
	IMO     string `json:"imo"`
	DOB     string `json:"dob"`
}

// ScreenResult is the answer for one ScreenRequest, in the CLI's JSON
// shape ("screen --format json"), whose field names are fixed by the
// issue.
type ScreenResult struct {
	ID           string               `json:"id"`
	Verdict      screen.Verdict       `json:"verdict"`
	Hits         []ScreenHit          `json:"hits"`
	Reasons      []string             `json:"reasons,omitempty"`
	ListVersions []screen.ListVersion `json:"list_versions"`
}

// ScreenHit is one listed entity that resembles the query.
type ScreenHit struct {
	Entity      string   `json:"entity"`
	List        string   `json:"list"`
	Ref         string   `json:"ref"`
	Name        string   `json:"name"`
	MatchedName string   `json:"matched_name"`
	Score       float64  `json:"score"`
	Reasons     []string `json:"reasons"`
}

// newScreenResult converts a screening to its JSON shape; empty lists are
// [] rather than null, as the CLI writes them.
func newScreenResult(id string, res screen.Result) ScreenResult {
	out := ScreenResult{ID: id, Verdict: res.Verdict, Hits: make([]ScreenHit, 0, len(res.Hits)), Reasons: res.Reasons, ListVersions: res.ListVersions}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, ScreenHit{Entity: h.Entity, List: h.List, Ref: h.Ref, Name: h.Name, MatchedName: h.MatchedName, Score: h.Score, Reasons: h.Reasons})
	}
	if out.ListVersions == nil {
		out.ListVersions = []screen.ListVersion{}
	}
	return out
}

// handleScreen answers POST /v1/screen: one ScreenRequest gives one
// ScreenResult, an array of them an array of results in order.
func (s *Server) handleScreen(w http.ResponseWriter, r *http.Request) error {
	items, batch, err := s.items(r)
	if err != nil {
		return err
	}
	type job struct {
		id string
		q  screen.Query
	}
	jobs := make([]job, len(items))
	for i, it := range items {
		var q ScreenRequest
		if err := decodeItem(it, batch, &q); err != nil {
			return err
		}
		kind, ok := screen.ParseKind(q.Kind)
		if !ok {
			return fieldError(it, batch, "kind", "%q: want org, person or vessel", q.Kind)
		}
		jobs[i] = job{id: q.ID, q: screen.Query{Name: q.Name, Kind: kind, Country: q.Country, IMO: q.IMO, DOB: q.DOB}}
	}
	out, err := parallelMap(r.Context(), jobs, func(ctx context.Context, j job) (ScreenResult, error) {
		res, err := s.cfg.Screener.Screen(ctx, j.q)
		if err != nil {
			return ScreenResult{}, err
		}
		s.metrics.verdicts.WithLabelValues(string(res.Verdict)).Inc()
		return newScreenResult(j.id, res), nil
	})
	if err != nil {
		return err
	}
	return answer(w, batch, out)
}
