package screen

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen/names"
)

// Options tune a Screener. The zero value means the defaults.
type Options struct {
	// Weights are the scorer's weights and thresholds; nil means the
	// embedded data/weights.yaml (DefaultWeights).
	Weights *Weights
	// MatchThreshold and ReviewThreshold set the verdict bands; zero means
	// the weights' thresholds.
	MatchThreshold, ReviewThreshold float64
	// MaxHits caps the hits returned; zero means the weights' max_hits.
	MaxHits int
	// Data holds the package's data files laid out like the package
	// directory (countries.yaml, names/lexicon.yaml, data/weights.yaml);
	// nil means the embedded files ([FS]). Weights, when given, take the
	// place of Data's weights file.
	Data fs.FS
}

// Screener screens parties and vessels against loaded lists. It is safe
// for concurrent use; Reload swaps the lists atomically while screenings
// continue, each screening seeing either the old or the new lists whole.
type Screener struct {
	gen atomic.Pointer[generation]
	az  *names.Analyzer
	cmp comparer
	cc  countries
	w   *Weights
	t   party.Thresholds
	max int
}

// NewScreener returns a Screener over lists with default options.
func NewScreener(lists ...List) (*Screener, error) {
	return NewScreenerOptions(Options{}, lists...)
}

// NewScreenerOptions returns a Screener over lists with the given options.
func NewScreenerOptions(opt Options, lists ...List) (*Screener, error) {
	w := opt.Weights
	if w == nil {
		var err error
		if w, err = LoadWeights(dataFS(opt.Data)); err != nil {
			return nil, err
		}
	}
	az, err := names.LoadAnalyzer(namesFS(opt.Data))
	if err != nil {
		return nil, err
	}
	cc, err := loadCountries(dataFS(opt.Data))
	if err != nil {
		return nil, err
	}
	s := &Screener{az: az, cmp: comparer{az: az, w: w}, cc: cc, w: w, t: w.thresholds(), max: w.Thresholds.MaxHits}
	if opt.MatchThreshold != 0 {
		s.t.Match = opt.MatchThreshold
	}
	if opt.ReviewThreshold != 0 {
		s.t.Review = opt.ReviewThreshold
	}
	if opt.MaxHits != 0 {
		s.max = opt.MaxHits
	}
	if s.t.Review > s.t.Match {
		return nil, fmt.Errorf("screen: review threshold %.2f above match threshold %.2f", s.t.Review, s.t.Match)
	}
	if err := s.Reload(context.Background(), lists...); err != nil {
		return nil, err
	}
	return s, nil
}

// Thresholds returns the match and review thresholds in use.
func (s *Screener) Thresholds() (match, review float64) { return s.t.Match, s.t.Review }

// Weights returns the weights in use.
func (s *Screener) Weights() *Weights { return s.w }

// Reload replaces the loaded lists. The new index is built first; then
// screenings starting afterwards see the new lists, while screenings
// running meanwhile finish on the old ones.
func (s *Screener) Reload(ctx context.Context, lists ...List) error {
	gen, ents, err := newGeneration(s.cc, lists)
	if err != nil {
		return err
	}
	// Which entities are the same party depends on the entities alone:
	// it is worked out while their names are indexed.
	twins := async(func() map[*listed][]twin { return s.findTwins(gen) })
	err = gen.index(s.az, s.w, ents)
	gen.twins = twins()
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.gen.Store(gen)
	return nil
}

// Versions returns the versions of the lists currently loaded.
func (s *Screener) Versions() []ListVersion {
	if gen := s.gen.Load(); gen != nil {
		return slices.Clone(gen.versions)
	}
	return nil
}

// Entity returns the loaded entity with the given ID ("UN:KPe.001") and
// the version of the list it was loaded from. The entity is shared, not
// copied: loaded entities never change.
func (s *Screener) Entity(id string) (*Entity, ListVersion, bool) {
	gen := s.gen.Load()
	if gen == nil {
		return nil, ListVersion{}, false
	}
	e, ok := gen.byID[id]
	if !ok {
		return nil, ListVersion{}, false
	}
	for _, l := range gen.lists {
		if l.Version.SHA256 == e.list {
			return e.Entity, l.Version, true
		}
	}
	return e.Entity, ListVersion{}, true
}

// Lists returns the lists loaded now, in load order. The entity slices are
// shared, not copied: loaded lists never change, and a Reload installs new
// ones beside them.
func (s *Screener) Lists() []List {
	if gen := s.gen.Load(); gen != nil {
		return slices.Clone(gen.lists)
	}
	return nil
}

