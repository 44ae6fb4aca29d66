package trade

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/luxscreen/luxscreen/hs"
)

// legacyHeader is the header of the legacy UN Comtrade bulk download.
const legacyHeader = "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag"

// plusColumns are the columns of a UN Comtrade Plus data file.
func plusColumns() []string {
	return strings.Split("typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate", ",")
}

// plusRow writes a Comtrade Plus row from the values that matter; the
// other columns get the values Comtrade writes for a plain total.
func plusRow(sep string, v map[string]string) string {
	def := map[string]string{
		"typeCode": "C", "freqCode": "A", "partner2Code": "0", "partner2ISO": "W00", "partner2Desc": "World",
		"classificationCode": "H5", "classificationSearchCode": "HS", "isOriginalClassification": "True",
		"aggrLevel": "6", "isLeaf": "True", "customsCode": "C00", "customsDesc": "TOTAL CPC", "mosCode": "0",
		"motCode": "0", "motDesc": "TOTAL MOT", "isQtyEstimated": "False", "isAltQtyEstimated": "False",
		"isNetWgtEstimated": "False", "isGrossWgtEstimated": "False", "legacyEstimationFlag": "0",
		"isReported": "True", "isAggregate": "False",
	}
	var fields []string
	for _, c := range plusColumns() {
		s, ok := v[c]
		if !ok {
			s = def[c]
		}
		fields = append(fields, s)
	}
	return strings.Join(fields, sep)
}

func readAll(t *testing.T, name, text string) ([]Flow, Layout) {
	t.Helper()
	r, err := NewReader(strings.NewReader(text), name)
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	var out []Flow
	for {
		f, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, r.Layout()
		}
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		out = append(out, f)
	}
}

