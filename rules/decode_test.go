package rules

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/internal/testenv"
)

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		kind     error
		want     string
	}{
		{"unknown field", "{\"id\": \"a\",\n \"lines\": [],\n \"colour\": 1}", ErrUnknownField,
			`in.json:3:2: colour: unknown field: "colour" is not a field of the shipment model`},
		{"wrong type", "{\"id\": \"a\", \"lines\": [{\"description\": \"x\", \"quantity\": \"two\"}]}", ErrInvalid,
			`in.json:1:61: lines.quantity: invalid value: want float64, got JSON string`},
		{"syntax", "{\"id\": \"a\",\n \"lines\": [}", ErrSyntax,
			`in.json:2:12: JSON syntax: invalid character '}' looking for beginning of value`},
		{"bad date", "{\"id\": \"a\", \"date\": \"01/10/2018\", \"lines\": []}", ErrInvalid,
			`in.json:1:13: date: invalid value: "01/10/2018" is not YYYY-MM-DD`},
		{"bad role", "{\"id\": \"a\", \"parties\": [{\"role\": \"buyer\", \"name\": \"x\"}], \"lines\": []}", ErrInvalid, ""},
		{"bad hs", "{\"id\": \"a\", \"lines\": [{\"description\": \"x\", \"hs\": \"87x3\"}]}", ErrInvalid, ""},
		{"value without currency", "{\"id\": \"a\", \"lines\": [{\"description\": \"x\", \"value\": 3}]}", ErrMissing, ""},
		{"no id", "{\"lines\": []}", ErrMissing, ""},
		{"bad locode", "{\"id\": \"a\", \"route\": [{\"locode\": \"DALIAN\"}], \"lines\": []}", ErrInvalid, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("in.json", []byte(tt.in))
			if !errors.Is(err, tt.kind) {
				t.Fatalf("error = %v, want %v", err, tt.kind)
			}
			if tt.want != "" {
				if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
					t.Errorf("message (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestDecoderStream reads JSON lines with a bad record in the middle: the
// bad one is reported with its line and the next one is still read.
func TestDecoderStream(t *testing.T) {
	in := `{"id": "a", "lines": []}
{"id": "b", "date": "2018-13-01", "lines": []}
{"id": "c", "lines": []}
`
	d := NewDecoder(strings.NewReader(in), "-")
	var ids []string
	var errs []string
	for {
		s, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, s.ID)
	}
	if diff := cmp.Diff([]string{"a", "c"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{`-:2:13: date: invalid value: "2018-13-01" is not YYYY-MM-DD`}, errs); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestExamplesDecode checks that every example shipment decodes strictly
// and keeps its canonical form on a round trip.
func TestExamplesDecode(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "shipments", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example shipments: %v", err)
	}
	for _, f := range files {
		b := testenv.ReadFile(t, f)
		s, err := Decode(f, b)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		c1, _ := s.CanonicalJSON()
		s2, err := Decode(f, c1)
		if err != nil {
			t.Fatalf("canonical form does not decode: %v", err)
		}
		c2, _ := s2.CanonicalJSON()
		if string(c1) != string(c2) {
			t.Errorf("%s: canonical JSON changes on a round trip", f)
		}
	}
}
