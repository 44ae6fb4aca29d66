package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/desk"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/store"
)

// Default and largest page of the review endpoints' lists.
const (
	defaultPage = 50
	maxPage     = 500
)

// CheckedDecision is the answer of POST /v1/check: the decision, and when
// the server keeps decisions (Config.Desk), the record kept and the review
// cases open on it.
type CheckedDecision struct {
	*rules.Decision
	Record int64   `json:"record,omitempty"`
	Cases  []int64 `json:"cases,omitempty"`
}

// ReviewRequest is the body of POST /v1/cases/{id}/release and
// /v1/cases/{id}/confirm.
type ReviewRequest struct {
	// Reviewer names the person deciding; with Config.Reviewers it comes
	// from the bearer token instead and may be left out.
	Reviewer string       `json:"reviewer,omitempty"`
	Reason   store.Reason `json:"reason"`
	Note     string       `json:"note,omitempty"`
}

// CaseList is the answer of GET /v1/cases.
type CaseList struct {
	Cases []store.Case `json:"cases"`
	// Next is the value of the before parameter for the next page, or 0
	// at the end.
	Next int64 `json:"next,omitempty"`
}

// RecordList is the answer of GET /v1/records and GET /v1/history in JSON.
type RecordList struct {
	Records []store.Record `json:"records"`
	Next    int64          `json:"next,omitempty"`
}

// deskRoutes are the review endpoints. Without a desk they answer 501.
func (s *Server) deskRoutes() []route {
	return []route{
		{"GET /v1/cases", s.handleCases},
		{"GET /v1/cases/{id}", s.handleCase},
		{"POST /v1/cases/{id}/release", s.handleDecideCase},
		{"POST /v1/cases/{id}/confirm", s.handleDecideCase},
		{"GET /v1/history", s.handleHistory},
		{"GET /v1/records", s.handleRecords},
		{"GET /v1/records/{id}", s.handleRecord},
	}
}

// needDesk returns the desk, or the 501 answered without one.
func (s *Server) needDesk() (*desk.Desk, error) {
	if s.cfg.Desk == nil {
		return nil, errorf(http.StatusNotImplemented, CodeNoStore, "this server keeps no decisions: start it with a store (luxscreen serve --db)")
	}
	return s.cfg.Desk, nil
}

// screenParty screens one party or vessel, through the desk when there is
// one, so that the screening is kept and settled against the releases.
func (s *Server) screenParty(ctx context.Context, q party.Entity) (party.Result, int64, []int64, error) {
	if s.cfg.Desk == nil {
		r, err := s.sys.Screen(ctx, q)
		return r, 0, nil, err
	}
	sc, err := s.cfg.Desk.Screen(ctx, q)
	return sc.Result, sc.Record, sc.Cases, err
}

// checkShipment judges a shipment, through the desk when there is one.
func (s *Server) checkShipment(ctx context.Context, sh *rules.Shipment) (CheckedDecision, error) {
	if s.cfg.Desk == nil {
		d, err := s.sys.Check(ctx, sh)
		return CheckedDecision{Decision: d}, err
	}
	c, err := s.cfg.Desk.Check(ctx, sh)
	return CheckedDecision{Decision: c.Decision, Record: c.Record, Cases: c.Cases}, err
}

// handleCases answers GET /v1/cases?status=open&party=KEY&before=ID&limit=N.
func (s *Server) handleCases(w http.ResponseWriter, r *http.Request) error {
	d, err := s.needDesk()
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := store.CaseFilter{Party: q.Get("party")}
	switch st := q.Get("status"); st {
	case "", "open":
		f.Status = store.StatusOpen
	case "all":
	case string(store.StatusReleased), string(store.StatusConfirmed):
		f.Status = store.Status(st)
	default:
		return errorf(http.StatusBadRequest, CodeInvalidParameter, "status %q: want open, released, confirmed or all", st)
	}
	if f.Before, err = intParam(q.Get("before"), "before"); err != nil {
		return err
	}
	if f.Limit, err = pageParam(q.Get("limit")); err != nil {
		return err
	}
	cs, err := d.Cases(r.Context(), f)
	if err != nil {
		return err
	}
	out := CaseList{Cases: cs}
	if out.Cases == nil {
		out.Cases = []store.Case{}
	}
	if len(cs) == f.Limit {
		out.Next = cs[len(cs)-1].ID
	}
	return writeJSON(w, http.StatusOK, out)
}

// handleCase answers GET /v1/cases/{id}: the case with its history.
func (s *Server) handleCase(w http.ResponseWriter, r *http.Request) error {
	d, err := s.needDesk()
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := d.Case(r.Context(), id)
	if err != nil {
		return storeError(err, "case", id)
	}
	return writeJSON(w, http.StatusOK, c)
}

// handleDecideCase answers POST /v1/cases/{id}/release and
// /v1/cases/{id}/confirm with the case as decided.
func (s *Server) handleDecideCase(w http.ResponseWriter, r *http.Request) error {
	d, err := s.needDesk()
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	who, err := s.reviewer(r)
	if err != nil {
		return err
	}
	body, err := readBody(r)
	if err != nil {
		return err
	}
	var req ReviewRequest
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return errorf(http.StatusBadRequest, CodeInvalidJSON, "review request: %v", err)
	}
	if who == "" {
		who = req.Reviewer
	}
	var c store.Case
	if strings.HasSuffix(r.URL.Path, "/release") {
		c, err = d.Release(r.Context(), id, who, req.Reason, req.Note)
	} else {
		c, err = d.Confirm(r.Context(), id, who, req.Reason, req.Note)
	}
	if err != nil {
		return storeError(err, "case", id)
	}
	return writeJSON(w, http.StatusOK, c)
}

