package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/internal/testenv"
)

// shipmentsOut keeps the generated input of BenchmarkCheckMainJob, so that
// the command itself can be timed on the same shipments:
//
//	go test ./cmd/luxscreen -run '^$' -bench CheckMainJob -benchtime 1x -shipments-out /tmp/big.jsonl
//	time luxscreen check --input /tmp/big.jsonl --workers 2 --list UN.xml --list sdn.csv --format jsonl >/dev/null
var shipmentsOut = flag.String("shipments-out", "", "write the generated shipments of BenchmarkCheckMainJob to this file")

// mainJobShipments is the size of the main job: a day's bookings of a large
// forwarder.
const mainJobShipments = 200_000

// BenchmarkCheckMainJob is the main job: "check --input" of 200,000
// shipments built from the example shipments, with two workers and the
// official UN and OFAC lists loaded, JSON lines out. It reports
// shipments/s; the lists are loaded once, outside the timing.
func BenchmarkCheckMainJob(b *testing.B) {
	un := testenv.Path(b, "data", "screening", "un", "UN_consolidated_2026-02-27.xml")
	ofac := testenv.Path(b, "data", "screening", "ofac-sdn-2021-07", "sdn.csv")
	input := *shipmentsOut
	if input == "" {
		input = filepath.Join(b.TempDir(), "shipments.jsonl")
	}
	if err := writeShipmentsFile(input, mainJobShipments); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	sys, err := luxscreen.Open(ctx, luxscreen.Config{Lists: []string{un, ofac}})
	if err != nil {
		b.Fatal(err)
	}
	defer sys.Close()
	e := &env{stdout: io.Discard, stderr: io.Discard, now: time.Now}
	bf := batchFlags{workers: 2}
	b.ResetTimer()
	for b.Loop() {
		if err := checkBatch(ctx, e, &judge{sys: sys}, input, formatJSONL, "", &bf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*mainJobShipments)/b.Elapsed().Seconds(), "shipments/s")
}

// TestGeneratedShipments checks the generator of the main job: the
// shipments are valid, distinct and judged, and the same on every run.
func TestGeneratedShipments(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	for _, p := range []string{a, b} {
		if err := writeShipmentsFile(p, 500); err != nil {
			t.Fatal(err)
		}
	}
	ab, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	bb, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	if string(ab) != string(bb) {
		t.Error("two runs of the generator differ")
	}
	out, _ := runOK(t, "", "check", "--input", a, "--format", "jsonl", "--workers", "2")
	ids := map[string]bool{}
	verdicts := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d struct{ ID, Verdict string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		ids[d.ID] = true
		verdicts[d.Verdict]++
	}
	if len(ids) != 500 {
		t.Errorf("%d distinct shipments judged, want 500", len(ids))
	}
	for _, v := range []string{"block", "review", "clear"} {
		if verdicts[v] == 0 {
			t.Errorf("no %s verdict among the generated shipments: %v", v, verdicts)
		}
	}
}

// writeShipmentsFile writes n shipments as JSON lines to path, built from
// the example shipments (examples/shipments) and varied deterministically:
// dates, values, party names and ports.
func writeShipmentsFile(path string, n int) error {
	seeds, err := exampleShipments()
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := range n {
		b, err := json.Marshal(varyShipment(seeds[i%len(seeds)], i))
		if err != nil {
			f.Close()
			return err
		}
		w.Write(b)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// exampleShipments reads the example shipments as generic JSON, so that
// the generator copies every field whatever the model's version.
func exampleShipments() ([]map[string]any, error) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "shipments", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no example shipments")
	}
	var out []map[string]any
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		delete(m, "notes")
		out = append(out, m)
	}
	return out, nil
}

// Variations of the generated shipments: name suffixes of the parties and
// ports added to the routes, all known to the gazetteer.
var (
	nameSuffixes = []string{"", " Co., Ltd.", " Trading", " International Limited", " Group", " LLC", " Logistics"}
	extraPorts   = []string{"SGSIN", "CNSHA", "BEANR", "KRPUS", "RUVVO", "NLRTM", "JPOSA", "CNDLC", "DEHAM", "THBKK"}
)

// varyShipment returns a copy of seed made the i-th shipment: its own ID,
// a date up to two years either side, values from half to three times the
// original, varied party names, and a port added to the route on most
// shipments.
func varyShipment(seed map[string]any, i int) map[string]any {
	s := cloneJSON(seed).(map[string]any)
	s["id"] = fmt.Sprintf("%v-%06d", seed["id"], i)
	if d, ok := s["date"].(string); ok {
		if t, err := time.Parse("2006-01-02", d); err == nil {
			s["date"] = t.AddDate(0, 0, (i*37)%1461-730).Format("2006-01-02")
		}
	}
	factor := 0.5 + float64(i%11)*0.25
	for _, l := range asSlice(s["lines"]) {
		if m, ok := l.(map[string]any); ok {
			if v, ok := m["value"].(float64); ok {
				m["value"] = float64(int(v * factor))
			}
		}
	}
	for j, p := range asSlice(s["parties"]) {
		if m, ok := p.(map[string]any); ok {
			if name, ok := m["name"].(string); ok {
				m["name"] = name + nameSuffixes[(i+j)%len(nameSuffixes)]
			}
		}
	}
	if i%4 != 0 {
		route := asSlice(s["route"])
		stop := map[string]any{"locode": extraPorts[i%len(extraPorts)]}
		s["route"] = append([]any{stop}, route...)
	}
	return s
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

// cloneJSON deep-copies a value decoded from JSON.
func cloneJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = cloneJSON(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = cloneJSON(e)
		}
		return s
	}
	return v
}
