package progress_test

import (
	"fmt"
	"os"
	"time"

	"github.com/luxscreen/luxscreen/internal/progress"
)

// Count a batch's outcomes and print its summary.
func ExampleTally() {
	t := progress.NewTally("match", "review", "clear")
	for _, v := range []string{"clear", "clear", "match", "review", "clear"} {
		t.Add(v)
	}
	t.WriteSummary(os.Stdout, "screen: ", "queries", 2*time.Second)
	// Output:
	// screen: 5 queries in 2.0s (2.5/s): match 1, review 1, clear 3; 0 errors
}

// Draw the meter's line for a batch half read after ten seconds.
func ExampleMeter_Line() {
	start := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	now := start
	m := progress.NewMeter(os.Stderr, progress.Options{
		Noun: "queries",
		Size: 1 << 20,
		Pos:  func() int64 { return 1 << 19 },
		Now:  func() time.Time { return now },
	})
	now = start.Add(10 * time.Second)
	fmt.Println(m.Line(now))
	// Output:
	// 0 queries  0.0/s  [==========>         ]  50%  ETA 0:10  0:10
}
