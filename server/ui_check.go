package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/luxscreen/luxscreen/rules"
)

// Input formats of the check form.
const (
	formatAuto  = "auto"
	formatCSV   = "csv"
	formatJSONL = "jsonl"
)

// checkItem is one record of a checked batch: its decision, or why it has
// none.
type checkItem struct {
	N        int
	Where    string
	Decision *rules.Decision
	Err      string
	// Record and Cases are the stored record and the review cases, when
	// the server keeps decisions.
	Record int64
	Cases  []int64
}

// checkResult is a checked batch.
type checkResult struct {
	Source                       string
	Items                        []checkItem
	Block, Review, Clear, Errors int
}

// formatOption is one choice of the format select.
type formatOption struct {
	Value, Label string
	Selected     bool
}

// checkData is what the check page shows.
type checkData struct {
	Text    string
	Formats []formatOption
	Result  *checkResult
}

func newCheckData(text, format string) *checkData {
	d := &checkData{Text: text}
	for _, f := range []formatOption{{formatAuto, "Tell from the content", false}, {formatCSV, "Bill-of-lading CSV", false}, {formatJSONL, "Shipment JSON lines", false}} {
		f.Selected = f.Value == format || format == "" && f.Value == formatAuto
		d.Formats = append(d.Formats, f)
	}
	return d
}

// handleCheckForm answers GET /ui/check: the upload and paste form.
func (u *ui) handleCheckForm(w http.ResponseWriter, r *http.Request) error {
	return u.render(w, r, http.StatusOK, "check", &uiPage{Title: "Check shipments", Nav: "check", Warnings: u.s.sys.Warnings(), Data: newCheckData("", "")})
}

// handleCheck answers POST /ui/check: every record of the file or text
// judged, in order, each with its decision or the error that kept it from
// one. The page answers the POST itself rather than redirect: the
// decisions are not kept anywhere a GET could fetch them from unless a
// store is configured, and a reload asks the browser before resending.
func (u *ui) handleCheck(w http.ResponseWriter, r *http.Request) error {
	if err := u.checkCSRF(r); err != nil {
		return err
	}
	format := r.PostFormValue("format")
	switch format {
	case "", formatAuto, formatCSV, formatJSONL:
	default:
		return formError("format %q: want auto, csv or jsonl", format)
	}
	text := r.PostFormValue("text")
	name, data := "pasted text", []byte(text)
	if f, fh, err := r.FormFile("file"); err == nil {
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			return fmt.Errorf("server: ui: reading upload: %w", err)
		}
		if len(bytes.TrimSpace(b)) > 0 {
			name, data = filepath.Base(fh.Filename), b
			if format == "" || format == formatAuto {
				switch strings.ToLower(filepath.Ext(fh.Filename)) {
				case ".csv":
					format = formatCSV
				case ".jsonl", ".json", ".ndjson":
					format = formatJSONL
				}
			}
		}
	} else if !errors.Is(err, http.ErrMissingFile) && !errors.Is(err, http.ErrNotMultipart) {
		return formError("the upload could not be read: %v", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return formError("nothing to check: choose a file or paste shipments")
	}
	if format == "" || format == formatAuto {
		format = formatCSV
		if c := bytes.TrimSpace(data)[0]; c == '{' || c == '[' {
			format = formatJSONL
		}
	}
	recs := decodeShipments(name, data, format)
	if len(recs) > u.s.cfg.MaxBatch {
		return formError("%s holds %d shipments, more than the limit of %d a page checks: split it", name, len(recs), u.s.cfg.MaxBatch)
	}
	res := &checkResult{Source: name}
	for i, rec := range recs {
		it := checkItem{N: i + 1, Where: rec.where}
		if rec.err != nil {
			it.Err = rec.err.Error()
		} else if err := u.checkOne(r, rec.sh, &it); err != nil {
			it.Err = "not judged: " + toAPIError(err).message
		}
		switch {
		case it.Err != "":
			res.Errors++
		case it.Decision.Verdict == rules.VerdictBlock:
			res.Block++
		case it.Decision.Verdict == rules.VerdictReview:
			res.Review++
		default:
			res.Clear++
		}
		res.Items = append(res.Items, it)
	}
	d := newCheckData(text, r.PostFormValue("format"))
	d.Result = res
	return u.render(w, r, http.StatusOK, "check", &uiPage{Title: "Check shipments", Nav: "check", Warnings: u.s.sys.Warnings(), Data: d})
}

// shipmentRecord is one record of a batch: a shipment, or why it could not
// be read.
type shipmentRecord struct {
	where string
	sh    *rules.Shipment
	err   error
}

// decodeShipments reads every record of a batch. A bad record is kept
// with its error, never dropped: a person must see that it was not
// judged.
func decodeShipments(name string, data []byte, format string) []shipmentRecord {
	if format == formatCSV {
		return decodeCSV(name, data)
	}
	trimmed := bytes.TrimSpace(data)
	// One JSON document, indented or not, or an array of shipments.
	if json.Valid(trimmed) {
		if trimmed[0] == '[' {
			var raws []json.RawMessage
			if err := json.Unmarshal(trimmed, &raws); err == nil {
				out := make([]shipmentRecord, len(raws))
				for i, raw := range raws {
					where := fmt.Sprintf("%s item %d", name, i+1)
					sh, err := rules.Decode(where, raw)
					out[i] = shipmentRecord{where: where, sh: sh, err: err}
				}
				return out
			}
		}
		if sh, err := rules.Decode(name, trimmed); err == nil {
			return []shipmentRecord{{where: name, sh: sh}}
		}
	}
	// JSON lines, each read alone, so that a line that does not parse
	// fails alone instead of ending the batch.
	var out []shipmentRecord
	for i, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		where := fmt.Sprintf("%s line %d", name, i+1)
		sh, err := rules.Decode(where, line)
		if err != nil {
			var de *rules.DecodeError
			if errors.As(err, &de) && de.Line <= 1 {
				moved := *de
				moved.Source, moved.Line = name, i+1
				err = &moved
			}
		}
		out = append(out, shipmentRecord{where: where, sh: sh, err: err})
	}
	return out
}

// decodeCSV reads the shipments of a bill-of-lading CSV. An error that
// ends the input is the batch's last record, so the page says where
// reading stopped.
func decodeCSV(name string, data []byte) []shipmentRecord {
	d, err := rules.NewCSVDecoder(bytes.NewReader(data), name)
	if err != nil {
		return []shipmentRecord{{where: name, err: err}}
	}
	var out []shipmentRecord
	for {
		sh, err := d.Next()
		if err == io.EOF {
			return out
		}
		id, line := d.Last()
		where := fmt.Sprintf("%s line %d", name, line)
		if id != "" {
			where = fmt.Sprintf("%s line %d, shipment %s", name, line, id)
		}
		if line == 0 {
			where = name
		}
		out = append(out, shipmentRecord{where: where, sh: sh, err: err})
		var de *rules.DecodeError
		if err != nil && (!errors.As(err, &de) || errors.Is(err, rules.ErrSyntax)) {
			out[len(out)-1].err = fmt.Errorf("reading stopped here, the rest of the input is not judged: %w", err)
			return out
		}
	}
}
