package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/screen"
)

// This file is the OpenSanctions yente compatible matcher, POST
// /match/{dataset}: the request and answer shapes are yente's, so that a
// client written for yente can screen against luxscreen by changing its
// base URL. What luxscreen adds rides in "luxscreen" fields that yente
// clients ignore.

// MatchRequest is yente's EntityMatchQuery: examples to match, keyed by
// names the caller chooses.
type MatchRequest struct {
	Queries map[string]*MatchExample `json:"queries"`
	// Weights and Config tune yente's algorithms. luxscreen has one
	// matcher with thresholds fixed on its evaluation sets, so they are
	// accepted and reported back in the answer as ignored.
	Weights map[string]float64 `json:"weights,omitempty"`
	Config  map[string]any     `json:"config,omitempty"`
}

// MatchExample is yente's EntityExample: a FollowTheMoney schema and
// properties, each a string or a list of strings.
type MatchExample struct {
	ID         *string               `json:"id,omitempty"`
	Schema     string                `json:"schema"`
	Properties map[string]PropValues `json:"properties"`
}

// PropValues is a property's values; JSON may give one string or a list.
type PropValues []string

// UnmarshalJSON accepts "x" and ["x", "y"].
func (p *PropValues) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*p = PropValues{s}
		return nil
	}
	var ss []string
	if err := json.Unmarshal(b, &ss); err != nil {
		return errors.New("a property value must be a string or a list of strings")
	}
	*p = ss
	return nil
}

// MatchResponse is yente's EntityMatchResponse.
type MatchResponse struct {
	Responses map[string]MatchResults `json:"responses"`
	Matcher   map[string]FeatureDoc   `json:"matcher"`
	Limit     int                     `json:"limit"`
	Luxscreen MatchRunInfo            `json:"luxscreen"`
}

// MatchRunInfo is luxscreen's addition to a /match answer.
type MatchRunInfo struct {
	// Lists are the sanctions lists screened against.
	Lists []screen.ListVersion `json:"lists"`
	// Thresholds are luxscreen's verdict bands; "match" on a result uses
	// the threshold parameter, which defaults to the match band.
	Thresholds Thresholds `json:"thresholds"`
	// Ignored names the request's parameters and fields that luxscreen
	// accepted but does not apply (algorithm, weights, topics…).
	Ignored []string `json:"ignored,omitempty"`
}

// FeatureDoc is yente's description of one scoring feature.
type FeatureDoc struct {
	Description string  `json:"description"`
	Coefficient float64 `json:"coefficient"`
	URL         string  `json:"url"`
}

// MatchResults is yente's EntityMatches: the answer to one query.
type MatchResults struct {
	Status    int               `json:"status"`
	Results   []MatchResult     `json:"results"`
	Total     Total             `json:"total"`
	Query     MatchQueryEcho    `json:"query"`
	Luxscreen MatchQueryVerdict `json:"luxscreen"`
}

// Total is yente's TotalSpec.
type Total struct {
	Value    int    `json:"value"`
	Relation string `json:"relation"`
}

// MatchQueryEcho is the query as understood: yente echoes the example
// with its properties as lists.
type MatchQueryEcho struct {
	ID         *string             `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// MatchQueryVerdict is luxscreen's verdict on one query, over the results
// left after the request's filters.
type MatchQueryVerdict struct {
	Verdict screen.Verdict `json:"verdict"`
	Reasons []string       `json:"reasons,omitempty"`
	// Screened is how many name, country, birth date and IMO
	// combinations were screened.
	Screened int `json:"screened"`
	// IgnoredProperties are example properties luxscreen does not match
	// on; they did not change the result.
	IgnoredProperties []string `json:"ignored_properties,omitempty"`
}

// MatchResult is yente's ScoredEntityResponse built from one hit. Only
// what the hit says is filled in: the names, the dataset, the score.
type MatchResult struct {
	ID         string              `json:"id"`
	Caption    string              `json:"caption"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
	Datasets   []string            `json:"datasets"`
	Referents  []string            `json:"referents"`
	Target     bool                `json:"target"`
	FirstSeen  *time.Time          `json:"first_seen"`
	LastSeen   *time.Time          `json:"last_seen"`
	LastChange *time.Time          `json:"last_change"`
	Score      float64             `json:"score"`
	Features   map[string]float64  `json:"features"`
	Match      bool                `json:"match"`
	Luxscreen  MatchHitInfo        `json:"luxscreen"`
}

