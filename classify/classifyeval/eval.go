package classifyeval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/internal/jsonl"
)

// Labelled is one line of an evaluation set: an item with its gold
// classification.
type Labelled struct {
	classify.Item
	// GoldHS6 is the HS 2022 subheading, or "" when the description does
	// not decide one and the right answer is to abstain.
	GoldHS6 string `json:"gold_hs6"`
	// GoldHeading is the heading, when known; it defaults to GoldHS6's.
	GoldHeading string `json:"gold_heading"`
	// Luxury says whether a luxury control applies or cannot be ruled out;
	// nil when the set does not say.
	Luxury *bool `json:"luxury"`
	// HardNegative marks look-alikes of controlled goods (imitation
	// jewellery, watch straps, trucks) that must not be called luxury.
	HardNegative bool `json:"hard_negative"`
}

// ReadLabelled reads an evaluation set: JSON lines of [Labelled], or a CSV
// with the columns text and expected_hs_code (the HSClassify_micro
// layout). Errors name the line and field.
func ReadLabelled(r io.Reader) ([]Labelled, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(64)
	if bytes.HasPrefix(bytes.TrimPrefix(head, []byte("\ufeff")), []byte("text,")) {
		return readLabelledCSV(br)
	}
	var out []Labelled
	err := jsonl.Each(br, 1<<20, func(line int, b []byte) error {
		var l Labelled
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return fmt.Errorf("classify: eval set line %d: %w", line, err)
		}
		if err := l.check(); err != nil {
			return fmt.Errorf("classify: eval set line %d: %w", line, err)
		}
		out = append(out, l)
		return nil
	})
	if re := (*jsonl.ReadError)(nil); errors.As(err, &re) {
		return nil, fmt.Errorf("classify: eval set line %d: %w", re.Line, re.Err)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (l *Labelled) check() error {
	if l.Description == "" && l.DeclaredCode == "" {
		return errors.New("field \"description\": want a description or an hs code")
	}
	if l.GoldHS6 != "" && (len(l.GoldHS6) != 6 || strings.Trim(l.GoldHS6, "0123456789") != "") {
		return fmt.Errorf("field \"gold_hs6\": %q is not six digits", l.GoldHS6)
	}
	if l.GoldHeading == "" && l.GoldHS6 != "" {
		l.GoldHeading = l.GoldHS6[:4]
	}
	return nil
}

func readLabelledCSV(r io.Reader) ([]Labelled, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("classify: eval set line 1: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	ti, ok1 := col["text"]
	gi, ok2 := col["expected_hs_code"]
	if !ok1 || !ok2 {
		return nil, errors.New("classify: eval set line 1: want columns text and expected_hs_code")
	}
	var out []Labelled
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("classify: eval set line %d: %w", line, err)
		}
		g := strings.TrimSpace(rec[gi])
		for len(g) < 6 && len(g) > 0 {
			g = "0" + g // codes read as integers lose their leading zero
		}
		l := Labelled{Item: classify.Item{ID: fmt.Sprintf("line%d", line), Description: rec[ti]}, GoldHS6: g}
		if err := l.check(); err != nil {
			return nil, fmt.Errorf("classify: eval set line %d: %w", line, err)
		}
		out = append(out, l)
	}
	return out, nil
}

