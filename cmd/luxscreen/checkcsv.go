package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/luxscreen/luxscreen/internal/batch"
	"github.com/luxscreen/luxscreen/rules"
)

// The columns of a bill-of-lading CSV (docs/csv-formats.md): one row per
// line of goods, the shipment's columns repeated on each of its rows.
var (
	shipmentColumns = []string{"id", "date", "bl_number", "exporter", "exporter_country", "shipper", "consignee", "consignee_country",
		"notify_party", "vessel_name", "vessel_imo", "vessel_flag", "route", "origin", "destination"}
	goodsColumns = []string{"description", "hs_code", "quantity", "unit", "value", "currency"}
	checkColumns = append(append([]string{}, shipmentColumns...), goodsColumns...)
)

// maxShipmentRows bounds the rows of one shipment, which are held until
// the shipment ends; a file whose every row has the same ID would
// otherwise be read whole into memory.
const maxShipmentRows = 10000

// checkRecord is one shipment of a batch: decoded, or, when it could not
// be read, what is known of it for the error's report.
type checkRecord struct {
	s *rules.Shipment
	// id is the shipment's ID when known; where is the input and line it
	// starts on.
	id, where string
}

// shipmentCSV groups the rows of a bill-of-lading CSV into shipments:
// consecutive rows with the same id are one shipment.
type shipmentCSV struct {
	t     *csvTable
	ahead *rowRead // the first row of the next shipment, read already
	// seen holds the ID and first line of every shipment so far, to
	// refuse an ID that comes back after other shipments: judging its
	// rows apart could clear what together must be blocked. It costs
	// about the length of the ID plus 50 bytes per shipment.
	seen map[string]int
}

func newShipmentCSV(r io.Reader, name string) (*shipmentCSV, error) {
	t, err := newCSVTable(r, name, checkColumns, []string{"id"})
	if err != nil {
		return nil, err
	}
	return &shipmentCSV{t: t, seen: map[string]int{}}, nil
}

// rowRead is a row and what was wrong with it alone (a wrong number of
// fields), which fails its shipment but not the batch.
type rowRead struct {
	row csvRow
	err error
}

// read returns the next row; the error is io.EOF or one that ends the
// input.
func (c *shipmentCSV) read() (rowRead, error) {
	if c.ahead != nil {
		r := *c.ahead
		c.ahead = nil
		return r, nil
	}
	row, err := c.t.next()
	if errors.Is(err, errWrongFieldCount) {
		return rowRead{row, err}, nil
	}
	return rowRead{row: row}, err
}

// next returns the next shipment. A shipment with a bad row is a
// [batch.RecordError]: the whole shipment fails, because judging it
// without that row could clear it.
func (c *shipmentCSV) next() (checkRecord, error) {
	r, err := c.read()
	if err != nil {
		return checkRecord{}, err
	}
	first := r.row
	id := c.t.get(first, "id")
	rows, rowErr := []csvRow{first}, r.err
	for {
		r, err := c.read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return checkRecord{}, err
		}
		if c.t.get(r.row, "id") != id {
			c.ahead = &r
			break
		}
		if len(rows) == maxShipmentRows {
			// Read the rest of the shipment's rows and drop them, so that
			// they do not come back as another shipment with the same ID.
			rowErr = cmp.Or(rowErr, c.t.errorf(r.row, "id", "shipment %q has more than %d rows", id, maxShipmentRows))
			continue
		}
		rows = append(rows, r.row)
		rowErr = cmp.Or(rowErr, r.err)
	}
	rec := checkRecord{id: id, where: fmt.Sprintf("%s:%d", c.t.name, first.line)}
	if rowErr != nil {
		return rec, batch.Skip(rowErr)
	}
	if id == "" {
		return rec, batch.Skip(c.t.errorf(first, "id", "empty: every row names its shipment"))
	}
	if line, dup := c.seen[id]; dup {
		return rec, batch.Skip(c.t.errorf(first, "id", "shipment %q comes back after other shipments (it started on line %d); a shipment's rows must be consecutive", id, line))
	}
	c.seen[id] = first.line
	s, err := buildShipment(c.t, rows)
	if err != nil {
		return rec, batch.Skip(err)
	}
	rec.s = s
	return rec, nil
}

// shipmentRows builds one shipment from its rows and remembers where each
// value came from, to place the model's validation errors in the file.
type shipmentRows struct {
	t    *csvTable
	rows []csvRow
	from map[string]csvRow // shipment column → the row its value is from
	// parties and lines record the source of each party and line, in
	// the order of the shipment's slices.
	parties []partySource
	lines   []csvRow
}

type partySource struct {
	name, country string // columns
}

// value returns the value of a shipment column: the first non-empty one
// among the rows, which must all agree.
func (b *shipmentRows) value(col string) (string, error) {
	v := ""
	for _, r := range b.rows {
		x := b.t.get(r, col)
		if x == "" {
			continue
		}
		if v == "" {
			v = x
			b.from[col] = r
			continue
		}
		if x != v {
			return "", b.t.errorf(r, col, "%q differs from %q on line %d of the same shipment", x, v, b.from[col].line)
		}
	}
	return v, nil
}

