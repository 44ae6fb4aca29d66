package lists

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
)

// The European lists' facts, each pinned to the source it was read in
// (numbers S… refer to section 8 of the shared control-lists sources note).

// europeanLists are the lists these facts are about.
var europeanLists = []string{
	"eu-2007-329-luxury", "eu-2017-1509-original-luxury", "eu-2017-1509-luxury",
	"gb-2019-411-luxury",
	"ch-2006-dprk-luxury", "ch-946-231-127-6-luxury",
	"no-2006-1405-luxury", "no-2017-1509-luxury",
	"li-2016-196-luxury",
}

func TestEuropeInForce(t *testing.T) {
	ls := defaultLists(t)
	open := "open"
	for _, tc := range []struct {
		id, from, until string
	}{
		// S5: EUR-Lex 32007R0329: in force 29.3.2007 (OJ L 88); end of validity
		// 31/08/2017, repealed by 32017R1509, which entered into force on 31.8.2017
		// (OJ L 224): 31 August is the first day 329/2007 no longer applied.
		{"eu-2007-329-luxury", "2007-03-29", "2017-08-31"},
		// S6: 2017/1509 as adopted (OJ L 224, 31.8.2017) until Regulation
		// 2017/2062 (OJ L 295, 14.11.2017, p. 4) replaced Annex VIII.
		{"eu-2017-1509-original-luxury", "2017-08-31", "2017-11-15"},
		{"eu-2017-1509-luxury", "2017-11-15", open},
		// GOV.UK NTI 2945: SI 2019/411 "came into force on 1 January 2021";
		// the EU applied to the UK until then (Withdrawal Agreement art. 126-127).
		{"gb-2019-411-luxury", "2021-01-01", open},
		// SECO press release of 25.10.2006: ordinance in force 26 October 2006;
		// FINMA 19.5.2016: the total revision (SR 946.231.127.6) in force 18 May 2016, 18:00.
		{"ch-2006-dprk-luxury", "2006-10-26", "2016-05-18"},
		{"ch-946-231-127-6-luxury", "2016-05-18", open},
		// S25: lovdata FOR-2006-12-15-1405: in force 15.12.2006 and 18.04.2007,
		// § 2 incorporates Regulation 329/2007; Norsk Lovtidend 1.12.2017 and
		// regjeringen.no: § 2 incorporates 2017/1509 from 21 November 2017.
		{"no-2006-1405-luxury", "2007-04-18", "2017-11-21"},
		{"no-2017-1509-luxury", "2017-11-21", open},
		// gesetze.li: LGBl. 2016 Nr. 196, Verordnung vom 24. Mai 2016, issued 25 May 2016.
		{"li-2016-196-luxury", "2016-05-25", open},
	} {
		l := byID(t, ls, tc.id)
		got := [2]string{formatDate(l.InForce.From), open}
		if l.InForce.Until != nil {
			got[1] = formatDate(*l.InForce.Until)
		}
		if diff := cmp.Diff([2]string{tc.from, tc.until}, got); diff != "" {
			t.Errorf("%s in force (-want +got):\n%s", tc.id, diff)
		}
	}
}

