package trade

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/hs"
)

// Options configure an [Analyzer].
type Options struct {
	// Thresholds say when a unit value is anomalous; the zero value means
	// [DefaultThresholds].
	Thresholds Thresholds
	// Lenient keeps reading after a row that cannot be read. Every such row
	// is counted in [Report.ErrorCount] and the first [MaxReportedErrors]
	// are kept in [Report.Errors]; the default stops at the first.
	Lenient bool
	// Progress, when not nil, is called every few thousand rows and at the
	// end of each pass over the file with the pass (1, or 2 for the
	// reading of the peers) and the rows read in it so far, for a
	// progress meter. It is called on the goroutine of Analyze.
	Progress func(pass, rows int)
	// Stream leaves [Report.Flows] empty: [Report.All] makes each flow's
	// result as it is visited, from the flow's sums and its peers'
	// statistics, which are all the report holds. A report of a full
	// download, with hundreds of thousands of flows to and from the DPRK,
	// then takes a fraction of the memory, at the cost of judging the
	// flows again on every visit.
	Stream bool
}

// MaxReportedErrors is how many row errors a lenient analysis keeps.
const MaxReportedErrors = 20

// maxLinesKept is how many input line numbers a flow keeps.
const maxLinesKept = 8

// maxRowsCompared is how many rows of one flow later rows are compared
// with to find duplicates. A flow rarely has more than a handful of rows;
// the cap keeps a hostile file from making the check quadratic.
const maxRowsCompared = 64

// Analyzer finds the flows to and from the DPRK in a trade-statistics file,
// judges each against the catalogue and compares its unit values with the
// reporter's flows of the same goods to other partners.
type Analyzer struct {
	assessor *Assessor
	opts     Options
}

// NewAnalyzer returns an analyzer that judges flows with a.
func NewAnalyzer(a *Assessor, opts Options) *Analyzer {
	if opts.Thresholds == (Thresholds{}) {
		opts.Thresholds = DefaultThresholds()
	}
	return &Analyzer{assessor: a, opts: opts}
}

// Report is the result of an analysis.
type Report struct {
	// File is the name the file was analysed under.
	File string
	// Layout is the layout detected from its header.
	Layout Layout
	// Thresholds are those the unit values were flagged with.
	Thresholds Thresholds
	// Rows is the number of data rows read, including those that could
	// not be read.
	Rows int
	// DPRKRows is the number of rows to or from the DPRK.
	DPRKRows int
	// Breakdown is the number of Comtrade Plus rows that break down a
	// total by customs procedure, transport or second partner; they are
	// counted here and not added to the totals they break down.
	Breakdown int
	// ErrorCount is the number of rows that could not be read (lenient
	// analyses only); Errors holds the first of them.
	ErrorCount int
	Errors     []*RowError
	// Duplicates are rows to or from the DPRK identical to an earlier row
	// (same reporter, partner, flow, code, period, value, weight and
	// quantity): they are reported, not added twice. Each row is compared
	// with the first 64 rows of its flow.
	Duplicates []Duplicate
	// Flows are the flows to or from the DPRK, one per reporter, partner,
	// kind of flow, code and period, ordered by code, kind, period,
	// reporter and partner. It is empty when the analysis streamed
	// ([Options.Stream]); [Report.All] visits the flows either way.
	Flows []FlowResult

	// streamed holds the flows of a streamed report.
	streamed *streamed
}

// streamed holds the flows of a streamed report, in order, and the
// analyzer their results are made with.
type streamed struct {
	an    *Analyzer
	st    *analysis
	order []int32 // indexes in st.list
}

// FlowCount returns the number of flows to and from the DPRK: the length
// of Flows, or of the flows [Report.All] visits in a streamed report.
func (r *Report) FlowCount() int {
	if r.streamed != nil && len(r.Flows) == 0 {
		return len(r.streamed.order)
	}
	return len(r.Flows)
}