// Metrics are the accuracy figures of one evaluation.
type Metrics struct {
	N        int `json:"n"`
	Answered int `json:"answered"`
	// Acc4 and Acc6 are the shares of answered items whose heading and
	// subheading are right. An answer where the set expects abstention is
	// wrong at six digits.
	Acc4 float64 `json:"acc4"`
	Acc6 float64 `json:"acc6"`
	// Top1At4All is the share of all items whose first candidate has the
	// right heading, answered or not.
	Top1At4All float64 `json:"top1_4_all"`
	// Top5At4 and Top5At6 are the shares of items with a gold code that
	// have it among the first five candidates.
	Top5At4 float64 `json:"top5_4"`
	Top5At6 float64 `json:"top5_6"`
	Abstain float64 `json:"abstain"`
	// LuxuryPrecision and LuxuryRecall compare the luxury flag with the
	// labels, over items labelled.
	LuxuryPrecision float64 `json:"luxury_precision"`
	LuxuryRecall    float64 `json:"luxury_recall"`
	LuxuryLabelled  int     `json:"luxury_labelled"`
	// HardNegatives is the number of hard negatives; HardNegativeLuxury the
	// share of them called luxury.
	HardNegatives      int       `json:"hard_negatives"`
	HardNegativeLuxury float64   `json:"hard_negative_luxury"`
	Failures           []Failure `json:"failures,omitempty"`
}

// Failure is one item the classifier got wrong.
type Failure struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	Gold        string `json:"gold"`
	Got         string `json:"got"`
	Problem     string `json:"problem"`
}

// Evaluate classifies every item and scores the results.
func Evaluate(ctx context.Context, c *classify.Classifier, set []Labelled) (Metrics, error) {
	var m Metrics
	var ok4, ok6, top4all, t5n, t54, t56, tp, fp, fn, hnLux int
	for _, l := range set {
		r, err := c.Classify(ctx, l.Item)
		if err != nil {
			return m, err
		}
		m.N++
		fail := func(problem, got string) {
			gold := l.GoldHS6
			if gold == "" {
				gold = "abstain (" + l.GoldHeading + ")"
			}
			m.Failures = append(m.Failures, Failure{ID: l.ID, Description: l.Description, Gold: gold, Got: got, Problem: problem})
		}
		if len(r.Candidates) > 0 && l.GoldHeading != "" && strings.HasPrefix(r.Candidates[0].Code, l.GoldHeading) {
			top4all++
		}
		if r.HS6 != "" {
			m.Answered++
			switch {
			case l.GoldHS6 == r.HS6:
				ok4++
				ok6++
			case l.GoldHeading != "" && strings.HasPrefix(r.HS6, l.GoldHeading):
				ok4++
				fail("wrong subheading", r.HS6)
			default:
				fail("wrong heading", r.HS6)
			}
		} else if l.GoldHS6 != "" {
			got := ""
			if len(r.Candidates) > 0 {
				got = r.Candidates[0].Code
			}
			fail("abstained: "+strings.Join(r.Reasons, "; "), got)
		}
		if l.GoldHS6 != "" {
			t5n++
			f4, f6 := false, false
			for i, cd := range r.Candidates {
				if i == 5 {
					break
				}
				f4 = f4 || strings.HasPrefix(cd.Code, l.GoldHeading)
				f6 = f6 || cd.Code == l.GoldHS6
			}
			if f4 {
				t54++
			}
			if f6 {
				t56++
			}
		}
		if l.Luxury != nil {
			m.LuxuryLabelled++
			switch {
			case *l.Luxury && r.Luxury:
				tp++
			case !*l.Luxury && r.Luxury:
				fp++
				fail("called luxury", r.HS6)
			case *l.Luxury && !r.Luxury:
				fn++
				fail("luxury missed", r.HS6)
			}
		}
		if l.HardNegative {
			m.HardNegatives++
			if r.Luxury {
				hnLux++
			}
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	m.Acc4, m.Acc6 = ratio(ok4, m.Answered), ratio(ok6, m.Answered)
	m.Top1At4All = ratio(top4all, m.N)
	m.Top5At4, m.Top5At6 = ratio(t54, t5n), ratio(t56, t5n)
	m.Abstain = ratio(m.N-m.Answered, m.N)
	m.LuxuryPrecision, m.LuxuryRecall = ratio(tp, tp+fp), ratio(tp, tp+fn)
	m.HardNegativeLuxury = ratio(hnLux, m.HardNegatives)
	return m, nil
}
