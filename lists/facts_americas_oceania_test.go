package lists

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
)

// Facts of the Canadian, US, Australian and New Zealand lists, each pinned
// to the source it was read in (S-numbers are those of
// shared/notes/control-lists-sources.md, section 8).

// period renders a list's in-force period as "from – until".
func period(l *List) string {
	s := formatDate(l.InForce.From) + " – "
	if l.InForce.Until != nil {
		s += formatDate(*l.InForce.Until)
	}
	return s
}

// TestSuccessionSince2006 pins the instruments of each jurisdiction with
// their in-force periods: one list per instrument, each ending the day its
// replacement starts.
func TestSuccessionSince2006(t *testing.T) {
	ls := defaultLists(t)
	for _, tc := range []struct {
		jurisdiction string
		want         []string
	}{
		// Canada: SOR/2006-287 registered 9 Nov 2006 (laws-lois point-in-time
		// version 20061109); the definition of luxury goods amended by
		// SOR/2013-219 (in force 29 Nov 2013, consolidated SOR/2011-167 XML),
		// replaced by SOR/2016-278 (Gazette 2 Nov 2016), SOR/2018-1 (Gazette
		// 24 Jan 2018) and SOR/2020-119 (in force 1 Jun 2020, consolidated
		// SOR/2006-287 XML).
		{"CA", []string{
			"ca-sor-2006-287-luxury 2006-11-09 – 2013-11-29",
			"ca-sor-2013-219-luxury 2013-11-29 – 2016-10-21",
			"ca-sor-2016-278-luxury 2016-10-21 – 2018-01-11",
			"ca-sor-2018-1-luxury 2018-01-11 – 2020-06-01",
			"ca-sor-2020-119-luxury 2020-06-01 – ",
		}},
		// S23: legislation.gov.au F2006L05741, registered 21 Dec 2006,
		// repealed 2 Jun 2017 by the (Luxury Goods) Instrument 2017.
		{"AU", []string{
			"au-2006-luxury-list 2006-12-21 – 2017-06-02",
			"au-2017-luxury-instrument 2017-06-02 – ",
		}},
		// S21: scoop.co.nz, regulations in force 15 Dec 2006; S22: LI 2018/86
		// reg. 2(1) and 7, regs 11-21 replaced from 28 Jun 2018.
		{"NZ", []string{
			"nz-2006-luxury 2006-12-15 – 2017-04-18",
			"nz-2017-74-luxury 2017-04-18 – 2018-06-28",
			"nz-2018-86-restricted-export 2018-06-28 – ",
		}},
		// 72 FR 3722 (E7-1180), effective 26 Jan 2007.
		{"US", []string{
			"us-746-luxury 2007-01-26 – ",
		}},
	} {
		var got []string
		for _, l := range ls {
			if l.Jurisdiction == tc.jurisdiction && l.Kind == Luxury {
				got = append(got, l.ID+" "+period(l))
			}
		}
		slices.SortFunc(got, func(a, b string) int { return strings.Compare(a[strings.Index(a, " "):], b[strings.Index(b, " "):]) })
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s luxury lists (-want +got):\n%s", tc.jurisdiction, diff)
		}
	}
}

// lookupEntries returns "list/entry" for every match of code in the
// jurisdiction on the date.
func lookupEntries(t *testing.T, cat *Catalogue, code, jurisdiction string, date time.Time, kinds ...Kind) []string {
	t.Helper()
	var got []string
	for _, m := range cat.Lookup(hs.MustParse(code), Options{Jurisdictions: []string{jurisdiction}, Date: date, Kinds: kinds}) {
		got = append(got, m.List.ID+"/"+m.Entry.ID)
	}
	slices.Sort(got)
	return slices.Compact(got)
}

