package screen

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/luxscreen/luxscreen/party"
	"gopkg.in/yaml.v3"
)

// WeightsFile is the path of the weights file in the package's data, and
// under a --data directory below "screen/".
const WeightsFile = "data/weights.yaml"

//go:embed data/weights.yaml
var weightsData embed.FS

// Weights are the scorer's weights and thresholds, read from
// data/weights.yaml (see the comments there for what each number does and
// why it has its value).
type Weights struct {
	Thresholds struct {
		Match   float64 `yaml:"match"`
		Review  float64 `yaml:"review"`
		MaxHits int     `yaml:"max_hits"`
	} `yaml:"thresholds"`
	Features struct {
		Name struct {
			MinPair         float64 `yaml:"min_pair"`
			CreditFloor     float64 `yaml:"credit_floor"`
			MinLevRatio     float64 `yaml:"min_lev_ratio"`
			MinSpanLevRatio float64 `yaml:"min_span_lev_ratio"`
			ExtraFloor      float64 `yaml:"extra_floor"`
			Omission        float64 `yaml:"omission"`
		} `yaml:"name"`
		Romanisation similarity `yaml:"romanisation"`
		Initial      similarity `yaml:"initial"`
		LegalForm    similarity `yaml:"legal_form"`
		Substitution struct {
			Weight float64 `yaml:"weight"`
			Floor  float64 `yaml:"floor"`
		} `yaml:"substitution"`
		NumberMismatch struct {
			Factor       float64 `yaml:"factor"`
			VesselFactor float64 `yaml:"vessel_factor"`
		} `yaml:"number_mismatch"`
		Identifier struct {
			MismatchFactor float64 `yaml:"mismatch_factor"`
		} `yaml:"identifier"`
		BirthDate struct {
			Match    float64 `yaml:"match"`
			Mismatch float64 `yaml:"mismatch"`
		} `yaml:"birth_date"`
		Country struct {
			Mismatch float64 `yaml:"mismatch"`
		} `yaml:"country"`
	} `yaml:"features"`
	Tokens struct {
		Legal   float64 `yaml:"legal"`
		Stop    float64 `yaml:"stop"`
		Initial float64 `yaml:"initial"`
		Number  float64 `yaml:"number"`
		Generic float64 `yaml:"generic"`
		Floor   float64 `yaml:"floor"`
		FullDF  float64 `yaml:"full_df"`
		FloorDF float64 `yaml:"floor_df"`
	} `yaml:"tokens"`
	Blocking struct {
		MaxDF        int     `yaml:"max_df"`
		RareDF       int     `yaml:"rare_df"`
		PruneMargin  float64 `yaml:"prune_margin"`
		MaxSpan      int     `yaml:"max_span"`
		MaxSpanToken int     `yaml:"max_span_token"`
		PrefixLen    int     `yaml:"prefix_len"`
	} `yaml:"blocking"`
}

// similarity is a feature that is one similarity between two tokens.
type similarity struct {
	Similarity float64 `yaml:"similarity"`
}

// ErrWeights is wrapped by every error in a weights file.
var ErrWeights = errors.New("invalid screening weights")

// DefaultWeights returns the embedded weights.
func DefaultWeights() (*Weights, error) { return LoadWeights(weightsData) }

// LoadWeights reads WeightsFile from fsys, a file system laid out like the
// package directory (the embedded data, or "DIR/screen" of a --data
// directory). Unknown and missing keys and values out of range are errors.
func LoadWeights(fsys fs.FS) (*Weights, error) {
	data, err := fs.ReadFile(fsys, WeightsFile)
	if err != nil {
		return nil, fmt.Errorf("screen: %w", err)
	}
	return ParseWeights(WeightsFile, data)
}

// ParseWeights parses a weights file; name is used in errors.
func ParseWeights(name string, data []byte) (*Weights, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	w := new(Weights)
	if err := dec.Decode(w); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", name, ErrWeights, err)
	}
	if err := w.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return w, nil
}

