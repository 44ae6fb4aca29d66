package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/internal/iso"
	"github.com/luxscreen/luxscreen/party"
	"gopkg.in/yaml.v3"

	"github.com/luxscreen/luxscreen/lists"
)

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// cond is a compiled condition.
type cond interface {
	eval(c *evalCtx) outcome
	// refs appends the sets the condition names, for checking.
	refs(to []setRef) []setRef
}

// outcome is a condition's result with what it rests on. certain is false
// when the condition holds only on evidence that may not hold.
type outcome struct {
	ok      bool
	certain bool
	ev      []Evidence
	cites   []Citation
}

// setRef names a set, or lists codes inline.
type setRef struct {
	name   string
	inline []string
	kind   string // country or port
	line   int
}

// conditionNames are the keys a condition may have, for error messages.
var conditionNames = "all, any, not, destination, origin, route, vessel, party, line, lines, missing, invalid, no_list, date"

func (f *yfile) cond(n *yaml.Node, at string) cond {
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		f.fail(n, at, ErrInvalid, "a condition is a mapping with exactly one key: %s", conditionNames)
		return nil
	}
	key, v := n.Content[0], n.Content[1]
	at = join(at, key.Value)
	switch key.Value {
	case "all", "any":
		var kids []cond
		for i, c := range f.seq(v, at) {
			kids = append(kids, f.cond(c, fmt.Sprintf("%s[%d]", at, i)))
		}
		if len(kids) == 0 {
			f.fail(v, at, ErrMissing, "%s needs at least one condition", key.Value)
		}
		if key.Value == "all" {
			return &allCond{kids}
		}
		return &anyCond{kids}
	case "not":
		return &notCond{f.cond(v, at)}
	case "destination", "origin":
		m := f.fields(v, at, "in")
		return &countryCond{field: key.Value, in: f.setRef(m["in"], at+".in", "country", true)}
	case "route":
		m := f.fields(v, at, "via", "earlier", "unknown_port")
		c := &routeCond{via: f.setRef(m["via"], at+".via", "port", false), earlier: f.setRef(m["earlier"], at+".earlier", "port", false), unknownPort: f.boolean(m["unknown_port"], at+".unknown_port")}
		if c.via == nil && !c.unknownPort {
			f.fail(v, at, ErrMissing, "route needs via or unknown_port")
		}
		if c.earlier != nil && c.via == nil {
			f.fail(m["earlier"], at+".earlier", ErrInvalid, "earlier needs via: earlier legs count only on a route through a via port")
		}
		return c
	case "vessel":
		m := f.fields(v, at, "flag_in", "screening", "missing_flag", "released")
		c := &vesselCond{flagIn: f.setRef(m["flag_in"], at+".flag_in", "country", false), screening: f.verdicts(m["screening"], at+".screening"), missingFlag: f.boolean(m["missing_flag"], at+".missing_flag"), released: f.boolean(m["released"], at+".released")}
		if c.flagIn == nil && c.screening == nil && !c.missingFlag && !c.released {
			f.fail(v, at, ErrMissing, "vessel needs flag_in, screening, missing_flag or released")
		}
		return c
	case "party":
		m := f.fields(v, at, "roles", "screening", "shell", "country_in", "released")
		c := &partyCond{screening: f.verdicts(m["screening"], at+".screening"), shell: f.boolean(m["shell"], at+".shell"), countryIn: f.setRef(m["country_in"], at+".country_in", "country", false), released: f.boolean(m["released"], at+".released")}
		for i, r := range f.strs(m["roles"], at+".roles") {
			if !slices.Contains(roles(), Role(r)) {
				f.fail(m["roles"], fmt.Sprintf("%s.roles[%d]", at, i), ErrInvalid, "%q: want one of %v", r, roles())
			}
			c.roles = append(c.roles, Role(r))
		}
		if c.screening == nil && !c.shell && c.countryIn == nil && !c.released {
			f.fail(v, at, ErrMissing, "party needs screening, shell, country_in or released")
		}
		return c
	case "line":
		return &lineCond{f.lineSpec(v, at)}
	case "lines":
		m := f.fields(v, at, "where", "count_at_least", "value_at_least")
		c := &linesCond{countAtLeast: 1}
		if m["where"] == nil {
			f.fail(v, at+".where", ErrMissing, "required: the test each counted line meets")
		} else {
			c.where = f.lineSpec(m["where"], at+".where")
		}
		if n := m["count_at_least"]; n != nil {
			k, err := strconv.Atoi(n.Value)
			if err != nil || k < 1 {
				f.fail(n, at+".count_at_least", ErrInvalid, "want a whole number of at least 1")
			}
			c.countAtLeast = k
		}
		c.valueAtLeast = f.money(m["value_at_least"], at+".value_at_least")
		return c
	case "missing":
		c := &missingCond{}
		for i, s := range f.strs(v, at) {
			switch s {
			case "date", "destination", "exporter", "lines", "route", "vessel":
			default:
				f.fail(v, fmt.Sprintf("%s[%d]", at, i), ErrInvalid, "%q: want date, destination, exporter, lines, route or vessel", s)
			}
			c.fields = append(c.fields, s)
		}
		return c
	case "invalid":
		c := &invalidCond{}
		for i, s := range f.strs(v, at) {
			switch s {
			case codeCountry, codeCurrency, codeIMO, codeHS:
			default:
				f.fail(v, fmt.Sprintf("%s[%d]", at, i), ErrInvalid, "%q: want %s, %s, %s or %s", s, codeCountry, codeCurrency, codeIMO, codeHS)
			}
			c.classes = append(c.classes, s)
		}
		if len(c.classes) == 0 && f.err == nil {
			f.fail(v, at, ErrMissing, "invalid needs at least one of %s, %s, %s, %s", codeCountry, codeCurrency, codeIMO, codeHS)
		}
		return c
	case "no_list":
		m := f.fields(v, at, "of", "kinds")
		c := &noListCond{}
		if of := f.str(m["of"], at+".of", true); of != "exporter" && f.err == nil {
			f.fail(m["of"], at+".of", ErrInvalid, "%q: want exporter", of)
		}
		for i, k := range f.strs(m["kinds"], at+".kinds") {
			switch lists.Kind(k) {
			case lists.Luxury, lists.Sectoral, lists.CatchAll, lists.Embargo:
			default:
				f.fail(m["kinds"], fmt.Sprintf("%s.kinds[%d]", at, i), ErrInvalid, "%q: want luxury, sectoral, catch-all or embargo", k)
			}
			c.kinds = append(c.kinds, lists.Kind(k))
		}
		return c
	case "date":
		m := f.fields(v, at, "from", "until")
		return &dateCond{period(f.date(m["from"], at+".from"), f.date(m["until"], at+".until"))}
	}
	f.fail(key, at, ErrUnknownCondition, "%q: want one of %s", key.Value, conditionNames)
	return nil
}

