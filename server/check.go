package server

import (
	"context"
	"errors"
	"net/http"

	"github.com/luxscreen/luxscreen/rules"
)

// handleCheck answers POST /v1/check: one shipment (rules.Shipment, see
// rules/shipment.schema.json) gives one rules.Decision, an array of
// shipments an array of decisions in order.
func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) error {
	items, batch, err := s.items(r)
	if err != nil {
		return err
	}
	ships := make([]*rules.Shipment, len(items))
	for i, it := range items {
		sh, err := rules.Decode(it.label(batch), it.data)
		if err != nil {
			return shipmentError(it, err)
		}
		ships[i] = sh
	}
	out, err := parallelMap(r.Context(), ships, func(ctx context.Context, sh *rules.Shipment) (CheckedDecision, error) {
		d, err := s.checkShipment(ctx, sh)
		if err != nil {
			return d, err
		}
		s.metrics.decisions.WithLabelValues(string(d.Verdict)).Inc()
		return d, nil
	})
	if err != nil {
		return err
	}
	return answer(w, batch, out)
}

// shipmentError turns the rules decoder's error into a 400 whose line
// and column are those of the request body, not of the item.
func shipmentError(it item, err error) error {
	var de *rules.DecodeError
	if !errors.As(err, &de) {
		return &apiError{status: http.StatusBadRequest, code: CodeInvalidField, message: err.Error(), err: err}
	}
	moved := *de
	if moved.Line > 0 {
		if moved.Line == 1 && moved.Column > 0 {
			moved.Column += it.col - 1
		}
		moved.Line += it.line - 1
	}
	code := CodeInvalidField
	if errors.Is(err, rules.ErrSyntax) {
		code = CodeInvalidJSON
	}
	return &apiError{status: http.StatusBadRequest, code: code, message: moved.Error(), err: err}
}
