package classifyeval

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
)

// testLuxuryList controls wine in full (2204) and leather handbags as an
// "ex" code (420221), from 2020.
const testLuxuryList = `id: test-luxury
jurisdiction: EU
title: Test luxury list
instrument:
  name: Test Regulation
  reference: Reg. 1/2020
  date: 2020-01-01
citation: Article 1 and Annex I
kind: luxury
direction: both
target: KP
in_force:
  from: 2020-01-01
as_of: 2026-11-23
confidence: primary-text
entries:
  - id: test-wine
    category: Wine
    citation: Annex I, item 1
    basis: published
    codes:
      - code: "2204"
        edition: HS2022
  - id: test-bags
    category: Leather handbags
    citation: Annex I, item 2
    basis: derived
    codes:
      - code: "420221"
        ex: true
        edition: HS2022
        rationale: Handbags of leather above a price.
`

func testCatalogue(t *testing.T) *lists.Catalogue {
	t.Helper()
	return catalogueOf(t, "test.yaml", testLuxuryList)
}

// catalogueOf builds a catalogue of the one list written in text.
func catalogueOf(t *testing.T, name, text string) *lists.Catalogue {
	t.Helper()
	l, err := lists.ParseFile(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := lists.New(l)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// fakeSet is a small ordinary-goods set with the classifier outcomes the
// tests score: rice called no and answered, rice called yes (a false
// alarm), wine called yes, wine left unknown, a handbag (an "ex" code,
// in neither group) left unknown, a heading-only line called no, and wine
// shipped before the list was in force.
func fakeSet() ([]Labelled, []Outcome) {
	line := func(id, gold, heading, style string) Labelled {
		return Labelled{Item: classify.Item{ID: id, Description: id}, GoldHS6: gold, GoldHeading: heading, Style: style}
	}
	old := line("old-wine", "220421", "2204", StyleInvoice)
	old.Date = time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)
	set := []Labelled{
		line("rice", "100630", "1006", StyleBOL),
		line("rice-bags", "100630", "1006", StyleBOL),
		line("wine", "220421", "2204", StyleInvoice),
		line("sparkling", "220410", "2204", StyleEcom),
		line("handbag", "420221", "4202", StyleEcom),
		line("grain", "", "1006", StyleBOL),
		old,
	}
	outs := []Outcome{
		{ID: "rice", HS6: "100630", Candidates: []string{"100630", "100640"}, Luxury: classify.LuxuryNo},
		{ID: "rice-bags", Candidates: []string{"420221", "100630"}, Luxury: classify.LuxuryYes, NeedsReview: true},
		{ID: "wine", HS6: "220421", Candidates: []string{"220421"}, Luxury: classify.LuxuryYes},
		{ID: "sparkling", Candidates: []string{"220421", "220410"}, Luxury: classify.LuxuryUnknown, NeedsReview: true},
		{ID: "handbag", HS6: "420222", Candidates: []string{"420222", "420221"}, Luxury: classify.LuxuryUnknown, NeedsReview: true},
		{ID: "grain", Candidates: []string{"100610"}, Luxury: classify.LuxuryNo},
		{ID: "old-wine", HS6: "220421", Candidates: []string{"220421"}, Luxury: classify.LuxuryNo},
	}
	return set, outs
}

func TestScore(t *testing.T) {
	set, outs := fakeSet()
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	base := Metrics{
		N: 7, Answered: 4,
		Acc4: 1, Acc6: 0.75,
		Top1At4All: 6.0 / 7, Top1At6All: 0.5,
		Top5At4: 1, Top5At6: 1,
		Abstain:     3.0 / 7,
		Review:      2.0 / 7,
		NeedsReview: 3.0 / 7,
	}
	withCat := base
	// Rice twice, the heading-only grain and the wine shipped before the
	// list: 4 uncontrolled lines, one called yes. Wine twice is fully
	// controlled: one yes, one unknown.
	withCat.Uncontrolled, withCat.FalseAlarm = 4, 0.25
	withCat.Controlled, withCat.ControlledRecall, withCat.ControlledUnknown = 2, 0.5, 0.5

	bySection := withCat
	bySection.Groups = []Group{
		{By: "section", Key: "II", Metrics: Metrics{N: 3, Answered: 1, Acc4: 1, Acc6: 1, Top1At4All: 2.0 / 3, Top1At6All: 0.5, Top5At4: 1, Top5At6: 1,
			Abstain: 2.0 / 3, NeedsReview: 1.0 / 3, Uncontrolled: 3, FalseAlarm: 1.0 / 3}},
		{By: "section", Key: "IV", Metrics: Metrics{N: 3, Answered: 2, Acc4: 1, Acc6: 1, Top1At4All: 1, Top1At6All: 2.0 / 3, Top5At4: 1, Top5At6: 1,
			Abstain: 1.0 / 3, Review: 1.0 / 3, NeedsReview: 1.0 / 3, Uncontrolled: 1, Controlled: 2, ControlledRecall: 0.5, ControlledUnknown: 0.5}},
		{By: "section", Key: "VIII", Metrics: Metrics{N: 1, Answered: 1, Acc4: 1, Top1At4All: 1, Top5At4: 1, Top5At6: 1,
			Review: 1, NeedsReview: 1}},
	}
	byStyle := withCat
	byStyle.Groups = []Group{
		{By: "style", Key: StyleBOL, Metrics: Metrics{N: 3, Answered: 1, Acc4: 1, Acc6: 1, Top1At4All: 2.0 / 3, Top1At6All: 0.5, Top5At4: 1, Top5At6: 1,
			Abstain: 2.0 / 3, NeedsReview: 1.0 / 3, Uncontrolled: 3, FalseAlarm: 1.0 / 3}},
		{By: "style", Key: StyleInvoice, Metrics: Metrics{N: 2, Answered: 2, Acc4: 1, Acc6: 1, Top1At4All: 1, Top1At6All: 1, Top5At4: 1, Top5At6: 1,
			Uncontrolled: 1, Controlled: 1, ControlledRecall: 1}},
		{By: "style", Key: StyleEcom, Metrics: Metrics{N: 2, Answered: 1, Acc4: 1, Top1At4All: 1, Top5At4: 1, Top5At6: 1,
			Abstain: 0.5, Review: 1, NeedsReview: 1, Controlled: 1, ControlledUnknown: 1}},
	}
	cat := testCatalogue(t)
	tests := []struct {
		name string
		opts Options
		want Metrics
	}{
		{"no catalogue", Options{Now: now}, base},
		{"catalogue", Options{Catalogue: cat, Now: now}, withCat},
		{"another jurisdiction's lists", Options{Catalogue: cat, Now: now, Jurisdictions: []string{"UN"}},
			func() Metrics {
				m := withCat
				m.Uncontrolled, m.FalseAlarm, m.Controlled, m.ControlledRecall, m.ControlledUnknown = 7, 2.0/7, 0, 0, 0
				m.UncontrolledReview = 2.0 / 7 // sparkling and the handbag, left unknown
				return m
			}()},
		{"by section", Options{Catalogue: cat, Now: now, Groups: []string{"section"}}, bySection},
		{"by style", Options{Catalogue: cat, Now: now, Groups: []string{"style"}}, byStyle},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Score(set, outs, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.IgnoreFields(Metrics{}, "Failures"), cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("Score (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScoreFailures checks that the lines behind the new figures are
// listed with their problem.
func TestScoreFailures(t *testing.T) {
	set, outs := fakeSet()
	m, err := Score(set, outs, Options{Catalogue: testCatalogue(t), Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range m.Failures {
		got = append(got, f.ID+": "+f.Problem)
	}
	want := []string{
		"rice-bags: abstained: ",
		"rice-bags: false alarm: the law says no at the gold code",
		"sparkling: abstained: ",
		"sparkling: controlled goods left unknown",
		"handbag: wrong subheading",
		"old-wine: controlled goods called no",
	}
	// old-wine was shipped before the list: it is uncontrolled, not a miss.
	want = want[:len(want)-1]
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
}

func TestScoreErrors(t *testing.T) {
	set, outs := fakeSet()
	tests := []struct {
		name string
		outs []Outcome
		opts Options
		want string
	}{
		{"fewer results", outs[:2], Options{}, "2 results for 7 items"},
		{"another order", append([]Outcome{outs[1], outs[0]}, outs[2:]...), Options{}, `result 1 has id "rice-bags", want "rice"`},
		{"unknown breakdown", outs, Options{Groups: []string{"colour"}}, `no breakdown by "colour"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Score(set, tc.outs, tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Score: error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestReadOutcomes(t *testing.T) {
	in := `{"id":"a","hs6":"100630","candidates":[{"code":"100630"},{"code":"100640"}],"luxury":false,"needs_review":false,"reasons":[]}
{"id":"b","hs6":"","candidates":[],"luxury":false,"needs_review":true,"reasons":["nothing matched"]}
{"id":"c","hs6":"","candidates":[{"code":"420221"}],"luxury":true,"needs_review":true}
{"id":"d","hs6":"220421","candidates":[{"code":"220421"}],"luxury":"yes"}
{"id":"e","hs6":"","luxury":"unknown","needs_review":true}
`
	got, err := ReadOutcomes(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Outcome{
		{ID: "a", HS6: "100630", Candidates: []string{"100630", "100640"}, Luxury: classify.LuxuryNo, Reasons: []string{}},
		{ID: "b", Luxury: classify.LuxuryUnknown, NeedsReview: true, Reasons: []string{"nothing matched"}},
		{ID: "c", Candidates: []string{"420221"}, Luxury: classify.LuxuryYes, NeedsReview: true},
		{ID: "d", HS6: "220421", Candidates: []string{"220421"}, Luxury: classify.LuxuryYes},
		{ID: "e", Luxury: classify.LuxuryUnknown, NeedsReview: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadOutcomes (-want +got):\n%s", diff)
	}
	for _, bad := range []struct{ in, want string }{
		{`{"id":"x","luxury":"maybe"}`, `line 1: field "luxury": "maybe" is not a luxury state`},
		{"{\"id\":\"x\",\"luxury\":false}\n{\"id\":", "line 2"},
	} {
		if _, err := ReadOutcomes(strings.NewReader(bad.in)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ReadOutcomes(%q): error %v, want one containing %q", bad.in, err, bad.want)
		}
	}
}

func TestSection(t *testing.T) {
	for code, want := range map[string]string{
		"01": "I", "0304": "I", "050400": "I", "0601": "II", "1402": "II", "1509": "III", "1604": "IV", "2402": "IV",
		"2501": "V", "2716": "V", "2801": "VI", "3826": "VI", "3901": "VII", "4017": "VII", "4101": "VIII", "4304": "VIII",
		"4401": "IX", "4602": "IX", "4701": "X", "4911": "X", "5001": "XI", "6310": "XI", "6401": "XII", "6704": "XII",
		"6801": "XIII", "7020": "XIII", "7101": "XIV", "7118": "XIV", "7201": "XV", "8311": "XV", "8401": "XVI", "8548": "XVI",
		"8601": "XVII", "8908": "XVII", "9001": "XVIII", "9209": "XVIII", "9301": "XIX", "9401": "XX", "9619": "XX", "9701": "XXI",
		"": "?", "9": "?", "98": "?", "00": "?", "x1": "?",
	} {
		if got := Section(code); got != want {
			t.Errorf("Section(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestReadLabelledStyle(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"id":"a","description":"rice","gold_hs6":"100630","style":"fax"}`, `line 1: field "style": "fax" is not bol, invoice or ecom`},
		{`{"id":"a","description":"rice","gold_hs6":"100630","gold_heading":"1001"}`, `line 1: field "gold_heading": "1001" is not the heading of gold_hs6 "100630"`},
		{`{"id":"a","description":"rice","gold_heading":"10"}`, `line 1: field "gold_heading": "10" is not four digits`},
	} {
		if _, err := ReadLabelled(strings.NewReader(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadLabelled(%s): error %v, want one containing %q", tc.in, err, tc.want)
		}
	}
	got, err := ReadLabelled(strings.NewReader(`{"id":"a","description":"rice","gold_hs6":"100630","style":"ecom","value":2.5,"currency":"EUR","quantity":1,"unit":"pcs"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Labelled{{Item: classify.Item{ID: "a", Description: "rice", Value: 2.5, Currency: "EUR", Quantity: 1, Unit: "pcs"}, GoldHS6: "100630", GoldHeading: "1006", Style: StyleEcom}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadLabelled (-want +got):\n%s", diff)
	}
}

// TestGoldCodesExist checks that every gold code of every committed
// evaluation set exists in HS 2022: in the embedded nomenclature, and, when
// LUXSCREEN_SHARED is set, in the UN Comtrade classification file it was
// made from.
func TestGoldCodesExist(t *testing.T) {
	embedded, err := hs.EmbeddedHS2022()
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string]*hs.Table{"embedded HS 2022": embedded}
	if dir := testenv.Dir(); dir != "" {
		shared, err := hs.Open(context.Background(), filepath.Join(dir, "data", "hs", "comtrade", "classificationH6.json"), hs.HS2022)
		if err != nil {
			t.Fatal(err)
		}
		tables["shared HS 2022"] = shared
	}
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no evaluation sets: %v", err)
	}
	for _, f := range files {
		for _, l := range readSet(t, f) {
			for _, g := range []string{l.GoldHS6, l.GoldHeading} {
				if g == "" {
					continue
				}
				c, err := hs.Parse(g)
				for name, table := range tables {
					if err != nil || !table.Exists(c) {
						t.Errorf("%s: %s: gold code %q is not in the %s", f, l.ID, g, name)
					}
				}
			}
		}
	}
}

// TestEvaluationSetsWellFormed checks the committed sets: ids are unique
// within a set, and a set that gives one line a style gives every line
// one, so that the breakdown by style covers the whole set.
func TestEvaluationSetsWellFormed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no evaluation sets: %v", err)
	}
	for _, f := range files {
		set := readSet(t, f)
		seen := map[string]bool{}
		styled := 0
		for _, l := range set {
			if seen[l.ID] {
				t.Errorf("%s: id %q appears twice", f, l.ID)
			}
			seen[l.ID] = true
			if l.Style != "" {
				styled++
			}
		}
		if styled > 0 && styled < len(set) {
			t.Errorf("%s: %d of %d lines have a style, want all or none", f, styled, len(set))
		}
	}
}

// TestScoreJudgesGoldWithFacts checks that the false-alarm and recall
// figures take what the law says at the gold code for the line's own
// facts: a watch below the entry's threshold is ordinary goods, one above
// it controlled, one without a value open (in neither figure).
func TestScoreJudgesGoldWithFacts(t *testing.T) {
	const list = `id: test-watches
jurisdiction: UN
title: Test watch list
instrument:
  name: Test Resolution
  reference: S/RES/1 (2020)
  date: 2020-01-01
citation: paragraph 1
kind: luxury
direction: both
target: KP
in_force:
  from: 2020-01-01
as_of: 2026-11-23
confidence: primary-text
entries:
  - id: test-watches
    category: Watches valued greater than USD 1,000
    citation: paragraph 1
    basis: derived
    threshold:
      amount: 1000
      currency: USD
      per: item
    codes:
      - code: "9102"
        edition: HS2022
        rationale: Heading 9102 is wrist-watches other than of precious metal.
`
	cat := catalogueOf(t, "watches.yaml", list)
	watch := func(id string, value float64, lux classify.Luxury) (Labelled, Outcome) {
		return Labelled{Item: classify.Item{ID: id, Description: "quartz wristwatch", Value: value, Currency: "USD", Quantity: 1, Unit: "pcs"}, GoldHS6: "910211"},
			Outcome{ID: id, HS6: "910211", Candidates: []string{"910211"}, Luxury: lux}
	}
	var set []Labelled
	var outs []Outcome
	for _, w := range []struct {
		id    string
		value float64
		lux   classify.Luxury
	}{
		{"cheap-called-yes", 50, classify.LuxuryYes},
		{"cheap-called-no", 50, classify.LuxuryNo},
		{"cheap-called-unknown", 50, classify.LuxuryUnknown},
		{"dear-called-yes", 5000, classify.LuxuryYes},
		{"no-value", 0, classify.LuxuryUnknown},
	} {
		l, o := watch(w.id, w.value, w.lux)
		set, outs = append(set, l), append(outs, o)
	}
	got, err := Score(set, outs, Options{Catalogue: cat, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	type figures struct {
		Uncontrolled, Controlled                  int
		FalseAlarm, UncontrolledReview, CtlRecall float64
	}
	want := figures{Uncontrolled: 3, Controlled: 1, FalseAlarm: 1.0 / 3, UncontrolledReview: 1.0 / 3, CtlRecall: 1}
	g := figures{got.Uncontrolled, got.Controlled, got.FalseAlarm, got.UncontrolledReview, got.ControlledRecall}
	if diff := cmp.Diff(want, g, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("figures (-want +got):\n%s", diff)
	}
}
