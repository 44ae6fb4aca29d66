package main

import (
	"errors"

	"github.com/luxscreen/luxscreen/internal/batch"
	"github.com/luxscreen/luxscreen/rules"
)

// csvShipmentReader returns a reader of the shipments of a bill-of-lading
// CSV (docs/csv-formats.md). A shipment that cannot be read is a
// [batch.RecordError] naming the shipment and its first line; an error
// that ends the input ends the batch.
func csvShipmentReader(in *batchInput) (func() (record[*rules.Shipment], error), error) {
	d, err := rules.NewCSVDecoder(in, in.name)
	if err != nil {
		return nil, err
	}
	return func() (record[*rules.Shipment], error) {
		s, err := d.Next()
		id, line := d.Last()
		rec := record[*rules.Shipment]{line: line, id: id, v: s}
		var de *rules.DecodeError
		if errors.As(err, &de) && !errors.Is(err, rules.ErrSyntax) {
			return rec, batch.Skip(err)
		}
		if err != nil {
			return record[*rules.Shipment]{}, err
		}
		return rec, nil
	}, nil
}
