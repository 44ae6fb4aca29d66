package classify

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNormalizeAsianForms checks that the encodings of one word on Asian
// documents normalise alike: full-width letters and digits, half-width
// katakana, hiragana for katakana, a dash for the long vowel mark, a
// middle dot inside a name, traditional Han for simplified.
func TestNormalizeAsianForms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"１８Ｋ ＧＯＬＤ", "18k gold"},
		{"ﾛﾚｯｸｽ", "ロレックス"},
		{"ﾀﾞｲﾔﾓﾝﾄﾞ", "ダイヤモンド"},
		{"ﾊﾟｰﾙ", "パール"},
		{"ｳﾞｨﾄﾝ", "ヴィトン"},
		{"まぐろ", "マグロ"},
		{"ウイスキ－", "ウイスキー"},
		{"ウイスキｰ", "ウイスキー"},
		{"ハンド・バッグ", "ハンドバッグ"},
		{"ﾊﾝﾄﾞ･ﾊﾞｯｸﾞ", "ハンドバッグ"},
		{"時計・宝石", "时计宝石"},
		{"・時計", " 时计"},
		{"手錶", "手表"},
		{"鑽石項鏈", "钻石项链"},
		{"乗用車", "乘用车"},
		{"化粧品", "化妆品"},
		{"ＡＢＣ-123 rolex", "abc-123 rolex"},
		{"고급 시계", "고급 시계"},
		{"ёлка", "елка"},
		{"plain ascii", "plain ascii"},
	}
	var got, want []string
	for _, tt := range tests {
		got = append(got, normalize(tt.in))
		want = append(want, tt.want)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("normalize (-want +got):\n%s", d)
	}
}

func TestCJKCompact(t *testing.T) {
	var got []string
	for _, s := range []string{"진주 목걸이", "손목  시계 금장", "18k 금 목걸이", "rolex 手表", "手表 rolex", "a b", "", "時計 ", " 時計"} {
		got = append(got, cjkCompact(s))
	}
	want := []string{"진주목걸이", "손목시계금장", "18k 금목걸이", "rolex 手表", "手表 rolex", "a b", "", "時計 ", " 時計"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("cjkCompact (-want +got):\n%s", d)
	}
}

func TestVoiced(t *testing.T) {
	var got []string
	for _, s := range []string{"ｶﾞｷﾞｸﾞｹﾞｺﾞ", "ｻﾞｼﾞｽﾞｾﾞｿﾞ", "ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ", "ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ", "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "ｱﾞｯﾞ", "ﾞ"} {
		got = append(got, foldKana(s))
	}
	want := []string{"ガギグゲゴ", "ザジズゼゾ", "ダヂヅデド", "バビブベボ", "パピプペポ", "アﾞッﾞ", "ﾞ"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("foldKana (-want +got):\n%s", d)
	}
}

// TestLanguageDescriptions classifies descriptions in the languages the
// lexicon has keys for besides English, German and French.
func TestLanguageDescriptions(t *testing.T) {
	c := newClassifier(t)
	for _, l := range []struct {
		name  string
		cases []langCase
	}{{"ja", japaneseCases()}, {"ko", koreanCases()}, {"zh", chineseCases()}, {"ru", russianCases()}} {
		t.Run(l.name, func(t *testing.T) { checkLang(t, c, l.cases) })
	}
}

// TestSubstringEvidence checks that a key matched by substring is shown
// as authored, not in its normalised form.
func TestSubstringEvidence(t *testing.T) {
	c := newClassifier(t)
	r := mustClassify(t, c, Item{Description: "高級腕時計"})
	if len(r.Candidates) == 0 {
		t.Fatal("no candidates")
	}
	want := []string{`key:ja "腕時計"`, `key:ja "時計"`}
	if d := cmp.Diff(want, r.Candidates[0].Evidence); d != "" {
		t.Errorf("evidence (-want +got):\n%s", d)
	}
}

// TestCJKCompounds checks that of two keys written together the last
// names the goods: Chinese, Japanese and Korean compounds end in their
// head.
func TestCJKCompounds(t *testing.T) {
	c := newClassifier(t)
	tests := []struct{ desc, heading string }{
		{"シャネル香水", "3303"},
		{"エルメススカーフ", "6214"},
		{"ダイヤモンドピアス", "7113"},
		{"钻石项链", "7113"},
		{"샤넬향수", "3303"},
	}
	var got, want []string
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		h := ""
		if len(r.Candidates) > 0 {
			h = r.Candidates[0].Code[:4]
		}
		got = append(got, tt.desc+" "+h)
		want = append(want, tt.desc+" "+tt.heading)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("first heading (-want +got):\n%s", d)
	}
}

// langCase is a description in one language and the classification it
// must get: the subheading when the words decide it, and the heading.
type langCase struct {
	desc    string
	hs6     string
	heading string
}

