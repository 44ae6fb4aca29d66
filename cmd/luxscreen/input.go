package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// openInput opens the --input of a batch command: a file, or standard
// input for "-". name is what errors call it; done closes a file.
func openInput(e *env, path string) (r io.Reader, name string, done func(), err error) {
	if path == "-" {
		return e.stdin, "stdin", func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", nil, err
	}
	return f, path, func() { f.Close() }, nil
}

// maxLine is the longest JSON line a batch input may have; a shipment with
// many lines and parties is the largest record we read.
const maxLine = 4 << 20

// decodeJSONLines decodes each non-blank line of r strictly (an unknown
// field is an error) and calls fn with its 1-based line number. Errors
// name the input and line, so a bad record in a million-line file can be
// found.
func decodeJSONLines[T any](r io.Reader, name string, fn func(line int, v T) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var v T
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if err := fn(line, v); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return nil
}
