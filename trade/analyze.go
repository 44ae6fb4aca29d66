package trade

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
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
	// reporter and partner.
	Flows []FlowResult
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

func (s *sums) add(f *Flow) {
	s.value += f.ValueUSD
	s.weight += f.NetWeightKg
	switch {
	case f.QuantityUnit == "":
	case s.unit == "":
		s.unit, s.qty = strings.Clone(f.QuantityUnit), f.Quantity
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

// dprkFlow accumulates a flow to or from the DPRK during the first pass.
type dprkFlow struct {
	res  FlowResult
	rows []row
	sum  sums
}

func codeKey(f *Flow) string {
	if f.Code.IsZero() {
		return f.CodeText
	}
	return f.Code.Digits()
}

// Analyze reads the file twice: the first pass validates every row and
// sums the flows to and from the DPRK; the second sums, for those flows'
// groups only, the reporter's flows of the same goods to other partners.
// Memory grows with the number of DPRK flows and their peers, not with the
// size of the file. src must be positioned at the start of the file;
// name identifies it in errors.
func (an *Analyzer) Analyze(ctx context.Context, name string, src io.ReadSeeker) (*Report, error) {
	rep := &Report{File: name, Thresholds: an.opts.Thresholds}
	flows := map[flowKey]*dprkFlow{}
	groups := map[groupKey]map[string]*sums{}
	err := an.pass(ctx, name, src, rep, func(f *Flow) {
		if !f.DPRKSide() {
			return
		}
		rep.DPRKRows++
		k := flowKey{f.Reporter.Code, f.Partner.Code, f.Kind, codeKey(f), f.Period}
		d := flows[k]
		if d == nil {
			k = flowKey{strings.Clone(k.reporter), strings.Clone(k.partner), k.kind, strings.Clone(k.code), k.period}
			d = &dprkFlow{res: FlowResult{Flow: cloneFlow(f)}}
			d.res.ValueUSD, d.res.NetWeightKg, d.res.Quantity = 0, 0, 0
			flows[k] = d
			groups[groupKey{k.reporter, k.kind, k.code, k.period}] = nil
		}
		r := row{line: f.Line, value: f.ValueUSD, weight: f.NetWeightKg, qty: f.Quantity, unit: f.QuantityUnit}
		for _, prev := range d.rows {
			if prev.value == r.value && prev.weight == r.weight && prev.qty == r.qty && prev.unit == r.unit {
				rep.Duplicates = append(rep.Duplicates, Duplicate{Line: f.Line, SameAs: prev.line})
				return
			}
		}
		if len(d.rows) < maxRowsCompared {
			r.unit = strings.Clone(r.unit)
			d.rows = append(d.rows, r)
		}
		d.sum.add(f)
		d.res.Rows++
		if len(d.res.Lines) < maxLinesKept {
			d.res.Lines = append(d.res.Lines, f.Line)
		}
	})
	if err != nil {
		return nil, err
	}
	if len(groups) > 0 {
		if _, err := src.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("trade: rewinding %s for the second pass: %w", name, err)
		}
		second := &Report{}
		err := an.pass(ctx, name, src, second, func(f *Flow) {
			if f.Partner.Total {
				return
			}
			gk := groupKey{f.Reporter.Code, f.Kind, codeKey(f), f.Period}
			g, ok := groups[gk]
			if !ok {
				return
			}
			if g == nil {
				g = map[string]*sums{}
				groups[gk] = g
			}
			s := g[f.Partner.Code]
			if s == nil {
				s = &sums{}
				g[strings.Clone(f.Partner.Code)] = s
			}
			s.add(f)
		})
		if err != nil {
			return nil, err
		}
	}
	for k, d := range flows {
		res := d.res
		res.ValueUSD, res.NetWeightKg = d.sum.value, d.sum.weight
		res.QuantityUnit, res.Quantity, res.MixedUnits = d.sum.unit, d.sum.qty, d.sum.mixed
		if res.MixedUnits {
			res.QuantityUnit, res.Quantity = "", 0
		}
		a, err := an.assessor.Assess(res.Flow)
		if err != nil {
			return nil, err
		}
		res.Assessment = a
		res.PerQuantity, res.PerKg = an.unitValues(&res, groups[groupKey{k.reporter, k.kind, k.code, k.period}])
		rep.Flows = append(rep.Flows, res)
	}
	slices.SortFunc(rep.Flows, func(a, b FlowResult) int {
		return cmp.Or(
			cmp.Compare(codeKey(&a.Flow), codeKey(&b.Flow)),
			cmp.Compare(a.Kind, b.Kind),
			a.Period.Compare(b.Period),
			cmp.Compare(a.Reporter.Label(), b.Reporter.Label()),
			cmp.Compare(a.Partner.Label(), b.Partner.Label()),
			cmp.Compare(a.Reporter.Code, b.Reporter.Code),
			cmp.Compare(a.Partner.Code, b.Partner.Code),
		)
	})
	return rep, nil
}

// pass reads the whole file once, calling fn for each row that is not a
// breakdown of another, and counts rows, breakdowns and errors into rep.
func (an *Analyzer) pass(ctx context.Context, name string, src io.Reader, rep *Report, fn func(*Flow)) error {
	r, err := NewReader(src, name)
	if err != nil {
		return err
	}
	rep.Layout = r.Layout()
	// One Flow for the whole pass: fn takes its address, which would
	// otherwise move a fresh Flow to the heap for every row.
	var f Flow
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var err error
		f, err = r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var re *RowError
			if !an.opts.Lenient || !errors.As(err, &re) {
				return err
			}
			rep.Rows++
			rep.ErrorCount++
			if len(rep.Errors) < MaxReportedErrors {
				rep.Errors = append(rep.Errors, re)
			}
			continue
		}
		rep.Rows++
		if f.Breakdown {
			rep.Breakdown++
			continue
		}
		fn(&f)
	}
}

