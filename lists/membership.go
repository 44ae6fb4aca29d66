package lists

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

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

// MembershipFile is the membership file in [FS] and in a data directory
// laid out like the repository (lists/membership/jurisdictions.yaml).
const MembershipFile = "membership/jurisdictions.yaml"

// DefaultMembership returns the embedded membership file.
func DefaultMembership() (*Membership, error) { return LoadMembership(data) }

// LoadMembership reads [MembershipFile] from fsys, a file system laid out
// like the package directory.
func LoadMembership(fsys fs.FS) (*Membership, error) {
	return datafile.Load(fsys, MembershipFile, "lists: union membership", ParseMembership)
}

// ParseMembership reads a membership file; name is used in errors, which
// are *datafile.Error values with the place of each problem.
func ParseMembership(name string, data []byte) (*Membership, error) {
	f := datafile.NewFile(name)
	root := f.Mapping(data)
	if root == nil {
		return nil, f.Err()
	}
	top := f.Fields(root, "", "always", "unions")
	m := &Membership{always: f.Strs(top["always"], "always")}
	for i, n := range f.Seq(top["unions"], "unions") {
		at := datafile.Index("unions", i)
		um := f.Fields(n, at, "id", "name", "source", "members")
		u := union{id: f.Str(um["id"], at+".id", true)}
		f.Str(um["name"], at+".name", true)
		f.Str(um["source"], at+".source", true)
		for k, mn := range f.Seq(um["members"], at+".members") {
			mat := datafile.Index(at+".members", k)
			mm := f.Fields(mn, mat, "country", "from", "until")
			c := strings.ToUpper(f.Str(mm["country"], mat+".country", true))
			if c != "" && !countryRE.MatchString(c) {
				f.Fail(mm["country"], mat+".country", ErrInvalid, "%q is not an ISO 3166-1 alpha-2 code", c)
			}
			if mm["from"] == nil {
				f.Fail(mn, mat+".from", ErrMissing, "a date (YYYY-MM-DD)")
			}
			ms := membership{country: c, from: f.Date(mm["from"], mat+".from"), until: f.Date(mm["until"], mat+".until")}
			if !ms.until.IsZero() && !ms.until.After(ms.from) {
				f.Fail(mm["until"], mat+".until", ErrInvalid, "until is not after from")
			}
			u.members = append(u.members, ms)
		}
		m.unions = append(m.unions, u)
	}
	if err := f.Err(); err != nil {
		return nil, err
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
