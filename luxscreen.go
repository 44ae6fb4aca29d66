package luxscreen

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
)

// Config says what a [System] judges with. Its zero value is the embedded
// default: the cited catalogue, the default rules and reference data, no
// exchange rates, no reference prices and the embedded demo sanctions list.
type Config struct {
	// Lists are the sanctions list files (UN XML, OFAC CSV or XML, EU,
	// UK, OpenSanctions FtM JSON), OFAC CSV directories, or directories
	// written by "luxscreen lists fetch" (every list their manifest
	// names, see screen.ListFiles) that parties and vessels are screened
	// against; [System.Reload] rereads them. Empty means the embedded
	// demo list, unless NoDemoList is set.
	Lists []string
	// ListSource, when set, supplies the sanctions lists instead of
	// Lists, for lists kept elsewhere than in files (a database, another
	// service); Open and Reload call it. Returning no list is allowed:
	// every party then fails closed to review.
	ListSource func(ctx context.Context) ([]screen.List, error)
	// NoDemoList makes Open fail with [ErrNoLists] when Lists is empty,
	// for deployments where screening against the demo list by mistake
	// would be worse than not starting.
	NoDemoList bool

	// MaxShrink is the share of its entities a list source may lose from
	// one load to the next; a reload that loses more is refused and the
	// old lists stay, unless AllowShrink is set or the reload is asked
	// with ReloadOptions.AllowShrink. Zero means
	// screen.DefaultMaxShrink (10%). A list with no entity is always
	// refused, at start and on reload.
	MaxShrink   float64
	AllowShrink bool
	// MaxListAge is the age past which a list is flagged as stale
	// (SourceStatus.Stale); zero means DefaultMaxListAge (30 days).
	MaxListAge time.Duration
	// MaxListBytes is the size limit of one list file; zero means
	// screen.DefaultMaxListBytes (1 GiB).
	MaxListBytes int64

	// Rules are rule files merged, in order, over the embedded default
	// rules.
	Rules []string

	// RatesFile is an exchange-rates file (YAML: base, source, rates) for
	// values in a currency other than a threshold's. Rates gives the
	// rates directly instead; setting both is an error. Without rates a
	// value in another currency cannot be compared, and the rules fail
	// closed to review.
	RatesFile string
	Rates     *lists.Rates
	// PricesFile is a reference unit-prices file (YAML: prices); without
	// it the reference-price test is off.
	PricesFile string

	// Nomenclature is an HS nomenclature file (UN Comtrade JSON, flat HS
	// CSV or EU CN CSV) indexed so that descriptions outside the luxury
	// lexicon are classified too; Edition is its edition when the file
	// does not name it. Correlation is a UNSD correlation table mapping
	// declared codes of older editions.
	Nomenclature string
	Edition      hs.Edition
	Correlation  string

	// Jurisdictions and Kinds restrict the controls [System.Classify]
	// reports (the UN lists are always included). [System.Check] is not
	// restricted: the exporter and the route decide which lists bind.
	Jurisdictions []string
	Kinds         []lists.Kind

	// Now returns the current time; nil means time.Now. It dates
	// shipments and goods lines without a date.
	Now func() time.Time

	// Settle, when set, is given every screening, with the entity
	// screened, before Check judges it or Screen answers it, and returns
	// it settled: the desk package leaves out the hits reviewers released
	// as false positives of that entity. It must be safe for concurrent
	// use; its error fails the check or screening.
	Settle func(ctx context.Context, q party.Entity, r party.Result) (party.Result, error)

	// DataDir is a directory laid out like the repository's embedded
	// data (lists/data/*.yaml, classify/lexicon/*.yaml,
	// rules/data/*.yaml, screen/countries.yaml, screen/data/*.yaml,
	// screen/names/lexicon.yaml): a file there replaces the embedded
	// file of the same path and a new file extends the data, with no
	// rebuild. Empty means the embedded data alone. [CheckData]
	// validates such a directory.
	DataDir string
}

// ErrNoLists is returned by Open when Config.NoDemoList is set and no
// sanctions list is given.
var ErrNoLists = errors.New("luxscreen: no sanctions list given and the demo list is refused")

// ErrClosed is returned by the methods of a closed System.
var ErrClosed = errors.New("luxscreen: system closed")

