package lists

import (
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
)

// The facts pinned here were read for issue 14 on 3-4 December 2026; each
// case names its source. Russian decree texts and the UN resolutions'
// annexes were not readable, so several pins are of what the catalogue
// claims and how it labels it, not of the law itself.

// entryIDsAt returns the IDs of the entries of the jurisdiction's lists that
// cover code on date, in direction dir (empty: any), sorted.
func entryIDsAt(t *testing.T, cat *Catalogue, j, code string, date time.Time, dir Direction) []string {
	t.Helper()
	var got []string
	for _, m := range cat.Lookup(hs.MustParse(code), Options{Jurisdictions: []string{j}, Date: date, Direction: dir}) {
		got = append(got, m.Entry.ID)
	}
	slices.Sort(got)
	return slices.Compact(got)
}

func entryByID(t *testing.T, l *List, id string) *Entry {
	t.Helper()
	for _, e := range l.Entries {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("list %s has no entry %s", l.ID, id)
	return nil
}

// TestRussiaDecreesSuccession pins the three Russian instruments and their
// in-force dates.
func TestRussiaDecreesSuccession(t *testing.T) {
	ls := defaultLists(t)
	type inst struct {
		Reference  string
		From       time.Time
		Direction  Direction
		Confidence Confidence
	}
	for _, tc := range []struct {
		id   string
		want inst
	}{
		// lenta.ru 30 May 2007: decree bans selling luxury goods to the DPRK
		// and buying them there; number and date 27 May 2007 recalled.
		{"ru-2007-decree-luxury", inst{"Presidential Decree No. 665 of 27 May 2007", utc(2007, 5, 27), Both, SecondarySource}},
		// Xinhua (People's Daily Arabic) 31 Dec 2016: signed Friday 30 Dec 2016.
		{"ru-2016-decree-2270-luxury", inst{"Presidential Decree of 30 December 2016 on measures to implement UN Security Council resolution 2270", utc(2016, 12, 30), ExportTo, SecondarySource}},
		// mosaica.ru, glavcom.ua, Sputnik: signed and published 16 Oct 2017,
		// in force on signing (snob.ru via realrussiatoday.com).
		{"ru-2017-decree-2321-luxury", inst{"Presidential Decree of 16 October 2017 on measures to implement UN Security Council resolution 2321", utc(2017, 10, 16), ExportTo, SecondarySource}},
	} {
		l := byID(t, ls, tc.id)
		got := inst{l.Instrument.Reference, l.InForce.From, l.Direction, l.Confidence}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.id, diff)
		}
		if l.InForce.Until != nil {
			t.Errorf("%s ends %s; no repeal of it was seen", tc.id, formatDate(*l.InForce.Until))
		}
	}
}

// TestRussiaLookupsByDate checks that each Russian item applies from its own
// decree (or, for the 2094 items, from the resolution read into the 2007
// decree) and not before.
func TestRussiaLookupsByDate(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, tc := range []struct {
		code string
		date time.Time
		want []string
	}{
		// Die Welt (S12): furs above RUB 250,000.
		{"4303.10", utc(2012, 6, 1), []string{"ru-2007-furs"}},
		// S/RES/2094 (2013) Annex IV (b), adopted 7 March 2013.
		{"8703.23", utc(2013, 3, 6), nil},
		{"8703.23", utc(2013, 3, 7), []string{"ru-2007-un-2094-cars"}},
		// S/RES/2270 Annex V (a) through the decree of 30 December 2016.
		{"9101.11", utc(2016, 12, 29), nil},
		{"9101.11", utc(2016, 12, 30), []string{"ru-2016-watches"}},
		// S/RES/2321 Annex IV through the decree of 16 October 2017.
		{"5701.10", utc(2017, 10, 15), nil},
		{"5701.10", utc(2017, 10, 16), []string{"ru-2017-rugs-tapestries"}},
		{"6911.10", utc(2018, 1, 1), []string{"ru-2017-porcelain-tableware"}},
		// Snowmobiles, gold watches and yachts in 2019: all three decrees.
		{"8703.10", utc(2019, 6, 1), []string{"ru-2007-un-2094-cars", "ru-2016-snowmobiles"}},
	} {
		if diff := cmp.Diff(tc.want, entryIDsAt(t, cat, "RU", tc.code, tc.date, "")); diff != "" {
			t.Errorf("RU %s on %s (-want +got):\n%s", tc.code, formatDate(tc.date), diff)
		}
	}
}

