package screen

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// weightsFS returns the embedded data with the weights file edited by
// replacing old with new.
func weightsFS(t *testing.T, old, new string) fs.FS {
	t.Helper()
	data, err := fs.ReadFile(FS(), WeightsFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("weights file has no %q", old)
	}
	edited := strings.Replace(string(data), old, new, 1)
	return datafile.Overlay(FS(), fstest.MapFS{WeightsFile: {Data: []byte(edited)}})
}

func TestDefaultWeights(t *testing.T) {
	w, err := DefaultWeights()
	if err != nil {
		t.Fatal(err)
	}
	if w.Thresholds.Match != 0.75 || w.Thresholds.Review != 0.6 || w.Thresholds.MaxHits != 10 {
		t.Errorf("thresholds %+v, want match 0.75, review 0.60, 10 hits", w.Thresholds)
	}
}

func TestLoadWeightsProblems(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string // field paths of the problems
	}{
		{"unknown key", "  max_hits: 10", "  max_hits: 10\n  min_hits: 1", []string{"thresholds.min_hits"}},
		{"out of range", "    similarity: 0.97", "    similarity: 1.5", []string{"features.romanisation.similarity"}},
		{"missing", "    mismatch: 0.05", "", []string{"features.country.mismatch"}},
		{"review above match", "  review: 0.60", "  review: 0.80", []string{"thresholds.review"}},
		{"not a number", "  max_span: 4", "  max_span: many", []string{"blocking.max_span"}},
		{"cap at match", "    cap: 0.70                 # review at most: a person", "    cap: 0.80 # ", []string{"features.substitution.cap"}},
		{"bad syllable", "      finals: [k, g,", "      finals: [K, g,", []string{"features.romanisation.syllables"}},
		{"upper-case given name", "      chol, chul,", "      Chol, chul,", []string{"features.common_name.given"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadWeights(weightsFS(t, tt.old, tt.new))
			var got []string
			for _, p := range datafile.Problems(err) {
				got = append(got, p.Field)
				if p.Line == 0 || !strings.HasSuffix(p.File, WeightsFile) {
					t.Errorf("problem without its place: %v", p)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

// TestWeightsChangeScores checks that the weights file, not the code,
// decides the scores: an edited weight given through Options.Data changes
// the screening.
func TestWeightsChangeScores(t *testing.T) {
	demo, err := DemoList()
	if err != nil {
		t.Fatal(err)
	}
	q := Query{Name: "Korea Ryongbong General Corp.", Kind: KindOrganisation}
	score := func(opt Options) (float64, Verdict) {
		t.Helper()
		s, err := NewScreenerOptions(opt, demo)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Screen(context.Background(), q.entity())
		if err != nil || len(res.Hits) == 0 {
			t.Fatalf("no hit: %+v %v", res, err)
		}
		return res.Hits[0].Score, res.Verdict
	}
	base, v := score(Options{})
	if v != Match {
		t.Fatalf("embedded weights: %s %.3f, want match", v, base)
	}
	lower, _ := score(Options{Data: weightsFS(t, "    similarity: 0.97", "    similarity: 0.80")})
	if lower >= base {
		t.Errorf("romanisation similarity 0.80: score %.3f, want below %.3f", lower, base)
	}
	_, v = score(Options{Data: weightsFS(t, "  match: 0.75", "  match: 0.99")})
	if v != Review {
		t.Errorf("match threshold 0.99: verdict %s, want review", v)
	}
}
