package csvtab

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// partyColumns are the columns of a small party list, for the tests.
var partyColumns = []string{"id", "name", "kind", "country", "imo", "dob"}

// TestNewHeader checks that a bad header is refused with the input, line
// and column.
func TestNewHeader(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
		unknown  bool // the error is ErrUnknownColumn
	}{
		{name: "empty", in: "", want: "q.csv: empty input; want a header row naming the columns (id, name, kind, country, imo, dob)"},
		{name: "unknown", in: "id,name,colour\n", want: `q.csv:1:9: unknown column "colour"; want columns among id, name, kind, country, imo, dob`, unknown: true},
		{name: "duplicate", in: "id,name,Name\n", want: `q.csv:1:9: column "name" appears twice (first at column 4)`},
		{name: "missing", in: "id,country\n", want: "q.csv:1: the header has no one of the columns name, imo"},
		{name: "quote", in: "id,\"name\n", want: "q.csv:1:10: extraneous or missing \" in quoted-field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(strings.NewReader(tt.in), "q.csv", partyColumns, []string{"name", "imo"})
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			var te *Error
			if !errors.As(err, &te) || te.Source != "q.csv" {
				t.Errorf("error %#v is not an *Error naming the input", err)
			}
			if got := errors.Is(err, ErrUnknownColumn); got != tt.unknown {
				t.Errorf("errors.Is(err, ErrUnknownColumn) = %v, want %v", got, tt.unknown)
			}
		})
	}
}

// TestNewRequiredOne checks that a required group with one column names
// that column.
func TestNewRequiredOne(t *testing.T) {
	_, err := New(strings.NewReader("description\nwatch\n"), "bl.csv", []string{"id", "description"}, []string{"id"})
	if diff := cmp.Diff(`bl.csv:1: the header has no column "id"`, fmt.Sprint(err)); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
}