// TestRussiaLabels pins how the Russian entries are labelled: the fur item
// single-sourced, the UN items copies of the UN derivation, and the 2321
// thresholds in USD as reported for the decree (politicallore.com).
func TestRussiaLabels(t *testing.T) {
	ls := defaultLists(t)
	type label struct {
		Basis       Basis
		Confidence  Confidence
		DerivedFrom string
		Threshold   string
	}
	thr := func(e *Entry) string {
		if e.Threshold == nil {
			return ""
		}
		return strconv.FormatFloat(e.Threshold.Amount, 'f', -1, 64) + " " + e.Threshold.Currency
	}
	for _, tc := range []struct {
		list, entry string
		want        label
	}{
		{"ru-2007-decree-luxury", "ru-2007-furs", label{Derived, SecondarySource, "", "250000 RUB"}},
		{"ru-2007-decree-luxury", "ru-2007-un-2094-jewellery", label{Derived, Recalled, "un-2094-luxury", ""}},
		{"ru-2007-decree-luxury", "ru-2007-un-2094-yachts", label{Derived, Recalled, "un-2094-luxury", ""}},
		{"ru-2016-decree-2270-luxury", "ru-2016-watches", label{Derived, Recalled, "un-2270-luxury", ""}},
		{"ru-2016-decree-2270-luxury", "ru-2016-snowmobiles", label{Derived, Recalled, "un-2270-luxury", "2000 USD"}},
		{"ru-2017-decree-2321-luxury", "ru-2017-rugs-tapestries", label{Derived, SecondarySource, "un-2321-luxury", "500 USD"}},
		{"ru-2017-decree-2321-luxury", "ru-2017-porcelain-tableware", label{Derived, SecondarySource, "un-2321-luxury", "100 USD"}},
	} {
		e := entryByID(t, byID(t, ls, tc.list), tc.entry)
		got := label{e.Basis, e.Confidence, e.DerivedFrom, thr(e)}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.entry, diff)
		}
	}
}

// TestChinaAnnouncements pins the MOFCOM–GAC announcements: numbers, dates
// and the codes they print.
func TestChinaAnnouncements(t *testing.T) {
	ls := defaultLists(t)
	type inst struct {
		Reference string
		Date      time.Time
		From      time.Time
		Kind      Kind
		Direction Direction
	}
	for _, tc := range []struct {
		id   string
		want inst
	}{
		// people.com.cn 6 Apr 2016; etongguan.com: 发布日期 and 执行日期 2016-4-5.
		{"cn-2016-11-sectoral-import", inst{"MOFCOM–GAC Announcement No. 11 of 2016", utc(2016, 4, 5), utc(2016, 4, 5), Sectoral, ImportFrom}},
		{"cn-2016-11-sectoral-export", inst{"MOFCOM–GAC Announcement No. 11 of 2016", utc(2016, 4, 5), utc(2016, 4, 5), Sectoral, ExportTo}},
		// MoneyDJ 26 Dec 2016: in force 24 December 2016.
		{"cn-2016-2321-sectoral-import", inst{"MOFCOM–GAC Announcement of December 2016 implementing UN Security Council resolution 2321", utc(2016, 12, 24), utc(2016, 12, 24), Sectoral, ImportFrom}},
		// customslawyer.cn: 发布日期 2017-8-14, 实施日期 2017-8-15.
		{"cn-2017-40-sectoral-import", inst{"MOFCOM–GAC Announcement No. 40 of 2017", utc(2017, 8, 14), utc(2017, 8, 15), Sectoral, ImportFrom}},
		// news.hnmdtv.com full text: 发布日期 2017-9-22, "自公告发布之日起".
		{"cn-2017-52-sectoral-import", inst{"MOFCOM–GAC Announcement No. 52 of 2017", utc(2017, 9, 22), utc(2017, 9, 22), Sectoral, ImportFrom}},
		{"cn-2017-52-sectoral-export", inst{"MOFCOM–GAC Announcement No. 52 of 2017", utc(2017, 9, 22), utc(2017, 9, 22), Sectoral, ExportTo}},
		// Xinhua via zjol.com.cn: 发布日期 2018-1-5, 实施日期 2018-1-6.
		{"cn-2018-4-sectoral-export", inst{"MOFCOM–GAC Announcement No. 4 of 2018", utc(2018, 1, 5), utc(2018, 1, 6), Sectoral, ExportTo}},
	} {
		l := byID(t, ls, tc.id)
		got := inst{l.Instrument.Reference, l.Instrument.Date, l.InForce.From, l.Kind, l.Direction}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.id, diff)
		}
	}
	// China has no published luxury list in the catalogue.
	for _, l := range ls {
		if l.Jurisdiction == "CN" && l.Kind == Luxury {
			t.Errorf("%s: a Chinese luxury list; none was found in any source", l.ID)
		}
	}
}

