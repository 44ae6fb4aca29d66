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
	flows []*dprkFlow
}

// FlowCount returns the number of flows to and from the DPRK: the length
// of Flows, or of the flows [Report.All] visits in a streamed report.
func (r *Report) FlowCount() int {
	if r.streamed != nil && len(r.Flows) == 0 {
		return len(r.streamed.flows)
	}
	return len(r.Flows)
}

// All visits the flows to and from the DPRK in order: those of Flows, or
// for a streamed report whose Flows are empty each flow's result, made
// anew. The result visited
// is valid until the next; a caller keeping it copies it. Several visits
// may run at once.
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
		// Each visit has its own cache, so that visits share nothing
		// they write.
		cache := matchCache{}
		var res FlowResult
		for _, d := range r.streamed.flows {
			res = r.streamed.an.result(r.File, d, cache)
			if !yield(&res) {
				return
			}
		}
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

// flowKey identifies a flow to aggregate: reporter, partner, kind, code
// and period.
type flowKey struct {
	reporter, partner string
	kind              FlowKind
	code              string
	period            Period
}

// groupKey identifies the flows a flow's unit value is compared with: the
// same reporter, kind, code and period, to any partner.
type groupKey struct {
	reporter string
	kind     FlowKind
	code     string
	period   Period
}

// sums is the running total of a partner's rows in a peer group.
type sums struct {
	value, weight, qty float64
	unit               string
	mixed              bool
}

// add adds f's amounts. A unit is kept only when it was interned, since
// f's strings may point into the reader's row.
func (s *sums) add(f *Flow, intern func(string) string) {
	s.value += f.ValueUSD
	s.weight += f.NetWeightKg
	switch {
	case f.QuantityUnit == "":
	case s.unit == "":
		s.unit, s.qty = intern(f.QuantityUnit), f.Quantity
	case s.unit == f.QuantityUnit:
		s.qty += f.Quantity
	default:
		s.mixed = true
	}
}

// row is one summed row of a DPRK flow, kept to recognise duplicates.
type row struct {
	line               int
	value, weight, qty float64
	unit               string
}

