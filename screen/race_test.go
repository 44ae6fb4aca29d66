//go:build race

package screen

// raceEnabled reports whether the test binary runs under the race
// detector, which makes screening about ten times slower.
const raceEnabled = true