// TestChinaPublishedCodes pins the codes printed in the announcements' own
// text, and that entries whose annex rows were not seen are derived.
func TestChinaPublishedCodes(t *testing.T) {
	ls := defaultLists(t)
	type codes struct {
		Basis Basis
		Codes []string
	}
	for _, tc := range []struct {
		list, entry string
		want        codes
	}{
		// Annex of No. 40 of 2017, item 1: 2701, 2702.
		{"cn-2017-40-sectoral-import", "cn-2017-40-coal", codes{Published, []string{"2701", "2702"}}},
		// Item 2: 2601111000, 2601112000, 2601119000 (HS 2601.11).
		{"cn-2017-40-sectoral-import", "cn-2017-40-iron-ore-annex", codes{Published, []string{"2601.11"}}},
		// Rows not seen.
		{"cn-2017-40-sectoral-import", "cn-2017-40-aquatic-products", codes{Derived, []string{"03", "1604", "1605"}}},
		// No. 52 of 2017, paragraph 2: 2709000000 (condensate), 2711110000 (LNG).
		{"cn-2017-52-sectoral-export", "cn-2017-52-condensate", codes{Published, []string{"2709.00"}}},
		{"cn-2017-52-sectoral-export", "cn-2017-52-lng", codes{Published, []string{"2711.11"}}},
		// No. 4 of 2018, annex 1 not seen.
		{"cn-2018-4-sectoral-export", "cn-2018-4-transport-vehicles", codes{Derived, []string{"86", "87", "88", "89"}}},
	} {
		e := entryByID(t, byID(t, ls, tc.list), tc.entry)
		got := codes{Basis: e.Basis}
		for _, p := range e.Codes {
			got.Codes = append(got.Codes, p.Code.String())
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.entry, diff)
		}
	}
}

