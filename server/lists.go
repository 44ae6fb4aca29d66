package server

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// ListSummary is one row of GET /v1/lists, with the field names of
// "luxscreen lists --format json".
type ListSummary = lists.Summary

// handleLists answers GET /v1/lists: every control list of the catalogue.
func (s *Server) handleLists(w http.ResponseWriter, r *http.Request) error {
	ls := s.sys.Catalogue().Lists()
	out := make([]ListSummary, 0, len(ls))
	for _, l := range ls {
		out = append(out, l.Summary())
	}
	return writeJSON(w, http.StatusOK, out)
}

// handleList answers GET /v1/lists/{id}: one list with its entries, as
// "luxscreen lists show ID --format json" prints it.
func (s *Server) handleList(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	l, ok := s.sys.Catalogue().List(id)
	if !ok {
		return errorf(http.StatusNotFound, CodeNotFound, "no list %q; GET /v1/lists has the IDs", id)
	}
	return writeJSON(w, http.StatusOK, l)
}

// handleLookup answers GET /v1/lookup/{code}: every control that covers
// an HS code and the jurisdictions asked about with no list in force, as
// "luxscreen lookup CODE --format json" prints them. A code in no
// nomenclature of the service is a bad request.
// Parameters: date, jurisdiction, kind (comma-separated), direction.
func (s *Server) handleLookup(w http.ResponseWriter, r *http.Request) error {
	raw := r.PathValue("code")
	code, err := hs.Parse(raw)
	if err != nil {
		return errorf(http.StatusBadRequest, CodeInvalidParameter, "code %q: %v", raw, err)
	}
	q := r.URL.Query()
	if err := knownParams(q, "date", "jurisdiction", "kind", "direction"); err != nil {
		return err
	}
	opts, err := s.lookupOptions(q, q.Get("kind"))
	if err != nil {
		return err
	}
	a, err := s.sys.Answer(code, opts)
	if errors.Is(err, luxscreen.ErrUnknownCode) {
		return errorf(http.StatusBadRequest, CodeInvalidParameter, "code: %v", err)
	} else if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

// lookupOptions reads the date, jurisdiction, direction and kinds
// parameters as the CLI reads its flags; the date defaults to today (UTC).
func (s *Server) lookupOptions(q url.Values, kinds string) (lists.Options, error) {
	f := luxscreen.Filter{Date: q.Get("date"), Jurisdictions: q.Get("jurisdiction"), Kinds: kinds, Direction: q.Get("direction")}
	opts, err := f.Options(s.sys.Now())
	if err != nil {
		return opts, errorf(http.StatusBadRequest, CodeInvalidParameter, "%v", err)
	}
	return opts, nil
}

// handleCompare answers GET /v1/compare?a=EU&b=US: what one list or
// jurisdiction controls that the other does not, heading by heading, as
// "luxscreen lists compare A B --format json" prints it. A jurisdiction
// stands for its lists in force on the date, of the kinds asked (default
// luxury), merged.
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if err := knownParams(q, "a", "b", "date", "kind"); err != nil {
		return err
	}
	kinds := q.Get("kind")
	if !q.Has("kind") {
		kinds = string(lists.Luxury)
	}
	opts, err := s.lookupOptions(q, kinds)
	if err != nil {
		return err
	}
	var sides [2]*lists.List
	for i, p := range []string{"a", "b"} {
		name := q.Get(p)
		if name == "" {
			return errorf(http.StatusBadRequest, CodeInvalidParameter, "parameter %q is required: a list ID or a jurisdiction, e.g. ?a=EU&b=US", p)
		}
		var ok bool
		if sides[i], ok = s.sys.ResolveList(name, opts); !ok {
			// A name that is no jurisdiction at all ("XX", "Europe") is a
			// bad parameter; a jurisdiction without a list in force on the
			// date is not found.
			if _, err := (luxscreen.Filter{Jurisdictions: name}).Options(opts.Date); err != nil {
				return errorf(http.StatusBadRequest, CodeInvalidParameter, "%s=%q is neither a list ID nor a jurisdiction: want a list ID (GET /v1/lists), UN, EU or an assigned ISO 3166-1 alpha-2 code", p, name)
			}
			return errorf(http.StatusNotFound, CodeNotFound, "%s=%q is neither a list ID nor a jurisdiction with a list in force on %s (GET /v1/lists)", p, name, opts.Date.Format(dateLayout))
		}
	}
	return writeJSON(w, http.StatusOK, lists.Compare(sides[0], sides[1]))
}

// knownParams rejects a query parameter the endpoint does not take, so a
// misspelt filter is not silently ignored.
func knownParams(q url.Values, known ...string) error {
	for k := range q {
		ok := false
		for _, n := range known {
			ok = ok || k == n
		}
		if !ok {
			return errorf(http.StatusBadRequest, CodeInvalidParameter, "unknown parameter %q (want one of %s)", k, strings.Join(known, ", "))
		}
	}
	return nil
}
