package rules

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/iso"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/party"
)

// Config is what an Engine judges with.
type Config struct {
	// Rules are the rules to evaluate; nil means DefaultRuleSet.
	Rules *RuleSet
	// Goods judges each line; it is required.
	Goods GoodsAssessor
	// Parties screens parties and the vessel. Nil means no sanctions list
	// is loaded, and every party and vessel fails closed to review.
	Parties PartyScreener
	// Reference is the gazetteer, jurisdictions and shell marks; nil
	// means DefaultReference.
	Reference *Reference
	// Rates convert line values for thresholds and reference prices; nil
	// means only amounts already in the compared currency are known.
	Rates *lists.Rates
	// Prices are the caller's reference unit values; nil disables the
	// reference-price test.
	Prices *ReferencePrices
	// Nomenclatures are the HS nomenclatures declared codes must exist
	// in: a code the nomenclature of the edition in force on the
	// shipment date lacks is an invalid code (the invalid condition's hs
	// class). Without a nomenclature of that edition codes are checked by
	// form only: the package embeds none, as the WCO holds copyright in
	// the HS text.
	Nomenclatures []hs.Nomenclature
	// Now returns the time of the check; nil means time.Now. It dates
	// shipments without a date and "dated: check" tests.
	Now func() time.Time
}

// Engine judges shipments. It is safe for concurrent use; Update swaps its
// configuration atomically, each check seeing the old or the new one whole.
type Engine struct {
	cur atomic.Pointer[Config]
	// cites holds the citation of each list entry a finding has cited,
	// built once: entries are immutable.
	cites sync.Map // *lists.Entry → Citation
}

// NewEngine returns an engine with the given configuration.
func NewEngine(cfg Config) (*Engine, error) {
	e := &Engine{}
	if err := e.Update(cfg); err != nil {
		return nil, err
	}
	return e, nil
}