func (f *yfile) setRef(n *yaml.Node, at, kind string, required bool) *setRef {
	if n == nil {
		if required {
			f.fail(nil, at, ErrMissing, "required: a set name or a list of codes")
		}
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return &setRef{name: n.Value, kind: kind, line: n.Line}
	}
	r := &setRef{kind: kind, line: n.Line}
	for _, s := range f.strs(n, at) {
		r.inline = append(r.inline, strings.ToUpper(s))
	}
	f.checkMembers(n, at, kind, r.inline)
	return r
}

func (f *yfile) verdicts(n *yaml.Node, at string) []party.Verdict {
	if n == nil {
		return nil
	}
	var out []party.Verdict
	for i, v := range f.strs(n, at) {
		if !party.Verdict(v).Valid() {
			f.fail(n, fmt.Sprintf("%s[%d]", at, i), ErrInvalid, "%q: want match, review or clear", v)
		}
		out = append(out, party.Verdict(v))
	}
	return out
}

func (f *yfile) money(n *yaml.Node, at string) *money {
	if n == nil {
		return nil
	}
	m := f.fields(n, at, "amount", "currency")
	out := &money{amount: f.number(m["amount"], at+".amount"), currency: strings.ToUpper(f.str(m["currency"], at+".currency", true))}
	if f.err == nil && !iso.Currency(out.currency) {
		f.fail(m["currency"], at+".currency", ErrInvalid, "%q is not an ISO 4217 currency code in use", out.currency)
	}
	return out
}

