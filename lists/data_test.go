package lists

import (
	"context"
	"errors"
	"fmt"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"io/fs"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
)

// The tests in this file check the embedded list files themselves: that
// they load, that every entry says where it comes from and how sure we are,
// that every code exists in the nomenclature it names, and that the facts
// the screening depends on are transcribed as the instruments state them.

// sharedDataDir returns $LUXSCREEN_SHARED/data and skips the test when the
// variable is unset, so that the package tests pass without shared data.
func sharedDataDir(t *testing.T) string {
	t.Helper()
	return testenv.Path(t, "data")
}

// embeddedCatalogue is the catalogue of the embedded lists.
func embeddedCatalogue(tb testing.TB) *Catalogue {
	tb.Helper()
	c, err := Default(tb.Context())
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return c
}

func TestDefaultLoadsEveryFile(t *testing.T) {
	c := embeddedCatalogue(t)
	files, err := fs.Glob(data, "data/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, f := range files {
		want = append(want, filepath.Base(f))
	}
	for _, l := range c.Lists() {
		got = append(got, l.File)
	}
	// Lists come back in ID order, files in name order.
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files loaded by Default (-embedded +loaded):\n%s", diff)
	}
}

func TestDefaultEntriesAreCited(t *testing.T) {
	c := embeddedCatalogue(t)
	validConfidence := map[Confidence]bool{PrimaryText: true, SecondarySource: true, Recalled: true}
	for _, l := range c.Lists() {
		if !validConfidence[l.Confidence] {
			t.Errorf("%s: list confidence %q", l.File, l.Confidence)
		}
		for _, e := range l.Entries {
			where := l.File + ": " + e.ID
			if e.Citation == "" {
				t.Errorf("%s: no citation", where)
			}
			if !slices.Contains(Bases(), e.Basis) {
				t.Errorf("%s: basis %q", where, e.Basis)
			}
			if !validConfidence[e.Confidence] {
				t.Errorf("%s: confidence %q", where, e.Confidence)
			}
			for _, p := range e.Codes {
				if e.Basis != Published && p.Rationale == "" {
					t.Errorf("%s: %s code %s (%s) has no rationale", where, e.Basis, p.Code, p.Edition)
				}
			}
		}
	}
}

// TestDefaultUNListsInForceFromAdoption checks that a UN measure takes
// effect on the day the Security Council adopts it, as the resolutions
// state.
func TestDefaultUNListsInForceFromAdoption(t *testing.T) {
	c := embeddedCatalogue(t)
	for _, l := range c.Lists() {
		if l.Jurisdiction != "UN" {
			continue
		}
		if !l.InForce.From.Equal(l.Instrument.Date) {
			t.Errorf("%s: in force from %s, adopted %s", l.File, formatDate(l.InForce.From), formatDate(l.Instrument.Date))
		}
	}
}

// nomenclatureFiles maps the editions the shared data holds to their files,
// relative to $LUXSCREEN_SHARED/data.
func nomenclatureFiles() map[hs.Edition]string {
	return map[hs.Edition]string{
		hs.HS2012:                  "hs/comtrade/classificationH4.json",
		hs.HS2017:                  "hs/comtrade/classificationH5.json",
		hs.HS2022:                  "hs/comtrade/classificationH6.json",
		{System: "CN", Year: 2026}: "hs/eu-cn-multilingual/nomenclature-en.csv",
	}
}

// errNoNomenclature reports that the shared data holds no file for an
// edition.
var errNoNomenclature = errors.New("no nomenclature file for this edition in the shared data")

// nomenclatureCache loads the shared nomenclature tables on first use.
type nomenclatureCache struct {
	dir    string
	tables map[hs.Edition]*hs.Table
	errs   map[hs.Edition]error
}

func newNomenclatureCache(dir string) *nomenclatureCache {
	return &nomenclatureCache{dir: dir, tables: map[hs.Edition]*hs.Table{}, errs: map[hs.Edition]error{}}
}

