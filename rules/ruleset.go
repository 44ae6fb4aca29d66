package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/ports"
)

// RuleSet is a checked set of rules and the named sets of countries and
// ports they refer to. It is immutable and safe for concurrent use.
//
// A rules file is YAML with three top-level keys:
//
//	version: a name for this rule set
//	sets:
//	  NAME: {kind: country|port, members: [KP, …], source: why}
//	  NAME: {kind: port, near: NEAR, members: [...], exclude: [...], source: why}
//	rules:
//	  - id: lower-case-id
//	    severity: block|review|info
//	    title: short title
//	    message: what the finding means
//	    source: the instrument or report that justifies the rule
//	    url: optional link to the source
//	    in_force: {from: YYYY-MM-DD, until: YYYY-MM-DD}   # optional
//	    required: true      # defaults only: cannot be disabled
//	    disabled: true      # user files: switch a default rule off
//	    when: CONDITION
//
// A CONDITION is a mapping with exactly one key:
//
//	all: [CONDITION, …]          every condition holds
//	any: [CONDITION, …]          at least one holds
//	not: CONDITION               the condition does not hold
//	destination: {in: SET}       final destination country in SET
//	origin: {in: SET}            country of origin in SET
//	route: {via: SET, earlier: SET, unknown_port: true}
//	vessel: {flag_in: SET, screening: [match, review], missing_flag: true}
//	party: {roles: [ROLE, …], screening: [match, review], shell: true, country_in: SET}
//	line: LINE                   some line satisfies LINE
//	lines: {where: LINE, count_at_least: N, value_at_least: {amount: A, currency: C}}
//	missing: [date, destination, exporter, lines, route, vessel]
//	invalid: [country, currency, imo]  a code of the class names nothing:
//	                             a country ISO 3166-1 does not assign, a
//	                             currency ISO 4217 does not list, an IMO
//	                             number with a wrong check digit
//	date: {from: YYYY-MM-DD, until: YYYY-MM-DD}
//
// and LINE is a mapping of tests that must all hold for the same line:
//
//	controlled: {by: [exporter, transit, any, UN, EU, …], kinds: [luxury, sectoral, catch-all], dated: shipment|check}
//	mismatch: true               description names goods the code does not cover
//	unit_value_above_reference: F  unit value above F times the top of the reference range
//	value_above: {amount: A, currency: C}
//	unknown_currency: true
//	needs_review: true
//	hs: [PREFIX, …]              declared or classified code starts with a prefix
//
// A SET is the name of a set or an inline list of codes.
//
// A port set may be computed from the UN/LOCODE places (package ports)
// rather than listed: NEAR selects the places within a distance of a
// country's places, or in the subdivisions that border it,
//
//	of: KP                        the country measured from
//	except: [KPCCD, …]            its places to leave out (misplaced entries)
//	within_km: 240                the greatest great-circle distance
//	countries: [CN, RU]           only places in these countries
//	not_countries: [CN, RU]       no places in these countries
//	subdivisions: [CN-LN, …]      places here belong whatever the distance
//	functions: [port, rail, …]    only places with one of these functions
//
// and members adds, and exclude removes, single LOCODEs.
type RuleSet struct {
	version string
	sets    map[string]*Set
	rules   []*Rule
	// lineSpecs bounds the distinct line tests, to size a check's memo.
	lineSpecs int
	// watched holds the countries of the ports the port sets name: a
	// route stop there that the gazetteer lacks may be one of them.
	watched map[string]bool
}

// Set is a named set of country codes or port LOCODEs.
type Set struct {
	ID   string
	Kind string // "country" or "port"
	// Members are the set's codes: for a computed set, the LOCODEs the
	// query selects, in LOCODE order, with the listed members added and
	// the excluded removed.
	Members []string
	// Near is the query of a computed port set, nil for a listed one.
	Near *ports.Near
	// Exclude are LOCODEs a computed set leaves out.
	Exclude []string
	Source  string
	file    string
	line    int
}

// Rule is one rule of a set.
type Rule struct {
	ID       string
	Severity Severity
	Title    string
	Message  string
	Source   string
	URL      string
	InForce  lists.Period
	Required bool
	Disabled bool
	when     cond
	file     string
	line     int
}

