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
	tests := []headingCase{
		{"シャネル香水", "3303"},
		{"エルメススカーフ", "6214"},
		{"ダイヤモンドピアス", "7113"},
		{"钻石项链", "7113"},
		{"샤넬향수", "3303"},
	}
	checkFirstHeadings(t, c, tests, false)
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
		// Thai: แหวน (ring) in แหวนรอง (washer), รถยนต์ (car) after ยาง
		// (tyre) and สำหรับ (for), ดอกไม้ (flowers) in a mango variety.
		{"แหวนรองสแตนเลส", "7113"},
		{"ยางรถยนต์ 205/55R16", "8703"},
		{"ที่ชาร์จสำหรับรถยนต์", "8703"},
		{"มะม่วงน้ำดอกไม้สด", "0603"},
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

// TestOrdinaryLanguageDescriptions classifies ordinary goods described
// in Japanese, Chinese, Korean, Russian, Thai and Vietnamese: the general lexicon places
// each in its heading, first among the candidates, and the line is no
// luxury rather than left to review.
func TestOrdinaryLanguageDescriptions(t *testing.T) {
	c := newClassifier(t)
	for _, l := range []struct {
		name  string
		cases []ordinaryCase
	}{{"ja", japaneseOrdinaryCases()}, {"zh", chineseOrdinaryCases()}, {"ko", koreanOrdinaryCases()}, {"ru", russianOrdinaryCases()},
		{"th", thaiOrdinaryCases()}, {"vi", vietnameseOrdinaryCases()}} {
		t.Run(l.name, func(t *testing.T) {
			var got, want []string
			for _, tt := range l.cases {
				r := mustClassify(t, c, Item{Description: tt.desc})
				h := ""
				if len(r.Candidates) > 0 {
					h = r.Candidates[0].Code[:4]
				}
				got = append(got, tt.desc+" → "+h+" luxury "+string(r.Luxury))
				want = append(want, tt.desc+" → "+tt.heading+" luxury "+string(LuxuryNo))
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("first heading and luxury (-want +got):\n%s", d)
			}
		})
	}
}

// ordinaryCase is a description of ordinary goods and the heading the
// general lexicon places it in.
type ordinaryCase struct {
	desc    string
	heading string
}

// japaneseOrdinaryCases are Japanese marketplace and invoice lines of ordinary goods, in kanji, kana and katakana loanwords.
func japaneseOrdinaryCases() []ordinaryCase {
	return []ordinaryCase{
		{"新潟県産 白米 5kg 無洗米", "1006"},
		{"国産 豚バラ肉 スライス 500g 冷凍", "0203"},
		{"鶏むね肉 2kg 業務用 冷凍", "0207"},
		{"北海道産 牛乳 1000ml×12本", "0401"},
		{"明治 ブルガリアヨーグルト 400g", "0403"},
		{"よつ葉 無塩バター 450g", "0405"},
		{"とろけるスライスチーズ 7枚入", "0406"},
		{"国産 たまねぎ 10kg 箱", "0703"},
		{"北海道産 じゃがいも 男爵 5kg", "0701"},
		{"バナナ フィリピン産 1房", "0803"},
		{"有田みかん 5kg Mサイズ", "0805"},
		{"大豆 国産 1kg 乾燥", "1201"},
		{"強力粉 パン用 25kg", "1101"},
		{"エキストラバージンオリーブオイル 500ml", "1509"},
		{"ごま油 純正 600g", "1515"},
		{"キャノーラ油 1000g", "1514"},
		{"ミックスナッツ 素焼き 1kg 無塩", "2008"},
		{"ゴミ袋 45L 半透明 100枚", "3923"},
		{"カップラーメン しょうゆ 20個入", "1902"},
		{"マヨネーズ 450g", "2103"},
		{"ドッグフード 成犬用 10kg", "2309"},
		{"クエン酸 粉末 1kg 食品添加物", "2918"},
		{"苛性ソーダ フレーク 25kg", "2815"},
		{"歯磨き粉 ホワイトニング 120g", "3306"},
		{"洗濯用洗剤 液体 詰め替え 1.5kg", "3402"},
		{"エンジンオイル 5W-30 4L 全合成", "2710"},
		{"軽油 ドラム缶 200L", "2710"},
		{"六角ボルト ステンレス M8×30 50本入り", "7318"},
		{"タッピングネジ 4×20 1000本", "7318"},
		{"ガムテープ 布 50mm×25m 30巻", "3919"},
		{"コピー用紙 A4 500枚×5冊", "4802"},
		{"段ボール箱 120サイズ 10枚", "4819"},
		{"構造用合板 12mm 910×1820", "4412"},
		{"マーガリン 業務用 10kg", "1517"},
		{"バスタオル 綿100% 2枚組", "6302"},
		{"遮光カーテン 100×200cm 2枚組", "6303"},
		{"溶接鋼管 亜鉛めっき 50A 5.5m", "7306"},
		{"ステンレス鋼板 SUS304 2B 1.0mm", "7219"},
		{"包丁 三徳包丁 ステンレス 170mm", "8211"},
		{"ドラム式洗濯機 11kg 左開き", "8450"},
		{"ベアリング 6204ZZ 10個", "8482"},
		{"冷凍サバ 丸 10kg", "0303"},
		{"冷凍イカ 短冊 1kg", "0307"},
		{"スタッドレスタイヤ 195/65R15 4本", "4011"},
		{"電気銅 カソード 25トン", "7403"},
		{"サンドペーパー #240 10枚", "6805"},
		{"強化ガラス 5mm 900×1800", "7007"},
		{"ドラム缶 200L オープン", "7310"},
		{"靴クリーム 黒 60g", "3405"},
	}
}