// System is the loaded, wired luxscreen: one catalogue, one classifier,
// one screener and one decision engine over them. It is safe for
// concurrent use.
type System struct {
	cfg  Config
	now  func() time.Time
	data packageData

	cat *lists.Catalogue
	// classifier judges goods lines for the engine and for Classify;
	// view is the classifier Classify answers with, the same one unless
	// Config restricts jurisdictions or kinds.
	classifier *classify.Classifier
	view       *classify.Classifier
	// nomenclatures are the loaded HS nomenclatures, which the engine
	// checks declared codes against too.
	nomenclatures []hs.Nomenclature
	screener      *screen.Screener
	// parties is the engine's screener: the screener behind a memo of
	// the screenings of the lists loaded now.
	parties *screenMemo
	engine  *rules.Engine
	ruleSet *rules.RuleSet
	ref     *rules.Reference

	// reload is held by Reload and Close: one reload at a time, and none
	// after Close.
	reload sync.Mutex
	closed atomic.Bool

	// srcMu guards sources, the state of each list source, in the order
	// of the lists loaded.
	srcMu   sync.Mutex
	sources []SourceStatus
	// paths are the files or directories the sources were read from.
	paths []string
	// fetchNotes say which sources of the fetched directories loaded
	// failed their latest fetch, as their manifests record.
	fetchNotes []string
}

// Open loads and wires everything cfg names. Every file is read here, once;
// an error names the file that failed.
func Open(ctx context.Context, cfg Config) (*System, error) {
	if cfg.MaxShrink < 0 || cfg.MaxShrink > 1 {
		return nil, fmt.Errorf("luxscreen: Config.MaxShrink %g: want a share between 0 and 1", cfg.MaxShrink)
	}
	s := &System{cfg: cfg, now: cfg.Now}
	if s.now == nil {
		s.now = time.Now
	}
	var err error
	if s.data, err = openData(cfg.DataDir); err != nil {
		return nil, err
	}
	if s.cat, err = lists.Load(ctx, s.data.lists); err != nil {
		return nil, err
	}
	if err := s.openGoods(ctx); err != nil {
		return nil, err
	}
	got, err := s.loadLists(ctx)
	if err != nil {
		return nil, err
	}
	ls, set, err := s.accept(got, false)
	if err != nil {
		return nil, err
	}
	if s.screener, err = screen.NewScreenerOptions(screen.Options{Data: s.data.screen}, ls...); err != nil {
		return nil, err
	}
	s.install(set)
	if err := s.openEngine(); err != nil {
		return nil, err
	}
	return s, nil
}

// openGoods builds the classifier, and the restricted view of it that
// Classify answers with when the configuration asks for one.
func (s *System) openGoods(ctx context.Context) error {
	rates, err := s.rates()
	if err != nil {
		return err
	}
	lx, err := classify.LoadLexicon(s.data.classify, classify.LexiconDir)
	if err != nil {
		return err
	}
	opts := []classify.Option{classify.WithClock(s.now), classify.WithLexicon(lx), classify.WithNumbers(s.data.classify), classify.WithRates(rates)}
	if s.cfg.Nomenclature != "" {
		n, err := hs.Open(ctx, s.cfg.Nomenclature, s.cfg.Edition)
		if err != nil {
			return fmt.Errorf("luxscreen: nomenclature: %w", err)
		}
		opts = append(opts, classify.WithNomenclature(n))
		s.nomenclatures = []hs.Nomenclature{n}
	}
	// Declared HS 2022 codes are checked against the embedded HS 2022
	// unless the nomenclature given is of that edition: a national tariff
	// judges its own digits, which the HS could only judge by their HS6.
	if _, known := hs.ExistsIn(s.nomenclatures, hs.HS2022, hs.MustParse("01")); !known {
		n, err := hs.EmbeddedHS2022()
		if err != nil {
			return fmt.Errorf("luxscreen: %w", err)
		}
		s.nomenclatures = append(s.nomenclatures, n)
		opts = append(opts, classify.WithValidation(n))
	}
	if s.cfg.Correlation != "" {
		cr, err := hs.OpenCorrelation(ctx, s.cfg.Correlation)
		if err != nil {
			return fmt.Errorf("luxscreen: correlation: %w", err)
		}
		opts = append(opts, classify.WithCorrelation(cr))
	}
	if s.classifier, err = classify.New(s.cat, opts...); err != nil {
		return err
	}
	s.view = s.classifier
	if len(s.cfg.Jurisdictions) > 0 || len(s.cfg.Kinds) > 0 {
		// The view shares the lexicon; the engine keeps the unrestricted
		// classifier, because the shipment decides which lists bind.
		opts = append(opts, classify.WithJurisdictions(s.cfg.Jurisdictions...), classify.WithKinds(s.cfg.Kinds...))
		if s.view, err = classify.New(s.cat, opts...); err != nil {
			return err
		}
	}
	return nil
}