// validate checks that every value is given and in its range.
func (w *Weights) validate() error {
	f, t, b := &w.Features, &w.Tokens, &w.Blocking
	unit := []struct {
		field string
		v     float64
	}{
		{"thresholds.match", w.Thresholds.Match},
		{"thresholds.review", w.Thresholds.Review},
		{"features.name.min_pair", f.Name.MinPair},
		{"features.name.credit_floor", f.Name.CreditFloor},
		{"features.name.min_lev_ratio", f.Name.MinLevRatio},
		{"features.name.min_span_lev_ratio", f.Name.MinSpanLevRatio},
		{"features.name.extra_floor", f.Name.ExtraFloor},
		{"features.name.omission", f.Name.Omission},
		{"features.romanisation.similarity", f.Romanisation.Similarity},
		{"features.initial.similarity", f.Initial.Similarity},
		{"features.legal_form.similarity", f.LegalForm.Similarity},
		{"features.substitution.weight", f.Substitution.Weight},
		{"features.substitution.floor", f.Substitution.Floor},
		{"features.number_mismatch.factor", f.NumberMismatch.Factor},
		{"features.number_mismatch.vessel_factor", f.NumberMismatch.VesselFactor},
		{"features.identifier.mismatch_factor", f.Identifier.MismatchFactor},
		{"features.birth_date.match", f.BirthDate.Match},
		{"features.birth_date.mismatch", f.BirthDate.Mismatch},
		{"features.country.mismatch", f.Country.Mismatch},
		{"tokens.legal", t.Legal},
		{"tokens.stop", t.Stop},
		{"tokens.initial", t.Initial},
		{"tokens.number", t.Number},
		{"tokens.generic", t.Generic},
		{"tokens.floor", t.Floor},
		{"blocking.prune_margin", b.PruneMargin},
	}
	var errs []error
	for _, u := range unit {
		if u.v <= 0 || u.v > 1 {
			errs = append(errs, fmt.Errorf("%s: %w: %v: want a number above 0 and at most 1", u.field, ErrWeights, u.v))
		}
	}
	counts := []struct {
		field  string
		v, max float64
	}{
		{"thresholds.max_hits", float64(w.Thresholds.MaxHits), 10000},
		{"tokens.full_df", t.FullDF, 1e6},
		{"tokens.floor_df", t.FloorDF, 1e9},
		{"blocking.max_df", float64(b.MaxDF), 1e9},
		{"blocking.rare_df", float64(b.RareDF), 1e9},
		{"blocking.max_span", float64(b.MaxSpan), 8},
		{"blocking.max_span_token", float64(b.MaxSpanToken), 64},
		{"blocking.prefix_len", float64(b.PrefixLen), 64},
	}
	for _, c := range counts {
		if c.v < 1 || c.v > c.max {
			errs = append(errs, fmt.Errorf("%s: %w: %v: want a number from 1 to %v", c.field, ErrWeights, c.v, c.max))
		}
	}
	if w.Thresholds.Review > w.Thresholds.Match {
		errs = append(errs, fmt.Errorf("thresholds.review: %w: %.2f above the match threshold %.2f", ErrWeights, w.Thresholds.Review, w.Thresholds.Match))
	}
	if t.FullDF >= t.FloorDF {
		errs = append(errs, fmt.Errorf("tokens.full_df: %w: %v not below floor_df %v", ErrWeights, t.FullDF, t.FloorDF))
	}
	if b.RareDF > b.MaxDF {
		errs = append(errs, fmt.Errorf("blocking.rare_df: %w: %d above max_df %d", ErrWeights, b.RareDF, b.MaxDF))
	}
	return errors.Join(errs...)
}

// thresholds returns the verdict bands.
func (w *Weights) thresholds() party.Thresholds {
	return party.Thresholds{Match: w.Thresholds.Match, Review: w.Thresholds.Review}
}
