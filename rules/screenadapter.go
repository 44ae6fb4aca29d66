package rules

import (
	"context"

	"github.com/luxscreen/luxscreen/screen"
)

// ScreenAdapter is a PartyScreener over a [screen.Screener]. Reloading the
// screener's lists (screen.Screener.Reload) while checks run is safe: each
// screening sees the old or the new lists whole, and names them in its
// result.
type ScreenAdapter struct {
	s *screen.Screener
}

// NewScreenAdapter returns a PartyScreener over s.
func NewScreenAdapter(s *screen.Screener) *ScreenAdapter { return &ScreenAdapter{s: s} }

// ScreenParty screens one party or vessel.
func (a *ScreenAdapter) ScreenParty(ctx context.Context, q PartyQuery) (Screening, error) {
	kind := screen.KindUnknown
	switch q.Kind {
	case "organisation":
		kind = screen.KindOrganisation
	case "person":
		kind = screen.KindPerson
	case "vessel":
		kind = screen.KindVessel
	}
	res, err := a.s.Screen(ctx, screen.Query{Name: q.Name, Kind: kind, Country: q.Country, IMO: q.IMO})
	if err != nil {
		return Screening{}, err
	}
	out := Screening{Verdict: string(res.Verdict), Reasons: res.Reasons}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, PartyHit{List: h.List, Ref: h.Ref, Name: h.Name, MatchedName: h.MatchedName, Score: h.Score, ListedOn: h.ListedOn})
	}
	for _, v := range res.ListVersions {
		out.Lists = append(out.Lists, ListSource{Source: v.Source, Published: v.Published, SHA256: v.SHA256, Entities: v.Entities})
	}
	return out, nil
}

// Lists returns the lists the screener holds now.
func (a *ScreenAdapter) Lists() []ListSource {
	var out []ListSource
	for _, v := range a.s.Versions() {
		out = append(out, ListSource{Source: v.Source, Published: v.Published, SHA256: v.SHA256, Entities: v.Entities})
	}
	return out
}