// reviewer returns the reviewer a bearer token names, "" when reviewers
// name themselves (no Config.Reviewers), or 401 for a missing or unknown
// token.
func (s *Server) reviewer(r *http.Request) (string, error) {
	if len(s.cfg.Reviewers) == 0 {
		return "", nil
	}
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if ok {
		for t, name := range s.cfg.Reviewers {
			if subtle.ConstantTimeCompare([]byte(t), []byte(token)) == 1 {
				return name, nil
			}
		}
	}
	return "", errorf(http.StatusUnauthorized, CodeUnauthorized, "a reviewer's token is required: send Authorization: Bearer TOKEN")
}

// handleHistory answers GET /v1/history?party=KEY or ?name=NAME&kind=K&country=C&imo=N:
// the records of one party, newest first.
func (s *Server) handleHistory(w http.ResponseWriter, r *http.Request) error {
	d, err := s.needDesk()
	if err != nil {
		return err
	}
	q := r.URL.Query()
	key := q.Get("party")
	if key == "" {
		name := strings.TrimSpace(q.Get("name"))
		if name == "" {
			return errorf(http.StatusBadRequest, CodeInvalidParameter, "give party (a party key) or name")
		}
		kind, ok := party.ParseKind(q.Get("kind"))
		if !ok {
			return errorf(http.StatusBadRequest, CodeInvalidParameter, "kind %q: want organisation, person, vessel or aircraft", q.Get("kind"))
		}
		key, _ = desk.PartyKey(party.New(name, kind, q.Get("country"), q.Get("imo"), ""))
	}
	limit, err := pageParam(q.Get("limit"))
	if err != nil {
		return err
	}
	rs, err := d.History(r.Context(), key, limit)
	if err != nil {
		return err
	}
	if rs == nil {
		rs = []store.Record{}
	}
	return writeJSON(w, http.StatusOK, RecordList{Records: rs})
}

// handleRecords answers GET /v1/records: the kept records, filtered by
// from, to (dates or RFC 3339 times), party, verdict and kind, newest
// first; format=jsonl or csv streams every record the filter selects, as
// an export of the audit trail, json (the default) answers a page.
func (s *Server) handleRecords(w http.ResponseWriter, r *http.Request) error {
	d, err := s.needDesk()
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := store.Filter{Party: q.Get("party"), Verdict: q.Get("verdict"), Kind: q.Get("kind")}
	if f.From, err = timeParam(q.Get("from"), "from"); err != nil {
		return err
	}
	if f.To, err = timeParam(q.Get("to"), "to"); err != nil {
		return err
	}
	switch format := q.Get("format"); format {
	case "jsonl", "csv":
		ctype := "application/x-ndjson"
		if format == "csv" {
			ctype = "text/csv; charset=utf-8"
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "luxscreen-audit."+format))
		_, err := d.Store().Export(r.Context(), w, format, f)
		return err
	case "", "json":
	default:
		return errorf(http.StatusBadRequest, CodeInvalidParameter, "format %q: want json, jsonl or csv", format)
	}
	if f.Before, err = intParam(q.Get("before"), "before"); err != nil {
		return err
	}
	if f.Limit, err = pageParam(q.Get("limit")); err != nil {
		return err
	}
	rs, err := d.Store().Records(r.Context(), f)
	if err != nil {
		return err
	}
	out := RecordList{Records: rs}
	if out.Records == nil {
		out.Records = []store.Record{}
	}
	if len(rs) == f.Limit {
		out.Next = rs[len(rs)-1].ID
	}
	return writeJSON(w, http.StatusOK, out)
}

// handleRecord answers GET /v1/records/{id}: one record with its audit
// record.
func (s *Server) handleRecord(w http.ResponseWriter, r *http.Request) error {
	d, err := s.needDesk()
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rec, err := d.Store().Record(r.Context(), id)
	if err != nil {
		return storeError(err, "record", id)
	}
	return writeJSON(w, http.StatusOK, rec)
}

// storeError maps the desk's and the store's errors to answers.
func storeError(err error, what string, id int64) error {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return errorf(http.StatusNotFound, CodeNotFound, "no %s %d", what, id)
	case errors.Is(err, store.ErrCaseClosed):
		return &apiError{status: http.StatusConflict, code: CodeConflict, message: fmt.Sprintf("%s %d is not open: reopen it or open a new one", what, id), err: err}
	case errors.Is(err, desk.ErrBadRequest):
		return &apiError{status: http.StatusBadRequest, code: CodeInvalidField, message: err.Error(), err: err}
	}
	return err
}

func pathID(r *http.Request) (int64, error) {
	v := r.PathValue("id")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, errorf(http.StatusBadRequest, CodeInvalidParameter, "id %q: want a positive number", v)
	}
	return id, nil
}

func intParam(v, name string) (int64, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, errorf(http.StatusBadRequest, CodeInvalidParameter, "%s %q: want a number", name, v)
	}
	return n, nil
}

func pageParam(v string) (int, error) {
	if v == "" {
		return defaultPage, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxPage {
		return 0, errorf(http.StatusBadRequest, CodeInvalidParameter, "limit %q: want 1 to %d", v, maxPage)
	}
	return n, nil
}

// timeParam parses a from or to parameter (see store.ParseBound).
func timeParam(v, name string) (time.Time, error) {
	t, err := store.ParseBound(v)
	if err != nil {
		return time.Time{}, errorf(http.StatusBadRequest, CodeInvalidParameter, "%s %v", name, err)
	}
	return t, nil
}