// MatchHitInfo is the luxscreen hit behind a result.
type MatchHitInfo struct {
	List        string          `json:"list"`
	Ref         string          `json:"ref"`
	MatchedName string          `json:"matched_name"`
	MatchedKind screen.NameKind `json:"matched_kind"`
	Reasons     []string        `json:"reasons"`
}

// yente's defaults and bounds for the limit parameter.
const (
	matchDefaultLimit = 5
	matchMaxLimit     = 500
	// matchMaxVariants bounds the screenings one example may cause: each
	// combination of name, country, birth date and IMO number is one.
	matchMaxVariants = 64
	// featureScore is the one feature luxscreen reports.
	featureScore = "luxscreen_score"
)

// schemaKind maps the FollowTheMoney schemas luxscreen can screen to the
// kind of listed entity they compare with.
func schemaKind(schema string) (screen.Kind, bool) {
	switch schema {
	case "Person":
		return screen.KindPerson, true
	case "Company", "Organization", "PublicBody":
		return screen.KindOrganisation, true
	case "LegalEntity":
		// A person or an organisation: the screener compares all kinds,
		// and vessels and aircraft are dropped from the results.
		return screen.KindUnknown, true
	case "Vessel":
		return screen.KindVessel, true
	case "Airplane":
		return screen.KindAircraft, true
	}
	return screen.KindUnknown, false
}

// schemaOf is the FollowTheMoney schema of a listed entity of kind k.
func schemaOf(k screen.Kind) string {
	switch k {
	case screen.KindPerson:
		return "Person"
	case screen.KindOrganisation:
		return "Organization"
	case screen.KindVessel:
		return "Vessel"
	case screen.KindAircraft:
		return "Airplane"
	}
	return "LegalEntity"
}

// datasetOf is the OpenSanctions dataset name of a list source, so that
// include_dataset and exclude_dataset filters written for yente work.
func datasetOf(source string) string {
	switch source {
	case "UN":
		return "un_sc_sanctions"
	case "OFAC":
		return "us_ofac_sdn"
	case "EU":
		return "eu_fsf"
	case "UK":
		return "gb_fcdo_sanctions"
	case "demo":
		return "luxscreen_demo"
	}
	return strings.ToLower(source)
}

// isSanctionsSource reports whether every entity of a source is a
// sanctions designation, which yente marks with the "sanction" topic.
// OpenSanctions FtM files may hold other topics, so they are not marked.
func isSanctionsSource(source string) bool {
	switch source {
	case "UN", "OFAC", "EU", "UK", "demo":
		return true
	}
	return false
}

// Example properties luxscreen screens on; every other property is
// reported back as ignored.
const (
	propName = "name"
)

func nameProps() []string   { return []string{"name", "alias", "previousName"} }
func middleProps() []string { return []string{"middleName", "fatherName", "secondName"} }
func countryProps() []string {
	return []string{"country", "nationality", "citizenship", "jurisdiction", "flag", "mainCountry"}
}
func isUsedProp(p string) bool {
	switch p {
	case "firstName", "lastName", "birthDate", "imoNumber":
		return true
	}
	return slices.Contains(nameProps(), p) || slices.Contains(middleProps(), p) || slices.Contains(countryProps(), p)
}

// matchParams are the query parameters of /match, as yente reads them.
type matchParams struct {
	limit             int
	threshold, cutoff float64
	include, exclude  map[string]bool // datasets
	excludeSchema     map[string]bool
	excludeIDs        map[string]bool
	dataset           string // "" for all loaded lists
	ignored           []string
}

