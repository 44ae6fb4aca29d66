package progress_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/progress"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// frames splits what a meter wrote to the terminal into the lines it drew.
func frames(s string) []string {
	var out []string
	for _, f := range strings.Split(s, "\r") {
		if f = strings.TrimSuffix(f, "\x1b[K"); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func TestMeterThrottles(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
	var term bytes.Buffer
	m := progress.NewMeter(&term, progress.Options{Noun: "queries", Now: clock.now})
	// 100 records every 10 ms for 2 s: 200 calls, at most 4 draws a second.
	for range 200 {
		clock.advance(10 * time.Millisecond)
		m.Add(100)
	}
	m.Clear()
	got := frames(term.String())
	want := []string{
		"2,500 queries  10,000/s  0:00",
		"5,000 queries  10,000/s  0:01",
		"7,500 queries  10,000/s  0:01",
		"10,000 queries  10,000/s  0:01",
		"12,500 queries  10,000/s  0:01",
		"15,000 queries  10,000/s  0:02",
		"17,500 queries  10,000/s  0:02",
		"20,000 queries  10,000/s  0:02",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("frames (-want +got):\n%s", diff)
	}
	if !strings.HasSuffix(term.String(), "\r\x1b[K") {
		t.Errorf("Clear did not erase the line: %q", term.String())
	}
}

func TestMeterETA(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
	var pos int64
	var term bytes.Buffer
	m := progress.NewMeter(&term, progress.Options{Noun: "shipments", Size: 1000, Pos: func() int64 { return pos }, Now: clock.now})
	steps := []struct {
		after time.Duration
		pos   int64
		want  string
	}{
		{500 * time.Millisecond, 50, "10 shipments  20/s  [=>                  ]   5%  ETA --:--  0:01"},
		{1500 * time.Millisecond, 250, "20 shipments  10/s  [=====>              ]  25%  ETA 0:06  0:02"},
		{18 * time.Second, 1000, "30 shipments  1.5/s  [====================] 100%  ETA 0:00  0:20"},
	}
	for _, s := range steps {
		clock.advance(s.after)
		pos = s.pos
		m.Add(10)
		if got := m.Line(clock.now()); got != s.want {
			t.Errorf("after %v: line %q, want %q", s.after, got, s.want)
		}
	}
	if n := len(frames(term.String())); n != 3 {
		t.Errorf("%d frames drawn, want 3", n)
	}
}

// TestMeterQuick checks that a batch done within the first interval leaves
// nothing on the terminal.
func TestMeterQuick(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
	var term bytes.Buffer
	m := progress.NewMeter(&term, progress.Options{Now: clock.now})
	clock.advance(100 * time.Millisecond)
	m.Add(6)
	m.Clear()
	if term.Len() != 0 {
		t.Errorf("quick batch drew %q", term.String())
	}
}

func TestTally(t *testing.T) {
	tl := progress.NewTally("block", "review", "clear")
	for _, v := range []string{"review", "clear", "block", "review", "odd"} {
		tl.Add(v)
	}
	tl.Error()
	got := tl.Summary("shipments", 1500*time.Millisecond)
	want := "6 shipments in 1.5s (4.0/s): block 1, review 2, clear 1, odd 1; 1 error"
	if got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if tl.Get("review") != 2 || tl.Get("nothing") != 0 || tl.Total() != 6 || tl.Errors() != 1 {
		t.Errorf("counts: review %d, nothing %d, total %d, errors %d", tl.Get("review"), tl.Get("nothing"), tl.Total(), tl.Errors())
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{progress.Count(0), "0"},
		{progress.Count(999), "999"},
		{progress.Count(1000), "1,000"},
		{progress.Count(1234567), "1,234,567"},
		{progress.Count(-1234), "-1,234"},
		{progress.Rate(5, 0), "-/s"},
		{progress.Rate(5, 2*time.Second), "2.5/s"},
		{progress.Rate(1_000_000, 90*time.Second), "11,111/s"},
		{progress.Duration(1234 * time.Millisecond), "1.2s"},
		{progress.Duration(42 * time.Millisecond), "42ms"},
		{progress.Duration(83 * time.Second), "1:23"},
		{progress.Duration(3*time.Hour + 2*time.Minute + 1*time.Second), "3:02:01"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestIsTerminal(t *testing.T) {
	if progress.IsTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if progress.IsTerminal(f) {
		t.Error("a regular file is a terminal")
	}
}

func TestTallyNotes(t *testing.T) {
	tl := progress.NewTally("yes", "no", "unknown").WithNotes("needs review")
	for _, v := range []struct {
		outcome string
		review  bool
	}{{"yes", true}, {"no", false}, {"unknown", true}, {"yes", false}} {
		tl.Add(v.outcome)
		if v.review {
			tl.Note("needs review")
		}
	}
	tl.Error()
	got := tl.Summary("lines", time.Second)
	want := "5 lines in 1.0s (5.0/s): yes 2, no 1, unknown 1; needs review 2; 1 error"
	if got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if tl.Total() != 5 || tl.Get("needs review") != 2 {
		t.Errorf("total %d, needs review %d; want 5, 2", tl.Total(), tl.Get("needs review"))
	}
}