// TestAmericasOceaniaLuxuryFacts pins items of the national definitions at
// code level, on dates inside each instrument's period.
func TestAmericasOceaniaLuxuryFacts(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, tc := range []struct {
		name, code, jurisdiction string
		date                     time.Time
		want                     []string
	}{
		// SOR/2006-287 s. 1 as replaced by SOR/2020-119 (consolidated XML):
		// "... lobster, computers, televisions and other electronic devices
		// and yachts, personal watercraft, snowmobiles and automobiles ...".
		{"CA 2021 lobster", "0306.12", "CA", utc(2021, 1, 1), []string{"ca-sor-2020-119-luxury/ca20-lobster"}},
		{"CA 2021 laptop", "8471.30", "CA", utc(2021, 1, 1), []string{"ca-sor-2020-119-luxury/ca20-computers"}},
		{"CA 2021 any car", "8703.23", "CA", utc(2021, 1, 1), []string{"ca-sor-2020-119-luxury/ca20-vehicles"}},
		{"CA 2021 gold watch", "9101.11", "CA", utc(2021, 1, 1), []string{"ca-sor-2020-119-luxury/ca20-watches"}},
		// S13 (CNN, 1 Dec 2006): Canada embargoes "lobster, furs,
		// cigarettes, computers and private planes".
		{"CA 2010 lobster", "0306.12", "CA", utc(2010, 6, 1), []string{"ca-sor-2006-287-luxury/ca06-lobster"}},
		{"CA 2010 private plane", "8802.30", "CA", utc(2010, 6, 1), []string{"ca-sor-2006-287-luxury/ca06-aircraft"}},
		// S13, S14: Harley-Davidson motorcycles, jet skis, snowmobiles.
		{"US 2012 motorcycle", "8711.40", "US", utc(2012, 6, 1), []string{"us-746-luxury/us-lux-motorcycles"}},
		{"US 2012 jet ski", "8903.93", "US", utc(2012, 6, 1), []string{"us-746-luxury/us-lux-watercraft", "us-746-luxury/us-lux-yachts"}},
		{"US 2012 snowmobile", "8703.10", "US", utc(2012, 6, 1), []string{"us-746-luxury/us-lux-cars", "us-746-luxury/us-lux-snowmobiles"}},
		// S12 (Die Welt): Australia bans everything under clothing, leather
		// and furs and all consumer electronics (2006 List).
		{"AU 2012 T-shirt", "6109.10", "AU", utc(2012, 6, 1), []string{"au-2006-luxury-list/au06-clothing"}},
		{"AU 2012 television", "8528.72", "AU", utc(2012, 6, 1), []string{"au-2006-luxury-list/au06-electronics"}},
		{"AU 2019 T-shirt", "6109.10", "AU", utc(2019, 6, 1), nil},
		// S22: from 28 Jun 2018 restricted export goods replace luxury goods.
		{"NZ 2018-06-27 watch", "9101.11", "NZ", utc(2018, 6, 27), []string{"nz-2017-74-luxury/nz17-watches"}},
		{"NZ 2018-06-28 watch", "9101.11", "NZ", utc(2018, 6, 28), []string{"nz-2018-86-restricted-export/nz18-watches"}},
	} {
		got := lookupEntries(t, cat, tc.code, tc.jurisdiction, tc.date, Luxury)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: %s in %s on %s (-want +got):\n%s", tc.name, tc.code, tc.jurisdiction, formatDate(tc.date), diff)
		}
	}
}

// TestGoldWatch2012AmericasOceania is the acceptance of issue 14 for AU, NZ,
// and US: a gold wrist-watch on 1 June 2012 meets at least one control (CA:
// through its permit regime, see the embargo tests).
func TestGoldWatch2012AmericasOceania(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, j := range []string{"AU", "NZ", "CA", "US"} {
		if got := lookupEntries(t, cat, "9101.11", j, utc(2012, 6, 1)); len(got) == 0 {
			t.Errorf("9101.11 in %s on 2012-06-01: no control", j)
		}
	}
}

