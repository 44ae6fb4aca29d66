package screen

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen/names"
	"gopkg.in/yaml.v3"
)

// WeightsFile is the path of the weights file in [FS], and under a --data
// directory below "screen/".
const WeightsFile = "data/weights.yaml"

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
			// ShortWord is the length up to which two words that are not
			// both plausibly Korean align by edit distance only when they
			// begin with the same letter.
			ShortWord int `yaml:"short_word"`
			// FuzzySpelling is the shortest spelling a list wrote, where
			// the lexicon rewrote it, against which a query word is also
			// measured ("banking" for "bank").
			FuzzySpelling int `yaml:"fuzzy_spelling"`
			// CapSpread is the band below a cap into which the capped
			// scores are mapped, in order.
			CapSpread float64 `yaml:"cap_spread"`
		} `yaml:"name"`
		Romanisation romanisation `yaml:"romanisation"`
		Initial      similarity   `yaml:"initial"`
		LegalForm    similarity   `yaml:"legal_form"`
		Substitution struct {
			Weight      float64 `yaml:"weight"`
			Floor       float64 `yaml:"floor"`
			Distinctive float64 `yaml:"distinctive"`
			Cap         float64 `yaml:"cap"`
		} `yaml:"substitution"`
		SingleWord struct {
			Cap float64 `yaml:"cap"`
		} `yaml:"single_word"`
		WeakAlias struct {
			Floor float64 `yaml:"floor"`
		} `yaml:"weak_alias"`
		ShortName struct {
			Words int     `yaml:"words"`
			Cap   float64 `yaml:"cap"`
		} `yaml:"short_name"`
		CommonOnly struct {
			Common float64 `yaml:"common"`
			Cap    float64 `yaml:"cap"`
		} `yaml:"common_only"`
		NumberMismatch struct {
			Factor       float64 `yaml:"factor"`
			VesselFactor float64 `yaml:"vessel_factor"`
		} `yaml:"number_mismatch"`
		Identifier struct {
			MismatchFactor float64 `yaml:"mismatch_factor"`
			OtherHull      float64 `yaml:"other_hull"`
			SameName       float64 `yaml:"same_name"`
			Match          float64 `yaml:"match"`
			Conflict       float64 `yaml:"conflict"`
		} `yaml:"identifier"`
		BirthDate struct {
			Exact       float64 `yaml:"exact"`
			SameYear    float64 `yaml:"same_year"`
			Near        float64 `yaml:"near"`
			NearYears   int     `yaml:"near_years"`
			Mismatch    float64 `yaml:"mismatch"`
			DisjointGap int     `yaml:"disjoint_gap"`
		} `yaml:"birth_date"`
		Country struct {
			Mismatch   float64 `yaml:"mismatch"`
			ShortName  int     `yaml:"short_name"`
			ShortExact float64 `yaml:"short_exact"`
		} `yaml:"country"`
		Kind struct {
			Mismatch float64 `yaml:"mismatch"`
		} `yaml:"kind"`
		Corroboration corroboration `yaml:"corroboration"`
		CommonName    commonName    `yaml:"common_name"`
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
		MaxSpan         int `yaml:"max_span"`
		MaxSpanToken    int `yaml:"max_span_token"`
		PhoneticMinLen  int `yaml:"phonetic_min_len"`
		PhoneticMinCode int `yaml:"phonetic_min_code"`
		HoodMinRows     int `yaml:"hood_min_rows"`
		HoodRare        int `yaml:"hood_rare"`
		HoodMinMerged   int `yaml:"hood_min_merged"`
		SweepMinRows    int `yaml:"sweep_min_rows"`
	} `yaml:"blocking"`
}

// romanisation is the romanisation feature: the similarity of two
// spellings with one Korean skeleton, and to which words it applies.
type romanisation struct {
	Similarity float64 `yaml:"similarity"`
	// Region are the countries (names or codes) where Korean names are
	// written in Latin letters; a party whose countries are all elsewhere
	// gets no romanisation equivalences.
	Region []string `yaml:"region"`
	// Syllables is the Korean syllable grammar: only words it accepts on
	// both sides are compared by skeleton.
	Syllables names.Syllables `yaml:"syllables"`
	korean    *names.Korean
}

// corroboration is what each agreeing attribute is worth towards the
// corroboration that a common name, or a person born in another year,
// needs to be a match.
type corroboration struct {
	Need        float64 `yaml:"need"`
	BirthDate   float64 `yaml:"birth_date"`
	BirthYear   float64 `yaml:"birth_year"`
	BirthNear   float64 `yaml:"birth_near"`
	Identifier  float64 `yaml:"identifier"`
	Nationality float64 `yaml:"nationality"`
}

// commonName says which person names are too common to match without
// corroboration.
type commonName struct {
	MaxTokens       int      `yaml:"max_tokens"`
	Surnames        []string `yaml:"surnames"`
	Given           []string `yaml:"given"`
	surnames, given map[string]bool
}

// similarity is a feature that is one similarity between two tokens.
type similarity struct {
	Similarity float64 `yaml:"similarity"`
}

