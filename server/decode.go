package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// readBody reads the whole request body. The body is already limited by
// the middleware (http.MaxBytesReader), so a body over the limit is a 413
// here, not a partial read.
func readBody(r *http.Request) ([]byte, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return nil, errorf(http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "Content-Type %q: send application/json", ct)
		}
	}
	b, err := io.ReadAll(r.Body)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, errorf(http.StatusRequestEntityTooLarge, CodeBodyTooLarge, "request body is larger than the limit of %d bytes", mbe.Limit)
	}
	if err != nil {
		return nil, &apiError{status: http.StatusBadRequest, code: CodeInvalidJSON, message: "reading the request body: " + err.Error(), err: err}
	}
	return b, nil
}

// item is one JSON value of a request body: the body itself, or one
// element of a top-level array. line and col place its first byte in the
// body, so that errors inside it can name the body's line.
type item struct {
	index     int // 0-based position in the batch
	data      []byte
	line, col int
}

// label names the item in error messages.
func (it item) label(batch bool) string {
	if batch {
		return fmt.Sprintf("item %d", it.index+1)
	}
	return "body"
}

// splitBody returns the items of a body holding one JSON object, or an
// array of objects (a batch) of at most maxBatch elements.
func splitBody(body []byte, maxBatch int) (items []item, batch bool, err error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, false, errorf(http.StatusBadRequest, CodeInvalidJSON, "empty body: send a JSON object, or an array of objects for a batch")
	}
	switch trimmed[0] {
	case '{':
		start := len(body) - len(trimmed)
		dec := json.NewDecoder(bytes.NewReader(body))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, false, syntaxError(body, "body", 1, 1, err)
		}
		if err := expectEOF(dec, body); err != nil {
			return nil, false, err
		}
		line, col := position(body, start)
		return []item{{data: raw, line: line, col: col}}, false, nil
	case '[':
	default:
		line, col := position(body, len(body)-len(trimmed))
		return nil, false, errorf(http.StatusBadRequest, CodeInvalidJSON, "line %d, column %d: want a JSON object, or an array of objects for a batch", line, col)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if _, err := dec.Token(); err != nil {
		return nil, true, syntaxError(body, "body", 1, 1, err)
	}
	// Lines are counted from the previous item on, not from the start of
	// the body for each item, which would be quadratic in a large batch.
	var lines lineCounter
	for dec.More() {
		if len(items) == maxBatch {
			return nil, true, errorf(http.StatusRequestEntityTooLarge, CodeBatchTooLarge, "batch has more than %d items; split it", maxBatch)
		}
		off := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, true, syntaxError(body, "body", 1, 1, err)
		}
		// The offset is where the previous token ended; the value starts
		// after the separating comma and white space.
		start := off + bytes.Index(body[off:], raw)
		line, col := lines.position(body, start)
		items = append(items, item{index: len(items), data: raw, line: line, col: col})
	}
	if _, err := dec.Token(); err != nil {
		return nil, true, syntaxError(body, "body", 1, 1, err)
	}
	if err := expectEOF(dec, body); err != nil {
		return nil, true, err
	}
	return items, true, nil
}

// expectEOF reports data after the first JSON value.
func expectEOF(dec *json.Decoder, body []byte) error {
	off := int(dec.InputOffset())
	if len(bytes.TrimSpace(body[off:])) == 0 {
		return nil
	}
	start := off + len(body[off:]) - len(bytes.TrimLeft(body[off:], " \t\r\n"))
	line, col := position(body, start)
	return errorf(http.StatusBadRequest, CodeInvalidJSON, "line %d, column %d: data after the JSON value; send one object, or one array for a batch", line, col)
}

// decodeItem decodes one item strictly into v: an unknown field is an
// error, as in the CLI's batch input, so a misspelt field is never
// silently ignored.
func decodeItem(it item, batch bool, v any) error {
	dec := json.NewDecoder(bytes.NewReader(it.data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return syntaxError(it.data, it.label(batch), it.line, it.col, err)
	}
	return nil
}

// syntaxError turns a json error inside data, which starts at line and
// col of the body, into a 400 naming the place and the field.
func syntaxError(data []byte, label string, line, col int, err error) *apiError {
	where := label
	var (
		se *json.SyntaxError
		te *json.UnmarshalTypeError
	)
	msg := err.Error()
	switch {
	// Both offsets count the bytes read when the error was found: the bad
	// byte, or the last byte of the mistyped value, is the one before.
	case errors.As(err, &se):
		where += at(data, int(se.Offset)-1, line, col)
	case errors.As(err, &te):
		where += at(data, int(te.Offset)-1, line, col)
		if te.Field != "" {
			where += fmt.Sprintf(", field %q", te.Field)
		}
		msg = fmt.Sprintf("want %s, got JSON %s", te.Type, te.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		msg = "unexpected end of JSON input"
	case strings.HasPrefix(msg, "json: unknown field "):
		msg = "unknown field " + strings.TrimPrefix(msg, "json: unknown field ")
	}
	return &apiError{status: http.StatusBadRequest, code: CodeInvalidJSON, message: where + ": " + strings.TrimPrefix(msg, "json: "), err: err}
}

// at describes the place of byte offset off of data, which starts at
// line and col of the body.
func at(data []byte, off, line, col int) string {
	off = min(max(off, 0), len(data))
	l, c := position(data, off)
	if l == 1 {
		c += col - 1
	}
	return fmt.Sprintf(" (line %d, column %d)", line+l-1, c)
}

// position returns the 1-based line and column of byte offset off.
func position(b []byte, off int) (line, col int) {
	off = min(off, len(b))
	line = 1 + bytes.Count(b[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(b[:off], '\n')
	return line, col
}

// lineCounter places increasing offsets of one body, counting each byte
// once.
type lineCounter struct {
	off, line, lineStart int // lineStart: offset of the current line's first byte
}

func (c *lineCounter) position(b []byte, off int) (line, col int) {
	if c.line == 0 {
		c.line = 1
	}
	for i, ch := range b[c.off:off] {
		if ch == '\n' {
			c.line++
			c.lineStart = c.off + i + 1
		}
	}
	c.off = off
	return c.line, off - c.lineStart + 1
}

// fieldError is a 400 for a value that parsed but is not valid.
func fieldError(it item, batch bool, field, format string, args ...any) *apiError {
	return errorf(http.StatusBadRequest, CodeInvalidField, "%s (line %d): field %q: %s", it.label(batch), it.line, field, fmt.Sprintf(format, args...))
}