// All visits the flows to and from the DPRK in order: those of Flows, or
// for a streamed report whose Flows are empty each flow's result, made
// anew. The result visited is valid until the next; a caller keeping it
// copies it. Several visits may run at once.
func (r *Report) All() iter.Seq[*FlowResult] {
	return func(yield func(*FlowResult) bool) {
		if r.streamed == nil || len(r.Flows) > 0 {
			for i := range r.Flows {
				if !yield(&r.Flows[i]) {
					return
				}
			}
			return
		}
		r.streamed.visit(r.File, yield)
	}
}

// resultBatch is how many results a visit of a streamed report makes at
// a time.
const resultBatch = 256

// visit makes the results of a streamed report's flows of file and yields
// them in order. The results are made a batch at a time on another
// goroutine while the caller takes those of the batch before: judging a
// flow costs about as much as writing it. Each visit has its own cache
// and batches, so that visits share nothing they write.
func (s *streamed) visit(file string, yield func(*FlowResult) bool) {
	free := make(chan []FlowResult, 3)
	for range cap(free) {
		free <- make([]FlowResult, 0, resultBatch)
	}
	full := make(chan []FlowResult, cap(free))
	done := make(chan struct{})
	defer close(done) // stops the maker when the caller stops early
	go func() {
		defer close(full)
		cache := newAssessCache()
		for lo := 0; lo < len(s.order); lo += resultBatch {
			var b []FlowResult
			select {
			case b = <-free:
			case <-done:
				return
			}
			b = b[:0]
			for _, i := range s.order[lo:min(lo+resultBatch, len(s.order))] {
				b = append(b, s.an.result(file, s.st, i, cache))
			}
			select {
			case full <- b:
			case <-done:
				return
			}
		}
	}()
	for b := range full {
		for i := range b {
			if !yield(&b[i]) {
				return
			}
		}
		free <- b
	}
}

// Duplicate is a row that repeats an earlier one.
type Duplicate struct {
	// Line is the repeating row's line; SameAs is the earlier row's.
	Line, SameAs int
}

// FlowResult is one flow to or from the DPRK, summed over the rows that
// share its reporter, partner, kind, code and period, with its assessment
// and unit values.
type FlowResult struct {
	// Flow holds the sums; its Line is the first row's.
	Flow
	// Rows is the number of rows summed; Lines holds the first of their
	// line numbers.
	Rows  int
	Lines []int
	// MixedUnits reports that the rows gave different quantity units, so
	// that the quantity is not summed.
	MixedUnits bool
	// Assessment is the flow's judgement against the catalogue.
	Assessment Assessment
	// PerQuantity and PerKg are its value per unit of quantity and per
	// kilogram, compared with its peers'.
	PerQuantity, PerKg UnitValue
}

// groupKey identifies the flows a flow's unit value is compared with: the
// same reporter, kind, code and period, to any partner. Its parts are
// numbers the analysis gives the reporters, codes and periods, so that the
// maps of a file's hundreds of thousands of flows hold nothing for the
// collector to follow.
type groupKey struct {
	reporter, code, period uint32
	kind                   FlowKind
}

// flowKey identifies a flow to aggregate: its group and its partner.
type flowKey struct {
	group   groupKey
	partner uint32
}

// sums is the running total of a DPRK flow's rows, or of a partner's in a
// peer group.
type sums struct {
	value, weight, qty float64
	unit               uint32 // an index in analysis.units; 0 is no unit
	mixed              bool
}

// add adds f's amounts; unit is the number of f's quantity unit.
func (s *sums) add(f *Flow, unit uint32) {
	s.value += f.ValueUSD
	s.weight += f.NetWeightKg
	switch {
	case unit == 0:
	case s.unit == 0:
		s.unit, s.qty = unit, f.Quantity
	case s.unit == unit:
		s.qty += f.Quantity
	default:
		s.mixed = true
	}
}

// row is one summed row of a DPRK flow, kept to recognise duplicates.
type row struct {
	line               int
	value, weight, qty float64
	unit               uint32
}

