package screeneval

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// Paths of the development sets under the shared directory.
const (
	UNFile        = "data/screening/un/UN_consolidated_2026-02-27.xml"
	OFACDir       = "data/screening/ofac-sdn-2021-07"
	DPRKPairsFile = "data/screening/eval/DERIVED_dprk_name_pairs.csv"
	BenchFile     = "data/screening/eval/nomenklatura_name_bench_cases.csv"
	NegativesFile = "data/screening/eval/yente_validation_negatives_global.csv"
)

// Report holds every metric of one evaluation run.
type Report struct {
	Versions      []screen.ListVersion
	Match, Review float64
	// Workers and Sample say how the generated sets were run: in parallel
	// on Workers goroutines, keeping every Sample-th generated probe.
	Workers, Sample int
	DPRK            []CategoryStats `json:",omitempty"`
	Bench           *BenchStats     `json:",omitempty"`
	Self            *SelfStats      `json:",omitempty"`
	// Sets are the generated and authored sets, in the order Print shows
	// them.
	Sets []SetReport
	// Targets are the targets judged on the sets that ran.
	Targets []Target `json:",omitempty"`
}

// SetReport is one set's table: its rows and their total.
type SetReport struct {
	Name string
	// About says what the set is and what it is judged by.
	About string
	// Notes are facts of the run (names covered, names left out).
	Notes []string `json:",omitempty"`
	Rows  []Tally
	Total Tally
	// Totals are extra sums over rows (entities and persons of the typo
	// set), shown under the rows.
	Totals []Tally `json:",omitempty"`
}

// CategoryStats counts one category of the DPRK pairs. For true pairs,
// Review counts pairs whose record reached review or match; for false
// pairs, Match counts pairs whose other record reached match.
type CategoryStats struct {
	Category string
	IsMatch  bool
	N        int
	Review   int
	Match    int
	// NameOnlyReview counts pairs whose two names alone, compared without
	// the lists' aliases, reach the review threshold.
	NameOnlyReview int
	Failures       []string
}

// Threshold is precision, recall and F1 at one threshold.
type Threshold struct {
	T                 float64
	TP, FP, FN, TN    int
	Precision, Recall float64
	F1                float64
}

// BenchStats is the nomenklatura bench result.
type BenchStats struct {
	N          int
	Relabelled int
	Rows       []Threshold
	AtMatch    Threshold
	AtReview   Threshold
}

// SelfStats is the self-screen result.
type SelfStats struct {
	Names, Top, TopMatch int
	Failures             []string
}

// Set names, for Options.Only.
const (
	SetPairs       = "pairs"
	SetBench       = "bench"
	SetSelf        = "self"
	SetTypos       = "typos"
	SetNumerals    = "numerals"
	SetSameName    = "same-name"
	SetCompanies   = "companies"
	SetCrossScript = "cross-script"
	SetOrdinary    = "ordinary"
	SetYente       = "yente"
)

// SetNames lists every set in the order they run.
func SetNames() []string {
	return []string{SetPairs, SetBench, SetTypos, SetNumerals, SetSameName, SetCompanies, SetCrossScript, SetOrdinary, SetYente, SetSelf}
}

// Options tune an evaluation run. The zero value runs every set whole
// with the embedded data.
type Options struct {
	// Data holds the screening data laid out like the screen package
	// directory; nil means the embedded data.
	Data fs.FS
	// Sets holds the authored sets laid out like testdata/sets; nil means
	// the embedded sets (SetsFS).
	Sets fs.FS
	// Only names the sets to run; empty means all (SetNames).
	Only []string
	// Sample keeps every Sample-th probe of the large generated sets
	// (typos, ordinary names); 0 or 1 keeps all.
	Sample int
	// Workers is the number of concurrent screenings; 0 means GOMAXPROCS.
	Workers int
}

// harness is one evaluation run in progress.
type harness struct {
	opt  Options
	cfg  *harnessConfig
	c    *corpus
	s    *screen.Screener
	rep  *Report
	only map[string]bool
}

// Run loads the UN and OFAC lists from shared and runs every evaluation
// with the embedded screening data.
func Run(ctx context.Context, shared string) (*Report, error) {
	return RunOptions(ctx, shared, Options{})
}

// RunData is Run with the screening data (weights, countries, name
// lexicon) read from data, a file system laid out like the screen package
// directory; nil means the embedded data.
func RunData(ctx context.Context, shared string, data fs.FS) (*Report, error) {
	return RunOptions(ctx, shared, Options{Data: data})
}