type money struct {
	amount   float64
	currency string
}

func (f *yfile) lineSpec(n *yaml.Node, at string) *lineSpec {
	m := f.fields(n, at, "controlled", "mismatch", "unit_value_above_reference", "value_above", "unknown_currency", "needs_review", "luxury_unknown", "hs")
	if len(m) == 0 && f.err == nil {
		f.fail(n, at, ErrMissing, "a line test needs at least one of controlled, mismatch, unit_value_above_reference, value_above, unknown_currency, needs_review, luxury_unknown, hs")
	}
	s := &lineSpec{
		mismatch:        f.boolean(m["mismatch"], at+".mismatch"),
		refFactor:       f.number(m["unit_value_above_reference"], at+".unit_value_above_reference"),
		valueAbove:      f.money(m["value_above"], at+".value_above"),
		unknownCurrency: f.boolean(m["unknown_currency"], at+".unknown_currency"),
		needsReview:     f.boolean(m["needs_review"], at+".needs_review"),
		luxuryUnknown:   f.boolean(m["luxury_unknown"], at+".luxury_unknown"),
	}
	for _, p := range f.strs(m["hs"], at+".hs") {
		d := strings.NewReplacer(".", "", " ", "").Replace(p)
		if _, err := strconv.Atoi(d); err != nil || len(d) < 2 {
			f.fail(m["hs"], at+".hs", ErrInvalid, "%q is not an HS code prefix", p)
		}
		s.hs = append(s.hs, d)
	}
	if cn := m["controlled"]; cn != nil {
		cm := f.fields(cn, at+".controlled", "by", "kinds", "dated")
		cs := &controlledSpec{by: f.strs(cm["by"], at+".controlled.by"), kinds: f.strs(cm["kinds"], at+".controlled.kinds"), dated: f.str(cm["dated"], at+".controlled.dated", false)}
		if len(cs.by) == 0 {
			cs.by = []string{"any"}
		}
		for _, b := range cs.by {
			switch {
			case b == "exporter", b == "transit", b == "any", b == "UN", b == "EU", countryRE.MatchString(b):
			default:
				f.fail(cm["by"], at+".controlled.by", ErrInvalid, "%q: want exporter, transit, any, UN, EU or a country code", b)
			}
		}
		for _, k := range cs.kinds {
			if !slices.Contains(lists.Kinds(), lists.Kind(k)) {
				f.fail(cm["kinds"], at+".controlled.kinds", ErrInvalid, "%q: want luxury, sectoral, catch-all or embargo", k)
			}
		}
		if len(cs.kinds) == 0 {
			// An embargo covers every good: a test of the goods that names
			// no kind means the lists of goods.
			for _, k := range lists.GoodsKinds() {
				cs.kinds = append(cs.kinds, string(k))
			}
		}
		switch cs.dated {
		case "":
			cs.dated = "shipment"
		case "shipment", "check":
		default:
			f.fail(cm["dated"], at+".controlled.dated", ErrInvalid, "%q: want shipment or check", cs.dated)
		}
		s.controlled = cs
	}
	s.key = fmt.Sprintf("%v|%v|%v|%v|%v|%v|%v|%v|%+v", s.mismatch, s.refFactor, s.valueAbove, s.unknownCurrency, s.needsReview, s.luxuryUnknown, s.hs, s.controlled != nil, s.controlled)
	// Equal line tests of one file are one spec, evaluated once per line.
	if prev, ok := f.specs[s.key]; ok {
		return prev
	}
	if f.specs == nil {
		f.specs = map[string]*lineSpec{}
	}
	f.specs[s.key] = s
	return s
}

type allCond struct{ kids []cond }

