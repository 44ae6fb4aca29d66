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

	"github.com/luxscreen/luxscreen/party"
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
	Verdict party.Verdict `json:"verdict"`
	Reasons []string      `json:"reasons,omitempty"`
	// IgnoredProperties are example properties luxscreen does not match
	// on; they did not change the result.
	IgnoredProperties []string `json:"ignored_properties,omitempty"`
}

// MatchResult is yente's ScoredEntityResponse built from one hit: the
// listed party as an entity (see EntityResponse), the score, and whether
// it is a match.
type MatchResult struct {
	EntityResponse
	Score     float64            `json:"score"`
	Features  map[string]float64 `json:"features"`
	Match     bool               `json:"match"`
	Luxscreen MatchHitInfo       `json:"luxscreen"`
}

// MatchHitInfo is the luxscreen hit behind a result: which of the
// example's names matched which listed name, and the features of the
// score, structured and rendered.
type MatchHitInfo struct {
	List        string          `json:"list"`
	Ref         string          `json:"ref"`
	QueryName   string          `json:"query_name,omitempty"`
	MatchedName string          `json:"matched_name"`
	MatchedKind party.NameKind  `json:"matched_kind"`
	Reasons     []string        `json:"reasons"`
	Features    []party.Feature `json:"features"`
	// References are the list entries the result stands for, with each
	// list's version, as in /v1/screen.
	References []party.Reference `json:"references,omitempty"`
}

// yente's defaults and bounds for the limit parameter.
const (
	matchDefaultLimit = 5
	matchMaxLimit     = 500
	// matchMaxNames bounds the names of one example: each is compared
	// with the lists.
	matchMaxNames = 64
	// featureScore is the one feature luxscreen reports.
	featureScore = "luxscreen_score"
)

// schemaKind maps the FollowTheMoney schemas luxscreen can screen to the
// kind of listed entity they compare with.
func schemaKind(schema string) (party.Kind, bool) {
	switch schema {
	case "Person":
		return party.KindPerson, true
	case "Company", "Organization", "PublicBody":
		return party.KindOrganisation, true
	case "LegalEntity":
		// A person or an organisation: the screener compares all kinds,
		// and vessels and aircraft are dropped from the results.
		return party.KindUnknown, true
	case "Vessel":
		return party.KindVessel, true
	case "Airplane":
		return party.KindAircraft, true
	}
	return party.KindUnknown, false
}