// RunOptions loads UN, OFAC and (when present) the EU and UK lists from
// shared, screens against all of them together, and runs the sets opt
// selects.
func RunOptions(ctx context.Context, shared string, opt Options) (*Report, error) {
	if opt.Sets == nil {
		opt.Sets = SetsFS()
	}
	opt.Sample = max(opt.Sample, 1)
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	h := &harness{opt: opt, only: make(map[string]bool)}
	for _, name := range opt.Only {
		if !slices.Contains(SetNames(), name) {
			return nil, fmt.Errorf("screeneval: unknown set %q (have: %s)", name, strings.Join(SetNames(), ", "))
		}
		h.only[name] = true
	}
	var err error
	if h.cfg, err = readHarness(opt.Sets); err != nil {
		return nil, err
	}
	if h.c, err = loadCorpus(ctx, shared, h.cfg.LegalForms); err != nil {
		return nil, err
	}
	if h.s, err = h.screener(h.c.lists...); err != nil {
		return nil, err
	}
	h.rep = &Report{Versions: h.s.Versions(), Workers: opt.Workers, Sample: opt.Sample}
	h.rep.Match, h.rep.Review = h.s.Thresholds()
	steps := []struct {
		name string
		run  func(context.Context, string) error
	}{
		{SetPairs, h.pairs}, {SetBench, h.bench}, {SetTypos, h.typos}, {SetNumerals, h.numerals},
		{SetSameName, h.sameName}, {SetCompanies, h.companies}, {SetCrossScript, h.crossScript},
		{SetOrdinary, h.ordinary}, {SetYente, h.yente}, {SetSelf, h.self},
	}
	for _, st := range steps {
		if len(h.only) > 0 && !h.only[st.name] {
			continue
		}
		if err := st.run(ctx, shared); err != nil {
			return nil, fmt.Errorf("screeneval: %s: %w", st.name, err)
		}
	}
	h.rep.Targets = h.rep.judge()
	return h.rep, nil
}

// screener builds a screener over lists with the run's data and a hit
// limit high enough that the right reference is never cut off.
func (h *harness) screener(lists ...screen.List) (*screen.Screener, error) {
	return screen.NewScreenerOptions(screen.Options{MaxHits: 200, Data: h.opt.Data}, lists...)
}

func (h *harness) pairs(ctx context.Context, shared string) (err error) {
	h.rep.DPRK, err = dprkPairs(ctx, h.s, h.c.byID, filepath.Join(shared, DPRKPairsFile))
	return err
}

func (h *harness) bench(_ context.Context, shared string) error {
	b, err := bench(h.s, filepath.Join(shared, BenchFile))
	h.rep.Bench = &b
	return err
}

func (h *harness) self(ctx context.Context, _ string) error {
	s, err := selfScreen(ctx, h.s, h.c.lists)
	h.rep.Self = &s
	return err
}

// readCSV reads a CSV file with a header into maps keyed by column name.
// Lines starting with "#" are comments.
func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	var out []map[string]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(rec) != len(header) {
			line, _ := r.FieldPos(0)
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", path, line, len(rec), len(header))
		}
		m := make(map[string]string, len(header))
		for i, h := range header {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
}

// kindOf maps the sets' schema names to query kinds.
func kindOf(schema string) screen.Kind {
	switch schema {
	case "Person":
		return screen.KindPerson
	case "Vessel":
		return screen.KindVessel
	case "Company", "Organization", "LegalEntity":
		return screen.KindOrganisation
	}
	return screen.KindUnknown
}

// entityIDs turns the pair set's refs ("KPe.008|11599") into entity IDs.
func entityIDs(refs string) []string {
	var out []string
	for _, r := range strings.Split(refs, "|") {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		if r[0] >= '0' && r[0] <= '9' {
			out = append(out, "OFAC:"+r)
		} else {
			out = append(out, "UN:"+r)
		}
	}
	return out
}

// recordOf picks, among ids, the records that list name; when none does,
// all of ids.
func recordOf(byID map[string]*screen.Entity, ids []string, name string) []string {
	var out []string
	for _, id := range ids {
		e := byID[id]
		if e == nil {
			continue
		}
		for _, n := range e.Names {
			if strings.EqualFold(strings.TrimSpace(n.Value), strings.TrimSpace(name)) {
				out = append(out, id)
				break
			}
		}
	}
	if len(out) == 0 {
		return ids
	}
	return out
}

