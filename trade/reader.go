package trade

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/hs"
)

// Reader reads trade flows from a CSV file in any of the [Layout]s, one row
// at a time, so that a file of any size is read in constant memory.
type Reader struct {
	name   string
	layout Layout
	header []string
	cols   columns
	recs   *records
	// offset is the number of lines read before the csv reader started:
	// comments and the header.
	offset    int
	countries *countries
	// codes caches the commodity codes parsed, by their text: a bulk file
	// names a few thousand codes a million times. Each Code and its text
	// share one string that no row's line holds, so that flows kept from
	// the file hold nothing of their rows.
	codes map[string]hs.Code
	last  [2]lastParty
	// ahead, when not nil, splits records on another goroutine; see
	// [Reader.readAhead].
	ahead *readAhead
}

// readAhead makes the reader split records on a goroutine of its own until
// stop is called, which the caller must do before it reads the underlying
// file again or lets it go. Only the analysis uses it: [Reader.Read] keeps
// a Reader free of goroutines.
func (r *Reader) readAhead() (stop func()) {
	r.ahead = startReadAhead(r.recs)
	return r.ahead.close
}

// maxCachedCodes bounds the code cache: every HS6 and national code in
// use fits, while a hostile file cannot grow it without bound.
const maxCachedCodes = 1 << 16

// maxHeaderLine bounds the header line, so that a binary file given by
// mistake fails fast instead of being read whole.
const maxHeaderLine = 64 << 10

// NewReader reads the header of r, which name identifies in errors, and
// detects its layout and delimiter (comma or tab). Lines before the header
// that are blank or start with "#" are comments; in the simple layout they
// may also appear between rows.
func NewReader(r io.Reader, name string) (*Reader, error) {
	cs, err := newCountries()
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(r, 64<<10)
	line, n := "", 0
	for {
		s, err := readLine(br)
		if s == "" && err != nil {
			switch {
			case errors.Is(err, io.EOF):
				return nil, &RowError{File: name, Line: n + 1, Err: fmt.Errorf("%w: the file has no header row", ErrLayout)}
			case errors.Is(err, ErrLayout):
				return nil, &RowError{File: name, Line: n + 1, Err: err}
			}
			return nil, fmt.Errorf("trade: reading %s: %w", name, err)
		}
		n++
		if n == 1 {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		t := strings.TrimSpace(s)
		if t != "" && !strings.HasPrefix(t, "#") {
			line = s
			break
		}
		if err != nil {
			return nil, &RowError{File: name, Line: n, Err: fmt.Errorf("%w: the file has no header row", ErrLayout)}
		}
	}
	comma := ','
	if strings.Count(line, "\t") > strings.Count(line, ",") {
		comma = '\t'
	}
	hr := csv.NewReader(strings.NewReader(line))
	hr.Comma = comma
	header, err := hr.Read()
	if err != nil {
		return nil, &RowError{File: name, Line: n, Err: fmt.Errorf("%w: header: %w", ErrLayout, err)}
	}
	layout, cols, err := detect(header)
	if err != nil {
		return nil, &RowError{File: name, Line: n, Err: err}
	}
	var comment byte
	if layout == Simple {
		comment = '#'
	}
	recs := newRecords(br, byte(comma), comment, len(header))
	return &Reader{name: name, layout: layout, header: header, cols: cols, recs: recs, offset: n, countries: cs, codes: map[string]hs.Code{}}, nil
}

// readLine reads one line, without its line ending.
func readLine(br *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		chunk, isPrefix, err := br.ReadLine()
		b.Write(chunk)
		if err != nil {
			return b.String(), err
		}
		if b.Len() > maxHeaderLine {
			return "", fmt.Errorf("%w: line longer than %d bytes before the first data row", ErrLayout, maxHeaderLine)
		}
		if !isPrefix {
			return b.String(), nil
		}
	}
}

// Layout returns the layout detected from the header.
func (r *Reader) Layout() Layout { return r.layout }

// Name returns the name given to NewReader.
func (r *Reader) Name() string { return r.name }

// Read returns the next flow, or io.EOF after the last. A row that cannot be
// read is a [*RowError] naming the file, line and column; reading may go on
// after it with the next row.
func (r *Reader) Read() (Flow, error) {
	var f Flow
	rec, err := r.record(&f)
	if err != nil {
		return Flow{}, err
	}
	if err := r.parse(rec, &f); err != nil {
		return Flow{}, err
	}
	return f, nil
}

// record reads the next record, setting f's File and Line and nothing
// else. Its errors are those of [Reader.Read].
func (r *Reader) record(f *Flow) ([]string, error) {
	var rec []string
	var line int
	var err error
	if r.ahead != nil {
		rec, line, err = r.ahead.read()
	} else {
		rec, line, err = r.recs.read()
	}
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, &RowError{File: r.name, Line: pe.StartLine + r.offset, Err: fmt.Errorf("%w: %w", ErrInvalid, pe.Err)}
		}
		return nil, fmt.Errorf("trade: reading %s: %w", r.name, err)
	}
	*f = Flow{File: r.name, Line: line + r.offset}
	return rec, nil
}

