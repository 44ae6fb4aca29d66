package rules

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/lists"
)

// Errors a [*DecodeError] may wrap, for [errors.Is].
var (
	ErrSyntax       = errors.New("JSON syntax")
	ErrUnknownField = datafile.ErrUnknownField
	ErrMissing      = datafile.ErrMissing
	ErrInvalid      = datafile.ErrInvalid
)

// DecodeError reports bad shipment input with its place.
type DecodeError struct {
	Source string // the file name, or "-" for standard input
	Line   int    // 1-based line, or 0 when not known
	Column int    // 1-based column, or 0 when not known
	Field  string // the field path, e.g. "lines[2].currency"
	Err    error
}

func (e *DecodeError) Error() string {
	var b strings.Builder
	b.WriteString(e.Source)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(":" + strconv.Itoa(e.Column))
		}
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Decoder reads shipments one after another from a stream of JSON values:
// JSON lines, or one or more indented documents.
type Decoder struct {
	src string
	lr  *lineReader
	dec *json.Decoder
	err error // a syntax error ends the stream
}

// NewDecoder returns a decoder reading r; source names r in errors.
func NewDecoder(r io.Reader, source string) *Decoder {
	lr := &lineReader{r: r}
	return &Decoder{src: source, lr: lr, dec: json.NewDecoder(lr)}
}

// Next decodes the next shipment. It returns io.EOF after the last one. A
// shipment that is valid JSON but breaks the model is reported as a
// [*DecodeError] and Next may be called again for the following one; after
// a syntax error every call returns that error.
func (d *Decoder) Next() (*Shipment, error) {
	if d.err != nil {
		return nil, d.err
	}
	if !d.dec.More() {
		// More is false at EOF and before a stray closing bracket; Decode
		// tells the two apart.
		var v json.RawMessage
		if err := d.dec.Decode(&v); err == io.EOF {
			return nil, io.EOF
		}
		d.err = d.errorAt(d.dec.InputOffset(), "", fmt.Errorf("%w: unexpected character", ErrSyntax))
		return nil, d.err
	}
	start := d.dec.InputOffset()
	var raw json.RawMessage
	if err := d.dec.Decode(&raw); err != nil {
		var se *json.SyntaxError
		off := d.dec.InputOffset()
		if errors.As(err, &se) {
			off = max(start, se.Offset-1) // Offset is just past the bad byte
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("unexpected end of input")
		}
		d.err = d.errorAt(off, "", fmt.Errorf("%w: %v", ErrSyntax, err))
		return nil, d.err
	}
	s, err := decodeShipment(raw)
	if err != nil {
		var fe *fieldError
		if errors.As(err, &fe) {
			return nil, d.errorAt(start+int64(fe.offset), fe.field, fe.err)
		}
		return nil, d.errorAt(start, "", err)
	}
	return s, nil
}

func (d *Decoder) errorAt(off int64, field string, err error) *DecodeError {
	line, col := d.lr.position(off)
	return &DecodeError{Source: d.src, Line: line, Column: col, Field: field, Err: err}
}

// Decode reads exactly one shipment from data; name is used in errors.
func Decode(name string, data []byte) (*Shipment, error) {
	d := NewDecoder(bytes.NewReader(data), name)
	s, err := d.Next()
	if err == io.EOF {
		return nil, &DecodeError{Source: name, Err: fmt.Errorf("%w: no shipment", ErrMissing)}
	}
	if err != nil {
		return nil, err
	}
	if _, err := d.Next(); err != io.EOF {
		if err == nil {
			err = d.errorAt(d.dec.InputOffset(), "", fmt.Errorf("%w: more than one shipment", ErrInvalid))
		}
		return nil, err
	}
	return s, nil
}

// fieldError is an error inside one JSON value, at a byte offset of it.
type fieldError struct {
	offset int
	field  string
	err    error
}

func (e *fieldError) Error() string { return e.field + ": " + e.err.Error() }

var unknownFieldRE = regexp.MustCompile(`^json: unknown field "(.*)"$`)

// decodeShipment decodes and validates one JSON value.
func decodeShipment(raw []byte) (*Shipment, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var s Shipment
	if err := dec.Decode(&s); err != nil {
		if m := unknownFieldRE.FindStringSubmatch(err.Error()); m != nil {
			return nil, &fieldError{offset: max(keyOffset(raw, m[1]), 0), field: m[1], err: fmt.Errorf("%w: %q is not a field of the shipment model", ErrUnknownField, m[1])}
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, &fieldError{offset: int(te.Offset), field: te.Field, err: fmt.Errorf("%w: want %s, got JSON %s", ErrInvalid, te.Type, te.Value)}
		}
		return nil, &fieldError{err: fmt.Errorf("%w: %v", ErrInvalid, err)}
	}
	s.normalize()
	if err := s.validate(); err != nil {
		var fe *fieldError
		if errors.As(err, &fe) {
			fe.offset = fieldOffset(raw, fe.field)
		}
		return nil, err
	}
	return &s, nil
}

// keyOffset finds where a JSON object key first appears in raw, for the
// position of an unknown field; -1 when not found.
func keyOffset(raw []byte, key string) int {
	q, _ := json.Marshal(key)
	for i := 0; ; {
		j := bytes.Index(raw[i:], q)
		if j < 0 {
			return -1
		}
		k := i + j + len(q)
		rest := bytes.TrimLeft(raw[k:], " \t\r\n")
		if len(rest) > 0 && rest[0] == ':' {
			return i + j
		}
		i = k
	}
}

