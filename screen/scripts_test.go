package screen

import (
	"context"
	"slices"
	"testing"
	"unicode"
)

// sharedScreener returns a Screener over the UN and OFAC lists together,
// skipping the test when LUXSCREEN_SHARED is unset.
func sharedScreener(tb testing.TB) *Screener {
	tb.Helper()
	s, err := NewScreener(loadShared(tb)...)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// found reports whether entity is among the hits of a screening that did
// not clear, and lists the hits for the failure message.
func found(tb testing.TB, s *Screener, q Query, entity string) (bool, []string) {
	tb.Helper()
	res, err := s.Screen(context.Background(), q.entity())
	if err != nil {
		tb.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.Entity)
	}
	// A party on several lists is one hit; entity may be any of its
	// references.
	return res.Verdict != Clear && slices.ContainsFunc(res.Hits, func(h Hit) bool { return h.Refers(entity) }), ids
}

// TestSharedScripts checks that names written in other scripts find the
// listed party with the UN and OFAC lists loaded together: Han read by its
// Sino-Korean sounds, Hangul and Han organisation words by the glossary,
// Russian renderings of Korean names by the Kontsevich table.
func TestSharedScripts(t *testing.T) {
	s := sharedScreener(t)
	tests := []struct {
		name   string
		q      Query
		entity string
	}{
		// KIM Jong Un is on the OFAC list (SDN 20157), not the UN one.
		{"han person", Query{Name: "金正恩", Kind: KindPerson}, "OFAC:20157"},
		{"han person, korean party", Query{Name: "金正恩", Kind: KindPerson, Country: "KP"}, "OFAC:20157"},
		{"hangul person", Query{Name: "김정은", Kind: KindPerson}, "OFAC:20157"},
		{"russian kontsevich person", Query{Name: "Ким Чен Ын", Kind: KindPerson}, "OFAC:20157"},
		{"KOMID in hangul", Query{Name: "조선광업개발무역회사", Kind: KindOrganisation}, "UN:KPe.001"},
		{"KOMID in simplified chinese", Query{Name: "朝鲜矿业开发贸易公司", Kind: KindOrganisation}, "UN:KPe.001"},
		{"KOMID in traditional chinese", Query{Name: "朝鮮礦業開發貿易公司"}, "UN:KPe.001"},
		{"KOMID in russian", Query{Name: "Корейская горнодобывающая торговая компания развития", Kind: KindOrganisation}, "UN:KPe.001"},
		{"KOMID in russian, other order", Query{Name: "Корейская торговая корпорация по развитию горнодобывающей промышленности"}, "UN:KPe.001"},
		{"Ryonbong in hangul", Query{Name: "조선련봉총회사", Kind: KindOrganisation}, "UN:KPe.002"},
		{"ryonbong in russian", Query{Name: "Корейская генеральная корпорация Рёнбон"}, "UN:KPe.002"},
		{"ordinal inside hangul", Query{Name: "제2경제위원회"}, "OFAC:12213"},
		{"ordinal in han", Query{Name: "第二经济委员会"}, "OFAC:12213"},
		{"number before hangul", Query{Name: "39호실"}, "OFAC:12209"},
		{"ministry in hangul", Query{Name: "원자력공업성"}, "OFAC:19493"},
		{"department in hangul", Query{Name: "군수공업부"}, "OFAC:12214"},
		{"credit bank in han", Query{Name: "高丽信用开发银行"}, "OFAC:20569"},
		{"korean person via kontsevich syllables", Query{Name: "Ли Пён Чхоль", Kind: KindPerson}, "UN:KPi.076"},
		{"hangul person whose given name has a stopword syllable", Query{Name: "박도춘", Kind: KindPerson}, "UN:KPi.050"},
		{"hull number as roman numeral", Query{Name: "Ryong Gang II", Kind: KindVessel}, "OFAC:17103"},
		{"hull number as ordinal", Query{Name: "Ryong Gang No. 2", Kind: KindVessel}, "OFAC:17103"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ok, hits := found(t, s, tt.q, tt.entity); !ok {
				t.Errorf("Screen(%q) did not find %s; hits %v", tt.q.Name, tt.entity, hits)
			}
		})
	}
}

// TestSharedSinoKoreanCountries checks that a Chinese or Japanese party's
// Han name is not read as Korean.
func TestSharedSinoKoreanCountries(t *testing.T) {
	s := sharedScreener(t)
	for _, country := range []string{"China", "JP"} {
		q := Query{Name: "金正恩", Kind: KindPerson, Country: country}
		if ok, hits := found(t, s, q, "OFAC:20157"); ok {
			t.Errorf("Screen(%q, %s) found OFAC:20157 by the Korean reading; hits %v", q.Name, country, hits)
		}
	}
}

// TestSharedOriginalScript checks that every original-script name the UN
// list carries (NAME_ORIGINAL_SCRIPT, and the Han aliases) is indexed and
// finds its own entity exactly.
func TestSharedOriginalScript(t *testing.T) {
	s := sharedScreener(t)
	un := loadShared(t)[0]
	n := 0
	for _, e := range un.Entities {
		for _, nm := range e.Names {
			if nm.Kind != NameOriginalScript && !hasNonLatinLetter(nm.Value) {
				continue
			}
			n++
			res, err := s.Screen(context.Background(), Query{Name: nm.Value}.entity())
			if err != nil {
				t.Fatal(err)
			}
			var top float64
			for _, h := range res.Hits {
				if h.Refers(e.ID) {
					top = h.Score
				}
			}
			if top < 0.999 {
				t.Errorf("Screen(%q) scored %s %.3f, want an exact hit; hits %+v", nm.Value, e.ID, top, res.Hits)
			}
		}
	}
	if n < 300 {
		t.Errorf("only %d original-script names in the UN list, want the 300 or more it carries", n)
	}
}

// hasNonLatinLetter reports whether s has a letter outside Latin.
func hasNonLatinLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

// BenchmarkScreenScripts screens names in other scripts against UN + OFAC,
// each with all its readings, beside a Latin name for comparison.
func BenchmarkScreenScripts(b *testing.B) {
	s := sharedScreener(b)
	for _, bc := range []struct{ name, q string }{
		{"latin", "Korea Mining Development Trading Corp"},
		{"han", "朝鲜矿业开发贸易公司"},
		{"hangul", "조선광업개발무역회사"},
		{"cyrillic", "Ким Чен Ын"},
		{"arabic", "صدام حسين التكريتي"},
		{"devanagari", "रजनीकांत इला अहलूवालिया"},
	} {
		b.Run(bc.name, func(b *testing.B) { benchScreen(b, s, []Query{{Name: bc.q}}) })
	}
}
