package source

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRepair(t *testing.T) {
	tests := []struct {
		in, want []string
		err      bool
	}{
		{
			in:   []string{"JP", "OSA", "Osaka", "Osaka", "27", "AF", "1--45---", "ITM", "34.6667", "135.5", ""},
			want: []string{"JP", "OSA", "Osaka", "Osaka", "27", "AF", "1--45---", "ITM", "34.6667", "135.5", ""},
		},
		{
			// """Nagoya"," Aichi""" as a CSV reader splits it, without
			// status and IATA.
			in:   []string{"JP", "NGO", `"Nagoya`, ` Aichi"`, `"Nagoya`, ` Aichi"`, "23", "1--45---", "35.1851045", "136.8998438", "true"},
			want: []string{"JP", "NGO", "Nagoya, Aichi", "Nagoya, Aichi", "23", "", "1--45---", "", "35.1851045", "136.8998438", "true"},
		},
		{in: []string{"JP", "NGO", "Nagoya"}, err: true},
		{in: []string{"JP", "NGO", `"Nagoya`, ` Aichi"`, "Nagoya", "23", "1--45---", "35.1", "136.8", "true", "x"}, err: true},
	}
	for _, tt := range tests {
		got, err := repair(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("repair(%q): error %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("repair(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestConvert(t *testing.T) {
	tests := []struct {
		in   []string
		want Record
	}{
		{
			[]string{"KP", "RJN", "Rajin (Najin)", "Rajin (Najin)", "13", "AA", "123-----", "", "42.21666666666667", "130.28333333333333", ""},
			Record{Code: "KPRJN", Name: "Rajin (Najin)", Subdivision: "13", Status: "AA", Function: "123-----", Lat: "42.2167", Lon: "130.2833"},
		},
		{
			// A name the packaging garbled falls back to the name without
			// diacritics; coordinates off the globe are none.
			[]string{"AT", "SAN", "Sankt Andr\uFFFD", "Sankt Andra", "2", "RL", "--3-----", "", "97.1", "NaN", "true"},
			Record{Code: "ATSAN", Name: "Sankt Andra", Subdivision: "2", Status: "RL", Function: "--3-----", Geocoded: "g"},
		},
	}
	for _, tt := range tests {
		got, err := convert(tt.in)
		if err != nil {
			t.Errorf("convert(%q): %v", tt.in, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("convert(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}
