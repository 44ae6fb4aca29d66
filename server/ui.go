package server

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
)

// uiFiles are the desk's templates and stylesheet, built into the binary so
// that "serve" needs no files beside it.
//
//go:embed ui
var uiFiles embed.FS

// ui serves the compliance desk's pages under /ui: server-rendered HTML
// that works without JavaScript.
type ui struct {
	s     *Server
	pages map[string]*template.Template
	css   []byte
	// token is the per-server secret every form carries back: another
	// site cannot read the pages to learn it, so it cannot forge a POST
	// (the desk sets no cookies a forged request could ride on either).
	token string
}

// uiPage is what every page template is given.
type uiPage struct {
	Title    string
	Nav      string
	CSRF     string
	Warnings []string
	Notice   string
	Version  string
	Now      time.Time
	Data     any
}

// uiRoutes returns the routes of the desk's pages. A template that does
// not parse is a defect of the build; its routes then answer 500 with the
// error, and the tests fail.
func (s *Server) uiRoutes() []route {
	u, err := newUI(s)
	h := func(page func(http.ResponseWriter, *http.Request) error) func(http.ResponseWriter, *http.Request) error {
		if err != nil {
			return func(http.ResponseWriter, *http.Request) error { return err }
		}
		return u.wrap(page)
	}
	return []route{
		{"GET /ui", h(u.handleHome)},
		{"GET /ui/style.css", h(u.handleCSS)},
		{"GET /ui/check", h(u.handleCheckForm)},
		{"POST /ui/check", h(u.handleCheck)},
		{"GET /ui/screen", h(u.handleScreenForm)},
		{"POST /ui/screen", h(u.handleScreen)},
		{"GET /ui/queue", h(u.handleQueue)},
		{"GET /ui/cases/{id}", h(u.handleCase)},
		{"POST /ui/cases/{id}", h(u.handleDecide)},
		{"GET /ui/parties/{key}", h(u.handleParty)},
		{"GET /ui/lists/compare", h(u.handleCompare)},
		{"GET /ui/lists/gaps", h(u.handleGaps)},
		{"GET /ui/lists/matrix", h(u.handleMatrix)},
		{"GET /ui/lists/sources", h(u.handleSources)},
	}
}

// newUI parses the templates: the layout and partials once, each page
// over a clone of them, since every page defines its own "content".
func newUI(s *Server) (*ui, error) {
	var tok [32]byte
	_, _ = rand.Read(tok[:]) // crypto/rand.Read never fails (Go 1.24+).
	u := &ui{s: s, pages: map[string]*template.Template{}, token: hex.EncodeToString(tok[:])}
	css, err := fs.ReadFile(uiFiles, "ui/ui.css")
	if err != nil {
		return nil, fmt.Errorf("server: ui: %w", err)
	}
	u.css = css
	base, err := template.New("layout").Funcs(uiFuncs()).ParseFS(uiFiles, "ui/layout.html.tmpl")
	if err != nil {
		return nil, fmt.Errorf("server: ui: %w", err)
	}
	names, err := fs.Glob(uiFiles, "ui/*.html.tmpl")
	if err != nil {
		return nil, fmt.Errorf("server: ui: %w", err)
	}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "ui/"), ".html.tmpl")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(uiFiles, n)
		if err != nil {
			return nil, fmt.Errorf("server: ui: %w", err)
		}
		u.pages[name] = t
	}
	return u, nil
}

// uiFuncs are the templates' helpers.
func uiFuncs() template.FuncMap {
	return template.FuncMap{
		"subject":    report.Subject,
		"datetime":   func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 MST") },
		"date":       func(t time.Time) string { return t.UTC().Format(time.DateOnly) },
		"short":      func(s string) string { return s[:min(len(s), 12)] },
		"join":       strings.Join,
		"pathescape": url.PathEscape,
		"period": func(p lists.Period) string {
			if p.Until == nil {
				return p.From.Format(time.DateOnly) + " –"
			}
			return p.From.Format(time.DateOnly) + " – " + p.Until.Format(time.DateOnly)
		},
	}
}

// wrap answers a page handler's error as an HTML page, rather than the
// API's JSON error, since a person is reading.
func (u *ui) wrap(h func(http.ResponseWriter, *http.Request) error) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		err := h(w, r)
		if err == nil {
			return nil
		}
		ae := toAPIError(err)
		if ae.status >= 500 {
			u.s.log.ErrorContext(r.Context(), "ui page failed", "request_id", requestID(r.Context()), "code", ae.code, "err", err)
		}
		if sw, ok := w.(*statusWriter); ok && sw.wrote {
			return nil
		}
		p := &uiPage{Title: http.StatusText(ae.status), Data: struct {
			Status    int
			Message   string
			RequestID string
		}{ae.status, ae.message, requestID(r.Context())}}
		if rerr := u.render(w, r, ae.status, "error", p); rerr != nil {
			return rerr
		}
		return nil
	}
}

// render writes page name with p at status. The page is rendered whole
// before anything is sent, so that a template error answers 500 instead of
// half a page.
func (u *ui) render(w http.ResponseWriter, r *http.Request, status int, name string, p *uiPage) error {
	t, ok := u.pages[name]
	if !ok {
		return fmt.Errorf("server: ui: no page template %q", name)
	}
	p.CSRF = u.token
	p.Version = luxscreen.BuildVersion()
	p.Now = u.s.sys.Now()
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", p); err != nil {
		return fmt.Errorf("server: ui: page %s: %w", name, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// No script runs on the desk, and nothing is loaded from elsewhere:
	// the policy makes an injection that escaped escaping inert.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := w.Write(b.Bytes())
	return err
}

// checkCSRF refuses a form that does not carry the server's token.
func (u *ui) checkCSRF(r *http.Request) error {
	if subtle.ConstantTimeCompare([]byte(r.PostFormValue("csrf")), []byte(u.token)) != 1 {
		return errorf(http.StatusForbidden, CodeForbidden, "the form is out of date or did not come from this desk: reload the page and submit it again")
	}
	return nil
}

// handleCSS serves the stylesheet.
func (u *ui) handleCSS(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=300")
	_, err := w.Write(u.css)
	return err
}

// handleHome answers GET /ui: the sanctions lists loaded, with their age.
func (u *ui) handleHome(w http.ResponseWriter, r *http.Request) error {
	sys := u.s.sys
	data := struct {
		Sources        []luxscreen.SourceStatus
		Versions       luxscreen.Versions
		CatalogueLists int
		Desk           bool
	}{sys.Sources(), sys.Versions(), len(sys.Catalogue().Lists()), u.hasDesk()}
	return u.render(w, r, http.StatusOK, "home", &uiPage{Title: "Lists loaded", Nav: "home", Warnings: sys.Warnings(), Data: data})
}

// formError is a 400 for a form field a person got wrong.
func formError(format string, args ...any) error {
	return errorf(http.StatusBadRequest, CodeInvalidField, format, args...)
}

// noDesk is what the desk's review pages answer without a store.
func noDesk() error {
	return errorf(http.StatusNotFound, CodeNotFound, "no review store is configured on this server, so there is no review queue, case or party history: start serve with a store to keep decisions and open cases")
}
