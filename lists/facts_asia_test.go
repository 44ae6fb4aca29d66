package lists

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
)

// asiaLists are the lists of South Korea, Japan, Singapore and Hong Kong
// whose facts this file pins.
var asiaLists = []string{"kr-2009-mou-luxury", "kr-2010-may24-embargo", "jp-etco-2-2-luxury", "jp-2009-export-ban", "jp-2006-import-ban", "sg-rie-luxury", "sg-2017-s645-embargo", "hk-cap-537ae-luxury"}

// TestKoreaNoTravellerThresholds pins that the Korean luxury entries carry
// no value threshold. S20: Hankyung 16 Aug 2009 (Yonhap), the KRW 300,000
// and KRW 2,000,000 amounts are the declaration thresholds of the customs
// notice on travellers' goods between the two Koreas (in force 17 Aug
// 2009), not thresholds of the Ministry of Unification notice, which needs
// approval for every shipment of a luxury category (Hankyoreh, MBN, 9 Jul
// 2009).
func TestKoreaNoTravellerThresholds(t *testing.T) {
	for _, l := range defaultLists(t) {
		if l.Jurisdiction != "KR" {
			continue
		}
		for _, e := range l.Entries {
			if e.Threshold != nil {
				t.Errorf("%s/%s carries a threshold of %g %s", l.ID, e.ID, e.Threshold.Amount, e.Threshold.Currency)
			}
		}
	}
}

// TestKoreaWineControlled2019 pins the acceptance case of issue 14: a USD
// 100 bottle of wine exported from South Korea to the DPRK in 2019 is
// controlled. S18/S19: wine (주류) is a luxury category of the MOU notice in
// force from 10 Jul 2009, needing approval per shipment.
func TestKoreaWineControlled2019(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, tc := range []struct {
		code string
		date time.Time
		want []string
	}{
		{"2204.21", utc(2019, 6, 1), []string{"kr-2009-mou-luxury/kr-2009-1", "kr-2010-may24-embargo/kr-may24-all-goods"}},
		{"9101.11", utc(2012, 6, 1), []string{"kr-2009-mou-luxury/kr-2009-11", "kr-2010-may24-embargo/kr-may24-all-goods"}},
		// S19: rice is no luxury, but the 24 May 2010 halt covers all goods,
		// and was never formally lifted (MOU, 20 May 2020).
		{"1006.30", utc(2010, 5, 23), nil},
		{"1006.30", utc(2010, 5, 24), []string{"kr-2010-may24-embargo/kr-may24-all-goods"}},
		{"1006.30", utc(2026, 1, 1), []string{"kr-2010-may24-embargo/kr-may24-all-goods"}},
		// Before the notice was amended, no Korean list.
		{"2204.21", utc(2009, 7, 9), nil},
	} {
		var got []string
		for _, m := range cat.Lookup(hs.MustParse(tc.code), Options{Jurisdictions: []string{"KR"}, Direction: ExportTo, Date: tc.date}) {
			got = append(got, m.List.ID+"/"+m.Entry.ID)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("KR luxury controls on %s at %s (-want +got):\n%s", tc.code, formatDate(tc.date), diff)
		}
	}
}

// researchWords are remarks that belong in notes, never in a citation.
var researchWords = []string{"as reported", "reported by", "not seen", "recalled", "as given in", "as summarised", "cut-off", "assumed", "probably", "(news)", "news report", "yonhap", "kyodo", "livedoor", "footnote"}

// TestAsiaCitationsAreClean checks that the citations of these lists are
// clean legal references, with research remarks left to the notes.
func TestAsiaCitationsAreClean(t *testing.T) {
	ls := defaultLists(t)
	for _, id := range asiaLists {
		l := byID(t, ls, id)
		check := func(where, c string) {
			for _, w := range researchWords {
				if strings.Contains(strings.ToLower(c), w) {
					t.Errorf("%s: citation %q contains %q", where, c, w)
				}
			}
		}
		check(l.ID, l.Citation)
		for _, e := range l.Entries {
			check(l.ID+"/"+e.ID, e.Citation)
		}
		for _, u := range []string{l.Instrument.URL, l.SourceURL} {
			if p, err := url.Parse(u); u != "" && (err != nil || p.Path == "" || p.Path == "/") {
				t.Errorf("%s: URL %q is not the address of a page", l.ID, u)
			}
		}
	}
}

