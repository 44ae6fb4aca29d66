package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/iso"
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
//	    required: true      # cannot be disabled without a reason
//	    disabled: true      # a later file: switch an earlier file's rule off
//	    reason: why         # why a later file disables or weakens the rule
//	    when: CONDITION
//
// A later file (see [RuleSet.Merge]) that names the id of an earlier
// file's rule changes only the fields it gives, so that
//
//	rules:
//	  - id: evasion-flag-controlled-goods
//	    severity: info
//
// lowers one rule's severity and keeps its title, message, source and
// condition. Disabling a required rule (one the engine fails closed
// with), or lowering its severity below review, needs a reason; the
// reason and every other change are listed by [RuleSet.Changes] and in
// every decision's [AuditRecord].
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
//	invalid: [country, currency, imo, hs]  a code of the class names
//	                             nothing: a country ISO 3166-1 does not
//	                             assign, a currency ISO 4217 does not list,
//	                             an IMO number with a wrong check digit, an
//	                             HS code the loaded nomenclature of its
//	                             edition lacks (see Config.Nomenclatures)
//	date: {from: YYYY-MM-DD, until: YYYY-MM-DD}
//
// and LINE is a mapping of tests that must all hold for the same line:
//
//	controlled: {by: [exporter, transit, any, UN, EU, …], kinds: [luxury, sectoral, catch-all, embargo], dated: shipment|check}
//	                             (no kinds: the lists of goods, not embargoes)
//	mismatch: true               description names goods the code does not cover
//	unit_value_above_reference: F  unit value above F times the top of the reference range
//	value_above: {amount: A, currency: C}
//	unknown_currency: true
//	needs_review: true           the line could not be placed or judged
//	luxury_unknown: true         the line's luxury is unknown: no luxury
//	                             control applies, and the line could not be
//	                             judged, the classifier asks for review, or
//	                             a luxury control cannot be ruled out
//	hs: [PREFIX, …]              declared or classified code starts with a prefix
//
// A SET is the name of a set or an inline list of codes.
//
// A port set may be computed from the UN/LOCODE places (package ports)
// rather than listed: NEAR selects the places within a distance of a
// country's places, or in the subdivisions that border it,
//
//	of: KP                        the country measured from
//	include_of: true              its own places belong too
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
	// changes are what later files changed in earlier files' rules.
	changes []RuleChange
}

// RuleChange is what a rules file changed in a rule of an earlier file:
// the fields it overrode, or that it disabled the rule, and why.
type RuleChange struct {
	Rule string `json:"rule"`
	// File and Line are where the change is written.
	File string `json:"file"`
	Line int    `json:"line"`
	// Fields are the fields the file gave, in file order, besides id
	// and reason.
	Fields   []string `json:"fields"`
	Disabled bool     `json:"disabled,omitempty"`
	Reason   string   `json:"reason,omitempty"`
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
	// Reason says why a later file disabled or changed the rule.
	Reason string
	when   cond
	// whenKey is the condition as written, without comments, to tell a
	// condition restated from a changed one.
	whenKey string
	file    string
	line    int
	// fields are the fields the rule's file gave, in file order.
	fields []string
}

// Version returns the rule set's version: the version of the base file and
// the SHA-256 prefix of each file merged over it.
func (rs *RuleSet) Version() string { return rs.version }

// Changes returns what files merged over the base changed in its rules,
// in merge order: every disabled rule with its reason and every field
// overridden.
func (rs *RuleSet) Changes() []RuleChange { return slices.Clone(rs.changes) }

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
	rs, err := parseRuleFile(name, data, nil)
	if err != nil {
		return nil, err
	}
	if err := rs.check(); err != nil {
		return nil, err
	}
	return rs, nil
}

