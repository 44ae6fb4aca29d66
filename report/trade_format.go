package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/lists"

	"github.com/luxscreen/luxscreen/trade"
)

// money formats an amount with thousands separators and no decimals
// ("21,377,507"), or with cents below 100.
func money(v float64) string {
	if v != 0 && math.Abs(v) < 100 {
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return groupThousands(strconv.FormatFloat(math.Round(v), 'f', 0, 64))
}

// unitMoney formats a unit value: three significant digits below 1 (coal
// at 0.055 USD/kg), two decimals below 10,000, none above.
func unitMoney(v float64) string {
	switch a := math.Abs(v); {
	case a >= 10000:
		return money(v)
	case a < 1:
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	return groupThousands(whole) + "." + frac
}

func groupThousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// amount formats a quantity or weight: no decimals when whole.
func amount(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return groupThousands(strconv.FormatFloat(v, 'f', 0, 64))
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// short formats an axis value with at most four significant digits: 1.5k,
// 20M, 0.06.
func short(v float64) string {
	a := math.Abs(v)
	for _, u := range []struct {
		div    float64
		suffix string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}} {
		if a >= u.div {
			return strconv.FormatFloat(v/u.div, 'g', 4, 64) + u.suffix
		}
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// coverageWord says what a coverage means for the flow, for tables.
func coverageWord(c lists.Coverage) string {
	switch c {
	case lists.Full:
		return "all goods"
	case lists.Ex:
		return "ex: described goods only"
	case lists.Partial:
		return "partial: code wider than entry"
	}
	return ""
}

// inForceWord says whether a citation held for the whole period.
func inForceWord(whole bool) string {
	if whole {
		return "whole period"
	}
	return "part of period"
}

// ratioText writes a peer comparison: "×3.20 of 2 peers' median 1,200.00".
func ratioText(u trade.UnitValue) string {
	if !u.Known || u.PeerMedian == 0 {
		return ""
	}
	return fmt.Sprintf("×%.2f vs median %s of %d peers", u.Ratio, unitMoney(u.PeerMedian), u.Peers)
}

// reporterListText summarises what the reporter's own lists say: "EU: ex",
// "RU: not listed", "no list".
func reporterListText(a trade.Assessment) string {
	if len(a.Jurisdictions) == 0 {
		return "no list in catalogue"
	}
	j := strings.Join(a.Jurisdictions, "+")
	b := trade.Strongest(a.Reporter)
	if b == nil {
		return j + ": not listed"
	}
	s := j + ": " + string(b.Coverage)
	if !b.WholePeriod {
		s += ", part of period"
	}
	return s
}

// periodAxis returns the middle of the period in years (2019.5 for 2019),
// the x coordinate a chart draws it at.
func periodAxis(p trade.Period) float64 {
	if p.Month != 0 {
		return float64(p.Year) + (float64(p.Month)-0.5)/12
	}
	if p.LastYear != 0 {
		return (float64(p.Year) + float64(p.LastYear) + 1) / 2
	}
	return float64(p.Year) + 0.5
}

// countryShort returns "DPRK" for the DPRK, whose names in Comtrade files
// ("Dem. People's Rep. of Korea") crowd a table, and the label of other
// countries.
func countryShort(c trade.Country) string {
	if c.IsDPRK() {
		return "DPRK"
	}
	return c.Label()
}

// formatDate writes a date as the catalogue does, or "" for the zero time.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
