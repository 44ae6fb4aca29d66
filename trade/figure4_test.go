package trade

import (
	"context"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/lists"
)

// figure4Row is what the test expects of one row of the paper's Figure 4.
type figure4Row struct {
	Line     int
	Reporter string
	Period   string
	ValueUSD float64
	Verdict  Verdict
	Coverage lists.Coverage
	Whole    bool
	// Basis and Citation are the deciding entry and where it sits in its
	// instrument.
	Basis, Citation string
	// Lists are the reporter's jurisdictions in the catalogue and Entries
	// their entries that cover HS 8703 in the period.
	Lists   []string
	Entries []string
}

// TestFigure4 reproduces Figure 4 of "The Lap of Luxury" (HS 8703 exports
// to the DPRK by reporter, 2015-2019) row by row, classified by the
// instrument in force at each date: UNSCR 2094 (2013) Annex IV item (b)
// bans luxury cars (ex 8703) throughout; UNSCR 2397 (2017) paragraph 7,
// adopted 22 December 2017, bans all of HS 87, so the 2018 and 2019 rows
// fall under it whole, while in 2017 it was in force for ten days only.
func TestFigure4(t *testing.T) {
	const (
		cars, carsCite = "un-2094-iv-b-luxury-automobiles", "S/RES/2094 (2013), Annex IV, item (b)"
		hs87, hs87Cite = "un-2397-7-transportation-vehicles", "S/RES/2397 (2017), paragraph 7"
	)
	luxuryCars := func(line int, reporter, period string, value float64) figure4Row {
		return figure4Row{line, reporter, period, value, ProhibitedUN, lists.Ex, true, cars, carsCite, nil, nil}
	}
	allOf87 := func(line int, reporter, period string, value float64) figure4Row {
		return figure4Row{line, reporter, period, value, ProhibitedUN, lists.Full, true, hs87, hs87Cite, nil, nil}
	}
	withList := func(r figure4Row, lists []string, entries ...string) figure4Row {
		r.Lists, r.Entries = lists, entries
		return r
	}
	eu := []string{"EU"}
	ru := []string{"RU"}
	// Russia's 2007 decree took in the UNSCR 2094 items from 2013; its
	// decree of 30 December 2016 the UNSCR 2270 items, snowmobiles among
	// them (8703.10 is part of 8703).
	ru2015 := []string{"ru-2007-un-2094-cars:ex:whole"}
	ru2016 := []string{"ru-2007-un-2094-cars:ex:whole", "ru-2016-snowmobiles:partial:part"}
	ru2017 := []string{"ru-2007-un-2094-cars:ex:whole", "ru-2016-snowmobiles:partial:whole"}
	// China's lists are sectoral, from 2016; MOFCOM-GAC Announcement 2018
	// No. 4 bans exports of the vehicles of chapter 87 from 6 January 2018.
	cn := []string{"CN"}
	want := []figure4Row{
		withList(luxuryCars(10, "CN", "2015", 21377507), cn),
		withList(luxuryCars(11, "FR", "2015", 21753), eu, "eu-2007-iii-17-vehicles:ex:whole"),
		withList(luxuryCars(12, "DE", "2015", 50438), eu, "eu-2007-iii-17-vehicles:ex:whole"),
		luxuryCars(13, "KW", "2015", 50359),
		withList(luxuryCars(14, "RU", "2015", 26841), ru, ru2015...),
		luxuryCars(15, "IN", "2015", 24178),
		luxuryCars(16, "TH", "2015", 96457),
		withList(luxuryCars(17, "CN", "2016", 24365811), cn),
		luxuryCars(18, "MN", "2016", 14510),
		luxuryCars(19, "NE", "2016", 3355),
		withList(luxuryCars(20, "RU", "2016", 1335343), ru, ru2016...),
		luxuryCars(21, "IN", "2016", 7105),
		withList(luxuryCars(22, "CN", "2017", 27098239), cn),
		luxuryCars(23, "MN", "2017", 25000),
		withList(luxuryCars(24, "RU", "2017", 302663), ru, ru2017...),
		luxuryCars(25, "ML", "2017", 4267),
		withList(allOf87(26, "CN", "2018", 358196), cn, "cn-2018-4-transport-vehicles:full:part"),
		allOf87(27, "HN", "2018", 2043),
		allOf87(28, "NE", "2018", 21768),
		allOf87(29, "IN", "2018", 17328),
		withList(allOf87(30, "CN", "2019", 29442), cn, "cn-2018-4-transport-vehicles:full:whole"),
		allOf87(31, "MN", "2019", 34160),
		allOf87(32, "AE", "2019", 33764),
		allOf87(33, "AE", "2019", 33764),
	}

	a := testAssessor(t)
	f, err := os.Open("testdata/paper/figure4.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []figure4Row
	for _, fl := range readFlows(t, f, "figure4.csv") {
		as, err := a.Assess(fl)
		if err != nil {
			t.Fatal(err)
		}
		row := figure4Row{fl.Line, fl.Reporter.Code, fl.Period.String(), fl.ValueUSD, as.Verdict, as.Coverage, as.WholePeriod, "", "", as.Jurisdictions, entryIDs(as.Reporter)}
		if as.Basis != nil {
			row.Basis, row.Citation = as.Basis.Entry, as.Basis.Citation
		}
		got = append(got, row)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Figure 4 (-want +got):\n%s", diff)
	}
	agree := 0
	for i := range min(len(want), len(got)) {
		if cmp.Equal(want[i], got[i]) {
			agree++
		}
	}
	t.Logf("Figure 4: %d of %d rows classified as expected", agree, len(want))
}

// TestFigure4Report checks the analysis of the whole figure: one flow per
// reporter and year, the repeated 2019 row reported and not added, and the
// value under each instrument.
func TestFigure4Report(t *testing.T) {
	f, err := os.Open("testdata/paper/figure4.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := NewAnalyzer(testAssessor(t), Options{}).Analyze(context.Background(), "figure4.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 24 || rep.DPRKRows != 24 || len(rep.Flows) != 23 {
		t.Errorf("rows %d, DPRK rows %d, flows %d; want 24, 24, 23", rep.Rows, rep.DPRKRows, len(rep.Flows))
	}
	if diff := cmp.Diff([]Duplicate{{Line: 33, SameAs: 32}}, rep.Duplicates); diff != "" {
		t.Errorf("duplicates (-want +got):\n%s", diff)
	}
	// Value by year and by deciding entry, summed from the paper's rows.
	type key struct {
		period, basis string
	}
	got := map[key]float64{}
	for _, fl := range rep.Flows {
		got[key{fl.Period.String(), fl.Assessment.Basis.Entry}] += fl.ValueUSD
	}
	want := map[key]float64{
		{"2015", "un-2094-iv-b-luxury-automobiles"}:   21647533,
		{"2016", "un-2094-iv-b-luxury-automobiles"}:   25726124,
		{"2017", "un-2094-iv-b-luxury-automobiles"}:   27430169,
		{"2018", "un-2397-7-transportation-vehicles"}: 399335,
		{"2019", "un-2397-7-transportation-vehicles"}: 97366,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("value by year and basis (-want +got):\n%s", diff)
	}
}
