// Package progress shows how a batch command is getting on: a one-line
// meter on a terminal while it runs and a summary when it ends.
//
// A [Meter] redraws a line on standard error — records done, rate, and when
// the input's size is known a bar, the percentage and the time left — at
// most four times a second. Commands create one only when standard error is
// a terminal ([IsTerminal]); in logs and pipes the carriage returns would
// be noise. A [Tally] counts records by outcome (block, review, clear…)
// and writes the summary line, which is printed whether or not the meter
// was shown.
//
// Both take their clock from the caller, so tests drive them with a fake
// clock and a buffer for the terminal.
package progress