// checkLang classifies every description of tests and compares the
// answers with the table as a whole.
func checkLang(t *testing.T, c *Classifier, tests []langCase) {
	t.Helper()
	var got []langCase
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		g := langCase{desc: tt.desc, hs6: r.HS6}
		switch {
		case r.HS6 != "":
			g.heading = r.HS6[:4]
		case len(r.Candidates) > 0:
			g.heading = r.Candidates[0].Code[:4]
		}
		got = append(got, g)
	}
	if d := cmp.Diff(tests, got, cmp.AllowUnexported(langCase{})); d != "" {
		t.Errorf("classification (-want +got):\n%s", d)
	}
}

// japaneseCases are Japanese order, invoice and marketplace
// lines, the words of Japan's own luxury list first (腕時計, 牛肉,
// まぐろのフィレ, キャビア, 酒類, たばこ, 香水, 化粧品, 毛皮製品, じゅうたん,
// 真珠, 宝石, 乗用自動車, オートバイ, モーターボート, 楽器), in kanji, kana,
// half-width katakana and katakana loanwords.
func japaneseCases() []langCase {
	return []langCase{
		{"高級腕時計 ロレックス サブマリーナ 1点", "", "9101"},
		{"18金 ネックレス", "711319", "7113"},
		{"K18 ネックレス チェーン 45cm", "711319", "7113"},
		{"赤ワイン ボルドー 750ml 12本", "220421", "2204"},
		{"ﾛﾚｯｸｽ ﾃﾞｲﾄﾅ 腕時計", "", "9101"},
		{"ハンドバッグ 本革 エルメス", "", "4202"},
		{"まぐろのフィレ 冷凍 10kg", "", "0304"},
		{"黒毛和牛 ロース 冷蔵", "", "0201"},
		{"キャビア 50g 缶", "160431", "1604"},
		{"日本酒 純米大吟醸 1800ml", "220600", "2206"},
		{"ウイスキー 山崎12年 700ml", "220830", "2208"},
		{"紙巻たばこ 20本入 10カートン", "240220", "2402"},
		{"香水 オードパルファム 50ml", "330300", "3303"},
		{"化粧品 美容液 30ml", "", "3304"},
		{"ミンクコート", "430310", "4303"},
		{"ペルシャ絨毯 手織り", "", "5701"},
		{"真珠ネックレス あこや", "711610", "7116"},
		{"ダイヤモンドリング プラチナ Pt900", "711319", "7113"},
		{"金無垢 腕時計 自動巻き", "910121", "9101"},
		{"セイコー クォーツ 腕時計 ステンレス", "910211", "9102"},
		{"乗用自動車 レクサス LX600", "", "8703"},
		{"オートバイ ハーレーダビッドソン", "", "8711"},
		{"モーターボート", "", "8903"},
		{"ノートパソコン 15インチ", "847130", "8471"},
		{"液晶テレビ 65型", "852872", "8528"},
		{"デジタルカメラ 一眼レフ", "", "8525"},
		{"グランドピアノ ヤマハ", "", "9201"},
		{"万年筆 モンブラン", "", "9608"},
		{"油絵 額装", "", "9701"},
		{"腕時計用ベルト 革", "", "9113"},
		{"掛時計", "", "9105"},
		{"スマートウォッチ", "851762", "8517"},
		{"ウイスキ－ ６本", "220830", "2208"},
	}
}

// koreanCases are Korean lines, with and without spaces
// between the words.
func koreanCases() []langCase {
	return []langCase{
		{"남성 손목시계 금장", "", "9101"},
		{"18K 금 목걸이", "711319", "7113"},
		{"롤렉스 서브마리너 오토매틱 스테인리스", "910221", "9102"},
		{"레드와인 750ml 6병", "220421", "2204"},
		{"위스키 발렌타인 30년", "220830", "2208"},
		{"위스키 700ml", "220830", "2208"},
		{"소주 360ml 20병", "220890", "2208"},
		{"명품가방 샤넬 클래식 플랩백", "", "4202"},
		{"밍크코트 여성", "430310", "4303"},
		{"다이아몬드반지 백금", "711319", "7113"},
		{"진주목걸이 담수진주", "711610", "7116"},
		{"진주 목걸이 담수진주", "711610", "7116"},
		{"다이아몬드 반지 백금", "711319", "7113"},
		{"전자피아노 88건반", "920710", "9207"},
		{"노트북 15인치", "847130", "8471"},
		{"요트 세일링요트", "", "8903"},
		{"향수 오드퍼퓸 100ml", "330300", "3303"},
	}
}

// chineseCases are Chinese lines in simplified and
// traditional characters, which must be read alike.
func chineseCases() []langCase {
	return []langCase{
		{"劳力士 手表 男士 机械表", "", "9101"},
		{"18K金项链", "711319", "7113"},
		{"勞力士 手錶 男士 機械錶", "", "9101"},
		{"鑽石戒指 18K白金", "711319", "7113"},
		{"天然珍珠项链", "711610", "7116"},
		{"红酒 波尔多 750ml", "220421", "2204"},
		{"茅台酒 53度 500ml", "220890", "2208"},
		{"香烟 中华 10条", "240220", "2402"},
		{"貂皮大衣 女", "430310", "4303"},
		{"手工羊毛地毯", "", "5701"},
		{"小轿车 奔驰 S600", "870324", "8703"},
		{"摩托车 哈雷", "", "8711"},
		{"笔记本电脑 14寸", "847130", "8471"},
		{"数码相机 单反", "852589", "8525"},
		{"钢琴 三角钢琴", "920120", "9201"},
	}
}

