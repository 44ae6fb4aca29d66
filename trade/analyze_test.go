package trade

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// party is a reporter or partner as the legacy layout writes it.
type party struct{ code, name, iso string }

func legacyParties() map[string]party {
	return map[string]party{
		"RU": {"643", "Russian Federation", "RUS"}, "KP": {"408", "Dem. People's Rep. of Korea", "PRK"},
		"CN": {"156", "China", "CHN"}, "KZ": {"398", "Kazakhstan", "KAZ"}, "BY": {"112", "Belarus", "BLR"},
		"UZ": {"860", "Uzbekistan", "UZB"}, "JP": {"392", "Japan", "JPN"}, "IN": {"699", "India", "IND"},
		"W": {"0", "World", "WLD"}, "EU": {"97", "EU-28", ""},
	}
}

// legacyRow writes one row of the legacy Comtrade layout: flow "Export" or
// "Import", a head count (0 for none) and a net weight.
func legacyRow(year int, flow, reporter, partner, code string, head, kg, value float64) string {
	p := legacyParties()
	r, q := p[reporter], p[partner]
	flowCode := map[string]string{"Export": "2", "Import": "1"}[flow]
	unitCode, unit, qty := "5", "Number of items", fmt.Sprint(head)
	if head == 0 {
		unitCode, unit, qty = "1", "No Quantity", ""
	}
	return fmt.Sprintf("H4,%d,%d,%d,4,0,%s,%s,%s,%s,%s,%s,%s,%s,%s,desc,%s,%s,%s,%g,%g,0",
		year, year, year, flowCode, flow, r.code, r.name, r.iso, q.code, q.name, q.iso, code, unitCode, unit, qty, kg, value)
}

// synthetic is a small made-up Comtrade extract: Russian horse exports
// with peers, in which the 2014 price to the DPRK is four times the other
// buyers'. The numbers are invented to exercise the comparison; they are
// not the paper's.
func synthetic() string {
	rows := []string{
		legacyHeader,
		legacyRow(2014, "Export", "RU", "KP", "0101", 10, 5000, 80000),
		legacyRow(2014, "Export", "RU", "CN", "0101", 100, 50000, 200000),
		legacyRow(2014, "Export", "RU", "KZ", "0101", 50, 25000, 100000),
		legacyRow(2014, "Export", "RU", "BY", "0101", 20, 10000, 50000),
		legacyRow(2014, "Export", "RU", "UZ", "0101", 30, 15000, 54000),
		legacyRow(2014, "Export", "RU", "W", "0101", 210, 105000, 484000), // the total: never a peer
		legacyRow(2014, "Export", "RU", "EU", "0101", 5, 2500, 400000),    // an area total: never a peer
		legacyRow(2015, "Export", "RU", "KP", "0101", 60, 30000, 120000),
		legacyRow(2015, "Export", "RU", "CN", "0101", 100, 50000, 200000),
		legacyRow(2015, "Export", "RU", "KZ", "0101", 50, 25000, 105000),
		legacyRow(2016, "Export", "RU", "KP", "0101", 2, 1000, 5000),
		legacyRow(2016, "Export", "RU", "CN", "0101", 100, 50000, 200000),
		legacyRow(2016, "Import", "RU", "KP", "0101", 1, 500, 900), // another kind: not a peer of the exports
		legacyRow(2016, "Export", "RU", "JP", "9101", 1, 1, 99999), // another code
		// The DPRK reports: its coal exports compared with each other.
		legacyRow(2016, "Export", "KP", "CN", "2701", 0, 1000000, 500000),
		legacyRow(2016, "Export", "KP", "IN", "2701", 0, 1000000, 60000),
		legacyRow(2016, "Export", "KP", "JP", "2701", 0, 1000000, 55000),
		legacyRow(2016, "Export", "KP", "UZ", "2701", 0, 1000000, 50000),
	}
	return strings.Join(rows, "\n") + "\n"
}