// TestAmericasOceaniaCitationsAndURLs checks the lists of this file for
// research notes in citations and for bare home pages as addresses.
func TestAmericasOceaniaCitationsAndURLs(t *testing.T) {
	banned := []string{"as reported", "not seen", "recalled", "as given in", "as summarised", "cut-off", "assumed", "probably", "(news)", "item implementing"}
	for _, l := range defaultLists(t) {
		if !slices.Contains([]string{"AU", "CA", "NZ", "US"}, l.Jurisdiction) {
			continue
		}
		for _, u := range []string{l.Instrument.URL, l.SourceURL} {
			if u == "" {
				continue
			}
			rest := u[strings.Index(u, "://")+3:]
			if i := strings.Index(rest, "/"); i < 0 || i == len(rest)-1 {
				t.Errorf("%s: address %q is a bare home page", l.ID, u)
			}
		}
		cits := []string{l.Citation}
		for _, e := range l.Entries {
			cits = append(cits, e.Citation)
		}
		for _, c := range cits {
			for _, w := range banned {
				if strings.Contains(strings.ToLower(c), w) {
					t.Errorf("%s: citation %q carries a research note (%q)", l.ID, c, w)
				}
			}
		}
	}
}

// TestCanadaDefinitionConfidence pins what was read: the 2020 definition in
// full (primary), the 2018 one up to "gourmet foods and ingredients", the
// 2006 one only through the press (S13).
func TestCanadaDefinitionConfidence(t *testing.T) {
	ls := defaultLists(t)
	count := func(id string) map[Confidence]int {
		m := map[Confidence]int{}
		for _, e := range byID(t, ls, id).Entries {
			m[e.Confidence]++
		}
		return m
	}
	for _, tc := range []struct {
		id   string
		want map[Confidence]int
	}{
		{"ca-sor-2020-119-luxury", map[Confidence]int{PrimaryText: 23}},
		{"ca-sor-2018-1-luxury", map[Confidence]int{PrimaryText: 16, Recalled: 7}},
		{"ca-sor-2006-287-luxury", map[Confidence]int{SecondarySource: 7}},
	} {
		if diff := cmp.Diff(tc.want, count(tc.id)); diff != "" {
			t.Errorf("%s entries by confidence (-want +got):\n%s", tc.id, diff)
		}
	}
}

// TestAmericasEmbargoes pins the all-goods regimes: Canada's Area Control
// List (SOR/81-543, DPRK listed by SOR/2010-162, consolidated XML in force
// 2010-07-13; Notice to Exporters No. 172 of 14 July 2010) and SEMA
// regulations (SOR/2011-167, s. 2, registered 11 Aug 2011); the US EAR
// licence requirement (15 CFR 746.4(a), 72 FR 3722, 26 Jan 2007; BIS page:
// "other than food or medicine designated as EAR99") and EO 13722 s. 3(a)(i).
func TestAmericasEmbargoes(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, tc := range []struct {
		name, code, jurisdiction string
		date                     time.Time
		want                     []string
	}{
		{"CA before the ACL", "9101.11", "CA", utc(2010, 7, 12), nil},
		{"CA ACL", "9101.11", "CA", utc(2010, 7, 13), []string{"ca-acl-2010-embargo/ca-acl-all-goods"}},
		{"CA ACL and SEMA", "9101.11", "CA", utc(2012, 6, 1), []string{"ca-acl-2010-embargo/ca-acl-all-goods", "ca-sor-2011-167-embargo/ca-sema-all-goods"}},
		// SEMA s. 10(1)(c) excludes food only when consigned to the listed
		// organisations: beef still needs a permit and is prohibited.
		{"CA beef", "0201.10", "CA", utc(2012, 6, 1), []string{"ca-acl-2010-embargo/ca-acl-all-goods", "ca-sor-2011-167-embargo/ca-sema-all-goods"}},
		{"US before the rule", "9101.11", "US", utc(2007, 1, 25), nil},
		{"US EAR", "9101.11", "US", utc(2012, 6, 1), []string{"us-746-embargo/us-746-all-items"}},
		{"US EAR and EO 13722", "9101.11", "US", utc(2016, 3, 16), []string{"us-746-embargo/us-746-all-items", "us-eo-13722-embargo/us-eo-13722-all-goods"}},
		// Wine is not food under the EAR: alcoholic beverages are excluded.
		{"US wine", "2204.21", "US", utc(2012, 6, 1), []string{"us-746-embargo/us-746-all-items"}},
	} {
		got := lookupEntries(t, cat, tc.code, tc.jurisdiction, tc.date, Embargo)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: %s in %s on %s (-want +got):\n%s", tc.name, tc.code, tc.jurisdiction, formatDate(tc.date), diff)
		}
	}
	// Food and medicine designated EAR99 are excepted from the US licence
	// requirement; the except codes are ex (EAR99 only), so the lookup may
	// report them as partial, never as full coverage.
	for _, code := range []string{"0201.10", "3004.90"} {
		for _, m := range cat.Lookup(hs.MustParse(code), Options{Lists: []string{"us-746-embargo"}, Date: utc(2012, 6, 1)}) {
			if m.Coverage == Full {
				t.Errorf("%s: us-746-embargo covers food or medicine in full: %+v", code, m)
			}
		}
	}
}