// candidate is the best row of one listed entity.
type candidate struct {
	row *nameRow
	// qn is the index of the query name that scored best.
	qn    int
	score float64
	// imo is the IMO number that matched exactly, or "".
	imo      string
	features []party.Feature
	// aligned are the pairs of tokens the score aligned, which explain
	// aligns again to tell the features.
	aligned []pair
}

// query is an entity ready for screening: its names analysed and weighed,
// its IMO numbers normalised.
type query struct {
	e     *party.Entity
	names []*analysed
	// raw are the names as given, in the order of names.
	raw  []string
	w    [][]float64
	imos []string
	// countries are the entity's countries as canonical codes.
	countries []string
}

// screening is one Screen call in progress.
type screening struct {
	ctx     context.Context
	s       *Screener
	gen     *generation
	q       query
	best    map[*listed]*candidate
	reasons []party.Feature
	// sink keeps the reads of the warm functions (warm.go), so that they
	// are made.
	sink int
}

// Screen screens one party or vessel: each listed entity is compared with
// every name of q and scored by its best name, then adjusted by the
// entity features (birth date, country, identifier). The error is non-nil
// only for a name or field longer than any real party's (wrapping
// ErrNameTooLong; see CheckEntity) and for a context that ends before the
// screening does; an entity that cannot be decided returns verdict Review
// with the reason.
func (s *Screener) Screen(ctx context.Context, q party.Entity) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if err := CheckEntity(&q); err != nil {
		return Result{}, fmt.Errorf("screen: %w", err)
	}
	gen := s.gen.Load()
	if gen == nil || gen.rows == 0 {
		return party.CannotScreen("no list loaded"), nil
	}
	sc := &screening{ctx: ctx, s: s, gen: gen, q: query{e: &q, countries: s.cc.canonAll(q.Countries)}, best: make(map[*listed]*candidate)}
	sc.identifiers()
	if err := sc.names(); err != nil {
		return Result{}, err
	}
	sc.vesselCoverage()
	sc.sink += warmHits(sc.best, s.t.Review)
	hits := sc.hits()
	return Result{Verdict: party.Decide(hits, sc.reasons, s.t), Hits: hits, Reasons: sc.reasons, ListVersions: slices.Clone(gen.versions)}, nil
}

// note records why the entity was not wholly compared.
func (sc *screening) note(feature, format string, args ...any) {
	sc.reasons = append(sc.reasons, party.Feature{Feature: feature, Detail: fmt.Sprintf(format, args...)})
}

// identifiers adds the listed entities with one of the query's IMO
// numbers: an exact identifier wins outright.
func (sc *screening) identifiers() {
	for _, id := range sc.q.e.Identifiers {
		if !id.Type.IsIMO() {
			continue
		}
		imo, ok := NormalizeIMO(id.Value)
		if !ok {
			sc.note("cannot_screen", "IMO %q: not seven digits", id.Value)
			continue
		}
		sc.q.imos = append(sc.q.imos, imo)
		for _, e := range sc.gen.byIMO[imo] {
			if !sc.q.e.Kind.Compatible(e.Kind) {
				continue
			}
			typ := "unchecked"
			for _, id := range e.Identifiers {
				if id.Value == imo {
					typ = strings.TrimPrefix(string(id.Type), "imo_")
				}
			}
			row := &nameRow{entity: e, name: &Name{Value: e.PrimaryName(), Kind: NamePrimary}}
			sc.best[e] = &candidate{row: row, qn: -1, score: 1, imo: imo, features: []party.Feature{
				{Feature: "identifier", Score: 1, Weight: 1, Detail: typ + " IMO " + imo}}}
		}
	}
}

// names compares every reading of every name of the query (see
// names.Analyzer.Readings) with the listed names that share a blocking key
// with it, keeping each entity's best. A name is reported as in an
// untransliterated script only when none of its readings could read it.
// The error is the context's, when it ends first.
func (sc *screening) names() error {
	s, q := sc.s, &sc.q
	vessel := q.e.Kind == KindVessel
	var empty []string
	// Most names have one reading or a few: a small array keeps them off
	// the heap.
	var buf [4]names.Name
	sinoKorean := s.sinoKoreanParty(q.e)
	for _, name := range q.e.Names {
		var foreign []string
		read, screened := false, false
		for _, rd := range s.az.AppendReadings(buf[:0], name) {
			if rd.Reading == names.ReadingSinoKorean && !sinoKorean {
				continue
			}
			qa := analyseName(s.w, rd, vessel)
			s.localise(qa, q.e)
			if len(qa.foreign) == 0 {
				read = true
			} else if foreign == nil {
				foreign = qa.foreign
			}
			if !screenable(qa) {
				continue
			}
			screened = true
			if err := sc.screenReading(qa, name); err != nil {
				return err
			}
		}
		if !read {
			sc.note("untransliterated_script", "%s", strings.Join(foreign, ", "))
		}
		if !screened {
			empty = append(empty, name)
		}
	}
	switch {
	case len(q.names) > 0 || len(sc.best) > 0:
	case len(q.e.Names) == 0 && len(q.e.Identifiers) == 0:
		sc.note("cannot_screen", "no name or identifier to compare")
	default:
		for _, name := range empty {
			sc.note("cannot_screen", "name %q is empty after normalisation", name)
		}
		if len(empty) == 0 {
			sc.note("cannot_screen", "no name to compare")
		}
	}
	return nil
}