// DefaultWeights returns the embedded weights.
func DefaultWeights() (*Weights, error) { return LoadWeights(files) }

// LoadWeights reads [WeightsFile] from fsys, a file system laid out like
// the package directory (the embedded [FS], or "DIR/screen" of a --data
// directory laid over it). Unknown keys, missing values and values out of
// range are errors with their place ([datafile.Error]).
func LoadWeights(fsys fs.FS) (*Weights, error) {
	return datafile.Load(fsys, WeightsFile, "screen", ParseWeights)
}

// ParseWeights parses a weights file; name is used in errors. Every
// problem of the file is reported.
func ParseWeights(name string, data []byte) (*Weights, error) {
	f := datafile.NewFile(name)
	root := f.Root(data)
	if root == nil {
		return nil, f.Err()
	}
	w := new(Weights)
	f.Decode(root, "", w)
	if f.Failed() {
		return nil, f.Err()
	}
	w.validate(f, root)
	if err := f.Err(); err != nil {
		return nil, err
	}
	return w, nil
}

// bounded is one number of the file and its range.
type bounded struct {
	path   []any
	v      float64
	lo, hi float64
	// open excludes lo from the range.
	open bool
}

// validate checks that every value is given and in its range, and the
// relations between values.
func (w *Weights) validate(f *datafile.File, root *yaml.Node) {
	ft, t, b := &w.Features, &w.Tokens, &w.Blocking
	unit := func(v float64, p ...any) bounded { return bounded{path: p, v: v, lo: 0, hi: 1, open: true} }
	count := func(v, hi float64, p ...any) bounded { return bounded{path: p, v: v, lo: 1, hi: hi} }
	for _, x := range []bounded{
		unit(w.Thresholds.Match, "thresholds", "match"),
		unit(w.Thresholds.Review, "thresholds", "review"),
		count(float64(w.Thresholds.MaxHits), 10000, "thresholds", "max_hits"),
		unit(ft.Name.MinPair, "features", "name", "min_pair"),
		unit(ft.Name.CreditFloor, "features", "name", "credit_floor"),
		unit(ft.Name.MinLevRatio, "features", "name", "min_lev_ratio"),
		unit(ft.Name.MinSpanLevRatio, "features", "name", "min_span_lev_ratio"),
		unit(ft.Name.ExtraFloor, "features", "name", "extra_floor"),
		unit(ft.Name.Omission, "features", "name", "omission"),
		count(float64(ft.Name.ShortWord), 64, "features", "name", "short_word"),
		count(float64(ft.Name.FuzzySpelling), 64, "features", "name", "fuzzy_spelling"),
		unit(ft.Name.CapSpread, "features", "name", "cap_spread"),
		unit(ft.Romanisation.Similarity, "features", "romanisation", "similarity"),
		unit(ft.Initial.Similarity, "features", "initial", "similarity"),
		unit(ft.LegalForm.Similarity, "features", "legal_form", "similarity"),
		unit(ft.Substitution.Weight, "features", "substitution", "weight"),
		unit(ft.Substitution.Floor, "features", "substitution", "floor"),
		unit(ft.Substitution.Distinctive, "features", "substitution", "distinctive"),
		unit(ft.Substitution.Cap, "features", "substitution", "cap"),
		unit(ft.SingleWord.Cap, "features", "single_word", "cap"),
		unit(ft.WeakAlias.Floor, "features", "weak_alias", "floor"),
		count(float64(ft.ShortName.Words), 8, "features", "short_name", "words"),
		unit(ft.ShortName.Cap, "features", "short_name", "cap"),
		unit(ft.CommonOnly.Common, "features", "common_only", "common"),
		unit(ft.CommonOnly.Cap, "features", "common_only", "cap"),
		unit(ft.NumberMismatch.Factor, "features", "number_mismatch", "factor"),
		unit(ft.NumberMismatch.VesselFactor, "features", "number_mismatch", "vessel_factor"),
		unit(ft.Identifier.MismatchFactor, "features", "identifier", "mismatch_factor"),
		unit(ft.Identifier.OtherHull, "features", "identifier", "other_hull"),
		unit(ft.Identifier.SameName, "features", "identifier", "same_name"),
		unit(ft.Identifier.Match, "features", "identifier", "match"),
		unit(ft.Identifier.Conflict, "features", "identifier", "conflict"),
		unit(ft.BirthDate.Exact, "features", "birth_date", "exact"),
		unit(ft.BirthDate.SameYear, "features", "birth_date", "same_year"),
		unit(ft.BirthDate.Near, "features", "birth_date", "near"),
		count(float64(ft.BirthDate.NearYears), 20, "features", "birth_date", "near_years"),
		unit(ft.BirthDate.Mismatch, "features", "birth_date", "mismatch"),
		count(float64(ft.BirthDate.DisjointGap), 100, "features", "birth_date", "disjoint_gap"),
		unit(ft.Country.Mismatch, "features", "country", "mismatch"),
		count(float64(ft.Country.ShortName), 8, "features", "country", "short_name"),
		unit(ft.Country.ShortExact, "features", "country", "short_exact"),
		unit(ft.Kind.Mismatch, "features", "kind", "mismatch"),
		unit(ft.Corroboration.Need, "features", "corroboration", "need"),
		unit(ft.Corroboration.BirthDate, "features", "corroboration", "birth_date"),
		unit(ft.Corroboration.BirthYear, "features", "corroboration", "birth_year"),
		unit(ft.Corroboration.BirthNear, "features", "corroboration", "birth_near"),
		unit(ft.Corroboration.Identifier, "features", "corroboration", "identifier"),
		unit(ft.Corroboration.Nationality, "features", "corroboration", "nationality"),
		count(float64(ft.CommonName.MaxTokens), 8, "features", "common_name", "max_tokens"),
		unit(t.Legal, "tokens", "legal"),
		unit(t.Stop, "tokens", "stop"),
		unit(t.Initial, "tokens", "initial"),
		unit(t.Number, "tokens", "number"),
		unit(t.Generic, "tokens", "generic"),
		unit(t.Floor, "tokens", "floor"),
		count(t.FullDF, 1e6, "tokens", "full_df"),
		count(t.FloorDF, 1e9, "tokens", "floor_df"),
		count(float64(b.MaxSpan), 8, "blocking", "max_span"),
		count(float64(b.MaxSpanToken), 64, "blocking", "max_span_token"),
		count(float64(b.PhoneticMinLen), 64, "blocking", "phonetic_min_len"),
		count(float64(b.PhoneticMinCode), 64, "blocking", "phonetic_min_code"),
		count(float64(b.HoodMinRows), 1e9, "blocking", "hood_min_rows"),
		count(float64(b.HoodRare), 1e9, "blocking", "hood_rare"),
		count(float64(b.HoodMinMerged), 1e9, "blocking", "hood_min_merged"),
		count(float64(b.SweepMinRows), 1e9, "blocking", "sweep_min_rows"),
	} {
		switch {
		case x.v == 0:
			f.FailAt(root, datafile.ErrMissing, "", x.path...)
		case x.v < x.lo || x.v > x.hi || (x.open && x.v == x.lo):
			want := fmt.Sprintf("from %v to %v", x.lo, x.hi)
			if x.open {
				want = fmt.Sprintf("above %v and at most %v", x.lo, x.hi)
			}
			f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%v: want a number %s", x.v, want), x.path...)
		}
	}
	w.validateData(f, root)
	if w.Thresholds.Review > w.Thresholds.Match {
		f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%v is above the match threshold %v", w.Thresholds.Review, w.Thresholds.Match), "thresholds", "review")
	}
	if ft.Identifier.OtherHull >= w.Thresholds.Review {
		f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%v is not below the review threshold %v: two valid, different IMO numbers are two ships", ft.Identifier.OtherHull, w.Thresholds.Review), "features", "identifier", "other_hull")
	}
	if t.FullDF >= t.FloorDF {
		f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%v is not below floor_df %v", t.FullDF, t.FloorDF), "tokens", "full_df")
	}
}

