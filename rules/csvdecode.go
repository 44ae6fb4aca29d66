package rules

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/internal/csvtab"
)

// The columns of a bill-of-lading CSV (docs/csv-formats.md): one row per
// line of goods, the shipment's columns repeated on each of its rows.
var (
	csvShipmentColumns = []string{"id", "date", "bl_number", "exporter", "exporter_country", "shipper", "consignee", "consignee_country",
		"notify_party", "vessel_name", "vessel_imo", "vessel_flag", "route", "origin", "destination"}
	csvGoodsColumns = []string{"description", "hs", "hs_code", "quantity", "unit", "value", "currency"}
)

// csvColumns returns every column of the layout, shipment columns first.
func csvColumns() []string {
	return append(append([]string{}, csvShipmentColumns...), csvGoodsColumns...)
}

// maxCSVShipmentRows bounds the rows of one shipment, which are held
// until the shipment ends; a file whose every row has the same ID would
// otherwise be read whole into memory.
const maxCSVShipmentRows = 10000

// CSVDecoder reads shipments from a bill-of-lading CSV, the flat export of
// bills of lading or orders described in docs/csv-formats.md: a header
// naming the columns, then one row per line of goods with the shipment's
// columns (id, date, bl_number, exporter, exporter_country, shipper,
// consignee, consignee_country, notify_party, vessel_name, vessel_imo,
// vessel_flag, route, origin, destination) repeated on each of its rows
// and the line's columns (description, hs, quantity, unit, value,
// currency; hs_code is accepted for hs). Consecutive rows with the same id are one shipment.
//
// Errors are [*DecodeError] values, as those of [Decoder], so that JSON
// and CSV input are handled alike. Their Line and Column are the place of
// the offending field in the file and their Field is the CSV column's
// name, such as "currency", rather than a path in the shipment model.
type CSVDecoder struct {
	src   string
	t     *csvtab.Table
	ahead *csvRowRead // the first row of the next shipment, read already
	// seen holds the ID and first line of every shipment so far, to
	// refuse an ID that comes back after other shipments: judging its
	// rows apart could clear what together must be blocked. It costs
	// about the length of the ID plus 50 bytes per shipment.
	seen   map[string]int
	lastID string
	last   int   // the first line of the shipment Next read last
	err    error // an error that ended the input; returned by every call
}

// NewCSVDecoder reads the header of a bill-of-lading CSV from r and
// returns a decoder for its shipments; source names r in errors. The
// header must have the id column; any other column may be left out. An
// error is a [*DecodeError] that wraps [ErrUnknownField] for a column
// that is not in the layout and [ErrSyntax] for any other unusable header
// (an empty input, a column named twice, no id column, a quote out of
// place in the header).
func NewCSVDecoder(r io.Reader, source string) (*CSVDecoder, error) {
	t, err := csvtab.New(r, source, csvColumns(), []string{"id"})
	if err != nil {
		kind := ErrSyntax
		if errors.Is(err, csvtab.ErrUnknownColumn) {
			kind = ErrUnknownField
		}
		return nil, csvDecodeError(source, err, kind)
	}
	return &CSVDecoder{src: source, t: t, seen: map[string]int{}}, nil
}

// Next reads the next shipment: all the consecutive rows with the same id.
// It returns io.EOF after the last one.
//
// A shipment that cannot be read fails alone: the error wraps
// [ErrInvalid] or [ErrMissing], and Next may be called again for the
// following shipment. That happens when any of its rows is bad (a field
// that does not parse, the wrong number of fields, a shipment column whose
// value differs from that of an earlier row, a quote out of place), when
// its id is empty or comes back after other shipments, or when the
// shipment breaks the checks of the shipment model that [Decode] applies
// to JSON. The whole shipment fails because judging it without the bad row
// could clear it. A quote out of place loses the row's fields, its id
// among them, so the row fails the shipment it falls in; between two
// shipments it fails both. A quote left open swallows the lines up to the
// next quote, and the error names them.
//
// An error wrapping [ErrSyntax] means that the input cannot be split into
// rows any more (a read error); every later call returns it. The shipment
// being read when that happens is not returned, since its rows may go on
// past the break.
func (d *CSVDecoder) Next() (*Shipment, error) {
	if d.err != nil {
		return nil, d.err
	}
	d.lastID, d.last = "", 0
	s, err := d.next()
	var de *DecodeError
	if err != nil && err != io.EOF && (!errors.As(err, &de) || errors.Is(err, ErrSyntax)) {
		d.err = err
		d.lastID, d.last = "", 0
	}
	return s, err
}