// peerGroup holds the peers of the DPRK flows of one group: the reporter's
// rows of the same kind, code and period, summed per partner.
type peerGroup struct {
	peers []peer
	// index finds a partner's peer once a group has more than
	// maxPeersScanned: a hostile file could otherwise name a million
	// partners in one group and make the reading quadratic.
	index map[uint32]int
	// flows counts the group's DPRK flows whose results are still to be
	// made; the group is let go after the last.
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
// number: a file may have a million peers, and a slice of them costs less
// than a map.
type peer struct {
	sums
	partner uint32 // an index in analysis.partners
}

// dprkFlow accumulates a flow to or from the DPRK during the first pass.
// It keeps what the result needs of the flow's first row, its strings
// interned and its countries shared: a file may hold hundreds of thousands
// of DPRK flows.
type dprkFlow struct {
	reporter, partner                *Country
	code                             hs.Code
	codeText, classification, source string
	period                           Period
	line                             int
	kind                             FlowKind
	sum                              sums
	// added counts the rows summed; rows holds the first maxRowsCompared
	// of them, whose first lines are the result's Lines.
	added int
	rows  []row
	// stats are the peers' statistics for the flow's value per unit of
	// quantity and per kilogram, set once the peers are summed.
	stats [2]peerStats
}

// flow returns the flow of file as its first row gave it, without its
// amounts and quantity unit.
func (d *dprkFlow) flow(file string) Flow {
	return Flow{
		File: file, Line: d.line, Reporter: *d.reporter, Partner: *d.partner, Period: d.period, Kind: d.kind,
		Code: d.code, CodeText: d.codeText, Classification: d.classification, Source: d.source,
	}
}

func codeKey(f *Flow) string {
	if f.Code.IsZero() {
		return f.CodeText
	}
	return f.Code.Digits()
}

// analysis is the state of one analysis. It grows with the flows to and
// from the DPRK and their peer groups, never with the rows read.
type analysis struct {
	flows  map[flowKey]*dprkFlow
	groups map[groupKey]*peerGroup
	// texts interns the strings kept: the few hundred countries, codes
	// and units that a large file repeats on every row.
	texts   map[string]string
	matches matchCache
	// countries holds the countries of the flows kept, each once; last
	// holds, for the reporter and the partner side, the last country
	// given to ownCountry and what it returned.
	countries map[Country]*Country
	// partners numbers the partners of the peers, partnerIDs by code.
	partners   []string
	partnerIDs map[string]uint32
	last       [2]struct {
		given Country
		owned *Country
	}
}

// intern returns s, or an equal string already kept; a string first seen
// is copied, so that no kept string holds a row's line in memory.
func (st *analysis) intern(s string) string {
	if t, ok := st.texts[s]; ok {
		return t
	}
	t := strings.Clone(s)
	st.texts[t] = t
	return t
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
		flows:      map[flowKey]*dprkFlow{},
		groups:     map[groupKey]*peerGroup{},
		texts:      map[string]string{},
		matches:    matchCache{},
		countries:  map[Country]*Country{},
		partnerIDs: map[string]uint32{},
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
	// The flows are put in order before their results are made: sorting
	// pointers moves less than sorting the large results.
	order := make([]*dprkFlow, 0, len(st.flows))
	for _, d := range st.flows {
		order = append(order, d)
	}
	st.flows = nil // the map itself, not only its entries, can go
	slices.SortFunc(order, compareFlows)
	// Each flow keeps its peers' statistics, and each peer group is let go
	// after its last flow, so that the peers and the results do not both
	// fill memory.
	var byQty, byKg []float64
	for _, d := range order {
		gk := groupKey{d.reporter.Code, d.kind, d.key(), d.period}
		g := st.groups[gk]
		byQty, byKg = an.peerStats(d, g.peers, st.partners, byQty[:0], byKg[:0])
		if g.flows--; g.flows == 0 {
			delete(st.groups, gk)
		}
	}
	if an.opts.Stream {
		rep.streamed = &streamed{an: an, flows: order}
		return rep, nil
	}
	rep.Flows = make([]FlowResult, 0, len(order))
	for i, d := range order {
		// Each flow is let go once its result is made, so that the two
		// do not both fill memory.
		order[i] = nil
		rep.Flows = append(rep.Flows, an.result(rep.File, d, st.matches))
	}
	return rep, nil
}

// result makes the result of a flow of file, its peers' statistics set.
func (an *Analyzer) result(file string, d *dprkFlow, cache matchCache) FlowResult {
	res := FlowResult{Flow: d.flow(file), Rows: d.added, Lines: make([]int, min(len(d.rows), maxLinesKept))}
	for i := range res.Lines {
		res.Lines[i] = d.rows[i].line
	}
	res.ValueUSD, res.NetWeightKg = d.sum.value, d.sum.weight
	res.QuantityUnit, res.Quantity, res.MixedUnits = d.sum.unit, d.sum.qty, d.sum.mixed
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
func compareFlows(a, b *dprkFlow) int {
	return cmp.Or(
		cmp.Compare(a.key(), b.key()),
		cmp.Compare(a.kind, b.kind),
		a.period.Compare(b.period),
		cmp.Compare(a.reporter.Label(), b.reporter.Label()),
		cmp.Compare(a.partner.Label(), b.partner.Label()),
		cmp.Compare(a.reporter.Code, b.reporter.Code),
		cmp.Compare(a.partner.Code, b.partner.Code),
	)
}

// key is the flow's code as codeKey gives it.
func (d *dprkFlow) key() string {
	if d.code.IsZero() {
		return d.codeText
	}
	return d.code.Digits()
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
	k := flowKey{f.Reporter.Code, f.Partner.Code, f.Kind, codeKey(f), f.Period}
	d := st.flows[k]
	if d == nil {
		d = st.newFlow(f)
		k = flowKey{d.reporter.Code, d.partner.Code, k.kind, d.key(), k.period}
		st.flows[k] = d
		gk := groupKey{k.reporter, k.kind, k.code, k.period}
		g := st.groups[gk]
		if g == nil {
			g = &peerGroup{}
			st.groups[gk] = g
		}
		g.flows++
	}
	r := row{line: f.Line, value: f.ValueUSD, weight: f.NetWeightKg, qty: f.Quantity, unit: f.QuantityUnit}
	for _, prev := range d.rows {
		if prev.value == r.value && prev.weight == r.weight && prev.qty == r.qty && prev.unit == r.unit {
			rep.Duplicates = append(rep.Duplicates, Duplicate{Line: f.Line, SameAs: prev.line})
			return
		}
	}
	if len(d.rows) < maxRowsCompared {
		r.unit = st.intern(r.unit)
		d.rows = append(d.rows, r)
	}
	d.sum.add(f, st.intern)
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
		gk := groupKey{f.Reporter.Code, f.Kind, codeKey(&f), f.Period}
		g := st.groups[gk]
		if g == nil || r.parse(rec, &f) != nil {
			continue
		}
		g.peer(st.partner(f.Partner.Code)).add(&f, st.intern)
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
func (an *Analyzer) peerStats(d *dprkFlow, group []peer, partners []string, byQty, byKg []float64) ([]float64, []float64) {
	unit := d.sum.unit
	if d.sum.mixed {
		unit = ""
	}
	for _, s := range group {
		if partners[s.partner] == d.partner.Code {
			continue
		}
		if !s.mixed && s.unit == unit && s.unit != "" && s.qty > 0 {
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

// partner returns the number of a partner's code.
func (st *analysis) partner(code string) uint32 {
	id, ok := st.partnerIDs[code]
	if !ok {
		id = uint32(len(st.partners))
		code = st.intern(code)
		st.partners = append(st.partners, code)
		st.partnerIDs[code] = id
	}
	return id
}

// newFlow returns a flow whose first row is f, with nothing added yet.
func (st *analysis) newFlow(f *Flow) *dprkFlow {
	d := &dprkFlow{
		reporter: st.ownCountry(reporterSide, f.Reporter), partner: st.ownCountry(partnerSide, f.Partner),
		codeText: st.intern(f.CodeText), classification: st.intern(f.Classification), source: st.intern(f.Source),
		period: f.Period, line: f.Line, kind: f.Kind,
	}
	if !f.Code.IsZero() {
		// The digits were parsed once already; parsing them again cannot
		// fail, and a bare-digit string is used as it is.
		d.code, _ = hs.Parse(st.intern(f.Code.Digits()))
	}
	return d
}

// ownCountry returns the shared copy of c, its strings interned. The DPRK
// is one side of every flow kept and a bulk file lists a reporter's rows
// together, so the last country of a side is often the next.
func (st *analysis) ownCountry(side int, c Country) *Country {
	last := &st.last[side]
	if last.owned != nil && c == last.given {
		return last.owned
	}
	owned := st.countries[c]
	if owned == nil {
		owned = &Country{Code: st.intern(c.Code), ISO3: st.intern(c.ISO3), Name: st.intern(c.Name), Total: c.Total}
		st.countries[*owned] = owned
	}
	last.given, last.owned = c, owned
	return owned
}
