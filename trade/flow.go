package trade

import (
	"strings"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// FlowKind is the direction of a recorded flow as the reporter declares it.
type FlowKind uint8

// The kinds of flow. The zero FlowKind is invalid.
const (
	Export   FlowKind = iota + 1 // goods leaving the reporter
	Import                       // goods entering the reporter
	ReExport                     // foreign goods leaving the reporter again
	ReImport                     // the reporter's goods coming back
)

// String returns "export", "import", "re-export" or "re-import".
func (k FlowKind) String() string {
	switch k {
	case Export:
		return "export"
	case Import:
		return "import"
	case ReExport:
		return "re-export"
	case ReImport:
		return "re-import"
	}
	return "invalid"
}

// outward reports whether goods leave the reporter.
func (k FlowKind) outward() bool { return k == Export || k == ReExport }

// parseFlowKind reads the flow names and codes of the three layouts:
// Comtrade legacy "Export"/"2", Comtrade Plus "X", "RX", "M", "RM" and the
// processing flows ("XIP", "MOP"…) that are exports or imports, and the
// simple layout's "export", "re-export"….
func parseFlowKind(s string) (FlowKind, bool) {
	s = strings.TrimSpace(s)
	switch {
	case oneOf(s, "export", "X", "2", "exports", "XIP", "XOP", "DX"):
		return Export, true
	case oneOf(s, "import", "M", "1", "imports", "MIP", "MOP", "FM"):
		return Import, true
	case oneOf(s, "re-export", "RX", "3", "re-exports", "reexport"):
		return ReExport, true
	case oneOf(s, "re-import", "RM", "4", "re-imports", "reimport"):
		return ReImport, true
	}
	return 0, false
}

// oneOf reports whether s is one of names, regardless of case. Unlike
// lower-casing s first, it allocates nothing on the million rows of a bulk
// file.
func oneOf(s string, names ...string) bool {
	for _, n := range names {
		if strings.EqualFold(s, n) {
			return true
		}
	}
	return false
}

// Flow is one row of trade statistics: what a reporter declared it traded
// with a partner in a period under one commodity code.
type Flow struct {
	// File and Line locate the row: Line is the 1-based line the row
	// starts on.
	File string
	Line int
	// Reporter declared the flow; Partner is the other country.
	Reporter, Partner Country
	// Period is the year, month or span of years the figures cover.
	Period Period
	// Kind is the flow as the reporter declares it.
	Kind FlowKind
	// Code is the commodity code; it is zero when CodeText is not an HS
	// code, as for Comtrade's all-commodities total "TOTAL".
	Code hs.Code
	// CodeText is the commodity code as written.
	CodeText string
	// Classification is the file's nomenclature ("H4", "HS" for "as
	// reported"), empty in the simple layout.
	Classification string
	// ValueUSD is the trade value in US dollars.
	ValueUSD float64
	// NetWeightKg is the net weight in kilograms, 0 when not reported.
	NetWeightKg float64
	// Quantity is the quantity in QuantityUnit, 0 when not reported.
	Quantity float64
	// QuantityUnit is the unit of Quantity: "u" (number of items), "kg",
	// "l", or the file's own wording; empty when no quantity is reported.
	QuantityUnit string
	// Breakdown marks a Comtrade row (Plus, or the extended legacy
	// layout) that breaks a total down by customs procedure, mode of
	// transport or second partner. Its total is another row of the file,
	// so analyses count it but do not add it.
	Breakdown bool
	// Source is the simple layout's free-text source column.
	Source string
}

// DPRKSide reports whether the flow is to or from the DPRK: its reporter or
// its partner is the DPRK, and the other side is not.
func (f *Flow) DPRKSide() bool {
	return f.Reporter.IsDPRK() != f.Partner.IsDPRK()
}

// Counterparty returns the side of a DPRK flow that is not the DPRK: the
// reporter, unless the DPRK itself reports.
func (f *Flow) Counterparty() Country {
	if f.Reporter.IsDPRK() {
		return f.Partner
	}
	return f.Reporter
}

// Direction returns the direction of a DPRK flow in the terms of the lists:
// goods going to the DPRK are [lists.ExportTo], goods coming from it
// [lists.ImportFrom]. The reporter's exports to the DPRK are supply to it;
// the DPRK's own exports are procurement from it.
func (f *Flow) Direction() lists.Direction {
	if f.Kind.outward() != f.Reporter.IsDPRK() {
		return lists.ExportTo
	}
	return lists.ImportFrom
}