// TestEuropeLookupByDate pins which European list answers for a code on a
// date, the succession of instruments the lookup command walks.
func TestEuropeLookupByDate(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, tc := range []struct {
		code, juris, date string
		want              []string
	}{
		// Gold wrist-watches in 2012: the EU's Annex III (item 18), which the UK
		// applied as a member state.
		{"9101.11", "EU", "2012-06-01", []string{"eu-2007-329-luxury"}},
		{"9101.11", "GB", "2012-06-01", []string{"eu-2007-329-luxury"}},
		{"9101.11", "GB", "2019-06-01", []string{"eu-2017-1509-luxury"}},
		{"9101.11", "GB", "2021-06-01", []string{"gb-2019-411-luxury"}},
		// The day 2017/1509 entered into force and the window before 2017/2062.
		{"0101.21", "EU", "2017-08-30", []string{"eu-2007-329-luxury"}},
		{"0101.21", "EU", "2017-08-31", []string{"eu-2017-1509-original-luxury"}},
		{"0101.21", "EU", "2017-09-15", []string{"eu-2017-1509-original-luxury"}},
		{"0101.21", "EU", "2017-11-15", []string{"eu-2017-1509-luxury"}},
		// Switzerland's 2006 Annex 2 listed watches: swissinfo.ch, 25 October 2006
		// (https://www.swissinfo.ch/ger/bundespolitik/schweiz-verhaengt-sanktionen-gegen-nordkorea/5522540):
		// "Gemäss einer provisorischen Liste fallen darunter Güter wie Uhren, ...";
		// Berner Zeitung 2013 quotes item 15 "hochwertige Uhren und Uhrmacherwaren".
		{"0101.21", "CH", "2012-06-01", []string{"ch-2006-dprk-luxury"}},
		{"9101.11", "CH", "2012-06-01", []string{"ch-2006-dprk-luxury"}},
		// Lead crystal: no report names it before the 2016 revision (mondaq,
		// May 2016: the revision added "items of lead crystal").
		{"7013.22", "CH", "2012-06-01", nil},
		{"7013.22", "CH", "2019-06-01", []string{"ch-946-231-127-6-luxury"}},
		// SECO press release of 3 July 2013
		// (https://www.seco.admin.ch/seco/de/home/seco/nsb-news.msg-id-49584.html):
		// the luxury list was extended, in force 4 July 2013; Berner Zeitung 2013
		// quotes the added item on sports installations of a luxury character,
		// under which SECO refused ski lifts.
		{"8428.60", "CH", "2013-07-03", nil},
		{"8428.60", "CH", "2013-07-04", []string{"ch-2006-dprk-luxury"}},
		{"9101.11", "CH", "2019-06-01", []string{"ch-946-231-127-6-luxury"}},
		// Norway applies the EU annexes it incorporates (S25).
		{"9101.11", "NO", "2012-06-01", []string{"no-2006-1405-luxury"}},
		{"9101.11", "NO", "2017-10-01", []string{"no-2006-1405-luxury"}},
		{"0101.21", "NO", "2019-06-01", []string{"no-2017-1509-luxury"}},
		{"9101.11", "LI", "2019-06-01", []string{"li-2016-196-luxury"}},
	} {
		d, err := time.Parse(dateLayout, tc.date)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range cat.Lookup(hs.MustParse(tc.code), Options{Date: d, Jurisdictions: []string{tc.juris}}) {
			if m.List.Jurisdiction != "UN" && !slices.Contains(got, m.List.ID) {
				got = append(got, m.List.ID)
			}
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("lookup %s %s on %s (-want +got):\n%s", tc.code, tc.juris, tc.date, diff)
		}
	}
}

// TestEuropeTariffCodes pins the CN codes read from TARIC measures rather
// than from Annex VIII: they are labelled tariff, name the measure, and no
// European entry claims codes printed in its instrument (none was read).
func TestEuropeTariffCodes(t *testing.T) {
	ls := defaultLists(t)
	eu := byID(t, ls, "eu-2017-1509-luxury")
	var got []string
	for _, e := range eu.Entries {
		if e.Basis != Tariff {
			continue
		}
		for _, p := range e.Codes {
			got = append(got, p.Code.String())
			if !strings.Contains(p.Rationale, "Regulation 2062/17") || !strings.Contains(p.Rationale, "TARIC") {
				t.Errorf("%s %s: rationale %q does not name the TARIC measure", e.ID, p.Code, p.Rationale)
			}
		}
	}
	// S1: tarifdouanier.eu/2025/57023180; tariffnumber.com mirrors for the others.
	want := []string{"0101.21.00", "2402.10.00", "5702.91.00", "5702.31.80"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EU Annex VIII tariff codes (-want +got):\n%s", diff)
	}
	for _, id := range europeanLists {
		for _, e := range byID(t, ls, id).Entries {
			if e.Basis == Published {
				t.Errorf("%s/%s is labelled published, but no European annex text with codes was read", id, e.ID)
			}
		}
	}
}