// Version returns the rule set's version: the version of the base file and
// the SHA-256 prefix of each file merged over it.
func (rs *RuleSet) Version() string { return rs.version }

// Rules returns the enabled rules in evaluation order.
func (rs *RuleSet) Rules() []*Rule {
	var out []*Rule
	for _, r := range rs.rules {
		if !r.Disabled {
			out = append(out, r)
		}
	}
	return out
}

// Set returns the named set.
func (rs *RuleSet) Set(id string) (*Set, bool) {
	s, ok := rs.sets[id]
	return s, ok
}

// ParseRuleSet reads one rules file; name is used in errors and in the
// version. The file's set references are checked when it stands alone
// (use [RuleSet.Merge] to lay a file that refers to default sets over the
// defaults).
func ParseRuleSet(name string, data []byte) (*RuleSet, error) {
	rs, err := parseRuleFile(name, data)
	if err != nil {
		return nil, err
	}
	if err := rs.check(); err != nil {
		return nil, err
	}
	return rs, nil
}

func parseRuleFile(name string, data []byte) (*RuleSet, error) {
	f := &yfile{name: name}
	root := f.root(data)
	if root == nil {
		return nil, f.err
	}
	top := f.fields(root, "", "version", "sets", "rules")
	sum := sha256.Sum256(data)
	rs := &RuleSet{version: f.str(top["version"], "version", false), sets: map[string]*Set{}}
	if rs.version == "" {
		rs.version = path.Base(name)
	}
	rs.version += "@" + hex.EncodeToString(sum[:6])
	f.sets(rs, top["sets"])
	seen := map[string]bool{}
	for i, n := range f.seq(top["rules"], "rules") {
		r := f.rule(n, fmt.Sprintf("rules[%d]", i))
		if seen[r.ID] {
			f.fail(datafile.At(n, "id"), fmt.Sprintf("rules[%d].id", i), ErrInvalid, "rule %q is defined twice in this file", r.ID)
		}
		seen[r.ID] = true
		rs.rules = append(rs.rules, r)
	}
	if f.err != nil {
		return nil, f.err
	}
	rs.lineSpecs = len(f.specs)
	return rs, nil
}

// sets reads the named sets of a rules file into rs.
func (f *yfile) sets(rs *RuleSet, n *yaml.Node) {
	keys, values := f.file().Pairs(n, "sets")
	f.sync()
	for i, k := range keys {
		v := values[i]
		at := "sets." + k.Value
		m := f.fields(v, at, "kind", "members", "near", "exclude", "source")
		s := &Set{ID: k.Value, Kind: f.str(m["kind"], at+".kind", true), Source: f.str(m["source"], at+".source", true), file: f.name, line: k.Line}
		for _, mem := range f.strs(m["members"], at+".members") {
			s.Members = append(s.Members, strings.ToUpper(mem))
		}
		for _, mem := range f.strs(m["exclude"], at+".exclude") {
			s.Exclude = append(s.Exclude, strings.ToUpper(mem))
		}
		f.checkMembers(m["members"], at+".members", s.Kind, s.Members)
		f.checkMembers(m["exclude"], at+".exclude", s.Kind, s.Exclude)
		if m["near"] != nil || m["exclude"] != nil {
			if s.Kind != "port" {
				f.fail(v, at+".kind", ErrInvalid, "near and exclude compute a port set; the kind is %q", s.Kind)
			} else if m["near"] == nil {
				f.fail(m["exclude"], at+".exclude", ErrInvalid, "exclude removes places from a computed set: give near")
			} else {
				s.Near = f.near(m["near"], at+".near")
				f.compute(m["near"], at+".near", s)
			}
		}
		if len(s.Members) == 0 && (s.Near == nil || f.err == nil) {
			f.fail(v, at+".members", ErrMissing, "a set needs members, or a near query that selects some")
		}
		if !idRE.MatchString(s.ID) {
			f.fail(k, at, ErrInvalid, "set name %q: use lower-case letters, digits and hyphens", s.ID)
		}
		rs.sets[s.ID] = s
	}
}

