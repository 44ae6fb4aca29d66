package trade

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/trade/internal/synth"
)

// referenceAnalyze is the analysis written the plain way, with every row of
// the file in memory: it is what [Analyzer.Analyze] must equal, however it
// streams.
func referenceAnalyze(tb testing.TB, an *Analyzer, name string, in io.Reader) *Report {
	tb.Helper()
	rep := &Report{File: name, Thresholds: an.opts.Thresholds}
	r, err := NewReader(in, name)
	if err != nil {
		tb.Fatal(err)
	}
	rep.Layout = r.Layout()
	var rows []Flow
	for {
		f, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		rep.Rows++
		var re *RowError
		switch {
		case errors.As(err, &re) && an.opts.Lenient:
			rep.ErrorCount++
			if len(rep.Errors) < MaxReportedErrors {
				rep.Errors = append(rep.Errors, re)
			}
		case err != nil:
			tb.Fatal(err)
		case f.Breakdown:
			rep.Breakdown++
		default:
			rows = append(rows, f)
		}
	}

	// Each DPRK flow in the order of its first row, with the rows added to
	// it; a row equal to one of the first 64 added is a duplicate.
	type flow struct {
		first Flow
		added []Flow
	}
	var flows []*flow
	find := func(f Flow) *flow {
		for _, fl := range flows {
			g := fl.first
			if g.Reporter.Code == f.Reporter.Code && g.Partner.Code == f.Partner.Code && g.Kind == f.Kind && codeKey(&g) == codeKey(&f) && g.Period == f.Period {
				return fl
			}
		}
		fl := &flow{first: f}
		flows = append(flows, fl)
		return fl
	}
	for _, f := range rows {
		if !f.DPRKSide() {
			continue
		}
		rep.DPRKRows++
		fl := find(f)
		dup := slices.IndexFunc(fl.added[:min(len(fl.added), 64)], func(g Flow) bool {
			return g.ValueUSD == f.ValueUSD && g.NetWeightKg == f.NetWeightKg && g.Quantity == f.Quantity && g.QuantityUnit == f.QuantityUnit
		})
		if dup >= 0 {
			rep.Duplicates = append(rep.Duplicates, Duplicate{Line: f.Line, SameAs: fl.added[dup].Line})
			continue
		}
		fl.added = append(fl.added, f)
	}

	// total sums rows as a flow does: a quantity only in one unit.
	total := func(rs []Flow) (res FlowResult) {
		res.Flow = rs[0]
		res.ValueUSD, res.NetWeightKg, res.Quantity, res.QuantityUnit = 0, 0, 0, ""
		for _, f := range rs {
			res.ValueUSD += f.ValueUSD
			res.NetWeightKg += f.NetWeightKg
			switch {
			case f.QuantityUnit == "":
			case res.QuantityUnit == "" && !res.MixedUnits:
				res.QuantityUnit, res.Quantity = f.QuantityUnit, f.Quantity
			case res.QuantityUnit == f.QuantityUnit:
				res.Quantity += f.Quantity
			default:
				res.MixedUnits, res.QuantityUnit, res.Quantity = true, "", 0
			}
		}
		return res
	}
	for _, fl := range flows {
		res := total(fl.added)
		res.Rows = len(fl.added)
		for _, f := range fl.added[:min(len(fl.added), maxLinesKept)] {
			res.Lines = append(res.Lines, f.Line)
		}
		a, err := an.assessor.Assess(res.Flow)
		if err != nil {
			tb.Fatal(err)
		}
		res.Assessment = a
		// The peers: every other partner, not a total, of the same
		// reporter, kind, code and period, each partner's rows summed.
		byPartner := map[string][]Flow{}
		for _, f := range rows {
			if f.Reporter.Code == res.Reporter.Code && f.Kind == res.Kind && codeKey(&f) == codeKey(&res.Flow) && f.Period == res.Period &&
				!f.Partner.Total && f.Partner.Code != res.Partner.Code {
				byPartner[f.Partner.Code] = append(byPartner[f.Partner.Code], f)
			}
		}
		var byQty, byKg []float64
		for _, rs := range byPartner {
			p := total(rs)
			if p.QuantityUnit != "" && p.QuantityUnit == res.QuantityUnit && p.Quantity > 0 {
				byQty = append(byQty, p.ValueUSD/p.Quantity)
			}
			if p.NetWeightKg > 0 {
				byKg = append(byKg, p.ValueUSD/p.NetWeightKg)
			}
		}
		res.PerQuantity = UnitValue{Unit: res.QuantityUnit}
		res.PerKg = UnitValue{Unit: "kg"}
		if res.Quantity > 0 && res.QuantityUnit != "" {
			res.PerQuantity.Known, res.PerQuantity.Value = true, res.ValueUSD/res.Quantity
		}
		if res.NetWeightKg > 0 {
			res.PerKg.Known, res.PerKg.Value = true, res.ValueUSD/res.NetWeightKg
		}
		res.PerQuantity.compare(byQty, an.opts.Thresholds)
		res.PerKg.compare(byKg, an.opts.Thresholds)
		switch {
		case res.MixedUnits:
			res.PerQuantity.Note = "rows give different quantity units"
		case !res.PerQuantity.Known && res.QuantityUnit == "":
			res.PerQuantity.Note = "no quantity reported"
		case !res.PerQuantity.Known:
			res.PerQuantity.Note = "quantity is zero"
		}
		if !res.PerKg.Known {
			res.PerKg.Note = "no net weight reported"
		}
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
	return rep
}

// TestAnalyzeMatchesReference compares the streamed analysis with the
// plain one on the package's test files and on generated files, in which
// most flows have peers and some have several rows.
func TestAnalyzeMatchesReference(t *testing.T) {
	generated := func(rows, dprkEvery int) func(t *testing.T) string {
		return func(t *testing.T) string {
			var b strings.Builder
			// A few hundred codes from all chapters, so that flows repeat.
			all := benchCodes(t)
			var codes []string
			for i := 0; i < len(all); i += len(all)/300 + 1 {
				codes = append(codes, all[i])
			}
			if err := synth.Write(&b, synth.Options{Rows: rows, Codes: codes, DPRKEvery: dprkEvery}); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
	}
	file := func(name string) func(t *testing.T) string {
		return func(t *testing.T) string {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	text := func(s string) func(*testing.T) string { return func(*testing.T) string { return s } }
	// manyPeers has a DPRK flow whose group has more partners than a
	// group looks through one by one, some with two rows.
	manyPeers := func(*testing.T) string {
		var b strings.Builder
		b.WriteString("reporter,partner,period,flow,code,value_usd,net_weight_kg\nCN,KP,2019,export,870323,90000,10\n")
		for i := range 3 * maxPeersScanned {
			fmt.Fprintf(&b, "CN,P%03d,2019,export,870323,%d,%d\n", i%(2*maxPeersScanned), 1000+i, 1+i%7)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name string
		text func(*testing.T) string
		opts Options
	}{
		{"synthetic", text(synthetic()), Options{}},
		{"figure4", file("testdata/paper/figure4.csv"), Options{}},
		{"sums and breakdowns", text(sumsAndBreakdowns()), Options{}},
		{"lenient", text(lenientText), Options{Lenient: true}},
		{"many peers", manyPeers, Options{}},
		{"generated", generated(12_000, 0), Options{}},
		{"generated, DPRK in every block", generated(6_000, 1), Options{Thresholds: Thresholds{MinPeers: 3, Z: 2, MinRatio: 1.5}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.text(t)
			an := NewAnalyzer(testAssessor(t), tc.opts)
			want := referenceAnalyze(t, an, "test.csv", strings.NewReader(s))
			got, err := an.Analyze(context.Background(), "test.csv", strings.NewReader(s))
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Flows) == 0 {
				t.Fatal("the reference found no flows")
			}
			opts := []gocmp.Option{cmpopts.EquateEmpty(), cmpopts.EquateComparable(hs.Code{}), cmpopts.IgnoreUnexported(Report{}),
				gocmp.Comparer(func(a, b *RowError) bool { return a.Error() == b.Error() })}
			if diff := gocmp.Diff(want, got, opts...); diff != "" {
				t.Errorf("analysis (-reference +streamed):\n%s", diff)
			}
			// A report that streams its flows visits the same results.
			so := tc.opts
			so.Stream = true
			lazy, err := NewAnalyzer(testAssessor(t), so).Analyze(context.Background(), "test.csv", strings.NewReader(s))
			if err != nil {
				t.Fatal(err)
			}
			if len(lazy.Flows) != 0 {
				t.Fatalf("a streamed report holds %d flows", len(lazy.Flows))
			}
			for f := range lazy.All() {
				lazy.Flows = append(lazy.Flows, *f)
			}
			if diff := gocmp.Diff(want, lazy, opts...); diff != "" {
				t.Errorf("streamed flows (-reference +streamed):\n%s", diff)
			}
		})
	}
}
