package lists

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

//go:embed membership/jurisdictions.yaml
var membershipData embed.FS

// Membership says which control lists bind a state on a date: the lists
// of the jurisdictions every state is bound by (the UN), its own national
// list, and the lists of the unions it belongs to then. It is the one
// place membership is applied: [Options] of a lookup, the classifier's
// jurisdictions and a shipment's exporter all go through it.
type Membership struct {
	always []string
	unions []union
}

type union struct {
	id      string
	members []membership
}

type membership struct {
	country     string
	from, until time.Time // until zero: still a member
}

type yamlMembership struct {
	Always []string `yaml:"always"`
	Unions []struct {
		ID      string `yaml:"id"`
		Name    string `yaml:"name"`
		Source  string `yaml:"source"`
		Members []struct {
			Country string `yaml:"country"`
			From    string `yaml:"from"`
			Until   string `yaml:"until"`
		} `yaml:"members"`
	} `yaml:"unions"`
}

// DefaultMembership returns the embedded membership file
// (membership/jurisdictions.yaml).
func DefaultMembership() (*Membership, error) {
	b, err := membershipData.ReadFile("membership/jurisdictions.yaml")
	if err != nil {
		return nil, fmt.Errorf("lists: embedded membership: %w", err)
	}
	return ParseMembership("jurisdictions.yaml", b)
}

// ParseMembership reads a membership file; name is used in errors.
func ParseMembership(name string, data []byte) (*Membership, error) {
	var y yamlMembership
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&y); err != nil && !errors.Is(err, io.EOF) {
		kind := ErrSyntax
		if strings.Contains(err.Error(), "not found in type") {
			kind = ErrUnknownField
		}
		return nil, &LoadError{File: name, Line: yamlErrorLine(err), Err: fmt.Errorf("%w: %s", kind, yamlErrorText(err))}
	}
	fail := func(field string, kind error, format string, a ...any) error {
		return &LoadError{File: name, Field: field, Err: fmt.Errorf("%w: %s", kind, fmt.Sprintf(format, a...))}
	}
	m := &Membership{always: y.Always}
	for i, u := range y.Unions {
		at := fmt.Sprintf("unions[%d]", i)
		if u.ID == "" {
			return nil, fail(at+".id", ErrMissing, "required")
		}
		un := union{id: u.ID}
		for k, mm := range u.Members {
			mat := fmt.Sprintf("%s.members[%d]", at, k)
			c := strings.ToUpper(mm.Country)
			if !countryRE.MatchString(c) {
				return nil, fail(mat+".country", ErrInvalid, "%q is not an ISO 3166-1 alpha-2 code", mm.Country)
			}
			ms := membership{country: c}
			var err error
			if ms.from, err = time.Parse(dateLayout, mm.From); err != nil {
				return nil, fail(mat+".from", ErrInvalid, "%q: want YYYY-MM-DD", mm.From)
			}
			if mm.Until != "" {
				if ms.until, err = time.Parse(dateLayout, mm.Until); err != nil || !ms.until.After(ms.from) {
					return nil, fail(mat+".until", ErrInvalid, "%q: want a date (YYYY-MM-DD) after from", mm.Until)
				}
			}
			un.members = append(un.members, ms)
		}
		m.unions = append(m.unions, un)
	}
	return m, nil
}

// Of returns the jurisdictions whose lists bind an exporter in country on
// date, the always-binding ones first. The zero date means any time, so
// every union the country ever belonged to counts.
func (m *Membership) Of(country string, date time.Time) []string {
	out := slices.Clone(m.always)
	if country == "" {
		return out
	}
	return append(m.unionsOf(out, country, date), country)
}

// unionsOf appends to out the unions country belonged to on date.
func (m *Membership) unionsOf(out []string, country string, date time.Time) []string {
	if m == nil {
		return out
	}
	for _, u := range m.unions {
		for _, ms := range u.members {
			if ms.country == country && (date.IsZero() || (!date.Before(ms.from) && (ms.until.IsZero() || date.Before(ms.until)))) && !slices.Contains(out, u.id) {
				out = append(out, u.id)
			}
		}
	}
	return out
}

// Expand returns js with the unions each of them belonged to on date
// added: an exporter in GB in 2019 was bound by the EU list too. It
// returns js itself when nothing is added.
func (m *Membership) Expand(js []string, date time.Time) []string {
	out := js
	for _, j := range js {
		if more := m.unionsOf(nil, j, date); len(more) > 0 {
			if len(out) == len(js) {
				out = slices.Clone(js)
			}
			for _, u := range more {
				if !slices.Contains(out, u) {
					out = append(out, u)
				}
			}
		}
	}
	return out
}

var countryRE = regexp.MustCompile(`^[A-Z]{2}$`)