// near reads the query of a computed port set.
func (f *yfile) near(n *yaml.Node, at string) *ports.Near {
	m := f.fields(n, at, "of", "except", "within_km", "countries", "not_countries", "subdivisions", "functions")
	q := &ports.Near{Of: strings.ToUpper(f.str(m["of"], at+".of", true)), WithinKm: f.number(m["within_km"], at+".within_km")}
	if q.Of != "" && !countryRE.MatchString(q.Of) {
		f.fail(m["of"], at+".of", ErrInvalid, "%q is not a country code", q.Of)
	}
	if m["within_km"] == nil {
		f.fail(n, at+".within_km", ErrMissing, "the greatest distance, in km")
	} else if q.WithinKm < 0 || q.WithinKm > 20040 {
		f.fail(m["within_km"], at+".within_km", ErrInvalid, "%v: want a distance from 0 to 20040 km", q.WithinKm)
	}
	upper := func(key, kind string) []string {
		var out []string
		for _, c := range f.strs(m[key], at+"."+key) {
			out = append(out, strings.ToUpper(c))
		}
		f.checkMembers(m[key], at+"."+key, kind, out)
		return out
	}
	q.Except = upper("except", "port")
	q.Countries = upper("countries", "country")
	q.NotCountries = upper("not_countries", "country")
	for i, sd := range f.strs(m["subdivisions"], at+".subdivisions") {
		sd = strings.ToUpper(sd)
		if c, s, ok := strings.Cut(sd, "-"); !ok || !countryRE.MatchString(c) || s == "" || len(s) > 3 {
			f.fail(m["subdivisions"], fmt.Sprintf("%s.subdivisions[%d]", at, i), ErrInvalid, "%q: want an ISO 3166-2 code such as CN-LN", sd)
		}
		q.Subdivisions = append(q.Subdivisions, sd)
	}
	for i, name := range f.strs(m["functions"], at+".functions") {
		fn, ok := ports.FunctionNamed(name)
		if !ok {
			f.fail(m["functions"], fmt.Sprintf("%s.functions[%d]", at, i), ErrInvalid, "%q: want port, rail, road, airport, postal, multimodal, fixed or border", name)
		}
		q.Functions |= fn
	}
	return q
}

// compute fills the members of a computed set from the embedded UN/LOCODE
// places: those the query selects and those listed, less those excluded.
func (f *yfile) compute(n *yaml.Node, at string, s *Set) {
	if f.err != nil {
		return
	}
	g, err := ports.Embedded()
	if err != nil {
		f.fail(n, at, ErrInvalid, "%v", err)
		return
	}
	for _, c := range slices.Concat(s.Near.Except, s.Members, s.Exclude) {
		if _, ok := g.ByCode(c); !ok {
			f.fail(n, at, ErrInvalid, "%s is not in UN/LOCODE", c)
		}
	}
	if len(g.Reference(s.Near.Of, s.Near.Except)) == 0 {
		f.fail(n, at+".of", ErrInvalid, "UN/LOCODE has no place with coordinates in %s to measure from", s.Near.Of)
	}
	selected, _ := g.Select(*s.Near)
	members := slices.Clone(s.Members)
	for _, p := range selected {
		members = append(members, p.LOCODE)
	}
	slices.Sort(members)
	members = slices.Compact(members)
	s.Members = slices.DeleteFunc(members, func(c string) bool { return slices.Contains(s.Exclude, c) })
}

// rule reads one rule at field path at.
func (f *yfile) rule(n *yaml.Node, at string) *Rule {
	m := f.fields(n, at, "id", "severity", "title", "message", "source", "url", "in_force", "required", "disabled", "when")
	r := &Rule{
		ID:       f.str(m["id"], at+".id", true),
		Severity: Severity(f.str(m["severity"], at+".severity", false)),
		Title:    f.str(m["title"], at+".title", false),
		Message:  f.str(m["message"], at+".message", false),
		Source:   f.str(m["source"], at+".source", false),
		URL:      f.str(m["url"], at+".url", false),
		Required: f.boolean(m["required"], at+".required"),
		Disabled: f.boolean(m["disabled"], at+".disabled"),
		file:     f.name,
		line:     n.Line,
	}
	if r.ID != "" && !idRE.MatchString(r.ID) {
		f.fail(m["id"], at+".id", ErrInvalid, "%q: use lower-case letters, digits and hyphens", r.ID)
	}
	if pn := m["in_force"]; pn != nil {
		pm := f.fields(pn, at+".in_force", "from", "until")
		r.InForce = period(f.date(pm["from"], at+".in_force.from"), f.date(pm["until"], at+".in_force.until"))
		if r.InForce.Until != nil && !r.InForce.Until.After(r.InForce.From) {
			f.fail(pm["until"], at+".in_force.until", ErrInvalid, "until is not after from")
		}
	}
	if r.Disabled {
		// A switch-off names only the rule: anything else would be
		// silently ignored.
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if k != "id" && k != "disabled" {
				f.fail(m[k], at+"."+k, ErrInvalid, "a disabled rule has only id and disabled")
			}
		}
		return r
	}
	switch r.Severity {
	case Block, Review, Info:
	case "":
		f.fail(n, at+".severity", ErrMissing, "want block, review or info")
	default:
		f.fail(m["severity"], at+".severity", ErrInvalid, "%q: want block, review or info", r.Severity)
	}
	for _, k := range []string{"title", "message", "source"} {
		if m[k] == nil {
			f.fail(n, at+"."+k, ErrMissing, "")
		}
	}
	if m["when"] == nil {
		f.fail(n, at+".when", ErrMissing, "the rule's condition")
	} else {
		r.when = f.cond(m["when"], at+".when")
	}
	return r
}

