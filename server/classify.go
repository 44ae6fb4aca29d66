package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/classify"
)

// ClassifyRequest is one goods line to classify. Its field names are those
// of the CLI's "classify --input" lines.
type ClassifyRequest struct {
	ID              string   `json:"id"`
	Description     string   `json:"description"`
	HSCode          string   `json:"hs_code"`
	Value           *float64 `json:"value"`
	Currency        string   `json:"currency"`
	Quantity        *float64 `json:"quantity"`
	Unit            string   `json:"unit"`
	ExporterCountry string   `json:"exporter_country"`
	Destination     string   `json:"destination"`
	// Date is the shipment date, YYYY-MM-DD; empty means today.
	Date string `json:"date"`
}

// dateLayout is the form of every date parameter and field.
const dateLayout = "2006-01-02"

// item validates the request and returns the classifier's Item.
func (q ClassifyRequest) item(it item, batch bool) (classify.Item, error) {
	ci := classify.Item{ID: q.ID, Description: q.Description, DeclaredCode: q.HSCode, Currency: q.Currency,
		Unit: q.Unit, ExporterCountry: q.ExporterCountry, Destination: q.Destination}
	if q.Value != nil {
		ci.Value = *q.Value
	}
	if q.Quantity != nil {
		ci.Quantity = *q.Quantity
	}
	if strings.TrimSpace(q.Description) == "" && strings.TrimSpace(q.HSCode) == "" {
		return ci, fieldError(it, batch, "description", "give a description or an hs_code")
	}
	if q.Date != "" {
		t, err := time.Parse(dateLayout, q.Date)
		if err != nil {
			return ci, fieldError(it, batch, "date", "%q: want YYYY-MM-DD", q.Date)
		}
		ci.Date = t
	}
	if ci.ID == "" && batch {
		// As the CLI numbers batch lines, so results can be told apart.
		ci.ID = strconv.Itoa(it.index + 1)
	}
	return ci, nil
}

// handleClassify answers POST /v1/classify: one ClassifyRequest gives one
// classify.Result, an array of them an array of results in order.
func (s *Server) handleClassify(w http.ResponseWriter, r *http.Request) error {
	items, batch, err := s.items(r)
	if err != nil {
		return err
	}
	in := make([]classify.Item, len(items))
	for i, it := range items {
		var q ClassifyRequest
		if err := decodeItem(it, batch, &q); err != nil {
			return err
		}
		if in[i], err = q.item(it, batch); err != nil {
			return err
		}
	}
	out, err := parallelMap(r.Context(), in, func(ctx context.Context, ci classify.Item) (classify.Result, error) {
		return s.cfg.Classifier.Classify(ctx, ci)
	})
	if err != nil {
		return err
	}
	return answer(w, batch, out)
}

// items reads the body and splits it into items, at most MaxBatch.
func (s *Server) items(r *http.Request) ([]item, bool, error) {
	body, err := readBody(r)
	if err != nil {
		return nil, false, err
	}
	return splitBody(body, s.cfg.MaxBatch)
}
