package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	fs.StringVar(&b.output, "output", "", "write the output to FILE instead of standard output; FILE appears when every row is written, and not at all if the batch stops on an error")
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
//
// A file is written under a temporary name in its directory and renamed
// to FILE when the batch has written every row, so that FILE is never
// half written: a batch that stops on an error leaves no output file (and
// an earlier FILE as it was), and a reader of FILE sees the whole output
// or none.
type batchOutput struct {
	*bufio.Writer
	// terminal is set when the output is a terminal: results are flushed
	// one by one so that people see them as they come, and the progress
	// meter stays off because it would garble them.
	terminal bool
	// f is the temporary file, path the name it gets, mode its
	// permissions: those of the file it replaces, or newFileMode.
	f    *os.File
	path string
	mode os.FileMode
}

// newFileMode is the permissions of a new --output file, those os.Create
// gives under the usual umask of 022.
const newFileMode = 0o644

// openOutput opens the output of a batch reading in. It refuses an output
// file that is the input, under any name (a symbolic or hard link), since
// replacing it would lose the input.
func openOutput(e *env, path string, in *batchInput) (*batchOutput, error) {
	if path == "" || path == "-" {
		return &batchOutput{Writer: bufio.NewWriterSize(e.stdout, 64<<10), terminal: progress.IsTerminal(e.stdout)}, nil
	}
	mode := os.FileMode(newFileMode)
	if st, err := os.Stat(path); err == nil {
		if in.stat != nil && os.SameFile(st, in.stat) {
			return nil, usagef("--output %s is the input %s; write the output to another file", path, in.name)
		}
		mode = st.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.partial")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("--output %s: cannot create a file in %s: %w", path, dir, err)
	}
	return &batchOutput{Writer: bufio.NewWriterSize(f, 64<<10), f: f, path: path, mode: mode}, nil
}

// finish flushes the output and, for a file, closes it and gives it its
// name when keep is set, or removes it. It returns the first error.
func (o *batchOutput) finish(keep bool) error {
	err := o.Flush()
	if o.f == nil {
		return err
	}
	tmp := o.f.Name()
	if err == nil && keep {
		err = o.f.Sync()
	}
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err == nil && keep {
		if err = os.Chmod(tmp, o.mode); err == nil {
			err = os.Rename(tmp, o.path)
		}
	}
	if err != nil || !keep {
		os.Remove(tmp)
	}
	return err
}

// abort ends an output that will not be complete.
func (o *batchOutput) abort() { o.finish(false) }

// rowWriter writes the rows of a batch's output in input order: one per
// record, its result or, when it failed, its error row.
type rowWriter[Out any] interface {
	write(Out) error
	writeError(errorRow) error
	// close ends the output after a run that returned runErr.
	close(runErr error) error
}

// errorRow is the row of a record that could not be processed, in every
// output format, so that a consumer joining the output on the ID finds
// every record of the input.
type errorRow struct {
	// ID is the record's ID, when it could be read.
	ID string `json:"id"`
	// Line is the input line the record starts on.
	Line int `json:"line"`
	// Error says what is wrong, in plain words.
	Error string `json:"error"`
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
	// notes, when set, names a result's properties besides its outcome,
	// which the tally counts apart (see [progress.Tally.Note]).
	notes   func(Out) []string
	next    func() (In, error)
	process func(context.Context, In) (Out, error)
	// emit writes one result, and emitError the error row of a bad
	// record, which is also reported on standard error; they run on one
	// goroutine, in input order.
	emit      func(Out) error
	emitError func(In, error) error
}

// runBatch runs a job over its input with the progress meter and prints
// the summary, which counts every row written. A bad record gets its error
// row and is reported on standard error, and the batch goes on; it then
// ends with a [*recordsFailed], so that the exit code is 1. An input
// without records is a usage error (exit code 2): a batch of nothing is
// more likely a wrong file or a failed export than a quiet day.
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
			if err := job.emitError(r.In, r.Err); err != nil {
				return err
			}
		} else {
			job.tally.Add(job.outcome(r.Out))
			if job.notes != nil {
				for _, n := range job.notes(r.Out) {
					job.tally.Note(n)
				}
			}
			if err := job.emit(r.Out); err != nil {
				return err
			}
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
	if job.tally.Total() == 0 {
		return usagef("%s: no %s in %s: the input is empty or blank", job.cmd, job.many, in.name)
	}
	if n := job.tally.Errors(); n > 0 {
		return &recordsFailed{cmd: job.cmd, n: n, total: job.tally.Total(), many: job.many}
	}
	return nil
}

// closeBatch ends a batch's output after the run that returned err: the
// rows' framing, then the file, which is kept when every row was written
// (err is nil or a [*recordsFailed]) and removed otherwise. It returns the
// first error.
func closeBatch(err error, w interface{ close(error) error }, out *batchOutput) error {
	if cerr := w.close(err); err == nil {
		err = cerr
	}
	var rf *recordsFailed
	if cerr := out.finish(err == nil || errors.As(err, &rf)); err == nil {
		err = cerr
	}
	return err
}

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
// records, in the output as error rows and reported one by one on
// standard error already; it makes the exit code 1.
type recordsFailed struct {
	cmd      string
	n, total int64
	many     string
}

func (e *recordsFailed) Error() string {
	return fmt.Sprintf("%s: %s of %s %s failed; each has an error row in the output, and the errors are above", e.cmd, progress.Count(e.n), progress.Count(e.total), e.many)
}