// TestKoreaMeasures pins the measure and the exemptions of the Korean lists.
// S18: the MOU notice needs approval for each shipment of a luxury category
// (measure licence). S19 and Dong-A 11 Jun 2010: after the 24 May 2010
// measures every item needs approval, with blanket approval kept for goods
// to run the Kaesong Industrial Complex, shut on 10 Feb 2016 (Yonhap).
func TestKoreaMeasures(t *testing.T) {
	ls := defaultLists(t)
	lux := byID(t, ls, "kr-2009-mou-luxury")
	emb := byID(t, ls, "kr-2010-may24-embargo")
	type facts struct {
		Kind      Kind
		Measure   Measure
		Direction Direction
		From      string
		Until     string
	}
	for _, tc := range []struct {
		l    *List
		want facts
	}{
		{lux, facts{Luxury, Licence, Both, "2009-07-10", ""}},
		{emb, facts{Embargo, Licence, Both, "2010-05-24", ""}},
	} {
		got := facts{tc.l.Kind, tc.l.Measure, tc.l.Direction, formatDate(tc.l.InForce.From), ""}
		if u := tc.l.InForce.Until; u != nil {
			got.Until = formatDate(*u)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.l.ID, diff)
		}
	}
	if len(emb.Entries) != 1 || !emb.Entries[0].AllGoods {
		t.Fatalf("%s: want one all-goods entry, got %d entries", emb.ID, len(emb.Entries))
	}
	ex := strings.Join(emb.Entries[0].Exemptions, "; ")
	for _, want := range []string{"humanitarian", "Kaesong Industrial Complex, until the Complex was shut on 10 February 2016"} {
		if !strings.Contains(ex, want) {
			t.Errorf("%s: exemptions %q lack %q", emb.ID, ex, want)
		}
	}
	if !slices.ContainsFunc(emb.Amendments, func(a Amendment) bool { return formatDate(a.Date) == "2010-06-11" }) {
		t.Errorf("%s: no amendment of 11 Jun 2010 (every item subject to approval)", emb.ID)
	}
}

// TestJapanItemNumbers pins that only the items whose number was read carry
// one. S16: METI press release of 17 Feb 2017, tapestries are item 13-2 and
// porcelain tableware item 13-3 of Appended Table 2-2. S15 (Asahi via
// kotobank, 9 Jun 2009: 24 items) and Ming Pao (15 Nov 2006: 24 kinds, 33
// items) against the 25 categories of the MOFA page show that the catalogue's
// old numbers 1 to 25 were not the Order's.
func TestJapanItemNumbers(t *testing.T) {
	l := byID(t, defaultLists(t), "jp-etco-2-2-luxury")
	var numbered []string
	for _, e := range l.Entries {
		if strings.Contains(e.Citation, "item") {
			numbered = append(numbered, e.ID+": "+e.Citation)
		}
	}
	want := []string{
		"jp-2-2-13x2: Export Trade Control Order, Appended Table 2-2, item 13-2",
		"jp-2-2-13x3: Export Trade Control Order, Appended Table 2-2, item 13-3",
	}
	if diff := cmp.Diff(want, numbered); diff != "" {
		t.Errorf("numbered citations (-want +got):\n%s", diff)
	}
}

