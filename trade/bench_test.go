package trade

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"testing"
)

// generator is an io.ReadSeeker that writes n rows of the legacy Comtrade
// layout on the fly, so that a benchmark reads a million rows without a
// file in the repository. Seeking to the start begins again; the rows are
// the same each time. Every sampleEvery rows it samples the heap, so that
// the benchmark can report the peak.
type generator struct {
	n, i    int
	buf     []byte
	off     int
	peak    uint64
	samples int
}

const sampleEvery = 50_000

func newGenerator(n int) *generator {
	g := &generator{n: n}
	g.buf = append(g.buf, legacyHeader...)
	g.buf = append(g.buf, '\n')
	return g
}

// The generated trade: 40 reporters, 60 partners and the DPRK, 26 HS
// headings (all real), ten years, exports and imports. The DPRK is a
// partner for one reporter-heading pair in twenty, as in real data, where
// its trade is sparse.
func generatorParties() (reporters, partners []string) {
	for i := 0; i < 40; i++ {
		reporters = append(reporters, []string{"RUS", "CHN", "DEU", "FRA", "IND", "JPN", "KOR", "USA", "GBR", "ITA"}[i%10])
	}
	// Unique reporters matter less than row volume; partners must differ.
	partners = []string{"AFG", "ALB", "DZA", "AGO", "ARG", "ARM", "AUS", "AUT", "AZE", "BHR", "BGD", "BLR", "BEL", "BRA", "BGR", "KHM", "CMR", "CAN", "CHL", "COL", "HRV", "CUB", "CYP", "CZE", "DNK", "EGY", "EST", "ETH", "FIN", "GEO", "GHA", "GRC", "HUN", "IDN", "IRN", "IRQ", "IRL", "ISR", "KAZ", "KEN", "KWT", "KGZ", "LAO", "LVA", "LBN", "LTU", "MYS", "MLI", "MEX", "MNG", "MAR", "NPL", "NLD", "NZL", "NER", "NGA", "PAK", "PER", "PHL", "POL"}
	return reporters, partners
}

func generatorCodes() []string {
	return []string{"0101", "0302", "0303", "1604", "2204", "2208", "2402", "2701", "3303", "4203", "4303", "5701", "6109", "6403", "7102", "7113", "7116", "8471", "8517", "8703", "8711", "8903", "9101", "9102", "9504", "9506"}
}

func (g *generator) row(i int, reporters, partners, codes []string) {
	r := i % len(reporters)
	p := (i / len(reporters)) % (len(partners) + 1)
	c := (i / (len(reporters) * (len(partners) + 1))) % len(codes)
	year := 2010 + (i/(len(reporters)*(len(partners)+1)*len(codes)))%10
	flow, flowCode := "Export", "2"
	if (i/(len(reporters)*(len(partners)+1)*len(codes)*10))%2 == 1 {
		flow, flowCode = "Import", "1"
	}
	partner := "PRK"
	switch {
	case p < len(partners):
		partner = partners[p]
	case (r*len(codes)+c)%20 != 0:
		partner = partners[(r+c)%len(partners)]
	}
	qty := 1 + (i*7919)%997
	value := qty * (100 + (i*104729)%9000)
	b := g.buf
	b = append(b, "H4,"...)
	b = strconv.AppendInt(b, int64(year), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(year), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(year), 10)
	b = append(b, ",4,0,"...)
	b = append(b, flowCode...)
	b = append(b, ',')
	b = append(b, flow...)
	b = append(b, ",,Reporter,"...)
	b = append(b, reporters[r]...)
	b = append(b, ",,Partner,"...)
	b = append(b, partner...)
	b = append(b, ',')
	b = append(b, codes[c]...)
	b = append(b, ",Goods,5,Number of items,"...)
	b = strconv.AppendInt(b, int64(qty), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(qty*40), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(value), 10)
	b = append(b, ",0\n"...)
	g.buf = b
}

func (g *generator) Read(p []byte) (int, error) {
	reporters, partners := generatorParties()
	codes := generatorCodes()
	for g.off == len(g.buf) {
		if g.i == g.n {
			return 0, io.EOF
		}
		g.buf, g.off = g.buf[:0], 0
		for k := 0; k < 256 && g.i < g.n; k++ {
			if g.i%sampleEvery == 0 {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				g.peak = max(g.peak, m.HeapInuse)
				g.samples++
			}
			g.row(g.i, reporters, partners, codes)
			g.i++
		}
	}
	n := copy(p, g.buf[g.off:])
	g.off += n
	return n, nil
}

func (g *generator) Seek(offset int64, whence int) (int64, error) {
	if offset != 0 || whence != io.SeekStart {
		return 0, errors.New("generator: can only seek to the start")
	}
	g.i, g.off = 0, 0
	g.buf = append(g.buf[:0], legacyHeader...)
	g.buf = append(g.buf, '\n')
	return 0, nil
}

// BenchmarkAnalyze analyses generated Comtrade files of 100,000 and
// 1,000,000 rows (each read twice) and reports the time and allocations
// per input row and the peak heap in use, sampled during the reads: the
// peak should not grow with the number of rows.
func BenchmarkAnalyze(b *testing.B) {
	a := testAssessor(b)
	an := NewAnalyzer(a, Options{})
	for _, rows := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			var flows int
			runtime.GC()
			for b.Loop() {
				g := newGenerator(rows)
				rep, err := an.Analyze(context.Background(), "generated.csv", g)
				if err != nil {
					b.Fatal(err)
				}
				if rep.Rows != rows {
					b.Fatalf("read %d rows, want %d", rep.Rows, rows)
				}
				peak, flows = max(peak, g.peak), len(rep.Flows)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(flows), "dprk-flows")
		})
	}
}

// BenchmarkRead measures the reader alone on the generated layout.
func BenchmarkRead(b *testing.B) {
	const rows = 100_000
	b.ReportAllocs()
	for b.Loop() {
		r, err := NewReader(newGenerator(rows), "generated.csv")
		if err != nil {
			b.Fatal(err)
		}
		for {
			_, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
}

// BenchmarkAssess measures judging one flow against the catalogue.
func BenchmarkAssess(b *testing.B) {
	a := testAssessor(b)
	f := flowsOf(b, "reporter,partner,period,flow,code,value_usd\nDE,KP,2017,export,870323,1\n")[0]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Assess(f); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGenerator checks the benchmark's input: it must be a valid file with
// DPRK flows, and seeking must replay it.
func TestGenerator(t *testing.T) {
	g := newGenerator(5000)
	rep, err := NewAnalyzer(testAssessor(t), Options{}).Analyze(context.Background(), "generated.csv", g)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 5000 || rep.DPRKRows == 0 || rep.DPRKRows > rep.Rows/20 {
		t.Errorf("rows %d, DPRK rows %d: want 5000 rows, a few to the DPRK", rep.Rows, rep.DPRKRows)
	}
}