// Last returns the ID and the first line of the shipment the last call to
// Next read, whether Next returned it or an error about it, so that a
// report can name a shipment that could not be judged. The ID is empty
// when the rows gave none, and the line is 0 when Next read no shipment
// (at the end of the input, or after an error that ended it).
func (d *CSVDecoder) Last() (id string, line int) { return d.lastID, d.last }

// csvRowRead is a row and what was wrong with it alone (a wrong number of
// fields), which fails its shipment but not the input.
type csvRowRead struct {
	row csvtab.Row
	err error
	// lost is set when a quote out of place left the row without fields,
	// so that its id is unknown.
	lost bool
}

// read returns the next row; the error is io.EOF or one that ends the
// input.
func (d *CSVDecoder) read() (csvRowRead, error) {
	if d.ahead != nil {
		r := *d.ahead
		d.ahead = nil
		return r, nil
	}
	row, err := d.t.Next()
	switch {
	case err == nil || err == io.EOF:
		return csvRowRead{row: row}, err
	case errors.Is(err, csvtab.ErrFieldCount):
		return csvRowRead{row: row, err: csvDecodeError(d.src, err, ErrInvalid)}, nil
	case errors.Is(err, csvtab.ErrQuote):
		// The row's fields are lost, its id too: it fails the shipment it
		// falls in (see next), and the rows after it can still be read.
		return csvRowRead{row: row, err: csvDecodeError(d.src, err, ErrInvalid), lost: true}, nil
	}
	return csvRowRead{}, csvDecodeError(d.src, err, ErrSyntax)
}

func (d *CSVDecoder) next() (*Shipment, error) {
	r, err := d.read()
	if err != nil {
		return nil, err
	}
	first := r.row
	id := d.t.Get(first, "id")
	d.lastID, d.last = id, first.Line
	rows, rowErr := []csvtab.Row{first}, r.err
	// A row whose id was lost fails the shipment being read; when the
	// next row starts another shipment, the lost row may have been that
	// one's first, so it fails too.
	lost := r.lost
	var lostErr error
	for {
		r, err := d.read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if r.lost {
			rowErr, lostErr = cmp.Or(rowErr, r.err), r.err
			continue
		}
		if lost {
			lost, id = false, d.t.Get(r.row, "id")
			d.lastID = id
		}
		if d.t.Get(r.row, "id") != id {
			r.err = cmp.Or(r.err, lostErr)
			d.ahead = &r
			break
		}
		lostErr = nil
		if len(rows) == maxCSVShipmentRows {
			// Read the rest of the shipment's rows and drop them, so that
			// they do not come back as another shipment with the same ID.
			rowErr = cmp.Or(rowErr, d.errorAt(r.row, "id", ErrInvalid, "shipment %q has more than %d rows", id, maxCSVShipmentRows))
			continue
		}
		rows = append(rows, r.row)
		rowErr = cmp.Or(rowErr, r.err)
	}
	if rowErr != nil {
		return nil, rowErr
	}
	if id == "" {
		return nil, d.errorAt(first, "id", ErrMissing, "empty: every row names its shipment")
	}
	if line, dup := d.seen[id]; dup {
		return nil, d.errorAt(first, "id", ErrInvalid, "shipment %q comes back after other shipments (it started on line %d); a shipment's rows must be consecutive", id, line)
	}
	d.seen[id] = first.Line
	b := &csvShipment{d: d, rows: rows, from: map[string]csvtab.Row{}}
	return b.build()
}

// errorAt returns a [*DecodeError] about a column of a row.
func (d *CSVDecoder) errorAt(r csvtab.Row, col string, kind error, format string, args ...any) error {
	p := d.t.At(r, col)
	return &DecodeError{Source: d.src, Line: p.Line, Column: p.Column, Field: col, Err: &kindError{kind, fmt.Errorf(format, args...)}}
}

// csvDecodeError turns an error of the CSV table into a [*DecodeError] of
// the given kind, keeping its place and text.
func csvDecodeError(source string, err error, kind error) error {
	var te *csvtab.Error
	if !errors.As(err, &te) {
		return &DecodeError{Source: source, Err: &kindError{kind, err}}
	}
	return &DecodeError{Source: te.Source, Line: te.Line, Column: te.Column, Field: te.Field, Err: &kindError{kind, te.Err}}
}

// kindError gives an error of the CSV input one of the kinds a
// [*DecodeError] wraps, for [errors.Is], while keeping its text, which
// says what is wrong in the words of the CSV layout.
type kindError struct{ kind, err error }