func (f *yfile) checkMembers(n *yaml.Node, at, kind string, members []string) {
	for i, m := range members {
		var ok bool
		switch kind {
		case "country":
			ok = countryRE.MatchString(m)
		case "port":
			ok = locodeRE.MatchString(m)
		default:
			f.fail(n, at, ErrInvalid, "set kind %q: want country or port", kind)
			return
		}
		if !ok {
			f.fail(n, fmt.Sprintf("%s[%d]", at, i), ErrInvalid, "%q is not a %s code", m, kind)
		}
	}
}

// Merge returns the rule set with over laid on it: sets and rules with the
// same ID replace the base's, a rule with disabled: true switches the
// base's rule off, and new rules run after the base's. Disabling a required
// rule, or referring to an unknown set, is an error.
func (rs *RuleSet) Merge(name string, data []byte) (*RuleSet, error) {
	over, err := parseRuleFile(name, data)
	if err != nil {
		return nil, err
	}
	out := &RuleSet{version: rs.version + "+" + over.version, sets: maps.Clone(rs.sets), rules: slices.Clone(rs.rules), lineSpecs: rs.lineSpecs + over.lineSpecs}
	maps.Copy(out.sets, over.sets)
	for _, r := range over.rules {
		i := slices.IndexFunc(out.rules, func(b *Rule) bool { return b.ID == r.ID })
		if i < 0 {
			if r.Disabled {
				return nil, datafile.Errorf(name, r.line, 0, "rules."+r.ID, ErrInvalid, "disables rule %q, which no earlier file defines", r.ID)
			}
			out.rules = append(out.rules, r)
			continue
		}
		if out.rules[i].Required && r.Disabled {
			return nil, datafile.Errorf(name, r.line, 0, "rules."+r.ID, ErrInvalid, "rule %q is required (it makes the engine fail closed) and cannot be disabled; override its severity or condition instead", r.ID)
		}
		if out.rules[i].Required {
			r.Required = true
		}
		out.rules[i] = r
	}
	if err := out.check(); err != nil {
		return nil, err
	}
	return out, nil
}

// check resolves every set a condition names, and derives the countries
// the port sets watch.
func (rs *RuleSet) check() error {
	var errs []error
	for _, r := range rs.rules {
		if r.when == nil {
			continue
		}
		for _, ref := range r.when.refs(nil) {
			if ref.name == "" {
				continue
			}
			s, ok := rs.sets[ref.name]
			if !ok {
				errs = append(errs, datafile.Errorf(r.file, ref.line, 0, "rules."+r.ID, ErrInvalid, "no set named %q (known: %s)", ref.name, strings.Join(slices.Sorted(maps.Keys(rs.sets)), ", ")))
			} else if s.Kind != ref.kind {
				errs = append(errs, datafile.Errorf(r.file, ref.line, 0, "rules."+r.ID, ErrInvalid, "set %q holds %s codes, want %s codes here", ref.name, s.Kind, ref.kind))
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	rs.watched = map[string]bool{}
	for _, set := range rs.sets {
		if set.Kind == "port" {
			for _, m := range set.Members {
				rs.watched[m[:2]] = true
			}
		}
	}
	return nil
}