// chineseOrdinaryCases are Chinese marketplace and invoice lines of ordinary goods, in simplified and traditional characters.
func chineseOrdinaryCases() []ordinaryCase {
	return []ordinaryCase{
		{"东北大米 10公斤 袋装 粳米", "1006"},
		{"冷冻猪肉 五花肉 20公斤箱", "0203"},
		{"冻鸡爪 大号 10公斤 箱装", "0207"},
		{"纯牛奶 250毫升 24盒", "0401"},
		{"新鲜鸡蛋 30枚 土鸡蛋", "0407"},
		{"新鲜土豆 50斤 编织袋", "0701"},
		{"大蒜 纯白蒜 5厘米 10公斤网袋", "0703"},
		{"泰国香蕉 13公斤箱", "0803"},
		{"赣南脐橙 10斤装 新鲜水果", "0805"},
		{"非转基因黄豆 50公斤 袋", "1201"},
		{"高筋面粉 25公斤 面包粉", "1101"},
		{"一级大豆油 5升 桶装", "1507"},
		{"特级初榨橄榄油 1升 玻璃瓶", "1509"},
		{"大豆粕 蛋白43% 散装 5000吨", "2304"},
		{"方便面 红烧牛肉面 24袋", "1902"},
		{"一水柠檬酸 25公斤袋 食品级", "2918"},
		{"复印纸 A4 70克 5包/箱", "4802"},
		{"车用机油 全合成 5W-30 4升", "2710"},
		{"外六角螺栓 8.8级 M12x50 镀锌", "7318"},
		{"自攻螺丝 十字 M4 1000只", "7318"},
		{"镀锌钢管 DN50 6米", "7306"},
		{"不锈钢卷 304 冷轧 2B 1.0mm", "7219"},
		{"深沟球轴承 6204-2RS", "8482"},
		{"滚筒洗衣机 10公斤 变频", "8450"},
		{"钉子 圆钉 2寸 25公斤箱", "7317"},
		{"冷冻带鱼 整条 10公斤", "0303"},
		{"冻鱿鱼 整只 10公斤", "0307"},
		{"雞蛋 新鮮 30枚", "0407"},
		{"純牛奶 250毫升 24盒", "0401"},
		{"螺絲 不鏽鋼 M6 100支", "7318"},
		{"洗衣機 滾筒 10公斤", "8450"},
		{"卫生纸 卷纸 三层 27卷", "4818"},
		{"柠檬酸 食品级 1公斤", "2918"},
		{"芝麻油 小磨香油 500毫升", "1515"},
		{"电解铜 阴极铜 99.99% 25吨", "7403"},
		{"锌锭 0号 25吨", "7901"},
		{"浮法玻璃 5mm 2440x3660", "7005"},
		{"红砖 240x115x53 烧结砖", "6904"},
		{"回形针 28mm 100枚 盒装", "8305"},
	}
}