func dprkPairs(ctx context.Context, s *screen.Screener, byID map[string]*screen.Entity, path string) ([]CategoryStats, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	match, review := s.Thresholds()
	stats := make(map[string]*CategoryStats)
	var order []string
	for _, r := range rows {
		key := r["category"] + "/" + r["is_match"]
		st := stats[key]
		if st == nil {
			st = &CategoryStats{Category: r["category"], IsMatch: r["is_match"] == "true"}
			stats[key] = st
			order = append(order, key)
		}
		st.N++
		kind := kindOf(r["schema"])
		targets := recordOf(byID, entityIDs(r["refs"]), r["name1"])
		res, err := s.Screen(ctx, party.New(r["name2"], kind, "", "", ""))
		if err != nil {
			return nil, err
		}
		best := 0.0
		for _, h := range res.Hits {
			if standsFor(&h, targets...) && h.Score > best {
				best = h.Score
			}
		}
		if best >= review {
			st.Review++
		}
		if best >= match {
			st.Match++
		}
		if sc, _ := s.Compare(r["name2"], r["name1"], kind); sc >= review {
			st.NameOnlyReview++
		}
		if (st.IsMatch && best < review) || (!st.IsMatch && best >= match) {
			st.Failures = append(st.Failures, fmt.Sprintf("%s | %s | %s | %.3f", r["refs"], r["name1"], r["name2"], best))
		}
	}
	var out []CategoryStats
	for _, k := range order {
		out = append(out, *stats[k])
	}
	return out, nil
}

var digits = regexp.MustCompile(`\d+`)

// sisterVessels reports whether two vessel names carry different numbers
// (the nomenklatura label quirk; see the package documentation).
func sisterVessels(a, b string) bool {
	na, nb := digits.FindAllString(a, -1), digits.FindAllString(b, -1)
	if len(na) == 0 || len(nb) == 0 {
		return false
	}
	slices.Sort(na)
	slices.Sort(nb)
	return !slices.Equal(na, nb)
}

func bench(s *screen.Screener, path string) (BenchStats, error) {
	rows, err := readCSV(path)
	if err != nil {
		return BenchStats{}, err
	}
	type scoredPair struct {
		score float64
		truth bool
	}
	var ps []scoredPair
	var st BenchStats
	for _, r := range rows {
		truth := r["is_match"] == "true"
		if r["schema"] == "Vessel" && truth && sisterVessels(r["name1"], r["name2"]) {
			truth = false
			st.Relabelled++
		}
		sc, _ := s.Compare(r["name1"], r["name2"], kindOf(r["schema"]))
		ps = append(ps, scoredPair{sc, truth})
	}
	st.N = len(ps)
	at := func(t float64) Threshold {
		th := Threshold{T: t}
		for _, p := range ps {
			switch pred := p.score >= t; {
			case pred && p.truth:
				th.TP++
			case pred && !p.truth:
				th.FP++
			case !pred && p.truth:
				th.FN++
			default:
				th.TN++
			}
		}
		if th.TP+th.FP > 0 {
			th.Precision = float64(th.TP) / float64(th.TP+th.FP)
		}
		if th.TP+th.FN > 0 {
			th.Recall = float64(th.TP) / float64(th.TP+th.FN)
		}
		if th.Precision+th.Recall > 0 {
			th.F1 = 2 * th.Precision * th.Recall / (th.Precision + th.Recall)
		}
		return th
	}
	for t := 0.50; t < 0.96; t += 0.05 {
		st.Rows = append(st.Rows, at(float64(int(t*100+0.5))/100))
	}
	match, review := s.Thresholds()
	st.AtMatch, st.AtReview = at(match), at(review)
	return st, nil
}

// isDPRK reports whether an entity belongs to the DPRK regimes: a UN KP
// reference or an OFAC DPRK program.
func isDPRK(e *screen.Entity) bool {
	if e.Source == "UN" {
		return strings.HasPrefix(e.Ref, "KP")
	}
	for _, p := range e.Programs {
		if strings.HasPrefix(p, "DPRK") {
			return true
		}
	}
	return false
}

func selfScreen(ctx context.Context, s *screen.Screener, lists []screen.List) (SelfStats, error) {
	var st SelfStats
	match, _ := s.Thresholds()
	for _, l := range lists {
		for i := range l.Entities {
			e := &l.Entities[i]
			if !isDPRK(e) {
				continue
			}
			for _, n := range e.Names {
				st.Names++
				res, err := s.Screen(ctx, party.New(n.Value, e.Kind, "", "", ""))
				if err != nil {
					return st, err
				}
				own := -1.0
				for _, h := range res.Hits {
					if standsFor(&h, e.ID) {
						own = h.Score
						break
					}
				}
				if len(res.Hits) > 0 && own >= res.Hits[0].Score {
					st.Top++
					if own >= match || n.Kind == screen.NameWeak {
						st.TopMatch++
					}
					continue
				}
				top := "no hit"
				if len(res.Hits) > 0 {
					top = fmt.Sprintf("%s %.3f", res.Hits[0].Entity, res.Hits[0].Score)
				}
				st.Failures = append(st.Failures, fmt.Sprintf("%s %q: own %.3f, top %s", e.ID, n.Value, own, top))
			}
		}
	}
	return st, nil
}