func (n *nomenclatureCache) table(ctx context.Context, ed hs.Edition) (*hs.Table, error) {
	if t, ok := n.tables[ed]; ok {
		return t, n.errs[ed]
	}
	var t *hs.Table
	err := errNoNomenclature
	if name, ok := nomenclatureFiles()[ed]; ok {
		t, err = hs.Open(ctx, filepath.Join(n.dir, name), ed)
	}
	n.tables[ed], n.errs[ed] = t, err
	return t, err
}

// problem returns why p's code does not exist in the edition it names, or
// "" when it does. Where the shared data lacks a national edition (CN2017,
// say), the code's HS6 part is checked against the HS edition that national
// edition extends, which is as far as the data can judge it.
func (n *nomenclatureCache) problem(ctx context.Context, p Pattern) string {
	ed, code := p.Edition, p.Code
	if ed.System == "HS" && code.Len() > 6 {
		return fmt.Sprintf("code %s has national digits but names edition %s", code, ed)
	}
	tab, err := n.table(ctx, ed)
	if errors.Is(err, errNoNomenclature) && ed.System != "HS" {
		ed, code = ed.Base(), code.Truncate(6)
		tab, err = n.table(ctx, ed)
	}
	if err != nil {
		return fmt.Sprintf("code %s (%s): cannot load a nomenclature to check it against: %v", p.Code, p.Edition, err)
	}
	if !tab.Exists(code) {
		return fmt.Sprintf("code %s does not exist in %s", code, ed)
	}
	return ""
}

// TestDefaultCodesExistInEdition checks every code of every embedded list
// against the nomenclature it names.
func TestDefaultCodesExistInEdition(t *testing.T) {
	n := newNomenclatureCache(sharedDataDir(t))
	c := embeddedCatalogue(t)
	for _, l := range c.Lists() {
		for _, e := range l.Entries {
			for _, p := range e.Codes {
				if msg := n.problem(t.Context(), p); msg != "" {
					t.Errorf("%s: %s: %s", l.File, e.ID, msg)
				}
			}
		}
	}
}

// TestCodeProblem checks that the edition check above can fail, for each
// kind of edition it handles.
func TestCodeProblem(t *testing.T) {
	n := newNomenclatureCache(sharedDataDir(t))
	cn := func(year int) hs.Edition { return hs.Edition{System: "CN", Year: year} }
	tests := []struct {
		code    string
		edition hs.Edition
		ok      bool
	}{
		{"9101", hs.HS2022, true},
		{"8903.93", hs.HS2022, true},
		{"8903.93", hs.HS2017, false}, // created by the HS2022 split of 8903.99
		{"8903.99", hs.HS2012, true},
		{"9101.29.99", hs.HS2022, false}, // national digits under an HS edition
		{"9101 21 00", cn(2026), true},   // undivided HS6 written as CN8
		{"9101 21 99", cn(2026), false},
		{"8903 99 10", cn(2017), true}, // no CN2017 table: HS6 8903.99 exists in HS2017
		{"8903 93 10", cn(2017), false},
		{"9101 21 00", cn(2005), false}, // based on HS2002, which the shared data lacks
	}
	for _, tt := range tests {
		p := Pattern{Code: hs.MustParse(tt.code), Edition: tt.edition}
		msg := n.problem(t.Context(), p)
		if got := msg == ""; got != tt.ok {
			t.Errorf("problem(%s %s) = %q, want ok=%v", tt.code, tt.edition, msg, tt.ok)
		}
	}
}

func TestUN2321Thresholds(t *testing.T) {
	c := embeddedCatalogue(t)
	l, ok := c.List("un-2321-luxury")
	if !ok {
		t.Fatal("list un-2321-luxury is missing")
	}
	type limit struct {
		Amount    float64
		Currency  string
		Per       Unit
		Inclusive bool
	}
	got := map[string]limit{}
	for _, e := range l.Entries {
		if th := e.Threshold; th != nil {
			got[e.ID] = limit{th.Amount, th.Currency, th.Per, th.Inclusive}
		}
	}
	// Annex IV: rugs and tapestries valued greater than USD 500, tableware
	// of porcelain or bone china valued greater than USD 100.
	want := map[string]limit{
		"un-2321-iv-a-rugs-tapestries":     {Amount: 500, Currency: "USD", Per: Item},
		"un-2321-iv-b-porcelain-tableware": {Amount: 100, Currency: "USD", Per: Item},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("UNSCR 2321 Annex IV thresholds (-want +got):\n%s", diff)
	}
}

