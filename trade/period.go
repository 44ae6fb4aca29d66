package trade

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is the time a trade statistic covers: a calendar year (Comtrade
// annual data, "2019"), a month (Comtrade monthly data, "201903") or, in the
// simple layout only, a span of years as published ("2010-2019").
type Period struct {
	// Year is the (first) year.
	Year int
	// Month is 1 to 12 for a monthly period and 0 otherwise.
	Month int
	// LastYear is the last year of a span of years, and 0 for a single year
	// or month.
	LastYear int
}

// ErrPeriod classifies an invalid period; a [*RowError] wraps it.
var ErrPeriod = errors.New("invalid period")

// The years a trade period may fall in: UN Comtrade's data start in 1962,
// and a year after 2100 is a typing error.
const (
	firstYear = 1962
	lastYear  = 2100
)

// ParsePeriod parses "YYYY", "YYYYMM" or "YYYY-YYYY". Errors wrap
// [ErrPeriod].
func ParsePeriod(s string) (Period, error) {
	t := strings.TrimSpace(s)
	year := func(y string) (int, error) {
		if len(y) != 4 || !allDigits(y) {
			return 0, fmt.Errorf("%w %q: want YYYY, YYYYMM or YYYY-YYYY", ErrPeriod, s)
		}
		n, _ := strconv.Atoi(y)
		if n < firstYear || n > lastYear {
			return 0, fmt.Errorf("%w %q: year %d is outside %d-%d", ErrPeriod, s, n, firstYear, lastYear)
		}
		return n, nil
	}
	if a, b, ok := strings.Cut(t, "-"); ok {
		y1, err := year(a)
		if err != nil {
			return Period{}, err
		}
		y2, err := year(b)
		if err != nil {
			return Period{}, err
		}
		if y2 < y1 {
			return Period{}, fmt.Errorf("%w %q: the span ends before it starts", ErrPeriod, s)
		}
		if y2 == y1 {
			return Period{Year: y1}, nil
		}
		return Period{Year: y1, LastYear: y2}, nil
	}
	switch len(t) {
	case 4:
		y, err := year(t)
		return Period{Year: y}, err
	case 6:
		y, err := year(t[:4])
		if err != nil {
			return Period{}, err
		}
		m, err := strconv.Atoi(t[4:])
		if err != nil || m < 1 || m > 12 || !allDigits(t[4:]) {
			return Period{}, fmt.Errorf("%w %q: month %q is not 01-12", ErrPeriod, s, t[4:])
		}
		return Period{Year: y, Month: m}, nil
	}
	return Period{}, fmt.Errorf("%w %q: want YYYY, YYYYMM or YYYY-YYYY", ErrPeriod, s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p.Year == 0 }

// IsSpan reports whether p covers more than one year.
func (p Period) IsSpan() bool { return p.LastYear != 0 }

// Start returns the first day of the period, at midnight UTC.
func (p Period) Start() time.Time {
	m := time.January
	if p.Month != 0 {
		m = time.Month(p.Month)
	}
	return time.Date(p.Year, m, 1, 0, 0, 0, 0, time.UTC)
}

// End returns the first day after the period, at midnight UTC: the period
// is [Start, End).
func (p Period) End() time.Time {
	switch {
	case p.Month != 0:
		return p.Start().AddDate(0, 1, 0)
	case p.LastYear != 0:
		return time.Date(p.LastYear+1, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(p.Year+1, time.January, 1, 0, 0, 0, 0, time.UTC)
}

// LastDay returns the last day of the period.
func (p Period) LastDay() time.Time { return p.End().AddDate(0, 0, -1) }

// String returns the period as it is parsed: "2019", "201903" or
// "2010-2019".
func (p Period) String() string {
	switch {
	case p.IsZero():
		return ""
	case p.Month != 0:
		return fmt.Sprintf("%04d%02d", p.Year, p.Month)
	case p.LastYear != 0:
		return fmt.Sprintf("%04d-%04d", p.Year, p.LastYear)
	}
	return fmt.Sprintf("%04d", p.Year)
}

// Compare orders periods by start, then by end.
func (p Period) Compare(q Period) int {
	// Months since year 0 compare as the dates do, without building them:
	// a report sorts hundreds of thousands of flows by period.
	if c := cmp.Compare(p.startMonth(), q.startMonth()); c != 0 {
		return c
	}
	return cmp.Compare(p.endMonth(), q.endMonth())
}

// startMonth is the first month of the period, counted from January of
// year 0; endMonth is the first month after it.
func (p Period) startMonth() int {
	if p.Month != 0 {
		return p.Year*12 + p.Month - 1
	}
	return p.Year * 12
}

func (p Period) endMonth() int {
	switch {
	case p.Month != 0:
		return p.startMonth() + 1
	case p.LastYear != 0:
		return (p.LastYear + 1) * 12
	}
	return (p.Year + 1) * 12
}