// peerGroup holds the peers of the DPRK flows of one group: the reporter's
// rows of the same kind, code and period, summed per partner.
type peerGroup struct {
	peers []peer
	// index finds a partner's peer once a group has more than
	// maxPeersScanned: a hostile file could otherwise name a million
	// partners in one group and make the reading quadratic.
	index map[uint32]int
	// flows counts the group's DPRK flows whose peers' statistics are
	// still to be taken; the group is let go after the last.
	flows int
}

// maxPeersScanned is how many peers a group looks through one by one
// before it indexes them; real groups have up to a few hundred partners.
const maxPeersScanned = 32

// peer returns the peer of partner id, adding it if it is new.
func (g *peerGroup) peer(id uint32) *peer {
	i, ok := -1, false
	if g.index != nil {
		i, ok = g.index[id]
	} else if i = slices.IndexFunc(g.peers, func(p peer) bool { return p.partner == id }); i >= 0 {
		ok = true
	}
	if ok {
		return &g.peers[i]
	}
	g.peers = append(g.peers, peer{partner: id})
	switch {
	case g.index != nil:
		g.index[id] = len(g.peers) - 1
	case len(g.peers) > maxPeersScanned:
		g.index = make(map[uint32]int, len(g.peers))
		for i, p := range g.peers {
			g.index[p.partner] = i
		}
	}
	return &g.peers[len(g.peers)-1]
}

// peer is one partner's rows in a peer group, summed, its partner a
// number: a file may have a million peers, and a slice of them, holding
// no pointers, costs less than a map.
type peer struct {
	sums
	partner uint32 // an index in analysis.areas
}

// dprkFlow accumulates a flow to or from the DPRK. It keeps what the
// result needs of the flow's first row, its countries and texts as
// numbers in the analysis's tables: a file may hold hundreds of thousands
// of DPRK flows, and the slice of them holds no pointers.
type dprkFlow struct {
	key    flowKey
	period Period
	// reporter and partner are indexes in analysis.countries, texts in
	// analysis.texts: the first row's.
	reporter, partner, texts uint32
	// added counts the rows summed. first is the first of them; the
	// analysis's more holds the next, up to maxRowsCompared in all.
	added int32
	first row
	sum   sums
	// stats are the peers' statistics for the flow's value per unit of
	// quantity and per kilogram, set once the peers are summed.
	stats [2]peerStats
}

// codeTexts are the texts of a flow's first row besides its countries.
type codeTexts struct {
	code                         hs.Code
	text, classification, source string
}

// key is the code as codeKey gives it.
func (t *codeTexts) key() string {
	if t.code.IsZero() {
		return t.text
	}
	return t.code.Digits()
}

func codeKey(f *Flow) string {
	if f.Code.IsZero() {
		return f.CodeText
	}
	return f.Code.Digits()
}

// numbering numbers strings: reporters' and partners' codes, commodity
// codes, quantity units.
type numbering struct {
	ids   map[string]uint32
	names []string
}

func newNumbering(first ...string) numbering {
	n := numbering{ids: map[string]uint32{}}
	for _, s := range first {
		n.id(s)
	}
	return n
}

// id returns the number of s, numbering it if it is new; a string first
// seen is copied, so that no kept string holds a row's line in memory.
func (n *numbering) id(s string) uint32 {
	if id, ok := n.ids[s]; ok {
		return id
	}
	id := uint32(len(n.names))
	s = strings.Clone(s)
	n.names = append(n.names, s)
	n.ids[s] = id
	return id
}

// chunked is a slice that grows a chunk at a time, so that growing it
// never copies what it holds: an analysis may keep hundreds of thousands
// of flows and groups.
type chunked[T any] struct {
	chunks [][]T
	n      int
}

// chunkLen is the length of a chunk.
const chunkLen = 4096