func TestReaderLayouts(t *testing.T) {
	kp := Country{Code: "KP", ISO3: "PRK", Name: "Dem. People's Rep. of Korea"}
	plusRU := map[string]string{
		"refPeriodId": "20190101", "refYear": "2019", "refMonth": "52", "period": "2019",
		"reporterCode": "643", "reporterISO": "RUS", "reporterDesc": "Russian Federation", "flowCode": "X", "flowDesc": "Export",
		"partnerCode": "408", "partnerISO": "PRK", "partnerDesc": "Dem. People's Rep. of Korea",
		"cmdCode": "010121", "cmdDesc": "Horses; live; pure-bred breeding animals", "qtyUnitCode": "5", "qtyUnitAbbr": "u", "qty": "12",
		"netWgt": "6000", "fobvalue": "75509", "primaryValue": "75509",
	}
	plusBreakdown := map[string]string{
		"refYear": "2019", "refMonth": "52", "period": "2019", "reporterCode": "643", "reporterISO": "RUS", "reporterDesc": "Russian Federation",
		"flowCode": "X", "partnerCode": "408", "partnerISO": "PRK", "partnerDesc": "Dem. People's Rep. of Korea",
		"cmdCode": "010121", "motCode": "3100", "qtyUnitAbbr": "u", "qty": "12", "primaryValue": "75509",
	}
	plusMonthlyNoPrimary := map[string]string{
		"freqCode": "M", "refYear": "2017", "refMonth": "12", "period": "", "reporterCode": "156", "reporterISO": "", "reporterDesc": "China",
		"flowCode": "M", "partnerCode": "408", "partnerISO": "", "partnerDesc": "",
		"cmdCode": "2701", "qtyUnitCode": "-1", "qtyUnitAbbr": "N/A", "cifvalue": "1000.5", "primaryValue": "",
	}
	plus := func(sep string) string {
		return strings.Join(plusColumns(), sep) + "\n" + plusRow(sep, plusRU) + "\n" + plusRow(sep, plusBreakdown) + "\n" + plusRow(sep, plusMonthlyNoPrimary) + "\n"
	}
	plusWant := []Flow{
		{File: "plus", Line: 2, Reporter: Country{Code: "RU", ISO3: "RUS", Name: "Russian Federation"}, Partner: kp, Period: Period{Year: 2019}, Kind: Export,
			Code: hs.MustParse("010121"), CodeText: "010121", Classification: "H5", ValueUSD: 75509, NetWeightKg: 6000, Quantity: 12, QuantityUnit: "u"},
		{File: "plus", Line: 3, Reporter: Country{Code: "RU", ISO3: "RUS", Name: "Russian Federation"}, Partner: kp, Period: Period{Year: 2019}, Kind: Export,
			Code: hs.MustParse("010121"), CodeText: "010121", Classification: "H5", ValueUSD: 75509, Quantity: 12, QuantityUnit: "u", Breakdown: true},
		{File: "plus", Line: 4, Reporter: Country{Code: "CN", ISO3: "CHN", Name: "China"}, Partner: Country{Code: "KP", ISO3: "PRK", Name: "North Korea"}, Period: Period{Year: 2017, Month: 12}, Kind: Import,
			Code: hs.MustParse("2701"), CodeText: "2701", Classification: "H5", ValueUSD: 1000.5},
	}
	tests := []struct {
		name   string
		text   string
		layout Layout
		want   []Flow
	}{
		{
			name:   "legacy",
			layout: ComtradeLegacy,
			text: legacyHeader + "\n" +
				`H4,2019,2019,2019,4,0,2,Export,643,Russian Federation,RUS,408,Dem. People's Rep. of Korea,PRK,0101,"Horses, asses, mules and hinnies; live",5,Number of items,12,6000,75509,0` + "\n" +
				`H4,2015,2015,2015,0,0,1,Import,251,France,,0,World,WLD,TOTAL,All Commodities,1,No Quantity,,,1000,0` + "\n",
			want: []Flow{
				{File: "legacy", Line: 2, Reporter: Country{Code: "RU", ISO3: "RUS", Name: "Russian Federation"}, Partner: kp, Period: Period{Year: 2019}, Kind: Export,
					Code: hs.MustParse("0101"), CodeText: "0101", Classification: "H4", ValueUSD: 75509, NetWeightKg: 6000, Quantity: 12, QuantityUnit: "u"},
				// France's Comtrade code is 251, not ISO's 250.
				{File: "legacy", Line: 3, Reporter: Country{Code: "FR", ISO3: "FRA", Name: "France"}, Partner: Country{Code: "WLD", Name: "World", Total: true}, Period: Period{Year: 2015}, Kind: Import,
					CodeText: "TOTAL", Classification: "H4", ValueUSD: 1000},
			},
		},
		{name: "plus", layout: ComtradePlus, text: plus(","), want: plusWant},
		{name: "plus", layout: ComtradePlus, text: plus("\t"), want: plusWant},
		{
			name:   "simple",
			layout: Simple,
			text: "\uFEFF# a comment before the header\n\nReporter,partner,period,flow,code,value_usd,net_weight_kg,quantity,quantity_unit,source\n" +
				"# a comment between rows\n" +
				"RUS,KP,2010-2019,export,0101,584291,,128,u,the paper\n" +
				"de,prk,201712,re-export,8703.24,1.5e5,2000,,,\n",
			want: []Flow{
				{File: "simple", Line: 5, Reporter: Country{Code: "RU", ISO3: "RUS", Name: "Russia"}, Partner: Country{Code: "KP", ISO3: "PRK", Name: "North Korea"}, Period: Period{Year: 2010, LastYear: 2019}, Kind: Export,
					Code: hs.MustParse("0101"), CodeText: "0101", ValueUSD: 584291, Quantity: 128, QuantityUnit: "u", Source: "the paper"},
				{File: "simple", Line: 6, Reporter: Country{Code: "DE", ISO3: "DEU", Name: "Germany"}, Partner: Country{Code: "KP", ISO3: "PRK", Name: "North Korea"}, Period: Period{Year: 2017, Month: 12}, Kind: ReExport,
					Code: hs.MustParse("870324"), CodeText: "8703.24", ValueUSD: 150000, NetWeightKg: 2000},
			},
		},
		{
			name:   "latin1",
			layout: ComtradeLegacy,
			text:   legacyHeader + "\nH4,2019,2019,2019,4,0,1,Import,384,C\xf4te d'Ivoire,CIV,408,,PRK,9101,Watches,5,Number of items,1,,5000,0\n",
			want: []Flow{
				{File: "latin1", Line: 2, Reporter: Country{Code: "CI", ISO3: "CIV", Name: "Côte d'Ivoire"}, Partner: Country{Code: "KP", ISO3: "PRK", Name: "North Korea"}, Period: Period{Year: 2019}, Kind: Import,
					Code: hs.MustParse("9101"), CodeText: "9101", Classification: "H4", ValueUSD: 5000, Quantity: 1, QuantityUnit: "u"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, layout := readAll(t, tt.name, tt.text)
			if layout != tt.layout {
				t.Errorf("layout = %s, want %s", layout, tt.layout)
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b hs.Code) bool { return a.Digits() == b.Digits() })); diff != "" {
				t.Errorf("flows (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReaderErrors(t *testing.T) {
	const simpleHeader = "reporter,partner,period,flow,code,value_usd,quantity,quantity_unit\n"
	tests := []struct {
		name   string
		text   string
		header bool // the error comes from NewReader
		want   *RowError
		is     error
	}{
		{name: "empty file", text: "", header: true, want: &RowError{File: "f", Line: 1}, is: ErrLayout},
		{name: "comments only", text: "# nothing\n\n", header: true, want: &RowError{File: "f", Line: 3}, is: ErrLayout},
		{name: "unknown header", text: "a,b,c\n1,2,3\n", header: true, want: &RowError{File: "f", Line: 1}, is: ErrLayout},
		{name: "unknown simple column", text: "reporter,partner,period,flow,code,value_usd,valu\n", header: true, want: &RowError{File: "f", Line: 1}, is: ErrLayout},
		{name: "missing required column", text: "reporter,partner,period,code,value_usd\n", header: true, want: &RowError{File: "f", Line: 1}, is: ErrLayout},
		{name: "duplicate column", text: "reporter,partner,period,flow,code,value_usd,code\n", header: true, want: &RowError{File: "f", Line: 1}, is: ErrLayout},
		{name: "thousands separator", text: simpleHeader + `RU,KP,2019,export,0101,"75,509",12,u` + "\n", want: &RowError{File: "f", Line: 2, Column: "value_usd", Value: "75,509"}, is: ErrInvalid},
		{name: "unquoted comma", text: simpleHeader + "RU,KP,2019,export,0101,75,509,12,u\n", want: &RowError{File: "f", Line: 2}, is: ErrInvalid},
		{name: "negative", text: simpleHeader + "RU,KP,2019,export,0101,-5,12,u\n", want: &RowError{File: "f", Line: 2, Column: "value_usd", Value: "-5"}, is: ErrInvalid},
		{name: "not finite", text: simpleHeader + "RU,KP,2019,export,0101,NaN,12,u\n", want: &RowError{File: "f", Line: 2, Column: "value_usd", Value: "NaN"}, is: ErrInvalid},
		{name: "missing value", text: simpleHeader + "RU,KP,2019,export,0101,,12,u\n", want: &RowError{File: "f", Line: 2, Column: "value_usd"}, is: ErrMissing},
		{name: "month 13", text: simpleHeader + "RU,KP,201913,export,0101,5,12,u\n", want: &RowError{File: "f", Line: 2, Column: "period", Value: "201913"}, is: ErrPeriod},
		{name: "year out of range", text: simpleHeader + "RU,KP,1899,export,0101,5,12,u\n", want: &RowError{File: "f", Line: 2, Column: "period", Value: "1899"}, is: ErrPeriod},
		{name: "lost leading zero", text: simpleHeader + "RU,KP,2019,export,10121,5,12,u\n", want: &RowError{File: "f", Line: 2, Column: "code", Value: "10121"}, is: hs.ErrLostLeadingZero},
		{name: "no code", text: simpleHeader + "RU,KP,2019,export,,5,12,u\n", want: &RowError{File: "f", Line: 2, Column: "code"}, is: ErrMissing},
		{name: "bad flow", text: simpleHeader + "RU,KP,2019,sideways,0101,5,12,u\n", want: &RowError{File: "f", Line: 2, Column: "flow", Value: "sideways"}, is: ErrInvalid},
		{name: "no reporter", text: simpleHeader + ",KP,2019,export,0101,5,12,u\n", want: &RowError{File: "f", Line: 2, Column: "reporter"}, is: ErrMissing},
		{name: "quantity without unit", text: simpleHeader + "RU,KP,2019,export,0101,5,12,\n", want: &RowError{File: "f", Line: 2, Column: "quantity_unit"}, is: ErrMissing},
		{name: "span in Comtrade", text: legacyHeader + "\nH4,2019,2010-2019,2019,4,0,2,Export,643,Russian Federation,RUS,408,x,PRK,0101,h,5,Number of items,12,6000,75509,0\n", want: &RowError{File: "f", Line: 2, Column: "Period", Value: "2010-2019"}, is: ErrPeriod},
		{name: "SITC", text: legacyHeader + "\nS3,2008,2008,2008,1,0,1,Import,4,Afghanistan,AFG,0,World,WLD,0,Food and live animals,1,No Quantity,,,309541080,0\n", want: &RowError{File: "f", Line: 2, Column: "Classification", Value: "S3"}, is: ErrNotHS},
		{name: "bad quote", text: simpleHeader + "RU,KP,2019,export,\"0101,5,12,u\n", want: &RowError{File: "f", Line: 2}, is: ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(strings.NewReader(tt.text), "f")
			if err == nil {
				if tt.header {
					t.Fatal("NewReader succeeded, want an error")
				}
				_, err = r.Read()
			} else if !tt.header {
				t.Fatalf("NewReader: %v", err)
			}
			var re *RowError
			if !errors.As(err, &re) {
				t.Fatalf("error %v (%T) is not a *RowError", err, err)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if diff := cmp.Diff(tt.want, re, cmpopts.IgnoreFields(RowError{}, "Err")); diff != "" {
				t.Errorf("RowError (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

// TestReaderContinues checks that a bad row does not end the file: the
// rows after it are still read.
func TestReaderContinues(t *testing.T) {
	text := "reporter,partner,period,flow,code,value_usd\nRU,KP,2019,export,0101,oops\nRU,KP,2019,export,0101,extra,field\nRU,KP,2018,export,0101,7\n"
	r, err := NewReader(strings.NewReader(text), "f")
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for {
		f, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *RowError
		switch {
		case errors.As(err, &re):
			lines = append(lines, -re.Line)
		case err != nil:
			t.Fatal(err)
		default:
			lines = append(lines, f.Line)
		}
	}
	if diff := cmp.Diff([]int{-2, -3, 4}, lines); diff != "" {
		t.Errorf("lines read (negative: errors) (-want +got):\n%s", diff)
	}
}

func TestRowErrorMessage(t *testing.T) {
	e := &RowError{File: "figure4.csv", Line: 12, Column: "value_usd", Value: "75,509", Err: ErrInvalid}
	if got, want := e.Error(), `figure4.csv:12: column "value_usd": value "75,509": invalid value`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