func (s *Server) matchParams(q url.Values, dataset string) (matchParams, error) {
	match, _ := s.sys.Screener().Thresholds()
	p := matchParams{limit: matchDefaultLimit, threshold: match}
	set := func(vs []string) map[string]bool {
		m := map[string]bool{}
		for _, v := range vs {
			m[v] = true
		}
		return m
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		// A scalar given twice takes its last value, as yente (Starlette)
		// reads it.
		v := q[k][len(q[k])-1]
		switch k {
		case "limit":
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > matchMaxLimit {
				return p, errorf(http.StatusBadRequest, CodeInvalidParameter, "limit %q: want a whole number from 1 to %d", v, matchMaxLimit)
			}
			p.limit = n
		case "threshold", "cutoff":
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < 0 || f > 1 {
				return p, errorf(http.StatusBadRequest, CodeInvalidParameter, "%s %q: want a number from 0 to 1", k, v)
			}
			if k == "threshold" {
				p.threshold = f
			} else {
				p.cutoff = f
			}
		case "include_dataset":
			p.include = set(q[k])
		case "exclude_dataset":
			p.exclude = set(q[k])
		case "exclude_schema":
			p.excludeSchema = set(q[k])
		case "exclude_entity_ids":
			p.excludeIDs = set(q[k])
		case "algorithm":
			if v != "best" && v != "luxscreen" {
				p.ignored = append(p.ignored, "algorithm="+v+" (luxscreen has one matcher)")
			}
		case "topics":
			// Filtering on topics luxscreen does not know would drop hits:
			// screening must fail closed, so the filter is not applied.
			p.ignored = append(p.ignored, "topics (not applied: it could only hide hits)")
		default:
			p.ignored = append(p.ignored, k)
		}
	}
	switch dataset {
	case "default", "sanctions", "luxscreen":
	default:
		known := []string{"default", "sanctions"}
		for _, v := range s.sys.Screener().Versions() {
			known = append(known, datasetOf(v.Source))
			if datasetOf(v.Source) == dataset {
				p.dataset = dataset
			}
		}
		if p.dataset == "" {
			return p, errorf(http.StatusNotFound, CodeNotFound, "no dataset %q (have: %s)", dataset, strings.Join(known, ", "))
		}
	}
	return p, nil
}

// matchQuery is one validated example with the screenings it needs.
type matchQuery struct {
	key      string
	echo     MatchQueryEcho
	kind     screen.Kind
	legal    bool // LegalEntity: drop vessels and aircraft
	variants []screen.Query
	ignored  []string
}

// parseExample validates an example and expands it into screenings.
func parseExample(key string, ex *MatchExample) (matchQuery, error) {
	bad := func(format string, args ...any) error {
		return errorf(http.StatusBadRequest, CodeInvalidField, "Cannot parse example entity %q: %s", key, fmt.Sprintf(format, args...))
	}
	kind, ok := schemaKind(ex.Schema)
	if !ok {
		return matchQuery{}, bad("schema %q cannot be screened (want Person, Company, Organization, PublicBody, LegalEntity, Vessel or Airplane)", ex.Schema)
	}
	mq := matchQuery{key: key, kind: kind, legal: ex.Schema == "LegalEntity",
		echo: MatchQueryEcho{ID: ex.ID, Schema: ex.Schema, Properties: map[string][]string{}}}
	props := map[string][]string{}
	for k, vs := range ex.Properties {
		var clean []string
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" && !slices.Contains(clean, v) {
				clean = append(clean, v)
			}
		}
		if len(clean) == 0 {
			continue
		}
		props[k] = clean
		mq.echo.Properties[k] = clean
		if !isUsedProp(k) {
			mq.ignored = append(mq.ignored, k)
		}
	}
	sort.Strings(mq.ignored)

	var names []string
	add := func(n string) {
		for _, have := range names {
			if strings.EqualFold(have, n) {
				return
			}
		}
		names = append(names, n)
	}
	for _, p := range nameProps() {
		for _, n := range props[p] {
			add(n)
		}
	}
	if len(props["firstName"]) > 0 || len(props["lastName"]) > 0 {
		var middle []string
		for _, p := range middleProps() {
			if vs := props[p]; len(vs) > 0 {
				middle = append(middle, vs[0])
			}
		}
		for _, f := range orEmpty(props["firstName"]) {
			for _, l := range orEmpty(props["lastName"]) {
				parts := append(append([]string{f}, middle...), l)
				add(strings.Join(strings.Fields(strings.Join(parts, " ")), " "))
			}
		}
	}
	imos := props["imoNumber"]
	if len(names) == 0 && len(imos) == 0 {
		return matchQuery{}, bad("no name to screen: give name, alias, firstName/lastName or imoNumber")
	}
	var countries []string
	for _, p := range countryProps() {
		for _, c := range props[p] {
			if !slices.Contains(countries, c) {
				countries = append(countries, c)
			}
		}
	}
	dobs := props["birthDate"]
	n := len(orEmpty(names)) * len(orEmpty(countries)) * len(orEmpty(dobs)) * len(orEmpty(imos))
	if n > matchMaxVariants {
		return matchQuery{}, bad("%d combinations of names, countries, birth dates and IMO numbers; at most %d", n, matchMaxVariants)
	}
	for _, name := range orEmpty(names) {
		for _, c := range orEmpty(countries) {
			for _, d := range orEmpty(dobs) {
				for _, imo := range orEmpty(imos) {
					mq.variants = append(mq.variants, screen.Query{Name: name, Kind: kind, Country: c, DOB: d, IMO: imo})
				}
			}
		}
	}
	return mq, nil
}

