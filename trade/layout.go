package trade

import (
	"fmt"
	"slices"
	"strings"
)

// Layout names a file layout the [Reader] understands. It is detected from
// the header row.
type Layout string

// The layouts.
const (
	// ComtradeLegacy is the CSV of the legacy UN Comtrade bulk download and
	// API ("Classification, Year, Period, Period Desc., Aggregate Level, Is
	// Leaf Code, Trade Flow Code, Trade Flow, Reporter Code, Reporter,
	// Reporter ISO, Partner Code, Partner, Partner ISO, Commodity Code,
	// Commodity, Qty Unit Code, Qty Unit, Qty, Netweight (kg), Trade Value
	// (US$), Flag"), with or without the second-partner, customs and
	// transport columns of its extended form.
	ComtradeLegacy Layout = "comtrade-legacy"
	// ComtradePlus is the layout of UN Comtrade Plus (comtradeapi) data and
	// bulk files ("typeCode, freqCode, refPeriodId, refYear, refMonth,
	// period, reporterCode, reporterISO, reporterDesc, flowCode, flowDesc,
	// partnerCode, partnerISO, partnerDesc, partner2Code, …, cmdCode,
	// cmdDesc, …, qtyUnitCode, qtyUnitAbbr, qty, …, netWgt, …, cifvalue,
	// fobvalue, primaryValue, …"), comma- or tab-separated.
	ComtradePlus Layout = "comtrade-plus"
	// Simple is the package's own CSV, for figures transcribed from
	// publications; see the package documentation.
	Simple Layout = "simple"
)

// role is what a column holds, whatever a layout calls it.
type role int

const (
	colClassification role = iota
	colPeriod
	colYear
	colMonth
	colFlowCode
	colFlowText
	colReporterCode
	colReporterName
	colReporterISO
	colPartnerCode
	colPartnerName
	colPartnerISO
	colPartner2
	colCustoms
	colTransport
	colCode
	colQtyUnitCode
	colQtyUnit
	colQty
	colWeight
	colValue
	colFOB
	colCIF
	colSource
	numRoles
)

// layoutSpec says how a layout names its columns and which it needs.
type layoutSpec struct {
	layout Layout
	// marker is a column only this layout has.
	marker string
	names  map[string]role
	// required lists groups of roles; each group needs one column.
	required [][]role
	// strict layouts reject columns they do not name; Comtrade files carry
	// many columns the analysis does not use, and gain new ones.
	strict bool
	// fold compares header names case-insensitively.
	fold bool
}

func specs() []layoutSpec {
	common := [][]role{
		{colPeriod, colYear},
		{colFlowCode, colFlowText},
		{colReporterISO, colReporterCode, colReporterName},
		{colPartnerISO, colPartnerCode, colPartnerName},
		{colCode},
		{colValue},
	}
	return []layoutSpec{
		{
			layout: ComtradeLegacy, marker: "Commodity Code", required: common,
			names: map[string]role{
				"Classification": colClassification, "Year": colYear, "Period": colPeriod,
				"Trade Flow Code": colFlowCode, "Trade Flow": colFlowText,
				"Reporter Code": colReporterCode, "Reporter": colReporterName, "Reporter ISO": colReporterISO,
				"Partner Code": colPartnerCode, "Partner": colPartnerName, "Partner ISO": colPartnerISO,
				"2nd Partner Code": colPartner2, "Customs Proc. Code": colCustoms, "Mode of Transport Code": colTransport,
				"Commodity Code": colCode, "Qty Unit Code": colQtyUnitCode, "Qty Unit": colQtyUnit, "Qty": colQty,
				"Netweight (kg)": colWeight, "Trade Value (US$)": colValue,
				"FOB Trade Value (US$)": colFOB, "CIF Trade Value (US$)": colCIF,
			},
		},
		{
			layout: ComtradePlus, marker: "cmdCode", required: common,
			names: map[string]role{
				"classificationCode": colClassification, "refYear": colYear, "refMonth": colMonth, "period": colPeriod,
				"flowCode": colFlowCode, "flowDesc": colFlowText,
				"reporterCode": colReporterCode, "reporterDesc": colReporterName, "reporterISO": colReporterISO,
				"partnerCode": colPartnerCode, "partnerDesc": colPartnerName, "partnerISO": colPartnerISO,
				"partner2Code": colPartner2, "customsCode": colCustoms, "motCode": colTransport,
				"cmdCode": colCode, "qtyUnitCode": colQtyUnitCode, "qtyUnitAbbr": colQtyUnit, "qty": colQty,
				"netWgt": colWeight, "primaryValue": colValue, "fobvalue": colFOB, "cifvalue": colCIF,
			},
		},
		{
			layout: Simple, marker: "value_usd", strict: true, fold: true,
			required: [][]role{{colReporterISO}, {colPartnerISO}, {colPeriod}, {colFlowText}, {colCode}, {colValue}},
			names: map[string]role{
				"reporter": colReporterISO, "reporter_name": colReporterName,
				"partner": colPartnerISO, "partner_name": colPartnerName,
				"period": colPeriod, "flow": colFlowText, "code": colCode, "value_usd": colValue,
				"net_weight_kg": colWeight, "quantity": colQty, "quantity_unit": colQtyUnit, "source": colSource,
			},
		},
	}
}

// columns maps each role to its column index, -1 when absent.
type columns [numRoles]int

// detect picks the layout whose marker column the header has and maps its
// columns.
func detect(header []string) (Layout, columns, error) {
	var cols columns
	for _, s := range specs() {
		if !hasColumn(header, s.marker, s.fold) {
			continue
		}
		for i := range cols {
			cols[i] = -1
		}
		for i, h := range header {
			name := strings.TrimSpace(h)
			if s.fold {
				name = strings.ToLower(name)
			}
			r, ok := s.names[name]
			switch {
			case !ok && s.strict:
				return "", cols, fmt.Errorf("%w: column %q is not a column of the %s layout (have: %s)", ErrLayout, h, s.layout, strings.Join(sortedNames(s.names), ", "))
			case !ok:
				continue
			case cols[r] >= 0:
				return "", cols, fmt.Errorf("%w: column %q appears twice", ErrLayout, h)
			}
			cols[r] = i
		}
		for _, group := range s.required {
			if !slices.ContainsFunc(group, func(r role) bool { return cols[r] >= 0 }) {
				return "", cols, fmt.Errorf("%w: the %s layout needs a column %s", ErrLayout, s.layout, strings.Join(namesOf(s.names, group), " or "))
			}
		}
		return s.layout, cols, nil
	}
	return "", cols, fmt.Errorf("%w: the header has none of the columns %q (UN Comtrade legacy bulk), %q (UN Comtrade Plus) or %q (simple layout)", ErrLayout, "Commodity Code", "cmdCode", "value_usd")
}

func hasColumn(header []string, name string, fold bool) bool {
	for _, h := range header {
		h = strings.TrimSpace(h)
		if h == name || (fold && strings.EqualFold(h, name)) {
			return true
		}
	}
	return false
}

func sortedNames(m map[string]role) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func namesOf(m map[string]role, group []role) []string {
	var out []string
	for _, r := range group {
		for k, v := range m {
			if v == r {
				out = append(out, fmt.Sprintf("%q", k))
			}
		}
	}
	slices.Sort(out)
	return out
}
