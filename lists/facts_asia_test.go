package lists

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
)

// asiaLists are the lists of South Korea, Japan, Singapore and Hong Kong
// whose facts this file pins.
var asiaLists = []string{"kr-2009-mou-luxury"}

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
		{"2204.21", utc(2019, 6, 1), []string{"kr-2009-mou-luxury/kr-2009-1"}},
		{"9101.11", utc(2012, 6, 1), []string{"kr-2009-mou-luxury/kr-2009-11"}},
		// Before the notice was amended, no Korean luxury list.
		{"2204.21", utc(2009, 7, 9), nil},
	} {
		var got []string
		for _, m := range cat.Lookup(hs.MustParse(tc.code), Options{Jurisdictions: []string{"KR"}, Kinds: []Kind{Luxury}, Direction: ExportTo, Date: tc.date}) {
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