// orEmpty returns vs, or one empty string so that a loop over it runs once.
func orEmpty(vs []string) []string {
	if len(vs) == 0 {
		return []string{""}
	}
	return vs
}

// handleMatch answers POST /match/{dataset} as yente does.
func (s *Server) handleMatch(w http.ResponseWriter, r *http.Request) error {
	p, err := s.matchParams(r.URL.Query(), r.PathValue("dataset"))
	if err != nil {
		return err
	}
	if len(s.sys.Screener().Versions()) == 0 {
		return errorf(http.StatusServiceUnavailable, CodeNotReady, "no sanctions list is loaded; see /readyz")
	}
	body, err := readBody(r)
	if err != nil {
		return err
	}
	var req MatchRequest
	if err := decodeItem(item{data: body, line: 1, col: 1}, false, &req); err != nil {
		return err
	}
	if len(req.Weights) > 0 {
		p.ignored = append(p.ignored, "weights")
	}
	if len(req.Config) > 0 {
		p.ignored = append(p.ignored, "config")
	}
	keys := make([]string, 0, len(req.Queries))
	for k, ex := range req.Queries {
		// yente skips null examples.
		if ex != nil {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return errorf(http.StatusBadRequest, CodeInvalidField, "No queries provided.")
	}
	if len(keys) > s.cfg.MaxBatch {
		// yente answers 400 here, not 413; its clients expect that.
		return errorf(http.StatusBadRequest, CodeBatchTooLarge, "Too many queries in one batch (limit: %d)", s.cfg.MaxBatch)
	}
	sort.Strings(keys)
	mqs := make([]matchQuery, len(keys))
	for i, k := range keys {
		if mqs[i], err = parseExample(k, req.Queries[k]); err != nil {
			return err
		}
	}
	results, err := parallelMap(r.Context(), mqs, func(ctx context.Context, mq matchQuery) (MatchResults, error) {
		return s.matchOne(ctx, mq, p)
	})
	if err != nil {
		return err
	}
	match, review := s.sys.Screener().Thresholds()
	resp := MatchResponse{
		Responses: make(map[string]MatchResults, len(keys)),
		Matcher: map[string]FeatureDoc{featureScore: {
			Description: fmt.Sprintf("luxscreen's name score (weighted token alignment with Korean romanisation keys; an exact IMO number scores 1). A result matches at or above the threshold, %.2f by default, unless only a weak alias matched.", match),
			Coefficient: 1,
			URL:         "https://pkg.go.dev/github.com/luxscreen/luxscreen/screen",
		}},
		Limit: p.limit,
		Luxscreen: MatchRunInfo{
			Lists:      s.sys.Screener().Versions(),
			Thresholds: Thresholds{Match: match, Review: review},
			Ignored:    p.ignored,
		},
	}
	for i, k := range keys {
		resp.Responses[k] = results[i]
	}
	w.Header().Set("X-Batch-Size", strconv.Itoa(len(keys)))
	return writeJSON(w, http.StatusOK, resp)
}

// matchOne screens every variant of one example, keeps each entity's best
// hit, filters and ranks the hits as the parameters ask, and judges them.
func (s *Server) matchOne(ctx context.Context, mq matchQuery, p matchParams) (MatchResults, error) {
	match, _ := s.sys.Screener().Thresholds()
	best := map[string]screen.Hit{}
	var reasons []string
	for _, q := range mq.variants {
		res, err := s.sys.Screener().Screen(ctx, q)
		if err != nil {
			return MatchResults{}, err
		}
		for _, h := range res.Hits {
			if b, ok := best[h.Entity]; !ok || h.Score > b.Score {
				best[h.Entity] = h
			}
		}
		for _, why := range res.Reasons {
			if !slices.Contains(reasons, why) {
				reasons = append(reasons, why)
			}
		}
	}
	if len(best) == 0 && len(reasons) > 0 {
		// An empty result list reads as clear to a yente client; a query
		// that could not be screened must not.
		return MatchResults{}, errorf(http.StatusUnprocessableEntity, CodeCannotScreen, "query %q could not be screened: %s", mq.key, strings.Join(reasons, "; "))
	}
	hits := make([]screen.Hit, 0, len(best))
	for _, h := range best {
		ds := datasetOf(h.List)
		switch {
		case mq.legal && (h.Kind == screen.KindVessel || h.Kind == screen.KindAircraft),
			p.dataset != "" && ds != p.dataset,
			p.include != nil && !p.include[ds],
			p.exclude[ds],
			p.excludeSchema[schemaOf(h.Kind)],
			p.excludeIDs[h.Entity],
			h.Score < p.cutoff:
			continue
		}
		hits = append(hits, h)
	}
	// Ranked by score; at equal scores a hit that can make a match comes
	// before a weak-alias one, since yente clients often read only the
	// first result.
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if aw, bw := a.MatchedKind == screen.NameWeak, b.MatchedKind == screen.NameWeak; aw != bw {
			return bw
		}
		return a.Entity < b.Entity
	})
	verdict := screen.Clear
	for _, h := range hits {
		if h.Score >= match && h.MatchedKind != screen.NameWeak {
			verdict = screen.Match
			break
		}
	}
	if verdict == screen.Clear && (len(hits) > 0 || len(reasons) > 0) {
		verdict = screen.Review
	}
	s.metrics.verdicts.WithLabelValues(string(verdict)).Inc()
	out := MatchResults{
		Status:  http.StatusOK,
		Results: []MatchResult{},
		Total:   Total{Value: len(hits), Relation: "eq"},
		Query:   mq.echo,
		Luxscreen: MatchQueryVerdict{Verdict: verdict, Reasons: reasons, Screened: len(mq.variants),
			IgnoredProperties: mq.ignored},
	}
	if len(hits) > p.limit {
		hits = hits[:p.limit]
	}
	for _, h := range hits {
		out.Results = append(out.Results, newMatchResult(h, p.threshold))
	}
	return out, nil
}