func (e *kindError) Error() string   { return e.err.Error() }
func (e *kindError) Unwrap() []error { return []error{e.kind, e.err} }

// csvShipment builds one shipment from its rows and remembers where each
// value came from, to place the model's validation errors in the file.
type csvShipment struct {
	d    *CSVDecoder
	rows []csvtab.Row
	from map[string]csvtab.Row // shipment column → the row its value is from
	// parties and lines record the source of each party and line, in
	// the order of the shipment's slices.
	parties []csvParty
	lines   []csvtab.Row
}

// csvParty names the columns a party of the shipment was read from.
type csvParty struct{ name, country string }

// value returns the value of a shipment column: the first non-empty one
// among the rows, which must all agree.
func (b *csvShipment) value(col string) (string, error) {
	v := ""
	for _, r := range b.rows {
		x := b.d.t.Get(r, col)
		if x == "" {
			continue
		}
		if v == "" {
			v = x
			b.from[col] = r
			continue
		}
		if x != v {
			return "", b.d.errorAt(r, col, ErrInvalid, "%q differs from %q on line %d of the same shipment", x, v, b.from[col].Line)
		}
	}
	return v, nil
}

func (b *csvShipment) build() (*Shipment, error) {
	v := make(map[string]string, len(csvShipmentColumns))
	for _, col := range csvShipmentColumns {
		x, err := b.value(col)
		if err != nil {
			return nil, err
		}
		v[col] = x
	}
	s := &Shipment{ID: v["id"], Date: v["date"], Origin: v["origin"], Destination: v["destination"], Lines: []Line{}}
	s.Documents.BillOfLading = v["bl_number"]
	for _, p := range []struct {
		role          Role
		name, country string
	}{{Exporter, "exporter", "exporter_country"}, {Shipper, "shipper", ""}, {Consignee, "consignee", "consignee_country"}, {Notify, "notify_party", ""}} {
		name, country := v[p.name], v[p.country]
		if name == "" {
			if country != "" {
				return nil, b.d.errorAt(b.from[p.country], p.country, ErrMissing, "a country without a %s", p.name)
			}
			continue
		}
		s.Parties = append(s.Parties, Party{Role: p.role, Name: name, Country: country})
		b.parties = append(b.parties, csvParty{p.name, p.country})
	}
	if v["vessel_name"] != "" || v["vessel_imo"] != "" || v["vessel_flag"] != "" {
		s.Vessel = &Vessel{Name: v["vessel_name"], IMO: v["vessel_imo"], Flag: v["vessel_flag"]}
	}
	if r := v["route"]; r != "" {
		stops, err := parseCSVRoute(r)
		if err != nil {
			return nil, b.d.errorAt(b.from["route"], "route", ErrInvalid, "%v", err)
		}
		s.Route = stops
	}
	for _, r := range b.rows {
		l, ok, err := b.line(r)
		if err != nil {
			return nil, err
		}
		if ok {
			s.Lines = append(s.Lines, l)
			b.lines = append(b.lines, r)
		}
	}
	if err := b.validate(s); err != nil {
		return nil, err
	}
	return s, nil
}

// line reads the line of goods of a row; ok is false for a row whose
// goods columns are all empty, which carries only shipment columns.
func (b *csvShipment) line(r csvtab.Row) (l Line, ok bool, err error) {
	t := b.d.t
	for _, c := range csvGoodsColumns {
		ok = ok || t.Get(r, c) != ""
	}
	if !ok {
		return l, false, nil
	}
	l = Line{Description: t.Get(r, "description"), HS: t.Get(r, "hs"), Unit: t.Get(r, "unit"), Currency: t.Get(r, "currency")}
	if alias := t.Get(r, "hs_code"); l.HS == "" {
		l.HS = alias
	} else if alias != "" && alias != l.HS {
		return l, false, csvDecodeError(b.d.src, t.Errorf(r, "hs_code", "%q differs from hs %q; give one", alias, l.HS), ErrInvalid)
	}
	for _, f := range []struct {
		col string
		v   *float64
	}{{"quantity", &l.Quantity}, {"value", &l.Value}} {
		x, err := t.Number(r, f.col)
		if err != nil {
			return l, false, csvDecodeError(b.d.src, err, ErrInvalid)
		}
		if x != nil {
			*f.v = *x
		}
	}
	return l, true, nil
}

