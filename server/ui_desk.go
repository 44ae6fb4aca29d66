package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/desk"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/store"
)

// maxActorRunes bounds a reviewer's name: it is kept in every event.
const maxActorRunes = 200

// maxNoteRunes bounds a reviewer's note.
const maxNoteRunes = 4000

// hasDesk reports whether the server keeps decisions and opens cases.
func (u *ui) hasDesk() bool { return u.s.cfg.Desk != nil }

// checkOne judges one shipment, through the desk when there is one, so
// that the decision is kept and its cases opened.
func (u *ui) checkOne(r *http.Request, sh *rules.Shipment, it *checkItem) error {
	if d := u.s.cfg.Desk; d != nil {
		c, err := d.Check(r.Context(), sh)
		if err != nil {
			return err
		}
		it.Decision, it.Record, it.Cases = c.Decision, c.Record, c.Cases
	} else {
		dec, err := u.s.sys.Check(r.Context(), sh)
		if err != nil {
			return err
		}
		it.Decision = dec
	}
	u.s.metrics.decisions.WithLabelValues(string(it.Decision.Verdict)).Inc()
	return nil
}

// screenOne screens one party, through the desk when there is one, which
// leaves out the hits released before and says so.
func (u *ui) screenOne(r *http.Request, q party.Entity, v *screenView) error {
	d := u.s.cfg.Desk
	if d == nil {
		res, err := u.s.sys.Screen(r.Context(), q)
		if err != nil {
			return err
		}
		v.Result = res
		v.Released = releasedViews(res.Released)
		return nil
	}
	sc, err := d.Screen(r.Context(), q)
	if err != nil {
		return err
	}
	v.Result, v.Record, v.Cases = sc.Result, sc.Record, sc.Cases
	v.Released = releasedViews(sc.Result.Released)
	v.PartyKey, _ = desk.PartyKey(q)
	return nil
}

// releasedViews are the released hits of a result, for people.
func releasedViews(rs []party.Released) []releasedView {
	var out []releasedView
	for _, rel := range rs {
		out = append(out, releasedView{
			Entity: rel.Hit.Entity, Name: rel.Hit.Name, By: rel.By, On: rel.At.UTC().Format(time.DateOnly),
			Reason: rel.Reason, Note: rel.Note, Case: rel.Case,
		})
	}
	return out
}

// statusOption is one choice of the queue's status filter.
type statusOption struct {
	Value, Label string
	Selected     bool
}

// handleQueue answers GET /ui/queue: the cases of one status (open by
// default, or all), newest first.
func (u *ui) handleQueue(w http.ResponseWriter, r *http.Request) error {
	d := u.s.cfg.Desk
	if d == nil {
		return noDesk()
	}
	status := r.URL.Query().Get("status")
	if status == "" {
		status = string(store.StatusOpen)
	}
	var f store.CaseFilter
	switch store.Status(status) {
	case store.StatusOpen, store.StatusReleased, store.StatusConfirmed:
		f.Status = store.Status(status)
	default:
		if status != "all" {
			return formError("status %q: want open, released, confirmed or all", status)
		}
	}
	f.Limit = 500
	cases, err := d.Cases(r.Context(), f)
	if err != nil {
		return err
	}
	data := struct {
		Status   string
		Statuses []statusOption
		Cases    []store.Case
	}{Status: status, Cases: cases}
	for _, s := range []string{"open", "released", "confirmed", "all"} {
		data.Statuses = append(data.Statuses, statusOption{s, s, s == status})
	}
	return u.render(w, r, http.StatusOK, "queue", &uiPage{Title: "Review queue", Nav: "queue", Warnings: u.s.sys.Warnings(), Data: data})
}

// reasonOption is one choice of the reason select.
type reasonOption struct {
	Value, Label string
	Selected     bool
}

// caseData is what the case page shows.
type caseData struct {
	// Tokens is set when reviewers name themselves by token.
	Tokens  bool
	Case    store.Case
	Record  *store.Record
	Check   *checkItem
	Screen  *screenView
	Err     string
	Actor   string
	Note    string
	Reasons []reasonOption
}

// auditView is what the pages read of a record's audit: a check's
// decision and screenings, or a screening's query and result.
type auditView struct {
	Decision *rules.Decision `json:"decision"`
	Parties  []*party.Result `json:"parties"`
	Vessel   *party.Result   `json:"vessel"`
	Query    *party.Entity   `json:"query"`
	Result   *party.Result   `json:"result"`
}

