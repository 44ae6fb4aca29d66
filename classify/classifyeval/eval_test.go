package classifyeval

import (
	"bytes"
	"context"

	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/testenv"
)

func readInScope(t testing.TB) []Labelled {
	t.Helper()
	return readSet(t, "../testdata/inscope.jsonl")
}

// readSet reads the labelled set at path.
func readSet(t testing.TB, path string) []Labelled {
	t.Helper()
	b := testenv.ReadFile(t, path)
	set, err := ReadLabelled(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return set
}

// evaluateUN measures the classifier, with luxury labels following the UN
// lists, on the set at path, and logs the figures.
func evaluateUN(t *testing.T, path string) Metrics {
	t.Helper()
	m, err := Evaluate(context.Background(), newClassifier(t, classify.WithJurisdictions("UN")), readSet(t, path))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: n=%d answered=%d acc@4=%.3f acc@6=%.3f top5@4=%.3f top5@6=%.3f abstain=%.3f luxury P=%.3f R=%.3f hard-neg luxury=%.3f",
		path, m.N, m.Answered, m.Acc4, m.Acc6, m.Top5At4, m.Top5At6, m.Abstain, m.LuxuryPrecision, m.LuxuryRecall, m.HardNegativeLuxury)
	for _, f := range m.Failures {
		t.Logf("%s %q gold=%s got=%s: %s", f.ID, f.Description, f.Gold, f.Got, f.Problem)
	}
	return m
}

// TestInScopeAcceptance runs the in-scope evaluation and asserts the
// acceptance thresholds of the classifier, so that regressions fail CI.
// Luxury labels follow the UN lists.
func TestInScopeAcceptance(t *testing.T) {
	m := evaluateUN(t, "../testdata/inscope.jsonl")
	if m.N < 300 {
		t.Fatalf("in-scope set has %d items, want at least 300", m.N)
	}
	check := func(name string, got, min float64, atLeast bool) {
		if atLeast && got < min || !atLeast && got > min {
			t.Errorf("%s = %.3f, want %s %.3f", name, got, map[bool]string{true: ">=", false: "<="}[atLeast], min)
		}
	}
	check("acc@4", m.Acc4, 0.95, true)
	check("acc@6", m.Acc6, 0.90, true)
	check("abstain", m.Abstain, 0.10, false)
	check("hard negatives called luxury", m.HardNegativeLuxury, 0.02, false)
	check("luxury recall", m.LuxuryRecall, 0.95, true)
	check("luxury precision", m.LuxuryPrecision, 0.95, true)
}

// TestHeldOut2 measures the second held-out set (testdata/heldout2.md),
// measured at acc@4 0.989, acc@6 0.968, abstain 0.050 and 4% of hard
// negatives called luxury. The floors below only catch regressions.
func TestHeldOut2(t *testing.T) {
	m := evaluateUN(t, "../testdata/heldout2.jsonl")
	if m.Acc4 < 0.97 || m.Acc6 < 0.95 || m.Abstain > 0.07 || m.HardNegativeLuxury > 0.05 {
		t.Errorf("second held-out set regressed: acc@4 %.3f (floor 0.97), acc@6 %.3f (0.95), abstain %.3f (ceiling 0.07), hard negatives called luxury %.3f (0.05)",
			m.Acc4, m.Acc6, m.Abstain, m.HardNegativeLuxury)
	}
}

// TestSharedDevSet measures the classifier with the full nomenclature on
// the shared HSClassify_micro set of independent e-commerce items. It
// reports, and asserts the targets of issue 13 (top-1 heading .50, top-1
// subheading .30, top-5 heading .75) as floors, so that a regression
// fails; the lexicon is not tuned to the set's rows.
func TestSharedDevSet(t *testing.T) {
	set := readSet(t, testenv.Path(t, "data", "hs-eval", "hsclassify_micro_benchmark_cases.csv"))
	for _, withN := range []bool{false, true} {
		var opts []classify.Option
		if withN {
			opts = append(opts, classify.WithNomenclature(hs2022(t)))
		}
		m, err := Evaluate(context.Background(), newClassifier(t, opts...), set)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("nomenclature=%v n=%d answered=%d acc@4=%.3f acc@6=%.3f top1@4(all)=%.3f top1@6(all)=%.3f top5@4=%.3f top5@6=%.3f abstain=%.3f",
			withN, m.N, m.Answered, m.Acc4, m.Acc6, m.Top1At4All, m.Top1At6All, m.Top5At4, m.Top5At6, m.Abstain)
		for _, f := range []struct {
			name       string
			got, floor float64
		}{{"top1@4 (all items)", m.Top1At4All, 0.50}, {"top1@6 (all items)", m.Top1At6All, 0.30}, {"top5@4", m.Top5At4, 0.75}} {
			if f.got < f.floor {
				t.Errorf("nomenclature=%v: %s = %.3f, below the floor of %.2f", withN, f.name, f.got, f.floor)
			}
		}
	}
}

func TestReadLabelledErrors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`{"id":"a","description":"x","gold_hs6":"91012"}`, "line 1"},
		{"\n" + `{"id":"a","gold_hs6":"910121"}`, "line 2"},
		{`{"id":"a","description":"x","colour":"red"}`, "line 1"},
		{"text,wrong\nx,1\n", "line 1"},
	}
	for _, tt := range tests {
		_, err := ReadLabelled(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want an error naming %s", tt.in, err, tt.want)
		}
	}
}

func TestReadLabelledCSV(t *testing.T) {
	got, err := ReadLabelled(strings.NewReader("text,expected_hs_code,category\nfresh beef,20130,easy\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Labelled{{Item: classify.Item{ID: "line2", Description: "fresh beef"}, GoldHS6: "020130", GoldHeading: "0201"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestHeldOutReport measures the held-out set, which the lexicon is not
// tuned to. It reports and asserts only a weak floor.
func TestHeldOutReport(t *testing.T) {
	m := evaluateUN(t, "../testdata/heldout.jsonl")
	if m.Acc4 < 0.80 {
		t.Errorf("held-out acc@4 = %.3f, below the floor of 0.80", m.Acc4)
	}
}

// TestInScopeGoldCodesExist checks the labelled set's gold codes against
// HS 2022.
func TestInScopeGoldCodesExist(t *testing.T) {
	n := hs2022(t)
	for _, l := range readInScope(t) {
		if l.GoldHS6 == "" {
			continue
		}
		if _, ok := n.Item(hs.MustParse(l.GoldHS6)); !ok {
			t.Errorf("%s: gold %s does not exist in HS 2022", l.ID, l.GoldHS6)
		}
	}
}