// openEngine reads the rules and reference prices and builds the engine.
func (s *System) openEngine() error {
	rs, err := rules.LoadRuleSet(s.data.rules)
	if err != nil {
		return err
	}
	for _, p := range s.cfg.Rules {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rs, err = rs.Merge(p, b); err != nil {
			return err
		}
	}
	s.ruleSet = rs
	if s.ref, err = rules.LoadReference(s.data.rules); err != nil {
		return err
	}
	// The rules judge an exporter's lists with the catalogue's union
	// membership, as lookups and the classifier do.
	s.ref.Jurisdictions = s.cat.Membership()
	var prices *rules.ReferencePrices
	if p := s.cfg.PricesFile; p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if prices, err = rules.ParseReferencePrices(p, b); err != nil {
			return err
		}
	}
	rates, err := s.rates()
	if err != nil {
		return err
	}
	s.parties = newScreenMemo(s.screener)
	var parties rules.PartyScreener = s.parties
	if s.cfg.Settle != nil {
		// Settled after the memo: releases change between screenings of
		// the same lists, which the memo would otherwise hide.
		parties = settled{s.parties, s.cfg.Settle}
	}
	s.engine, err = rules.NewEngine(rules.Config{
		Rules: rs, Goods: s.classifier, Parties: parties, Reference: s.ref,
		Rates: rates, Prices: prices, Now: s.now, Nomenclatures: s.nomenclatures,
	})
	return err
}

// rates returns the configured exchange rates, nil when there are none.
func (s *System) rates() (*lists.Rates, error) {
	switch {
	case s.cfg.RatesFile != "" && s.cfg.Rates != nil:
		return nil, errors.New("luxscreen: Config.RatesFile and Config.Rates are both set; give one")
	case s.cfg.RatesFile != "":
		b, err := os.ReadFile(s.cfg.RatesFile)
		if err != nil {
			return nil, err
		}
		return lists.ParseRates(s.cfg.RatesFile, b)
	}
	return s.cfg.Rates, nil
}