// add appends v and returns its index.
func (c *chunked[T]) add(v T) int32 {
	if c.n%chunkLen == 0 {
		c.chunks = append(c.chunks, make([]T, 0, chunkLen))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, v)
	c.n++
	return int32(c.n - 1)
}

// at returns the element at index i.
func (c *chunked[T]) at(i int32) *T { return &c.chunks[i/chunkLen][i%chunkLen] }

func (c *chunked[T]) len() int { return c.n }

// analysis is the state of one analysis. It grows with the flows to and
// from the DPRK and their peer groups, never with the rows read.
type analysis struct {
	flows map[flowKey]int32 // indexes in list
	list  chunked[dprkFlow]
	// more holds the rows of a flow after its first, by index in list.
	more map[int32][]row
	// groups finds the peer groups in groupList.
	groups    map[groupKey]int32
	groupList chunked[peerGroup]
	matches   *assessCache
	// areas numbers the reporters' and partners' codes, codes the
	// commodity codes as codeKey gives them, units the quantity units
	// (0 is none), periods the periods.
	areas, codes, units numbering
	periods             map[Period]uint32
	// countries holds the countries of the flows kept, each once, and
	// texts their codes' texts; last holds, for the reporter and the
	// partner side, the last country ownCountry returned.
	countries  []Country
	countryIDs map[Country]uint32
	texts      []codeTexts
	textIDs    map[codeTexts]uint32
	last       [2]struct {
		owned Country
		id    uint32
		ok    bool
	}
}

// period returns the number of p, numbering it if it is new.
func (st *analysis) period(p Period) uint32 {
	id, ok := st.periods[p]
	if !ok {
		id = uint32(len(st.periods))
		st.periods[p] = id
	}
	return id
}

// group returns the key of f's group, numbering what is new.
func (st *analysis) group(f *Flow) groupKey {
	return groupKey{st.areas.id(f.Reporter.Code), st.codes.id(codeKey(f)), st.period(f.Period), f.Kind}
}

// findGroup returns the key of f's group without numbering anything: a
// row whose reporter, code or period no DPRK flow has is in no group.
func (st *analysis) findGroup(f *Flow) (groupKey, bool) {
	r, ok := st.areas.ids[f.Reporter.Code]
	if !ok {
		return groupKey{}, false
	}
	c, ok := st.codes.ids[codeKey(f)]
	if !ok {
		return groupKey{}, false
	}
	p, ok := st.periods[f.Period]
	return groupKey{r, c, p, f.Kind}, ok
}

// Analyze reads the file twice: the first pass validates every row and
// sums the flows to and from the DPRK; the second sums, for those flows'
// groups only, the reporter's flows of the same goods to other partners,
// parsing in full only the rows of those groups. Memory grows with the
// number of DPRK flows and their peers, not with the size of the file.
// src must be positioned at the start of the file; name identifies it in
// errors.
func (an *Analyzer) Analyze(ctx context.Context, name string, src io.ReadSeeker) (*Report, error) {
	rep := &Report{File: name, Thresholds: an.opts.Thresholds}
	st := &analysis{
		flows:      map[flowKey]int32{},
		more:       map[int32][]row{},
		groups:     map[groupKey]int32{},
		matches:    newAssessCache(),
		areas:      newNumbering(),
		codes:      newNumbering(),
		units:      newNumbering(""),
		periods:    map[Period]uint32{},
		countryIDs: map[Country]uint32{},
		textIDs:    map[codeTexts]uint32{},
	}
	if err := an.first(ctx, name, src, rep, st); err != nil {
		return nil, err
	}
	if len(st.groups) > 0 {
		if _, err := src.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("trade: rewinding %s for the second pass: %w", name, err)
		}
		if err := an.second(ctx, name, src, rep.Rows, st); err != nil {
			return nil, err
		}
	}
	st.flows = nil // the map itself, not only its entries, can go
	order := make([]int32, st.list.len())
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return st.compareFlows(st.list.at(a), st.list.at(b)) })
	// Each flow keeps its peers' statistics, and each peer group is let go
	// after its last flow, so that the peers and the results do not both
	// fill memory.
	var byQty, byKg []float64
	for _, i := range order {
		d := st.list.at(i)
		gi := st.groups[d.key.group]
		g := st.groupList.at(gi)
		byQty, byKg = an.peerStats(d, g.peers, byQty[:0], byKg[:0])
		if g.flows--; g.flows == 0 {
			*g = peerGroup{}
		}
	}
	st.groups, st.groupList = nil, chunked[peerGroup]{}
	if an.opts.Stream {
		rep.streamed = &streamed{an: an, st: st, order: order}
		return rep, nil
	}
	rep.Flows = make([]FlowResult, 0, len(order))
	for _, i := range order {
		rep.Flows = append(rep.Flows, an.result(rep.File, st, i, st.matches))
	}
	return rep, nil
}

