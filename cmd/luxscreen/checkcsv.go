package main

import (
	"errors"
	"fmt"

	"github.com/luxscreen/luxscreen/internal/batch"
	"github.com/luxscreen/luxscreen/rules"
)

// checkRecord is one shipment of a batch: decoded, or, when it could not
// be read, what is known of it for the error's report.
type checkRecord struct {
	s *rules.Shipment
	// id is the shipment's ID when known; where is the input and line it
	// starts on.
	id, where string
}

// csvShipmentReader returns a reader of the shipments of a bill-of-lading
// CSV (docs/csv-formats.md). A shipment that cannot be read is a
// [batch.RecordError] naming the shipment and its first line; an error
// that ends the input ends the batch.
func csvShipmentReader(in *batchInput) (func() (checkRecord, error), error) {
	d, err := rules.NewCSVDecoder(in, in.name)
	if err != nil {
		return nil, err
	}
	return func() (checkRecord, error) {
		s, err := d.Next()
		id, line := d.Last()
		rec := checkRecord{s: s, id: id, where: fmt.Sprintf("%s:%d", in.name, line)}
		var de *rules.DecodeError
		if errors.As(err, &de) && !errors.Is(err, rules.ErrSyntax) {
			return rec, batch.Skip(err)
		}
		if err != nil {
			return checkRecord{}, err
		}
		return rec, nil
	}, nil
}
