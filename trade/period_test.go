package trade

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParsePeriod(t *testing.T) {
	date := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	type result struct {
		Period      Period
		String      string
		Start, Last time.Time
	}
	tests := []struct {
		in   string
		want result
	}{
		{"2019", result{Period{Year: 2019}, "2019", date(2019, 1, 1), date(2019, 12, 31)}},
		{" 201712 ", result{Period{Year: 2017, Month: 12}, "201712", date(2017, 12, 1), date(2017, 12, 31)}},
		{"201602", result{Period{Year: 2016, Month: 2}, "201602", date(2016, 2, 1), date(2016, 2, 29)}},
		{"2010-2019", result{Period{Year: 2010, LastYear: 2019}, "2010-2019", date(2010, 1, 1), date(2019, 12, 31)}},
		{"2015-2015", result{Period{Year: 2015}, "2015", date(2015, 1, 1), date(2015, 12, 31)}},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tt.in, err)
			continue
		}
		got := result{p, p.String(), p.Start(), p.LastDay()}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParsePeriod(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	for _, bad := range []string{"", "19", "20190", "201900", "201913", "2019-", "2019-2010", "1961", "2101", "2019-13", "２０１９", "20l9", "+2019"} {
		if _, err := ParsePeriod(bad); !errors.Is(err, ErrPeriod) {
			t.Errorf("ParsePeriod(%q) = %v, want an ErrPeriod", bad, err)
		}
	}
}

func TestPeriodCompare(t *testing.T) {
	ps := []string{"2015", "201501", "2010-2019", "2016"}
	var got []string
	parsed := make([]Period, len(ps))
	for i, s := range ps {
		parsed[i], _ = ParsePeriod(s)
	}
	// Insertion sort by Compare keeps the test independent of slices.
	for i := 1; i < len(parsed); i++ {
		for j := i; j > 0 && parsed[j].Compare(parsed[j-1]) < 0; j-- {
			parsed[j], parsed[j-1] = parsed[j-1], parsed[j]
		}
	}
	for _, p := range parsed {
		got = append(got, p.String())
	}
	if diff := cmp.Diff([]string{"2010-2019", "201501", "2015", "2016"}, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

// TestPeriodCompareDates checks that Compare orders every pair of periods
// as their first and last days do.
func TestPeriodCompareDates(t *testing.T) {
	var ps []Period
	for _, s := range []string{"1962", "2015", "201501", "201512", "2016", "201601", "2010-2019", "2015-2016", "2015-2015", "2100", "210012"} {
		p, err := ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	for _, p := range ps {
		for _, q := range ps {
			want := p.Start().Compare(q.Start())
			if want == 0 {
				want = p.End().Compare(q.End())
			}
			if got := p.Compare(q); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", p, q, got, want)
			}
		}
	}
}
