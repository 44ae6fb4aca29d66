package trade

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/lists"
)

func TestAssess(t *testing.T) {
	a := testAssessor(t)
	type result struct {
		Verdict       Verdict
		Coverage      lists.Coverage
		WholePeriod   bool
		Basis         string
		Direction     lists.Direction
		Jurisdictions []string
	}
	tests := []struct {
		name string
		row  string // reporter,partner,period,flow,code
		want result
	}{
		{
			// The paper's horses: no UN measure, no Russian entry; the EU
			// lists pure-bred breeding horses, 0101 21, under heading 0101.
			name: "Russian horses 2019",
			row:  "RU,KP,2019,export,0101",
			want: result{LuxuryNotListed, lists.Partial, true, "eu-viii-1-horses", lists.ExportTo, []string{"RU"}},
		},
		{
			name: "Chinese horses 2019: China has lists (sectoral, from 2016) but no luxury list",
			row:  "CN,KP,2019,export,0101",
			want: result{LuxuryNoReporterList, lists.Partial, true, "eu-viii-1-horses", lists.ExportTo, []string{"CN"}},
		},
		{
			name: "horses in 2001, before any list",
			row:  "RU,KP,2001,export,0101",
			want: result{Verdict: NotControlled, Direction: lists.ExportTo, Jurisdictions: []string{"RU"}},
		},
		{
			// The EU list bound the United Kingdom until the end of 2020.
			name: "UK 2020 under the EU list",
			row:  "GB,KP,2020,export,010121",
			want: result{ProhibitedReporter, lists.Partial, true, "eu-viii-1-horses", lists.ExportTo, []string{"EU", "GB"}},
		},
		{
			name: "UK 2021 under its own list",
			row:  "GB,KP,2021,export,010121",
			want: result{ProhibitedReporter, lists.Full, true, "gb-lux-1-horses", lists.ExportTo, []string{"GB"}},
		},
		{
			// UNSCR 2397 took effect on 22 December 2017, inside the month.
			name: "cars, December 2017",
			row:  "CN,KP,201712,export,8703",
			want: result{ProhibitedUN, lists.Ex, true, "un-2094-iv-b-luxury-automobiles", lists.ExportTo, []string{"CN"}},
		},
		{
			name: "cars, January 2018",
			row:  "CN,KP,201801,export,8703",
			want: result{ProhibitedUN, lists.Full, true, "un-2397-7-transportation-vehicles", lists.ExportTo, []string{"CN"}},
		},
		{
			name: "a chapter is wider than the car entries",
			row:  "CN,KP,2016,export,87",
			want: result{ProhibitedUN, lists.Partial, true, "un-2094-iv-b-luxury-automobiles", lists.ExportTo, []string{"CN"}},
		},
		{
			name: "coal imported from the DPRK",
			row:  "CN,KP,2018,import,2701",
			want: result{ProhibitedUN, lists.Full, true, "un-2371-8-coal", lists.ImportFrom, []string{"CN"}},
		},
		{
			// When the DPRK reports, its exports are procurement from it
			// and its partner's lists apply.
			name: "the DPRK reports its coal exports",
			row:  "KP,CN,2018,export,2701",
			want: result{ProhibitedUN, lists.Full, true, "un-2371-8-coal", lists.ImportFrom, []string{"CN"}},
		},
		{
			name: "watches from Germany",
			row:  "DE,KP,2019,export,9101",
			want: result{ProhibitedUN, lists.Full, true, "un-2270-v-a-luxury-watches", lists.ExportTo, []string{"EU"}},
		},
		{
			// A watch list calls for review: not a ban, not "not
			// controlled" either.
			name: "carbon fibre on the US watch list",
			row:  "US,KP,2021,export,681511",
			want: result{Review, lists.Full, true, "us-bm-carbon", lists.ExportTo, []string{"US"}},
		},
		{
			name: "carbon fibre before the US watch list",
			row:  "US,KP,2019,export,681511",
			want: result{Verdict: NotControlled, Direction: lists.ExportTo, Jurisdictions: []string{"US"}},
		},
		{
			name: "goods not specified by kind",
			row:  "JP,KP,2019,export,9999",
			want: result{Verdict: Review, Direction: lists.ExportTo, Jurisdictions: []string{"JP"}},
		},
		{
			name: "all commodities",
			row:  "JP,KP,2019,export,TOTAL",
			want: result{Verdict: Review, Direction: lists.ExportTo, Jurisdictions: []string{"JP"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := flowsOf(t, "reporter,partner,period,flow,code,value_usd\n"+tt.row+",1\n")[0]
			got, err := a.Assess(f)
			if err != nil {
				t.Fatal(err)
			}
			r := result{got.Verdict, got.Coverage, got.WholePeriod, "", got.Direction, got.Jurisdictions}
			if got.Basis != nil {
				r.Basis = got.Basis.Entry
			}
			if diff := cmp.Diff(tt.want, r); diff != "" {
				t.Errorf("Assess (-want +got):\n%s\nreason: %s", diff, got.Reason)
			}
			if got.Reason == "" {
				t.Error("no reason given")
			}
		})
	}
}

// TestAssessPartPeriod checks that an instrument taking effect within the
// period is cited, as in force for part of it, without deciding.
func TestAssessPartPeriod(t *testing.T) {
	a := testAssessor(t)
	f := flowsOf(t, "reporter,partner,period,flow,code,value_usd\nCN,KP,2017,export,8703,1\n")[0]
	got, err := a.Assess(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"un-2094-iv-b-luxury-automobiles:ex:whole",
		"un-2094-iv-b-racing-cars:ex:whole",
		"un-2270-v-c-snowmobiles:partial:whole",
		"un-2397-7-transportation-vehicles:full:part",
	}
	if diff := cmp.Diff(want, entryIDs(got.UN)); diff != "" {
		t.Errorf("UN entries (-want +got):\n%s", diff)
	}
	i := len(got.UN) - 1
	if from := got.UN[i].From.Format("2006-01-02"); from != "2017-12-22" {
		t.Errorf("UNSCR 2397 cited from %s, want 2017-12-22", from)
	}
	if got.Basis.Entry != "un-2094-iv-b-luxury-automobiles" || !got.WholePeriod {
		t.Errorf("basis %s (whole period %v), want UNSCR 2094 for the whole period", got.Basis.Entry, got.WholePeriod)
	}
}

// TestAssessMembershipChange checks a span that straddles the United
// Kingdom's departure from the EU list: the EU entry binds it for part of
// the span only.
func TestAssessMembershipChange(t *testing.T) {
	a := testAssessor(t)
	f := flowsOf(t, "reporter,partner,period,flow,code,value_usd\nGB,KP,2019-2021,export,010121,1\n")[0]
	got, err := a.Assess(f)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"eu-viii-1-horses:partial:part", "gb-lux-1-horses:full:part"}, entryIDs(got.Reporter)); diff != "" {
		t.Errorf("reporter entries (-want +got):\n%s", diff)
	}
	if got.Verdict != ProhibitedReporter || got.WholePeriod {
		t.Errorf("verdict %s whole=%v, want prohibited-reporter for part of the period", got.Verdict, got.WholePeriod)
	}
	if !strings.Contains(got.Reason, "part of 2019-2021") {
		t.Errorf("reason %q does not say the period is covered in part", got.Reason)
	}
}

func TestAssessNotDPRK(t *testing.T) {
	a := testAssessor(t)
	for _, row := range []string{"RU,CN,2019,export,0101", "KP,KP,2019,export,0101"} {
		f := flowsOf(t, "reporter,partner,period,flow,code,value_usd\n"+row+",1\n")[0]
		if _, err := a.Assess(f); !errors.Is(err, ErrNotDPRK) {
			t.Errorf("Assess(%s) = %v, want ErrNotDPRK", row, err)
		}
	}
}