// schemaOf is the FollowTheMoney schema of a listed entity of kind k.
func schemaOf(k party.Kind) string {
	switch k {
	case party.KindPerson:
		return "Person"
	case party.KindOrganisation:
		return "Organization"
	case party.KindVessel:
		return "Vessel"
	case party.KindAircraft:
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

// isNameProp reports whether property p holds a name or a part of one.
func isNameProp(p string) bool {
	return p == "firstName" || p == "lastName" || slices.Contains(nameProps(), p) || slices.Contains(middleProps(), p)
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
	loaded := s.loadedDatasets()
	// A filter naming a dataset no loaded list has would drop every hit,
	// and the answer would read as clear: a misspelt name is refused.
	for _, k := range []string{"include_dataset", "exclude_dataset"} {
		for _, v := range q[k] {
			if !slices.Contains(loaded, v) {
				return p, errorf(http.StatusBadRequest, CodeInvalidParameter, "%s %q: no list of that dataset is loaded (loaded: %s)", k, v, strings.Join(loaded, ", "))
			}
		}
	}
	ds, err := pathDataset(dataset, loaded)
	if err != nil {
		return p, err
	}
	p.dataset = ds
	return p, nil
}

// matchQuery is one validated example and the entity it describes.
type matchQuery struct {
	key     string
	echo    MatchQueryEcho
	legal   bool // LegalEntity: drop vessels and aircraft
	entity  party.Entity
	ignored []string
}

// parseExample validates an example and maps it to one entity: all its
// names (name, alias, previousName, and firstName … lastName joined),
// birth dates, countries and IMO numbers.
func parseExample(key string, ex *MatchExample) (matchQuery, error) {
	bad := func(format string, args ...any) error {
		return errorf(http.StatusBadRequest, CodeInvalidField, "Cannot parse example entity %q: %s", key, fmt.Sprintf(format, args...))
	}
	kind, ok := schemaKind(ex.Schema)
	if !ok {
		return matchQuery{}, bad("schema %q cannot be screened (want Person, Company, Organization, PublicBody, LegalEntity, Vessel or Airplane)", ex.Schema)
	}
	mq := matchQuery{key: key, legal: ex.Schema == "LegalEntity", entity: party.Entity{Kind: kind},
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
			continue
		}
		limit := screen.MaxFieldRunes
		if isNameProp(k) {
			limit = screen.MaxNameRunes
		}
		for _, v := range clean {
			if err := screen.CheckLength("property "+k, v, limit); err != nil {
				return matchQuery{}, lengthError(fmt.Sprintf("Cannot parse example entity %q", key), err)
			}
		}
	}
	sort.Strings(mq.ignored)
	e := &mq.entity
	for _, p := range nameProps() {
		for _, n := range props[p] {
			e.AddName(n)
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
				e.AddName(strings.Join(strings.Fields(strings.Join(parts, " ")), " "))
			}
		}
	}
	for _, imo := range props["imoNumber"] {
		if err := checkIMO(imo, kind); err != nil {
			return matchQuery{}, bad("property imoNumber: %v", err)
		}
		e.Identifiers = append(e.Identifiers, party.Identifier{Type: party.IDIMO, Value: imo})
	}
	if len(e.Names) == 0 && len(e.Identifiers) == 0 {
		return matchQuery{}, bad("no name to screen: give name, alias, firstName/lastName or imoNumber")
	}
	if len(e.Names) > matchMaxNames {
		return matchQuery{}, bad("%d names; at most %d", len(e.Names), matchMaxNames)
	}
	for _, p := range countryProps() {
		for _, c := range props[p] {
			if !slices.Contains(e.Countries, c) {
				e.Countries = append(e.Countries, c)
			}
		}
	}
	e.BirthDates = props["birthDate"]
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
	names := 0
	for i, k := range keys {
		if mqs[i], err = parseExample(k, req.Queries[k]); err != nil {
			return err
		}
		// Country properties hold FtM codes; a two-letter one that names
		// no country would be compared with nothing.
		for _, p := range []string{"country", "nationality", "flag"} {
			for _, c := range mqs[i].echo.Properties[p] {
				if !s.countryOK(c) {
					return errorf(http.StatusBadRequest, CodeInvalidField, "Cannot parse example entity %q: property %s: %q is not an assigned ISO 3166-1 alpha-2 code", k, p, c)
				}
			}
		}
		names += len(mqs[i].entity.Names)
	}
	if names > s.cfg.MaxScreenings {
		return errorf(http.StatusBadRequest, CodeBatchTooLarge, "The queries hold %d names to screen; at most %d in one request (split it)", names, s.cfg.MaxScreenings)
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
		Matcher:   s.algorithm().Features,
		Limit:     p.limit,
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

// matchOne screens one example's entity, filters and ranks the hits as
// the parameters ask, and judges what is left.
func (s *Server) matchOne(ctx context.Context, mq matchQuery, p matchParams) (MatchResults, error) {
	res, _, _, err := s.screenParty(ctx, mq.entity)
	if err != nil {
		return MatchResults{}, err
	}
	reasons := party.Render(res.Reasons)
	if len(res.Hits) == 0 && len(res.Reasons) > 0 {
		// An empty result list reads as clear to a yente client; a query
		// that could not be screened must not.
		return MatchResults{}, errorf(http.StatusUnprocessableEntity, CodeCannotScreen, "query %q could not be screened: %s", mq.key, strings.Join(reasons, "; "))
	}
	hits := make([]party.Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		if mq.legal && (h.Kind == party.KindVessel || h.Kind == party.KindAircraft) || p.excludeSchema[schemaOf(h.Kind)] || h.Score < p.cutoff {
			continue
		}
		// A hit standing for the same party on several lists passes the
		// dataset and entity filters when one of its entries does.
		if !slices.ContainsFunc(hitEntries(&h), func(e [2]string) bool {
			ds := datasetOf(e[1])
			return (p.dataset == "" || ds == p.dataset) && (p.include == nil || p.include[ds]) && !p.exclude[ds] && !p.excludeIDs[e[0]]
		}) {
			continue
		}
		hits = append(hits, h)
	}
	// Ranked by score; at equal scores a hit that can make a match comes
	// before a weak-alias one, since yente clients often read only the
	// first result.
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if aw, bw := a.MatchedKind == party.NameWeak, b.MatchedKind == party.NameWeak; aw != bw {
			return bw
		}
		return a.Entity < b.Entity
	})
	match, review := s.sys.Screener().Thresholds()
	verdict := party.Decide(hits, res.Reasons, party.Thresholds{Match: match, Review: review})
	s.metrics.verdicts.WithLabelValues(string(verdict)).Inc()
	out := MatchResults{
		Status:    http.StatusOK,
		Results:   []MatchResult{},
		Total:     Total{Value: len(hits), Relation: "eq"},
		Query:     mq.echo,
		Luxscreen: MatchQueryVerdict{Verdict: verdict, Reasons: reasons, IgnoredProperties: mq.ignored},
	}
	if len(hits) > p.limit {
		hits = hits[:p.limit]
	}
	for i := range hits {
		out.Results = append(out.Results, newMatchResult(&hits[i], p.threshold))
	}
	return out, nil
}

// newMatchResult builds yente's result from a hit: the party as
// newEntityResponse renders it, with the hit's score and explanation.
func newMatchResult(h *party.Hit, threshold float64) MatchResult {
	return MatchResult{
		EntityResponse: newEntityResponse(h),
		Score:          h.Score,
		Features:       map[string]float64{featureScore: h.Score},
		Match:          h.Matches(threshold),
		Luxscreen: MatchHitInfo{List: h.List, Ref: h.Ref, QueryName: h.QueryName, MatchedName: h.MatchedName,
			MatchedKind: h.MatchedKind, Reasons: party.Render(h.Features), Features: h.Features, References: h.References},
	}
}
