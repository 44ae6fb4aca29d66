package names

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestSkeletonUnifiesRomanisations(t *testing.T) {
	groups := [][]string{
		{"Ryonbong", "Ryongbong", "Yonbong", "Lyonbong", "Ryeonbong"},
		{"Choson", "Joseon", "Chosŏn"},
		{"Taedong", "Daedong", "T'aedong"},
		{"Phyongyang", "Pyongyang", "P'yŏngyang", "Pyeongyang"},
		{"Amroggang", "Amnokkang"},
		{"Ri", "Li", "Lee", "Yi", "I"},
		{"Kumsan", "Geumsan", "Kŭmsan"},
		{"Tongbang", "Dongbang"},
		{"Heungjin", "Hunjin"},
		{"Chongsong", "Ch'o'ngsong", "Cheongseong"},
	}
	for _, g := range groups {
		want := Skeleton(Fold(g[0]).Text)
		for _, v := range g[1:] {
			if got := Skeleton(Fold(v).Text); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q (as %q)", v, got, want, g[0])
			}
		}
	}
	distinct := [][2]string{{"Kumryong", "Kumsan"}, {"Kwangson", "Kwangsong"}, {"Ryong", "Rung"}, {"Pugang", "Kumsan"}}
	for _, d := range distinct {
		if Skeleton(d[0]) == Skeleton(Fold(d[1]).Text) {
			t.Errorf("Skeleton conflates distinct names %q and %q", d[0], d[1])
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in   string
		want Folded
	}{
		{"KOREA  Ryŏnbong, Co.,Ltd.", Folded{Text: "korea ryonbong co ltd"}},
		{"Ch'o'ngsong Yo'nhap", Folded{Text: "chongsong yonhap"}},
		{"AT&T", Folded{Text: "at and t"}},
		{"Müller-Lüdenscheidt GmbH", Folded{Text: "muller ludenscheidt gmbh"}},
		{"김정은", Folded{Text: "kimchongun"}},
		{"조선", Folded{Text: "choson"}},
		{"華信", Folded{Text: "hua xin"}},
		{"Лукашенко", Folded{Text: "lukashenko"}},
		{"حسين", Folded{Text: "حسين", Foreign: []string{"Arabic"}}},
		{"  ", Folded{Text: ""}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Fold(tt.in)); diff != "" {
			t.Errorf("Fold(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestAnalyze(t *testing.T) {
	a, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	type tok struct {
		Text  string
		Class string
	}
	tests := []struct {
		in         string
		want       []tok
		screenable bool
	}{
		{"Korea Samma SHPG Co.", []tok{{"korea", "word"}, {"samma", "word"}, {"shipping", "word"}, {"co", "legal"}}, true},
		{"Chong Chon Gang Shipping Co. Ltd.", []tok{{"chong", "word"}, {"chon", "word"}, {"gang", "word"}, {"shipping", "word"}, {"co ltd", "legal"}}, true},
		{"Korea Ryonha Machinery Joint Venture Corporation", []tok{{"korea", "word"}, {"ryonha", "word"}, {"machinery", "word"}, {"jv", "legal"}, {"corp", "legal"}}, true},
		{"OAO Gazprom", []tok{{"jsc", "legal"}, {"gazprom", "word"}}, true},
		{"RYONG GANG 2", []tok{{"ryong", "word"}, {"gang", "word"}, {"2", "number"}}, true},
		{"11420 CORP.", []tok{{"11420", "number"}, {"corp", "legal"}}, true},
		{"J. Smith", []tok{{"j", "initial"}, {"smith", "word"}}, true},
		{"Co., Ltd.", []tok{{"co ltd", "legal"}}, false},
		{"of the", []tok{{"of", "stop"}, {"the", "stop"}}, false},
		{"", []tok{}, false},
	}
	for _, tt := range tests {
		n := a.Analyze(tt.in)
		got := []tok{}
		for _, t := range n.Tokens {
			got = append(got, tok{t.Text, t.Class.String()})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Analyze(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
		if n.Screenable() != tt.screenable {
			t.Errorf("Analyze(%q).Screenable() = %v", tt.in, n.Screenable())
		}
	}
}

func TestLexiconErrors(t *testing.T) {
	for name, data := range map[string]string{
		"not yaml":  "legal_forms: [",
		"duplicate": "legal_forms: {co: co}\nabbreviations: {co: company}",
		"empty":     "legal_forms: {\"\": co}",
	} {
		if _, err := parseLexicon(name, []byte(data)); err == nil {
			t.Errorf("%s: parseLexicon accepted %q", name, data)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	a, err := NewAnalyzer()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Korea Ryongbong General Corp.", "김정은", "長安海連技術有限公司", "Ch'o'ngsong", "", "M/V 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := a.Analyze(s)
		for _, tok := range n.Tokens {
			if tok.Text == "" {
				t.Fatalf("Analyze(%q) produced an empty token", s)
			}
			if tok.Class == Word && Skeleton(tok.Text) == "" {
				t.Fatalf("Analyze(%q): word %q has an empty skeleton", s, tok.Text)
			}
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	a, err := NewAnalyzer()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		a.Analyze("Chongchongang Shipping Co., Ltd. (Korea Ryongbong)")
	}
}

func TestSplitTokens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"korea trading", []string{"korea", "trading"}},
		{"  korea   trading ", []string{"korea", "trading"}},
		{"no2 ship", []string{"no", "2", "ship"}},
		{"ship no2", []string{"ship", "no", "2"}},
		{"abc123def 4 x5", []string{"abc", "123", "def", "4", "x", "5"}},
		{"12 34", []string{"12", "34"}},
		{"2nd fleet", []string{"2", "nd", "fleet"}},
	} {
		got := splitTokens(tc.in)
		if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("splitTokens(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

// TestAppendSkeleton checks that AppendSkeleton leaves what dst holds
// alone: a skeleton that starts with the letter dst ends with keeps it,
// as doubled letters collapse within a skeleton only.
func TestAppendSkeleton(t *testing.T) {
	for _, tok := range []string{"kang", "ryongbong", "llyonbong", "tchoe", "", "김정은", "a1", "nnam"} {
		for _, prefix := range []string{"", "k", "n", "r", "ryon"} {
			got := string(AppendSkeleton([]byte(prefix), tok))
			if want := prefix + Skeleton(tok); got != want {
				t.Errorf("AppendSkeleton(%q, %q) = %q, want %q", prefix, tok, got, want)
			}
		}
	}
}