// newMatchResult builds yente's result from a hit. The entity's other
// properties are not in the hit and are left out rather than guessed.
func newMatchResult(h screen.Hit, threshold float64) MatchResult {
	props := map[string][]string{propName: {h.Name}}
	if h.MatchedName != "" && !strings.EqualFold(h.MatchedName, h.Name) {
		key := "alias"
		switch h.MatchedKind {
		case screen.NameFKA:
			key = "previousName"
		case screen.NameWeak:
			key = "weakAlias"
		}
		props[key] = []string{h.MatchedName}
	}
	if isSanctionsSource(h.List) {
		props["topics"] = []string{"sanction"}
	}
	return MatchResult{
		ID:         h.Entity,
		Caption:    h.Name,
		Schema:     schemaOf(h.Kind),
		Properties: props,
		Datasets:   []string{datasetOf(h.List)},
		Referents:  []string{},
		Target:     true,
		Score:      h.Score,
		Features:   map[string]float64{featureScore: h.Score},
		Match:      h.Score >= threshold && h.MatchedKind != screen.NameWeak,
		Luxscreen: MatchHitInfo{List: h.List, Ref: h.Ref, MatchedName: h.MatchedName,
			MatchedKind: h.MatchedKind, Reasons: h.Reasons},
	}
}
