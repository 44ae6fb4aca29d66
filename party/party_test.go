package party

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecide(t *testing.T) {
	th := Thresholds{Match: 0.75, Review: 0.6}
	hit := func(score float64, kind NameKind, features ...string) Hit {
		h := Hit{Score: score, MatchedKind: kind}
		for _, f := range features {
			h.Features = append(h.Features, Feature{Feature: f})
		}
		return h
	}
	note := []Feature{{Feature: "cannot_screen", Detail: "no list loaded"}}
	tests := []struct {
		name    string
		hits    []Hit
		reasons []Feature
		want    Verdict
	}{
		{"nothing", nil, nil, Clear},
		{"below review", []Hit{hit(0.59, NamePrimary)}, nil, Clear},
		{"review band", []Hit{hit(0.6, NameAKA)}, nil, Review},
		{"match", []Hit{hit(0.6, NameAKA), hit(0.75, NamePrimary)}, nil, Match},
		{"weak alias never matches alone", []Hit{hit(1, NameWeak)}, nil, Review},
		{"weak alias beside a strong name", []Hit{hit(1, NameWeak), hit(0.8, NameFKA)}, nil, Match},
		{"a reason fails closed", nil, note, Review},
		{"a reason does not hide a match", []Hit{hit(0.9, NamePrimary)}, note, Match},
		{"weak alias feature", []Hit{hit(1, NameAKA, FeatureWeakAlias)}, nil, Review},
		{"uncorroborated common name", []Hit{hit(1, NamePrimary, "name", FeatureUncorroborated)}, nil, Review},
		{"disjoint birth year", []Hit{hit(0.95, NamePrimary, "birth_date", FeatureBirthYearDisjoint)}, nil, Review},
		{"rule beside another match", []Hit{hit(1, NamePrimary, FeatureUncorroborated), hit(0.8, NamePrimary, "birth_date")}, nil, Match},
		{"short company name in another country", []Hit{hit(0.9, NamePrimary, "country", FeatureOtherCountry)}, nil, Review},
		{"a rule does not lift a low score", []Hit{hit(0.5, NamePrimary, FeatureUncorroborated)}, nil, Clear},
		{"other features do not cap", []Hit{hit(0.8, NamePrimary, "country", "substitution", "common_only")}, nil, Match},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Decide(tt.hits, tt.reasons, th); got != tt.want {
				t.Errorf("Decide = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestCannotScreen(t *testing.T) {
	r := CannotScreen("no list %s", "loaded")
	want := Result{Verdict: Review, Hits: []Hit{}, Reasons: []Feature{{Feature: "cannot_screen", Detail: "no list loaded"}}}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("CannotScreen (-want +got):\n%s", diff)
	}
}

func TestRender(t *testing.T) {
	got := Render([]Feature{
		{Feature: "romanisation", Score: 0.97, Weight: 2, Detail: "ryongbong~ryonbong"},
		{Feature: "weak_alias", Detail: "a weak alias alone cannot make a match"},
		{Feature: "birth_date", Score: -1, Weight: 0.15},
	})
	want := []string{
		"romanisation: ryongbong~ryonbong (0.97×2)",
		"weak_alias: a weak alias alone cannot make a match",
		"birth_date (-1×0.15)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Render (-want +got):\n%s", diff)
	}
	if got := Render(nil); got == nil || len(got) != 0 {
		t.Errorf("Render(nil) = %#v, want an empty list", got)
	}
}

func TestNew(t *testing.T) {
	got := New(" Korea Ryonbong ", KindOrganisation, "KP", "IMO 1234567", "")
	want := Entity{Names: []string{"Korea Ryonbong"}, Kind: KindOrganisation, Countries: []string{"KP"},
		Identifiers: []Identifier{{Type: IDIMO, Value: "IMO 1234567"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("New (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Entity{}, New("", KindUnknown, " ", "", "")); diff != "" {
		t.Errorf("New of blanks (-want +got):\n%s", diff)
	}
	e := got
	e.AddName("KOREA RYONBONG")
	e.AddName("Ryonbong Corp")
	if diff := cmp.Diff([]string{"Korea Ryonbong", "Ryonbong Corp"}, e.Names); diff != "" {
		t.Errorf("AddName (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"IMO 1234567"}, e.IMOs()); diff != "" {
		t.Errorf("IMOs (-want +got):\n%s", diff)
	}
}

func TestKey(t *testing.T) {
	a := New("A B", KindPerson, "KP", "", "1970")
	tests := []struct {
		name string
		b    Entity
		same bool
	}{
		{"equal", New("A B", KindPerson, "KP", "", "1970"), true},
		{"other kind", New("A B", KindOrganisation, "KP", "", "1970"), false},
		{"date moved to country", New("A B", KindPerson, "KP", "", ""), false},
		{"names split differently", Entity{Names: []string{"A", "B"}, Kind: KindPerson, Countries: []string{"KP"}, BirthDates: []string{"1970"}}, false},
		{"identifier", New("A B", KindPerson, "KP", "1234567", "1970"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.Key() == tt.b.Key(); got != tt.same {
				t.Errorf("Key equal = %v, want %v", got, tt.same)
			}
		})
	}
}

func TestParseKind(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
		ok   bool
	}{
		{"", KindUnknown, true},
		{"org", KindOrganisation, true},
		{"individual", KindPerson, true},
		{"ship", KindVessel, true},
		{"aircraft", KindAircraft, true},
		{"dragon", KindUnknown, false},
	}
	for _, tt := range tests {
		got, ok := ParseKind(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseKind(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if !KindUnknown.Compatible(KindVessel) || !KindPerson.Compatible(KindUnknown) || KindPerson.Compatible(KindVessel) {
		t.Error("Compatible: unknown must compare with every kind, and two known kinds only with themselves")
	}
}