// parseGroup parses only what places a row in a peer group: reporter,
// partner, kind, code, period and whether it is a breakdown. It reports
// false for a row [Reader.parse] would reject in those fields; a row it
// accepts may still fail in another.
func (r *Reader) parseGroup(rec []string, f *Flow) bool {
	f.Breakdown = isBreakdown(r.field(rec, colPartner2), r.field(rec, colCustoms), r.field(rec, colTransport))
	if r.parsePeriod(rec, f) != nil || r.parseKind(rec, f) != nil || r.parseCode(rec, f) != nil {
		return false
	}
	var ok bool
	if f.Reporter, ok = r.party(rec, reporterSide); !ok {
		return false
	}
	f.Partner, ok = r.party(rec, partnerSide)
	return ok
}

// The sides of a flow, which [Reader.party] reads.
const (
	reporterSide = iota
	partnerSide
)

// party resolves the reporter or the partner of a row. The last of each is
// remembered: a bulk file lists a reporter's rows together, and comparing
// three short strings is cheaper than hashing them.
func (r *Reader) party(rec []string, side int) (Country, bool) {
	iso, code, name := colReporterISO, colReporterCode, colReporterName
	if side == partnerSide {
		iso, code, name = colPartnerISO, colPartnerCode, colPartnerName
	}
	k := countryKey{r.field(rec, iso), r.field(rec, code), r.field(rec, name)}
	if m := &r.last[side]; m.ok && m.key == k {
		return m.country, true
	}
	c, ok := r.countries.resolve(k.iso, k.code, k.name)
	if ok {
		r.last[side] = lastParty{key: k, country: c, ok: true}
	}
	return c, ok
}

// lastParty is the reporter or partner of the last row read.
type lastParty struct {
	key     countryKey
	country Country
	ok      bool
}

// field returns the trimmed text of the column with role c, or "".
func (r *Reader) field(rec []string, c role) string {
	if i := r.cols[c]; i >= 0 {
		return strings.TrimSpace(rec[i])
	}
	return ""
}

func (r *Reader) fail(f *Flow, c role, value string, err error) error {
	col := ""
	if i := r.cols[c]; i >= 0 {
		col = r.header[i]
	}
	return &RowError{File: r.name, Line: f.Line, Column: col, Value: value, Err: err}
}

// failAny reports a missing value in the first present column of roles.
func (r *Reader) failMissing(f *Flow, what string, roles ...role) error {
	for _, c := range roles {
		if r.cols[c] >= 0 {
			return r.fail(f, c, "", fmt.Errorf("%w: no %s", ErrMissing, what))
		}
	}
	return &RowError{File: r.name, Line: f.Line, Err: fmt.Errorf("%w: no %s", ErrMissing, what)}
}

func (r *Reader) parse(rec []string, f *Flow) error {
	if cl := r.field(rec, colClassification); cl != "" {
		if cl[0] != 'H' && cl[0] != 'h' {
			return r.fail(f, colClassification, cl, fmt.Errorf("%w: %q is not one of the HS classifications (H0-H6, HS); SITC and BEC codes are not assessed", ErrNotHS, cl))
		}
		f.Classification = cl
	}
	if err := r.parsePeriod(rec, f); err != nil {
		return err
	}
	if err := r.parseKind(rec, f); err != nil {
		return err
	}
	var ok bool
	if f.Reporter, ok = r.party(rec, reporterSide); !ok {
		return r.failMissing(f, "reporter", colReporterISO, colReporterCode, colReporterName)
	}
	if f.Partner, ok = r.party(rec, partnerSide); !ok {
		return r.failMissing(f, "partner", colPartnerISO, colPartnerCode, colPartnerName)
	}
	if err := r.parseCode(rec, f); err != nil {
		return err
	}
	var err error
	if f.ValueUSD, err = r.number(rec, f, colValue); err != nil {
		return err
	}
	if r.field(rec, colValue) == "" {
		// Comtrade Plus leaves primaryValue empty when only the FOB or CIF
		// value is reported; exports are valued FOB, imports CIF.
		alt := colCIF
		if f.Kind.outward() {
			alt = colFOB
		}
		if r.field(rec, alt) == "" {
			return r.failMissing(f, "trade value", colValue)
		}
		if f.ValueUSD, err = r.number(rec, f, alt); err != nil {
			return err
		}
	}
	if f.NetWeightKg, err = r.number(rec, f, colWeight); err != nil {
		return err
	}
	if f.Quantity, err = r.number(rec, f, colQty); err != nil {
		return err
	}
	f.QuantityUnit = quantityUnit(r.field(rec, colQtyUnit), r.field(rec, colQtyUnitCode))
	if f.QuantityUnit == "" && f.Quantity != 0 {
		if r.layout == Simple {
			return r.failMissing(f, "quantity_unit for the quantity", colQtyUnit, colQty)
		}
		// A Comtrade quantity whose unit is "No Quantity" has no meaning
		// a unit value could use; the row itself is kept.
		f.Quantity = 0
	}
	f.Breakdown = isBreakdown(r.field(rec, colPartner2), r.field(rec, colCustoms), r.field(rec, colTransport))
	f.Source = r.field(rec, colSource)
	return nil
}

