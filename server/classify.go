package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/luxscreen/luxscreen/classify"
)

// ClassifyRequest is one goods line to classify, with the field names of
// the CLI's "classify --input" lines.
type ClassifyRequest = classify.Line

// dateLayout is the form of every date parameter and field.
const dateLayout = "2006-01-02"

// classifyItem validates the request and returns the classifier's Item.
func classifyItem(q ClassifyRequest, it item, batch bool) (classify.Item, error) {
	ci, err := q.Item()
	var fe *classify.FieldError
	if errors.As(err, &fe) {
		return ci, fieldError(it, batch, fe.Field, "%s", fe.Msg)
	}
	if ci.ID == "" && batch {
		// As the CLI numbers batch lines, so results can be told apart.
		ci.ID = strconv.Itoa(it.index + 1)
	}
	return ci, err
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
		if in[i], err = classifyItem(q, it, batch); err != nil {
			return err
		}
	}
	out, err := parallelMap(r.Context(), in, func(ctx context.Context, ci classify.Item) (classify.Result, error) {
		return s.sys.Classify(ctx, ci)
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
