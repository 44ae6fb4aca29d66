package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// Errors the errors of [Decode] and [Reader] may wrap, for [errors.Is].
var (
	// ErrSyntax is a record that is not valid JSON.
	ErrSyntax = errors.New("not valid JSON")
	// ErrType is a field whose JSON value has the wrong type, such as
	// text where a number belongs.
	ErrType = errors.New("wrong type")
	// ErrUnknownField is a field the record's format does not have.
	ErrUnknownField = datafile.ErrUnknownField
)

// Decode decodes data, one record that starts on line of source, into v,
// which must be a pointer. It is strict: a field that v does not have is
// an error, and so is anything but space after the value. Its errors are
// [*datafile.Error] values in plain words, wrapping [ErrSyntax], [ErrType]
// or [ErrUnknownField], placed at the line and column where the problem
// is (data may span several lines).
func Decode(source string, line int, data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		off := int(dec.InputOffset())
		if rest := bytes.TrimLeft(data[off:], " \t\r\n"); len(rest) > 0 {
			return place(source, line, data, off+len(data[off:])-len(rest), "", fmt.Errorf("%w: more than one JSON value; each line must hold one record", ErrSyntax))
		}
		return nil
	}
	off, field, perr := Plain(data, err)
	return place(source, line, data, off, field, perr)
}

// Plain turns an error of encoding/json decoding data into plain words:
// it returns the byte offset in data where the problem is, the field it
// is about ("" when none) and an error wrapping [ErrSyntax], [ErrType] or
// [ErrUnknownField]. An error it does not know keeps its text, without
// the "json: " prefix.
func Plain(data []byte, err error) (offset int, field string, plain error) {
	var (
		se *json.SyntaxError
		te *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &se):
		off := max(int(se.Offset)-1, 0) // Offset is just past the bad byte
		return off, "", fmt.Errorf("%w: %s", ErrSyntax, syntaxText(se.Error()))
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return len(data), "", fmt.Errorf("%w: the record ends before its JSON value does (a closing brace, bracket or quote is missing)", ErrSyntax)
	case errors.As(err, &te):
		off := int(te.Offset)
		if te.Field != "" {
			key := te.Field[strings.LastIndexByte(te.Field, '.')+1:]
			if k := bytes.LastIndex(data[:min(off, len(data))], []byte(strconv.Quote(key))); k >= 0 {
				off = k
			}
			return off, te.Field, fmt.Errorf("%w: want %s, got %s", ErrType, typeText(te.Type), valueText(te.Value))
		}
		return 0, "", fmt.Errorf("%w: a record must be a JSON object {…}, not %s", ErrType, valueText(te.Value))
	}
	if m := unknownFieldRE.FindStringSubmatch(err.Error()); m != nil {
		off := 0
		if k := bytes.Index(data, []byte(strconv.Quote(m[1]))); k >= 0 {
			off = k
		}
		return off, m[1], fmt.Errorf("%w (check its spelling against the documented fields)", ErrUnknownField)
	}
	return 0, "", errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

var unknownFieldRE = regexp.MustCompile(`^json: unknown field "(.*)"$`)

// place returns a [*datafile.Error] at byte offset off of data, a record
// starting on line.
func place(source string, line int, data []byte, off int, field string, err error) *datafile.Error {
	off = min(max(off, 0), len(data))
	nl := bytes.Count(data[:off], []byte("\n"))
	col := off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
	return &datafile.Error{File: source, Line: line + nl, Column: col, Field: field, Err: err}
}

// syntaxRE splits the messages of *json.SyntaxError: "invalid character
// 'x' looking for beginning of value".
var syntaxRE = regexp.MustCompile(`^invalid character (.+?) (looking for beginning of value|looking for beginning of object key string|after object key|after object key:value pair|after array element|in string literal|in string escape code|after top-level value|in literal (?:true|false|null) \(expecting .*\)|in numeric literal|after decimal point in numeric literal|in exponent of numeric literal)$`)

// syntaxText says what a syntax error of encoding/json means.
func syntaxText(msg string) string {
	m := syntaxRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	c := m[1]
	switch ctx := m[2]; {
	case ctx == "looking for beginning of value":
		return "unexpected " + c + " where a value should start (a value is text in double quotes, a number, true, false, null, {…} or […])"
	case ctx == "looking for beginning of object key string":
		return "unexpected " + c + " where a field name in double quotes should start (is there a comma too many?)"
	case ctx == "after object key":
		return "unexpected " + c + " after a field name; want a colon"
	case ctx == "after object key:value pair":
		return "unexpected " + c + " after a field's value; want a comma or a closing brace"
	case ctx == "after array element":
		return "unexpected " + c + " after an element of a list; want a comma or a closing bracket"
	case ctx == "in string literal":
		return "a control character " + c + " inside text in double quotes; write it escaped, such as \\n or \\t"
	case ctx == "in string escape code":
		return "a backslash followed by " + c + " inside text; write a backslash as \\\\"
	case ctx == "after top-level value":
		return "unexpected " + c + " after the record's value; each line must hold one record"
	case strings.HasPrefix(ctx, "in literal"):
		return "unexpected " + c + " in a word that should be true, false or null (text needs double quotes)"
	}
	return "unexpected " + c + " in a number"
}

// typeText names the JSON a Go type of a record's field wants.
func typeText(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "text in double quotes"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list […]"
	case reflect.Struct, reflect.Map:
		return "an object {…}"
	}
	return "another type"
}

// valueText names a JSON value as *json.UnmarshalTypeError describes it:
// "string", "number", "number 1.5", "array"…
func valueText(v string) string {
	switch v {
	case "string":
		return "text"
	case "number":
		return "a number"
	case "bool":
		return "true or false"
	case "array":
		return "a list"
	case "object":
		return "an object"
	}
	if n, ok := strings.CutPrefix(v, "number "); ok {
		return n + " (out of range, or not whole)"
	}
	return v
}

// Field returns the text of a top-level field of a record that may not
// decode, such as the "id" of a line with a syntax error after it, so that
// a report can name the record; "" when it cannot be read. A number is
// returned as written.
func Field(data []byte, name string) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return ""
	}
	for {
		tok, err := dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			return ""
		}
		if key != name {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return ""
			}
			continue
		}
		switch v, _ := dec.Token(); v := v.(type) {
		case string:
			return v
		case json.Number:
			return v.String()
		}
		return ""
	}
}