func (r *Reader) parseCode(rec []string, f *Flow) error {
	code := r.field(rec, colCode)
	if c, ok := r.codes[code]; ok {
		f.Code, f.CodeText = c, c.Digits()
		return nil
	}
	switch {
	case code == "":
		return r.fail(f, colCode, "", fmt.Errorf("%w: no commodity code", ErrMissing))
	case strings.EqualFold(code, "TOTAL"):
		f.CodeText = "TOTAL"
		return nil
	}
	c, err := hs.Parse(code)
	if err != nil {
		return r.fail(f, colCode, code, err)
	}
	f.Code, f.CodeText = c, code
	if c.Digits() == code && len(r.codes) < maxCachedCodes {
		// Only bare digits are cached, so that the cached Code's digits
		// are also the text as written.
		c, _ = hs.Parse(strings.Clone(code))
		r.codes[c.Digits()] = c
		f.Code, f.CodeText = c, c.Digits()
	}
	return nil
}

func (r *Reader) parsePeriod(rec []string, f *Flow) error {
	if s := r.field(rec, colPeriod); s != "" {
		p, err := ParsePeriod(s)
		if err != nil {
			return r.fail(f, colPeriod, s, err)
		}
		if p.IsSpan() && r.layout != Simple {
			return r.fail(f, colPeriod, s, fmt.Errorf("%w: a span of years is allowed in the simple layout only", ErrPeriod))
		}
		f.Period = p
		return nil
	}
	y := r.field(rec, colYear)
	if y == "" {
		return r.failMissing(f, "period", colPeriod, colYear)
	}
	p, err := ParsePeriod(y)
	if err != nil || p.Month != 0 || p.IsSpan() {
		return r.fail(f, colYear, y, fmt.Errorf("%w %q: want a year", ErrPeriod, y))
	}
	// Comtrade Plus writes refMonth 1-12 for monthly data and 52 (or 99)
	// for annual data.
	if m, err := strconv.Atoi(r.field(rec, colMonth)); err == nil && m >= 1 && m <= 12 {
		p.Month = m
	}
	f.Period = p
	return nil
}

func (r *Reader) parseKind(rec []string, f *Flow) error {
	for _, c := range []role{colFlowCode, colFlowText} {
		s := r.field(rec, c)
		if s == "" {
			continue
		}
		k, ok := parseFlowKind(s)
		if !ok {
			return r.fail(f, c, s, fmt.Errorf("%w: not a trade flow (want export, import, re-export or re-import)", ErrInvalid))
		}
		f.Kind = k
		return nil
	}
	return r.failMissing(f, "trade flow", colFlowCode, colFlowText)
}

// number reads a non-negative amount; an empty field is 0.
func (r *Reader) number(rec []string, f *Flow, c role) (float64, error) {
	s := r.field(rec, c)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil:
		return 0, r.fail(f, c, s, fmt.Errorf("%w: not a number (write 1234.5, without thousands separators or currency signs)", ErrInvalid))
	case math.IsNaN(v) || math.IsInf(v, 0):
		return 0, r.fail(f, c, s, fmt.Errorf("%w: not a finite number", ErrInvalid))
	case v < 0:
		// Comtrade Plus writes -1 for "not available" in some numeric
		// fields; an amount cannot be negative, so this is not guessed at.
		return 0, r.fail(f, c, s, fmt.Errorf("%w: negative amount", ErrInvalid))
	}
	return v, nil
}

// quantityUnit returns the short name of a quantity unit as the layouts
// write it: the legacy layout's descriptions ("Number of items"), Comtrade
// Plus abbreviations ("u", "N/A") or the legacy unit code when there is no
// text. It returns "" for "no quantity".
func quantityUnit(text, code string) string {
	if text != "" {
		for _, u := range [...]struct{ text, unit string }{
			{"No Quantity", ""}, {"N/A", ""}, {"NA", ""}, {"-1", ""},
			{"Number of items", "u"}, {"Weight in kilograms", "kg"}, {"Volume in litres", "l"},
			{"Area in square metres", "m²"}, {"Length in metres", "m"}, {"Number of pairs", "2u"},
			{"Thousands of items", "1000u"}, {"Weight in carats", "carat"},
		} {
			if strings.EqualFold(text, u.text) {
				return u.unit
			}
		}
		return text
	}
	// Legacy unit codes 1, 5 and 8 are "No Quantity", "Number of items"
	// and "Weight in kilograms"; Comtrade Plus writes -1 for none.
	switch code {
	case "", "1", "-1":
		return ""
	case "5":
		return "u"
	case "8":
		return "kg"
	}
	return "unit " + code
}

// isBreakdown reports whether a Comtrade row is a part of a total row: a
// second partner other than World (0), a customs procedure other than the
// total C00, or a mode of transport other than the total 0.
func isBreakdown(partner2, customs, transport string) bool {
	return (partner2 != "" && partner2 != "0") ||
		(customs != "" && !strings.EqualFold(customs, "C00")) ||
		(transport != "" && transport != "0")
}