// TestNewHeaderNames checks that a byte-order mark, spaces and capitals in
// the header are accepted.
func TestNewHeaderNames(t *testing.T) {
	tb, err := New(strings.NewReader("\ufeffID , Name\n1,x\n"), "q.csv", partyColumns, []string{"name"})
	if err != nil {
		t.Fatal(err)
	}
	row, err := tb.Next()
	if err != nil {
		t.Fatal(err)
	}
	got := []string{tb.Get(row, "id"), tb.Get(row, "name"), tb.Get(row, "kind")}
	if diff := cmp.Diff([]string{"1", "x", ""}, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if !tb.Has("id") || tb.Has("kind") {
		t.Errorf("Has(id) = %v, Has(kind) = %v; want true, false", tb.Has("id"), tb.Has("kind"))
	}
}

// TestNext reads rows spanning lines, a short row and a blank line: the
// short row is an error of its own and the rows after it are read.
func TestNext(t *testing.T) {
	in := "id,name,kind\n" +
		"a,Acme Ltd,org\n" +
		"b,\"Multi\nline\",person\n" +
		"c,short\n" +
		"\n" +
		"d,Zeta,vessel\n"
	tb, err := New(strings.NewReader(in), "q.csv", partyColumns, []string{"name"})
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		Line     int
		ID, Kind string
		Err      string
		Count    bool // the error is ErrFieldCount
	}
	var rows []got
	for {
		r, err := tb.Next()
		if err == io.EOF {
			break
		}
		g := got{Line: r.Line, ID: tb.Get(r, "id"), Kind: tb.Get(r, "kind")}
		if err != nil {
			g.Err, g.Count = err.Error(), errors.Is(err, ErrFieldCount)
		}
		rows = append(rows, g)
	}
	want := []got{
		{Line: 2, ID: "a", Kind: "org"},
		{Line: 3, ID: "b", Kind: "person"},
		{Line: 5, ID: "c", Err: "q.csv:5: wrong number of fields: 2, the header has 3", Count: true},
		{Line: 7, ID: "d", Kind: "vessel"},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// TestNextQuotes checks that a row with a quote out of place fails alone,
// with its place and what to do in plain words, and that the rows after it
// are read; a quote never closed takes the rest of the input.
func TestNextQuotes(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // the IDs read, and the errors in their place
	}{
		{"bare quote", "id,name\na,Acme\nb,x\"y\nc,Zeta\n", []string{"a", `q.csv:3:4: quote out of place: a quote (") inside a field that does not start with one; quote the whole field and double the quotes inside it ("say ""hello""")`, "c"}},
		{"text after closing quote", "id,name\na,\"Acme\" Ltd\nb,Zeta\n", []string{`q.csv:2:8: quote out of place: text after the closing quote of a field; every quote inside a quoted field must be doubled ("")`, "b"}},
		{"never closed", "id,name\na,\"Acme\nb,Zeta\nc,Omega\n", []string{`q.csv:4:9: quote out of place: the row that starts on line 2 has a quoted field not closed properly by line 4, and the lines in between were read as part of it; every quote inside a quoted field must be doubled ("")`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := New(strings.NewReader(tt.in), "q.csv", partyColumns)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for {
				r, err := tb.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					if !errors.Is(err, ErrQuote) {
						t.Fatalf("%v: not a bad row", err)
					}
					got = append(got, err.Error())
					continue
				}
				got = append(got, tb.Get(r, "id"))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestNextEnds checks the error that ends the input: a failing reader.
func TestNextEnds(t *testing.T) {
	tests := []struct {
		name string
		r    io.Reader
		want []string // the IDs read, then the error
	}{
		{"read error", io.MultiReader(strings.NewReader("id,name\na,Acme\n"), iotest.ErrReader(errors.New("disk on fire"))), []string{"a", "q.csv: disk on fire"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := New(tt.r, "q.csv", partyColumns)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for {
				r, err := tb.Next()
				if err == io.EOF {
					t.Fatal("the input ended without the error")
				}
				if err != nil {
					if errors.Is(err, ErrFieldCount) {
						t.Fatalf("%v: a fatal error reported as a bad row", err)
					}
					got = append(got, err.Error())
					break
				}
				got = append(got, tb.Get(r, "id"))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestFieldErrors checks Number, Errorf and At: errors name the input, the
// line and byte column of the field, and the column.
func TestFieldErrors(t *testing.T) {
	tb, err := New(strings.NewReader("id,description,value,quantity\n"+
		"a,x,12.5,\n"+
		"b,x,\"1,000\",1\n"+
		"c,x,NaN,1e400\n"+
		"d,\"two\nlines\",-3,1e3\n"+
		"e\n"), "g.csv", []string{"id", "description", "value", "quantity", "unit"})
	if err != nil {
		t.Fatal(err)
	}
	type number struct {
		Value *float64
		Err   string
	}
	num := func(r Row, col string) number {
		v, err := tb.Number(r, col)
		if err != nil {
			return number{Err: err.Error()}
		}
		return number{Value: v}
	}
	f := func(v float64) *float64 { return &v }
	var got []number
	var pos []Pos
	for {
		r, err := tb.Next()
		if err == io.EOF {
			break
		}
		if err != nil && !errors.Is(err, ErrFieldCount) {
			t.Fatal(err)
		}
		got = append(got, num(r, "value"), num(r, "quantity"))
		pos = append(pos, tb.At(r, "quantity"), tb.At(r, "unit"))
	}
	want := []number{
		{Value: f(12.5)}, {},
		{Err: `g.csv:3:5: value: "1,000" is not a number (write 1234.5, without thousands separators)`}, {Value: f(1)},
		{Err: `g.csv:4:5: value: "NaN" is not a number (write 1234.5, without thousands separators)`},
		{Err: `g.csv:4:9: quantity: "1e400" is not a number (write 1234.5, without thousands separators)`},
		{Value: f(-3)}, {Value: f(1000)},
		{}, {},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("numbers (-want +got):\n%s", diff)
	}
	// A column the table lacks, or a short row, points at the row's start.
	wantPos := []Pos{{2, 10}, {2, 1}, {3, 13}, {3, 1}, {4, 9}, {4, 1}, {6, 11}, {5, 1}, {7, 1}, {7, 1}}
	if diff := cmp.Diff(wantPos, pos); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
}

// TestErrorf checks the text and the fields of an error about one field.
func TestErrorf(t *testing.T) {
	tb, err := New(strings.NewReader("id,date\nx,  2024-13-01\n"), "d.csv", []string{"id", "date"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := tb.Next()
	if err != nil {
		t.Fatal(err)
	}
	base := errors.New("not a date")
	err = tb.Errorf(r, "date", "%q: %w", tb.Get(r, "date"), base)
	var te *Error
	if !errors.As(err, &te) {
		t.Fatalf("%v is not an *Error", err)
	}
	if diff := cmp.Diff(&Error{Source: "d.csv", Line: 2, Column: 3, Field: "date"}, te, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Err" }, cmp.Ignore())); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
	if got, want := err.Error(), `d.csv:2:3: date: "2024-13-01": not a date`; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if !errors.Is(err, base) {
		t.Error("Errorf does not wrap its %w argument")
	}
}
