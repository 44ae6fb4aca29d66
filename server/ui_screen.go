package server

import (
	"net/http"
	"strings"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// screenView is one screening as the pages show it.
type screenView struct {
	Name     string
	Result   party.Result
	Record   int64
	Cases    []int64
	PartyKey string
	Released []releasedView
}

// releasedView is a hit a reviewer released, left out of the verdict.
type releasedView struct {
	Entity, Name, By, On, Reason, Note string
	Case                               int64
}

// kindOption is one choice of the kind select.
type kindOption struct {
	Value, Label string
	Selected     bool
}

// screenData is what the screen page shows: the form as filled in, and
// the result or what was wrong with the form.
type screenData struct {
	Name, Country, IMO, DOB string
	Kinds                   []kindOption
	Err                     string
	Result                  *screenView
}

func newScreenData(q screen.Request) *screenData {
	d := &screenData{Name: q.Name, Country: q.Country, IMO: q.IMO, DOB: q.DOB}
	for _, k := range []kindOption{{"", "Any", false}, {"org", "Organisation", false}, {"person", "Person", false}, {"vessel", "Vessel", false}} {
		k.Selected = k.Value == q.Kind
		d.Kinds = append(d.Kinds, k)
	}
	return d
}

// handleScreenForm answers GET /ui/screen: the form to screen one name.
func (u *ui) handleScreenForm(w http.ResponseWriter, r *http.Request) error {
	return u.render(w, r, http.StatusOK, "screen", &uiPage{Title: "Screen a party", Nav: "screen", Warnings: u.s.sys.Warnings(), Data: newScreenData(screen.Request{})})
}

// handleScreen answers POST /ui/screen: the screening of the party the
// form describes, with the hits released before. It answers the POST
// itself, as the check page does.
func (u *ui) handleScreen(w http.ResponseWriter, r *http.Request) error {
	if err := u.checkCSRF(r); err != nil {
		return err
	}
	q := screen.Request{
		Name: strings.TrimSpace(r.PostFormValue("name")), Kind: r.PostFormValue("kind"),
		Country: strings.TrimSpace(r.PostFormValue("country")), IMO: strings.TrimSpace(r.PostFormValue("imo")), DOB: strings.TrimSpace(r.PostFormValue("dob")),
	}
	d := newScreenData(q)
	page := &uiPage{Title: "Screen a party", Nav: "screen", Warnings: u.s.sys.Warnings(), Data: d}
	e, err := q.Entity()
	switch {
	case q.Name == "":
		d.Err = "Name: give the name of the party or vessel to screen."
	case err != nil:
		d.Err = "Kind: " + err.Error()
	case q.Country != "" && !u.s.countryOK(q.Country):
		d.Err = "Country: " + q.Country + " is not an assigned ISO 3166-1 alpha-2 code."
	}
	if d.Err == "" && q.IMO != "" {
		if err := checkIMO(q.IMO, e.Kind); err != nil {
			d.Err = "IMO number: " + err.Error()
		}
	}
	for _, f := range []struct {
		field, value string
		limit        int
	}{{"name", q.Name, screen.MaxNameRunes}, {"country", q.Country, screen.MaxFieldRunes}, {"imo", q.IMO, screen.MaxFieldRunes}, {"dob", q.DOB, screen.MaxFieldRunes}} {
		if err := screen.CheckLength(f.field, f.value, f.limit); err != nil && d.Err == "" {
			d.Err = err.Error()
		}
	}
	if d.Err != "" {
		return u.render(w, r, http.StatusBadRequest, "screen", page)
	}
	v := &screenView{Name: q.Name}
	if err := u.screenOne(r, e, v); err != nil {
		return err
	}
	u.s.metrics.verdicts.WithLabelValues(string(v.Result.Verdict)).Inc()
	d.Result = v
	return u.render(w, r, http.StatusOK, "screen", page)
}
