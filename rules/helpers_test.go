package rules

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/party"
)

// fakeScreener screens against a fixed table of designated names; Reload
// swaps the table atomically, like screen.Screener.Reload.
type fakeScreener struct {
	table atomic.Pointer[map[string]party.Result]
}

func newFakeScreener(designated map[string]party.Result) *fakeScreener {
	f := &fakeScreener{}
	f.Reload(designated)
	return f
}

func (f *fakeScreener) Reload(designated map[string]party.Result) { f.table.Store(&designated) }

func (f *fakeScreener) Screen(ctx context.Context, q party.Entity) (party.Result, error) {
	if err := ctx.Err(); err != nil {
		return party.Result{}, err
	}
	src := []party.ListVersion{{Source: "fake", SHA256: "0000", Entities: len(*f.table.Load())}}
	for _, n := range q.Names {
		if s, ok := (*f.table.Load())[strings.ToUpper(n)]; ok {
			s.ListVersions = src
			return s, nil
		}
	}
	return party.Result{Verdict: party.Clear, ListVersions: src}, nil
}

// testEngine is an engine on the embedded catalogue, rules and reference
// data, with the fake screener.
func testEngine(t testing.TB, sc PartyScreener) *Engine {
	t.Helper()
	return newTestEngine(t, testCatalogue(t), sc)
}

// classifierEngine is an engine whose goods assessor is the classifier,
// as the CLI and the server build it.
func classifierEngine(t testing.TB, sc PartyScreener) *Engine {
	t.Helper()
	c, err := classify.New(testCatalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	return newTestEngine(t, c, sc)
}

// testCatalogue is the embedded catalogue.
func testCatalogue(t testing.TB) *lists.Catalogue {
	t.Helper()
	cat, err := lists.Default(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// newTestEngine is an engine on the embedded rules and reference data with
// the fixed clock.
func newTestEngine(t testing.TB, goods GoodsAssessor, sc PartyScreener) *Engine {
	t.Helper()
	e, err := NewEngine(Config{Goods: goods, Parties: sc, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// mustCheck judges s with e and stops the test on an error.
func mustCheck(t testing.TB, e *Engine, s *Shipment) *Decision {
	t.Helper()
	d, err := e.Check(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// documentedCase is an example shipment with the verdict it must get and
// findings it must include.
type documentedCase struct {
	file    string
	verdict Verdict
	must    []string
}

// checkCase judges the case's shipment with e and reports a wrong verdict
// or a missing finding.
func checkCase(t *testing.T, e *Engine, tt documentedCase) *Decision {
	t.Helper()
	d := mustCheck(t, e, exampleShipment(t, tt.file))
	got := ruleIDs(d)
	if d.Verdict != tt.verdict {
		t.Errorf("verdict = %s, want %s; findings %v", d.Verdict, tt.verdict, got)
	}
	for _, w := range tt.must {
		if !slices.Contains(got, w) {
			t.Errorf("findings %v lack %q", got, w)
		}
	}
	return d
}

func fixedNow() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

// exampleShipment reads a shipment of examples/shipments.
func exampleShipment(t testing.TB, name string) *Shipment {
	t.Helper()
	p := filepath.Join("..", "examples", "shipments", name)
	b := testenv.ReadFile(t, p)
	s, err := Decode(p, b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ruleIDs lists a decision's findings as "severity rule".
func ruleIDs(d *Decision) []string {
	var out []string
	for _, f := range d.Findings {
		out = append(out, string(f.Severity)+" "+f.Rule)
	}
	return out
}

// oneEntryList is a list of one entry, id+"-entry", covering code (an
// HS 2022 code) from the day from.
func oneEntryList(id, jurisdiction string, kind lists.Kind, dir lists.Direction, from time.Time, conf lists.Confidence, code string) *lists.List {
	e := &lists.Entry{ID: id + "-entry", ListID: id, Category: "goods of " + code, Citation: id + ", item 1", Basis: lists.Derived,
		Confidence: conf, InForce: lists.Period{From: from},
		Codes: []lists.Pattern{{Code: hs.MustParse(code), Edition: hs.HS2022, Rationale: "test"}}}
	return &lists.List{ID: id, Jurisdiction: jurisdiction, Title: id, Kind: kind, Measure: lists.Prohibition, Direction: dir,
		Target: "KP", InForce: e.InForce, Confidence: conf, Entries: []*lists.Entry{e}}
}