// unitValues computes a flow's unit values and compares them with its
// peers: the other partners in its group.
func (an *Analyzer) unitValues(res *FlowResult, group map[string]*sums) (perQty, perKg UnitValue) {
	perQty = UnitValue{Unit: res.QuantityUnit}
	perKg = UnitValue{Unit: "kg"}
	if res.Quantity > 0 && res.QuantityUnit != "" {
		perQty.Known, perQty.Value = true, res.ValueUSD/res.Quantity
	}
	if res.NetWeightKg > 0 {
		perKg.Known, perKg.Value = true, res.ValueUSD/res.NetWeightKg
	}
	var byQty, byKg []float64
	for partner, s := range group {
		if partner == res.Partner.Code {
			continue
		}
		if !s.mixed && s.unit == res.QuantityUnit && s.unit != "" && s.qty > 0 {
			byQty = append(byQty, s.value/s.qty)
		}
		if s.weight > 0 {
			byKg = append(byKg, s.value/s.weight)
		}
	}
	perQty.compare(byQty, an.opts.Thresholds)
	perKg.compare(byKg, an.opts.Thresholds)
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

// cloneFlow copies f with its strings, which point into the reader's
// buffers, copied.
func cloneFlow(f *Flow) Flow {
	c := *f
	c.File = strings.Clone(f.File)
	c.Reporter = cloneCountry(f.Reporter)
	c.Partner = cloneCountry(f.Partner)
	c.CodeText = strings.Clone(f.CodeText)
	c.Classification = strings.Clone(f.Classification)
	c.QuantityUnit = strings.Clone(f.QuantityUnit)
	c.Source = strings.Clone(f.Source)
	if !f.Code.IsZero() {
		// The digits were parsed once already; parsing a copy cannot fail.
		c.Code, _ = hs.Parse(strings.Clone(f.Code.Digits()))
	}
	return c
}

func cloneCountry(c Country) Country {
	c.Code, c.ISO3, c.Name = strings.Clone(c.Code), strings.Clone(c.ISO3), strings.Clone(c.Name)
	return c
}