func analyzeText(tb testing.TB, text string, opts Options) *Report {
	tb.Helper()
	rep, err := NewAnalyzer(testAssessor(tb), opts).Analyze(context.Background(), "test.csv", strings.NewReader(text))
	if err != nil {
		tb.Fatal(err)
	}
	return rep
}

func TestAnalyzeUnitValues(t *testing.T) {
	rep := analyzeText(t, synthetic(), Options{})
	type result struct {
		Flow             string
		PerHead, PerKg   UnitValue
		Verdict, Counter string
	}
	var got []result
	for _, f := range rep.Flows {
		got = append(got, result{
			Flow:    fmt.Sprintf("%s %s>%s %s %s", f.Period, f.Reporter.Code, f.Partner.Code, f.Kind, f.CodeText),
			PerHead: f.PerQuantity, PerKg: f.PerKg,
			Verdict: string(f.Assessment.Verdict), Counter: f.Assessment.Counterparty.Code,
		})
	}
	z := func(v, med, mad float64) float64 { return (v - med) / (madScale * mad) }
	want := []result{
		{
			Flow:    "2014 RU>KP export 0101",
			PerHead: UnitValue{Unit: "u", Known: true, Value: 8000, Peers: 4, PeerMedian: 2000, PeerMAD: 100, Ratio: 4, Z: z(8000, 2000, 100), Flag: High},
			PerKg:   UnitValue{Unit: "kg", Known: true, Value: 16, Peers: 4, PeerMedian: 4, PeerMAD: 0.2, Ratio: 4, Z: z(16, 4, 0.2), Flag: High},
			Verdict: string(LuxuryNotListed), Counter: "RU",
		},
		{
			Flow:    "2015 RU>KP export 0101",
			PerHead: UnitValue{Unit: "u", Known: true, Value: 2000, Peers: 2, PeerMedian: 2050, PeerMAD: 50, Ratio: 2000.0 / 2050, Z: z(2000, 2050, 50)},
			PerKg:   UnitValue{Unit: "kg", Known: true, Value: 4, Peers: 2, PeerMedian: 4.1, PeerMAD: 0.1, Ratio: 4 / 4.1, Z: z(4, 4.1, 0.1)},
			Verdict: string(LuxuryNotListed), Counter: "RU",
		},
		{
			Flow:    "2016 RU>KP export 0101",
			PerHead: UnitValue{Unit: "u", Known: true, Value: 2500, Peers: 1, Note: "1 peer partner, too few to compare"},
			PerKg:   UnitValue{Unit: "kg", Known: true, Value: 5, Peers: 1, Note: "1 peer partner, too few to compare"},
			Verdict: string(LuxuryNotListed), Counter: "RU",
		},
		{
			Flow:    "2016 RU>KP import 0101",
			PerHead: UnitValue{Unit: "u", Known: true, Value: 900, Note: "no peer partners"},
			PerKg:   UnitValue{Unit: "kg", Known: true, Value: 1.8, Note: "no peer partners"},
			Verdict: string(NotControlled), Counter: "RU",
		},
		{
			// The DPRK's coal to China at ten times its price to others.
			Flow:    "2016 KP>CN export 2701",
			PerHead: UnitValue{Note: "no quantity reported"},
			PerKg:   UnitValue{Unit: "kg", Known: true, Value: 0.5, Peers: 3, PeerMedian: 0.055, PeerMAD: 0.005, Ratio: 0.5 / 0.055, Z: z(0.5, 0.055, 0.005), Flag: High},
			Verdict: string(ProhibitedUN), Counter: "CN",
		},
		{
			Flow:    "2016 KP>IN export 2701",
			PerHead: UnitValue{Note: "no quantity reported"},
			PerKg:   UnitValue{Unit: "kg", Known: true, Value: 0.06, Peers: 3, PeerMedian: 0.055, PeerMAD: 0.005, Ratio: 0.06 / 0.055, Z: z(0.06, 0.055, 0.005)},
			Verdict: string(ProhibitedUN), Counter: "IN",
		},
		{
			Flow:    "2016 KP>JP export 2701",
			PerHead: UnitValue{Note: "no quantity reported"},
			PerKg:   UnitValue{Unit: "kg", Known: true, Value: 0.055, Peers: 3, PeerMedian: 0.06, PeerMAD: 0.01, Ratio: 0.055 / 0.06, Z: z(0.055, 0.06, 0.01)},
			Verdict: string(ProhibitedUN), Counter: "JP",
		},
		{
			Flow:    "2016 KP>UZ export 2701",
			PerHead: UnitValue{Note: "no quantity reported"},
			PerKg:   UnitValue{Unit: "kg", Known: true, Value: 0.05, Peers: 3, PeerMedian: 0.06, PeerMAD: 0.005, Ratio: 0.05 / 0.06, Z: z(0.05, 0.06, 0.005)},
			Verdict: string(ProhibitedUN), Counter: "UZ",
		},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 1e-12)); diff != "" {
		t.Errorf("flows (-want +got):\n%s", diff)
	}
	if rep.Rows != 18 || rep.DPRKRows != 8 {
		t.Errorf("rows %d, DPRK rows %d; want 18 and 8", rep.Rows, rep.DPRKRows)
	}
}

