package ports

import "testing"

func embeddedForTest(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}
