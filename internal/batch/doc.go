// Package batch runs one function over a stream of records on several
// goroutines and hands the results back in input order.
//
// A batch command reads records (lines of JSON, rows of CSV, shipments),
// does something slow with each (classify, screen, check) and writes one
// result per record. [Run] reads with one goroutine, processes on
// [Options.Workers] goroutines and calls the emit function on the calling
// goroutine, in input order, so that output is deterministic and the
// caller needs no locks. At most [Options.Window] records are in flight —
// read but not yet emitted — so memory is bounded by the window and the
// size of one record, not by the size of the input.
//
// Errors come in two kinds. A bad record (a line that does not decode, a
// value out of range) is a [RecordError]: it is handed to emit in its
// place, like a result, and the run goes on; the caller reports it and
// counts it. Any other error — from reading, processing or emitting — is
// fatal: the first one cancels the run, no record after it is emitted, and
// Run returns it.
package batch
