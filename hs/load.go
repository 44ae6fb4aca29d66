package hs

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// LoadError reports a problem in a nomenclature or correlation file with
// its place: file, line (the CSV record's start) and the column or JSON
// field. It is the one error type of every data file.
type LoadError = datafile.Error

// ReadComtradeJSON reads a UN Comtrade classification file
// (classificationH4.json and the like). The edition comes from the file's
// className ("HS2017"). Aggregate rows (ALL, TOTAL, AG2, AG4, AG6) are not
// commodity codes and are left out; any other id that is not a code is an
// error.
func ReadComtradeJSON(r io.Reader) (*Table, error) {
	var doc struct {
		ClassCode string `json:"classCode"`
		ClassName string `json:"className"`
		Results   []struct {
			ID     string `json:"id"`
			Text   string `json:"text"`
			Parent string `json:"parent"`
		} `json:"results"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, &LoadError{Err: fmt.Errorf("decoding Comtrade JSON: %w", err)}
	}
	name := doc.ClassName
	if name == "" {
		name = doc.ClassCode
	}
	ed, err := ParseEdition(name)
	if err != nil {
		return nil, &LoadError{Field: "className", Err: err}
	}
	items := make([]Item, 0, len(doc.Results))
	for i, res := range doc.Results {
		switch res.ID {
		case "ALL", "TOTAL", "AG2", "AG4", "AG6":
			continue
		}
		c, err := Parse(res.ID)
		if err != nil {
			return nil, &LoadError{Field: fmt.Sprintf("results[%d].id", i), Err: err}
		}
		desc := strings.TrimPrefix(res.Text, res.ID+" - ")
		items = append(items, Item{Code: c, Description: desc})
	}
	if len(items) == 0 {
		return nil, &LoadError{Field: "results", Err: errors.New("no commodity codes")}
	}
	return NewTable(ed, items)
}

// ReadHSCSV reads the flat HS CSV of the datasets/harmonized-system project
// (columns section, hscode, description, parent, level). The file does not
// name its edition, so the caller does; the published file is HS2022. The
// aggregate row TOTAL is not a commodity code and is left out.
func ReadHSCSV(r io.Reader, ed Edition) (*Table, error) {
	if ed.IsZero() {
		return nil, errors.New("hs: no edition given")
	}
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, &LoadError{Line: 1, Err: fmt.Errorf("reading header: %w", err)}
	}
	col, err := columns(header, "hscode", "description", "level")
	if err != nil {
		return nil, &LoadError{Line: 1, Err: err}
	}
	var items []Item
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, &LoadError{Line: csvErrorLine(err), Err: err}
		}
		line, _ := cr.FieldPos(0)
		code := rec[col["hscode"]]
		if code == "TOTAL" {
			continue
		}
		c, err := Parse(code)
		if err != nil {
			return nil, &LoadError{Line: line, Field: "hscode", Err: err}
		}
		if lv := rec[col["level"]]; strings.TrimSpace(lv) != strconv.Itoa(c.Len()) {
			return nil, &LoadError{Line: line, Field: "level", Err: fmt.Errorf("level %q does not match %d-digit code %s", lv, c.Len(), code)}
		}
		items = append(items, Item{Code: c, Description: rec[col["description"]]})
	}
	if len(items) == 0 {
		return nil, &LoadError{Err: errors.New("no commodity codes")}
	}
	return NewTable(ed, items)
}

// ReadCN reads an EU Combined Nomenclature / TARIC goods-nomenclature export
// in either of the Commission's CSV layouts: "goods_code,hier_pos,
// language,description" (10-digit goods code) or the layout with "Goods
// code" (carrying the TARIC product-line suffix), "Hier. Pos." and the
// validity dates "Start date" and "End date". Each row is cut to its
// hierarchy position, so CN8 lines come out as 8-digit codes and TARIC lines
// as 10-digit codes. Where the file gives validity dates, rows not in force
// at any time during the year of ed are left out, because a goods
// nomenclature export also lists lines that have ended or not yet begun.
func ReadCN(r io.Reader, ed Edition) (*Table, error) {
	if ed.IsZero() {
		return nil, errors.New("hs: no edition given")
	}
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, &LoadError{Line: 1, Err: fmt.Errorf("reading header: %w", err)}
	}
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	codeCol, posCol, descCol := "goods_code", "hier_pos", "description"
	dated := slices.ContainsFunc(header, func(h string) bool { return strings.TrimSpace(h) == "Goods code" })
	if dated {
		codeCol, posCol, descCol = "Goods code", "Hier. Pos.", "Description"
	}
	want := []string{codeCol, posCol, descCol}
	if dated {
		want = append(want, "Start date", "End date")
	}
	col, err := columns(header, want...)
	if err != nil {
		return nil, &LoadError{Line: 1, Err: err}
	}
	// The edition's year, for the validity dates.
	yearStart := time.Date(ed.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	yearEnd := yearStart.AddDate(1, 0, 0)
	var items []Item
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, &LoadError{Line: csvErrorLine(err), Err: err}
		}
		line, _ := cr.FieldPos(0)
		if dated {
			start, err := cnDate(rec[col["Start date"]])
			if err != nil || start.IsZero() {
				return nil, &LoadError{Line: line, Field: "Start date", Err: fmt.Errorf("date %q is not DD-MM-YYYY", rec[col["Start date"]])}
			}
			end, err := cnDate(rec[col["End date"]])
			if err != nil {
				return nil, &LoadError{Line: line, Field: "End date", Err: fmt.Errorf("date %q is not DD-MM-YYYY or empty", rec[col["End date"]])}
			}
			if !start.Before(yearEnd) || (!end.IsZero() && end.Before(yearStart)) {
				continue
			}
		}
		raw := strings.TrimSpace(rec[col[codeCol]])
		if i := strings.IndexByte(raw, ' '); i >= 0 {
			raw = raw[:i] // TARIC product-line suffix, e.g. "0101000000 80"
		}
		pos, ok := hierPos(rec[col[posCol]])
		if !ok {
			return nil, &LoadError{Line: line, Field: posCol, Err: fmt.Errorf("hierarchy position %q is not 2, 4, 6, 8 or 10", rec[col[posCol]])}
		}
		if len(raw) < pos {
			return nil, &LoadError{Line: line, Field: codeCol, Err: fmt.Errorf("code %q shorter than its hierarchy position %d", raw, pos)}
		}
		if strings.Trim(raw[pos:], "0") != "" {
			return nil, &LoadError{Line: line, Field: codeCol, Err: fmt.Errorf("code %q has digits other than 0 beyond its hierarchy position %d", raw, pos)}
		}
		c, err := Parse(raw[:pos])
		if err != nil {
			return nil, &LoadError{Line: line, Field: codeCol, Err: err}
		}
		desc := strings.ReplaceAll(rec[col[descCol]], "|", " ")
		items = append(items, Item{Code: c, Description: desc})
	}
	if len(items) == 0 {
		return nil, &LoadError{Err: fmt.Errorf("no commodity codes in force in %d", ed.Year)}
	}
	return NewTable(ed, items)
}

// hierPos parses a hierarchy position, which the Commission writes as "8"
// or "8.0".
func hierPos(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".0")
	n, err := strconv.Atoi(s)
	if err != nil || n < 2 || n > maxDigits || n%2 != 0 {
		return 0, false
	}
	return n, true
}

// cnDate parses a date of a goods-nomenclature export, "31-12-1971". An
// empty field gives the zero time.
func cnDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse("02-01-2006", s)
}

// csvErrorLine returns the line a CSV reading error names, or 0.
func csvErrorLine(err error) int {
	// The error comes before a record, so the reader's FieldPos has nothing
	// to say about it (and panics on a record without fields).
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.StartLine
	}
	return 0
}

// Open loads a nomenclature file, choosing the reader from its content: a
// Comtrade JSON classification, the flat HS CSV, or an EU CN export. The
// flat CSV and the CN export do not name their edition, so ed must be given
// for them. A Comtrade JSON file names its own edition; ed may then be zero,
// and it is an error for it to differ.
func Open(ctx context.Context, path string, ed Edition) (*Table, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3) // cannot fail: the bytes are buffered
	}
	head, _ := br.Peek(512)
	var t *Table
	switch {
	case bytes.HasPrefix(bytes.TrimSpace(head), []byte("{")):
		t, err = ReadComtradeJSON(br)
		if err == nil && !ed.IsZero() && t.Edition() != ed {
			return nil, fmt.Errorf("hs: %s: file is %s, not %s", path, t.Edition(), ed)
		}
	case bytes.HasPrefix(head, []byte("section,hscode")):
		if ed.IsZero() {
			return nil, fmt.Errorf("hs: %s: flat HS CSV does not name its edition; give one", path)
		}
		t, err = ReadHSCSV(br, ed)
	case bytes.HasPrefix(head, []byte("goods_code")) || bytes.HasPrefix(head, []byte("Goods code")):
		if ed.IsZero() {
			return nil, fmt.Errorf("hs: %s: CN export does not name its edition; give one such as CN2026", path)
		}
		t, err = ReadCN(br, ed)
	default:
		return nil, fmt.Errorf("hs: %s: unknown nomenclature format (want Comtrade JSON, flat HS CSV or EU CN CSV)", path)
	}
	if err != nil {
		var le *LoadError
		if errors.As(err, &le) && le.File == "" {
			le.File = filepath.Base(path)
		}
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

func columns(header []string, want ...string) (map[string]int, error) {
	col := make(map[string]int, len(want))
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, w := range want {
		if _, ok := col[w]; !ok {
			return nil, fmt.Errorf("missing column %q (have %s)", w, strings.Join(header, ","))
		}
	}
	return col, nil
}
