// Package synth writes synthetic trade statistics in the legacy UN Comtrade
// bulk layout, for benchmarks and for comparing analyses on files too large
// to commit.
//
// The file is deterministic: the same [Options] give the same bytes. Its
// rows come in blocks, one per reporter, kind of flow, commodity code and
// year, each naming two to eight partners and sometimes the World total, as
// a bulk download does; one block in four (by default) has the DPRK among its partners,
// and one DPRK flow in six is priced far from its peers, so that an
// analysis finds flows to judge and unit values to flag. The codes cycle in
// the order given, so that a file of a few thousand blocks names every
// code; reporters, years and kinds follow a hash of the block's number.
// A block may repeat an earlier block's reporter, code, year and kind, so
// that some flows have more than one row.
package synth

import (
	"bufio"
	"errors"
	"io"
	"strconv"

	"github.com/luxscreen/luxscreen/hs"
)

// Header is the header row of the files written: the legacy UN Comtrade
// bulk layout.
const Header = "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag"

// The years the rows fall in.
const (
	FirstYear = 2007
	LastYear  = 2024
)

// Options say what to write.
type Options struct {
	// Rows is the number of data rows.
	Rows int
	// Codes are the commodity codes the rows use, in the order they cycle
	// through, for example every HS6 code of a nomenclature.
	Codes []string
	// DPRKEvery puts the DPRK among the partners of one block in
	// DPRKEvery; 0 means 4, about one row in twenty, as in a bulk download
	// of every partner. 1 puts it in every block, as in a file of the
	// DPRK's trade with its peers alongside.
	DPRKEvery int
}

// area is a reporter or partner as the legacy layout writes it.
type area struct{ code, name, iso string }

// Reporters are the fifteen reporters of the rows.
func reporters() []area {
	return []area{
		{"156", "China", "CHN"}, {"643", "Russian Federation", "RUS"}, {"276", "Germany", "DEU"},
		{"251", "France", "FRA"}, {"381", "Italy", "ITA"}, {"699", "India", "IND"},
		{"392", "Japan", "JPN"}, {"410", "Rep. of Korea", "KOR"}, {"842", "USA", "USA"},
		{"826", "United Kingdom", "GBR"}, {"36", "Australia", "AUS"}, {"124", "Canada", "CAN"},
		{"76", "Brazil", "BRA"}, {"764", "Thailand", "THA"}, {"704", "Viet Nam", "VNM"},
	}
}

// partners are the partners other than the DPRK and the World total.
func partners() []area {
	return []area{
		{"4", "Afghanistan", "AFG"}, {"32", "Argentina", "ARG"}, {"40", "Austria", "AUT"},
		{"50", "Bangladesh", "BGD"}, {"56", "Belgium", "BEL"}, {"112", "Belarus", "BLR"},
		{"152", "Chile", "CHL"}, {"170", "Colombia", "COL"}, {"203", "Czechia", "CZE"},
		{"208", "Denmark", "DNK"}, {"818", "Egypt", "EGY"}, {"246", "Finland", "FIN"},
		{"300", "Greece", "GRC"}, {"348", "Hungary", "HUN"}, {"360", "Indonesia", "IDN"},
		{"364", "Iran", "IRN"}, {"372", "Ireland", "IRL"}, {"376", "Israel", "ISR"},
		{"398", "Kazakhstan", "KAZ"}, {"404", "Kenya", "KEN"}, {"458", "Malaysia", "MYS"},
		{"484", "Mexico", "MEX"}, {"496", "Mongolia", "MNG"}, {"528", "Netherlands", "NLD"},
		{"554", "New Zealand", "NZL"}, {"566", "Nigeria", "NGA"}, {"586", "Pakistan", "PAK"},
		{"608", "Philippines", "PHL"}, {"616", "Poland", "POL"}, {"620", "Portugal", "PRT"},
	}
}

var (
	dprk  = area{"408", "Dem. People's Rep. of Korea", "PRK"}
	world = area{"0", "World", "WLD"}
)

