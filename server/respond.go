package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// answer writes one result for a single request, or the array of results
// for a batch.
func answer[R any](w http.ResponseWriter, batch bool, out []R) error {
	if batch {
		return writeJSON(w, http.StatusOK, out)
	}
	return writeJSON(w, http.StatusOK, out[0])
}

// parallelMap applies fn to each element of in, on up to GOMAXPROCS
// goroutines, and returns the results in input order. The first error
// cancels the rest and is returned; a batch answers whole or not at all.
func parallelMap[T, R any](ctx context.Context, in []T, fn func(context.Context, T) (R, error)) ([]R, error) {
	out := make([]R, len(in))
	if len(in) == 1 {
		r, err := safeCall(ctx, in[0], fn)
		out[0] = r
		return out, err
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	workers := min(runtime.GOMAXPROCS(0), len(in))
	var (
		next int64 = -1
		wg   sync.WaitGroup
		once sync.Once
		ferr error
	)
	for range workers {
		wg.Go(func() {
			for {
				i := int(atomic.AddInt64(&next, 1))
				if i >= len(in) || ctx.Err() != nil {
					return
				}
				r, err := safeCall(ctx, in[i], fn)
				if err != nil {
					once.Do(func() { ferr = err; cancel(err) })
					return
				}
				out[i] = r
			}
		})
	}
	wg.Wait()
	if ferr != nil {
		return nil, ferr
	}
	if err := ctx.Err(); err != nil {
		return nil, context.Cause(ctx)
	}
	return out, nil
}

// panicError is a panic recovered in a handler or a batch worker, with the
// stack where it happened, for the log.
type panicError struct {
	value any
	stack []byte
}

func (e *panicError) Error() string { return fmt.Sprintf("panic: %v", e.value) }

// safeCall calls fn and turns a panic into a *panicError. Batch workers
// run on their own goroutines, where the recovering middleware cannot
// see a panic, and an unrecovered panic there would end the process.
func safeCall[T, R any](ctx context.Context, v T, fn func(context.Context, T) (R, error)) (r R, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &panicError{value: p, stack: debug.Stack()}
		}
	}()
	return fn(ctx, v)
}
