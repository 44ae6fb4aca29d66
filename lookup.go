package luxscreen

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/hs"

	"github.com/luxscreen/luxscreen/internal/iso"
	"github.com/luxscreen/luxscreen/lists"
)

// Filter is a lookup's filters as people write them, in the command's
// flags and the HTTP API's parameters alike.
type Filter struct {
	// Date is the day of the lookup, YYYY-MM-DD; empty means today.
	Date string
	// Jurisdictions and Kinds are comma-separated ("EU,GB";
	// "luxury,sectoral"); empty means all.
	Jurisdictions, Kinds string
	// Direction is export-to or import-from; empty means both.
	Direction string
}

// FilterError is a filter whose value cannot be read.
type FilterError struct {
	// Field is the filter: date, jurisdiction, kind or direction.
	Field, Value string
	// Want says what the value should be.
	Want string
}

func (e *FilterError) Error() string { return fmt.Sprintf("%s %q: want %s", e.Field, e.Value, e.Want) }

// Options returns the lookup options f stands for; an empty date is the
// day of now, in UTC. A bad value is a [*FilterError].
func (f Filter) Options(now time.Time) (lists.Options, error) {
	var opts lists.Options
	if f.Date == "" {
		now = now.UTC()
		opts.Date = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	} else {
		t, err := time.Parse(time.DateOnly, f.Date)
		if err != nil {
			return opts, &FilterError{"date", f.Date, "YYYY-MM-DD"}
		}
		opts.Date = t
	}
	for _, j := range splitList(f.Jurisdictions) {
		c := lists.CanonicalJurisdiction(j)
		if !knownJurisdiction(c) {
			// An unknown code would match no list and answer "0 controls",
			// which reads as "not controlled".
			return opts, &FilterError{"jurisdiction", j, "UN, EU or an ISO 3166-1 country code such as GB, US or JP"}
		}
		opts.Jurisdictions = append(opts.Jurisdictions, c)
	}
	for _, k := range splitList(f.Kinds) {
		switch lists.Kind(k) {
		case lists.Luxury, lists.Sectoral, lists.CatchAll, lists.Embargo:
			opts.Kinds = append(opts.Kinds, lists.Kind(k))
		default:
			return opts, &FilterError{"kind", k, "luxury, sectoral, catch-all or embargo"}
		}
	}
	switch d := lists.Direction(f.Direction); d {
	case "", lists.ExportTo, lists.ImportFrom, lists.Both:
		opts.Direction = d
	default:
		return opts, &FilterError{"direction", f.Direction, "export-to or import-from"}
	}
	return opts, nil
}

// ResolveList returns the list with ID name as in force on opts.Date, or
// else the lists of the jurisdiction name in force on the day and of
// opts.Kinds, merged into one; false when there are none.
func (s *System) ResolveList(name string, opts lists.Options) (*lists.List, bool) {
	ls := s.cat.Lists()
	for _, l := range ls {
		if l.ID == name {
			return l.At(opts.Date), true
		}
	}
	j := lists.CanonicalJurisdiction(name)
	var parts []*lists.List
	for _, l := range lists.InForce(ls, opts.Date, opts.Kinds...) {
		if l.Jurisdiction == j {
			parts = append(parts, l.At(opts.Date))
		}
	}
	if len(parts) == 0 {
		return nil, false
	}
	return lists.Combine(j, parts...), true
}

// knownJurisdiction reports whether the canonical jurisdiction j can bind
// anyone: the UN, the EU (the union of the catalogue's membership file),
// or a state by its assigned ISO 3166-1 code, bound by its own list and,
// through membership, by its unions'.
func knownJurisdiction(j string) bool {
	return j == "UN" || j == "EU" || iso.Country(j)
}

// splitList splits a comma-separated value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ErrUnknownCode is wrapped by the error of a lookup of a code that is
// not in the nomenclature: an answer of "0 controls" for it would read as
// "not controlled".
var ErrUnknownCode = errors.New("not in the nomenclature")

// Answer looks code up under opts: the controls that cover it and the
// jurisdictions asked about with no list in force (see [lists.Answer]).
// A code that is in none of the system's nomenclatures (the embedded HS
// 2022, or Config.Nomenclature) is an error wrapping [ErrUnknownCode].
func (s *System) Answer(code hs.Code, opts lists.Options) (lists.Answer, error) {
	if err := s.KnownCode(code); err != nil {
		return lists.Answer{}, err
	}
	return s.cat.Answer(code, opts), nil
}

// KnownCode returns nil when code is a chapter, heading or subheading of
// one of the system's nomenclatures (an HS edition is probed at six
// digits, so a national tariff line of a known subheading passes), and an
// error wrapping [ErrUnknownCode] otherwise.
func (s *System) KnownCode(code hs.Code) error {
	var eds []string
	for _, n := range s.nomenclatures {
		probe := code
		if n.Edition().System == "HS" {
			probe = code.Truncate(6)
		}
		if n.Exists(probe) {
			return nil
		}
		eds = append(eds, n.Edition().String())
	}
	return fmt.Errorf("%s: %w %s: no such chapter, heading or subheading", code, ErrUnknownCode, strings.Join(eds, ", "))
}