// caseID reads the {id} of a case route.
func caseID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errorf(http.StatusNotFound, CodeNotFound, "no case %q: case numbers are positive integers", r.PathValue("id"))
	}
	return id, nil
}

// loadCase reads a case with the evidence of the record it was opened on.
func (u *ui) loadCase(r *http.Request, d *desk.Desk, id int64) (*caseData, error) {
	c, err := d.Case(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errorf(http.StatusNotFound, CodeNotFound, "no case %d", id)
	} else if err != nil {
		return nil, err
	}
	cd := &caseData{Case: c, Tokens: len(u.s.cfg.Reviewers) > 0}
	rec, err := d.Store().Record(r.Context(), c.Record)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if err == nil {
		cd.Record = &rec
		var a auditView
		if len(rec.Audit) > 0 && json.Unmarshal(rec.Audit, &a) == nil {
			u.caseEvidence(cd, &rec, &a)
		}
	}
	return cd, nil
}

// caseEvidence picks from the audit what the case is about: the screening
// of its party, and for a check the whole decision.
func (u *ui) caseEvidence(cd *caseData, rec *store.Record, a *auditView) {
	if a.Decision != nil {
		cd.Check = &checkItem{N: 1, Where: "record " + strconv.FormatInt(rec.ID, 10), Decision: a.Decision, Record: rec.ID}
	}
	if a.Result != nil {
		name := rec.Subject
		cd.Screen = &screenView{Name: name, Result: *a.Result, Record: rec.ID, Released: releasedViews(a.Result.Released)}
		if len(rec.Parties) > 0 {
			cd.Screen.PartyKey = rec.Parties[0].Key
		}
		return
	}
	p := cd.Case.Party
	if p == nil {
		return
	}
	// A check's record lists its parties in the shipment's order, then
	// the vessel; the audit keeps their screenings in the same order.
	for i, rp := range rec.Parties {
		if rp.Key != p.Key || rp.Role != p.Role {
			continue
		}
		var res *party.Result
		switch {
		case rp.Role == "vessel":
			res = a.Vessel
		case i < len(a.Parties):
			res = a.Parties[i]
		}
		if res != nil {
			cd.Screen = &screenView{Name: rp.Name, Result: *res, Record: rec.ID, PartyKey: rp.Key, Released: releasedViews(res.Released)}
		}
		return
	}
}

func (cd *caseData) setForm(actor, reason, note string) {
	cd.Actor, cd.Note = actor, note
	cd.Reasons = nil
	for _, rs := range []store.Reason{store.FalsePositive, store.TrueMatch, store.LicenceHeld, store.Other} {
		cd.Reasons = append(cd.Reasons, reasonOption{string(rs), reasonLabel(rs), string(rs) == reason})
	}
}

// reasonLabel says what a reason code means.
func reasonLabel(r store.Reason) string {
	switch r {
	case store.FalsePositive:
		return "False positive: not the listed party"
	case store.TrueMatch:
		return "True match: the listed party"
	case store.LicenceHeld:
		return "Licence held: the trade is authorised"
	}
	return "Other (say why in the note)"
}

// handleCase answers GET /ui/cases/{id}: the case, its history, the
// evidence of its record, and the form to settle it.
func (u *ui) handleCase(w http.ResponseWriter, r *http.Request) error {
	d := u.s.cfg.Desk
	if d == nil {
		return noDesk()
	}
	id, err := caseID(r)
	if err != nil {
		return err
	}
	cd, err := u.loadCase(r, d, id)
	if err != nil {
		return err
	}
	cd.setForm("", "", "")
	page := &uiPage{Title: fmt.Sprintf("Case %d", id), Nav: "queue", Data: cd}
	// Only the two outcomes this desk redirects with are shown, so the
	// query cannot put words on the page.
	switch r.URL.Query().Get("done") {
	case string(store.StatusReleased):
		page.Notice = fmt.Sprintf("Case %d released.", id)
	case string(store.StatusConfirmed):
		page.Notice = fmt.Sprintf("Case %d confirmed.", id)
	}
	return u.render(w, r, http.StatusOK, "case", page)
}