// sinoKoreanParty reports whether the Han names of party e may be read by
// their Sino-Korean sounds: e states no country, or one of the analyser's
// SinoKoreanCountries. A Chinese or Japanese party's Han name is read as
// Chinese (pinyin) only.
func (s *Screener) sinoKoreanParty(e *party.Entity) bool {
	if len(e.Countries) == 0 {
		return true
	}
	for _, c := range e.Countries {
		c = s.cc.canon(c)
		for _, k := range s.az.SinoKoreanCountries() {
			if s.cc.canon(k) == c {
				return true
			}
		}
	}
	return false
}

// ctxCheckEvery is how many candidates are scored between two looks at
// the context: scoring one takes about a microsecond, a look at the
// context tens of nanoseconds, so a cancelled screening stops within a
// fraction of a millisecond while the look costs little.
const ctxCheckEvery = 64

// screenReading compares one reading qa of the query name raw with its
// candidates, keeping each entity's best. The error is the context's,
// when it ends first.
func (sc *screening) screenReading(qa *analysed, raw string) error {
	s, q := sc.s, &sc.q
	qn := len(q.names)
	qw := sc.gen.stats.weights(qa)
	q.names, q.raw, q.w = append(q.names, qa), append(q.raw, raw), append(q.w, qw)
	if err := sc.ctx.Err(); err != nil {
		return err
	}
	// The pairs of one comparison: a hit keeps a copy of those aligned.
	var buf [64]pair
	cands := s.candidates(sc.gen, qa, qw, q)
	sc.sink += warmRows(cands)
	for i, r := range cands {
		if i%ctxCheckEvery == ctxCheckEvery-1 {
			if err := sc.ctx.Err(); err != nil {
				return err
			}
		}
		res, aligned := s.cmp.compareInto(buf[:0], qa, qw, &r.a, r.w, compareKind(q.e.Kind, r.entity.Kind), false)
		score := s.qualify(res.score, r, q, qn, nil)
		if r.name.Kind == NameWeak && score < s.w.Features.WeakAlias.Floor {
			// A weak alias counts only written nearly as listed.
			continue
		}
		if score < s.t.Review {
			// Only a hit is reported: a row below review is no candidate,
			// and keeping it would cost an allocation per scored row.
			continue
		}
		c := sc.best[r.entity]
		switch {
		case c == nil:
			sc.best[r.entity] = &candidate{row: r, qn: qn, score: score, aligned: slices.Clone(aligned)}
		case score > c.score && c.imo == "":
			c.row, c.qn, c.score, c.aligned = r, qn, score, append(c.aligned[:0], aligned...)
		}
	}
	return nil
}

// screenable reports whether a name has a token other than legal forms
// and stopwords.
func screenable(a *analysed) bool {
	for _, t := range a.toks {
		if t.class != names.Legal && t.class != names.Stop {
			return true
		}
	}
	return false
}

// compareKind is the kind whose name rules apply: the listed entity's when
// known, else the query's.
func compareKind(q, e Kind) Kind {
	if e != KindUnknown {
		return e
	}
	return q
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// Compare scores two names against each other as Screen would score a
// query name against a listed name, using the token statistics of the
// loaded lists: every reading of a against every reading of b (see
// names.Analyzer.Readings), the best pair counting. It returns the score
// and its features.
func (s *Screener) Compare(a, b string, kind Kind) (float64, []party.Feature) {
	var stats *tokenStats
	if gen := s.gen.Load(); gen != nil {
		stats = gen.stats
	} else {
		stats = newTokenStats(s.w, nil, 0)
	}
	vessel := kind == KindVessel
	var bufA, bufB [4]names.Name
	best, bestFeatures := -1.0, []party.Feature(nil)
	for _, ra := range s.az.AppendReadings(bufA[:0], a) {
		qa := analyseName(s.w, ra, vessel)
		for _, rb := range s.az.AppendReadings(bufB[:0], b) {
			ca := analyseName(s.w, rb, vessel)
			res := s.cmp.compare(qa, stats.weights(qa), ca, stats.weights(ca), kind, true)
			if res.score > best {
				best, bestFeatures = res.score, res.features
			}
		}
	}
	return best, bestFeatures
}
