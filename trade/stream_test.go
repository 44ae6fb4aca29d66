package trade

import (
	"bytes"
	"context"
	"os"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/trade/internal/synth"
)

// mixedText has what the generated files lack: duplicates, mixed quantity
// units, a total and chapter 99, flows with too few peers and none.
const mixedText = `reporter,partner,period,flow,code,value_usd,net_weight_kg,quantity,quantity_unit,source
DE,KP,2017,export,870323,1000,500,2,u,a
DE,KP,2017,export,870323,1000,500,2,u,a
DE,KP,2017,export,870323,400,100,50,kg,b
DE,FR,2017,export,870323,100,50,2,u,
DE,IT,2017,export,870323,120,60,2,u,
DE,PL,2017,export,870323,90,40,,,
CN,KP,2016,import,TOTAL,5000,,,,
CN,KP,2016,export,9999,300,10,1,u,
CN,KP,2016,export,0101,30000,900,2,u,
CN,RU,2016,export,0101,1000,900,2,u,
KP,CN,2015,export,7102,7000,1,,,
`

// TestStreamSameAsFlows checks that a streamed report visits the same
// results, in the same order, as the report that holds them.
func TestStreamSameAsFlows(t *testing.T) {
	var gen bytes.Buffer
	if err := synth.Write(&gen, synth.Options{Rows: 20_000, Codes: benchCodes(t), DPRKEvery: 1}); err != nil {
		t.Fatal(err)
	}
	figure4, err := os.ReadFile("testdata/paper/figure4.csv")
	if err != nil {
		t.Fatal(err)
	}
	a := testAssessor(t)
	for _, tt := range []struct {
		name string
		data []byte
		opts Options
	}{
		{"generated", gen.Bytes(), Options{}},
		{"generated-thresholds", gen.Bytes(), Options{Thresholds: Thresholds{MinPeers: 3, Z: 2, MinRatio: 1.5}}},
		{"figure4", figure4, Options{}},
		{"mixed", []byte(mixedText), Options{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			analyze := func(stream bool) *Report {
				opts := tt.opts
				opts.Stream = stream
				rep, err := NewAnalyzer(a, opts).Analyze(context.Background(), tt.name, bytes.NewReader(tt.data))
				if err != nil {
					t.Fatal(err)
				}
				return rep
			}
			held, streamed := analyze(false), analyze(true)
			if len(streamed.Flows) != 0 {
				t.Errorf("streamed report holds %d flows, want none", len(streamed.Flows))
			}
			if held.FlowCount() != len(held.Flows) || streamed.FlowCount() != len(held.Flows) {
				t.Errorf("FlowCount: held %d, streamed %d, want %d", held.FlowCount(), streamed.FlowCount(), len(held.Flows))
			}
			if len(held.Flows) == 0 {
				t.Fatal("no flows to compare")
			}
			var got []FlowResult
			for f := range streamed.All() {
				got = append(got, *f)
			}
			codes := cmp.Comparer(func(x, y hs.Code) bool { return x == y })
			if diff := cmp.Diff(held.Flows, got, codes); diff != "" {
				t.Errorf("streamed flows differ (-held +streamed):\n%s", diff)
			}
			// A second visit makes the same results again.
			again := slices.Collect(func(yield func(FlowResult) bool) {
				for f := range streamed.All() {
					if !yield(*f) {
						return
					}
				}
			})
			if diff := cmp.Diff(got, again, codes); diff != "" {
				t.Errorf("second visit differs:\n%s", diff)
			}
			// A visit the caller stops early stops making results.
			n := 0
			for f := range streamed.All() {
				if diff := cmp.Diff(held.Flows[n], *f, codes); diff != "" {
					t.Errorf("flow %d of a visit stopped early differs:\n%s", n, diff)
				}
				if n++; n == min(3, len(held.Flows)) {
					break
				}
			}
			held.Flows, streamed.streamed = nil, nil
			if diff := cmp.Diff(held, streamed, codes, cmp.AllowUnexported(Report{})); diff != "" {
				t.Errorf("report besides its flows differs:\n%s", diff)
			}
		})
	}
}