func buildShipment(t *csvTable, rows []csvRow) (*rules.Shipment, error) {
	b := &shipmentRows{t: t, rows: rows, from: map[string]csvRow{}}
	v := map[string]string{}
	for _, col := range shipmentColumns {
		x, err := b.value(col)
		if err != nil {
			return nil, err
		}
		v[col] = x
	}
	s := &rules.Shipment{ID: v["id"], Date: v["date"], Origin: v["origin"], Destination: v["destination"], Lines: []rules.Line{}}
	s.Documents.BillOfLading = v["bl_number"]
	for _, p := range []struct {
		role          rules.Role
		name, country string
	}{{rules.Exporter, "exporter", "exporter_country"}, {rules.Shipper, "shipper", ""}, {rules.Consignee, "consignee", "consignee_country"}, {rules.Notify, "notify_party", ""}} {
		name, country := v[p.name], v[p.country]
		if name == "" {
			if country != "" {
				return nil, t.errorf(b.from[p.country], p.country, "a country without a %s", p.name)
			}
			continue
		}
		s.Parties = append(s.Parties, rules.Party{Role: p.role, Name: name, Country: country})
		b.parties = append(b.parties, partySource{p.name, p.country})
	}
	if v["vessel_name"] != "" || v["vessel_imo"] != "" || v["vessel_flag"] != "" {
		s.Vessel = &rules.Vessel{Name: v["vessel_name"], IMO: v["vessel_imo"], Flag: v["vessel_flag"]}
	}
	if r := v["route"]; r != "" {
		stops, err := parseRoute(r)
		if err != nil {
			return nil, t.errorf(b.from["route"], "route", "%v", err)
		}
		s.Route = stops
	}
	for _, r := range rows {
		l, ok, err := goodsLine(t, r)
		if err != nil {
			return nil, err
		}
		if ok {
			s.Lines = append(s.Lines, l)
			b.lines = append(b.lines, r)
		}
	}
	return b.validate(s)
}

// goodsLine reads the line of goods of a row; ok is false for a row whose
// goods columns are all empty, which carries only shipment columns.
func goodsLine(t *csvTable, r csvRow) (l rules.Line, ok bool, err error) {
	for _, c := range goodsColumns {
		ok = ok || t.get(r, c) != ""
	}
	if !ok {
		return l, false, nil
	}
	l = rules.Line{Description: t.get(r, "description"), HS: t.get(r, "hs_code"), Unit: t.get(r, "unit"), Currency: t.get(r, "currency")}
	q, err := t.number(r, "quantity")
	if err != nil {
		return l, false, err
	}
	val, err := t.number(r, "value")
	if err != nil {
		return l, false, err
	}
	if q != nil {
		l.Quantity = *q
	}
	if val != nil {
		l.Value = *val
	}
	return l, true, nil
}

// validate runs the shipment model's own checks by decoding the shipment
// as the JSON input would be, and places an error in the CSV file.
func (b *shipmentRows) validate(s *rules.Shipment) (*rules.Shipment, error) {
	data, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	out, err := rules.Decode(b.t.name, data)
	if err == nil {
		return out, nil
	}
	var de *rules.DecodeError
	if !errors.As(err, &de) {
		return nil, err
	}
	row, col := b.locate(de.Field)
	return nil, b.t.errorf(row, col, "%v", de.Err)
}

// locate maps a field of the shipment model ("lines[1].currency") to the
// row and column its value came from.
func (b *shipmentRows) locate(field string) (csvRow, string) {
	first := b.rows[0]
	at := func(col string) (csvRow, string) {
		if r, ok := b.from[col]; ok {
			return r, col
		}
		return first, col
	}
	path, index, rest := splitField(field)
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
			col := map[string]string{"hs": "hs_code", "quantity": "quantity", "unit": "unit", "value": "value", "currency": "currency"}[rest]
			if col == "" {
				col = "description"
			}
			return b.lines[index], col
		}
	}
	return first, "id"
}

// splitField splits "lines[2].currency" into "lines", 2 and "currency";
// the index is -1 when there is none.
func splitField(f string) (path string, index int, rest string) {
	path, rest, _ = strings.Cut(f, ".")
	index = -1
	if i := strings.IndexByte(path, '['); i >= 0 && strings.HasSuffix(path, "]") {
		if _, err := fmt.Sscanf(path[i+1:len(path)-1], "%d", &index); err != nil {
			index = -1
		}
		path = path[:i]
	}
	return path, index, rest
}

var (
	locodeRE      = regexp.MustCompile(`^[A-Z]{2} ?[A-Z2-9]{3}$`)
	countryCodeRE = regexp.MustCompile(`^[A-Z]{2}$`)
	// namedRE is "Dalian (CN)": a port's name and its country.
	namedRE      = regexp.MustCompile(`^(.*\S)\s*\(([A-Za-z]{2})\)$`)
	routeSplitRE = regexp.MustCompile(`[;>]`)
)

// parseRoute reads the route column: ports in order, separated by ";" or
// ">". A port is a UN/LOCODE in capitals ("CNDLC" or "CN DLC"), a LOCODE
// followed by the port's name ("CNDLC Dalian"), a name with the country
// in brackets ("Dalian (CN)"), a name alone ("Dalian"), or only the
// country's two-letter code ("KP") when the record names no port.
func parseRoute(s string) ([]rules.Stop, error) {
	var stops []rules.Stop
	for i, tok := range routeSplitRE.Split(s, -1) {
		tok = strings.Join(strings.Fields(tok), " ")
		if tok == "" {
			return nil, fmt.Errorf("port %d is empty; separate ports with ; or >", i+1)
		}
		code, name, _ := strings.Cut(tok, " ")
		switch m := namedRE.FindStringSubmatch(tok); {
		case countryCodeRE.MatchString(tok):
			stops = append(stops, rules.Stop{Country: tok})
		case locodeRE.MatchString(tok):
			stops = append(stops, rules.Stop{LOCODE: strings.ReplaceAll(tok, " ", "")})
		case locodeRE.MatchString(code) && name != "":
			stops = append(stops, rules.Stop{LOCODE: code, Name: name})
		case m != nil:
			stops = append(stops, rules.Stop{Name: m[1], Country: strings.ToUpper(m[2])})
		default:
			stops = append(stops, rules.Stop{Name: tok})
		}
	}
	return stops, nil
}
