package classify

import (
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