// result makes the result of flow i of st, its peers' statistics set, in
// file.
func (an *Analyzer) result(file string, st *analysis, i int32, cache *assessCache) FlowResult {
	d := st.list.at(i)
	t := &st.texts[d.texts]
	res := FlowResult{
		Flow: Flow{
			File: file, Line: d.first.line, Reporter: st.countries[d.reporter], Partner: st.countries[d.partner],
			Period: d.period, Kind: d.key.group.kind,
			Code: t.code, CodeText: t.text, Classification: t.classification, Source: t.source,
		},
		Rows: int(d.added),
	}
	// A flow has at least its first row.
	more := st.more[i]
	res.Lines = make([]int, min(1+len(more), maxLinesKept))
	res.Lines[0] = d.first.line
	for j := 1; j < len(res.Lines); j++ {
		res.Lines[j] = more[j-1].line
	}
	res.ValueUSD, res.NetWeightKg = d.sum.value, d.sum.weight
	res.QuantityUnit, res.Quantity, res.MixedUnits = st.units.names[d.sum.unit], d.sum.qty, d.sum.mixed
	if res.MixedUnits {
		res.QuantityUnit, res.Quantity = "", 0
	}
	// Every flow kept is to or from the DPRK.
	res.Assessment = an.assessor.assessDPRK(res.Flow, cache)
	res.PerQuantity, res.PerKg = an.unitValues(&res, d.stats)
	return res
}

// compareFlows orders flows as a report lists them: by code, kind,
// period, reporter and partner.
func (st *analysis) compareFlows(a, b *dprkFlow) int {
	ra, rb := &st.countries[a.reporter], &st.countries[b.reporter]
	pa, pb := &st.countries[a.partner], &st.countries[b.partner]
	return cmp.Or(
		cmp.Compare(st.texts[a.texts].key(), st.texts[b.texts].key()),
		cmp.Compare(a.key.group.kind, b.key.group.kind),
		a.period.Compare(b.period),
		cmp.Compare(ra.Label(), rb.Label()),
		cmp.Compare(pa.Label(), pb.Label()),
		cmp.Compare(ra.Code, rb.Code),
		cmp.Compare(pa.Code, pb.Code),
	)
}

// progressEvery is how many rows a pass reads between two checks of its
// context and two calls of [Options.Progress].
const progressEvery = 4096

// first reads the whole file, counting rows, breakdowns and errors into
// rep, and sums the flows to and from the DPRK.
func (an *Analyzer) first(ctx context.Context, name string, src io.Reader, rep *Report, st *analysis) error {
	r, err := NewReader(src, name)
	if err != nil {
		return err
	}
	rep.Layout = r.Layout()
	defer r.readAhead()()
	var f Flow
	for {
		if rep.Rows%progressEvery == 0 {
			if err := an.tick(ctx, 1, rep.Rows); err != nil {
				return err
			}
		}
		rec, err := r.record(&f)
		if err == nil {
			err = r.parse(rec, &f)
		}
		if errors.Is(err, io.EOF) {
			return an.tick(ctx, 1, rep.Rows)
		}
		rep.Rows++
		if err != nil {
			var re *RowError
			if !an.opts.Lenient || !errors.As(err, &re) {
				return err
			}
			rep.ErrorCount++
			if len(rep.Errors) < MaxReportedErrors {
				rep.Errors = append(rep.Errors, re)
			}
			continue
		}
		if f.Breakdown {
			rep.Breakdown++
			continue
		}
		if f.DPRKSide() {
			rep.DPRKRows++
			st.addDPRK(rep, &f)
		}
	}
}