// parseRuleFile reads one rules file. A rule whose id base holds is a
// change to it and gives only the fields it changes; any other rule gives
// every field.
func parseRuleFile(name string, data []byte, base *RuleSet) (*RuleSet, error) {
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
		r := f.rule(n, fmt.Sprintf("rules[%d]", i), base.has)
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
		m := f.fields(v, at, setFields()...)
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

// setFields are the keys of a set; nearFields those of its near query.
func setFields() []string { return []string{"kind", "members", "near", "exclude", "source"} }
func nearFields() []string {
	return []string{"of", "include_of", "except", "within_km", "countries", "not_countries", "subdivisions", "functions"}
}

// near reads the query of a computed port set.
func (f *yfile) near(n *yaml.Node, at string) *ports.Near {
	m := f.fields(n, at, nearFields()...)
	q := &ports.Near{Of: strings.ToUpper(f.str(m["of"], at+".of", true)), IncludeOf: f.boolean(m["include_of"], at+".include_of"), WithinKm: f.number(m["within_km"], at+".within_km")}
	if q.Of != "" && !iso.Country(q.Of) {
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

// has reports whether rs, which may be nil, holds a rule with the id.
func (rs *RuleSet) has(id string) bool {
	return rs != nil && slices.ContainsFunc(rs.rules, func(r *Rule) bool { return r.ID == id })
}

// ruleFields are the fields of a rule, in the order files write them.
var ruleFields = []string{"id", "severity", "title", "message", "source", "url", "in_force", "required", "disabled", "reason", "when"}

// rule reads one rule at field path at. earlier reports whether an
// earlier file defines a rule of the id, which this one then changes.
func (f *yfile) rule(n *yaml.Node, at string, earlier func(id string) bool) *Rule {
	m := f.fields(n, at, ruleFields...)
	r := &Rule{
		ID:       f.str(m["id"], at+".id", true),
		Severity: Severity(f.str(m["severity"], at+".severity", false)),
		Title:    f.str(m["title"], at+".title", false),
		Message:  f.str(m["message"], at+".message", false),
		Source:   f.str(m["source"], at+".source", false),
		URL:      f.str(m["url"], at+".url", false),
		Required: f.boolean(m["required"], at+".required"),
		Disabled: f.boolean(m["disabled"], at+".disabled"),
		Reason:   f.str(m["reason"], at+".reason", false),
		file:     f.name,
		line:     n.Line,
	}
	for _, k := range ruleFields {
		if m[k] != nil && k != "id" && k != "reason" {
			r.fields = append(r.fields, k)
		}
	}
	change := r.ID != "" && earlier(r.ID)
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
	if m["reason"] != nil && !change {
		f.fail(m["reason"], at+".reason", ErrInvalid, "a reason says why a file changes an earlier file's rule, and no earlier file defines %q", r.ID)
	}
	if r.Disabled {
		// A switch-off names only the rule and why: anything else would
		// be silently ignored.
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if k != "id" && k != "disabled" && k != "reason" {
				f.fail(m[k], at+"."+k, ErrInvalid, "a disabled rule has only id, disabled and reason")
			}
		}
		return r
	}
	switch r.Severity {
	case Block, Review, Info:
	case "":
		if !change {
			f.fail(n, at+".severity", ErrMissing, "want block, review or info")
		}
	default:
		f.fail(m["severity"], at+".severity", ErrInvalid, "%q: want block, review or info", r.Severity)
	}
	if change {
		// A change gives only what it changes.
		if len(r.fields) == 0 {
			f.fail(n, at, ErrMissing, "rule %q changes an earlier file's rule: give the fields to change, or disabled: true", r.ID)
		}
	} else {
		for _, k := range []string{"title", "message", "source"} {
			if m[k] == nil {
				f.fail(n, at+"."+k, ErrMissing, "")
			}
		}
		if m["when"] == nil {
			f.fail(n, at+".when", ErrMissing, "the rule's condition")
		}
	}
	if m["when"] != nil {
		r.when, r.whenKey = f.cond(m["when"], at+".when"), nodeKey(m["when"])
	}
	return r
}

// nodeKey writes n's content without comments or layout.
func nodeKey(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		switch n.Kind {
		case yaml.ScalarNode:
			b.WriteString(strconv.Quote(n.Value))
		default:
			b.WriteByte('(')
			for _, c := range n.Content {
				walk(c)
				b.WriteByte(' ')
			}
			b.WriteByte(')')
		}
	}
	walk(n)
	return b.String()
}

// checkMembers checks the codes of a set: assigned ISO 3166-1 country
// codes, or LOCODEs of the UN/LOCODE code list, so that a misspelt member
// is an error rather than a set that never matches.
func (f *yfile) checkMembers(n *yaml.Node, at, kind string, members []string) {
	var g *ports.Gazetteer
	for i, m := range members {
		var ok bool
		switch kind {
		case "country":
			ok = iso.Country(m)
		case "port":
			if g == nil {
				var err error
				if g, err = ports.Embedded(); err != nil {
					f.fail(n, at, ErrInvalid, "%v", err)
					return
				}
			}
			_, ok = g.ByCode(m)
		default:
			f.fail(n, at, ErrInvalid, "set kind %q: want country or port", kind)
			return
		}
		if !ok {
			f.fail(n, fmt.Sprintf("%s[%d]", at, i), ErrInvalid, "%q is not a %s code", m, kind)
		}
	}
}

// Merge returns the rule set with over laid on it: sets with the same ID
// replace the base's; a rule with the id of a base rule changes the
// fields it gives and keeps the others (disabled: true switches the
// rule off); new rules run after the base's. Disabling a required rule,
// or lowering its severity below review, without a reason, and referring
// to an unknown set, are errors. [RuleSet.Changes] lists every change.
func (rs *RuleSet) Merge(name string, data []byte) (*RuleSet, error) {
	over, err := parseRuleFile(name, data, rs)
	if err != nil {
		return nil, err
	}
	out := &RuleSet{version: rs.version + "+" + over.version, sets: maps.Clone(rs.sets), rules: slices.Clone(rs.rules), lineSpecs: rs.lineSpecs + over.lineSpecs,
		changes: slices.Clone(rs.changes)}
	maps.Copy(out.sets, over.sets)
	var errs []error
	for _, r := range over.rules {
		i := slices.IndexFunc(out.rules, func(b *Rule) bool { return b.ID == r.ID })
		if i < 0 {
			if r.Disabled {
				errs = append(errs, datafile.Errorf(name, r.line, 0, "rules."+r.ID, ErrInvalid, "disables rule %q, which no earlier file defines", r.ID))
				continue
			}
			out.rules = append(out.rules, r)
			continue
		}
		merged, changed, err := out.rules[i].with(r)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out.rules[i] = merged
		if len(changed) > 0 {
			out.changes = append(out.changes, RuleChange{Rule: r.ID, File: r.file, Line: r.line, Fields: changed, Disabled: merged.Disabled, Reason: r.Reason})
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := out.check(); err != nil {
		return nil, err
	}
	return out, nil
}

// with returns the rule b with the fields that the later file's rule r
// gives. Disabling a required rule, lowering its severity below review or
// changing its condition or period needs r's reason: the engine fails
// closed with it.
// It returns the fields whose value changed: a file that restates a rule
// as it is changes nothing.
func (b *Rule) with(r *Rule) (*Rule, []string, error) {
	out := *b
	var changed []string
	set := func(k string, differs bool) {
		if differs {
			changed = append(changed, k)
		}
	}
	for _, k := range r.fields {
		switch k {
		case "severity":
			set(k, assign(&out.Severity, r.Severity))
		case "title":
			set(k, assign(&out.Title, r.Title))
		case "message":
			set(k, assign(&out.Message, r.Message))
		case "source":
			set(k, assign(&out.Source, r.Source))
		case "url":
			set(k, assign(&out.URL, r.URL))
		case "in_force":
			set(k, !samePeriod(out.InForce, r.InForce))
			out.InForce = r.InForce
		case "required":
			set(k, r.Required && !b.Required)
			out.Required = b.Required || r.Required
		case "disabled":
			set(k, assign(&out.Disabled, r.Disabled))
		case "when":
			set(k, out.whenKey != r.whenKey)
			// Set references are checked, and reported, in the file
			// that wrote the condition.
			out.when, out.whenKey, out.file, out.line = r.when, r.whenKey, r.file, r.line
		}
	}
	out.Reason = r.Reason
	if b.Required && r.Reason == "" {
		what := ""
		switch {
		case out.Disabled:
			what = "disabled"
		case out.Severity.rank() < Review.rank():
			what = "lowered to " + string(out.Severity)
		case slices.Contains(changed, "when"):
			what = "given another condition"
		case slices.Contains(changed, "in_force"):
			what = "given another period in force"
		}
		if what != "" {
			return nil, nil, datafile.Errorf(r.file, r.line, 0, "rules."+r.ID, ErrInvalid,
				"rule %q is required (it makes the engine fail closed) and is %s here without a reason: add reason: to say why; it is recorded in every decision's audit record", r.ID, what)
		}
	}
	return &out, changed, nil
}

// assign sets *dst to v and reports whether that changed it.
func assign[T comparable](dst *T, v T) bool {
	changed := *dst != v
	*dst = v
	return changed
}

// samePeriod reports whether a and b are the same period.
func samePeriod(a, b lists.Period) bool {
	if !a.From.Equal(b.From) || (a.Until == nil) != (b.Until == nil) {
		return false
	}
	return a.Until == nil || a.Until.Equal(*b.Until)
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