// lenientText has two rows a lenient analysis skips.
const lenientText = "reporter,partner,period,flow,code,value_usd\n" +
	"RU,KP,2019,export,0101,75509\n" +
	"RU,KP,2019,export,0101,75,509\n" + // unquoted thousands separator
	"RU,KP,2019,export,10121,5\n" + // lost leading zero
	"RU,KP,2018,export,0101,100\n"

func TestAnalyzeStrictAndLenient(t *testing.T) {
	text := lenientText
	_, err := NewAnalyzer(testAssessor(t), Options{}).Analyze(context.Background(), "test.csv", strings.NewReader(text))
	var re *RowError
	if !errors.As(err, &re) || re.Line != 3 {
		t.Fatalf("strict analysis: error %v, want a RowError on line 3", err)
	}
	rep := analyzeText(t, text, Options{Lenient: true})
	if rep.Rows != 4 || rep.ErrorCount != 2 || len(rep.Errors) != 2 || len(rep.Flows) != 2 {
		t.Errorf("lenient: rows %d, errors %d (%d kept), flows %d; want 4, 2 (2), 2", rep.Rows, rep.ErrorCount, len(rep.Errors), len(rep.Flows))
	}
	var lines []int
	for _, e := range rep.Errors {
		lines = append(lines, e.Line)
	}
	if diff := cmp.Diff([]int{3, 4}, lines); diff != "" {
		t.Errorf("error lines (-want +got):\n%s", diff)
	}
}

// plusFlow is a Comtrade Plus row of Chinese car exports to the DPRK in
// 2019, under code, with a mode of transport (0 for the total).
func plusFlow(code, value, qty, unit, mot string) map[string]string {
	return map[string]string{
		"refYear": "2019", "refMonth": "52", "period": "2019", "reporterCode": "156", "reporterISO": "CHN", "reporterDesc": "China",
		"flowCode": "X", "partnerCode": "408", "partnerISO": "PRK", "partnerDesc": "Dem. People's Rep. of Korea",
		"cmdCode": code, "qtyUnitAbbr": unit, "qty": qty, "primaryValue": value, "motCode": mot,
	}
}

// plusText writes a Comtrade Plus file of rows.
func plusText(rows ...map[string]string) string {
	lines := []string{strings.Join(plusColumns(), ",")}
	for _, r := range rows {
		lines = append(lines, plusRow(",", r))
	}
	return strings.Join(lines, "\n") + "\n"
}