// TestCopiedUNDerivations checks that entries marked derived_from carry
// exactly the codes of a UN list entry of the same category.
func TestCopiedUNDerivations(t *testing.T) {
	ls := defaultLists(t)
	key := func(e *Entry) string {
		var s []string
		for _, p := range e.Codes {
			s = append(s, fmt.Sprintf("%v %v %v", p.Code, p.Ex, p.Edition))
		}
		return e.Category + "|" + strings.Join(s, ",")
	}
	for _, id := range []string{"au-2017-luxury-instrument", "nz-2017-74-luxury", "nz-2018-86-restricted-export", "ca-sor-2013-219-luxury", "ca-sor-2016-278-luxury"} {
		l := byID(t, ls, id)
		n := 0
		for _, e := range l.Entries {
			if e.DerivedFrom == "" {
				continue
			}
			n++
			src := byID(t, ls, e.DerivedFrom)
			if !slices.ContainsFunc(src.Entries, func(u *Entry) bool { return key(u) == key(e) }) {
				t.Errorf("%s/%s: derived_from %s but no entry there has its category and codes", id, e.ID, e.DerivedFrom)
			}
		}
		if n == 0 {
			t.Errorf("%s: no entry marked derived_from", id)
		}
	}
}

// TestAustraliaPermitRegime pins DFAT's "Restrictions on the export or
// supply of goods": every export other than export sanctioned goods, food or
// medicine needs a permit; the start date (30 Nov 2016, the 2016 Amendment
// Regulation per DFAT's North Korea page) is inferred and labelled recalled.
func TestAustraliaPermitRegime(t *testing.T) {
	cat := embeddedCatalogue(t)
	l := byID(t, defaultLists(t), "au-2016-permit-embargo")
	if l.Measure != Licence || l.Confidence != Recalled {
		t.Errorf("au-2016-permit-embargo: measure %q confidence %q, want licence, recalled", l.Measure, l.Confidence)
	}
	if got := lookupEntries(t, cat, "8450.11", "AU", utc(2019, 6, 1), Embargo); !slices.Equal(got, []string{"au-2016-permit-embargo/au-permit-all-goods"}) {
		t.Errorf("washing machine in AU 2019: %v", got)
	}
	if got := lookupEntries(t, cat, "8450.11", "AU", utc(2016, 11, 29), Embargo); got != nil {
		t.Errorf("washing machine in AU before 30 Nov 2016: %v", got)
	}
	for _, m := range cat.Lookup(hs.MustParse("3004.90"), Options{Lists: []string{"au-2016-permit-embargo"}, Date: utc(2019, 6, 1)}) {
		if m.Coverage == Full {
			t.Errorf("medicine fully covered by the AU permit regime: %+v", m)
		}
	}
}
