package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/trade"
)

// TradeCSVHeader is the header row of [WriteTradeCSV]: one row per flow to or
// from the DPRK. Entry lists are written "entry-id:coverage:whole" or
// "…:part" (whether the entry held for the whole period), separated by
// semicolons; unit values are US dollars per unit, empty when unknown.
func TradeCSVHeader() []string {
	return []string{
		"reporter", "reporter_name", "partner", "partner_name", "flow", "direction", "period", "code",
		"value_usd", "net_weight_kg", "quantity", "quantity_unit", "rows", "lines",
		"verdict", "coverage", "whole_period", "basis_entry", "basis_instrument", "basis_citation", "reason",
		"un_entries", "reporter_jurisdictions", "reporter_entries", "other_entries",
		"unit_value_per_quantity", "quantity_peers", "quantity_peer_median", "quantity_ratio", "quantity_z", "quantity_flag", "quantity_note",
		"unit_value_per_kg", "kg_peers", "kg_peer_median", "kg_ratio", "kg_z", "kg_flag", "kg_note",
		"source",
	}
}

// WriteTradeCSV writes one row per flow of r under [TradeCSVHeader]. The summary counts
// (rows read, duplicates, unreadable rows) are not part of the CSV; callers
// print them elsewhere.
func WriteTradeCSV(w io.Writer, r *trade.Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(TradeCSVHeader()); err != nil {
		return err
	}
	// One record and one buffer serve every flow: a report of a full
	// download has hundreds of thousands.
	rec := make([]string, 0, len(TradeCSVHeader()))
	var buf []byte
	for f := range r.All() {
		a := f.Assessment
		buf = buf[:0]
		for i, l := range f.Lines {
			if i > 0 {
				buf = append(buf, ';')
			}
			buf = strconv.AppendInt(buf, int64(l), 10)
		}
		var be, bi, bc string
		if a.Basis != nil {
			be, bi, bc = a.Basis.Entry, a.Basis.Instrument, a.Basis.Citation
		}
		whole := ""
		if a.Basis != nil {
			whole = strconv.FormatBool(a.WholePeriod)
		}
		rec = append(rec[:0],
			f.Reporter.Code, f.Reporter.Name, f.Partner.Code, f.Partner.Name, f.Kind.String(), string(a.Direction), f.Period.String(), f.CodeText,
			num(f.ValueUSD, true), num(f.NetWeightKg, f.NetWeightKg != 0), num(f.Quantity, f.QuantityUnit != ""), f.QuantityUnit,
			strconv.Itoa(f.Rows), string(buf),
			string(a.Verdict), string(a.Coverage), whole, be, bi, bc, a.Reason,
			entryList(a.UN), strings.Join(a.Jurisdictions, ";"), entryList(a.Reporter), entryList(a.Other),
		)
		rec = appendUnitFields(rec, f.PerQuantity)
		rec = appendUnitFields(rec, f.PerKg)
		rec = append(rec, f.Source)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func num(v float64, known bool) string {
	if !known {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func entryList(cs []trade.Citation) string {
	if len(cs) == 0 {
		return ""
	}
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(';')
		}
		when := "part"
		if c.WholePeriod {
			when = "whole"
		}
		b.WriteString(c.Entry)
		b.WriteByte(':')
		b.WriteString(string(c.Coverage))
		b.WriteByte(':')
		b.WriteString(when)
	}
	return b.String()
}

// appendUnitFields appends the seven columns of a unit value.
func appendUnitFields(rec []string, u trade.UnitValue) []string {
	if !u.Known {
		return append(rec, "", "", "", "", "", "", u.Note)
	}
	compared := u.PeerMedian != 0
	return append(rec,
		num(u.Value, true), strconv.Itoa(u.Peers), num(u.PeerMedian, compared), num(u.Ratio, compared), num(u.Z, compared && u.PeerMAD > 0), string(u.Flag), u.Note,
	)
}