// Write writes the header and opt.Rows rows to w.
func Write(w io.Writer, opt Options) error {
	if len(opt.Codes) == 0 {
		return errors.New("synth: no commodity codes")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(Header)
	bw.WriteByte('\n')
	g := generator{codes: opt.Codes, reporters: reporters(), partners: partners(), dprkEvery: uint64(opt.DPRKEvery)}
	if g.dprkEvery == 0 {
		g.dprkEvery = 4
	}
	var buf []byte
	for n, b := 0, uint64(0); n < opt.Rows; b++ {
		buf = g.block(buf[:0], b, opt.Rows-n, &n)
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

type generator struct {
	codes               []string
	reporters, partners []area
	dprkEvery           uint64
}

// block appends the rows of block b, at most left of them, and counts them
// in n.
func (g *generator) block(buf []byte, b uint64, left int, n *int) []byte {
	h := mix(b)
	code := g.codes[b%uint64(len(g.codes))]
	rep := g.reporters[h%uint64(len(g.reporters))]
	year := FirstYear + int(h>>8%(LastYear-FirstYear+1))
	flowCode, flow := "2", "Export"
	if h>>16&1 == 1 {
		flowCode, flow = "1", "Import"
	}
	k := 2 + int(h>>20%7)
	withDPRK := h>>24%g.dprkEvery == 0
	withWorld := h>>28%2 == 0
	first := int(h >> 32 % uint64(len(g.partners)))
	// A unit price per head and a weight per head for the block, from
	// which each partner's row varies by up to ±20 %.
	price := 10 + float64(h>>40%5000)
	kgPer := 0.1 + float64(h>>52%200)/10
	var total [3]float64
	for j := 0; j < k && left > 0; j++ {
		p := g.partners[(first+j)%len(g.partners)]
		hp := mix(b<<8 | uint64(j))
		factor := 0.8 + float64(hp%401)/1000
		if withDPRK && j == 0 {
			p = dprk
			if hp>>12%6 == 0 {
				factor *= 6 // a price far above the peers'
			}
		}
		qty := float64(1 + hp>>20%2000)
		kg := float64(int64(qty*kgPer*100)) / 100
		value := float64(int64(qty * price * factor))
		buf = row(buf, year, flowCode, flow, rep, p, code, qty, kg, value)
		total[0] += qty
		total[1] += kg
		total[2] += value
		*n++
		left--
	}
	if withWorld && left > 0 {
		buf = row(buf, year, flowCode, flow, rep, world, code, total[0], total[1], total[2])
		*n++
	}
	return buf
}

func row(b []byte, year int, flowCode, flow string, r, p area, code string, qty, kg, value float64) []byte {
	y := strconv.Itoa(year)
	b = append(b, "H6,"...)
	b = append(b, y...)
	b = append(b, ',')
	b = append(b, y...)
	b = append(b, ',')
	b = append(b, y...)
	b = append(b, ",6,1,"...)
	b = append(b, flowCode...)
	b = append(b, ',')
	b = append(b, flow...)
	b = field(b, r.code, r.name, r.iso)
	b = field(b, p.code, p.name, p.iso)
	b = append(b, ',')
	b = append(b, code...)
	b = append(b, ",Goods,5,Number of items,"...)
	b = strconv.AppendFloat(b, qty, 'f', -1, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, kg, 'f', -1, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, value, 'f', -1, 64)
	b = append(b, ",0\n"...)
	return b
}

// field appends an area's three columns. No name has a comma or a double
// quote, so none needs quoting.
func field(b []byte, code, name, iso string) []byte {
	b = append(b, ',')
	b = append(b, code...)
	b = append(b, ',')
	b = append(b, name...)
	b = append(b, ',')
	b = append(b, iso...)
	return b
}

// mix is SplitMix64's finaliser: a cheap hash whose bits look random, so
// that blocks spread over reporters, years and kinds without a random
// number generator's state.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// Codes returns the six-digit codes of a nomenclature in code order: every
// HS6 subheading of an HS edition.
func Codes(n hs.Nomenclature) []string {
	var out []string
	for it := range n.Items() {
		if it.Code.Level() == hs.Subheading {
			out = append(out, it.Code.Digits())
		}
	}
	return out
}