// Update replaces the engine's configuration, for a reload of rules, rates
// or reference data. Checks in progress finish with the old one.
func (e *Engine) Update(cfg Config) error {
	if cfg.Goods == nil {
		return errors.New("rules: Config.Goods is required")
	}
	if cfg.Rules == nil {
		rs, err := DefaultRuleSet()
		if err != nil {
			return err
		}
		cfg.Rules = rs
	}
	if cfg.Reference == nil {
		ref, err := DefaultReference()
		if err != nil {
			return err
		}
		cfg.Reference = ref
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	e.cur.Store(&cfg)
	return nil
}

// RuleSet returns the rule set the engine judges with now.
func (e *Engine) RuleSet() *RuleSet { return e.cur.Load().Rules }

// evalCtx is one shipment being judged: the facts resolved once, shared by
// every rule.
type evalCtx struct {
	cfg    *Config
	s      *Shipment
	asOf   time.Time
	now    time.Time
	rates  *lists.Rates
	prices *ReferencePrices
	rs     *RuleSet
	cites  *sync.Map

	stops          []resolvedStop
	destination    string
	destinationHow string

	exporterCountry string
	exporterJ       []string // nil when the exporter is unknown: every list binds
	transitJ        []string

	invalid []invalidCode

	lines   []lineState
	parties []*party.Result     // by party index
	shells  [][]*ShellIndicator // by party index
	vessel  *party.Result
	lists   []party.ListVersion
	memo    []memoEntry
}

type lineState struct {
	a               lists.Assessment
	err             error
	label           string
	currencyUnknown bool
}

func (c *evalCtx) inSet(r *setRef, code string) bool {
	if r.name != "" {
		s := c.rs.sets[r.name]
		return s != nil && slices.Contains(s.Members, code)
	}
	return slices.Contains(r.inline, code)
}

func (c *evalCtx) setCite(r *setRef) []Citation {
	if r == nil || r.name == "" {
		return nil
	}
	s := c.rs.sets[r.name]
	return []Citation{{Kind: "set", Ref: s.ID, Text: s.Source}}
}

// Check judges one shipment. The error is non-nil only for a shipment that
// breaks the model (see [Decode]) or a cancelled context; everything the
// engine cannot decide is a review finding.
func (e *Engine) Check(ctx context.Context, s *Shipment) (*Decision, error) {
	cfg := e.cur.Load()
	canonical, err := s.CanonicalJSON()
	if err != nil {
		return nil, fmt.Errorf("rules: shipment %q: %w", s.ID, err)
	}
	sh := &Shipment{}
	*sh = *s
	sh.Parties, sh.Route, sh.Lines = slices.Clone(s.Parties), slices.Clone(s.Route), slices.Clone(s.Lines)
	if s.Vessel != nil {
		v := *s.Vessel
		sh.Vessel = &v
	}
	sh.normalize()
	if err := sh.validate(); err != nil {
		return nil, fmt.Errorf("rules: shipment %q: %w", s.ID, err)
	}
	now := cfg.Now().UTC()
	c := &evalCtx{cfg: cfg, s: sh, now: now, rates: cfg.Rates, prices: cfg.Prices, rs: cfg.Rules, cites: &e.cites,
		memo: make([]memoEntry, 0, cfg.Rules.lineSpecs*len(sh.Lines))}
	c.asOf = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if sh.Date != "" {
		c.asOf, _ = time.Parse(dateLayout, sh.Date) // validated above
	}
	c.invalid = sh.invalidCodes(cfg.Nomenclatures, c.asOf)
	c.resolvePlaces()
	if err := c.assessLines(ctx); err != nil {
		return nil, err
	}
	if err := c.screen(ctx); err != nil {
		return nil, err
	}
	d := &Decision{ID: sh.ID, Findings: []Finding{}, AsOf: c.asOf.Format(dateLayout)}
	for _, r := range cfg.Rules.rules {
		if r.Disabled || r.when == nil {
			continue
		}
		if !r.InForce.Contains(c.asOf) {
			continue
		}
		o := r.when.eval(c)
		if !o.ok {
			continue
		}
		d.Findings = append(d.Findings, c.finding(r, o))
	}
	slices.SortStableFunc(d.Findings, compareFindings)
	d.Verdict = verdictOf(d.Findings)
	d.Versions = Versions{Rules: cfg.Rules.Version(), Goods: cfg.Goods.Version(), Sanctions: c.lists}
	if d.Versions.Sanctions == nil {
		d.Versions.Sanctions = []party.ListVersion{}
	}
	d.DecisionID = decisionID(canonical, d.Versions, d.AsOf)
	d.audit = &auditDetail{shipment: canonical, lines: c.lines, parties: c.parties, vessel: c.vessel, rules: cfg.Rules}
	return d, nil
}

func (c *evalCtx) finding(r *Rule, o outcome) Finding {
	// Outcomes share evidence with the memo of line tests; a finding owns
	// its copy.
	f := Finding{Rule: r.ID, Severity: r.Severity, Message: r.Message, Evidence: slices.Clone(o.ev)}
	if f.Evidence == nil {
		f.Evidence = []Evidence{}
	}
	if !o.certain && r.Severity == Block {
		f.Severity = Review
		f.Message += " (capped at review: the evidence marked uncertain may not hold)"
	}
	f.Citation = make([]Citation, 0, len(o.cites)+1)
	for _, ct := range o.cites {
		if !slices.Contains(f.Citation, ct) {
			f.Citation = append(f.Citation, ct)
		}
	}
	f.Citation = append(f.Citation, Citation{Kind: "rule", Ref: r.ID, Text: r.Source, URL: r.URL})
	return f
}

func (c *evalCtx) resolvePlaces() {
	ref := c.cfg.Reference
	c.stops = make([]resolvedStop, len(c.s.Route))
	for i, st := range c.s.Route {
		c.stops[i] = ref.Ports.resolve(st)
		r := &c.stops[i]
		// A LOCODE the gazetteer lacks still names its country. Route rules
		// name ports of a few countries; in any other country the stop
		// cannot be one of them, so it is judged by its country. In those
		// countries it might be one of them under another code, and stays
		// unknown.
		// A LOCODE of no assigned country names no place at all.
		if !r.known && r.port == nil && st.LOCODE != "" && (st.Country == "" || st.Country == st.LOCODE[:2]) && !c.rs.watched[st.LOCODE[:2]] && iso.Country(st.LOCODE[:2]) {
			r.known, r.why = true, ""
		}
	}
	c.destination, c.destinationHow = c.s.Destination, "final destination"
	if c.destination == "" && len(c.stops) > 0 {
		c.destination, c.destinationHow = c.stops[len(c.stops)-1].country, "final destination (the last route stop)"
	}
	departure := ""
	if len(c.stops) > 0 {
		departure = c.stops[0].country
	}
	for _, role := range []Role{Exporter, Seller, Shipper} {
		if i := slices.IndexFunc(c.s.Parties, func(p Party) bool { return p.Role == role && p.Country != "" }); i >= 0 {
			c.exporterCountry = c.s.Parties[i].Country
			break
		}
	}
	if c.exporterCountry == "" {
		c.exporterCountry = departure
	}
	if c.exporterCountry != "" {
		// The exporter's lists, and those of the state the goods leave.
		c.exporterJ = ref.Jurisdictions.Of(c.exporterCountry, c.asOf)
		if departure != "" && departure != c.exporterCountry {
			c.exporterJ = unionOf(c.exporterJ, ref.Jurisdictions.Of(departure, c.asOf))
		}
	}
	for i, st := range c.stops {
		if i == 0 || st.country == "" || st.country == "KP" {
			continue
		}
		c.transitJ = unionOf(c.transitJ, ref.Jurisdictions.Of(st.country, c.asOf))
	}
	if c.destination != "" && c.destination != "KP" {
		c.transitJ = unionOf(c.transitJ, ref.Jurisdictions.Of(c.destination, c.asOf))
	}
}

func unionOf(a, b []string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

// binds with an unknown exporter applies every list: failing closed.
func (c *evalCtx) exporterUnknown() bool { return c.exporterCountry == "" }

func (c *evalCtx) assessLines(ctx context.Context) error {
	c.lines = make([]lineState, len(c.s.Lines))
	for i, l := range c.s.Lines {
		if err := ctx.Err(); err != nil {
			return err
		}
		ls := &c.lines[i]
		// A shipment is an export: lists that only control imports from
		// the DPRK do not bind it.
		ls.a, ls.err = c.cfg.Goods.AssessGoods(ctx, lists.Goods{ID: strconv.Itoa(i + 1), Description: l.Description, Code: l.HS,
			Value: lists.Money{Amount: l.Value, Currency: l.Currency}, Quantity: l.Quantity, Unit: l.Unit,
			Direction: lists.ExportTo, Date: c.asOf}, c.rates)
		if ls.err != nil && ctx.Err() != nil {
			return ctx.Err()
		}
		code := l.HS
		if code == "" {
			code = ls.a.Code
		}
		desc := l.Description
		if len(desc) > 60 {
			desc = desc[:57] + "…"
		}
		ls.label = fmt.Sprintf("%s %q", cmp.Or(code, "(no code)"), desc)
		if l.Value > 0 {
			_, err := c.rates.Convert(1, l.Currency, c.base())
			ls.currencyUnknown = err != nil
		}
	}
	if c.exporterUnknown() {
		c.exporterJ = nil
	}
	return nil
}

func (c *evalCtx) screen(ctx context.Context) error {
	c.parties = make([]*party.Result, len(c.s.Parties))
	c.shells = make([][]*ShellIndicator, len(c.s.Parties))
	cache := map[string]*party.Result{}
	run := func(q party.Entity) (*party.Result, error) {
		key := q.Key()
		if sc, ok := cache[key]; ok {
			return sc, nil
		}
		sc, err := c.screenOne(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, l := range sc.ListVersions {
			if !slices.Contains(c.lists, l) {
				c.lists = append(c.lists, l)
			}
		}
		cache[key] = &sc
		return &sc, nil
	}
	for i, p := range c.s.Parties {
		kind, _ := party.ParseKind(p.Kind)
		sc, err := run(party.New(p.Name, kind, p.Country, p.IMO, ""))
		if err != nil {
			return err
		}
		c.parties[i] = sc
		c.shells[i] = c.cfg.Reference.Shells.Of(p)
	}
	if v := c.s.Vessel; v != nil {
		sc, err := run(party.New(v.Name, party.KindVessel, v.Flag, v.IMO, ""))
		if err != nil {
			return err
		}
		c.vessel = sc
	}
	if lv, ok := c.cfg.Parties.(ListVersioner); ok && len(c.lists) == 0 {
		// Nothing was screened, but the decision still names the lists it
		// would have been screened against.
		c.lists = lv.Versions()
	}
	slices.SortFunc(c.lists, func(a, b party.ListVersion) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.SHA256, b.SHA256))
	})
	return nil
}

// screenOne screens one party or vessel. Screening fails closed: with no
// screener, a screener error or a verdict the engine does not know, the
// result is review with the reason.
func (c *evalCtx) screenOne(ctx context.Context, q party.Entity) (party.Result, error) {
	if c.cfg.Parties == nil {
		return party.CannotScreen("no sanctions list loaded"), nil
	}
	sc, err := c.cfg.Parties.Screen(ctx, q)
	if err != nil {
		if ctx.Err() != nil {
			return party.Result{}, ctx.Err()
		}
		return party.CannotScreen("%v", err), nil
	}
	if !sc.Verdict.Valid() {
		sc.Reasons = append(sc.Reasons, party.Feature{Feature: "cannot_screen", Detail: fmt.Sprintf("screener gave unknown verdict %q", sc.Verdict)})
		sc.Verdict = party.Review
	}
	return sc, nil
}