// validateData checks the word data of the features and builds the
// Korean syllable grammar: the caps must lie below the match threshold
// they exist to keep a name under, and the word lists must be lower-case
// words.
func (w *Weights) validateData(f *datafile.File, root *yaml.Node) {
	ft := &w.Features
	for _, c := range []struct {
		v    float64
		path []any
	}{
		{ft.Substitution.Cap, []any{"features", "substitution", "cap"}},
		{ft.CommonOnly.Cap, []any{"features", "common_only", "cap"}},
		{ft.ShortName.Cap, []any{"features", "short_name", "cap"}},
	} {
		if c.v >= w.Thresholds.Match {
			f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%v is not below the match threshold %v", c.v, w.Thresholds.Match), c.path...)
		}
	}
	k, err := names.NewKorean(ft.Romanisation.Syllables)
	if err != nil {
		f.FailAt(root, datafile.ErrInvalid, err.Error(), "features", "romanisation", "syllables")
	}
	ft.Romanisation.korean = k
	ft.CommonName.surnames, ft.CommonName.given = wordSet(ft.CommonName.Surnames), wordSet(ft.CommonName.Given)
	for _, l := range []struct {
		words []string
		path  []any
	}{
		{ft.CommonName.Surnames, []any{"features", "common_name", "surnames"}},
		{ft.CommonName.Given, []any{"features", "common_name", "given"}},
		{ft.Romanisation.Region, []any{"features", "romanisation", "region"}},
	} {
		if len(l.words) == 0 {
			f.FailAt(root, datafile.ErrMissing, "", l.path...)
		}
		for _, word := range l.words {
			if word == "" || strings.ToLower(word) != word {
				f.FailAt(root, datafile.ErrInvalid, fmt.Sprintf("%q: want a lower-case word", word), l.path...)
			}
		}
	}
}

// wordSet returns the set of words.
func wordSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// thresholds returns the verdict bands.
func (w *Weights) thresholds() party.Thresholds {
	return party.Thresholds{Match: w.Thresholds.Match, Review: w.Thresholds.Review}
}