// koreanOrdinaryCases are Korean marketplace and invoice lines of ordinary goods, with and without spaces between the words.
func koreanOrdinaryCases() []ordinaryCase {
	return []ordinaryCase{
		{"햅쌀 20kg 백미 상등급", "1006"},
		{"국내산 삼겹살 1kg 냉동", "0203"},
		{"닭가슴살 냉동 2kg", "0207"},
		{"서울우유 1L 흰우유 10팩", "0401"},
		{"무항생제 계란 30구", "0407"},
		{"체다 슬라이스 치즈 1.8kg 100매", "0406"},
		{"국산 양파 15kg 망", "0703"},
		{"수미감자 10kg 햇감자", "0701"},
		{"필리핀 바나나 13kg", "0803"},
		{"국산 대두 메주콩 5kg", "1201"},
		{"중력분 밀가루 20kg", "1101"},
		{"대두박 벌크 3000톤", "2304"},
		{"엑스트라버진 올리브유 1L", "1509"},
		{"참기름 국산 350ml", "1515"},
		{"컵라면 12개입 박스", "1902"},
		{"고추장 500g 태양초", "2103"},
		{"구연산 1kg 식품첨가물", "2918"},
		{"가성소다 25kg", "2815"},
		{"엔진오일 5W30 합성유 4L", "2710"},
		{"육각볼트 스텐 M10x50 100개", "7318"},
		{"직결나사 1000개입", "7318"},
		{"복사용지 A4 75g 2500매", "4802"},
		{"두루마리 화장지 30롤 3겹", "4818"},
		{"지퍼백 대형 50매", "3923"},
		{"호텔 수건 40수 10장", "6302"},
		{"드럼세탁기 21kg", "8450"},
		{"베어링 6205 10개", "8482"},
		{"냉동 고등어 10kg", "0303"},
		{"냉동 오징어 통 10kg", "0307"},
		{"사료용 옥수수 벌크 5만톤", "1005"},
		{"치약 120g 3개", "3306"},
		{"강화유리 5mm 900x1800", "7007"},
		{"사포 240방 10장", "6805"},
		{"드럼통 200리터 철제", "7310"},
		{"가스보일러 콘덴싱 24kW", "8403"},
		{"스테인리스 냉연 코일 304 2B 1.0t x 1219mm", "7219"},
	}
}

// russianOrdinaryCases are Russian invoice and marketplace lines of ordinary goods, whose words are inflected.
func russianOrdinaryCases() []ordinaryCase {
	return []ordinaryCase{
		{"Рис длиннозерный шлифованный 25 кг", "1006"},
		{"Свинина замороженная полутуши, 20 т", "0203"},
		{"Окорочка куриные замороженные, 10 кг коробка", "0207"},
		{"Молоко ультрапастеризованное 3,2% 1 л", "0401"},
		{"Яйца куриные столовые С1, 30 шт", "0407"},
		{"Сыр плавленый 200 г", "0406"},
		{"Масло сливочное 82,5% 180 г", "0405"},
		{"Картофель продовольственный, мешки 25 кг", "0701"},
		{"Лук репчатый, сетка 20 кг", "0703"},
		{"Мандарины свежие Марокко, коробки 10 кг", "0805"},
		{"Пшеница 3 класса навалом 50000 т", "1001"},
		{"Ячмень фуражный навалом 30000 т", "1003"},
		{"Мука пшеничная высшего сорта 50 кг", "1101"},
		{"Масло подсолнечное рафинированное дезодорированное 1 л", "1512"},
		{"Масло оливковое Extra Virgin 1 л стекло", "1509"},
		{"Шрот соевый навалом 25000 т", "2304"},
		{"Шрот подсолнечный гранулированный", "2306"},
		{"Лапша быстрого приготовления со вкусом курицы 90 г", "1902"},
		{"Кислота лимонная пищевая 25 кг", "2918"},
		{"Масло моторное полусинтетическое 10W-40, канистра 4 л", "2710"},
		{"Болт с шестигранной головкой DIN 933 М10х40 оцинкованный, 100 шт", "7318"},
		{"Гвозди строительные 100 мм, 25 кг", "7317"},
		{"Скотч упаковочный прозрачный 48 мм", "3919"},
		{"Бумага офисная А4 80 г/м2, 500 листов", "4802"},
		{"Фанера березовая 18 мм", "4412"},
		{"Пакеты для мусора 60 л, 20 шт", "3923"},
		{"Полотенце махровое 70х140", "6302"},
		{"Набор рожковых ключей 8-22 мм, 8 предметов, хром-ванадий", "8204"},
		{"Стиральная машина 6 кг фронтальная", "8450"},
		{"Подшипник шариковый 6205", "8482"},
		{"Скумбрия мороженая 10 кг", "0303"},
		{"Кальмар мороженый тушка", "0307"},
		{"Труба стальная электросварная 57х3,5", "7306"},
		{"Шины летние 205/55 R16, 4 шт", "4011"},
		{"Кабель ВВГнг 3х2,5, бухта 100 м", "8544"},
		{"Саморезы по металлу 4,2х16 мм, 500 шт", "7318"},
		{"Тормозная жидкость DOT-4 1 л", "3819"},
		{"Кирпич огнеупорный шамотный ША-5", "6902"},
		{"Сетка рабица оцинкованная 50х50, рулон 10 м", "7314"},
		{"Катоды медные марки М00к, 25 т", "7403"},
		{"Отруби пшеничные гранулированные навалом", "2302"},
	}
}

