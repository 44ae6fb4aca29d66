package progress

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Tally counts records by outcome for a batch's summary. The outcomes are
// given up front, so that the summary lists them in a fixed order and
// shows those that did not occur as 0.
type Tally struct {
	names  []string
	counts []int64
	errors int64
	// notes count properties a record has besides its outcome.
	notes      []string
	noteCounts []int64
}

// NewTally returns a tally of the given outcomes, in the order the summary
// lists them.
func NewTally(outcomes ...string) *Tally {
	return &Tally{names: outcomes, counts: make([]int64, len(outcomes))}
}

// Add counts one record with the given outcome. An outcome not given to
// NewTally is added after the others rather than lost.
func (t *Tally) Add(outcome string) {
	for i, n := range t.names {
		if n == outcome {
			t.counts[i]++
			return
		}
	}
	t.names = append(t.names, outcome)
	t.counts = append(t.counts, 1)
}

// WithNotes declares properties a record may have besides its outcome (a
// classified line that needs review, whatever its luxury state), so that
// the summary lists them, after the outcomes, even when 0. It returns t.
func (t *Tally) WithNotes(names ...string) *Tally {
	t.notes = append(t.notes, names...)
	t.noteCounts = append(t.noteCounts, make([]int64, len(names))...)
	return t
}

// Note counts one record that has the property name. A note is not a
// record of its own: Total does not count it. A name not given to
// WithNotes is added after the others rather than lost.
func (t *Tally) Note(name string) {
	for i, n := range t.notes {
		if n == name {
			t.noteCounts[i]++
			return
		}
	}
	t.notes = append(t.notes, name)
	t.noteCounts = append(t.noteCounts, 1)
}

// Error counts one record that could not be read or processed.
func (t *Tally) Error() { t.errors++ }

// Errors returns the number of records counted by Error.
func (t *Tally) Errors() int64 { return t.errors }

// Total returns the number of records counted, errors included.
func (t *Tally) Total() int64 {
	n := t.errors
	for _, c := range t.counts {
		n += c
	}
	return n
}

// Get returns the count of one outcome, or of one note.
func (t *Tally) Get(outcome string) int64 {
	for i, n := range t.names {
		if n == outcome {
			return t.counts[i]
		}
	}
	for i, n := range t.notes {
		if n == outcome {
			return t.noteCounts[i]
		}
	}
	return 0
}

// Summary returns the summary line:
// "6 shipments in 1.2s (5.0/s): block 2, review 3, clear 1; 0 errors", with
// the notes, if any, before the errors: "…: yes 1, no 3, unknown 2; needs
// review 3; 0 errors".
func (t *Tally) Summary(noun string, elapsed time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s in %s (%s): ", Count(t.Total()), noun, Duration(elapsed), Rate(t.Total(), elapsed))
	for i, n := range t.names {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %s", n, Count(t.counts[i]))
	}
	for i, n := range t.notes {
		sep := ", "
		if i == 0 {
			sep = "; "
		}
		fmt.Fprintf(&b, "%s%s %s", sep, n, Count(t.noteCounts[i]))
	}
	errs := "errors"
	if t.errors == 1 {
		errs = "error"
	}
	fmt.Fprintf(&b, "; %s %s", Count(t.errors), errs)
	return b.String()
}

// WriteSummary writes the summary line, prefixed and ended by a newline.
func (t *Tally) WriteSummary(w io.Writer, prefix, noun string, elapsed time.Duration) error {
	_, err := fmt.Fprintf(w, "%s%s\n", prefix, t.Summary(noun, elapsed))
	return err
}