func (a *allCond) eval(c *evalCtx) outcome {
	out := outcome{ok: true, certain: true}
	// The kids' outcomes are kept until all hold, then their evidence is
	// joined in one allocation; most rules have a few kids.
	var buf [8]outcome
	kept := buf[:0]
	nev, ncite := 0, 0
	for _, k := range a.kids {
		o := k.eval(c)
		if !o.ok {
			return outcome{}
		}
		out.certain = out.certain && o.certain
		kept = append(kept, o)
		nev, ncite = nev+len(o.ev), ncite+len(o.cites)
	}
	if len(kept) == 1 {
		out.gather(kept[0])
		return out
	}
	out.ev, out.cites = make([]Evidence, 0, nev), make([]Citation, 0, ncite)
	for _, o := range kept {
		out.ev = append(out.ev, o.ev...)
		out.cites = append(out.cites, o.cites...)
	}
	return out
}

// gather adds o's evidence and citations to out. The first slices are
// taken as they are, clipped so that a later append copies them rather
// than writing into a memoised outcome's array: most conditions have one
// kid with evidence, and copying it at every level was most of a check's
// garbage.
func (out *outcome) gather(o outcome) {
	if out.ev == nil {
		out.ev = slices.Clip(o.ev)
	} else {
		out.ev = append(out.ev, o.ev...)
	}
	if out.cites == nil {
		out.cites = slices.Clip(o.cites)
	} else {
		out.cites = append(out.cites, o.cites...)
	}
}

func (a *allCond) refs(to []setRef) []setRef {
	for _, k := range a.kids {
		to = k.refs(to)
	}
	return to
}

type anyCond struct{ kids []cond }

func (a *anyCond) eval(c *evalCtx) outcome {
	return anyOutcome(len(a.kids), func(i int) outcome { return a.kids[i].eval(c) })
}

// anyOutcome combines n outcomes as "any of": it holds when one holds, is
// certain when a holding one is certain, and gathers the evidence of every
// one that holds.
func anyOutcome(n int, at func(i int) outcome) outcome {
	var out outcome
	for i := range n {
		o := at(i)
		if !o.ok {
			continue
		}
		out.ok = true
		out.certain = out.certain || o.certain
		out.gather(o)
	}
	return out
}

func (a *anyCond) refs(to []setRef) []setRef {
	for _, k := range a.kids {
		to = k.refs(to)
	}
	return to
}

type notCond struct{ kid cond }

func (n *notCond) eval(c *evalCtx) outcome {
	return outcome{ok: !n.kid.eval(c).ok, certain: true}
}

func (n *notCond) refs(to []setRef) []setRef { return n.kid.refs(to) }

func addRef(to []setRef, r *setRef) []setRef {
	if r == nil {
		return to
	}
	return append(to, *r)
}

type countryCond struct {
	field string // destination or origin
	in    *setRef
}

func (d *countryCond) eval(c *evalCtx) outcome {
	v, how := c.destination, c.destinationHow
	if d.field == "origin" {
		v, how = c.s.Origin, "country of origin"
	}
	if v == "" || !c.inSet(d.in, v) {
		return outcome{}
	}
	return outcome{ok: true, certain: true,
		ev:    []Evidence{{Field: d.field, Detail: fmt.Sprintf("%s %s", how, v)}},
		cites: c.setCite(d.in)}
}

func (d *countryCond) refs(to []setRef) []setRef { return addRef(to, d.in) }

type routeCond struct {
	via, earlier *setRef
	unknownPort  bool
}

func (r *routeCond) eval(c *evalCtx) outcome {
	out := outcome{ok: true, certain: true}
	if r.unknownPort {
		found := false
		for _, st := range c.stops {
			if !st.known {
				found = true
				out.ev = append(out.ev, Evidence{Port: st.label(), Detail: "unknown port: " + st.why})
			}
		}
		if !found {
			return outcome{}
		}
	}
	if r.via != nil {
		last := -1
		for i, st := range c.stops {
			if st.port != nil && c.inSet(r.via, st.port.LOCODE) {
				last = i
				where := "passes through"
				if i == len(c.stops)-1 {
					where = "ends in"
				}
				out.ev = append(out.ev, Evidence{Port: st.label(), Detail: "route " + where + " " + st.port.Name})
			}
		}
		if last < 0 {
			return outcome{}
		}
		out.cites = append(out.cites, c.setCite(r.via)...)
		if r.earlier != nil {
			n := 0
			for _, st := range c.stops[:last] {
				if st.port != nil && c.inSet(r.earlier, st.port.LOCODE) {
					n++
					out.ev = append(out.ev, Evidence{Port: st.label(), Detail: "earlier leg of the same route: " + st.port.Name})
				}
			}
			if n > 0 {
				out.cites = append(out.cites, c.setCite(r.earlier)...)
			}
		}
	}
	return out
}