// TestEuropeDerivedFrom pins which lists copy another list's derivation.
func TestEuropeDerivedFrom(t *testing.T) {
	ls := defaultLists(t)
	// ownItems are national items with no counterpart in the list the
	// others copy: the Swiss item of July 2013 on sports installations of a
	// luxury character (SECO, 3 July 2013; Berner Zeitung 2013).
	ownItems := map[string]bool{"ch-2006-lux-2013-sports-installations": true}
	for _, tc := range []struct{ id, from string }{
		{"eu-2017-1509-original-luxury", "eu-2007-329-luxury"},
		{"gb-2019-411-luxury", "eu-2007-329-luxury"},
		{"ch-2006-dprk-luxury", "eu-2007-329-luxury"},
		{"ch-946-231-127-6-luxury", "eu-2007-329-luxury"},
		{"no-2006-1405-luxury", "eu-2007-329-luxury"},
		{"no-2017-1509-luxury", "eu-2017-1509-luxury"},
		{"li-2016-196-luxury", "ch-946-231-127-6-luxury"},
	} {
		l := byID(t, ls, tc.id)
		byID(t, ls, tc.from)
		for _, e := range l.Entries {
			if ownItems[e.ID] {
				if e.DerivedFrom != "" {
					t.Errorf("%s/%s has no counterpart in %s but is derived from %q", tc.id, e.ID, tc.from, e.DerivedFrom)
				}
				continue
			}
			if e.DerivedFrom != tc.from {
				t.Errorf("%s/%s derived_from %q, want %q", tc.id, e.ID, e.DerivedFrom, tc.from)
			}
		}
	}
	// Norway's lists are the EU annexes it incorporates: the same codes.
	codes := func(l *List) (out [][]string) {
		for _, e := range l.Entries {
			var cs []string
			for _, p := range e.Codes {
				cs = append(cs, p.Code.String())
			}
			out = append(out, cs)
		}
		return out
	}
	for no, eu := range map[string]string{"no-2006-1405-luxury": "eu-2007-329-luxury", "no-2017-1509-luxury": "eu-2017-1509-luxury"} {
		if diff := cmp.Diff(codes(byID(t, ls, eu)), codes(byID(t, ls, no))); diff != "" {
			t.Errorf("%s codes differ from %s (-eu +no):\n%s", no, eu, diff)
		}
	}
}

// TestEuropeCitationsAreLegalReferences: research remarks belong in notes.
func TestEuropeCitationsAreLegalReferences(t *testing.T) {
	bad := []string{"as reported", "not seen", "recalled", "as given in", "as summarised", "cut-off", "assumed", "probably", "(news)", "not verified", "mirror"}
	for _, id := range europeanLists {
		l := byID(t, defaultLists(t), id)
		cites := []string{l.Citation}
		for _, e := range l.Entries {
			cites = append(cites, e.Citation)
		}
		for _, c := range cites {
			for _, w := range bad {
				if strings.Contains(strings.ToLower(c), w) {
					t.Errorf("%s: citation %q carries a research note (%q)", id, c, w)
				}
			}
		}
		for _, u := range []string{l.Instrument.URL, l.SourceURL} {
			if u != "" && strings.Count(strings.TrimSuffix(strings.SplitN(u, "://", 2)[1], "/"), "/") == 0 {
				t.Errorf("%s: %q is a bare home page", id, u)
			}
		}
	}
}

// TestEuropeAmendments pins the amendments that changed the EU lists.
func TestEuropeAmendments(t *testing.T) {
	ls := defaultLists(t)
	for _, tc := range []struct {
		id   string
		want []string
	}{
		// EUR-Lex 32016R0682 relation table: replaces Annex III from 04/05/2016;
		// Regulation 2016/841 (import ban, recital); S5 repeal by 2017/1509.
		{"eu-2007-329-luxury", []string{"Reg (EU) 2016/682 2016-05-04", "Reg (EU) 2016/841 2016-05-28", "Reg (EU) 2017/1509 2017-08-31"}},
		// S6: Regulation 2017/2062 of 13.11.2017, OJ L 295, 14.11.2017.
		{"eu-2017-1509-luxury", []string{"Reg (EU) 2017/2062 2017-11-15"}},
		// SECO press release of 3 July 2013: in force 4 July 2013.
		{"ch-2006-dprk-luxury", []string{"V vom 3. Juli 2013 2013-07-04"}},
	} {
		var got []string
		for _, a := range byID(t, ls, tc.id).Amendments {
			got = append(got, a.Reference+" "+formatDate(a.Date))
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s amendments (-want +got):\n%s", tc.id, diff)
		}
	}
}

// TestEuropeNoOtherRegimes: the UK's Russia Schedule 3A (SI 2019/855) and EU
// Regulation 833/2014 Annex XVIII are analogues, never DPRK sources, and SI
// 2006/3327 is the Overseas Territories order (BAILII: art. 1(2), extends to
// the territories in Schedule 1), not a list of the United Kingdom.
func TestEuropeNoOtherRegimes(t *testing.T) {
	for _, l := range defaultLists(t) {
		ref := l.Instrument.Reference + " " + l.Instrument.Name
		if strings.Contains(ref, "2019/855") || strings.Contains(ref, "833/2014") {
			t.Errorf("%s is a list of another regime (%s)", l.ID, ref)
		}
		if l.Jurisdiction == "GB" && strings.Contains(ref, "3327") {
			t.Errorf("%s makes the Overseas Territories order a GB list", l.ID)
		}
	}
	for _, id := range europeanLists {
		if l := byID(t, defaultLists(t), id); l.Target != "KP" {
			t.Errorf("%s target %q, want KP", id, l.Target)
		}
	}
}

