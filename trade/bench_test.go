package trade

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/trade/internal/synth"
)

// rowsEnv names the environment variable that sets the size of the
// benchmarks' generated file, for measuring a full download:
//
//	LUXSCREEN_SHARED=/path/to/shared LUXSCREEN_TRADE_ROWS=1000000 go test -run - -bench Analyze -benchmem ./trade
const rowsEnv = "LUXSCREEN_TRADE_ROWS"

// defaultBenchRows keeps "go test -bench ." quick.
const defaultBenchRows = 50_000

// benchCodes returns the codes the generated files use: every HS6 code of
// HS 2022 when the shared folder is set, and otherwise a few real headings
// from the chapters the lists cover.
func benchCodes(tb testing.TB) []string {
	tb.Helper()
	if testenv.Dir() == "" {
		return []string{"0101", "0302", "0303", "1604", "2204", "2208", "2402", "2701", "3303", "4203", "4303", "5701", "6109", "6403", "7102", "7113", "7116", "8471", "8517", "8703", "8711", "8903", "9101", "9102", "9504", "9506"}
	}
	tab, err := hs.Open(context.Background(), testenv.Path(tb, "data", "hs", "comtrade", "classificationH6.json"), hs.Edition{})
	if err != nil {
		tb.Fatal(err)
	}
	return synth.Codes(tab)
}

// synthFile writes a generated file of rows rows, the DPRK among the
// partners of one block in dprkEvery (0 for the generator's default), to
// a temporary directory and returns its path.
func synthFile(tb testing.TB, rows, dprkEvery int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), fmt.Sprintf("comtrade-%d-%d.csv", rows, dprkEvery))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := synth.Write(f, synth.Options{Rows: rows, Codes: benchCodes(tb), DPRKEvery: dprkEvery}); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// heapSampler samples the heap in use every few megabytes read, so that a
// benchmark can report the peak of an analysis, which a sample taken after
// it would miss.
type heapSampler struct {
	io.ReadSeeker
	read, next int64
	peak       uint64
}

const sampleBytes = 4 << 20

func (s *heapSampler) Read(p []byte) (int, error) {
	n, err := s.ReadSeeker.Read(p)
	s.read += int64(n)
	if s.read >= s.next {
		s.next = s.read + sampleBytes
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		s.peak = max(s.peak, m.HeapInuse)
	}
	return n, err
}

// benchRows returns the sizes to benchmark: the size rowsEnv sets and a
// quarter of it, to show how memory grows with the file.
func benchRows(tb testing.TB) []int {
	n := defaultBenchRows
	if s := os.Getenv(rowsEnv); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			tb.Fatalf("%s=%q: want a number of rows", rowsEnv, s)
		}
		n = v
	}
	return []int{n / 4, n}
}

// BenchmarkAnalyze analyses generated Comtrade files and reports the time
// and allocations per input row and the peak heap in use during the
// analysis, which should grow with the flows to and from the DPRK, not
// with the rows read. The sizes are those of benchRows with the DPRK in
// one block in four, as in a bulk download, and the larger with the DPRK
// in every block (dense), four times the flows. The "stream" runs analyse
// as "trade analyze" does for a table or CSV, keeping no results.
func BenchmarkAnalyze(b *testing.B) {
	sizes := benchRows(b)
	type file struct {
		rows, dprkEvery int
		name            string
	}
	files := []file{{sizes[0], 0, fmt.Sprintf("rows=%d", sizes[0])}, {sizes[1], 0, fmt.Sprintf("rows=%d", sizes[1])}, {sizes[1], 1, fmt.Sprintf("rows=%d/dense", sizes[1])}}
	for _, fl := range files {
		path := synthFile(b, fl.rows, fl.dprkEvery)
		for _, stream := range []bool{false, true} {
			name := fl.name
			if stream {
				name += "/stream"
			}
			benchAnalyze(b, name, path, fl.rows, Options{Stream: stream})
		}
	}
}

// benchAnalyze runs one case of BenchmarkAnalyze: the analysis of path,
// which has rows rows, with opts. A streamed analysis's results are made
// once, as a writer would.
func benchAnalyze(b *testing.B, name, path string, rows int, opts Options) {
	an := NewAnalyzer(testAssessor(b), opts)
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		var peak uint64
		var flows int
		runtime.GC()
		for b.Loop() {
			f, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			s := &heapSampler{ReadSeeker: f}
			rep, err := an.Analyze(context.Background(), path, s)
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			if rep.Rows != rows {
				b.Fatalf("read %d rows, want %d", rep.Rows, rows)
			}
			for range rep.All() {
			}
			peak, flows = max(peak, s.peak), rep.FlowCount()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(flows), "dprk-flows")
	})
}

// BenchmarkRead measures the reader alone on a generated file.
func BenchmarkRead(b *testing.B) {
	rows := benchRows(b)[0]
	path := synthFile(b, rows, 0)
	b.ReportAllocs()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		r, err := NewReader(f, path)
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
		f.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
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
