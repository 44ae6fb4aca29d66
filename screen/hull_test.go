package screen

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/party"
)

// TestOtherHull checks that a vessel whose valid IMO number differs from
// the listed vessel's valid IMO number is another hull and clears however
// alike the names, unless it carries the listed vessel's own name, which is
// review (a stolen identity); a number missing on either side, or one whose
// check digit fails, leaves the name to decide as before.
func TestOtherHull(t *testing.T) {
	vessel := func(ref, name string, ids ...Identifier) Entity {
		return Entity{ID: "t:" + ref, Source: "t", Ref: ref, Kind: KindVessel, Names: []Name{{Value: name, Kind: NamePrimary}}, Identifiers: ids}
	}
	s, err := NewScreener(List{Version: ListVersion{Source: "t", SHA256: "00"}, Entities: []Entity{
		vessel("1", "FORTUNE", Identifier{Type: IDShipIMO, Value: "9283746"}),
		vessel("2", "GOLDEN DAWN"),
		vessel("3", "SEA VOYAGER", Identifier{Type: IDIMOUnchecked, Value: "9123456"}),
	}})
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		Verdict Verdict
		Ref     string
	}
	tests := []struct {
		name, vessel, imo string
		want              got
	}{
		{"same name, other valid IMO", "Fortune", "9876543", got{Review, "1"}},
		{"like name, other valid IMO", "Pacific Fortune", "IMO 9876543", got{Clear, ""}},
		{"same name, the listed IMO", "Fortune", "9283746", got{Match, "1"}},
		{"same name, no IMO", "Fortune", "", got{Match, "1"}},
		{"same name, IMO with a wrong check digit", "Fortune", "9283747", got{Match, "1"}},
		{"listed without IMO", "Golden Dawn", "9876543", got{Match, "2"}},
		{"listed IMO with a wrong check digit", "Sea Voyager", "9876543", got{Match, "3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Screen(context.Background(), party.New(tt.vessel, KindVessel, "", tt.imo, ""))
			if err != nil {
				t.Fatal(err)
			}
			g := got{Verdict: res.Verdict}
			if len(res.Hits) > 0 {
				g.Ref = res.Hits[0].Ref
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s\nhits %+v", diff, res.Hits)
			}
		})
	}
}

// TestOtherHullShared screens the designated vessels of the UN and OFAC
// lists that have a valid ship IMO number under their own names: with
// another valid number the vessel is found at review, never match (its own
// name under another hull's number), with its own number or none it is
// found.
func TestOtherHullShared(t *testing.T) {
	lists := loadShared(t)
	s, err := NewScreener(lists...)
	if err != nil {
		t.Fatal(err)
	}
	match, review := s.Thresholds()
	n := 0
	for _, l := range lists {
		for _, e := range l.Entities {
			if e.Kind != KindVessel || len(e.Names) == 0 {
				continue
			}
			imo := ""
			for _, id := range e.Identifiers {
				if id.Type == IDShipIMO && ValidShipIMO(id.Value) {
					imo = id.Value
				}
			}
			if imo == "" {
				continue
			}
			n++
			name := e.Names[0].Value
			other := otherValidIMO(imo)
			for _, tt := range []struct {
				imo   string
				found bool
			}{{other, true}, {imo, true}, {"", true}} {
				res, err := s.Screen(context.Background(), party.New(name, KindVessel, "", tt.imo, ""))
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, h := range res.Hits {
					found = found || (h.Entity == e.ID && h.Score >= review)
					if tt.imo == other && h.Entity == e.ID && h.Score >= match {
						t.Errorf("%s %s (IMO %s) screened with IMO %s: match, want review at most", l.Version.Source, e.Ref, imo, other)
					}
				}
				if found != tt.found {
					t.Errorf("%s %s (IMO %s) screened with IMO %q: found %v, want %v; hits %+v", l.Version.Source, e.Ref, imo, tt.imo, found, tt.found, res.Hits)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d listed vessels with a valid IMO number; the lists did not load as expected", n)
	}
}

// otherValidIMO returns a valid ship IMO number other than imo: its sixth
// digit changed and the check digit recomputed.
func otherValidIMO(imo string) string {
	b := []byte(imo)
	b[5] = '0' + (b[5]-'0'+1)%10
	sum := 0
	for i := range 6 {
		sum += int(b[i]-'0') * (7 - i)
	}
	b[6] = byte('0' + sum%10)
	return string(b)
}