// addDPRK adds a row to its DPRK flow, or reports it as a duplicate.
func (st *analysis) addDPRK(rep *Report, f *Flow) {
	gk := st.group(f)
	k := flowKey{gk, st.areas.id(f.Partner.Code)}
	i, ok := st.flows[k]
	if !ok {
		i = st.list.add(st.newFlow(f, k))
		st.flows[k] = i
		gi, ok := st.groups[gk]
		if !ok {
			gi = st.groupList.add(peerGroup{})
			st.groups[gk] = gi
		}
		st.groupList.at(gi).flows++
	}
	d := st.list.at(i)
	unit := st.units.id(f.QuantityUnit)
	r := row{line: f.Line, value: f.ValueUSD, weight: f.NetWeightKg, qty: f.Quantity, unit: unit}
	same := func(prev row) bool {
		return prev.value == r.value && prev.weight == r.weight && prev.qty == r.qty && prev.unit == r.unit
	}
	switch {
	case d.added == 0:
		d.first = r
	case same(d.first):
		rep.Duplicates = append(rep.Duplicates, Duplicate{Line: f.Line, SameAs: d.first.line})
		return
	default:
		more := st.more[i]
		for _, prev := range more {
			if same(prev) {
				rep.Duplicates = append(rep.Duplicates, Duplicate{Line: f.Line, SameAs: prev.line})
				return
			}
		}
		if 1+len(more) < maxRowsCompared {
			st.more[i] = append(more, r)
		}
	}
	d.sum.add(f, unit)
	d.added++
}

// second reads the file again and sums, per partner, the rows of the peer
// groups of the DPRK flows. Only what places a row in a group is parsed
// until the row is found to be in one. rows is the number of rows the
// first pass read; a different number means the file changed in between.
func (an *Analyzer) second(ctx context.Context, name string, src io.Reader, rows int, st *analysis) error {
	r, err := NewReader(src, name)
	if err != nil {
		return err
	}
	defer r.readAhead()()
	var f Flow
	for n := 0; ; n++ {
		if n%progressEvery == 0 {
			if err := an.tick(ctx, 2, n); err != nil {
				return err
			}
		}
		rec, err := r.record(&f)
		if errors.Is(err, io.EOF) {
			if n != rows {
				return fmt.Errorf("trade: %s changed while it was read: %d rows on the second reading, %d on the first", name, n, rows)
			}
			return an.tick(ctx, 2, n)
		}
		if err != nil {
			// Declared here, re escapes to the heap only for rows in error.
			var re *RowError
			if errors.As(err, &re) {
				continue // counted by the first pass
			}
			return err
		}
		if !r.parseGroup(rec, &f) || f.Breakdown || f.Partner.Total {
			continue
		}
		gk, ok := st.findGroup(&f)
		if !ok {
			continue
		}
		gi, ok := st.groups[gk]
		if !ok || r.parse(rec, &f) != nil {
			continue
		}
		st.groupList.at(gi).peer(st.areas.id(f.Partner.Code)).add(&f, st.units.id(f.QuantityUnit))
	}
}

// tick checks the context and reports progress.
func (an *Analyzer) tick(ctx context.Context, pass, rows int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if an.opts.Progress != nil {
		an.opts.Progress(pass, rows)
	}
	return nil
}