// TestChinaLookupsByDate checks the announcements' in-force dates through
// lookups.
func TestChinaLookupsByDate(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, tc := range []struct {
		code string
		date time.Time
		dir  Direction
		want []string
	}{
		// Seafood: banned by No. 40 of 2017 from 15 August 2017.
		{"0307.43", utc(2017, 8, 14), ImportFrom, nil},
		{"0307.43", utc(2017, 8, 15), ImportFrom, []string{"cn-2017-40-aquatic-products"}},
		// Coal: No. 11 of 2016 (with exceptions), then No. 40 of 2017.
		{"2701.12", utc(2016, 4, 4), ImportFrom, nil},
		{"2701.12", utc(2016, 4, 5), ImportFrom, []string{"cn-2016-11-coal"}},
		{"2701.12", utc(2017, 8, 15), ImportFrom, []string{"cn-2016-11-coal", "cn-2017-40-coal"}},
		// LNG export: No. 52 of 2017 from 22 September 2017.
		{"2711.11", utc(2017, 9, 21), ExportTo, nil},
		{"2711.11", utc(2017, 9, 22), ExportTo, []string{"cn-2017-52-lng"}},
		// Cars to the DPRK: No. 4 of 2018 from 6 January 2018.
		{"8703.23", utc(2018, 1, 5), ExportTo, nil},
		{"8703.23", utc(2018, 1, 6), ExportTo, []string{"cn-2018-4-transport-vehicles"}},
		// Textiles from the DPRK: No. 52 of 2017.
		{"6201.40", utc(2017, 9, 22), ImportFrom, []string{"cn-2017-52-textiles"}},
	} {
		if diff := cmp.Diff(tc.want, entryIDsAt(t, cat, "CN", tc.code, tc.date, tc.dir)); diff != "" {
			t.Errorf("CN %s %s on %s (-want +got):\n%s", tc.dir, tc.code, formatDate(tc.date), diff)
		}
	}
}

// researchNote matches the words of research remarks that belong in notes,
// never in a citation or an instrument reference.
var researchNote = regexp.MustCompile(`(?i)as reported|not seen|recalled|as given in|as summari[sz]ed|cut-off|assumed|probably|\(news\)|not verified|unverified`)

// TestRussiaChinaUNCitationsAreClean checks the citations of the lists this
// file covers.
func TestRussiaChinaUNCitationsAreClean(t *testing.T) {
	for _, l := range defaultLists(t) {
		if l.Jurisdiction != "RU" && l.Jurisdiction != "CN" && l.Jurisdiction != "UN" {
			continue
		}
		for what, s := range map[string]string{"citation": l.Citation, "reference": l.Instrument.Reference} {
			if researchNote.MatchString(s) {
				t.Errorf("%s: %s %q carries a research note", l.ID, what, s)
			}
		}
		for _, e := range l.Entries {
			if researchNote.MatchString(e.Citation) {
				t.Errorf("%s: %s: citation %q carries a research note", l.ID, e.ID, e.Citation)
			}
		}
		for _, u := range []string{l.Instrument.URL, l.SourceURL} {
			if regexp.MustCompile(`^https?://[^/]+/?$`).MatchString(u) {
				t.Errorf("%s: URL %q is a bare home page", l.ID, u)
			}
		}
	}
}

// TestUNLuxuryLabels pins what the UN luxury lists claim: the 2321
// thresholds (Lexology; politicallore.com for Russia's decree), the 2270
// snowmobile threshold still recalled, and the annex-only 2321 citation.
func TestUNLuxuryLabels(t *testing.T) {
	ls := defaultLists(t)
	u2321 := byID(t, ls, "un-2321-luxury")
	if u2321.Citation != "Annex IV" {
		t.Errorf("un-2321-luxury citation = %q, want %q", u2321.Citation, "Annex IV")
	}
	snow := entryByID(t, byID(t, ls, "un-2270-luxury"), "un-2270-v-c-snowmobiles")
	if snow.Confidence != Recalled || snow.Threshold == nil || snow.Threshold.Amount != 2000 || snow.Threshold.Currency != "USD" {
		t.Errorf("un-2270 snowmobiles: confidence %s threshold %+v; want recalled, USD 2,000", snow.Confidence, snow.Threshold)
	}
	watercraft := entryByID(t, byID(t, ls, "un-2270-luxury"), "un-2270-v-b-aquatic-recreational-vehicles")
	if watercraft.Threshold != nil {
		t.Errorf("un-2270 aquatic recreational vehicles carry a threshold %+v; none was seen", watercraft.Threshold)
	}
	for _, l := range ls {
		if l.Jurisdiction == "UN" && l.Kind == Luxury && l.Confidence == PrimaryText {
			t.Errorf("%s is primary-text; no UN resolution text was read", l.ID)
		}
	}
}