// TestJapanEmbargoes pins Japan's total bans. METI announcements of 2017,
// 2019 and 2025 and the Customs notice 財関第316号 (2016): every good
// destined for North Korea needs export approval, not given, since 18 Jun
// 2009 (FEFTA Article 48(3)); every good from North Korea needs import
// approval, not given, since 14 Oct 2006 (FEFTA Article 52; House of
// Councillors answer of 13 Jul 2018); humanitarian goods are exceptions.
func TestJapanEmbargoes(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, tc := range []struct {
		code string
		dir  Direction
		date time.Time
		want []string
	}{
		{"1006.30", ExportTo, utc(2009, 6, 17), nil},
		{"1006.30", ExportTo, utc(2009, 6, 18), []string{"jp-2009-export-ban/jp-export-ban-all-goods"}},
		{"1006.30", ExportTo, utc(2026, 6, 1), []string{"jp-2009-export-ban/jp-export-ban-all-goods"}},
		{"9101.11", ExportTo, utc(2012, 6, 1), []string{"jp-etco-2-2-luxury/jp-2-2-22", "jp-2009-export-ban/jp-export-ban-all-goods"}},
		{"9101.11", ExportTo, utc(2007, 6, 1), []string{"jp-etco-2-2-luxury/jp-2-2-22"}},
		{"0307.49", ImportFrom, utc(2006, 10, 13), nil},
		{"0307.49", ImportFrom, utc(2006, 10, 14), []string{"jp-2006-import-ban/jp-import-ban-all-goods"}},
	} {
		var got []string
		for _, m := range cat.Lookup(hs.MustParse(tc.code), Options{Jurisdictions: []string{"JP"}, Direction: tc.dir, Date: tc.date}) {
			got = append(got, m.List.ID+"/"+m.Entry.ID)
		}
		slices.Sort(got)
		slices.Sort(tc.want)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("JP %s %s on %s (-want +got):\n%s", tc.dir, tc.code, formatDate(tc.date), diff)
		}
	}
	for _, id := range []string{"jp-2009-export-ban", "jp-2006-import-ban"} {
		l := byID(t, defaultLists(t), id)
		if l.Kind != Embargo || len(l.Entries) != 1 || !l.Entries[0].AllGoods {
			t.Errorf("%s: want an embargo with one all-goods entry", id)
			continue
		}
		if !strings.Contains(strings.Join(l.Entries[0].Exemptions, "; "), "humanitarian") {
			t.Errorf("%s: no humanitarian exemption", id)
		}
	}
}

// TestSingapore2007Items pins the luxury items of Singapore's 2007 list that
// sources name: S12/S13 Kyodo 3 Jan 2007 (14 items "including cigars,
// wines, luxury cars, perfume, plasma televisions, personal digital music
// players and musical instruments"), NHK 3 Jan 2007 (jewels, furs, luxury
// watches), Toyo Keizai/NK News 2017 (spirits, cosmetics, leather bags and
// clothing). The 14th item was not found.
func TestSingapore2007Items(t *testing.T) {
	l := byID(t, defaultLists(t), "sg-rie-luxury")
	var got []string
	for _, e := range l.Entries {
		if e.InForce.Contains(utc(2010, 1, 1)) {
			got = append(got, e.ID)
		}
	}
	slices.Sort(got)
	want := []string{"sg-lux-cars", "sg-lux-cigars", "sg-lux-cosmetics", "sg-lux-furs", "sg-lux-instruments", "sg-lux-jewellery", "sg-lux-leather", "sg-lux-music-players", "sg-lux-perfume", "sg-lux-spirits", "sg-lux-tv", "sg-lux-watches", "sg-lux-wines"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SG luxury items in force in 2010 (-want +got):\n%s", diff)
	}
	for _, e := range l.Entries {
		if e.ID == "sg-lux-sports" && e.DerivedFrom != "un-2270-luxury" {
			t.Errorf("sg-lux-sports copies the UNSCR 2270 derivation but says derived_from %q", e.DerivedFrom)
		}
	}
}

