package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Jurisdictions says which control lists bind a state on a date: the
// lists of the jurisdictions every state is bound by (the UN), its own
// national list, and the lists of the unions it belongs to then.
type Jurisdictions struct {
	always []string
	unions []union
}

type union struct {
	id, name, source string
	members          []membership
}

type membership struct {
	country     string
	from, until time.Time // until zero: still a member
}

// ParseJurisdictions reads a jurisdictions file (see
// data/jurisdictions.yaml); name is used in errors.
func ParseJurisdictions(name string, data []byte) (*Jurisdictions, error) {
	f := &yfile{name: name}
	root := f.root(data)
	top := f.fields(root, "", "always", "unions")
	j := &Jurisdictions{always: f.strs(top["always"], "always")}
	for i, n := range f.seq(top["unions"], "unions") {
		at := fmt.Sprintf("unions[%d]", i)
		m := f.fields(n, at, "id", "name", "source", "members")
		u := union{id: f.str(m["id"], at+".id", true), name: f.str(m["name"], at+".name", true), source: f.str(m["source"], at+".source", true)}
		for k, mn := range f.seq(m["members"], at+".members") {
			mat := fmt.Sprintf("%s.members[%d]", at, k)
			mm := f.fields(mn, mat, "country", "from", "until")
			c := strings.ToUpper(f.str(mm["country"], mat+".country", true))
			if c != "" && !countryRE.MatchString(c) {
				f.fail(mm["country"], mat+".country", ErrInvalid, "%q is not an ISO 3166-1 alpha-2 code", c)
			}
			if mm["from"] == nil {
				f.fail(mn, mat+".from", ErrMissing, "a date (YYYY-MM-DD)")
			}
			ms := membership{country: c, from: f.date(mm["from"], mat+".from"), until: f.date(mm["until"], mat+".until")}
			if !ms.until.IsZero() && !ms.until.After(ms.from) {
				f.fail(mm["until"], mat+".until", ErrInvalid, "until is not after from")
			}
			u.members = append(u.members, ms)
		}
		j.unions = append(j.unions, u)
	}
	if f.err != nil {
		return nil, f.err
	}
	return j, nil
}

// Of returns the jurisdictions whose lists bind country on date, the
// always-binding ones first. The zero date means today's membership is not
// known, so every union the country ever belonged to counts.
func (j *Jurisdictions) Of(country string, date time.Time) []string {
	out := slices.Clone(j.always)
	if country == "" {
		return out
	}
	for _, u := range j.unions {
		for _, m := range u.members {
			if m.country != country {
				continue
			}
			if date.IsZero() || (!date.Before(m.from) && (m.until.IsZero() || date.Before(m.until))) {
				out = append(out, u.id)
			}
		}
	}
	return append(out, country)
}
