package screen

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/hashicorp/go-memdb"
	"github.com/luxscreen/luxscreen/screen/names"
)

// maxBlockDF is the posting-list length above which a blocking key is
// too common to fetch candidates ("korea", "trading"), unless every key of
// the query is that common.
const maxBlockDF = 400

// Options tune a Screener. The zero value means the defaults.
type Options struct {
	// MatchThreshold and ReviewThreshold set the verdict bands; zero means
	// DefaultMatchThreshold and DefaultReviewThreshold.
	MatchThreshold, ReviewThreshold float64
	// MaxHits caps the hits returned; zero means 10.
	MaxHits int
	// Data holds the package's data files laid out like the package
	// directory (countries.yaml, names/lexicon.yaml); nil means the
	// embedded files ([FS]).
	Data fs.FS
}

// Screener screens party and vessel names against loaded lists. It is safe
// for concurrent use; Reload swaps the lists atomically while screenings
// continue, each screening seeing either the old or the new lists whole.
type Screener struct {
	db    *memdb.MemDB
	az    *names.Analyzer
	cmp   comparer
	cc    countries
	match float64
	rev   float64
	max   int
}

// Query is one party or vessel to screen.
type Query struct {
	// Name is the party or vessel name as written on the document.
	Name string `json:"name"`
	// Kind restricts the entities compared: organisations, persons or
	// vessels. KindUnknown compares all.
	Kind Kind `json:"kind,omitempty"`
	// Country is the party's country, a name or ISO code; a listed entity
	// with known countries none of which matches scores a little lower.
	Country string `json:"country,omitempty"`
	// IMO is a ship or company IMO number ("IMO 7937317" or "7937317");
	// an exact match wins outright.
	IMO string `json:"imo,omitempty"`
	// DOB is a person's date of birth, "YYYY", "YYYY-MM" or "YYYY-MM-DD".
	DOB string `json:"dob,omitempty"`
}

// NewScreener returns a Screener over lists with default options.
func NewScreener(lists ...List) (*Screener, error) {
	return NewScreenerOptions(Options{}, lists...)
}

// NewScreenerOptions returns a Screener over lists with the given options.
func NewScreenerOptions(opt Options, lists ...List) (*Screener, error) {
	az, err := names.LoadAnalyzer(namesFS(opt.Data))
	if err != nil {
		return nil, err
	}
	cc, err := loadCountries(dataFS(opt.Data))
	if err != nil {
		return nil, err
	}
	db, err := memdb.NewMemDB(schema())
	if err != nil {
		return nil, fmt.Errorf("screen: index schema: %w", err)
	}
	s := &Screener{db: db, az: az, cmp: comparer{az: az}, cc: cc,
		match: opt.MatchThreshold, rev: opt.ReviewThreshold, max: opt.MaxHits}
	if s.match == 0 {
		s.match = DefaultMatchThreshold
	}
	if s.rev == 0 {
		s.rev = DefaultReviewThreshold
	}
	if s.max == 0 {
		s.max = 10
	}
	if s.rev > s.match {
		return nil, fmt.Errorf("screen: review threshold %.2f above match threshold %.2f", s.rev, s.match)
	}
	if err := s.Reload(context.Background(), lists...); err != nil {
		return nil, err
	}
	return s, nil
}

// Thresholds returns the match and review thresholds in use.
func (s *Screener) Thresholds() (match, review float64) { return s.match, s.rev }

// Reload replaces the loaded lists in one memdb write transaction. The
// new index is built first, outside the transaction; screenings running
// meanwhile keep their snapshot of the old lists.
func (s *Screener) Reload(ctx context.Context, lists ...List) error {
	gen, rows, ents, posts, err := build(s.az, lists)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	txn := s.db.Txn(true)
	defer txn.Abort()
	for _, t := range []string{tableNames, tableEntities, tableKeys, tableMeta} {
		if _, err := txn.DeleteAll(t, "id"); err != nil {
			return fmt.Errorf("screen: reload: clear %s: %w", t, err)
		}
	}
	for _, r := range rows {
		if err := txn.Insert(tableNames, r); err != nil {
			return fmt.Errorf("screen: reload: name %s: %w", r.ID, err)
		}
	}
	for _, e := range ents {
		if err := txn.Insert(tableEntities, e); err != nil {
			return fmt.Errorf("screen: reload: entity %s: %w", e.ID, err)
		}
	}
	for _, p := range posts {
		if err := txn.Insert(tableKeys, p); err != nil {
			return fmt.Errorf("screen: reload: key %s: %w", p.Key, err)
		}
	}
	if err := txn.Insert(tableMeta, gen); err != nil {
		return fmt.Errorf("screen: reload: meta: %w", err)
	}
	txn.Commit()
	return nil
}

