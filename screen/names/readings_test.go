package names

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// reading is a Name reduced to what the tests compare: its label and key.
type reading struct {
	Reading, Key string
}

func readingsOf(a *Analyzer, s string) []reading {
	var out []reading
	for _, n := range a.Readings(s) {
		out = append(out, reading{n.Reading, n.Key()})
	}
	return out
}

func newTestAnalyzer(tb testing.TB) *Analyzer {
	tb.Helper()
	a, err := NewAnalyzer()
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func TestReadings(t *testing.T) {
	a := newTestAnalyzer(t)
	tests := []struct {
		name, in string
		want     []reading
	}{
		{"latin has one reading", "Korea Ryonbong General Corp.", []reading{{"", "korea ryonbong general corp"}}},
		{"accented latin has one reading", "Müller-Lüdenscheidt GmbH", []reading{{"", "muller ludenscheidt gmbh"}}},
		{"han person: sino-korean", "金正恩", []reading{{"", "jin zheng en"}, {"sino-korean", "kim chong un"}}},
		{"han surname 李 keeps DPRK ㄹ", "李明", []reading{{"", "li ming"}, {"sino-korean", "ri myong"}}},
		{"simplified and traditional Choson", "朝鲜", []reading{{"", "chao xian"}, {"sino-korean", "korea"}}},
		{"traditional Choson", "朝鮮", []reading{{"", "chao xian"}, {"sino-korean", "korea"}}},
		{"han fixed word read as one", "金剛", []reading{{"", "jin gang"}, {"sino-korean", "kumkang"}}},
		{"han org: glossary with pinyin and with sino-korean", "朝鲜矿业开发贸易公司", []reading{
			{"", "chao xian kuang ye kai fa mao yi co"},
			{"sino-korean", "korea mining development trading co"},
		}},
		{"han org with a name part", "長安海連技術有限公司", []reading{
			{"", "zhang an hai lian ji shu co ltd"},
			{"sino-korean", "chang an hae ryon technology co ltd"},
			{"glossary", "zhang an hai lian technology co ltd"},
		}},
		{"hangul org segmented", "조선광업개발무역회사", []reading{
			{"", "chosongwangopkaepalmuyokhoesa"},
			{"glossary", "korea mining development trading co"},
		}},
		{"hangul ordinal prefix before digits", "제2경제위원회", []reading{{"", "che 2 kyongchewiwonhoe"}, {"glossary", "2 economic committee"}}},
		{"hangul number before a glossary word", "39호실", []reading{{"", "39 hosil"}, {"glossary", "39 office"}}},
		{"han ordinal with a han numeral", "第二经济委员会", []reading{{"", "di er jing ji wei yuan hui"}, {"sino-korean", "2 economic committee"}}},
		{"hangul org keeps the unknown part whole", "조선련봉총회사", []reading{
			{"", "chosonryonpongchonghoesa"},
			{"glossary", "korea ryonpong general corp"},
		}},
		{"hangul person has one reading", "김정은", []reading{{"", "kimchongun"}}},
		{"hangul ㄱ after ㄴ is g, as joined syllables spell it", "리만건", []reading{{"", "rimangon"}}},
		{"hangul person and org", "리만건 조선광업개발무역회사", []reading{
			{"", "rimangon chosongwangopkaepalmuyokhoesa"},
			{"glossary", "rimangon korea mining development trading co"},
		}},
		{"russian korean single vowel", "Ким Ё Чжон", []reading{{"", "kim e chzhon"}, {"kontsevich", "kim yo chong"}}},
		{"russian korean word spelt by syllables", "Банк Корё", []reading{{"", "bank kore"}, {"kontsevich", "bank koryo"}}},
		{"russian org with korean name", "Корейская генеральная корпорация Рёнбон", []reading{
			{"", "koreyskaya generalnaya corp renbon"},
			{"kontsevich", "koreyskaya generalnaya corp ryongpong"},
			{"glossary", "korea general corp ryongpong"},
		}},
		{"russian word is not split into korean syllables", "Путин", []reading{{"", "putin"}}},
		{"japanese iteration mark", "高々木", []reading{{"", "gao gao mu"}, {"sino-korean", "ko ko mok"}}},
		{"japanese name: no korean surname, no sino-korean reading", "山田太郎", []reading{{"", "shan tian tai lang"}}},
		{"russian korean name", "Ким Чен Ын", []reading{{"", "kim chen yn"}, {"kontsevich", "kim chong un"}}},
		{"russian korean name, hyphen", "Ким Ир-Сен", []reading{{"", "kim ir sen"}, {"kontsevich", "kim il song"}}},
		{"russian name has no kontsevich reading", "Владимир Путин", []reading{{"", "vladimir putin"}}},
		{"russian org words", "Корейская торговая компания", []reading{
			{"", "koreyskaya torgovaya co"},
			{"glossary", "korea trading co"},
		}},
		{"arabic known names", "محمد علي", []reading{{"", "محمد علي"}, {"translit", "muhammad ali"}}},
		{"arabic article and unknown letters", "صدام حسين التكريتي", []reading{{"", "صدام حسين التكريتي"}, {"translit", "saddam hussein al tikriti"}}},
		{"arabic letters", "شنداخ", []reading{{"", "شنداخ"}, {"translit", "shndakh"}}},
		{"urdu letters", "شاہد", []reading{{"", "شاہد"}, {"translit", "shahd"}}},
		{"persian", "حسین موسوی", []reading{{"", "حسین موسوی"}, {"translit", "hussein mousavi"}}},
		{"devanagari with zero-width non-joiner", "स\u200cंजय सिंघल", []reading{{"", "स जय सिघल"}, {"translit", "sanjay singhal"}}},
		{"devanagari precomposed nukta letter", "मु\u0959र्जी", []reading{{"", "म\u0959रजी"}, {"translit", "mukharji"}}},
		{"devanagari inherent vowel", "रजनीकांत", []reading{{"", "रजनीकात"}, {"translit", "rajanikant"}}},
		{"greek", "Νικόλαος", []reading{{"", "νικόλαος"}, {"translit", "nikolaos"}}},
		{"thai", "สมชาย", []reading{{"", "สมชาย"}, {"translit", "smchaay"}}},
		{"katakana", "ヤマダ タロウ", []reading{{"", "ヤマダ タロウ"}, {"translit", "yamada tarou"}}},
		{"georgian", "გიორგი", []reading{{"", "გიორგი"}, {"translit", "giorgi"}}},
		{"armenian", "Արամ", []reading{{"", "արամ"}, {"translit", "aram"}}},
		{"unreadable script has only the default reading", "ⵜⴰⵎⴰ", []reading{{"", "ⵜⴰⵎⴰ"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, readingsOf(a, tt.in)); diff != "" {
				t.Errorf("Readings(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestReadingsForeign checks that a transliterated reading reports no
// untransliterated script while the default one keeps the original letters
// for an exact comparison with original-script list names.
func TestReadingsForeign(t *testing.T) {
	a := newTestAnalyzer(t)
	rs := a.Readings("محمد")
	got := [][]string{}
	for _, r := range rs {
		got = append(got, r.Foreign)
	}
	want := [][]string{{"Arabic"}, nil}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Foreign of readings (-want +got):\n%s", diff)
	}
}

func TestNumerals(t *testing.T) {
	a := newTestAnalyzer(t)
	same := [][]string{
		{"Ryong Gang 2", "Ryong Gang 2nd", "Ryong Gang Second", "Ryong Gang No. 2", "Ryong Gang No.2", "Ryong Gang II", "RYONG GANG NO 2", "Ryong Gang Number 2", "Ryong Gang No. II"},
		{"Ocean Star 3 Co Ltd", "Ocean Star III Co., Ltd.", "Ocean Star Third Co Ltd", "Ocean Star 3rd Co Ltd"},
		{"19 Shipping", "19th Shipping", "Nineteenth Shipping"},
		{"Leader 14", "Leader XIV"},
		{"Office 39", "Office XXXIX", "Office No. 39", "Office 39th"},
		{"2 Economic Committee", "II Economic Committee", "Second Economic Committee", "2nd Economic Committee"},
		{"1 Oil JV Co Ltd", "I Oil JV Co Ltd", "First Oil JV Co Ltd", "1st Oil JV Co Ltd"},
	}
	for _, g := range same {
		want := a.Analyze(g[0]).Key()
		for _, v := range g[1:] {
			if got := a.Analyze(v).Key(); got != want {
				t.Errorf("Analyze(%q).Key() = %q, want %q (as %q)", v, got, want, g[0])
			}
		}
	}
	kept := []struct{ in, want string }{
		{"Kim II Sung", "kim ii sung"},   // a misspelt Kim Il Sung, not a number
		{"I Ryong", "i ryong"},           // Korean surname 이
		{"I Ryong Chol", "i ryong chol"}, // a person: no legal form
		{"I Co", "i co"},                 // nothing but the legal form
		{"Kim Jong I", "kim jong i"},     // a lone letter is an initial
		{"Jinping Xi", "jinping xi"},     // Chinese surname
		{"Nguyen Thi Vi", "nguyen thi vi"},
		{"No Kwang Chol", "no kwang chol"}, // Korean surname 노
		{"Ryong Gang V", "ryong gang v"},   // one letter: ambiguous
		{"Ryong XXI Gang", "ryong xxi gang"},
		{"II", "ii"},
	}
	for _, tt := range kept {
		if got := a.Analyze(tt.in).Key(); got != tt.want {
			t.Errorf("Analyze(%q).Key() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNumeralsData(t *testing.T) {
	src := "numerals:\n  roman_max: 60\n"
	_, err := LoadAnalyzer(datafile.Overlay(FS(), fstest.MapFS{LexiconFile: {Data: []byte(src)}}))
	if err == nil {
		t.Fatalf("roman_max 60 accepted")
	}
}

// TestTableProblems checks that every reading table reports its problems
// with their places.
func TestTableProblems(t *testing.T) {
	tests := []struct {
		file, src string
		want      []string
	}{
		{HanjaFile, "readings:\n  김: 金\n  금: 金\n  kim: 正\n  정: 正a\nwords:\n  金: 김\n", []string{
			"hanja.yaml:2:6: readings.김", "hanja.yaml:4:8: readings.kim", "hanja.yaml:5:6: readings.정", "hanja.yaml:7:6: words.金"}},
		{GlossaryFile, "entries:\n  - english: bank\n    korean: [은행, 은]\n    chinese: [银行]\n    russian: [банк, bank]\n  - english: bank\n    korean: [은행]\n    source: x\n", []string{
			"glossary.yaml:2:5: entries[0].source", "glossary.yaml:3:18: entries[0].korean[1]", "glossary.yaml:5:21: entries[0].russian[1]", "glossary.yaml:7:14: entries[1].korean[0]"}},
		{KontsevichFile, "syllables:\n  ким: kim\n  kim: kim\n  ын: Un\n", []string{
			"kontsevich.yaml:3:8: syllables.kim", "kontsevich.yaml:4:7: syllables.ын"}},
		{TranslitFile, "arabic:\n  letters: {ab: a}\n  words: {علي: ali, عَلي: ali}\ndevanagari:\n  virama: xy\n", []string{
			"translit.yaml:2:17: arabic.letters.ab", "translit.yaml:3:27: arabic.words.عَلي", "translit.yaml:5:11: devanagari.virama"}},
	}
	for _, tt := range tests {
		_, err := LoadAnalyzer(datafile.Overlay(FS(), fstest.MapFS{tt.file: {Data: []byte(tt.src)}}))
		var got []string
		for _, p := range datafile.Problems(err) {
			e := *p
			e.Err = nil
			got = append(got, e.Error())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s problems (-want +got):\n%s\nerror: %v", tt.file, diff, err)
		}
	}
}

// TestLatinReadingAllocs checks that reading a Latin name costs nothing
// beyond its analysis when the caller supplies the readings' array.
func TestLatinReadingAllocs(t *testing.T) {
	a := newTestAnalyzer(t)
	const s = "Chongchongang Shipping Co., Ltd."
	analyze := testing.AllocsPerRun(50, func() { a.Analyze(s) })
	var buf [4]Name
	readings := testing.AllocsPerRun(50, func() { a.AppendReadings(buf[:0], s) })
	if readings != analyze {
		t.Errorf("AppendReadings(%q) allocates %v times, Analyze %v", s, readings, analyze)
	}
}

func FuzzReadings(f *testing.F) {
	a := newTestAnalyzer(f)
	for _, s := range []string{"金正恩", "조선광업개발무역회사", "Ким Чен Ын", "محمد علي", "रजनीकांत", "Ryong Gang II", "No. 2", "ヤマダ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := a.Readings(s)
		if len(rs) == 0 {
			t.Fatalf("Readings(%q) is empty", s)
		}
		if rs[0].Reading != ReadingDefault {
			t.Fatalf("Readings(%q)[0] is the %q reading", s, rs[0].Reading)
		}
		for _, n := range rs {
			for _, tok := range n.Tokens {
				if tok.Text == "" {
					t.Fatalf("Readings(%q): %s reading has an empty token", s, n.Reading)
				}
			}
			if n.Reading != ReadingDefault && !n.Screenable() {
				t.Fatalf("Readings(%q): %s reading cannot be screened", s, n.Reading)
			}
		}
	})
}

func BenchmarkReadings(b *testing.B) {
	a := newTestAnalyzer(b)
	for _, bc := range []struct{ name, s string }{
		{"latin", "Chongchongang Shipping Co., Ltd. (Korea Ryongbong)"},
		{"han", "長安海連技術有限公司"},
		{"hangul", "조선광업개발무역회사"},
		{"cyrillic", "Ким Чен Ын"},
		{"arabic", "صدام حسين التكريتي"},
		{"devanagari", "रजनीकांत इला अहलूवालिया"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var buf [4]Name
			b.ReportAllocs()
			for b.Loop() {
				a.AppendReadings(buf[:0], bc.s)
			}
		})
	}
}
