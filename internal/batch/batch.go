package batch

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
)

// Options tune a run. The zero value is ready to use.
type Options struct {
	// Workers is the number of goroutines that process records; zero or
	// less means runtime.GOMAXPROCS(0).
	Workers int
	// Window is the most records in flight, read but not yet emitted; zero
	// or less means 4 × Workers. A slow record holds back the emission of
	// those after it, so a window a few times the number of workers keeps
	// the workers busy while the oldest record finishes.
	Window int
}

func (o Options) normalize() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Window <= 0 {
		o.Window = 4 * o.Workers
	}
	// A window smaller than the pool would leave workers idle forever.
	o.Window = max(o.Window, o.Workers)
	return o
}

// Result is the outcome of one record, handed to emit in input order.
type Result[In, Out any] struct {
	// Index is the 0-based position of the record in the input.
	Index int
	// In is the record as read.
	In In
	// Out is what process returned; it is the zero value when Err is set.
	Out Out
	// Err is the [RecordError]'s underlying error when the record was bad,
	// nil otherwise.
	Err error
}

// slot carries one record through the pipeline. Slots are recycled, so a
// run allocates Window of them whatever the size of the input.
type slot[In, Out any] struct {
	res   Result[In, Out]
	fatal error         // a fatal error from process
	done  chan struct{} // receives once when res is final
}

// Run reads records with next until it returns io.EOF, calls process on
// each from opt.Workers goroutines and calls emit with each result in input
// order, on the goroutine that called Run.
//
// next is called from one goroutine at a time. If it returns a
// [RecordError], the record is not processed and emit receives the error
// in its place. process must be safe for concurrent use; a [RecordError]
// from it is likewise emitted in place.
//
// Any other error is fatal, and Run returns the first in input order: an
// error from next or process stops the reading, every record before the
// failed one is still processed and emitted, and none after it; an error
// from emit stops the run at once. If ctx is cancelled, Run stops without
// emitting more and returns ctx's error (its cause). Run returns after
// every goroutine it started has returned; it waits for a call of next in
// progress, so next should not block forever on a reader that cannot end.
func Run[In, Out any](ctx context.Context, opt Options, next func() (In, error), process func(context.Context, In) (Out, error), emit func(Result[In, Out]) error) error {
	opt = opt.normalize()
	// ctx stops everything: the caller's cancellation, or the end of the
	// run. readCtx only stops the reading, when a record fails fatally and
	// those before it must still be finished.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()

	// free holds the slots not in use; taking one is what bounds the
	// records in flight. work and order have room for every slot, so
	// sending on them never blocks.
	free := make(chan *slot[In, Out], opt.Window)
	for range opt.Window {
		free <- &slot[In, Out]{done: make(chan struct{}, 1)}
	}
	work := make(chan *slot[In, Out], opt.Window)
	order := make(chan *slot[In, Out], opt.Window)

	var (
		wg      sync.WaitGroup
		readErr error // written by the reader before it closes order
	)
	wg.Go(func() {
		defer close(work)
		defer close(order)
		for i := 0; ; i++ {
			var s *slot[In, Out]
			select {
			case s = <-free:
			case <-readCtx.Done():
				return
			}
			in, err := next()
			if err == io.EOF {
				return
			}
			s.res = Result[In, Out]{Index: i, In: in}
			if err != nil {
				if s.res.Err = recordErr(err); s.res.Err == nil {
					readErr = err
					return
				}
				order <- s
				s.done <- struct{}{}
				continue
			}
			order <- s
			work <- s
		}
	})
	for range opt.Workers {
		wg.Go(func() {
			for s := range work {
				if ctx.Err() == nil {
					out, err := process(ctx, s.res.In)
					if err == nil {
						s.res.Out = out
					} else if s.res.Err = recordErr(err); s.res.Err == nil {
						s.fatal = err
						stopReading()
					}
				}
				s.done <- struct{}{}
			}
		})
	}

	var (
		zero Result[In, Out]
		err  error
	)
	for s := range order {
		<-s.done // the reader or a worker finishes every slot sent on order
		if ctx.Err() != nil {
			err = context.Cause(ctx)
			break
		}
		if s.fatal != nil {
			err = s.fatal
			break
		}
		if err = emit(s.res); err != nil {
			break
		}
		s.res, s.fatal = zero, nil // drop references to the record before reuse
		free <- s
	}
	// The reader returns once ctx is done (order and work have room for
	// every slot, so it never blocks sending), and the workers skip what
	// is left in work.
	cancel(nil)
	wg.Wait()
	if err == nil {
		err = readErr
	}
	return err
}

// recordErr returns the error of a [RecordError] in err's chain, or nil
// when err is fatal. It is called only on errors, so that the happy path
// allocates nothing for errors.As.
func recordErr(err error) error {
	var re *RecordError
	if errors.As(err, &re) {
		return re.Err
	}
	return nil
}
