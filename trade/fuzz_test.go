package trade

import (
	"bytes"
	"errors"
	"io"
	"math"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader: it must never panic, every
// failure must be a *RowError naming a line, and every flow it returns must
// hold what the package promises (a period, a kind, a code, finite
// non-negative amounts, increasing lines).
func FuzzReader(f *testing.F) {
	f.Add([]byte(legacyHeader + "\nH4,2019,2019,2019,4,0,2,Export,643,Russian Federation,RUS,408,Dem. People's Rep. of Korea,PRK,0101,Horses,5,Number of items,12,6000,75509,0\n"))
	f.Add([]byte("reporter,partner,period,flow,code,value_usd\nRU,KP,2010-2019,export,0101,584291\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data), "fuzz")
		if err != nil {
			var re *RowError
			if !errors.As(err, &re) || re.Line < 1 {
				t.Fatalf("NewReader error %v (%T) is not a RowError with a line", err, err)
			}
			return
		}
		last := 0
		for i := 0; i < 1000; i++ {
			fl, err := r.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				var re *RowError
				if !errors.As(err, &re) || re.Line <= last {
					t.Fatalf("Read error %v (%T) is not a RowError after line %d", err, err, last)
				}
				last = re.Line
				continue
			}
			if fl.Line <= last {
				t.Fatalf("line %d after line %d", fl.Line, last)
			}
			last = fl.Line
			if fl.Period.IsZero() || fl.Kind < Export || fl.Kind > ReImport || fl.CodeText == "" {
				t.Fatalf("incomplete flow %+v", fl)
			}
			for _, v := range []float64{fl.ValueUSD, fl.NetWeightKg, fl.Quantity} {
				if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("amount %g in %+v", v, fl)
				}
			}
			if fl.Quantity != 0 && fl.QuantityUnit == "" {
				t.Fatalf("quantity without a unit in %+v", fl)
			}
		}
	})
}

// FuzzParsePeriod checks that a parsed period prints as text that parses
// to the same period, and that it starts before it ends.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2019", "201712", "2010-2019", "1961", "201913", "2019-2010"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			if !errors.Is(err, ErrPeriod) {
				t.Fatalf("ParsePeriod(%q) error %v is not ErrPeriod", s, err)
			}
			return
		}
		q, err := ParsePeriod(p.String())
		if err != nil || q != p {
			t.Fatalf("ParsePeriod(%q) = %+v, which prints as %q and parses to %+v, %v", s, p, p.String(), q, err)
		}
		if !p.Start().Before(p.End()) {
			t.Fatalf("period %s starts %v, ends %v", p, p.Start(), p.End())
		}
	})
}