// TestSwitzerlandLuxuryFacts pins what the Swiss sources say about the two
// Swiss luxury lists: which goods the reports name (secondary-source), the
// watches of the 2006 Annex 2, and the 2016 ordinance's Article 8 and
// Annex 5.
func TestSwitzerlandLuxuryFacts(t *testing.T) {
	ls := defaultLists(t)
	type fact struct{ Category, Citation, Confidence string }
	entry := func(listID, entryID string) fact {
		for _, e := range byID(t, ls, listID).Entries {
			if e.ID == entryID {
				return fact{e.Category, e.Citation, string(e.Confidence)}
			}
		}
		t.Fatalf("%s has no entry %s", listID, entryID)
		return fact{}
	}
	const annex2 = "Verordnung vom 25. Oktober 2006 über Massnahmen gegenüber der DVRK, Anhang 2"
	const annex5 = "SR 946.231.127.6, Art. 8 and Anhang 5"
	for _, tc := range []struct {
		list, entry string
		want        fact
	}{
		// Berner Zeitung, 2013, "Skilift nicht, Uhren schon"
		// (https://www.bernerzeitung.ch/schweiz/standard/Skilift-nicht-Uhren-schon/story/19599927):
		// "in der Verordnung unter Punkt 15 auch «hochwertige Uhren und
		// Uhrmacherwaren» aufgeführt"; Daily NK via NK Econ Watch, 29 October 2006
		// (https://www.nkeconwatch.com/2006/10/29/switzerland-%E2%80%9Cnot-sell-watches-to-n-korea-from-26th%E2%80%9D/):
		// SECO's Othmar Wyss: luxury goods exported to the DPRK "are just watches".
		{"ch-2006-dprk-luxury", "ch-2006-lux-18-watches", fact{"High-quality watches and clocks and watchmakers' wares (hochwertige Uhren und Uhrmacherwaren)", annex2, "secondary-source"}},
		// swissinfo.ch, 25 October 2006: "Uhren, Bijouterie, Kaviar, Wein, Parfum,
		// hochwertige elektronische Geräte, Luxusfahrzeuge jeglicher Art sowie
		// Kunstgegenstände"; Daily NK: "caviar, wine, tobacco, luxury clothes,
		// carpets and fur overcoats, electronic appliances, cars and watches".
		{"ch-2006-dprk-luxury", "ch-2006-lux-2-caviar", fact{"Caviar and caviar substitutes", annex2, "secondary-source"}},
		{"ch-2006-dprk-luxury", "ch-2006-lux-9-carpets", fact{"Hand knotted carpets, hand-woven rugs and tapestries", annex2, "secondary-source"}},
		{"ch-2006-dprk-luxury", "ch-2006-lux-20-art", fact{"Works of art, collectors' pieces and antiques", annex2, "secondary-source"}},
		// Named by no 2006 report: still an assumption from the EU's categories.
		{"ch-2006-dprk-luxury", "ch-2006-lux-1-horses", fact{"Pure-bred horses", annex2, "recalled"}},
		// polizei.news (https://polizei.news/?p=67782): "Der Verkauf, die Lieferung,
		// die Ausfuhr und die Durchfuhr von Luxusgütern nach Anhang 5 nach
		// Nordkorea sind verboten. (Art. 8)"; Korea Herald (Yonhap), 22 June 2016
		// (http://www01.koreaherald.com/view.php?ud=20160622000661): 25 items
		// "include caviar, wine, cigars, luxury wristwatches, ski and golf
		// equipment and home appliances".
		{"ch-946-231-127-6-luxury", "ch-lux-18-watches", fact{"Luxury clocks and watches and their parts", annex5, "secondary-source"}},
		{"ch-946-231-127-6-luxury", "ch-lux-21-sports", fact{"Articles and equipment for skiing, golf, diving and water sports", annex5, "secondary-source"}},
		{"ch-946-231-127-6-luxury", "ch-lux-1-horses", fact{"Pure-bred horses", annex5, "recalled"}},
	} {
		if diff := cmp.Diff(tc.want, entry(tc.list, tc.entry)); diff != "" {
			t.Errorf("%s/%s (-want +got):\n%s", tc.list, tc.entry, diff)
		}
	}
	// The 2016 list cites Article 8 and Annex 5 at list level too.
	if got := byID(t, ls, "ch-946-231-127-6-luxury").Citation; got != "Art. 8 and Anhang 5" {
		t.Errorf("ch-946-231-127-6-luxury citation %q, want %q", got, "Art. 8 and Anhang 5")
	}
}