// russianCases are Russian lines, whose keys end in "*" to
// match every inflection.
func russianCases() []langCase {
	return []langCase{
		{"наручные часы золотые", "", "9101"},
		{"бриллиантовое кольцо", "", "7113"},
		{"коньяк XO 0,7 л", "220820", "2208"},
		{"часы наручные ролекс механические", "", "9101"},
		{"кольцо золотое 585 с бриллиантом", "711319", "7113"},
		{"норковая шуба", "430310", "4303"},
		{"икра осетровая черная 100 г", "160431", "1604"},
		{"вино красное сухое 0,75 л", "", "2204"},
		{"легковой автомобиль тойота ленд крузер", "", "8703"},
		{"яхта моторная 20 м", "890332", "8903"},
		{"духи женские 50 мл", "330300", "3303"},
		{"ювелирные изделия из золота", "711319", "7113"},
		{"жемчужное ожерелье", "711610", "7116"},
		{"ноутбук 15 дюймов", "847130", "8471"},
		{"рояль концертный", "", "9201"},
	}
}

// TestKeysInsideOtherWords checks that keys matched as substrings do not
// fire inside unrelated words: リング (ring) in ベアリング (bearing), 기타
// (guitar, but also "other") in 기타 부품, 스키 (ski) in 위스키 (whisky),
// 크림 (cream) in 아이스크림 (ice cream), 청주 (rice wine, and a city).
func TestKeysInsideOtherWords(t *testing.T) {
	tests := []struct {
		desc       string
		notHeading string // the luxury heading the substring would give
	}{
		{"ベアリング 6205", "7113"},
		{"スプリング 鋼製", "7113"},
		{"ウイスキー 700ml", "9506"},
		{"위스키 700ml", "9506"},
		{"기타 부품", "9202"},
		{"아이스크림 바닐라", "3304"},
		{"ラバーシート", "0101"},
		{"アドレス帳", "6204"},
		{"コーティング剤", "6201"},
		{"エンジンオイル", "2208"},
		{"プログラム", "2208"},
		{"ユニット", "6110"},
		{"ブラケット", "9506"},
		{"パターン紙", "9506"},
		{"모자이크 타일", "6505"},
		{"청주시 전자부품", "2206"},
		{"차량용 충전기", "8703"},
		{"ドラム缶", "9206"},
		{"メカニカル部品", "0306"},
		{"ダイヤル式 南京錠", "7102"},
	}
	c := newClassifier(t)
	var wrong []string
	for _, tt := range tests {
		r := mustClassify(t, c, Item{Description: tt.desc})
		for _, cd := range r.Candidates {
			if strings.HasPrefix(cd.Code, tt.notHeading) {
				wrong = append(wrong, tt.desc+" → "+cd.Code)
			}
		}
	}
	if d := cmp.Diff([]string(nil), wrong); d != "" {
		t.Errorf("keys matched inside other words (-want +got):\n%s", d)
	}
}

// TestSubstringServes checks that a key followed by 用 or 용 ("for")
// names what the goods serve, unless it also occurs on its own.
func TestSubstringServes(t *testing.T) {
	lx, err := LoadLexicon(FS(), LexiconDir)
	if err != nil {
		t.Fatal(err)
	}
	serves := lx.servesFactor()
	if serves >= 1 {
		t.Fatalf("servesFactor = %v, want below 1", serves)
	}
	type res struct {
		Factor float64
		Found  bool
	}
	tests := []struct {
		text, key string
		want      res
	}{
		{normalize("腕時計用ベルト"), normalize("腕時計"), res{serves, true}},
		{normalize("자동차용 충전기"), "자동차", res{serves, true}},
		{normalize("汽车用品"), "汽车", res{serves, true}},
		{normalize("腕時計 ベルト"), normalize("腕時計"), res{1, true}},
		{normalize("腕時計用ベルト 腕時計"), normalize("腕時計"), res{1, true}},
		{normalize("ベルト"), normalize("腕時計"), res{0, false}},
	}
	var got, want []res
	for _, tt := range tests {
		f, ok := lx.substringFactor(tt.text, tt.key)
		got = append(got, res{f, ok})
		want = append(want, tt.want)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("substringFactor (-want +got):\n%s", d)
	}
}

func BenchmarkNormalizeJapanese(b *testing.B) {
	const s = "ﾛﾚｯｸｽ サブマリーナ 高級腕時計 18金 ネックレス まぐろのフィレ 冷凍 １０ｋｇ"
	b.ReportAllocs()
	for b.Loop() {
		normalize(s)
	}
}

func BenchmarkNormalizeASCII(b *testing.B) {
	const s = "ROLEX SUBMARINER 126610LN STAINLESS STEEL AUTOMATIC WRISTWATCH 1 PC"
	b.ReportAllocs()
	for b.Loop() {
		normalize(s)
	}
}
