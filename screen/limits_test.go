package screen

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/party"
)

func TestScreenTooLong(t *testing.T) {
	s := demoScreener(t)
	long := strings.Repeat("a", MaxNameRunes+1)
	// Hangul syllables take three bytes: a name at the limit in characters
	// is three times as long in bytes and must pass.
	hangulAtLimit := strings.Repeat("김", MaxNameRunes)
	tests := []struct {
		name    string
		e       party.Entity
		wantErr string // "" for none
	}{
		{"name at the limit", party.New(strings.Repeat("a", MaxNameRunes), KindOrganisation, "", "", ""), ""},
		{"multibyte name at the limit", party.New(hangulAtLimit, KindPerson, "", "", ""), ""},
		{"name over the limit", party.New(long, KindOrganisation, "", "", ""), "name: 1001 characters, at most 1000 allowed"},
		{"second name over the limit", party.Entity{Names: []string{"Korea Ryonbong", long}}, "name 2: 1001 characters"},
		{"eight megabyte name", party.New(strings.Repeat("Korea Ryongbong ", 8<<20/16), KindOrganisation, "", "", ""), "name: 8388607 characters"},
		{"country over the limit", party.New("Korea Ryonbong", KindOrganisation, strings.Repeat("x", MaxFieldRunes+1), "", ""), "country: 201 characters"},
		{"birth date over the limit", party.New("Kim Jong Un", KindPerson, "", "", strings.Repeat("1", MaxFieldRunes+1)), "birth date: 201 characters"},
		{"identifier over the limit", party.New("", KindVessel, "", strings.Repeat("9", MaxFieldRunes+1), ""), "identifier: 201 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Screen(context.Background(), tt.e)
			got := ""
			if err != nil {
				got = err.Error()
				if !errors.Is(err, ErrNameTooLong) {
					t.Errorf("error %v does not wrap ErrNameTooLong", err)
				}
			}
			if tt.wantErr == "" && got != "" || !strings.Contains(got, tt.wantErr) {
				t.Errorf("Screen error = %q, want one containing %q", got, tt.wantErr)
			}
		})
	}
}

// cancelAfter is a context whose Err reports cancellation from its n+1st
// call on: it ends while a screening runs, at a point set by n.
type cancelAfter struct {
	context.Context
	n, calls atomic.Int64
}

func (c *cancelAfter) Err() error {
	if c.calls.Add(1) > c.n.Load() {
		return context.Canceled
	}
	return nil
}

func TestScreenStopsWhenContextEnds(t *testing.T) {
	s := demoScreener(t)
	// A name with candidates on the demo list, so that scoring runs.
	q := Query{Name: "Korea Ryongbong General Corp.", Kind: KindOrganisation}.entity()
	ctx := &cancelAfter{Context: context.Background()}
	ctx.n.Store(1) // the look before the screening starts passes
	_, err := s.Screen(ctx, q)
	if diff := cmp.Diff(context.Canceled, err, cmpErrorsIs()); diff != "" {
		t.Errorf("Screen with a context ending during the screening: error mismatch (-want +got):\n%s", diff)
	}
}

// cmpErrorsIs compares errors with errors.Is.
func cmpErrorsIs() cmp.Option {
	return cmp.Comparer(func(x, y error) bool { return errors.Is(x, y) || errors.Is(y, x) })
}
