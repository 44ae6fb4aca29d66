package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/luxscreen/luxscreen/internal/batch"
	"github.com/luxscreen/luxscreen/internal/progress"
)

// batchFlags are the flags "classify", "screen" and "check" share for
// reading a file of records.
type batchFlags struct {
	inputFormat string
	output      string
	workers     int
	progress    bool
}

func (b *batchFlags) register(fs *flagSet) {
	fs.StringVar(&b.inputFormat, "input-format", "", "format of --input: jsonl or csv (default: csv for a .csv file, else jsonl)")
	fs.StringVar(&b.output, "output", "", "write the output to FILE instead of standard output")
	fs.IntVar(&b.workers, "workers", runtime.GOMAXPROCS(0), "records processed at once (default: the number of CPUs)")
	fs.BoolVar(&b.progress, "progress", true, "show a progress meter on standard error when it is a terminal and the output is not")
}

func (b *batchFlags) check() error {
	if b.workers < 1 {
		return usagef("--workers %d: want 1 or more", b.workers)
	}
	return nil
}

// batchOutput is where a batch writes: standard output or --output FILE,
// buffered, because a million small writes to a pipe cost more than the
// screening.
type batchOutput struct {
	*bufio.Writer
	// terminal is set when the output is a terminal: results are flushed
	// one by one so that people see them as they come, and the progress
	// meter stays off because it would garble them.
	terminal bool
	f        *os.File
}

func openOutput(e *env, path string) (*batchOutput, error) {
	if path == "" || path == "-" {
		return &batchOutput{Writer: bufio.NewWriterSize(e.stdout, 64<<10), terminal: progress.IsTerminal(e.stdout)}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &batchOutput{Writer: bufio.NewWriterSize(f, 64<<10), f: f}, nil
}

// close flushes and closes the output, returning the first error.
func (o *batchOutput) close() error {
	err := o.Flush()
	if o.f != nil {
		if cerr := o.f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// batchJob is one batch command's part in runBatch.
type batchJob[In, Out any] struct {
	// cmd is the command's name, for messages.
	cmd string
	// one and many name a record, in the summary: "query", "queries".
	one, many string
	// tally counts the outcomes; outcome names one result's.
	tally   *progress.Tally
	outcome func(Out) string
	next    func() (In, error)
	process func(context.Context, In) (Out, error)
	// emit writes one result; it runs on one goroutine, in input order.
	emit func(Out) error
	// emitError, if set, also records a bad record in the output (the
	// HTML report shows it); it is always reported on standard error.
	emitError func(In, error) error
}

// runBatch runs a job over its input with the progress meter and prints
// the summary. A bad record is reported on standard error and the batch
// goes on; it then ends with an error, so that the exit code is 1.
func runBatch[In, Out any](ctx context.Context, e *env, bf *batchFlags, in *batchInput, out *batchOutput, job batchJob[In, Out]) error {
	start := e.now()
	defer batchGC()()
	var meter *progress.Meter
	if bf.progress && !out.terminal && progress.IsTerminal(e.stderr) {
		meter = progress.NewMeter(e.stderr, progress.Options{Noun: job.many, Size: in.size, Pos: in.pos, Now: e.now})
	}
	err := batch.Run(ctx, batch.Options{Workers: bf.workers}, job.next, job.process, func(r batch.Result[In, Out]) error {
		if meter != nil {
			meter.Add(1)
		}
		if r.Err != nil {
			job.tally.Error()
			if meter != nil {
				meter.Clear()
			}
			fmt.Fprintf(e.stderr, "luxscreen %s: %v\n", job.cmd, r.Err)
			if job.emitError != nil {
				return job.emitError(r.In, r.Err)
			}
			return nil
		}
		job.tally.Add(job.outcome(r.Out))
		if err := job.emit(r.Out); err != nil {
			return err
		}
		if out.terminal {
			return out.Flush()
		}
		return nil
	})
	if meter != nil {
		meter.Clear()
	}
	many := job.many
	if job.tally.Total() == 1 {
		many = job.one
	}
	job.tally.WriteSummary(e.stderr, "luxscreen "+job.cmd+": ", many, e.now().Sub(start))
	if err != nil {
		return err
	}
	if n := job.tally.Errors(); n > 0 {
		return &recordsFailed{cmd: job.cmd, n: n, total: job.tally.Total(), many: job.many}
	}
	return nil
}

// closeBatch ends a batch's output after the run that returned err: the
// records' framing, then the file. It returns the first error.
func closeBatch(err error, rw interface{ close() error }, out *batchOutput) error {
	if cerr := rw.close(); err == nil {
		err = cerr
	}
	if cerr := out.close(); err == nil {
		err = cerr
	}
	return err
}

// closer is a function with the close method closeBatch calls.
type closer func() error

func (c closer) close() error { return c() }

// batchGCPercent is the garbage collector's target during a batch, when
// GOGC does not set one: a batch allocates tens of kilobytes a record
// while the sanctions lists keep a large heap live, and collecting at
// three times the live heap instead of twice cut the CPU time of the
// 200,000-shipment check by a sixth and its time by a quarter, for about
// 100 MB more memory.
const batchGCPercent = 300

// batchGC sets the collector's target for a batch and returns the
// function that restores the previous one.
func batchGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(batchGCPercent)
	return func() { debug.SetGCPercent(prev) }
}

// recordsFailed is the error of a batch that ran to the end but had bad
// records, reported one by one already; it makes the exit code 1.
type recordsFailed struct {
	cmd      string
	n, total int64
	many     string
}

func (e *recordsFailed) Error() string {
	return fmt.Sprintf("%s: %d of %d %s failed; see the errors above", e.cmd, e.n, e.total, e.many)
}
