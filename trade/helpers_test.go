package trade

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

// testAssessor returns the assessor over the embedded catalogue.
func testAssessor(tb testing.TB) *Assessor {
	tb.Helper()
	a, err := DefaultAssessor(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// flowsOf reads every row of a simple-layout text, failing on any error.
func flowsOf(tb testing.TB, text string) []Flow {
	tb.Helper()
	return readFlows(tb, strings.NewReader(text), "test.csv")
}

// readFlows reads every row of r, named name, failing on any error.
func readFlows(tb testing.TB, in io.Reader, name string) []Flow {
	tb.Helper()
	r, err := NewReader(in, name)
	if err != nil {
		tb.Fatal(err)
	}
	var out []Flow
	for {
		f, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, f)
	}
}

// entryIDs lists the entries of citations, "id:coverage:whole" or
// "…:part", as the CSV does.
func entryIDs(cs []Citation) []string {
	var out []string
	for _, c := range cs {
		when := "part"
		if c.WholePeriod {
			when = "whole"
		}
		out = append(out, c.Entry+":"+string(c.Coverage)+":"+when)
	}
	return out
}