// thaiOrdinaryCases are Thai marketplace titles and invoice lines of
// ordinary goods, written without spaces between words as Thai is.
func thaiOrdinaryCases() []ordinaryCase {
	return []ordinaryCase{
		{"ข้าวหอมมะลิ 100% ขนาด 5 กก.", "1006"},
		{"กุ้งขาวแวนนาไมแช่แข็ง ไซส์ 40/50", "0306"},
		{"เนื้อหมูสามชั้นแช่แข็ง 1 กก.", "0203"},
		{"อกไก่แช่แข็ง 2 กิโลกรัม", "0207"},
		{"นมสดพาสเจอร์ไรส์ รสจืด 2 ลิตร", "0401"},
		{"ไข่ไก่ เบอร์ 2 แพ็ค 30 ฟอง", "0407"},
		{"ทุเรียนหมอนทองสด", "0810"},
		{"มะม่วงน้ำดอกไม้สด 1 กก.", "0804"},
		{"เม็ดมะม่วงหิมพานต์อบ 500 กรัม", "0801"},
		{"เมล็ดกาแฟคั่วกลาง อาราบิก้า 250 กรัม", "0901"},
		{"น้ำตาลทรายขาว 1 กก.", "1701"},
		{"แป้งมันสำปะหลัง 25 กก.", "1108"},
		{"น้ำมันปาล์ม 1 ลิตร", "1511"},
		{"บะหมี่กึ่งสำเร็จรูป รสต้มยำกุ้ง 30 ซอง", "1902"},
		{"ซอสหอยนางรม 600 มล.", "2103"},
		{"ยางพาราแผ่นรมควัน ชั้น 3", "4001"},
		{"ยางรถยนต์ 205/55R16", "4011"},
		{"ถุงมือยางไนไตร ไม่มีแป้ง 100 ชิ้น", "4015"},
		{"ผงซักฟอก สูตรเข้มข้น 2.7 กก.", "3402"},
		{"ยาสีฟัน สมุนไพร 160 กรัม", "3306"},
		{"กระดาษถ่ายเอกสาร A4 80 แกรม 500 แผ่น", "4802"},
		{"สบู่ก้อน สมุนไพร 4 ก้อน", "3401"},
		{"ปูนซีเมนต์ 50 กก.", "2523"},
		{"ปลั๊กไฟ 4 ช่อง", "8536"},
		{"พัดลมตั้งพื้น 16 นิ้ว", "8414"},
		{"แหวนรองสแตนเลส", "7318"},
		{"ที่ชาร์จสำหรับรถยนต์ USB", "8504"},
	}
}

// vietnameseOrdinaryCases are Vietnamese marketplace titles and invoice
// lines of ordinary goods, with their diacritics and, as shops often type
// them, without.
func vietnameseOrdinaryCases() []ordinaryCase {
	return []ordinaryCase{
		{"Gạo ST25 túi 5kg", "1006"},
		{"gao tam thom 10kg", "1006"},
		{"Cà phê rang xay nguyên chất 500g", "0901"},
		{"ca phe hat rang moc 1kg", "0901"},
		{"Tôm thẻ đông lạnh size 50/60", "0306"},
		{"Hạt vừng đen 1kg", "1207"},
		{"Thịt heo ba chỉ 1kg", "0203"},
		{"Sữa tươi tiệt trùng không đường 1 lít", "0401"},
		{"Trứng gà sạch hộp 10 quả", "0407"},
		{"Hạt điều rang muối 500g", "0801"},
		{"Sầu riêng Ri6 tươi", "0810"},
		{"Thanh long ruột đỏ", "0810"},
		{"Hạt tiêu đen Phú Quốc 500g", "0904"},
		{"Đường mía trắng 1kg", "1701"},
		{"Mì ăn liền hương vị tôm chua cay thùng 30 gói", "1902"},
		{"Nước mắm Phú Quốc 40 độ đạm chai 500ml", "2103"},
		{"Dầu thô Bạch Hổ", "2709"},
		{"Xi măng Hà Tiên bao 50kg", "2523"},
		{"Bột giặt 6kg", "3402"},
		{"Kem đánh răng 180g", "3306"},
		{"Túi nilon đựng rác 3 cuộn", "3923"},
		{"Lốp xe máy 90/90-14", "4011"},
		{"Găng tay cao su y tế hộp 100 chiếc", "4015"},
		{"Túi giấy kraft có quai", "4819"},
		{"Máy bơm nước 1HP", "8413"},
		{"Sạc xe hơi 2 cổng USB", "8504"},
	}
}

// TestVietnameseFold checks that Vietnamese letters lose their
// diacritics, so that a title typed without them matches the same keys.
func TestVietnameseFold(t *testing.T) {
	got := normalize("Gạo trắng, Điện thoại Ưu đãi, Cà phê sữa, Rượu vang, Thịt bò")
	want := "gao trang, dien thoai uu dai, ca phe sua, ruou vang, thit bo"
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("normalize (-want +got):\n%s", d)
	}
}
