package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// csvRead is what reading a whole bill-of-lading CSV gave: the IDs of the
// shipments read and the errors, in order.
type csvRead struct {
	IDs  []string
	Errs []string
}

// readCSV reads every shipment of a CSV, stopping after an error that
// ends the input; the header's error is the only one when it is bad.
func readCSV(t *testing.T, r io.Reader) csvRead {
	t.Helper()
	var got csvRead
	d, err := NewCSVDecoder(r, "bl.csv")
	if err != nil {
		got.Errs = append(got.Errs, err.Error())
		return got
	}
	for {
		s, err := d.Next()
		if err == io.EOF {
			return got
		}
		if err != nil {
			got.Errs = append(got.Errs, err.Error())
			if errors.Is(err, ErrSyntax) {
				return got
			}
			continue
		}
		got.IDs = append(got.IDs, s.ID)
	}
}

const csvTestHeader = "id,date,exporter,exporter_country,route,destination,description,hs_code,quantity,unit,value,currency\n"

func TestCSVDecoder(t *testing.T) {
	tests := []struct {
		name, in string
		want     csvRead
	}{
		{
			name: "grouped",
			in: csvTestHeader +
				"a,2024-01-02,Acme,DE,DEHAM > CNDLC,CN,watches,9101.21,1,item,100,EUR\n" +
				"a,,,,,,rings,7113.19,2,item,50,EUR\n" +
				"b,2024-01-03,,,,,rice,1006.30,,,,\n",
			want: csvRead{IDs: []string{"a", "b"}},
		},
		{
			name: "conflict",
			in: csvTestHeader +
				"a,2024-01-02,Acme,DE,,CN,watches,,,,,\n" +
				"a,2024-01-02,Acme,FR,,CN,rings,,,,,\n",
			want: csvRead{Errs: []string{`bl.csv:3:19: exporter_country: "FR" differs from "DE" on line 2 of the same shipment`}},
		},
		{
			name: "comes back",
			in: csvTestHeader +
				"a,,,,,,watches,,,,,\n" +
				"b,,,,,,rings,,,,,\n" +
				"a,,,,,,cars,,,,,\n",
			want: csvRead{IDs: []string{"a", "b"}, Errs: []string{`bl.csv:4:1: id: shipment "a" comes back after other shipments (it started on line 2); a shipment's rows must be consecutive`}},
		},
		{
			name: "short row fails its shipment",
			in: csvTestHeader +
				"a,,,,,,watches,,,,,\n" +
				"a,,,,,,rings\n" +
				"b,,,,,,cars,,,,,\n",
			want: csvRead{IDs: []string{"b"}, Errs: []string{"bl.csv:3: wrong number of fields: 7, the header has 12"}},
		},
		{
			name: "model error placed in the file",
			in: csvTestHeader +
				"a,2024-01-02,,,,,watches,,,,,\n" +
				"a,,,,,,rings,,,,100,EURO\n" +
				"b,,,,,,rice,,,,,\n",
			want: csvRead{IDs: []string{"b"}, Errs: []string{`bl.csv:3:21: currency: invalid value: "EURO" is not an ISO 4217 code`}},
		},
		{
			name: "value without currency",
			in:   csvTestHeader + "a,,,,,,watch,,1,,100,\n",
			want: csvRead{Errs: []string{`bl.csv:2:22: currency: required field missing`}},
		},
		{
			name: "bad code",
			in:   csvTestHeader + "a,,,,,,watch,91x1,,,,\n",
			want: csvRead{Errs: []string{`bl.csv:2:14: hs_code: invalid value: hs: invalid code "91x1": letters: 'x' at byte 2`}},
		},
		{
			name: "bad date",
			in:   csvTestHeader + "a,2024-13-01,,,,,watch,,,,,\n",
			want: csvRead{Errs: []string{`bl.csv:2:3: date: invalid value: "2024-13-01" is not YYYY-MM-DD`}},
		},
		{
			name: "bad flag",
			in:   "id,vessel_name,vessel_flag,description\na,DN5505,,cars\na,,Togo,\n",
			want: csvRead{Errs: []string{`bl.csv:3:4: vessel_flag: invalid value: "TOGO" is not an ISO 3166-1 alpha-2 country code`}},
		},
		{
			name: "empty port",
			in:   csvTestHeader + "a,,,,NLRTM;;CNDLC,,watch,,,,,\n",
			want: csvRead{Errs: []string{`bl.csv:2:6: route: port 2 is empty; separate ports with ; or >`}},
		},
		{
			name: "country without party",
			in:   csvTestHeader + "a,,,DE,,,watch,,,,,\n",
			want: csvRead{Errs: []string{`bl.csv:2:5: exporter_country: a country without a exporter`}},
		},
		{
			name: "no id",
			in:   csvTestHeader + ",,,,,,watch,,,,,\n",
			want: csvRead{Errs: []string{`bl.csv:2:1: id: empty: every row names its shipment`}},
		},
		{
			name: "bad number",
			in:   csvTestHeader + "a,,,,,,watch,,two,,,\n",
			want: csvRead{Errs: []string{`bl.csv:2:15: quantity: "two" is not a number (write 1234.5, without thousands separators)`}},
		},
		{
			// The row that opens the quote swallows the rest of the input
			// and fails the shipment it falls in (b).
			name: "unterminated quote fails its shipment",
			in:   csvTestHeader + "a,,,,,,watch,,,,,\nb,,,,,,ring,,,,,\nc,,,,,,\"car,,,,,\nd,,,,,,rice,,,,,\n",
			want: csvRead{IDs: []string{"a"}, Errs: []string{`bl.csv:5:18: quote out of place: the row that starts on line 4 has a quoted field not closed properly by line 5, and the lines in between were read as part of it; every quote inside a quoted field must be doubled ("")`}},
		},
		{
			// A bad quote loses the row's id: the row fails the shipment
			// it falls in, and the batch goes on.
			name: "bare quote fails its shipment",
			in: csvTestHeader +
				"a,,,,,,watch,,,,,\n" +
				"a,,,,,,12\" vinyl records,,,,,\n" +
				"a,,,,,,rings,,,,,\n" +
				"b,,,,,,rice,,,,,\n",
			want: csvRead{IDs: []string{"b"}, Errs: []string{`bl.csv:3:10: quote out of place: a quote (") inside a field that does not start with one; quote the whole field and double the quotes inside it ("say ""hello""")`}},
		},
		{
			// The row could be a's last or b's first: both fail.
			name: "bad quote between shipments fails both",
			in: csvTestHeader +
				"a,,,,,,watch,,,,,\n" +
				"b,,,,,,12\" vinyl records,,,,,\n" +
				"b,,,,,,rings,,,,,\n" +
				"c,,,,,,rice,,,,,\n",
			want: csvRead{IDs: []string{"c"}, Errs: []string{
				`bl.csv:3:10: quote out of place: a quote (") inside a field that does not start with one; quote the whole field and double the quotes inside it ("say ""hello""")`,
				`bl.csv:3:10: quote out of place: a quote (") inside a field that does not start with one; quote the whole field and double the quotes inside it ("say ""hello""")`,
			}},
		},
		{
			name: "text after a closing quote in the first row",
			in: csvTestHeader +
				"a,,,,,,\"watch\"es,,,,,\n" +
				"a,,,,,,rings,,,,,\n" +
				"b,,,,,,rice,,,,,\n",
			want: csvRead{IDs: []string{"b"}, Errs: []string{`bl.csv:2:14: quote out of place: text after the closing quote of a field; every quote inside a quoted field must be doubled ("")`}},
		},
		{
			name: "unknown column",
			in:   "id,colour\n",
			want: csvRead{Errs: []string{`bl.csv:1:4: unknown column "colour"; want columns among id, date, bl_number, exporter, exporter_country, shipper, consignee, consignee_country, notify_party, vessel_name, vessel_imo, vessel_flag, route, origin, destination, description, hs, hs_code, quantity, unit, value, currency`}},
		},
		{
			name: "no id column",
			in:   "description\nwatch\n",
			want: csvRead{Errs: []string{`bl.csv:1: the header has no column "id"`}},
		},
		{
			name: "empty",
			in:   "",
			want: csvRead{Errs: []string{`bl.csv: empty input; want a header row naming the columns (id, date, bl_number, exporter, exporter_country, shipper, consignee, consignee_country, notify_party, vessel_name, vessel_imo, vessel_flag, route, origin, destination, description, hs, hs_code, quantity, unit, value, currency)`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readCSV(t, strings.NewReader(tt.in))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestCSVDecoderErrorKinds checks that CSV errors are *DecodeError values
// of the kinds JSON errors have, so that callers handle both alike: a
// syntax error ends the input, the others fail one shipment.
func TestCSVDecoderErrorKinds(t *testing.T) {
	tests := []struct {
		name, in string
		kind     error
		want     *DecodeError // without Err
	}{
		{"unknown column", "id,colour\n", ErrUnknownField, &DecodeError{Source: "k.csv", Line: 1, Column: 4}},
		{"duplicate column", "id,ID\n", ErrSyntax, &DecodeError{Source: "k.csv", Line: 1, Column: 4}},
		{"no id column", "description\n", ErrSyntax, &DecodeError{Source: "k.csv", Line: 1}},
		{"quote in header", "id,\"desc\n", ErrSyntax, &DecodeError{Source: "k.csv", Line: 1, Column: 10}},
		{"short row", "id,description\na\n", ErrInvalid, &DecodeError{Source: "k.csv", Line: 2}},
		{"bad number", "id,value\na,x\n", ErrInvalid, &DecodeError{Source: "k.csv", Line: 2, Column: 3, Field: "value"}},
		{"differs", "id,date\na,2024-01-01\na,2024-01-02\n", ErrInvalid, &DecodeError{Source: "k.csv", Line: 3, Column: 3, Field: "date"}},
		{"empty id", "id,description\n,x\n", ErrMissing, &DecodeError{Source: "k.csv", Line: 2, Column: 1, Field: "id"}},
		{"model", "id,description,value\na,x,5\n", ErrMissing, &DecodeError{Source: "k.csv", Line: 2, Column: 1, Field: "currency"}},
		{"bare quote", "id,description\na,x\"y\n", ErrInvalid, &DecodeError{Source: "k.csv", Line: 2, Column: 4}},
	}
	ignoreErr := cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Err" }, cmp.Ignore())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := NewCSVDecoder(strings.NewReader(tt.in), "k.csv")
			if err == nil {
				_, err = d.Next()
			}
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %v is not a *DecodeError", err)
			}
			if diff := cmp.Diff(tt.want, de, ignoreErr); diff != "" {
				t.Errorf("error %v (-want +got):\n%s", err, diff)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %v is not %v", err, tt.kind)
			}
		})
	}
}

// TestCSVDecoderEnds checks that an error that ends the input is returned
// by every later call, as the JSON decoder does, and that a read error
// ends it too.
func TestCSVDecoderEnds(t *testing.T) {
	r := io.MultiReader(strings.NewReader("id,description\na,watch\n"), iotest.ErrReader(errors.New("disk on fire")))
	d, err := NewCSVDecoder(r, "e.csv")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for range 3 {
		s, err := d.Next()
		id, line := d.Last()
		switch {
		case err != nil:
			got = append(got, fmt.Sprintf("%v (syntax %v) last %q %d", err, errors.Is(err, ErrSyntax), id, line))
		default:
			got = append(got, fmt.Sprintf("shipment %s last %q %d", s.ID, id, line))
		}
	}
	want := []string{
		// The read error comes while looking for the end of shipment a.
		`e.csv: disk on fire (syntax true) last "" 0`,
		`e.csv: disk on fire (syntax true) last "" 0`,
		`e.csv: disk on fire (syntax true) last "" 0`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCSVDecoderLast checks that Last names each shipment Next read,
// returned or failed, so that a report can show the failed ones.
func TestCSVDecoderLast(t *testing.T) {
	in := csvTestHeader +
		"a,,,,,,watches,,,,,\n" +
		"a,,,,,,rings,,,,,\n" +
		"b,,,,,,\"two\nlines\",,x,,,\n" +
		",,,,,,cars,,,,,\n" +
		"c,,,,,,rice,,,,,\n"
	d, err := NewCSVDecoder(strings.NewReader(in), "bl.csv")
	if err != nil {
		t.Fatal(err)
	}
	type last struct {
		ID   string
		Line int
		OK   bool
	}
	var got []last
	for {
		s, err := d.Next()
		id, line := d.Last()
		if err == io.EOF {
			got = append(got, last{id, line, false})
			break
		}
		if (err == nil) != (s != nil) {
			t.Fatalf("shipment %v with error %v", s, err)
		}
		got = append(got, last{id, line, err == nil})
	}
	want := []last{{"a", 2, true}, {"b", 4, false}, {"", 6, false}, {"c", 7, true}, {"", 0, false}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// firstCSVShipment decodes the first shipment of the CSV text in, stopping
// the test on an error; the decoder goes on from there.
func firstCSVShipment(t *testing.T, in, name string) (*CSVDecoder, *Shipment) {
	t.Helper()
	d, err := NewCSVDecoder(strings.NewReader(in), name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := d.Next()
	if err != nil {
		t.Fatal(err)
	}
	return d, s
}

// TestCSVDecoderFields checks how the columns fill the shipment model.
func TestCSVDecoderFields(t *testing.T) {
	in := "id,date,bl_number,exporter,exporter_country,shipper,consignee,consignee_country,notify_party,vessel_name,vessel_imo,vessel_flag,route,origin,destination,description,hs_code,quantity,unit,value,currency\n" +
		"x,2018-10-01,BL-1,Acme GmbH,DE,Acme Logistics,Do Young Shipping,MH,Notify Co,DN5505,IMO 1234567,TG,NLRTM Rotterdam > Dalian (CN) > KP,DE,RU,Maybach S600 Guard,8703.24,2,item,1000000,USD\n" +
		"x,,,,,,,,,,,,,,,,,,,,\n"
	d, got := firstCSVShipment(t, in, "bl.csv")
	want := &Shipment{
		ID: "x", Date: "2018-10-01", Documents: Documents{BillOfLading: "BL-1"},
		Parties: []Party{
			{Role: Exporter, Name: "Acme GmbH", Country: "DE"},
			{Role: Shipper, Name: "Acme Logistics"},
			{Role: Consignee, Name: "Do Young Shipping", Country: "MH"},
			{Role: Notify, Name: "Notify Co"},
		},
		Vessel: &Vessel{Name: "DN5505", IMO: "IMO 1234567", Flag: "TG"},
		Route:  []Stop{{LOCODE: "NLRTM", Name: "Rotterdam"}, {Name: "Dalian", Country: "CN"}, {Country: "KP"}},
		Origin: "DE", Destination: "RU",
		Lines: []Line{{Description: "Maybach S600 Guard", HS: "8703.24", Quantity: 2, Unit: "item", Value: 1000000, Currency: "USD"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("shipment (-want +got):\n%s", diff)
	}
	if _, err := d.Next(); err != io.EOF {
		t.Errorf("after the last shipment: %v", err)
	}
}

// TestCSVDecoderSameAsJSON checks that a shipment read from CSV equals
// the same shipment read from JSON, normalisation included.
func TestCSVDecoderSameAsJSON(t *testing.T) {
	in := "ID,Date,Consignee,Consignee_Country,Vessel_Name,Vessel_Flag,Route,Destination,Description,HS_Code,Quantity,Unit,Value,Currency\n" +
		"maybach-2018,2018-10-01,Do Young Shipping,mh,DN5505,tg,NLRTM Rotterdam > CNDLC Dalian > RUNJK Nakhodka,ru,Mercedes-Maybach S600 Guard armoured saloon cars,8703.24,2,ITEM,1000000,usd\n"
	_, fromCSV := firstCSVShipment(t, in, "m.csv")
	fromJSON, err := Decode("m.json", []byte(`{"id": "maybach-2018", "date": "2018-10-01",
	  "parties": [{"role": "consignee", "name": "Do Young Shipping", "country": "MH"}],
	  "vessel": {"name": "DN5505", "flag": "TG"},
	  "route": [{"locode": "NLRTM", "name": "Rotterdam"}, {"locode": "CNDLC", "name": "Dalian"}, {"locode": "RUNJK", "name": "Nakhodka"}],
	  "destination": "RU",
	  "lines": [{"description": "Mercedes-Maybach S600 Guard armoured saloon cars", "hs": "8703.24", "quantity": 2, "unit": "item", "value": 1000000, "currency": "USD"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fromJSON, fromCSV); diff != "" {
		t.Errorf("(-json +csv):\n%s", diff)
	}
}

func TestParseCSVRoute(t *testing.T) {
	tests := []struct {
		in   string
		want []Stop
		err  string
	}{
		{in: "CNDLC;CN DLC > CNDLC Dalian>Dalian (cn);Nakhodka; KP",
			want: []Stop{{LOCODE: "CNDLC"}, {LOCODE: "CNDLC"}, {LOCODE: "CNDLC", Name: "Dalian"}, {Name: "Dalian", Country: "CN"}, {Name: "Nakhodka"}, {Country: "KP"}}},
		{in: "  Port  of   Spain ", want: []Stop{{Name: "Port of Spain"}}},
		{in: "DUBAI", want: []Stop{{LOCODE: "DUBAI"}}}, // five capitals read as a LOCODE, as documented
		{in: "NLRTM >", err: "port 2 is empty; separate ports with ; or >"},
	}
	for _, tt := range tests {
		got, err := parseCSVRoute(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.in, diff)
		}
		if e := fmt.Sprint(err); (tt.err != "" || err != nil) && e != tt.err {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
		}
	}
}

func TestSplitFieldPath(t *testing.T) {
	type split struct {
		Path  string
		Index int
		Rest  string
	}
	tests := map[string]split{
		"lines[2].currency": {"lines", 2, "currency"},
		"parties[0].name":   {"parties", 0, "name"},
		"vessel.imo":        {"vessel", -1, "imo"},
		"id":                {"id", -1, ""},
		"lines[x].hs":       {"lines", -1, "hs"},
	}
	for in, want := range tests {
		p, i, r := splitFieldPath(in)
		if diff := cmp.Diff(want, split{p, i, r}); diff != "" {
			t.Errorf("%q (-want +got):\n%s", in, diff)
		}
	}
}

// FuzzCSVDecoder feeds arbitrary bytes to the bill-of-lading reader: no
// panic, every error is a *DecodeError naming the file, the reader ends,
// and a shipment it accepts is one the JSON model accepts.
func FuzzCSVDecoder(f *testing.F) {
	f.Add([]byte(csvTestHeader + "a,2024-01-02,Acme,DE,DEHAM > CNDLC,CN,watches,9101.21,1,item,100,EUR\na,,,,,,rings,7113.19,2,item,50,EUR\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := NewCSVDecoder(bytes.NewReader(data), "f.csv")
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) || !strings.HasPrefix(err.Error(), "f.csv") {
				t.Errorf("header error %v is not a *DecodeError naming the file", err)
			}
			return
		}
		for i := 0; ; i++ {
			if i > len(data) {
				t.Fatal("the reader does not end")
			}
			s, err := d.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var de *DecodeError
				if !errors.As(err, &de) || !strings.HasPrefix(err.Error(), "f.csv:") {
					t.Errorf("error %v is not a *DecodeError naming the file and line", err)
				}
				if errors.Is(err, ErrSyntax) {
					if _, again := d.Next(); again != err {
						t.Errorf("after %v, Next returned %v", err, again)
					}
					return
				}
				continue
			}
			if id, line := d.Last(); id != s.ID || line < 2 {
				t.Errorf("Last() = %q, %d for shipment %q", id, line, s.ID)
			}
			b, err := s.CanonicalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Decode("again", b); err != nil {
				t.Errorf("shipment from CSV refused by the model: %v\n%s", err, b)
			}
		}
	})
}

// BenchmarkCSVDecoder reads a bill-of-lading CSV of 1,000 shipments of
// three rows; one op is the whole file.
func BenchmarkCSVDecoder(b *testing.B) {
	var in bytes.Buffer
	in.WriteString(csvTestHeader)
	for i := range 1000 {
		fmt.Fprintf(&in, "s%d,2024-01-02,Acme,DE,DEHAM > CNDLC,CN,watches,9101.21,1,item,100,EUR\n", i)
		fmt.Fprintf(&in, "s%d,,,,,,rings,7113.19,2,item,50,EUR\n", i)
		fmt.Fprintf(&in, "s%d,,,,,,rice,1006.30,500,kg,300,USD\n", i)
	}
	data := in.Bytes()
	b.ReportAllocs()
	for b.Loop() {
		d, err := NewCSVDecoder(bytes.NewReader(data), "b.csv")
		if err != nil {
			b.Fatal(err)
		}
		for {
			_, err := d.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/shipment")
}
