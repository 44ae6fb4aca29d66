package batch_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/batch"
)

// counter returns a next function yielding 0…n-1, then io.EOF.
func counter(n int) func() (int, error) {
	i := 0
	return func() (int, error) {
		if i == n {
			return 0, io.EOF
		}
		i++
		return i - 1, nil
	}
}

// jitter sleeps a random few microseconds so that workers finish out of
// order.
func jitter(seed int) {
	time.Sleep(time.Duration(rand.New(rand.NewPCG(uint64(seed), 7)).IntN(200)) * time.Microsecond)
}

func TestRunOrder(t *testing.T) {
	for _, opt := range []batch.Options{{}, {Workers: 1}, {Workers: 8, Window: 3}, {Workers: 3, Window: 64}} {
		t.Run(fmt.Sprintf("%+v", opt), func(t *testing.T) {
			const n = 500
			var got []string
			err := batch.Run(context.Background(), opt, counter(n),
				func(_ context.Context, i int) (string, error) {
					jitter(i)
					return strconv.Itoa(i * i), nil
				},
				func(r batch.Result[int, string]) error {
					if r.Index != r.In {
						t.Errorf("result %d has index %d", r.In, r.Index)
					}
					got = append(got, r.Out)
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for i := range n {
				want = append(want, strconv.Itoa(i*i))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRunEmpty(t *testing.T) {
	calls := 0
	err := batch.Run(context.Background(), batch.Options{}, counter(0),
		func(context.Context, int) (int, error) { calls++; return 0, nil },
		func(batch.Result[int, int]) error { calls++; return nil })
	if err != nil || calls != 0 {
		t.Errorf("Run over nothing: err %v, %d calls", err, calls)
	}
}

// TestRunRecordErrors checks that bad records, from reading or from
// processing, are emitted in their place and do not stop the run.
func TestRunRecordErrors(t *testing.T) {
	errRead := errors.New("bad line")
	errProc := errors.New("bad value")
	next := counter(10)
	read := func() (int, error) {
		i, err := next()
		if err == nil && i == 3 {
			return i, batch.Skip(fmt.Errorf("line 4: %w", errRead))
		}
		return i, err
	}
	type row struct {
		Index int
		Out   int
		Err   string
	}
	var got []row
	err := batch.Run(context.Background(), batch.Options{Workers: 4}, read,
		func(_ context.Context, i int) (int, error) {
			jitter(i)
			if i == 7 {
				return 0, batch.Skip(errProc)
			}
			return i * 10, nil
		},
		func(r batch.Result[int, int]) error {
			x := row{Index: r.Index, Out: r.Out}
			if r.Err != nil {
				x.Err = r.Err.Error()
				if !errors.Is(r.Err, errRead) && !errors.Is(r.Err, errProc) {
					t.Errorf("record %d: error %v wraps neither cause", r.Index, r.Err)
				}
			}
			got = append(got, x)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	want := []row{{0, 0, ""}, {1, 10, ""}, {2, 20, ""}, {3, 0, "line 4: bad line"}, {4, 40, ""}, {5, 50, ""}, {6, 60, ""}, {7, 0, "bad value"}, {8, 80, ""}, {9, 90, ""}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
}

// TestRunFatal checks that the first fatal error, wherever it arises, stops
// the run and is returned, that every record before the failed one is
// emitted, and that nothing after it is.
func TestRunFatal(t *testing.T) {
	errFatal := errors.New("disk on fire")
	tests := []struct {
		name              string
		failRead, failRun int
		failEmit          int
	}{
		{name: "read", failRead: 40, failRun: -1, failEmit: -1},
		{name: "process", failRead: -1, failRun: 40, failEmit: -1},
		{name: "emit", failRead: -1, failRun: -1, failEmit: 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var processed atomic.Int64
			next := counter(100000)
			read := func() (int, error) {
				i, err := next()
				if i == tt.failRead {
					return 0, fmt.Errorf("reading: %w", errFatal)
				}
				return i, err
			}
			last := -1
			err := batch.Run(context.Background(), batch.Options{Workers: 4, Window: 8}, read,
				func(_ context.Context, i int) (int, error) {
					processed.Add(1)
					if i == tt.failRun {
						return 0, errFatal
					}
					return i, nil
				},
				func(r batch.Result[int, int]) error {
					last = r.Index
					if r.Index == tt.failEmit {
						return errFatal
					}
					return nil
				})
			if !errors.Is(err, errFatal) {
				t.Errorf("Run = %v, want %v", err, errFatal)
			}
			// Every record before the failed one is emitted, none after;
			// emit saw record 40 itself fail.
			want := 39
			if tt.failEmit >= 0 {
				want = 40
			}
			if last != want {
				t.Errorf("last record emitted %d, want %d", last, want)
			}
			if n := processed.Load(); n > 40+8+1 {
				t.Errorf("%d records processed; the window of 8 allows at most 49", n)
			}
		})
	}
}

func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	emitted := 0
	err := batch.Run(ctx, batch.Options{Workers: 2}, counter(1_000_000),
		func(_ context.Context, i int) (int, error) { return i, nil },
		func(r batch.Result[int, int]) error {
			emitted++
			if r.Index == 100 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if emitted != 101 {
		t.Errorf("%d records emitted after cancelling at the 101st", emitted)
	}
}

// TestRunBounded checks that records in flight never exceed the window,
// however slow the first record is.
func TestRunBounded(t *testing.T) {
	const window = 5
	var inFlight, peak atomic.Int64
	next := counter(200)
	read := func() (int, error) {
		i, err := next()
		if err == nil {
			n := inFlight.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
		}
		return i, err
	}
	err := batch.Run(context.Background(), batch.Options{Workers: 3, Window: window}, read,
		func(_ context.Context, i int) (int, error) {
			if i%50 == 0 {
				time.Sleep(5 * time.Millisecond) // holds back all after it
			}
			return i, nil
		},
		func(batch.Result[int, int]) error {
			inFlight.Add(-1)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if p := peak.Load(); p > window {
		t.Errorf("%d records in flight, window is %d", p, window)
	}
}

// TestRunFirstInOrder checks that of two fatal errors the one of the
// earlier record is returned, even when the later one happens first.
func TestRunFirstInOrder(t *testing.T) {
	errEarly, errLate := errors.New("record 10"), errors.New("record 12")
	late := make(chan struct{})
	err := batch.Run(context.Background(), batch.Options{Workers: 4, Window: 8}, counter(100),
		func(_ context.Context, i int) (int, error) {
			switch i {
			case 10:
				<-late // fail only after record 12 has failed
				return 0, errEarly
			case 12:
				close(late)
				return 0, errLate
			}
			return i, nil
		},
		func(batch.Result[int, int]) error { return nil })
	if !errors.Is(err, errEarly) {
		t.Errorf("Run = %v, want %v", err, errEarly)
	}
}
