package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
)

// outputFormat is the --format flag shared by commands that print records.
type outputFormat string

const (
	formatTable outputFormat = "table"
	formatJSON  outputFormat = "json"
	formatJSONL outputFormat = "jsonl"
	// formatMarkdown is a GitHub table, for documents such as the README.
	formatMarkdown outputFormat = "md"
)

func parseFormat(s string, allowed ...outputFormat) (outputFormat, error) {
	for _, a := range allowed {
		if string(a) == s {
			return a, nil
		}
	}
	return "", usagef("--format %q: want one of %v", s, allowed)
}

// writeRecords prints records as an indented JSON array or as JSON lines.
func writeRecords[T any](w io.Writer, f outputFormat, recs []T) error {
	switch f {
	case formatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if recs == nil {
			recs = []T{}
		}
		return enc.Encode(recs)
	case formatJSONL:
		enc := json.NewEncoder(w)
		for _, r := range recs {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("format %q is not a JSON format", f)
}

func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}