// Versions returns the versions of the lists currently loaded.
func (s *Screener) Versions() []ListVersion {
	gen := s.current(s.db.Txn(false))
	if gen == nil {
		return nil
	}
	return slices.Clone(gen.versions)
}

func (s *Screener) current(txn *memdb.Txn) *generation {
	raw, err := txn.First(tableMeta, "id", metaCurrent)
	if err != nil || raw == nil {
		return nil
	}
	return raw.(*generation)
}

// candidate is the best row of one entity.
type candidate struct {
	row     *nameRow
	score   float64
	reasons []string
}

// Screen screens one query. The error is non-nil only for a cancelled
// context; a query that cannot be decided returns verdict Review with the
// reason.
func (s *Screener) Screen(ctx context.Context, q Query) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	txn := s.db.Txn(false)
	gen := s.current(txn)
	res := Result{Verdict: Clear, Hits: []Hit{}}
	if gen == nil || gen.rows == 0 {
		res.Verdict = Review
		res.Reasons = append(res.Reasons, "cannot screen: no list loaded")
		return res, nil
	}
	res.ListVersions = slices.Clone(gen.versions)
	best := make(map[string]*candidate)

	if strings.TrimSpace(q.IMO) != "" {
		if err := s.screenIMO(txn, q, best); err != nil {
			res.Reasons = append(res.Reasons, err.Error())
		}
	}
	vessel := q.Kind == KindVessel
	qa := analyse(s.az, q.Name, vessel)
	screenable := false
	for _, t := range qa.toks {
		if t.class != names.Legal && t.class != names.Stop {
			screenable = true
			break
		}
	}
	if !screenable {
		if len(best) == 0 {
			res.Reasons = append(res.Reasons, fmt.Sprintf("cannot screen: name %q is empty after normalisation", q.Name))
		}
	} else {
		qw := tokenWeights(gen.weights, qa)
		for _, r := range s.candidates(txn, gen, qa, qw, q.Kind) {
			sc := s.cmp.compare(qa, qw, r.a, r.w, compareKind(q.Kind, r.entity.Kind), false)
			score := s.qualify(sc.score, r, q, nil)
			c := best[r.EntityID]
			if c == nil {
				best[r.EntityID] = &candidate{row: r, score: score}
			} else if score > c.score && !isIMOHit(c) {
				c.row, c.score = r, score
			}
		}
		if len(qa.foreign) > 0 {
			res.Reasons = append(res.Reasons, "untransliterated script: "+strings.Join(qa.foreign, ", "))
		}
	}
	var cands []*candidate
	for _, c := range best {
		if c.score >= s.rev {
			cands = append(cands, c)
		}
	}
	slices.SortFunc(cands, func(a, b *candidate) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return strings.Compare(a.row.EntityID, b.row.EntityID)
	})
	if len(cands) > s.max {
		cands = cands[:s.max]
	}
	qw := tokenWeights(gen.weights, qa)
	for _, c := range cands {
		if c.reasons == nil {
			sc := s.cmp.compare(qa, qw, c.row.a, c.row.w, compareKind(q.Kind, c.row.entity.Kind), true)
			var why []string
			c.score = s.qualify(sc.score, c.row, q, &why)
			c.reasons = append(nameReasons(c.row), sc.reasons...)
			if c.row.name.Kind == NameWeak {
				c.reasons = append(c.reasons, "weak_alias: a weak alias alone cannot make a match")
			}
			c.reasons = append(c.reasons, why...)
		}
		e := c.row.entity
		res.Hits = append(res.Hits, Hit{
			Entity:      e.ID,
			List:        e.Source,
			Ref:         e.Ref,
			Name:        e.PrimaryName(),
			MatchedName: c.row.name.Value,
			MatchedKind: c.row.name.Kind,
			Kind:        e.Kind,
			Score:       round3(c.score),
			ListedOn:    e.ListedOn,
			Reasons:     c.reasons,
		})
	}
	switch {
	case s.matchingHit(res.Hits):
		res.Verdict = Match
	case len(res.Hits) > 0, len(res.Reasons) > 0:
		res.Verdict = Review
	}
	return res, nil
}

// matchingHit reports whether a hit reaches the match threshold through a
// name that may decide alone: a weak alias (the lists' low-quality names,
// which OFAC warns produce false hits) sends the screening to review only.
func (s *Screener) matchingHit(hits []Hit) bool {
	for _, h := range hits {
		if h.Score >= s.match && h.MatchedKind != NameWeak {
			return true
		}
	}
	return false
}

// isIMOHit reports whether c came from an exact IMO match.
func isIMOHit(c *candidate) bool {
	return len(c.reasons) > 0 && strings.HasPrefix(c.reasons[0], "imo_exact")
}

