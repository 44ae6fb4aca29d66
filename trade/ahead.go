package trade

import (
	"encoding/csv"
	"errors"
)

// readAhead splits the records of a file on a goroutine of its own, a batch
// at a time, so that on a machine with a second core the splitting of the
// next rows overlaps the parsing of these. It returns what [records.read]
// returns, in the same order.
type readAhead struct {
	full, free chan *recordBatch
	stop       chan struct{}
	exited     chan struct{}
	cur        *recordBatch
	next       int
}

// batchRecords is the number of records handed over at a time: enough that
// handing over costs nothing per row, few enough that the batches in
// flight hold little.
const batchRecords = 256

// batchesInFlight is the number of batches the two goroutines share.
const batchesInFlight = 4

type recordBatch struct {
	recs []aheadRecord
	// fields holds the fields of the batch's records one after another.
	fields []string
}

// aheadRecord is one result of records.read: fields[start:end] of its
// batch, the line it starts on, and its error.
type aheadRecord struct {
	start, end int
	line       int
	err        error
}

func startReadAhead(recs *records) *readAhead {
	a := &readAhead{
		full:   make(chan *recordBatch, batchesInFlight),
		free:   make(chan *recordBatch, batchesInFlight),
		stop:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	for range batchesInFlight {
		a.free <- &recordBatch{}
	}
	go a.run(recs)
	return a
}

// run fills batches until the end of the file, a read error or close.
func (a *readAhead) run(recs *records) {
	defer close(a.exited)
	for {
		var b *recordBatch
		select {
		case b = <-a.free:
		case <-a.stop:
			return
		}
		b.recs, b.fields = b.recs[:0], b.fields[:0]
		last := false
		for len(b.recs) < batchRecords && !last {
			fields, line, err := recs.read()
			start := len(b.fields)
			b.fields = append(b.fields, fields...)
			b.recs = append(b.recs, aheadRecord{start: start, end: len(b.fields), line: line, err: err})
			last = err != nil && !malformed(err)
		}
		select {
		case a.full <- b:
		case <-a.stop:
			return
		}
		if last {
			return
		}
	}
}

// read returns the next record, as records.read would. After the end of the
// file or a read error it returns the same again.
func (a *readAhead) read() ([]string, int, error) {
	if a.cur == nil || a.next == len(a.cur.recs) {
		if a.cur != nil {
			a.free <- a.cur // never blocks: free has room for every batch
		}
		a.cur, a.next = <-a.full, 0
	}
	r := a.cur.recs[a.next]
	if r.err == nil || malformed(r.err) {
		a.next++
	}
	return a.cur.fields[r.start:r.end], r.line, r.err
}

// malformed reports whether err is about one malformed record, which leaves
// the next readable, rather than the end of the file or an error reading
// it, which ends the reading.
func malformed(err error) bool {
	var pe *csv.ParseError
	return errors.As(err, &pe)
}

// close stops the goroutine and waits until it has stopped reading, so that
// the file may be read again.
func (a *readAhead) close() {
	close(a.stop)
	<-a.exited
}