// TestSingaporeEmbargo pins S 645/2017: from 8 Nov 2017 all commercially
// traded goods to and from the DPRK are prohibited (Singapore Customs
// Circular 14/2017; sso.agc.gov.sg S 645/2017, in operation 8 Nov 2017).
func TestSingaporeEmbargo(t *testing.T) {
	cat := embeddedCatalogue(t)
	const emb = "sg-2017-s645-embargo/sg-s645-all-commercial-goods"
	for _, tc := range []struct {
		dir  Direction
		date time.Time
		want bool
	}{
		{ExportTo, utc(2017, 11, 7), false},
		{ExportTo, utc(2017, 11, 8), true},
		{ImportFrom, utc(2017, 11, 8), true},
		{ExportTo, utc(2026, 1, 1), true},
	} {
		var got []string
		for _, m := range cat.Lookup(hs.MustParse("1006.30"), Options{Jurisdictions: []string{"SG"}, Direction: tc.dir, Date: tc.date}) {
			got = append(got, m.List.ID+"/"+m.Entry.ID)
		}
		if has := slices.Contains(got, emb); has != tc.want {
			t.Errorf("SG %s rice on %s: embargo %v, want %v (%v)", tc.dir, formatDate(tc.date), has, tc.want, got)
		}
	}
}

// TestHongKongLuxury pins Hong Kong's luxury goods by date. S24: TID
// circular of 26 Sep 2014 (L.N. 115 of 2014, UNSCR 2094, in operation 26 Dec
// 2014) and of 22 Jun 2018 (L.N. 122 of 2018, UNSCR 2270 and 2321: aquatic
// recreational vehicles, snowmobiles, luxury watches, lead crystal, rugs or
// tapestries, porcelain or bone china tableware, "including"); recreational
// sports equipment is UNSCR 2270 Annex V's remaining item.
func TestHongKongLuxury(t *testing.T) {
	cat := embeddedCatalogue(t)
	for _, tc := range []struct {
		code string
		date time.Time
		want []string
	}{
		{"7113.19", utc(2014, 12, 25), nil},
		{"7113.19", utc(2014, 12, 26), []string{"hk-lux-jewellery", "hk-lux-pearl-jewellery"}},
		{"9101.11", utc(2018, 6, 21), nil},
		{"9101.11", utc(2018, 6, 22), []string{"hk-lux-watches"}},
		{"9506.11", utc(2019, 6, 1), []string{"hk-lux-sports"}},
		{"6911.10", utc(2019, 6, 1), []string{"hk-lux-tableware"}},
	} {
		var got []string
		for _, m := range cat.Lookup(hs.MustParse(tc.code), Options{Lists: []string{"hk-cap-537ae-luxury"}, Date: tc.date}) {
			got = append(got, m.Entry.ID)
		}
		slices.Sort(got)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("HK %s on %s (-want +got):\n%s", tc.code, formatDate(tc.date), diff)
		}
	}
}

// TestAsiaDerivedFromCopies checks that every entry saying it copies a UN
// derivation has the codes of an entry of that list, so that compare and
// gaps may say both sides are the same derivation.
func TestAsiaDerivedFromCopies(t *testing.T) {
	ls := defaultLists(t)
	key := func(e *Entry) []string {
		var k []string
		for _, p := range e.Codes {
			k = append(k, fmt.Sprintf("%s/%s/%v", p.Code, p.Edition, p.Ex))
		}
		slices.Sort(k)
		return k
	}
	n := 0
	for _, id := range asiaLists {
		for _, e := range byID(t, ls, id).Entries {
			if e.DerivedFrom == "" {
				continue
			}
			n++
			src := byID(t, ls, e.DerivedFrom)
			if !slices.ContainsFunc(src.Entries, func(u *Entry) bool { return slices.Equal(key(u), key(e)) }) {
				t.Errorf("%s/%s: derived_from %s but no entry there has its codes %v", id, e.ID, e.DerivedFrom, key(e))
			}
		}
	}
	if n < 14 {
		t.Errorf("%d entries copy a UN derivation, want the 13 of Hong Kong and Singapore's recreational sports equipment", n)
	}
}