// nameReasons describes which listed name matched.
func nameReasons(r *nameRow) []string {
	out := []string{"name: " + string(r.name.Kind)}
	if r.variant != "" {
		out[0] += " " + strings.TrimPrefix(r.variant, "/")
	}
	return out
}

// screenIMO adds exact IMO hits to best.
func (s *Screener) screenIMO(txn *memdb.Txn, q Query, best map[string]*candidate) error {
	imo, ok := NormalizeIMO(q.IMO)
	if !ok {
		return fmt.Errorf("cannot screen IMO %q: not seven digits", q.IMO)
	}
	it, err := txn.Get(tableEntities, "imo", imo)
	if err != nil {
		return fmt.Errorf("imo lookup: %w", err)
	}
	for raw := it.Next(); raw != nil; raw = it.Next() {
		er := raw.(*entityRow)
		e := er.entity
		if !kindCompatible(q.Kind, e.Kind) {
			continue
		}
		typ := "unchecked"
		for _, id := range e.Identifiers {
			if id.Value == imo {
				typ = strings.TrimPrefix(string(id.Type), "imo_")
			}
		}
		row := &nameRow{EntityID: e.ID, entity: e, name: Name{Value: e.PrimaryName(), Kind: NamePrimary}}
		best[e.ID] = &candidate{row: row, score: 1, reasons: []string{"imo_exact: " + imo + " (" + typ + ")"}}
	}
	return nil
}

// rareDF is the posting-list length up to which a key is always fetched.
// Rows reachable only through commoner keys are fetched only when they
// could still reach the review threshold (see candidates).
const rareDF = 60

// pruneMargin loosens the candidate bound of candidates, which is a
// heuristic: a fuzzy alignment outside the blocking keys can lift a row
// above what its shared keys promise.
const pruneMargin = 0.1

// candidates fetches the rows that share a blocking key with the query and
// could reach the review threshold. Each row's shared keys cover some of
// the query's tokens; aligning only those (and the unkeyed legal forms,
// numbers and initials) bounds its weighted Dice score by
// 2·Wcov/(W+Wcov). Rows whose bound is below the review threshold (less a
// margin) are not scored, and common keys (long posting lists such as
// "korea" or "trading") are not even fetched when no row reached through
// them alone could pass. This keeps generic queries fast.
func (s *Screener) candidates(txn *memdb.Txn, gen *generation, qa *analysed, qw []float64, kind Kind) []*nameRow {
	keys := blockingKeys(qa)
	var keyed, common uint64
	for _, k := range keys {
		keyed |= k.toks
		if !k.fuzzy && gen.keyDF[k.key] > rareDF {
			common |= k.toks
		}
	}
	var total, unkeyed, wc float64
	for i, w := range qw {
		total += w
		bit := uint64(1) << (i & 63)
		switch {
		case keyed&bit == 0:
			unkeyed += w
		case common&bit != 0:
			wc += w
		}
	}
	if total == 0 {
		return nil
	}
	floor := s.rev - pruneMargin
	// A row reached only through common keys aligns at most the common
	// tokens; with the row's own aligned weight at most equal, its bound
	// is 2·Wc/(W+Wc).
	fetchCommon := 2*(wc+unkeyed)/(total+wc+unkeyed) >= floor
	sc := gen.scratch.Get().(*candScratch)
	defer func() {
		for _, r := range sc.touched {
			sc.cov[r.idx] = rowCover{}
		}
		sc.touched = sc.touched[:0]
		gen.scratch.Put(sc)
	}()
	fetched := 0
	fetch := func(key string, qmask uint64) {
		raw, err := txn.First(tableKeys, "id", key)
		if err != nil || raw == nil {
			return
		}
		fetched++
		for _, p := range raw.(*postingRow).rows {
			if !kindCompatible(kind, p.row.entity.Kind) {
				continue
			}
			m := &sc.cov[p.row.idx]
			if !m.seen {
				m.seen = true
				sc.touched = append(sc.touched, p.row)
			}
			m.q |= qmask
			m.c |= p.toks
		}
	}
	for _, k := range keys {
		df := gen.keyDF[k.key]
		if df == 0 || df > maxBlockDF || (df > rareDF && (k.fuzzy || !fetchCommon)) {
			continue
		}
		fetch(k.key, k.toks)
	}
	if fetched == 0 {
		// Every key is very common: fetch the rarest so that a query made
		// only of common words still finds the names made of them.
		rarest, rdf := blockKey{}, 0
		for _, k := range keys {
			if df := gen.keyDF[k.key]; df > 0 && (rarest.key == "" || df < rdf) {
				rarest, rdf = k, df
			}
		}
		if rarest.key != "" {
			fetch(rarest.key, rarest.toks)
		}
	}
	// Keep the rows whose weighted Dice bound, from the tokens their
	// shared keys cover on both sides, can reach the floor.
	var out []*nameRow
	for _, r := range sc.touched {
		m := sc.cov[r.idx]
		cq := unkeyed
		for i, w := range qw {
			if m.q&(uint64(1)<<(i&63)) != 0 {
				cq += w
			}
		}
		cc := r.unkeyed
		for i, w := range r.w {
			if m.c&(uint64(1)<<(i&63)) != 0 {
				cc += w
			}
		}
		if (cq+cc)/(total+r.total) >= floor {
			out = append(out, r)
		}
	}
	return out
}