// TestDefaultLookupKnownFacts checks entries the screening must find (or
// must not find) for codes and dates whose legal answer is known. Only the
// entries named in want are compared, because other lists may cover the
// same codes.
func TestDefaultLookupKnownFacts(t *testing.T) {
	c := embeddedCatalogue(t)
	day := func(s string) time.Time {
		d, err := time.Parse(dateLayout, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	// absent marks an entry the lookup must not return.
	const absent Coverage = ""
	tests := []struct {
		name string
		code string
		opts Options
		want map[string]Coverage // entry ID -> coverage, or absent
	}{
		{
			name: "gold wrist-watch today is a UNSCR 2270 luxury watch",
			code: "9101.21",
			opts: Options{Date: today},
			want: map[string]Coverage{"un-2270-v-a-luxury-watches": Full},
		},
		{
			name: "passenger car in mid-2019: UNSCR 2094 luxury car and UNSCR 2397 ban on HS 87",
			code: "8703.24",
			opts: Options{Date: day("2019-06-01")},
			want: map[string]Coverage{
				"un-2094-iv-b-luxury-automobiles":   Ex,
				"un-2397-7-transportation-vehicles": Full,
			},
		},
		{
			name: "passenger car before UNSCR 2397 was adopted",
			code: "8703.24",
			opts: Options{Date: day("2016-01-01")},
			want: map[string]Coverage{
				"un-2094-iv-b-luxury-automobiles":   Ex,
				"un-2397-7-transportation-vehicles": absent,
			},
		},
		{
			name: "passenger car imported from the DPRK is not under the supply ban",
			code: "8703.24",
			opts: Options{Date: day("2019-06-01"), Direction: ImportFrom},
			want: map[string]Coverage{
				"un-2094-iv-b-luxury-automobiles":   absent,
				"un-2397-7-transportation-vehicles": absent,
			},
		},
		{
			name: "anthracite in 2017 falls under the UNSCR 2321 cap, which replaced UNSCR 2270 paragraph 29",
			code: "2701.11",
			opts: Options{Date: day("2017-01-01")},
			want: map[string]Coverage{
				"un-2270-29-coal": absent,
				"un-2321-26-coal": Full,
				"un-2371-8-coal":  absent,
			},
		},
		{
			name: "anthracite in 2018 falls under the UNSCR 2371 full ban",
			code: "2701.11",
			opts: Options{Date: day("2018-01-01")},
			want: map[string]Coverage{
				"un-2321-26-coal": absent,
				"un-2371-8-coal":  Full,
			},
		},
		{
			name: "frozen squid from the DPRK after August 2017",
			code: "0307.43",
			opts: Options{Date: day("2018-01-01"), Direction: ImportFrom},
			want: map[string]Coverage{"un-2371-9-seafood": Full},
		},
		{
			name: "heading 9101 asked as a whole is covered in full",
			code: "9101",
			opts: Options{Date: today, Jurisdictions: []string{"UN"}},
			want: map[string]Coverage{"un-2270-v-a-luxury-watches": Full},
		},
		{
			name: "chapter 70 asked as a whole covers lead crystal only in part",
			code: "70",
			opts: Options{Date: today, Jurisdictions: []string{"UN"}},
			want: map[string]Coverage{"un-2270-v-d-lead-crystal": Partial},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := hs.MustParse(tt.code)
			found := map[string]Coverage{}
			for _, m := range c.Lookup(code, tt.opts) {
				found[m.Entry.ID] = m.Coverage
			}
			got := map[string]Coverage{}
			for id := range tt.want {
				got[id] = found[id]
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup(%s, %+v) (-want +got):\n%s", tt.code, tt.opts, diff)
			}
		})
	}
}