// peerStats sets the statistics of d's peers, the other partners in its
// group, and returns byQty and byKg, buffers for the peers' unit values,
// for the next flow.
func (an *Analyzer) peerStats(d *dprkFlow, group []peer, byQty, byKg []float64) ([]float64, []float64) {
	unit := d.sum.unit
	if d.sum.mixed {
		unit = 0
	}
	for _, s := range group {
		if s.partner == d.key.partner {
			continue
		}
		if !s.mixed && s.unit == unit && s.unit != 0 && s.qty > 0 {
			byQty = append(byQty, s.value/s.qty)
		}
		if s.weight > 0 {
			byKg = append(byKg, s.value/s.weight)
		}
	}
	d.stats = [2]peerStats{statsOf(byQty, an.opts.Thresholds), statsOf(byKg, an.opts.Thresholds)}
	return byQty, byKg
}

// unitValues computes a flow's unit values and compares them with its
// peers', whose statistics are stats: per unit of quantity, then per
// kilogram.
func (an *Analyzer) unitValues(res *FlowResult, stats [2]peerStats) (perQty, perKg UnitValue) {
	perQty = UnitValue{Unit: res.QuantityUnit}
	perKg = UnitValue{Unit: "kg"}
	if res.Quantity > 0 && res.QuantityUnit != "" {
		perQty.Known, perQty.Value = true, res.ValueUSD/res.Quantity
	}
	if res.NetWeightKg > 0 {
		perKg.Known, perKg.Value = true, res.ValueUSD/res.NetWeightKg
	}
	perQty.judge(stats[0], an.opts.Thresholds)
	perKg.judge(stats[1], an.opts.Thresholds)
	switch {
	case res.MixedUnits:
		perQty.Note = "rows give different quantity units"
	case !perQty.Known && res.QuantityUnit == "":
		perQty.Note = "no quantity reported"
	case !perQty.Known:
		perQty.Note = "quantity is zero"
	}
	if !perKg.Known {
		perKg.Note = "no net weight reported"
	}
	return perQty, perKg
}

// newFlow returns a flow of key k whose first row is f, with nothing
// added yet.
func (st *analysis) newFlow(f *Flow, k flowKey) dprkFlow {
	return dprkFlow{
		key: k, period: f.Period,
		reporter: st.ownCountry(reporterSide, f.Reporter), partner: st.ownCountry(partnerSide, f.Partner),
		texts: st.ownTexts(f),
	}
}

// ownTexts returns the number of f's code texts, copying them when they
// are new.
func (st *analysis) ownTexts(f *Flow) uint32 {
	t := codeTexts{code: f.Code, text: f.CodeText, classification: f.Classification, source: f.Source}
	if id, ok := st.textIDs[t]; ok {
		return id
	}
	owned := codeTexts{text: strings.Clone(t.text), classification: strings.Clone(t.classification), source: strings.Clone(t.source)}
	if !f.Code.IsZero() {
		// The digits were parsed once already; parsing them again cannot
		// fail, and a bare-digit string is used as it is.
		owned.code, _ = hs.Parse(strings.Clone(f.Code.Digits()))
	}
	id := uint32(len(st.texts))
	st.texts = append(st.texts, owned)
	st.textIDs[owned] = id
	return id
}

// ownCountry returns the number of c's copy, its strings copied. The DPRK
// is one side of every flow kept and a bulk file lists a reporter's rows
// together, so the last country of a side is often the next.
func (st *analysis) ownCountry(side int, c Country) uint32 {
	last := &st.last[side]
	if last.ok && c == last.owned {
		return last.id
	}
	id, ok := st.countryIDs[c]
	if !ok {
		owned := Country{Code: strings.Clone(c.Code), ISO3: strings.Clone(c.ISO3), Name: strings.Clone(c.Name), Total: c.Total}
		id = uint32(len(st.countries))
		st.countries = append(st.countries, owned)
		st.countryIDs[owned] = id
	}
	last.owned, last.id, last.ok = st.countries[id], id, true
	return id
}