// loadLists reads the sanctions lists of the configuration, at once, or
// the demo list when none is given. A list that fails to read is returned
// with its error, for accept to refuse.
func (s *System) loadLists(ctx context.Context) ([]loaded, error) {
	if s.cfg.ListSource != nil {
		ls, err := s.cfg.ListSource(ctx)
		if err != nil {
			return nil, err
		}
		got := make([]loaded, len(ls))
		for i, l := range ls {
			got[i] = loaded{list: l}
		}
		return got, nil
	}
	if len(s.cfg.Lists) == 0 {
		if s.cfg.NoDemoList {
			return nil, ErrNoLists
		}
		l, err := screen.LoadDemoList(s.data.screen)
		if err != nil {
			return nil, err
		}
		return []loaded{{list: l}}, nil
	}
	// A directory written by "lists fetch" stands for every list it holds.
	var paths, notes []string
	var got []loaded
	for _, p := range s.cfg.Lists {
		ps, err := screen.ListFiles(p)
		if err != nil {
			got = append(got, loaded{path: p, err: err})
		}
		paths = append(paths, ps...)
		notes = append(notes, fetchFailures(p)...)
	}
	s.srcMu.Lock()
	s.fetchNotes = notes
	s.srcMu.Unlock()
	// The official files take seconds each to parse; reading them side by
	// side shortens start-up and reloads.
	got = append(got, make([]loaded, len(paths))...)
	read := got[len(got)-len(paths):]
	opt := screen.LoadOptions{MaxBytes: s.cfg.MaxListBytes}
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Go(func() {
			l, err := screen.LoadWith(ctx, p, opt)
			read[i] = loaded{list: l, path: p, err: err}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return got, nil
}

// Check judges a shipment: block, review or clear, with every finding, its
// evidence and its citations.
func (s *System) Check(ctx context.Context, sh *rules.Shipment) (*rules.Decision, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	return s.engine.Check(ctx, sh)
}

// Classify classifies one goods line and reports the controls that apply
// to it, within the jurisdictions and kinds of the configuration.
func (s *System) Classify(ctx context.Context, it classify.Item) (classify.Result, error) {
	if s.closed.Load() {
		return classify.Result{}, ErrClosed
	}
	return s.view.Classify(ctx, it)
}

// Screen screens one party or vessel against the sanctions lists.
func (s *System) Screen(ctx context.Context, q party.Entity) (party.Result, error) {
	if s.closed.Load() {
		return party.Result{}, ErrClosed
	}
	r, err := s.screener.Screen(ctx, q)
	if err != nil || s.cfg.Settle == nil {
		return r, err
	}
	return s.cfg.Settle(ctx, q, r)
}

// Lookup returns every control of the catalogue that covers code under
// opts (date, jurisdictions, kinds, direction).
func (s *System) Lookup(code hs.Code, opts lists.Options) []lists.Match {
	return s.cat.Lookup(code, opts)
}

// Reload rereads the sanctions lists of the configuration and swaps them
// in whole. Screenings and checks go on meanwhile against the old lists.
// When a file fails to load, holds no entity, or shrank more than
// Config.MaxShrink allows, the old lists stay, the source's status
// (Sources) records the refusal, and the error, a *RefusalError, says
// why. Reloads do not overlap: one asked for during another waits for it.
func (s *System) Reload(ctx context.Context) error {
	return s.ReloadWith(ctx, ReloadOptions{})
}

// ReloadWith reloads as Reload does, with the operator's options.
func (s *System) ReloadWith(ctx context.Context, opts ReloadOptions) error {
	s.reload.Lock()
	defer s.reload.Unlock()
	if s.closed.Load() {
		return ErrClosed
	}
	got, err := s.loadLists(ctx)
	if err != nil {
		return err
	}
	ls, set, err := s.accept(got, opts.AllowShrink)
	if err != nil {
		return err
	}
	if err := s.screener.Reload(ctx, ls...); err != nil {
		return err
	}
	s.install(set)
	s.parties.reset()
	return nil
}

// Close ends the system: later calls of Check, Classify, Screen and
// Reload return [ErrClosed]. It waits for a reload in progress. Closing
// twice is harmless.
func (s *System) Close() error {
	s.reload.Lock()
	defer s.reload.Unlock()
	s.closed.Store(true)
	return nil
}

// Catalogue returns the control-list catalogue, for listing, comparing
// and mapping the lists.
func (s *System) Catalogue() *lists.Catalogue { return s.cat }

// Reference returns the reference data the rules judge with: the port
// gazetteer, which lists bind which states (union membership), and the
// marks of shell companies.
func (s *System) Reference() *rules.Reference { return s.ref }

// Classifier returns the classifier Classify answers with, for callers
// that measure it (classify.Evaluate).
func (s *System) Classifier() *classify.Classifier { return s.view }

// Screener returns the screener, for callers that need its thresholds or
// list versions (the yente-compatible /match endpoint).
func (s *System) Screener() *screen.Screener { return s.screener }

// Engine returns the decision engine Check judges with, for callers that
// measure it (rules.Evaluate).
func (s *System) Engine() *rules.Engine { return s.engine }

// Now returns the system's current time (Config.Now).
func (s *System) Now() time.Time { return s.now() }

// DemoList reports whether parties are screened against the embedded demo
// list, because no sanctions list was given.
func (s *System) DemoList() bool { return len(s.cfg.Lists) == 0 && s.cfg.ListSource == nil }

// Warnings are what a user must be told about the system's answers:
// screening against the demo list, a list older than Config.MaxListAge or
// of unknown date, a reload refused (see Sources).
func (s *System) Warnings() []string {
	var out []string
	if s.DemoList() {
		out = append(out, screen.DemoWarning)
	}
	for _, src := range s.Sources() {
		out = append(out, src.warnings(s.maxListAge())...)
	}
	s.srcMu.Lock()
	out = append(out, s.fetchNotes...)
	s.srcMu.Unlock()
	return out
}

// Versions identifies the data a system judges with.
type Versions struct {
	// Rules is the rule set's version, with the SHA-256 of each file
	// merged over the defaults.
	Rules string `json:"rules"`
	// Goods is the version of the catalogue and classifier.
	Goods string `json:"goods"`
	// Sanctions are the sanctions lists loaded now.
	Sanctions []screen.ListVersion `json:"sanctions"`
}

// Versions returns the versions of the data loaded now.
func (s *System) Versions() Versions {
	return Versions{Rules: s.ruleSet.Version(), Goods: s.classifier.Version(), Sanctions: s.screener.Versions()}
}

// BuildVersion returns the version of the luxscreen module the program
// was built from, as the Go toolchain recorded it ("(devel)" for a build
// from a work tree), with the source revision when one was recorded.
func BuildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	v := cmp.Or(bi.Main.Version, "(devel)")
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+modified"
			}
		}
	}
	if rev != "" {
		v += fmt.Sprintf(" (revision %.12s%s)", rev, modified)
	}
	return v
}
