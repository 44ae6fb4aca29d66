package hs

import (
	"bufio"
	"bytes"
	"context"
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
	f, err := readEditionCSV(r, ed)
	if err != nil {
		return nil, err
	}
	col, err := columns(f.header, "hscode", "description", "level")
	if err != nil {
		return nil, &LoadError{Line: 1, Err: err}
	}
	var items []Item
	err = f.each(func(line int, rec []string) error {
		code := rec[col["hscode"]]
		if code == "TOTAL" {
			return nil
		}
		c, err := Parse(code)
		if err != nil {
			return &LoadError{Line: line, Field: "hscode", Err: err}
		}
		if lv := rec[col["level"]]; strings.TrimSpace(lv) != strconv.Itoa(c.Len()) {
			return &LoadError{Line: line, Field: "level", Err: fmt.Errorf("level %q does not match %d-digit code %s", lv, c.Len(), code)}
		}
		items = append(items, Item{Code: c, Description: rec[col["description"]]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, &LoadError{Err: errors.New("no commodity codes")}
	}
	return NewTable(ed, items)
}

// readEditionCSV reads the header of a CSV nomenclature whose edition the
// caller names, as the file does not.
func readEditionCSV(r io.Reader, ed Edition) (*csvFile, error) {
	if ed.IsZero() {
		return nil, errors.New("hs: no edition given")
	}
	return readCSVHeader(r, false)
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
	f, err := readEditionCSV(r, ed)
	if err != nil {
		return nil, err
	}
	cols := cnColumns{code: "goods_code", pos: "hier_pos", desc: "description"}
	cols.dated = slices.ContainsFunc(f.header, func(h string) bool { return strings.TrimSpace(h) == "Goods code" })
	if cols.dated {
		cols.code, cols.pos, cols.desc = "Goods code", "Hier. Pos.", "Description"
	}
	want := []string{cols.code, cols.pos, cols.desc}
	if cols.dated {
		want = append(want, "Start date", "End date")
	}
	if cols.col, err = columns(f.header, want...); err != nil {
		return nil, &LoadError{Line: 1, Err: err}
	}
	// The edition's year, for the validity dates.
	cols.yearStart = time.Date(ed.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	cols.yearEnd = cols.yearStart.AddDate(1, 0, 0)
	var items []Item
	err = f.each(func(line int, rec []string) error {
		it, ok, err := cols.item(line, rec)
		if ok {
			items = append(items, it)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, &LoadError{Err: fmt.Errorf("no commodity codes in force in %d", ed.Year)}
	}
	return NewTable(ed, items)
}

// cnColumns is the layout of a goods-nomenclature export and the year its
// rows must be in force in.
type cnColumns struct {
	code, pos, desc    string
	dated              bool
	col                map[string]int
	yearStart, yearEnd time.Time
}

// item reads one row; ok is false for a row not in force in the year.
func (c *cnColumns) item(line int, rec []string) (it Item, ok bool, err error) {
	if c.dated {
		start, err := cnDate(rec[c.col["Start date"]])
		if err != nil || start.IsZero() {
			return it, false, &LoadError{Line: line, Field: "Start date", Err: fmt.Errorf("date %q is not DD-MM-YYYY", rec[c.col["Start date"]])}
		}
		end, err := cnDate(rec[c.col["End date"]])
		if err != nil {
			return it, false, &LoadError{Line: line, Field: "End date", Err: fmt.Errorf("date %q is not DD-MM-YYYY or empty", rec[c.col["End date"]])}
		}
		if !start.Before(c.yearEnd) || (!end.IsZero() && end.Before(c.yearStart)) {
			return it, false, nil
		}
	}
	raw := strings.TrimSpace(rec[c.col[c.code]])
	if i := strings.IndexByte(raw, ' '); i >= 0 {
		raw = raw[:i] // TARIC product-line suffix, e.g. "0101000000 80"
	}
	pos, ok := hierPos(rec[c.col[c.pos]])
	if !ok {
		return it, false, &LoadError{Line: line, Field: c.pos, Err: fmt.Errorf("hierarchy position %q is not 2, 4, 6, 8 or 10", rec[c.col[c.pos]])}
	}
	if len(raw) < pos {
		return it, false, &LoadError{Line: line, Field: c.code, Err: fmt.Errorf("code %q shorter than its hierarchy position %d", raw, pos)}
	}
	if strings.Trim(raw[pos:], "0") != "" {
		return it, false, &LoadError{Line: line, Field: c.code, Err: fmt.Errorf("code %q has digits other than 0 beyond its hierarchy position %d", raw, pos)}
	}
	code, err := Parse(raw[:pos])
	if err != nil {
		return it, false, &LoadError{Line: line, Field: c.code, Err: err}
	}
	return Item{Code: code, Description: strings.ReplaceAll(rec[c.col[c.desc]], "|", " ")}, true, nil
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

// Open loads a nomenclature file, choosing the reader from its content: a
// Comtrade JSON classification, the flat HS CSV, or an EU CN export. The
// flat CSV and the CN export do not name their edition, so ed must be given
// for them. A Comtrade JSON file names its own edition; ed may then be zero,
// and it is an error for it to differ.
func Open(ctx context.Context, path string, ed Edition) (*Table, error) {
	return readFile(ctx, path, func(r io.Reader) (*Table, error) { return readNomenclature(r, path, ed) })
}

// readNomenclature reads the nomenclature file at path from r, choosing
// the reader from its content (see [Open]).
func readNomenclature(r io.Reader, path string, ed Edition) (*Table, error) {
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3) // cannot fail: the bytes are buffered
	}
	head, _ := br.Peek(512)
	switch {
	case bytes.HasPrefix(bytes.TrimSpace(head), []byte("{")):
		t, err := ReadComtradeJSON(br)
		if err == nil && !ed.IsZero() && t.Edition() != ed {
			return nil, fmt.Errorf("hs: %s: file is %s, not %s", path, t.Edition(), ed)
		}
		return t, err
	case bytes.HasPrefix(head, []byte("section,hscode")):
		if ed.IsZero() {
			return nil, fmt.Errorf("hs: %s: flat HS CSV does not name its edition; give one", path)
		}
		return ReadHSCSV(br, ed)
	case bytes.HasPrefix(head, []byte("goods_code")) || bytes.HasPrefix(head, []byte("Goods code")):
		if ed.IsZero() {
			return nil, fmt.Errorf("hs: %s: CN export does not name its edition; give one such as CN2026", path)
		}
		return ReadCN(br, ed)
	}
	return nil, fmt.Errorf("hs: %s: unknown nomenclature format (want Comtrade JSON, flat HS CSV or EU CN CSV)", path)
}

// readFile reads the file at path with read, naming the file in a
// [*LoadError], and gives up when ctx is done before or after.
func readFile[T any](ctx context.Context, path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		var le *LoadError
		if errors.As(err, &le) && le.File == "" {
			le.File = filepath.Base(path)
		}
		return zero, err
	}
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	return v, nil
}