// validate runs the shipment model's own checks, those of the JSON input,
// and places an error in the CSV file.
func (b *csvShipment) validate(s *Shipment) error {
	s.normalize()
	err := s.validate()
	if err == nil {
		return nil
	}
	var fe *fieldError
	if !errors.As(err, &fe) {
		return &DecodeError{Source: b.d.src, Line: b.rows[0].Line, Err: err}
	}
	row, col := b.locate(fe.field)
	p := b.d.t.At(row, col)
	return &DecodeError{Source: b.d.src, Line: p.Line, Column: p.Column, Field: col, Err: fe.err}
}

// locate maps a field of the shipment model ("lines[1].currency") to the
// row and column its value came from.
func (b *csvShipment) locate(field string) (csvtab.Row, string) {
	first := b.rows[0]
	at := func(col string) (csvtab.Row, string) {
		if r, ok := b.from[col]; ok {
			return r, col
		}
		return first, col
	}
	path, index, rest := splitFieldPath(field)
	switch path {
	case "id", "date", "origin", "destination":
		return at(path)
	case "documents":
		return at("bl_number")
	case "vessel":
		switch rest {
		case "imo":
			return at("vessel_imo")
		case "flag":
			return at("vessel_flag")
		}
		return at("vessel_name")
	case "route":
		return at("route")
	case "parties":
		if index >= 0 && index < len(b.parties) {
			p := b.parties[index]
			if rest == "country" && p.country != "" {
				return at(p.country)
			}
			return at(p.name)
		}
	case "lines":
		if index >= 0 && index < len(b.lines) {
			col := map[string]string{"hs": b.d.hsColumn(), "quantity": "quantity", "unit": "unit", "value": "value", "currency": "currency"}[rest]
			if col == "" {
				col = "description"
			}
			return b.lines[index], col
		}
	}
	return first, "id"
}

// hsColumn names the file's column of declared codes: hs, or hs_code
// when only that is given.
func (d *CSVDecoder) hsColumn() string {
	if !d.t.Has("hs") && d.t.Has("hs_code") {
		return "hs_code"
	}
	return "hs"
}

// splitFieldPath splits "lines[2].currency" into "lines", 2 and
// "currency"; the index is -1 when there is none.
func splitFieldPath(f string) (path string, index int, rest string) {
	path, rest, _ = strings.Cut(f, ".")
	index = -1
	if i := strings.IndexByte(path, '['); i >= 0 && strings.HasSuffix(path, "]") {
		if n, err := strconv.Atoi(path[i+1 : len(path)-1]); err == nil {
			index = n
		}
		path = path[:i]
	}
	return path, index, rest
}

var (
	routeLOCODERE  = regexp.MustCompile(`^[A-Z]{2} ?[A-Z2-9]{3}$`)
	routeCountryRE = regexp.MustCompile(`^[A-Z]{2}$`)
	// routeNamedRE is "Dalian (CN)": a port's name and its country.
	routeNamedRE = regexp.MustCompile(`^(.*\S)\s*\(([A-Za-z]{2})\)$`)
	routeSplitRE = regexp.MustCompile(`[;>]`)
)

// parseCSVRoute reads the route column: ports in order, separated by ";"
// or ">". A port is a UN/LOCODE in capitals ("CNDLC" or "CN DLC"), a
// LOCODE followed by the port's name ("CNDLC Dalian"), a name with the
// country in brackets ("Dalian (CN)"), a name alone ("Dalian"), or only
// the country's two-letter code ("KP") when the record names no port.
func parseCSVRoute(s string) ([]Stop, error) {
	var stops []Stop
	for i, tok := range routeSplitRE.Split(s, -1) {
		tok = strings.Join(strings.Fields(tok), " ")
		if tok == "" {
			return nil, fmt.Errorf("port %d is empty; separate ports with ; or >", i+1)
		}
		code, name, _ := strings.Cut(tok, " ")
		switch m := routeNamedRE.FindStringSubmatch(tok); {
		case routeCountryRE.MatchString(tok):
			stops = append(stops, Stop{Country: tok})
		case routeLOCODERE.MatchString(tok):
			stops = append(stops, Stop{LOCODE: strings.ReplaceAll(tok, " ", "")})
		case routeLOCODERE.MatchString(code) && name != "":
			stops = append(stops, Stop{LOCODE: code, Name: name})
		case m != nil:
			stops = append(stops, Stop{Name: m[1], Country: strings.ToUpper(m[2])})
		default:
			stops = append(stops, Stop{Name: tok})
		}
	}
	return stops, nil
}