func (r *routeCond) refs(to []setRef) []setRef { return addRef(addRef(to, r.via), r.earlier) }

type vesselCond struct {
	flagIn      *setRef
	screening   []party.Verdict
	missingFlag bool
	released    bool
}

func (v *vesselCond) eval(c *evalCtx) outcome {
	vs := c.s.Vessel
	if vs == nil {
		return outcome{}
	}
	out := outcome{ok: true, certain: true}
	name := clip(vs.Name, maxLabelRunes)
	if name == "" {
		name = "IMO " + vs.IMO
	}
	if v.missingFlag {
		if vs.Flag != "" {
			return outcome{}
		}
		out.ev = append(out.ev, Evidence{Vessel: name, Detail: "flag not given"})
	}
	if v.flagIn != nil {
		if vs.Flag == "" || !c.inSet(v.flagIn, vs.Flag) {
			return outcome{}
		}
		out.ev = append(out.ev, Evidence{Vessel: name, Detail: "flag " + vs.Flag})
		out.cites = append(out.cites, c.setCite(v.flagIn)...)
	}
	if v.screening != nil {
		sc := c.vessel
		if sc == nil || !slices.Contains(v.screening, sc.Verdict) {
			return outcome{}
		}
		e, cites := screeningEvidence(sc, c.asOf)
		e.Vessel = name
		if e.Uncertain {
			out.certain = false
		}
		out.ev = append(out.ev, e)
		out.cites = append(out.cites, cites...)
	}
	if v.released {
		e, cites, ok := releasedEvidence(c.vessel)
		if !ok {
			return outcome{}
		}
		e.Vessel = name
		out.ev = append(out.ev, e)
		out.cites = append(out.cites, cites...)
	}
	return out
}

// releasedEvidence describes the hits a screening left out because a
// reviewer released them as false positives, or reports false when there
// are none.
func releasedEvidence(sc *party.Result) (Evidence, []Citation, bool) {
	if sc == nil || len(sc.Released) == 0 {
		return Evidence{}, nil, false
	}
	parts := make([]string, len(sc.Released))
	cites := make([]Citation, len(sc.Released))
	for i, r := range sc.Released {
		parts[i] = r.String()
		cites[i] = Citation{Kind: "sanctions", Ref: r.Hit.List + " " + r.Hit.Ref, Text: r.Hit.Name}
	}
	return Evidence{Detail: strings.Join(parts, "; ")}, cites, true
}

func (v *vesselCond) refs(to []setRef) []setRef { return addRef(to, v.flagIn) }

// screeningEvidence describes a screening. The evidence is uncertain when
// every hit whose designation date is known was designated after asOf:
// the party was not listed when the goods moved, which a retrospective
// check must say rather than block on.
func screeningEvidence(sc *party.Result, asOf time.Time) (Evidence, []Citation) {
	var cites []Citation
	parts := []string{"screening " + string(sc.Verdict)}
	later, dated := 0, 0
	for i, h := range sc.Hits {
		if d, err := time.Parse(dateLayout, h.ListedOn); err == nil {
			dated++
			if d.After(asOf) {
				later++
			}
		}
		if i >= 3 {
			continue
		}
		// The hit's list entries and the facts a reviewer settles it on
		// (birth date, nationality, identifiers, designation date).
		p := fmt.Sprintf("%s %q (score %.2f", party.RefsLine(h.List, h.Ref, h.References), h.Name, h.Score)
		if h.MatchedName != "" && h.MatchedName != h.Name {
			p += fmt.Sprintf("; matched %q (%s)", h.MatchedName, h.MatchedKind)
		}
		if f := h.Listed.Summary(h.Kind); f != "" {
			p += "; " + f
		} else if h.ListedOn != "" {
			p += ", listed " + h.ListedOn
		}
		parts = append(parts, p+")")
		cites = append(cites, Citation{Kind: "sanctions", Ref: h.List + " " + h.Ref, Text: h.Name})
		for _, r := range h.References {
			if r.Entity != h.Entity {
				cites = append(cites, Citation{Kind: "sanctions", Ref: r.List + " " + r.Ref, Text: r.Name})
			}
		}
	}
	if len(sc.Hits) > 3 {
		parts = append(parts, fmt.Sprintf("and %d more", len(sc.Hits)-3))
	}
	parts = append(parts, party.Render(sc.Reasons)...)
	ev := Evidence{Detail: strings.Join(parts, "; ")}
	if dated > 0 && later == len(sc.Hits) {
		ev.Uncertain = true
		ev.Detail += "; designated after the shipment date " + asOf.Format(dateLayout)
	}
	return ev, cites
}