// handleDecide answers POST /ui/cases/{id}: release or confirm the case,
// then redirect to it, so that reloading the page does not post again. A
// form with a field wrong shows the case again with what was wrong.
func (u *ui) handleDecide(w http.ResponseWriter, r *http.Request) error {
	d := u.s.cfg.Desk
	if d == nil {
		return noDesk()
	}
	if err := u.checkCSRF(r); err != nil {
		return err
	}
	id, err := caseID(r)
	if err != nil {
		return err
	}
	action := r.PostFormValue("action")
	actor := strings.TrimSpace(r.PostFormValue("actor"))
	if len(u.s.cfg.Reviewers) > 0 {
		// With reviewer tokens configured the token names the reviewer,
		// as on the JSON endpoints: a name typed in the form is not
		// trusted.
		name, ok := u.s.cfg.Reviewers[r.PostFormValue("token")]
		if !ok {
			return errorf(http.StatusForbidden, CodeForbidden, "the reviewer token is not one of this desk's: ask for yours, or check it")
		}
		actor = name
	}
	reason := store.Reason(r.PostFormValue("reason"))
	note := strings.TrimSpace(r.PostFormValue("note"))
	var problem string
	switch {
	case action != "release" && action != "confirm":
		problem = fmt.Sprintf("Action %q: choose Release or Confirm.", action)
	case actor == "":
		problem = "Reviewer: give your name; it is kept with the decision."
	case len([]rune(actor)) > maxActorRunes:
		problem = fmt.Sprintf("Reviewer: at most %d characters.", maxActorRunes)
	case !reason.Valid():
		problem = fmt.Sprintf("Reason %q: choose one of the reason codes.", reason)
	case reason == store.Other && note == "":
		problem = "Note: say why when the reason is Other."
	case len([]rune(note)) > maxNoteRunes:
		problem = fmt.Sprintf("Note: at most %d characters.", maxNoteRunes)
	}
	status := http.StatusBadRequest
	if problem == "" {
		if action == "release" {
			_, err = d.Release(r.Context(), id, actor, reason, note)
		} else {
			_, err = d.Confirm(r.Context(), id, actor, reason, note)
		}
		switch {
		case err == nil:
			done := store.StatusReleased
			if action == "confirm" {
				done = store.StatusConfirmed
			}
			http.Redirect(w, r, "/ui/cases/"+strconv.FormatInt(id, 10)+"?done="+url.QueryEscape(string(done)), http.StatusSeeOther)
			return nil
		case errors.Is(err, store.ErrNotFound):
			return errorf(http.StatusNotFound, CodeNotFound, "no case %d", id)
		case errors.Is(err, desk.ErrBadRequest):
			problem = "The case could not be settled: " + err.Error()
		case errors.Is(err, store.ErrCaseClosed):
			problem, status = "This case is settled already; it cannot be released or confirmed again.", http.StatusConflict
		default:
			return err
		}
	}
	cd, err := u.loadCase(r, d, id)
	if err != nil {
		return err
	}
	cd.setForm(actor, string(reason), note)
	cd.Err = problem
	return u.render(w, r, status, "case", &uiPage{Title: fmt.Sprintf("Case %d", id), Nav: "queue", Data: cd})
}

// handleParty answers GET /ui/parties/{key}: the party's records, newest
// first, and its cases. The key is the desk's party key, path-escaped.
func (u *ui) handleParty(w http.ResponseWriter, r *http.Request) error {
	d := u.s.cfg.Desk
	if d == nil {
		return noDesk()
	}
	key := r.PathValue("key")
	recs, err := d.History(r.Context(), key, 200)
	if err != nil {
		return err
	}
	cases, err := d.Cases(r.Context(), store.CaseFilter{Party: key, Limit: 200})
	if err != nil {
		return err
	}
	if len(recs) == 0 && len(cases) == 0 {
		return errorf(http.StatusNotFound, CodeNotFound, "no record of party %q", key)
	}
	type row struct {
		store.Record
		Party store.Party
	}
	data := struct {
		Key, Name string
		Records   []row
		Cases     []store.Case
	}{Key: key, Cases: cases}
	for _, rec := range recs {
		rw := row{Record: rec}
		for _, p := range rec.Parties {
			if p.Key == key {
				rw.Party = p
				if data.Name == "" {
					data.Name = p.Name
				}
				break
			}
		}
		data.Records = append(data.Records, rw)
	}
	if data.Name == "" {
		data.Name = key
	}
	return u.render(w, r, http.StatusOK, "party", &uiPage{Title: "Party: " + data.Name, Nav: "queue", Data: data})
}
