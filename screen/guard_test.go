package screen

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadTruncated checks that a list file cut short is refused with
// ErrTruncated or a syntax error, never loaded with part of its entities.
func TestLoadTruncated(t *testing.T) {
	sdn, err := os.ReadFile("testdata/ofac_small/sdn.csv")
	if err != nil {
		t.Fatal(err)
	}
	lastRow := bytes.LastIndex(sdn[:len(sdn)-3], []byte("\n")) + 1
	openQuote := bytes.LastIndex(sdn, []byte(`"`)) // inside the last row's quoted remarks
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"OFAC cut between rows", sdn[:lastRow], ErrTruncated},
		{"OFAC cut mid-row", sdn[:lastRow+20], ErrTruncated},
		{"OFAC open quote at EOF", sdn[:openQuote-3], ErrTruncated},
		{"OFAC without the EOF mark", bytes.TrimRight(sdn, "\x1a"), ErrTruncated},
		{"UK cut mid-row", mustRead(t, "testdata/uk_small.csv")[:300], ErrTruncated},
		{"UN cut", mustRead(t, "testdata/un_small.xml")[:900], nil},
		{"EU cut", mustRead(t, "testdata/eu_small.xml")[:700], nil},
		{"OFAC XML cut", mustRead(t, "testdata/ofac_sdn_small.xml")[:700], nil},
		{"FtM cut", mustRead(t, "testdata/ftm_small.jsonl")[:250], nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Decode(tt.data)
			if err == nil {
				t.Fatalf("Decode accepted %d entities of a cut-off file", len(l.Entities))
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	// A cut-off sdn.csv alone in its directory: nothing else reveals the
	// missing rows.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "sdn.csv"), sdn[:lastRow], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(context.Background(), dir); !errors.Is(err, ErrTruncated) || !strings.Contains(err.Error(), "sdn.csv") {
		t.Errorf("Load(cut-off sdn.csv) = %v, want ErrTruncated naming sdn.csv", err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLoadTooLarge checks the size limit is applied before the file is read.
func TestLoadTooLarge(t *testing.T) {
	_, err := LoadWith(context.Background(), "testdata/un_small.xml", LoadOptions{MaxBytes: 100})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "un_small.xml") {
		t.Errorf("err = %v, want ErrTooLarge naming the file", err)
	}
	_, err = LoadWith(context.Background(), "testdata/ofac_small", LoadOptions{MaxBytes: 100})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("OFAC directory: err = %v, want ErrTooLarge", err)
	}
	if _, err := LoadWith(context.Background(), "testdata/un_small.xml", LoadOptions{MaxBytes: 1 << 20}); err != nil {
		t.Errorf("within the limit: %v", err)
	}
}

func TestCheckChange(t *testing.T) {
	v := func(n int) ListVersion { return ListVersion{Source: "UN", Entities: n} }
	p := func(n int) *ListVersion { x := v(n); return &x }
	tests := []struct {
		name        string
		prev        *ListVersion
		next        ListVersion
		maxShrink   float64
		allowShrink bool
		want        error
	}{
		{"first load", nil, v(5), 0, false, nil},
		{"empty first load", nil, v(0), 0, false, ErrEmpty},
		{"empty even when allowed to shrink", p(5), v(0), 0, true, ErrEmpty},
		{"grown", p(100), v(120), 0, false, nil},
		{"lost 10%", p(100), v(90), 0, false, nil},
		{"lost 11%", p(100), v(89), 0, false, ErrShrunk},
		{"lost half", p(100), v(50), 0, false, ErrShrunk},
		{"lost half, allowed", p(100), v(50), 0, true, nil},
		{"lost half within a 60% limit", p(100), v(50), 0.6, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckChange(tt.prev, tt.next, tt.maxShrink, tt.allowShrink)
			if !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
				t.Errorf("CheckChange = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestCheckCSVEnd(t *testing.T) {
	tests := []struct {
		in   string
		want bool // truncated
	}{
		{"", false},
		{"a,b\n", false},
		{"a,b\r\n\x1a", false},
		{"a,b", true},
		{"a,\"b\nc\"\n", false},
		{"a,\"b\nc", true},
		{"a,\"say \"\"hi\"\"\"\n", false},
		{"a,\"say \"\"hi\n", true},
		{"a,b\"c\n", false},          // a lazy quote inside an unquoted field
		{"a,\"b \"c\" d\"\n", false}, // lazy quotes inside a quoted field
	}
	for _, tt := range tests {
		err := checkCSVEnd([]byte(tt.in))
		if got := errors.Is(err, ErrTruncated); got != tt.want {
			t.Errorf("checkCSVEnd(%q) = %v, want truncated %v", tt.in, err, tt.want)
		}
	}
}

// FuzzCheckCSVEnd checks that any CSV encoding/csv writes is whole, and
// that cutting it inside a quoted field is caught.
func FuzzCheckCSVEnd(f *testing.F) {
	f.Add("a", "b\"c", "d\ne", 3)
	f.Add("", "\"", ",", 1)
	f.Fuzz(func(t *testing.T, a, b, c string, cut int) {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		if err := w.WriteAll([][]string{{a, b, c}, {c, b, a}}); err != nil {
			t.Skip()
		}
		data := buf.Bytes()
		if err := checkCSVEnd(data); err != nil {
			t.Fatalf("checkCSVEnd(%q) = %v for a whole file", data, err)
		}
		if cut <= 0 || cut >= len(data) {
			return
		}
		r := csv.NewReader(bytes.NewReader(data[:cut]))
		if _, err := r.ReadAll(); err != nil && !openQuoteAtEOF(data[:cut]) {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote) {
				t.Fatalf("%q: encoding/csv finds an open quote, openQuoteAtEOF does not", data[:cut])
			}
		}
	})
}