// sumsAndBreakdowns has a flow of two rows, a breakdown and a duplicate,
// and a flow whose rows give different quantity units.
func sumsAndBreakdowns() string {
	return plusText(
		plusFlow("870323", "1000", "2", "u", "0"),
		plusFlow("870323", "600", "1", "u", "3100"), // breaks the first row down by transport: not added
		plusFlow("870323", "500", "1", "u", "0"),    // a second row for the same flow: added
		plusFlow("870323", "1000", "2", "u", "0"),   // identical to the first: reported, not added
		plusFlow("870324", "1000", "2", "u", "0"),
		plusFlow("870324", "500", "800", "kg", "0"),
	)
}

func TestAnalyzeSumsAndBreakdowns(t *testing.T) {
	rep := analyzeText(t, sumsAndBreakdowns(), Options{})
	if len(rep.Flows) != 2 {
		t.Fatalf("%d flows, want 2", len(rep.Flows))
	}
	f := rep.Flows[0]
	if f.ValueUSD != 1500 || f.Quantity != 3 || f.Rows != 2 || rep.Breakdown != 1 {
		t.Errorf("value %g, quantity %g, rows %d, breakdowns %d; want 1500, 3, 2, 1", f.ValueUSD, f.Quantity, f.Rows, rep.Breakdown)
	}
	if diff := cmp.Diff([]Duplicate{{Line: 5, SameAs: 2}}, rep.Duplicates); diff != "" {
		t.Errorf("duplicates (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{2, 4}, f.Lines); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	f = rep.Flows[1]
	if !f.MixedUnits || f.PerQuantity.Known || f.PerQuantity.Note != "rows give different quantity units" {
		t.Errorf("mixed units: %+v", f.PerQuantity)
	}
}

func TestAnalyzeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := NewAnalyzer(testAssessor(t), Options{}).Analyze(ctx, "test.csv", strings.NewReader(synthetic()))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// TestAnalyzeAllocsPerRow checks that a row outside the DPRK flows and
// their peer groups costs the analysis no more than the text of its line
// on each of the two readings: nothing of it is kept, so that memory grows
// with the flows reported and not with the rows read.
func TestAnalyzeAllocsPerRow(t *testing.T) {
	an := NewAnalyzer(testAssessor(t), Options{})
	text := func(extra int) string {
		var b strings.Builder
		b.WriteString(synthetic())
		for i := range extra {
			b.WriteString(legacyRow(2016, "Export", "JP", "CN", "9101", float64(1+i%50), float64(2+i%7), float64(100+i)))
			b.WriteByte('\n')
		}
		return b.String()
	}
	allocs := func(extra int) float64 {
		s := text(extra)
		return testing.AllocsPerRun(5, func() {
			if _, err := an.Analyze(context.Background(), "test.csv", strings.NewReader(s)); err != nil {
				t.Fatal(err)
			}
		})
	}
	const extra = 2000
	perRow := (allocs(2*extra) - allocs(extra)) / extra
	if perRow > 2.5 {
		t.Errorf("%.2f allocations per row outside the DPRK flows, want at most 2 (its line, read twice)", perRow)
	}
}

// changingFile is a file that gains a row between the two readings, as a
// download still being written would.
type changingFile struct {
	*strings.Reader
	later string
}

func (c *changingFile) Seek(offset int64, whence int) (int64, error) {
	c.Reader = strings.NewReader(c.later)
	return c.Reader.Seek(offset, whence)
}

func TestAnalyzeFileChanged(t *testing.T) {
	text := synthetic()
	src := &changingFile{Reader: strings.NewReader(text), later: text + legacyRow(2014, "Export", "RU", "JP", "0101", 40, 20000, 90000) + "\n"}
	_, err := NewAnalyzer(testAssessor(t), Options{}).Analyze(context.Background(), "test.csv", src)
	if err == nil || !strings.Contains(err.Error(), "test.csv changed while it was read") {
		t.Errorf("error %v, want one saying the file changed", err)
	}
}