// fieldOffset approximates where a field path such as "lines[2].currency"
// sits in raw: the first occurrence of its last key after the occurrence of
// the parent's key. It is only used to point people at the place.
func fieldOffset(raw []byte, path string) int {
	parts := strings.FieldsFunc(path, func(r rune) bool { return r == '.' || r == '[' || r == ']' })
	off := 0
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err == nil {
			continue
		}
		if k := keyOffset(raw[off:], p); k >= 0 {
			off += k
		}
	}
	return off
}

var (
	countryRE = regexp.MustCompile(`^[A-Z]{2}$`)
	locodeRE  = regexp.MustCompile(`^[A-Z]{2}[A-Z2-9]{3}$`)
)

// dateLayout is the only date form shipments use.
const dateLayout = "2006-01-02"

func invalid(field, format string, args ...any) error {
	return &fieldError{field: field, err: fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)}
}

func missing(field string) error {
	return &fieldError{field: field, err: fmt.Errorf("%w", ErrMissing)}
}

func (s *Shipment) validate() error {
	if s.ID == "" {
		return missing("id")
	}
	if s.Date != "" {
		if _, err := time.Parse(dateLayout, s.Date); err != nil {
			return invalid("date", "%q is not YYYY-MM-DD", s.Date)
		}
	}
	for _, f := range []struct{ name, v string }{{"origin", s.Origin}, {"destination", s.Destination}} {
		if f.v != "" && !countryRE.MatchString(f.v) {
			return invalid(f.name, "%q is not an ISO 3166-1 alpha-2 country code", f.v)
		}
	}
	for i, p := range s.Parties {
		at := fmt.Sprintf("parties[%d]", i)
		if !slices.Contains(roles(), p.Role) {
			return invalid(at+".role", "%q: want one of %v", p.Role, roles())
		}
		if p.Name == "" {
			return missing(at + ".name")
		}
		switch p.Kind {
		case "", "organisation", "person":
		default:
			return invalid(at+".kind", "%q: want organisation or person", p.Kind)
		}
		if p.Country != "" && !countryRE.MatchString(p.Country) {
			return invalid(at+".country", "%q is not an ISO 3166-1 alpha-2 country code", p.Country)
		}
	}
	if v := s.Vessel; v != nil {
		if v.Name == "" && v.IMO == "" {
			return missing("vessel.name")
		}
		if v.Flag != "" && !countryRE.MatchString(v.Flag) {
			return invalid("vessel.flag", "%q is not an ISO 3166-1 alpha-2 country code", v.Flag)
		}
	}
	for i, r := range s.Route {
		at := fmt.Sprintf("route[%d]", i)
		if r.LOCODE == "" && r.Name == "" && r.Country == "" {
			return missing(at + ".locode")
		}
		if r.LOCODE != "" && !locodeRE.MatchString(r.LOCODE) {
			return invalid(at+".locode", "%q is not a UN/LOCODE (two letters and three letters or digits 2-9)", r.LOCODE)
		}
		if r.Country != "" && !countryRE.MatchString(r.Country) {
			return invalid(at+".country", "%q is not an ISO 3166-1 alpha-2 country code", r.Country)
		}
	}
	for i, l := range s.Lines {
		at := fmt.Sprintf("lines[%d]", i)
		if l.Description == "" && l.HS == "" {
			return missing(at + ".description")
		}
		if l.HS != "" {
			if _, err := hs.Parse(l.HS); err != nil {
				return invalid(at+".hs", "%v", err)
			}
		}
		if l.Quantity < 0 {
			return invalid(at+".quantity", "%v is negative", l.Quantity)
		}
		if l.Value < 0 {
			return invalid(at+".value", "%v is negative", l.Value)
		}
		if l.Currency != "" && !lists.IsCurrencyCode(l.Currency) {
			return invalid(at+".currency", "%q is not an ISO 4217 code", l.Currency)
		}
		if l.Value > 0 && l.Currency == "" {
			return missing(at + ".currency")
		}
	}
	return nil
}

// lineReader passes bytes through and records where lines start, so that
// byte offsets of the JSON decoder become line:column.
type lineReader struct {
	r  io.Reader
	n  int64
	nl []int64 // offsets of '\n' bytes read so far
}

func (lr *lineReader) Read(p []byte) (int, error) {
	n, err := lr.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\n' {
			lr.nl = append(lr.nl, lr.n+int64(i))
		}
	}
	lr.n += int64(n)
	return n, err
}

// position returns the 1-based line and column of byte offset off.
func (lr *lineReader) position(off int64) (line, col int) {
	i, _ := slices.BinarySearch(lr.nl, off)
	start := int64(0)
	if i > 0 {
		start = lr.nl[i-1] + 1
	}
	return i + 1, int(off-start) + 1
}

// CanonicalJSON returns the shipment as compact JSON with fields in model
// order, after normalisation: the bytes a decision ID is computed from.
func (s *Shipment) CanonicalJSON() ([]byte, error) {
	c := *s
	c.Parties = slices.Clone(s.Parties)
	c.Route = slices.Clone(s.Route)
	c.Lines = slices.Clone(s.Lines)
	if s.Vessel != nil {
		v := *s.Vessel
		c.Vessel = &v
	}
	c.normalize()
	return json.Marshal(&c)
}
