package classify

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestLineItem(t *testing.T) {
	v, q := 1200.0, 2.0
	tests := []struct {
		in    Line
		want  Item
		field string // of the *FieldError, "" for none
	}{
		{Line{ID: "a", Description: "gold watch", Value: &v, Currency: "USD", Quantity: &q, Unit: "pcs", Date: "2019-06-01"},
			Item{ID: "a", Description: "gold watch", Value: 1200, Currency: "USD", Quantity: 2, Unit: "pcs", Date: time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)}, ""},
		{Line{HSCode: "9101.21"}, Item{DeclaredCode: "9101.21"}, ""},
		{Line{HS: "9101.21"}, Item{DeclaredCode: "9101.21"}, ""},
		{Line{HS: "9101.21", HSCode: "9101.21"}, Item{DeclaredCode: "9101.21"}, ""},
		{Line{HS: "9101.21", HSCode: "7113.19"}, Item{}, "hs_code"},
		{Line{ID: "b"}, Item{ID: "b"}, "description"},
		{Line{Description: "x", Date: "1/6/2019"}, Item{Description: "x"}, "date"},
	}
	for _, tt := range tests {
		got, err := tt.in.Item()
		var fe *FieldError
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%+v: unexpected error %v", tt.in, err)
		case tt.field != "" && (!errors.As(err, &fe) || fe.Field != tt.field):
			t.Errorf("%+v: err = %v, want a FieldError on %q", tt.in, err, tt.field)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%+v: item (-want +got):\n%s", tt.in, diff)
		}
	}
}