type partyCond struct {
	roles     []Role
	screening []party.Verdict
	shell     bool
	countryIn *setRef
	released  bool
}

func (p *partyCond) eval(c *evalCtx) outcome {
	var out outcome
	for i := range c.s.Parties {
		pt := &c.s.Parties[i]
		if len(p.roles) > 0 && !slices.Contains(p.roles, pt.Role) {
			continue
		}
		label := string(pt.Role) + ": " + clip(pt.Name, maxLabelRunes)
		var ev []Evidence
		var cites []Citation
		certain := true
		if p.countryIn != nil {
			if pt.Country == "" || !c.inSet(p.countryIn, pt.Country) {
				continue
			}
			ev = append(ev, Evidence{Party: label, Detail: "country " + pt.Country})
			cites = append(cites, c.setCite(p.countryIn)...)
		}
		if p.shell {
			inds := c.shells[i]
			if len(inds) == 0 {
				continue
			}
			for _, ind := range inds {
				ev = append(ev, Evidence{Party: label, Detail: "shell or free-zone mark " + ind.ID + ": " + ind.Reason})
				cites = append(cites, Citation{Kind: "indicator", Ref: ind.ID, Text: ind.Source})
			}
		}
		if p.screening != nil {
			sc := c.parties[i]
			if sc == nil || !slices.Contains(p.screening, sc.Verdict) {
				continue
			}
			e, sc2 := screeningEvidence(sc, c.asOf)
			e.Party = label
			certain = certain && !e.Uncertain
			ev = append(ev, e)
			cites = append(cites, sc2...)
		}
		if p.released {
			e, sc2, ok := releasedEvidence(c.parties[i])
			if !ok {
				continue
			}
			e.Party = label
			ev = append(ev, e)
			cites = append(cites, sc2...)
		}
		if !out.ok {
			out.certain = certain
		} else {
			out.certain = out.certain || certain
		}
		out.ok = true
		out.ev = append(out.ev, ev...)
		out.cites = append(out.cites, cites...)
	}
	return out
}

func (p *partyCond) refs(to []setRef) []setRef { return addRef(to, p.countryIn) }

// maxLabelRunes bounds a party's name in evidence: a name pasted with a
// whole document would otherwise be repeated in every finding.
const maxLabelRunes = 120

// clip returns s cut to at most n characters, marked with an ellipsis and
// the full length when cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return fmt.Sprintf("%s… (%d characters)", string(r[:n]), len(r))
}

type lineCond struct{ spec *lineSpec }

func (l *lineCond) eval(c *evalCtx) outcome {
	return anyOutcome(len(c.lines), func(i int) outcome { return l.spec.match(c, i) })
}

func (l *lineCond) refs(to []setRef) []setRef { return to }

type linesCond struct {
	where        *lineSpec
	countAtLeast int
	valueAtLeast *money
}