// compareKind is the kind whose name rules apply: the listed entity's when
// known, else the query's.
func compareKind(q, e Kind) Kind {
	if e != KindUnknown {
		return e
	}
	return q
}

// kindCompatible reports whether a query of kind q may hit an entity of
// kind e.
func kindCompatible(q, e Kind) bool {
	return q == KindUnknown || e == KindUnknown || q == e
}

// Qualifier adjustments.
const (
	weakAliasCap      = DefaultMatchThreshold - 0.01
	countryMismatch   = 0.05
	dobMatchBonus     = 0.05
	dobMismatch       = 0.15
	imoMismatchFactor = 0.8
)

// qualify adjusts a name score with what else the query says: weak aliases
// never match alone, a matching date of birth raises a person's score and
// a disjoint one lowers it, a country outside the entity's lowers it, and a
// vessel whose listed IMO differs from the query's is another ship.
func (s *Screener) qualify(score float64, r *nameRow, q Query, why *[]string) float64 {
	note := func(msg string) {
		if why != nil {
			*why = append(*why, msg)
		}
	}
	e := r.entity
	if q.DOB != "" && e.Kind == KindPerson && len(e.DatesOfBirth) > 0 {
		switch dobRelation(q.DOB, e.DatesOfBirth) {
		case 1:
			score += dobMatchBonus
			note("dob_match")
		case -1:
			score -= dobMismatch
			note("dob_mismatch")
		}
	}
	if q.Country != "" && len(e.Countries) > 0 {
		qc := s.cc.canon(q.Country)
		hit := false
		for _, c := range e.Countries {
			if s.cc.canon(c) == qc {
				hit = true
				break
			}
		}
		if hit {
			note("country_match")
		} else {
			score -= countryMismatch
			note("country_mismatch")
		}
	}
	if imo, ok := NormalizeIMO(q.IMO); ok && e.Kind == KindVessel {
		for _, id := range e.Identifiers {
			if id.Type == IDShipIMO && id.Value != imo {
				score *= imoMismatchFactor
				note("imo_mismatch: listed " + id.Value)
				break
			}
		}
	}
	if score > 1 {
		score = 1
	}
	if score < 0 {
		score = 0
	}
	return score
}

// dobRelation compares a query date of birth with listed ones: 1 when a
// listed date agrees (same year, and same day when both give one), -1 when
// every listed year is more than one year away, 0 otherwise.
func dobRelation(q string, listed []string) int {
	qy := yearOf(q)
	if qy == "" {
		return 0
	}
	disjoint := true
	for _, d := range listed {
		y := yearOf(d)
		if y == "" {
			return 0
		}
		if y == qy {
			if len(q) >= 10 && len(d) >= 10 && q[:10] != d[:10] {
				disjoint = false
				continue
			}
			return 1
		}
		if absYearDiff(y, qy) <= 1 {
			disjoint = false
		}
	}
	if disjoint {
		return -1
	}
	return 0
}

func yearOf(d string) string {
	if len(d) < 4 {
		return ""
	}
	for i := 0; i < 4; i++ {
		if d[i] < '0' || d[i] > '9' {
			return ""
		}
	}
	return d[:4]
}

func absYearDiff(a, b string) int {
	var x, y int
	fmt.Sscanf(a, "%d", &x)
	fmt.Sscanf(b, "%d", &y)
	if x > y {
		return x - y
	}
	return y - x
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// Compare scores two names against each other as Screen would score a
// query against a listed name, using the token statistics of the loaded
// lists. It returns the score and the reasons.
func (s *Screener) Compare(a, b string, kind Kind) (float64, []string) {
	gen := s.current(s.db.Txn(false))
	var w *weights
	if gen != nil {
		w = gen.weights
	}
	vessel := kind == KindVessel
	qa := analyse(s.az, a, vessel)
	ca := analyse(s.az, b, vessel)
	sc := s.cmp.compare(qa, tokenWeights(w, qa), ca, tokenWeights(w, ca), kind, true)
	return sc.score, sc.reasons
}
