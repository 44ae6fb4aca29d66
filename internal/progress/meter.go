package progress

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// DefaultInterval is the least time between two redraws of a [Meter]:
// four a second is smooth to the eye and costs nothing.
const DefaultInterval = 250 * time.Millisecond

// Options configure a [Meter].
type Options struct {
	// Noun names what is counted, in the plural: "queries", "shipments".
	Noun string
	// Size is the size of the input in bytes, or 0 when it is not known
	// (standard input, a pipe). With Pos it gives the percentage and the
	// time left.
	Size int64
	// Pos returns how many bytes of the input have been read. It may be
	// called from another goroutine than the reader's, so it must be safe
	// for that (an atomic counter).
	Pos func() int64
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Interval is the least time between redraws; zero means
	// DefaultInterval.
	Interval time.Duration
}

// Meter draws a progress line. Its methods must be called from one
// goroutine.
type Meter struct {
	w     io.Writer
	opt   Options
	start time.Time
	drawn time.Time // zero until the first draw
	shown bool      // the line is on the terminal
	n     int64
	buf   []byte
}

// NewMeter returns a meter that draws on w, which should be a terminal,
// starting its clock now.
func NewMeter(w io.Writer, opt Options) *Meter {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Interval <= 0 {
		opt.Interval = DefaultInterval
	}
	if opt.Noun == "" {
		opt.Noun = "records"
	}
	return &Meter{w: w, opt: opt, start: opt.Now()}
}

// Add counts n more records done and redraws the line if the interval has
// passed since the last draw. Nothing is drawn during the first interval,
// so a batch that takes less time leaves no trace.
func (m *Meter) Add(n int) {
	m.n += int64(n)
	now := m.opt.Now()
	last := m.drawn
	if last.IsZero() {
		last = m.start
	}
	if now.Sub(last) < m.opt.Interval {
		return
	}
	m.drawn, m.shown = now, true
	m.buf = append(m.buf[:0], '\r')
	m.buf = append(m.buf, m.Line(now)...)
	m.buf = append(m.buf, "\x1b[K"...) // erase what a longer line left
	m.w.Write(m.buf)                   // a meter that cannot draw must not stop the batch
}

// Clear erases the line, so that an error message or the summary can be
// written in its place; the next Add after the interval draws it again.
func (m *Meter) Clear() {
	if m.shown {
		io.WriteString(m.w, "\r\x1b[K")
		m.shown = false
	}
}

// Line returns the meter's text as of now, without control characters:
// "12,345 queries  4,321/s  [=====>    ] 52%  ETA 0:42".
func (m *Meter) Line(now time.Time) string {
	elapsed := now.Sub(m.start)
	var b strings.Builder
	b.WriteString(Count(m.n))
	b.WriteString(" ")
	b.WriteString(m.opt.Noun)
	b.WriteString("  ")
	b.WriteString(Rate(m.n, elapsed))
	if m.opt.Size > 0 && m.opt.Pos != nil {
		frac := min(float64(m.opt.Pos())/float64(m.opt.Size), 1)
		fmt.Fprintf(&b, "  %s %3.0f%%  ETA %s", bar(frac, 20), 100*frac, eta(frac, elapsed))
	}
	b.WriteString("  ")
	b.WriteString(clock(elapsed))
	return b.String()
}

// bar draws frac as "[=====>    ]" with width cells inside the brackets.
func bar(frac float64, width int) string {
	full := int(frac * float64(width))
	var b strings.Builder
	b.WriteByte('[')
	b.WriteString(strings.Repeat("=", full))
	if full < width {
		b.WriteByte('>')
		b.WriteString(strings.Repeat(" ", width-full-1))
	}
	b.WriteByte(']')
	return b.String()
}

// eta extrapolates the time left from the fraction of the input read. The
// reader runs a window of records ahead of the records done, which on any
// input worth a meter is a rounding error.
func eta(frac float64, elapsed time.Duration) string {
	if frac <= 0 || elapsed < time.Second {
		return "--:--"
	}
	left := time.Duration(float64(elapsed) * (1 - frac) / frac)
	return clock(left)
}