func (l *linesCond) eval(c *evalCtx) outcome {
	out := outcome{certain: true}
	n, sum, sumKnown := 0, 0.0, true
	for i := range c.lines {
		m := l.where.match(c, i)
		if !m.ok {
			continue
		}
		n++
		out.certain = out.certain && m.certain
		out.ev = append(out.ev, m.ev...)
		out.cites = append(out.cites, m.cites...)
		if l.valueAtLeast != nil {
			v, err := c.rates.Convert(c.s.Lines[i].Value, c.s.Lines[i].Currency, l.valueAtLeast.currency)
			sum += v
			sumKnown = sumKnown && err == nil
		}
	}
	if n < l.countAtLeast {
		return outcome{}
	}
	if l.valueAtLeast != nil {
		switch {
		case !sumKnown:
			out.certain = false
			out.ev = append(out.ev, Evidence{Field: "lines", Detail: "total value unknown: a currency has no rate", Uncertain: true})
		case sum < l.valueAtLeast.amount:
			return outcome{}
		default:
			out.ev = append(out.ev, Evidence{Field: "lines", Detail: fmt.Sprintf("%d lines worth %.2f %s together", n, sum, l.valueAtLeast.currency)})
		}
	}
	out.ok = true
	return out
}

func (l *linesCond) refs(to []setRef) []setRef { return to }

type missingCond struct{ fields []string }

func (m *missingCond) eval(c *evalCtx) outcome {
	var out outcome
	add := func(field, detail string) {
		out.ok, out.certain = true, true
		out.ev = append(out.ev, Evidence{Field: field, Detail: detail})
	}
	for _, f := range m.fields {
		switch f {
		case "date":
			if c.s.Date == "" {
				add("date", "no shipment date: judged as of the check, "+c.asOf.Format(dateLayout))
			}
		case "destination":
			if c.destination == "" {
				add("destination", "no final destination and no route to infer it from")
			}
		case "exporter":
			if c.exporterCountry == "" {
				add("exporter", "no exporter, seller or shipper country and no port of loading: the exporter's lists cannot be chosen, so every list is applied")
			}
		case "lines":
			if len(c.s.Lines) == 0 {
				add("lines", "no lines of goods")
			}
		case "route":
			if len(c.s.Route) == 0 {
				add("route", "no route")
			}
		case "vessel":
			if c.s.Vessel == nil {
				add("vessel", "no vessel")
			}
		}
	}
	return out
}

func (m *missingCond) refs(to []setRef) []setRef { return to }

// invalidCond holds when the shipment names a code of one of its classes
// that has the form of a code but names nothing (see
// [Shipment.invalidCodes]).
type invalidCond struct{ classes []string }

func (v *invalidCond) eval(c *evalCtx) outcome {
	var out outcome
	for _, ic := range c.invalid {
		if slices.Contains(v.classes, ic.class) {
			out.ok, out.certain = true, true
			out.ev = append(out.ev, ic.ev)
		}
	}
	return out
}

func (v *invalidCond) refs(to []setRef) []setRef { return to }

// noListCond holds when, for a kind asked, the exporter's state has had
// lists in the catalogue but none is in force on the shipment date while
// states were obliged to control such goods (before its first list, or
// between two): the catalogue cannot say what its law controlled, and
// that is not "not controlled". A state that never had a list of a kind
// is bound by the UN lists alone and does not count.
type noListCond struct{ kinds []lists.Kind }

func (n *noListCond) eval(c *evalCtx) outcome {
	cov, ok := c.cfg.Goods.(ListCoverage)
	if !ok || c.exporterCountry == "" {
		return outcome{}
	}
	ns := cov.Silent(c.exporterCountry, c.asOf, n.kinds)
	if len(ns) == 0 {
		return outcome{}
	}
	out := outcome{ok: true, certain: true}
	for _, x := range ns {
		out.ev = append(out.ev, Evidence{Field: "exporter", Detail: x.Message +
			": what its law controlled on the shipment date cannot be told from the catalogue; only the UN lists in force were applied"})
	}
	return out
}

func (n *noListCond) refs(to []setRef) []setRef { return to }

type dateCond struct{ p lists.Period }

// period is the period from from until until; a zero until means still in
// force.
func period(from, until time.Time) lists.Period {
	p := lists.Period{From: from}
	if !until.IsZero() {
		p.Until = &until
	}
	return p
}

func (d *dateCond) eval(c *evalCtx) outcome {
	if !d.p.Contains(c.asOf) {
		return outcome{}
	}
	return outcome{ok: true, certain: true, ev: []Evidence{{Field: "date", Detail: "shipment date " + c.asOf.Format(dateLayout)}}}
}

func (d *dateCond) refs(to []setRef) []setRef { return to }
